"""Definition, references, highlights and rename, for every ID."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from blueprint.api import check_text
from tests.lsp.conftest import at, change, open_document, published

pytestmark = pytest.mark.asyncio(loop_scope="package")

TEXT = '''blueprint "Cash deposit"
step deposit "Deposit"
  evidence slip "Deposit slip"
  customer hand "Hands over cash"
  onstage count "Teller counts"
    fail "Miscount" recover recount
  onstage recount "Teller counts again"
  hand -> count -> recount
step receipt "Receipt"
  customer take "Takes the receipt"
recount -> take "hands over"
'''


def spots(locations) -> list[tuple[int, int, int]]:
    return sorted((loc.range.start.line, loc.range.start.character, loc.range.end.character) for loc in locations)


def apply(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = edit.range.start, edit.range.end
        assert start.line == end.line
        line = lines[start.line]
        lines[start.line] = line[: start.character] + edit.new_text + line[end.character:]
    return "\n".join(lines)


async def test_definition_from_a_flow_and_from_recover(client):
    uri = await open_document(client, TEXT)
    found = await client.text_document_definition_async(types.DefinitionParams(**at(uri, 7, 11)))
    assert spots(found) == [(4, 10, 15)]
    found = await client.text_document_definition_async(types.DefinitionParams(**at(uri, 5, 29)))
    assert spots(found) == [(6, 10, 17)]
    assert await client.text_document_definition_async(types.DefinitionParams(**at(uri, 0, 2))) == []


async def test_references_with_and_without_the_definition(client):
    uri = await open_document(client, TEXT)
    params = dict(**at(uri, 6, 12))
    every = await client.text_document_references_async(types.ReferenceParams(
        **params, context=types.ReferenceContext(include_declaration=True)))
    assert spots(every) == [(5, 28, 35), (6, 10, 17), (7, 19, 26), (10, 0, 7)]
    named = await client.text_document_references_async(types.ReferenceParams(
        **params, context=types.ReferenceContext(include_declaration=False)))
    assert spots(named) == [(5, 28, 35), (7, 19, 26), (10, 0, 7)]


async def test_highlights_mark_the_definition_as_written(client):
    uri = await open_document(client, TEXT)
    found = await client.text_document_document_highlight_async(types.DocumentHighlightParams(**at(uri, 3, 12)))
    kinds = sorted((h.range.start.line, h.kind) for h in found)
    assert kinds == [(3, types.DocumentHighlightKind.Write), (7, types.DocumentHighlightKind.Read)]


async def test_rename_changes_every_occurrence_and_the_result_checks_clean(client):
    uri = await open_document(client, TEXT)
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(**at(uri, 7, 20)))
    assert prepared.placeholder == "recount"
    edit = await client.text_document_rename_async(types.RenameParams(**at(uri, 7, 20), new_name="再点钞"))
    renamed = apply(TEXT, edit.changes[uri])
    assert renamed.count("再点钞") == 4 and "recount" not in renamed
    assert check_text(renamed).diagnostics == check_text(TEXT).diagnostics == ()


async def test_rename_of_a_step_and_of_evidence(client):
    uri = await open_document(client, TEXT)
    edit = await client.text_document_rename_async(types.RenameParams(**at(uri, 1, 6), new_name="hand-over"))
    assert [e.new_text for e in edit.changes[uri]] == ["hand-over"]
    edit = await client.text_document_rename_async(types.RenameParams(**at(uri, 2, 12), new_name="slip2"))
    assert spots(types.Location(uri=uri, range=e.range) for e in edit.changes[uri]) == [(2, 11, 15)]


@pytest.mark.parametrize(("new_name", "reason"), [
    ("take", "'take' is already the ID on line 10"),
    ("receipt", "'receipt' is already the ID on line 9"),
    ("note", "'note' is a keyword"),
    ("evidence", "'evidence' is a keyword"),
    ("two words", "'two words' is not an ID"),
    ("1st", "'1st' is not an ID"),
    ("", "'' is not an ID"),
    ("trailing-", "'trailing-' is not an ID"),
])
async def test_rename_refuses_a_duplicate_a_keyword_or_a_word_that_is_no_id(client, new_name, reason):
    uri = await open_document(client, TEXT)
    with pytest.raises(JsonRpcException) as refused:
        await client.text_document_rename_async(types.RenameParams(**at(uri, 3, 12), new_name=new_name))
    assert reason in refused.value.message
    # refused, and the server goes on
    found = await client.text_document_definition_async(types.DefinitionParams(**at(uri, 7, 3)))
    assert spots(found) == [(3, 11, 15)]


async def test_renaming_nothing_answers_nothing(client):
    uri = await open_document(client, TEXT)
    assert await client.text_document_prepare_rename_async(types.PrepareRenameParams(**at(uri, 0, 3))) is None
    assert await client.text_document_rename_async(types.RenameParams(**at(uri, 0, 3), new_name="x")) is None


async def test_rename_in_a_file_being_edited_never_crashes(client):
    """Rename at every place of every line while the file is broken in turn at each line."""
    uri = await open_document(client, TEXT)
    lines = TEXT.split("\n")
    for version, broken_line in enumerate(range(len(lines)), start=2):
        broken = "\n".join([*lines[:broken_line], lines[broken_line][: len(lines[broken_line]) // 2], *lines[broken_line + 1:]])
        change(client, uri, version, broken)
        await published(client, uri, version)
        for line, text in enumerate(broken.split("\n")):
            for character in range(0, len(text) + 1, 3):
                try:
                    await client.text_document_rename_async(types.RenameParams(**at(uri, line, character), new_name="fresh"))
                except JsonRpcException as refused:  # only a refusal, never an internal error
                    assert refused.code == -32803, refused.message
    assert not [m for m in client.log_messages if m.type == types.MessageType.Error]
