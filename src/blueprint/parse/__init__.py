"""Parse stage: source text in, typed statements and syntax diagnostics out."""

from __future__ import annotations

from lark.exceptions import UnexpectedInput
from pydantic import BaseModel, ConfigDict

from blueprint.diagnostics import Diagnostic
from blueprint.parse.errors import describe_failure
from blueprint.parse.grammar import parser
from blueprint.parse.statements import AnyStatement, StepStatement, Word
from blueprint.parse.transform import StatementBuilder, to_statements
from blueprint.source import Source, Span


class ParseResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    statements: tuple[AnyStatement, ...]
    diagnostics: tuple[Diagnostic, ...]


def parse(source: Source) -> ParseResult:
    """Parse a whole file; a file with mistakes is re-read line by line so that
    every bad line is reported and every good one still yields its statement."""
    lark = parser()
    text = source.text if source.text.endswith("\n") else source.text + "\n"
    try:
        tree = lark.parse(text, start="start")
    except UnexpectedInput:
        return _parse_lines(source)
    builder = StatementBuilder(source.name)
    statements = to_statements(tree, builder)
    return ParseResult(statements=tuple(statements), diagnostics=tuple(builder.diagnostics))


def _closed_string(line: str):
    """The statement as it would read with its string closed, so that one
    missing quote does not also lose the step or action on that line."""
    try:
        return parser().parse(line + '"', start="statement")
    except UnexpectedInput:
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


def _parse_lines(source: Source) -> ParseResult:
    lark = parser()
    statements: list[AnyStatement] = []
    diagnostics: list[Diagnostic] = []
    for number, raw in enumerate(source.text.split("\n"), start=1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            tree = lark.parse(line, start="statement")
        except UnexpectedInput as error:
            failure = describe_failure(error, lark, source.name, number, line)
            diagnostics.append(failure)
            tree = _closed_string(line) if failure.code == "BP102" else None
            if tree is None:
                statements.extend(_placeholder_step(line, number))
                continue
        builder = StatementBuilder(source.name, line_offset=number - 1)
        statements.extend(to_statements(tree, builder))
        diagnostics.extend(builder.diagnostics)
    return ParseResult(statements=tuple(statements), diagnostics=tuple(diagnostics))
