"""Parsing a text again after an edit, reading only the lines that changed.

An editor asks for a check after every pause in typing, and a keystroke
changes one line. The language has one statement per line, and a file with
mistakes is already read line by line (blueprint.parse.parser), so the
statements and diagnostics of a line depend on its text and its number
alone. A `LineCache` keeps them for each line of the last text; the next
parse reads only the lines whose number or text is new. When most lines are
new (a first parse, or lines inserted near the top, which renumbers all
below them), one parse of the whole text is faster, and its results fill
the cache line by line.

The result is the one `parse` gives for the same text: the tests hold
every example, and texts broken at random, to that.
"""

from __future__ import annotations

from collections import defaultdict

from blueprint.diagnostics import Diagnostic
from blueprint.parse.parser import ParseResult, parse, parse_line
from blueprint.parse.statements import AnyStatement
from blueprint.source import Source

# Below this share of new lines, reading them one by one beats one parse of the whole.
NEW_LINES_FOR_A_WHOLE_PARSE = 0.2

Line = tuple[list[AnyStatement], list[Diagnostic]]


class LineCache:
    """The statements and diagnostics of each line of the last text parsed,
    by the line's number and text. One per document: not shared between threads."""

    def __init__(self) -> None:
        self.name: str | None = None
        self.lines: dict[tuple[int, str], Line] = {}


def _by_line(result: ParseResult, keys: list[tuple[int, str]]) -> dict[tuple[int, str], Line]:
    statements: dict[int, list[AnyStatement]] = defaultdict(list)
    diagnostics: dict[int, list[Diagnostic]] = defaultdict(list)
    for statement in result.statements:
        statements[statement.span.line].append(statement)
    for diagnostic in result.diagnostics:
        diagnostics[diagnostic.span.line].append(diagnostic)
    return {key: (statements.get(key[0], []), diagnostics.get(key[0], [])) for key in keys}


def parse_again(source: Source, cache: LineCache) -> ParseResult:
    """What `parse(source)` gives, reading only the lines `cache` does not know."""
    keys = list(enumerate(source.text.split("\n"), start=1))
    known = cache.lines if cache.name == source.name else {}
    new = [key for key in keys if key not in known]
    if len(new) > NEW_LINES_FOR_A_WHOLE_PARSE * len(keys):
        result = parse(source)
        cache.name, cache.lines = source.name, _by_line(result, keys)
        return result
    lines = {key: known[key] for key in keys if key in known}
    for number, text in new:
        lines[(number, text)] = parse_line(text, source.name, number)
    cache.name, cache.lines = source.name, lines
    statements = tuple(statement for key in keys for statement in lines[key][0])
    diagnostics = tuple(diagnostic for key in keys for diagnostic in lines[key][1])
    return ParseResult.model_construct(statements=statements, diagnostics=diagnostics)
