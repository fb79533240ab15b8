"""Where things are, in the checker's terms and in the editor's.

The checker counts lines and columns from 1, in characters (code points).
An editor speaking the protocol counts from 0, and its columns are code
units of the encoding agreed at start-up: UTF-16 unless the client offers
another. Chinese text is one UTF-16 unit a character, but an emoji or a rare
ideograph outside the Basic Multilingual Plane is two, so every column
crossing the wire goes through here.
"""

from __future__ import annotations

from lsprotocol import types

from blueprint.source import Span

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"


def _units(text: str, encoding: str) -> int:
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class Lines:
    """A document's lines, for turning columns one way and the other."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.lines = [line.rstrip("\r") for line in text.split("\n")]
        self.encoding = encoding
        # The checker reads a file without its byte order mark; the editor's
        # first line, if it kept one, starts one character later.
        self.bom = 1 if text.startswith("\ufeff") else 0

    def line(self, number: int) -> str:
        """The 0-based line `number`, or an empty string past the end."""
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def to_client(self, line: int, column: int) -> types.Position:
        """The position of 0-based `line` and 0-based character `column` (of the checker's text)."""
        text = self.line(line)
        if line == 0:
            column += self.bom
        return types.Position(line=max(line, 0), character=_units(text[: max(column, 0)], self.encoding))

    def from_client(self, position: types.Position) -> tuple[int, int]:
        """0-based line and character column of a client's position (clamped to the line)."""
        text = self.line(position.line)
        shift = self.bom if position.line == 0 else 0
        if self.encoding == UTF32:
            return position.line, max(min(position.character, len(text)) - shift, 0)
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return position.line, max(index - shift, 0)
            units += _units(char, self.encoding)
        return position.line, max(len(text) - shift, 0)

    def span_range(self, span: Span) -> types.Range:
        """A checker span (1-based, end exclusive) as a client range."""
        return types.Range(
            start=self.to_client(span.line - 1, span.column - 1),
            end=self.to_client(span.end_line - 1, span.end_column - 1),
        )

    def line_range(self, first: int, last: int) -> types.Range:
        """0-based lines `first` to `last`, both whole."""
        return types.Range(start=types.Position(line=first, character=0),
                           end=self.to_client(last, len(self.line(last))))

    def whole(self) -> types.Range:
        last = len(self.lines) - 1
        return types.Range(start=types.Position(line=0, character=0), end=self.to_client(last, len(self.line(last))))


def span_contains(span: Span, line: int, column: int) -> bool:
    """Whether 0-based `line`, `column` falls in `span` (its end included, as a cursor right after a word is on it)."""
    after_start = (line + 1, column + 1) >= (span.line, span.column)
    before_end = (line + 1, column + 1) <= (span.end_line, span.end_column)
    return after_start and before_end
