"""Diagnostics as the file is typed: what `blueprint check` reports, where it
reports it, with the rule's link; rapid edits end on the last version."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lsprotocol import types

from blueprint.api import check_text
from tests.lsp.conftest import change, new_uri, open_document, published

pytestmark = pytest.mark.asyncio(loop_scope="package")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

BROKEN = '''blueprint "Cash deposit"
step deposit "Deposit"
  custmer hand "Hands over cash"
  onstage count "Teller counts"
    wait 5mn
    fail "Counterfeit" severity hgih
  customer sign “Signs”
  hand -> count -> sign "slip"
'''


def expected(text: str) -> list[tuple]:
    """What `check` reports, in the editor's terms: 0-based places, the hint on its own line."""
    found = []
    lines = [line.rstrip("\r") for line in text.removeprefix("\ufeff").split("\n")]

    def clamped(line: int, column: int) -> int:  # a place past the end of its line is shown at the end
        return min(column - 1, len(lines[line - 1]) if line <= len(lines) else 0)

    for d in check_text(text).localized().diagnostics:  # worded in the file's lang, as check does
        message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
        span = d.span
        place = (span.line - 1, clamped(span.line, span.column), span.end_line - 1, clamped(span.end_line, span.end_column))
        found.append((d.code, d.level.value, place, message))
    return found


def received(diagnostics: list[types.Diagnostic]) -> list[tuple]:
    severity = {types.DiagnosticSeverity.Error: "error", types.DiagnosticSeverity.Warning: "warning"}
    return [(d.code, severity[d.severity], (d.range.start.line, d.range.start.character, d.range.end.line,
                                            d.range.end.character), d.message) for d in diagnostics]


async def test_a_broken_file_gets_what_check_reports(client):
    uri = await open_document(client, BROKEN)
    assert received(client.diagnostics[uri]) == expected(BROKEN)
    assert {d.code for d in client.diagnostics[uri]} >= {"BP104", "BP103", "BP107", "BP122"}


async def test_each_diagnostic_links_to_its_rule_and_says_where_it_comes_from(client):
    uri = await open_document(client, BROKEN)
    lane = next(d for d in client.diagnostics[uri] if d.code == "BP104")
    assert lane.source == "blueprint"
    assert lane.code_description.href == "https://docs.example.org/blueprint/rules/#bp104-unknown-lane"
    assert lane.data == {"hint": "did you mean 'customer'?"}


async def test_every_example_checks_as_check_does(client):
    for path in sorted((ROOT / "examples").glob("*.bp")):
        text = path.read_text(encoding="utf-8")
        uri = await open_document(client, text, path.stem)
        assert received(client.diagnostics[uri]) == expected(text), path.name


async def test_a_mistake_typed_in_shows_up_and_goes_away_when_mended(client):
    text = (ROOT / "examples" / "deposit.bp").read_text(encoding="utf-8")
    uri = await open_document(client, text)
    assert [d.code for d in client.diagnostics[uri]] == ["BP302"]  # the example's wait over its promise
    typo = text.replace("onstage triage", "onstge triage")
    change(client, uri, 2, typo)
    assert received(await published(client, uri, 2)) == expected(typo)
    assert "BP104" in [d.code for d in client.diagnostics[uri]]
    change(client, uri, 3, text)
    assert [d.code for d in await published(client, uri, 3)] == ["BP302"]


async def test_rapid_edits_end_with_the_diagnostics_of_the_last_version(client):
    text = (ROOT / "examples" / "deposit.bp").read_text(encoding="utf-8")
    uri = await open_document(client, text)
    # Typing a new action letter by letter, at the end of the first step.
    line = '  customer wanders "Looks around"'
    lines = text.split("\n")
    at = lines.index("  arrive -> triage")
    for version, length in enumerate(range(1, len(line) + 1), start=2):
        lines_now = [*lines[:at], line[:length], *lines[at:]]
        change(client, uri, version, "\n".join(lines_now))
    last = len(line) + 1
    final = "\n".join([*lines[:at], line, *lines[at:]])
    assert received(await published(client, uri, last)) == expected(final)
    versions = [p.version for p in client.published if p.uri == uri]
    # Debounced: far fewer checks published than keystrokes, never one older after a newer.
    assert len(versions) < last
    assert versions == sorted(versions)


async def test_positions_count_utf16_units_past_the_basic_plane(client):
    text = 'blueprint "Emoji 😀"\nstep s "😀😀 step"\n  customer a "😀"\n  onstage b "B"\n  b -> a "😀😀" -> yy\n'
    uri = await open_document(client, text)
    # `yy` stands after two emoji of two UTF-16 units each: column 17 in characters, 19 in units.
    assert [(d.code, d.range.start.line, d.range.start.character, d.range.end.character)
            for d in client.diagnostics[uri]] == [("BP202", 4, 19, 21)]


@pytest.mark.parametrize("text", [
    "", "\n\n", "\x00\x01\x02", "blueprint", 'blueprint "unterminated\nstep', "step step step\n" * 50,
    "  -> -> ->\n", 'blueprint "X"\n' + "a" * 20_000 + "\n", "\ufeffblueprint \"BOM\"\r\nstep s \"S\"\r\n",
    "fail fail fail", '"' * 1000, "步骤 \"中文\"\n  顾客 看 \"看\"\n", "\u2028\u2029\u0085",
])
async def test_bad_input_gives_diagnostics_not_a_crash(client, text):
    uri = await open_document(client, text)
    assert received(client.diagnostics[uri]) == expected(text)


async def test_closing_a_document_clears_its_diagnostics(client):
    uri = await open_document(client, BROKEN)
    assert client.diagnostics[uri]
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    other = await open_document(client, "blueprint")  # the server has handled the close by now
    assert list(client.diagnostics[uri]) == []
    assert other != uri


async def test_a_thousand_action_file_gets_what_check_reports_after_an_edit(client):
    text = generate(1000)
    uri = await open_document(client, text, "large")
    assert list(client.diagnostics[uri]) == []
    broken = text.replace("\n  customer ", "\n  custmer ", 1)
    change(client, uri, 2, broken)
    found = await published(client, uri, 2)
    assert received(found) == expected(broken)
    assert [d.code for d in found] == ["BP104"]


async def test_incremental_changes_are_applied_before_checking(client):
    uri = await open_document(client, 'blueprint "X"\nstep s "S"\n  customer a "A"\n')
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=2, character=2), end=types.Position(line=2, character=10)),
            text="custmer")]))
    assert [d.code for d in await published(client, uri, 2)] == ["BP104"]


async def test_a_document_never_opened_is_answered_with_nothing(client):
    uri = new_uri("never-opened")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)))
    assert hover is None


CHINESE_TYPO = 'blueprint "存款"\nlang zh\nstep s "柜台"\n  custmer 递交 "递交现金"\n'


async def test_a_chinese_file_is_told_its_mistakes_in_chinese_unless_the_client_asks_otherwise(client):
    uri = await open_document(client, CHINESE_TYPO)
    lane = next(d for d in client.diagnostics[uri] if d.code == "BP104")
    english = next(d for d in check_text(CHINESE_TYPO).diagnostics if d.code == "BP104")
    assert lane.message.split("\n")[0] != english.message
    assert any("\u4e00" <= char <= "\u9fff" for char in lane.message)
    assert received(client.diagnostics[uri]) == expected(CHINESE_TYPO)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"blueprint": {"messages": "en"}}))
    change(client, uri, 2, CHINESE_TYPO + "\n")
    lane = next(d for d in await published(client, uri, 2) if d.code == "BP104")
    assert lane.message.split("\n")[0] == english.message
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"blueprint": {"messages": None}}))
