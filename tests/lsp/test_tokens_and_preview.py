"""Semantic tokens, and the SVG of the buffer for the preview."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lsprotocol import types

from blueprint.api import check_text, render_result
from tests.lsp.conftest import open_document

pytestmark = pytest.mark.asyncio(loop_scope="package")

ROOT = Path(__file__).resolve().parents[2]
DEPOSIT = (ROOT / "examples" / "deposit.bp").read_text(encoding="utf-8")


def decode(data: list[int], legend: types.SemanticTokensLegend, text: str) -> list[tuple[str, str, int]]:
    """(text, type, modifiers) of every token, read back from the relative encoding."""
    lines = text.split("\n")
    tokens, line, start = [], 0, 0
    for index in range(0, len(data), 5):
        delta_line, delta_start, length, kind, modifiers = data[index:index + 5]
        line += delta_line
        start = start + delta_start if delta_line == 0 else delta_start
        tokens.append((lines[line][start:start + length], legend.token_types[kind], modifiers))
    return tokens


async def tokens_of(client, text: str) -> list[tuple[str, str, int]]:
    uri = await open_document(client, text)
    found = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    legend = client.server_capabilities.semantic_tokens_provider.legend
    return decode(found.data, legend, text)


async def test_every_word_of_a_statement_is_classified(client):
    text = ('blueprint "X"  # title\nstate future\nlane customer "Client"\nstep s "S"\n'
            '  customer a "A"\n    wait 5min..1h "queue"\n    fail "F" severity high recover b\n'
            '    cost 1,200 CNY\n  onstage b "B"\n  a -> b "label" --> a\n')
    assert await tokens_of(client, text) == [
        ("blueprint", "keyword", 0), ('"X"', "string", 0), ("# title", "comment", 0),
        ("state", "keyword", 0), ("future", "enumMember", 0),
        ("lane", "keyword", 0), ("customer", "enumMember", 0), ('"Client"', "string", 0),
        ("step", "keyword", 0), ("s", "variable", 1), ('"S"', "string", 0),
        ("customer", "type", 0), ("a", "variable", 1), ('"A"', "string", 0),
        ("wait", "keyword", 0), ("5min", "number", 0), ("..", "operator", 0), ("1h", "number", 0),
        ('"queue"', "string", 0),
        ("fail", "keyword", 0), ('"F"', "string", 0), ("severity", "keyword", 0), ("high", "enumMember", 0),
        ("recover", "keyword", 0), ("b", "variable", 0),
        ("cost", "keyword", 0), ("1,200", "number", 0), ("CNY", "type", 0),
        ("onstage", "type", 0), ("b", "variable", 1), ('"B"', "string", 0),
        ("a", "variable", 0), ("->", "operator", 0), ("b", "variable", 0), ('"label"', "string", 0),
        ("-->", "operator", 0), ("a", "variable", 0),
    ]


async def test_tokens_after_wide_characters_and_on_a_line_being_typed(client):
    text = 'step 步骤 "😀 办理"\n  customer 客户 "未完'
    assert await tokens_of(client, text) == [
        ("step", "keyword", 0), ("步骤", "variable", 1), ('"😀 办理"', "string", 0),
        ("customer", "type", 0), ("客户", "variable", 1), ('"未完', "string", 0),
    ]


async def render(client, *arguments):
    return await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="blueprint.renderSvg", arguments=list(arguments)))


async def test_the_preview_gets_the_svg_render_draws_and_the_line_of_every_card(client):
    uri = await open_document(client, DEPOSIT)
    answer = await render(client, uri)
    assert answer["svg"] == render_result(check_text(DEPOSIT, uri.removeprefix("file://")), "svg").decode("utf-8")
    lines = DEPOSIT.split("\n")
    cards = re.findall(r'data-(?:action|evidence)="([^"]+)"', answer["svg"])
    assert cards and set(cards) <= set(answer["lines"])
    assert lines[answer["lines"]["count"]].strip().startswith("onstage count")
    assert lines[answer["lines"]["counter"]].startswith("step counter")
    assert lines[answer["lines"]["enter.evidence1"]].strip().startswith("evidence")


async def test_a_buffer_that_does_not_check_is_not_drawn(client):
    uri = await open_document(client, DEPOSIT.replace("onstage count", "onstge count"))
    answer = await render(client, uri)
    assert answer == {"error": f"1 error in {uri.removeprefix('file://')}; fix it to draw the blueprint"}
    assert [d.code for d in client.diagnostics[uri] if d.severity == types.DiagnosticSeverity.Error] == ["BP104"]


async def test_the_preview_of_a_document_not_open_or_of_no_document(client):
    assert "is not open" in (await render(client, "file:///nowhere.bp"))["error"]
    assert "no document" in (await render(client))["error"]
    assert "no document" in (await render(client, 42))["error"]


async def test_a_preview_in_a_dark_editor_asks_for_the_dark_drawing(client):
    uri = await open_document(client, DEPOSIT)
    result = check_text(DEPOSIT, uri.removeprefix("file://"))
    dark = render_result(result, "svg", theme="dark").decode("utf-8")
    assert (await render(client, uri, {"theme": "dark"}))["svg"] == dark
    assert dark != render_result(result, "svg").decode("utf-8")
    # A theme the project does not have falls back to the server's setting.
    assert (await render(client, uri, {"theme": "neon"}))["svg"] == render_result(result, "svg").decode("utf-8")
