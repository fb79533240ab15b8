"""Turns Lark's parse failures into diagnostics a service designer can act on.

Lark reports terminals (`NUMWORD`, `__ANON_1`); users need words: what was
found, what fits there, and where.
"""

from __future__ import annotations

import unicodedata

from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from blueprint.diagnostics import Diagnostic
from blueprint.parse.codes import BAD_DURATION, UNEXPECTED_TOKEN, UNTERMINATED_STRING
from blueprint.parse.whitespace import WHITESPACE
from blueprint.source import Span
from blueprint.suggest import did_you_mean

LANE_WORDS = ("customer", "onstage", "backstage", "support", "evidence")

_TERMINAL_WORDS = {
    "STRING": 'a quoted string ("…")',
    "NAME": "an ID",
    "NUMWORD": "a duration such as 5min or 1h30min",
    "AMOUNT": "an amount such as 25 or 1,200.50",
    "VERSION": "a version number",
    "ARROW": "an arrow (->, --> or <->)",
    "SCORE": "a score from -2 to +2",
    "VALUE": "a number such as 12, 1,200 or 4.5",
    "_NL": "the end of the line",
    "$END": "the end of the line",
}

STATEMENT_HINT = (
    "a line starts with a keyword (blueprint, phase, step, evidence, fail, wait, duration, "
    "cost, note, link, …), a lane (customer, onstage, backstage, support) or a flow (a -> b)"
)


INVISIBLE_HINT = ("delete it: between words, and on a blank line, only spaces and tabs count as space; "
                  "some editors show this character as a line break, others not at all")


def _keywords(parser: Lark) -> dict[str, str]:
    return {t.name: t.pattern.value for t in parser.terminals if isinstance(t.pattern, PatternStr)}


def _expected_words(parser: Lark, expected: set[str]) -> str:
    keywords = _keywords(parser)
    words: list[str] = []
    named = sorted(keywords[name] for name in expected if name in keywords)
    if named:
        words.append(", ".join(named))
    words.extend(_TERMINAL_WORDS[name] for name in sorted(expected) if name in _TERMINAL_WORDS)
    unique = list(dict.fromkeys(words))
    if len(unique) <= 1:
        return unique[0] if unique else "nothing more"
    return ", ".join(unique[:-1]) + " or " + unique[-1]


def _describe(token) -> str:
    if token.type in ("$END", "_NL"):
        return "the end of the line"
    if token.type == "STRING":
        return f"the string {token}"
    if token.type == "ARROW":
        return f"the arrow {token}"
    return f"'{token}'"


def _did_you_mean(word: str, choices: list[str]) -> str | None:
    # Keywords are short and many: only a near miss is worth naming.
    return did_you_mean(word, choices, cutoff=0.7)


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
    if char == '"' and "\r" in line_text[column:].rstrip("\r"):
        return UNTERMINATED_STRING.at(
            file,
            Span(line=line, column=column, end_line=line, end_column=len(line_text) + 1),
            "found a carriage return (U+000D) inside a string; a string ends on the line it starts, "
            "and some editors show a lone carriage return as a line break",
            hint="delete the carriage return, or join the two lines of the string",
        )
    if char == '"':
        return UNTERMINATED_STRING.at(
            file,
            Span(line=line, column=column, end_line=line, end_column=len(line_text) + 1),
            "found a string with no closing quote; a string ends on the line it starts",
            hint='add the closing " (write a quote inside a string as \\")',
        )
    expected = _expected_words(parser, set(error.allowed or ()))
    if char and not char.isprintable():
        return UNEXPECTED_TOKEN.at(
            file,
            Span.point(line, column),
            f"found the invisible character {_code_point(char)}; expected {expected}",
            hint=INVISIBLE_HINT,
        )
    return UNEXPECTED_TOKEN.at(
        file,
        Span.point(line, column),
        f"found the character '{char}'; expected {expected}",
        hint=STATEMENT_HINT if column == _first_column(line_text) else None,
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
            f"found the duration '{previous} {token}' with a space inside; "
            "a duration is a number with its unit attached",
            hint=f"write {previous}{_unit_hint(str(token))}",
        )

    if column == _first_column(line_text):
        keywords = sorted(set(_keywords(parser).values()))
        hint = _did_you_mean(str(token), keywords + list(LANE_WORDS)) or STATEMENT_HINT
        return UNEXPECTED_TOKEN.at(
            file,
            span,
            f"found {_describe(token)} at the start of a line; it does not start a statement",
            hint=hint,
        )

    expected = _expected_words(parser, set(error.expected))
    return UNEXPECTED_TOKEN.at(file, span, f"found {_describe(token)}; expected {expected}",
                               hint=_token_hint(error, parser, token, previous))


def _token_hint(error: UnexpectedToken, parser: Lark, token, previous) -> str | None:
    if token.type == "STRING" and error.expected <= {"_NL", "$END", "ARROW"}:
        return "one statement per line: join the strings, or start a new line"
    if token.type == "ARROW" and previous is not None and previous.type == "STRING":
        return 'a label follows the target of the arrow it names: a -> b "label"'
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
