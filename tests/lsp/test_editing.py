"""Formatting through fmt, whole and by range, and the quick fixes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from blueprint.api import check_text, format_text
from tests.lsp.conftest import open_document

pytestmark = pytest.mark.asyncio(loop_scope="package")

UNTIDY = '''blueprint "Cash deposit"
step deposit   "Deposit"
customer hand "Hands over cash"   # the cash
      onstage count "Teller counts"
  backstage post "Teller posts"
   hand -> count -> post "over the counter"
step receipt "Receipt"
  customer take "Takes the receipt"
'''


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply edits the way an editor does: by offsets, last first."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def offset(position: types.Position) -> int:
        return min(offsets[min(position.line, len(lines) - 1)] + position.character, len(text)) \
            if position.line < len(lines) else len(text)

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def document(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def format_all(client, uri: str) -> list[types.TextEdit]:
    return await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=document(uri), options=types.FormattingOptions(tab_size=2, insert_spaces=True)))


async def format_lines(client, uri: str, start: tuple[int, int], end: tuple[int, int]) -> list[types.TextEdit]:
    return await client.text_document_range_formatting_async(types.DocumentRangeFormattingParams(
        text_document=document(uri), options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        range=types.Range(start=types.Position(line=start[0], character=start[1]),
                          end=types.Position(line=end[0], character=end[1]))))


async def test_formatting_the_document_gives_what_fmt_writes(client):
    uri = await open_document(client, UNTIDY)
    edits = await format_all(client, uri)
    assert apply(UNTIDY, edits) == format_text(UNTIDY).text
    assert len(edits) < len(UNTIDY.split("\n"))  # only the lines that change


async def test_every_example_formats_as_fmt_formats_it(client):
    for path in sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.bp")):
        text = path.read_text(encoding="utf-8")
        uri = await open_document(client, text, path.stem)
        assert apply(text, await format_all(client, uri)) == format_text(text).text, path.name


async def test_a_file_without_a_final_line_break_or_with_crlf(client):
    for text in (UNTIDY.rstrip("\n"), UNTIDY.replace("\n", "\r\n")):
        uri = await open_document(client, text)
        formatted = apply(text, await format_all(client, uri))
        assert formatted.replace("\r\n", "\n") == format_text(text).text


async def test_a_file_with_errors_is_not_formatted(client):
    uri = await open_document(client, UNTIDY.replace("customer hand", "custmer hand"))
    assert list(await format_all(client, uri)) == []


async def test_a_range_of_whole_statements_formats_those_lines_only(client):
    uri = await open_document(client, UNTIDY)
    edits = await format_lines(client, uri, (2, 0), (4, 0))  # lines 2 and 3, the end at the next line's start
    formatted = apply(UNTIDY, edits).split("\n")
    assert formatted[2] == '  customer hand "Hands over cash"  # the cash'
    assert formatted[3] == '  onstage count "Teller counts"'
    assert formatted[1] == 'step deposit   "Deposit"' and formatted[5] == '   hand -> count -> post "over the counter"'


async def test_a_range_moves_an_older_chain_label_as_fmt_does(client):
    uri = await open_document(client, UNTIDY)
    edits = await format_lines(client, uri, (5, 0), (5, 43))
    assert apply(UNTIDY, edits).split("\n")[5] == '  hand -> count "over the counter" -> post'


async def test_a_range_that_cuts_a_statement_is_left_alone(client):
    uri = await open_document(client, UNTIDY)
    assert list(await format_lines(client, uri, (2, 3), (3, 5))) == []


async def quick_fixes(client, uri: str, code: str) -> list[types.CodeAction]:
    diagnostics = [d for d in client.diagnostics[uri] if d.code == code]
    assert diagnostics, code
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=document(uri), range=diagnostics[0].range,
        context=types.CodeActionContext(diagnostics=diagnostics)))


FIXABLE = '''blueprint "Cash deposit"
lang en
step deposit "Deposit"
  custmer hand "Hands over cash"
  onstage count "Teller counts"
    wait 5mins
    fail "Miscount" severity hgih recover recont
  onstage recount "Teller counts again"
  customer sign “Signs the slip”
  hand -> count -> recount "checks"
  sign -> recout
'''


@pytest.mark.parametrize(("code", "before", "after", "title"), [
    ("BP104", "  custmer hand", "  customer hand", "Change to 'customer'"),
    ("BP103", "    wait 5mins", "    wait 5min", "Write 5min"),
    ("BP107", "severity hgih", "severity high", "Change to 'high'"),
    ("BP122", "customer sign “Signs the slip”", 'customer sign "Signs the slip"', 'Use straight quotes (") on this line'),
])
async def test_quick_fixes_from_the_hints(client, code, before, after, title):
    uri = await open_document(client, FIXABLE)
    actions = await quick_fixes(client, uri, code)
    fix = next(action for action in actions if action.title == title)
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    fixed = apply(FIXABLE, fix.edit.changes[uri])
    assert fixed == FIXABLE.replace(before, after)
    assert code not in {d.code for d in check_text(fixed).diagnostics if d.span.line == FIXABLE.split("\n").index(
        next(line for line in FIXABLE.split("\n") if before in line)) + 1}


@pytest.mark.parametrize("written", ["「Signs the slip」", "‘Signs the slip’", '"Signs the slip”'])
async def test_straight_quotes_fix_every_curly_form_check_reads(client, written):
    text = FIXABLE.replace("“Signs the slip”", written)
    uri = await open_document(client, text)
    fix = next(action for action in await quick_fixes(client, uri, "BP122")
               if action.title == 'Use straight quotes (") on this line')
    assert apply(text, fix.edit.changes[uri]) == text.replace(written, '"Signs the slip"')


async def test_did_you_mean_for_ids_in_flows_and_recover(client):
    text = FIXABLE.replace("  custmer", "  customer").replace("5mins", "5min").replace("hgih", "high")
    text = text.replace("“Signs the slip”", '"Signs the slip"')
    uri = await open_document(client, text)
    codes = {d.code for d in client.diagnostics[uri]}
    assert {"BP202", "BP203"} <= codes, codes
    fixed = text
    for code in ("BP202", "BP203"):
        action = (await quick_fixes(client, uri, code))[0]
        fixed = apply(fixed, action.edit.changes[uri])
    assert "recover recount" in fixed and "  sign -> recount\n" in fixed


async def test_a_chain_label_moves_to_the_arrow_it_names(client):
    text = FIXABLE.replace("  custmer", "  customer").replace("5mins", "5min").replace("hgih", "high")
    text = text.replace("“Signs the slip”", '"Signs the slip"').replace("recont", "recount").replace("recout", "recount")
    uri = await open_document(client, text)
    assert [d.code for d in client.diagnostics[uri]] == ["BP306"]
    action = (await quick_fixes(client, uri, "BP306"))[0]
    assert action.title == "Move the label after count, the arrow it names"
    fixed = apply(text, action.edit.changes[uri])
    assert '  hand -> count "checks" -> recount\n' in fixed
    assert check_text(fixed).diagnostics == ()


async def test_no_fix_for_diagnostics_of_other_tools_or_without_a_hint(client):
    uri = await open_document(client, FIXABLE)
    foreign = types.Diagnostic(range=types.Range(start=types.Position(line=3, character=2),
                                                 end=types.Position(line=3, character=9)),
                               message="did you mean 'customer'?", source="another-linter", code="BP104")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=document(uri), range=foreign.range, context=types.CodeActionContext(diagnostics=[foreign])))
    assert list(actions) == []
