"""Formatting through `blueprint fmt`: the whole document, or the whole
statements of a selection.

The canonical text comes from the API, exactly as `fmt` writes it; the
server hands the editor only the lines that change, so the cursor and the
undo history stay where they were. A range is formatted by applying the
changes that fall inside it, and only when it covers whole statements: half
a line has no canonical form. A document with errors is not formatted (as
`fmt` refuses to), and neither is one the formatter would change the
meaning of.
"""

from __future__ import annotations

import difflib
import logging

from lsprotocol import types

from blueprint.api import format_text
from blueprint.format import UnsafeFormatError
from blueprint.lsp.analysis import Analysis, ServerSettings
from blueprint.lsp.positions import Lines
from blueprint.parse.whitespace import WHITESPACE

log = logging.getLogger(__name__)

# A line-by-line change: original lines [first, end) become `lines`.
Change = tuple[int, int, list[str]]


def _changes(original: list[str], canonical: list[str]) -> list[Change]:
    """The changes from one list of lines to the other, each line that only
    changes its spacing a change of its own (so that a range can take it)."""
    keys = [" ".join(line.split()) for line in original], [" ".join(line.split()) for line in canonical]
    matcher = difflib.SequenceMatcher(None, *keys, autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            changes.append((i1, i2, canonical[j1:j2]))
            continue
        for i, j in zip(range(i1, i2), range(j1, j2)):
            if original[i] == canonical[j]:
                continue
            if changes and changes[-1][:2] == (i, i):  # lines inserted right above: one edit, not two at one place
                changes[-1] = (i, i + 1, [*changes[-1][2], canonical[j]])
            else:
                changes.append((i, i + 1, [canonical[j]]))
    return changes


def _edit(lines: Lines, change: Change, newline: str) -> types.TextEdit:
    first, end, replacement = change
    start = types.Position(line=first, character=0)
    if end < len(lines.lines):
        stop = types.Position(line=end, character=0)
        text = "".join(line + newline for line in replacement)
    else:  # up to the end of a document whose last line has no line break
        last = len(lines.lines) - 1
        stop = lines.to_client(last, len(lines.line(last)))
        text = "".join(line + newline for line in replacement)
        if first > last:
            start, text = stop, newline + text
    return types.TextEdit(range=types.Range(start=start, end=stop), new_text=text)


def _canonical_lines(analysis: Analysis, settings: ServerSettings) -> list[str] | None:
    try:
        result = format_text(analysis.text, analysis.result.name, settings.enabled)
    except UnsafeFormatError as error:
        log.error("not formatted: %s", error)
        return None
    if not result.ok or result.text is None:
        return None
    return result.text.split("\n")


def _units(lines: Lines) -> list[str]:
    """The document's lines, the empty one after a final line break left out."""
    units = list(lines.lines)
    if lines.text.endswith("\n"):
        units.pop()
    return units


def format_document(analysis: Analysis, settings: ServerSettings) -> list[types.TextEdit]:
    canonical = _canonical_lines(analysis, settings)
    if canonical is None:
        return []
    newline = "\r\n" if "\r\n" in analysis.text else "\n"
    lines = analysis.lines
    units = _units(lines)
    changes = _changes(units, canonical[:-1])
    edits = [_edit(lines, change, newline) for change in changes]
    if units and not analysis.text.endswith("\n") and not any(end == len(units) for _, end, _ in changes):
        end = lines.to_client(len(units) - 1, len(units[-1]))
        edits.append(types.TextEdit(range=types.Range(start=end, end=end), new_text=newline))  # the final line break
    return edits


def whole_statements(lines: Lines, range_: types.Range) -> tuple[int, int] | None:
    """The 0-based first and last lines a range covers, when it starts before
    a line's first word and ends after a line's last (or at the start of the
    line after it); None for a range that cuts a statement."""
    first, start_column = lines.from_client(range_.start)
    last, end_column = lines.from_client(range_.end)
    if end_column == 0 and last > first:
        last -= 1
        end_column = len(lines.line(last))
    before = lines.line(first)[:start_column]
    after = lines.line(last)[end_column:]
    if before.strip(WHITESPACE) or after.strip(WHITESPACE):
        return None
    return first, last


def format_range(analysis: Analysis, settings: ServerSettings, range_: types.Range) -> list[types.TextEdit]:
    covered = whole_statements(analysis.lines, range_)
    if covered is None:
        return []
    canonical = _canonical_lines(analysis, settings)
    if canonical is None:
        return []
    first, last = covered
    newline = "\r\n" if "\r\n" in analysis.text else "\n"
    lines = analysis.lines
    inside = [c for c in _changes(_units(lines), canonical[:-1]) if first <= c[0] and c[1] <= last + 1 and c[0] <= last]
    return [_edit(lines, change, newline) for change in inside]
