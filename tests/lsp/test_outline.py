"""The outline (phases, steps, actions and evidence) and the folds."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.lsp.conftest import open_document

pytestmark = pytest.mark.asyncio(loop_scope="package")

TEXT = '''blueprint "Cash deposit"

step welcome "Welcome"
  customer arrive "Arrives"

phase "Counter"

# The deposit itself:
# cash, then the receipt.
step deposit "Deposit"
  evidence "Deposit slip"
  customer hand "Hands over cash"
    wait 5min
    fail "Queue too long"
  onstage count "Teller counts"
  hand -> count

phase "Leave"

step leave "Leave"
  customer go "Leaves"

arrive -> hand
count -> go
'''


def outline(symbols: list[types.DocumentSymbol], depth: int = 0) -> list[tuple]:
    rows = []
    for symbol in symbols:
        rows.append((depth, symbol.name, symbol.kind, symbol.range.start.line, symbol.range.end.line))
        rows += outline(symbol.children or [], depth + 1)
    return rows


async def test_phases_hold_their_steps_and_steps_their_cards(client):
    uri = await open_document(client, TEXT)
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    Kind = types.SymbolKind
    assert outline(found) == [
        (0, "welcome", Kind.Class, 2, 3),
        (1, "arrive", Kind.Function, 3, 3),
        (0, "Counter", Kind.Namespace, 5, 15),
        (1, "deposit", Kind.Class, 9, 15),
        (2, "evidence", Kind.Constant, 10, 10),
        (2, "hand", Kind.Function, 11, 13),
        (2, "count", Kind.Function, 14, 14),
        (0, "Leave", Kind.Namespace, 17, 23),
        (1, "leave", Kind.Class, 19, 23),
        (2, "go", Kind.Function, 20, 20),
    ]
    hand = found[1].children[0].children[1]
    assert hand.detail == "customer: Hands over cash"
    assert (hand.selection_range.start.character, hand.selection_range.end.character) == (11, 15)


async def test_folds_for_phases_steps_actions_with_attributes_and_comment_blocks(client):
    uri = await open_document(client, TEXT)
    found = await client.text_document_folding_range_async(
        types.FoldingRangeParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    folds = [(f.start_line, f.end_line, f.kind) for f in found]
    Region, Comment = types.FoldingRangeKind.Region, types.FoldingRangeKind.Comment
    assert folds == [(2, 3, Region), (5, 15, Region), (7, 8, Comment), (9, 15, Region), (11, 13, Region),
                     (17, 23, Region), (19, 23, Region)]


async def test_a_file_with_errors_still_has_an_outline(client):
    uri = await open_document(client, TEXT.replace('  customer hand "Hands over cash"', '  custmer hand "Hands'))
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    names = [row[1] for row in outline(found)]
    assert names[:2] == ["welcome", "arrive"] and "deposit" in names and "go" in names


async def test_an_empty_or_unreadable_file_has_an_empty_outline(client):
    for text in ("", "\x00\x00", "# only a comment\n"):
        uri = await open_document(client, text)
        found = await client.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
        assert found == []
