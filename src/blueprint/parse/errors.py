"""Turns Lark's parse failures into diagnostics a service designer can act on.

Lark reports terminals (`NUMWORD`, `__ANON_1`); users need words: what was
found, what fits there, and where.
"""

from __future__ import annotations

import unicodedata

from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from blueprint.diagnostics import Choices, Diagnostic, Text, did_you_mean
from blueprint.diagnostics.texts import EOL_TEXT
from blueprint.parse.codes import BAD_DURATION, CURLY_QUOTES, UNEXPECTED_TOKEN, UNTERMINATED_STRING
from blueprint.parse.quotes import straightened
from blueprint.parse.whitespace import WHITESPACE
from blueprint.source import Span
from blueprint.suggest import closest
from blueprint.vocabulary import Lane, names

LANE_WORDS = names(Lane)

# What each terminal is called in a message (texts of UNEXPECTED_TOKEN).
_TERMINAL_WORDS = ("STRING", "NAME", "NUMWORD", "AMOUNT", "VERSION", "ARROW", "SCORE", "VALUE")
_ENDS = ("_NL", "$END")


def _keywords(parser: Lark) -> dict[str, str]:
    return {t.name: t.pattern.value for t in parser.terminals if isinstance(t.pattern, PatternStr)}


def _expected_words(parser: Lark, expected: set[str]) -> Text | Choices:
    keywords = _keywords(parser)
    words: list[object] = []
    named = sorted(keywords[name] for name in expected if name in keywords)
    if named:
        words.append(Choices(tuple(named), last=","))
    for name in sorted(expected):
        if name in _TERMINAL_WORDS:
            words.append(UNEXPECTED_TOKEN.text(name))
        elif name in _ENDS:
            words.append(EOL_TEXT)
    unique = list(dict.fromkeys(words))
    if not unique:
        return UNEXPECTED_TOKEN.text("nothing")
    return Choices(tuple(unique))


def _describe(token) -> Text:
    if token.type in _ENDS:
        return EOL_TEXT
    if token.type == "STRING":
        return UNEXPECTED_TOKEN.text("the_string", token=str(token))
    if token.type == "ARROW":
        return UNEXPECTED_TOKEN.text("the_arrow", token=str(token))
    return UNEXPECTED_TOKEN.text("the_word", token=str(token))


def _did_you_mean(word: str, choices: list[str]) -> Text | None:
    # Keywords are short and many: only a near miss is worth naming.
    return did_you_mean(closest(word, choices, cutoff=0.7))


def describe_failure(
    error: UnexpectedInput, parser: Lark, file: str, line: int, line_text: str
) -> Diagnostic:
    """One diagnostic for a line that does not parse as a statement."""
    if isinstance(error, UnexpectedCharacters):
        return _unexpected_character(error, parser, file, line, line_text)
    assert isinstance(error, UnexpectedToken)
    return _unexpected_token(error, parser, file, line, line_text)


def _unexpected_character(error: UnexpectedCharacters, parser: Lark, file: str, line: int,
                          line_text: str) -> Diagnostic:
    column = error.column
    char = line_text[column - 1] if 0 < column <= len(line_text) else ""
    straight = straightened(line_text)
    if straight is not None:
        return CURLY_QUOTES.at(
            file,
            Span.point(line, straight.column),
            CURLY_QUOTES.text("curly", quote=straight.quote),
            hint=CURLY_QUOTES.text("straight", line=straight.text.strip(WHITESPACE)),
        )
    if char == '"' and "\r" in line_text[column:].rstrip("\r"):
        return UNTERMINATED_STRING.at(
            file,
            Span(line=line, column=column, end_line=line, end_column=len(line_text) + 1),
            UNTERMINATED_STRING.text("carriage_return"),
            hint=UNTERMINATED_STRING.text("carriage_return_hint"),
        )
    if char == '"':
        return UNTERMINATED_STRING.at(
            file,
            Span(line=line, column=column, end_line=line, end_column=len(line_text) + 1),
            UNTERMINATED_STRING.text("open"),
            hint=UNTERMINATED_STRING.text("close_it"),
        )
    expected = _expected_words(parser, set(error.allowed or ()))
    if char and not char.isprintable():
        return UNEXPECTED_TOKEN.at(
            file,
            Span.point(line, column),
            UNEXPECTED_TOKEN.text("invisible", char=_code_point(char), expected=expected),
            hint=UNEXPECTED_TOKEN.text("invisible_hint"),
        )
    return UNEXPECTED_TOKEN.at(
        file,
        Span.point(line, column),
        UNEXPECTED_TOKEN.text("character", char=char, expected=expected),
        hint=UNEXPECTED_TOKEN.text("statement") if column == _first_column(line_text) else None,
    )


def _unexpected_token(error: UnexpectedToken, parser: Lark, file: str, line: int, line_text: str) -> Diagnostic:
    token = error.token
    at_end = token.type in ("$END", "_NL")
    column = len(line_text.rstrip()) + 1 if at_end or token.column is None else token.column
    width = 1 if at_end else len(str(token))
    span = Span.point(line, column, width)
    history = list(getattr(error, "token_history", None) or [])
    previous = history[-1] if history else None

    if previous is not None and previous.type == "NUMWORD" and token.type == "NAME":
        return BAD_DURATION.at(
            file,
            Span(line=line, column=previous.column, end_line=line, end_column=column + width),
            BAD_DURATION.text("space", written=f"{previous} {token}"),
            hint=BAD_DURATION.text("write", fixed=f"{previous}{_unit_hint(str(token))}"),
        )

    if column == _first_column(line_text):
        keywords = sorted(set(_keywords(parser).values()))
        hint = _did_you_mean(str(token), keywords + list(LANE_WORDS)) or UNEXPECTED_TOKEN.text("statement")
        return UNEXPECTED_TOKEN.at(
            file,
            span,
            UNEXPECTED_TOKEN.text("start", found=_describe(token)),
            hint=hint,
        )

    expected = _expected_words(parser, set(error.expected))
    return UNEXPECTED_TOKEN.at(file, span, UNEXPECTED_TOKEN.text("token", found=_describe(token), expected=expected),
                               hint=_token_hint(error, parser, token, previous))


def _token_hint(error: UnexpectedToken, parser: Lark, token, previous) -> Text | None:
    if token.type == "STRING" and error.expected <= {"_NL", "$END", "ARROW"}:
        return UNEXPECTED_TOKEN.text("one_per_line")
    if token.type == "ARROW" and previous is not None and previous.type == "STRING":
        return UNEXPECTED_TOKEN.text("label_after")
    if token.type == "NAME":
        return _did_you_mean(str(token), [_keywords(parser)[n] for n in error.expected if n in _keywords(parser)])
    return None


def _first_column(line_text: str) -> int:
    return len(line_text) - len(line_text.lstrip(WHITESPACE)) + 1


def _code_point(char: str) -> str:
    """U+2028 (LINE SEPARATOR): a character that shows as nothing, or as a line break."""
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'a control character')})"


def _unit_hint(word: str) -> str:
    units = {"s": "s", "sec": "s", "second": "s", "seconds": "s", "m": "min", "min": "min",
             "mins": "min", "minute": "min", "minutes": "min", "h": "h", "hr": "h", "hour": "h",
             "hours": "h", "d": "d", "day": "d", "days": "d"}
    return units.get(word.lower(), "min")
