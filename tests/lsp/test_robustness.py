"""The server never dies: files broken at random, requests at every odd place,
malformed messages, and a failure inside a feature, logged and answered."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInternalError

from blueprint.lsp.analysis import ServerSettings
from blueprint.lsp.server import create_server, guarded
from tests.lsp.conftest import at, change, open_document, published

pytestmark = pytest.mark.asyncio(loop_scope="package")

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.bp"))


def mutated(text: str, rng: random.Random) -> str:
    """`text` with a slice cut out, doubled or replaced by a few awkward characters."""
    start = rng.randrange(len(text))
    end = min(len(text), start + rng.randrange(1, 40))
    choice = rng.randrange(3)
    if choice == 0:
        return text[:start] + text[end:]
    if choice == 1:
        return text[:end] + text[start:]
    return text[:start] + rng.choice(['"', "->", "\n", "“", "😀", "\t", "..", "#", "\\", "步"]) + text[end:]


async def every_request(client, uri: str, line: int, character: int) -> None:
    document = types.TextDocumentIdentifier(uri=uri)
    place = at(uri, line, character)
    answers = await asyncio.gather(
        client.text_document_hover_async(types.HoverParams(**place)),
        client.text_document_completion_async(types.CompletionParams(**place)),
        client.text_document_definition_async(types.DefinitionParams(**place)),
        client.text_document_references_async(types.ReferenceParams(
            **place, context=types.ReferenceContext(include_declaration=True))),
        client.text_document_prepare_rename_async(types.PrepareRenameParams(**place)),
        client.text_document_document_highlight_async(types.DocumentHighlightParams(**place)),
        client.text_document_code_action_async(types.CodeActionParams(
            text_document=document, range=types.Range(start=place["position"], end=place["position"]),
            context=types.CodeActionContext(diagnostics=list(client.diagnostics.get(uri, []))))),
        return_exceptions=True,
    )
    failures = [answer for answer in answers if isinstance(answer, Exception)]
    assert failures == []


async def test_random_damage_to_every_example_never_breaks_a_feature(client):
    rng = random.Random(15)
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        uri = await open_document(client, text, path.stem)
        for version in range(2, 8):
            text = mutated(text, rng)
            change(client, uri, version, text)
            await published(client, uri, version)
            lines = text.split("\n")
            line = rng.randrange(len(lines))
            await every_request(client, uri, line, rng.randrange(len(lines[line]) + 2))
        document = types.TextDocumentIdentifier(uri=uri)
        options = types.FormattingOptions(tab_size=2, insert_spaces=True)
        await client.text_document_formatting_async(types.DocumentFormattingParams(text_document=document, options=options))
        await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=document))
        await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=document))
        await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=document))
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="blueprint.renderSvg", arguments=[uri]))
    assert not [m for m in client.log_messages if m.type == types.MessageType.Error]


async def test_an_unknown_command_is_refused_and_the_server_goes_on(client):
    with pytest.raises(JsonRpcException):
        await client.workspace_execute_command_async(types.ExecuteCommandParams(command="blueprint.nothing"))
    uri = await open_document(client, 'blueprint "Still here"\n')
    assert list(client.diagnostics[uri]) == []


async def test_settings_changed_by_the_client_apply_to_the_next_check(client):
    text = 'blueprint "X"\nstep s "S"\n  custmer a "A"\n'
    uri = await open_document(client, text)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"blueprint": {"docsUrl": "https://elsewhere.example/docs/", "debounceMs": "soon"}}))
    change(client, uri, 2, text + "\n")
    found = await published(client, uri, 2)
    assert found[0].code_description.href == "https://elsewhere.example/docs/rules/#bp104-unknown-lane"
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"blueprint": {"docsUrl": "https://docs.example.org/blueprint"}}))
    change(client, uri, 3, text)
    found = await published(client, uri, 3)
    assert found[0].code_description.href == "https://docs.example.org/blueprint/rules/#bp104-unknown-lane"


class _Reporter:
    def __init__(self) -> None:
        self.reported: list[tuple[str, BaseException]] = []

    def report(self, what: str, error: BaseException) -> None:
        self.reported.append((what, error))


async def test_a_failure_inside_a_request_is_logged_and_answered_as_an_internal_error():
    server = _Reporter()

    @guarded(server, "hover")
    async def broken(params):
        raise KeyError("a bug")

    with pytest.raises(JsonRpcInternalError, match="blueprint: hover failed"):
        await broken(None)
    assert [what for what, _ in server.reported] == ["hover"]


async def test_a_failure_inside_a_notification_is_logged_and_swallowed():
    server = _Reporter()

    @guarded(server, "following a change", answer_errors=False)
    async def broken(params):
        raise RuntimeError("a bug")

    assert await broken(None) is None
    assert [what for what, _ in server.reported] == ["following a change"]


async def test_the_server_offers_every_feature():
    server = create_server(ServerSettings())
    features = set(server.protocol.fm.features)
    assert {
        types.TEXT_DOCUMENT_DID_OPEN, types.TEXT_DOCUMENT_DID_CHANGE, types.TEXT_DOCUMENT_DID_CLOSE,
        types.TEXT_DOCUMENT_HOVER, types.TEXT_DOCUMENT_COMPLETION, types.TEXT_DOCUMENT_DEFINITION,
        types.TEXT_DOCUMENT_REFERENCES, types.TEXT_DOCUMENT_RENAME, types.TEXT_DOCUMENT_PREPARE_RENAME,
        types.TEXT_DOCUMENT_DOCUMENT_SYMBOL, types.TEXT_DOCUMENT_FOLDING_RANGE, types.TEXT_DOCUMENT_FORMATTING,
        types.TEXT_DOCUMENT_RANGE_FORMATTING, types.TEXT_DOCUMENT_CODE_ACTION,
        types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT,
    } <= features
    assert "blueprint.renderSvg" in server.protocol.fm.commands
