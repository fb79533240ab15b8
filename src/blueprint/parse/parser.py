"""The parser: source text in, typed statements and syntax diagnostics out."""

from __future__ import annotations

from lark.exceptions import UnexpectedInput
from pydantic import BaseModel, ConfigDict

from blueprint.diagnostics import Diagnostic
from blueprint.parse.codes import CURLY_QUOTES, UNTERMINATED_STRING
from blueprint.parse.errors import describe_failure
from blueprint.parse.gcpause import paused
from blueprint.parse.grammar import parser
from blueprint.parse.quotes import straightened
from blueprint.parse.statements import AnyStatement, StepStatement, Word
from blueprint.parse.reading import reading
from blueprint.parse.whitespace import WHITESPACE
from blueprint.source import Source, Span


class ParseResult(BaseModel):
    # Built with model_construct from the parser's own output, so its
    # validator is built only if something validates one (defer_build).
    model_config = ConfigDict(frozen=True, defer_build=True)

    statements: tuple[AnyStatement, ...]
    diagnostics: tuple[Diagnostic, ...]


def parse(source: Source) -> ParseResult:
    """Parse a whole file; a file with mistakes is re-read line by line so that
    every bad line is reported and every good one still yields its statement."""
    lark = parser()
    text = source.text if source.text.endswith("\n") else source.text + "\n"
    try:
        with paused(), reading(source.name) as found:
            statements = lark.parse(text, start="start")
    except UnexpectedInput:
        return _parse_lines(source)
    # Every statement was built by the parser's callbacks from what the grammar
    # accepted, so the result needs no second validation.
    return ParseResult.model_construct(statements=tuple(statements), diagnostics=tuple(found))


def _statement(line: str, file: str, line_offset: int) -> tuple[AnyStatement, list[Diagnostic]]:
    """One line's statement and its escape diagnostics; UnexpectedInput if it does not parse."""
    with reading(file, line_offset) as found:
        statement = parser().parse(line, start="statement")
    return statement, found


def _mended(line: str, code: str, file: str, line_offset: int):
    """The statement as it would read with its string closed (or a carriage
    return inside it made a space, or its curly quotes made straight), so that
    one wrong quote does not also lose the step or action on that line."""
    if code == CURLY_QUOTES.code:
        straight = straightened(line)
        tries: tuple[str, ...] = (straight.text,) if straight is not None else ()
    elif code == UNTERMINATED_STRING.code:
        tries = ((line.replace("\r", " "),) if "\r" in line else ()) + (line + '"',)
    else:
        return None
    for closed in tries:
        try:
            return _statement(closed, file, line_offset)
        except UnexpectedInput:
            continue
    return None


def _placeholder_step(line: str, number: int) -> list[StepStatement]:
    """A broken `step` line still opens a step, so the actions under it are
    not also reported as standing outside any step."""
    words = line.split()
    if not words or words[0] != "step":
        return []
    column = line.index("step") + 1
    ident = words[1] if len(words) > 1 and not words[1].startswith('"') else f"line{number}"
    span = Span(line=number, column=column, end_line=number, end_column=len(line.rstrip()) + 1)
    return [StepStatement(span=span, id=Word(text=ident, span=span), label="")]


def parse_line(line: str, file: str, number: int) -> tuple[list[AnyStatement], list[Diagnostic]]:
    """The statements (none, or one) and diagnostics of line `number` (1-based) read
    on its own, as a file with mistakes is read; a blank or comment line has neither."""
    line = line.rstrip("\r")
    stripped = line.strip(WHITESPACE)
    if not stripped or stripped.startswith("#"):
        return [], []
    try:
        parsed = _statement(line, file, number - 1)
    except UnexpectedInput as error:
        failure = describe_failure(error, parser(), file, number, line)
        parsed = _mended(line, failure.code, file, number - 1)
        if parsed is None:
            return _placeholder_step(line, number), [failure]
        statement, found = parsed
        return [statement], [failure, *found]
    statement, found = parsed
    return [statement], list(found)


def _parse_lines(source: Source) -> ParseResult:
    statements: list[AnyStatement] = []
    diagnostics: list[Diagnostic] = []
    for number, raw in enumerate(source.text.split("\n"), start=1):
        found, problems = parse_line(raw, source.name, number)
        statements.extend(found)
        diagnostics.extend(problems)
    return ParseResult(statements=tuple(statements), diagnostics=tuple(diagnostics))
