"""Columns between the checker (characters from 1) and the editor (code units from 0)."""

from __future__ import annotations

import pytest
from lsprotocol import types

from blueprint.lsp.positions import UTF8, UTF16, UTF32, Lines
from blueprint.source import Span

TEXT = 'step s "a😀b步"\r\n  customer x "y"\n'


@pytest.mark.parametrize(("encoding", "after_emoji", "after_han"), [(UTF16, 11, 13), (UTF32, 10, 12), (UTF8, 13, 17)])
def test_a_column_past_wide_characters_in_each_encoding(encoding, after_emoji, after_han):
    lines = Lines(TEXT, encoding)
    assert lines.to_client(0, 10).character == after_emoji  # `b`, after the emoji
    assert lines.to_client(0, 12).character == after_han  # the closing quote, after 步
    assert lines.from_client(types.Position(line=0, character=after_emoji)) == (0, 10)
    assert lines.from_client(types.Position(line=0, character=after_han)) == (0, 12)


def test_line_ends_and_places_past_the_end_are_clamped():
    lines = Lines(TEXT)
    assert lines.line(0).endswith('"')  # the carriage return is not part of the line
    assert lines.from_client(types.Position(line=0, character=999)) == (0, 13)
    assert lines.from_client(types.Position(line=99, character=5)) == (99, 0)
    assert lines.span_range(Span(line=2, column=3, end_line=2, end_column=11)) == types.Range(
        start=types.Position(line=1, character=2), end=types.Position(line=1, character=10))


def test_a_byte_order_mark_shifts_the_first_line_only():
    lines = Lines("\ufeff" + TEXT)
    assert lines.to_client(0, 0).character == 1
    assert lines.from_client(types.Position(line=0, character=1)) == (0, 0)
    assert lines.to_client(1, 2).character == 2
