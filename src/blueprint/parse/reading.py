"""What a parse reads under, and the positions and strings of its tokens:
the context `reading` sets (the file, the line offset of line-by-line
recovery, the diagnostics found) and the helpers every callback of
blueprint.parse.transform uses to turn tokens into spans, words and strings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from lark import Token

from blueprint.diagnostics import Diagnostic
from blueprint.parse.codes import BAD_ESCAPE
from blueprint.parse.statements import Word
from blueprint.source import Span

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


class Reading:
    # A plain class: a dataclass would add a millisecond to every cold start.
    __slots__ = ("file", "line_offset", "diagnostics")

    def __init__(self, file: str, line_offset: int) -> None:
        self.file = file
        self.line_offset = line_offset
        self.diagnostics: list[Diagnostic] = []


READING: ContextVar[Reading] = ContextVar("blueprint_parse_reading")


@contextmanager
def reading(file: str, line_offset: int = 0) -> Iterator[list[Diagnostic]]:
    """Parses inside this block report under `file`, with line numbers shifted
    by `line_offset` (for line-by-line recovery); yields the list that
    collects their diagnostics about string escapes."""
    context = Reading(file, line_offset)
    token = READING.set(context)
    try:
        yield context.diagnostics
    finally:
        READING.reset(token)


# --- positions ---------------------------------------------------------------

def token_span(token: Token, offset: int) -> Span:
    return Span(
        line=token.line + offset,
        column=token.column,
        end_line=token.end_line + offset,
        end_column=token.end_column,
    )


def word(token: Token, offset: int) -> Word:
    return Word(text=str(token), span=token_span(token, offset))


def between(first: Token, last: Token | Span, offset: int) -> Span:
    """From the start of the token `first` to the end of `last`, a token or an
    already shifted span (a range or an option that was built first)."""
    if isinstance(last, Span):
        end_line, end_column = last.end_line, last.end_column
    else:
        end_line, end_column = last.end_line + offset, last.end_column
    return Span(line=first.line + offset, column=first.column, end_line=end_line, end_column=end_column)


def string(token: Token, context: Reading) -> str:
    body = str(token)[1:-1]
    if "\\" not in body:
        return body

    def unescape(match: re.Match[str]) -> str:
        char = match.group(1)
        if char in '"\\':
            return char
        column = token.column + 1 + match.start()
        context.diagnostics.append(
            BAD_ESCAPE.at(
                context.file,
                Span.point(token.line + context.line_offset, column, 2),
                BAD_ESCAPE.text("escape", char=char),
                hint=BAD_ESCAPE.text("backslash"),
            )
        )
        return match.group(0)

    return _ESCAPE.sub(unescape, body)
