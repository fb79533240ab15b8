"""Semantic tokens: what each word of a .bp file is, so that any client
highlights it, with or without a grammar of its own.

The language has one statement per line and its first word says which, so
each line is read on its own: keywords, lanes, IDs (where they are defined
and where they are named), the fixed values (states, languages, severities,
line names), strings, numbers and durations, arrows and comments. Unlike
the checker, this reads lines that do not parse too, so highlighting holds
while a line is being typed.
"""

from __future__ import annotations

import re

from lsprotocol import types

from blueprint.lsp.positions import Lines
from blueprint.vocabulary import OPTION_KEYWORDS, STATEMENT_KEYWORDS, Lane

TOKEN_TYPES = ["keyword", "type", "variable", "enumMember", "string", "number", "operator", "comment"]
TOKEN_MODIFIERS = ["declaration"]
LEGEND = types.SemanticTokensLegend(token_types=TOKEN_TYPES, token_modifiers=TOKEN_MODIFIERS)

KEYWORD, LANE, ID, VALUE, STRING, NUMBER, OPERATOR, COMMENT = range(len(TOKEN_TYPES))
DECLARATION = 1  # the bit of the `declaration` modifier

_WORD = re.compile(
    r"""(?P<comment>\#.*)
      | (?P<string>"(?:[^"\\]|\\.)*"?)
      | (?P<operator><->|-->|->|\.\.)
      | (?P<number>\d(?:[\w,+-]|\.(?!\.))*)
      | (?P<name>[^\W\d][\w]*(?:-(?![->])\w+)*)
      | (?P<other>\S)""",
    re.VERBOSE,
)
_LANES = frozenset(lane.value for lane in Lane)
_STATEMENTS = frozenset(STATEMENT_KEYWORDS)
_OPTIONS = frozenset(OPTION_KEYWORDS)
# The keywords whose next word is a fixed value of the language.
_VALUE_AFTER = frozenset({"lane", "line", "state", "lang", "severity"})


def _name_kind(first: str | None, previous: str | None, position: int) -> tuple[int, int]:
    """The token type and modifiers of a name, from the line's first word and the word before it."""
    if position == 0:
        if first in _STATEMENTS:
            return KEYWORD, 0
        return (LANE, 0) if first in _LANES else (ID, 0)
    if previous in _VALUE_AFTER:
        return VALUE, 0
    if previous == "recover":
        return ID, 0
    if first in _LANES and position == 1 or first in ("step", "scenario") and position == 1:
        return ID, DECLARATION
    if first == "cost":
        return LANE, 0  # the currency: a type of amount
    return ID, 0


def line_tokens(text: str) -> list[tuple[int, int, int, int]]:
    """(column, length, type, modifiers) of every token of one line, columns in characters."""
    found = []
    first = previous = None
    position = 0
    for match in _WORD.finditer(text):
        kind = match.lastgroup
        word = match.group()
        if kind == "name":
            first = word if position == 0 else first
            if first == "fail" and word in _OPTIONS or first == "scenario" and word == "segment" and position > 2:
                token = (KEYWORD, 0)
            else:
                token = _name_kind(first, previous, position)
        elif kind == "other":
            previous, position = word, position + 1
            continue
        else:
            token = {"comment": (COMMENT, 0), "string": (STRING, 0), "operator": (OPERATOR, 0),
                     "number": (NUMBER, 0)}[kind]
        found.append((match.start(), len(word), *token))
        if kind != "comment":
            previous, position = word, position + 1
    return found


def semantic_tokens(lines: Lines) -> list[int]:
    """The protocol's encoding: five integers a token, each place relative to the token before."""
    data: list[int] = []
    last_line = last_start = 0
    for number, text in enumerate(lines.lines):
        for column, length, kind, modifiers in line_tokens(text):
            start = lines.to_client(number, column).character
            width = lines.to_client(number, column + length).character - start
            delta_start = start - last_start if number == last_line else start
            data += [number - last_line, delta_start, width, kind, modifiers]
            last_line, last_start = number, start
    return data
