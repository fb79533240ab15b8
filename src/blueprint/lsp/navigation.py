"""Go to definition, find references and rename, for every ID.

Steps, actions and evidence share one namespace, so an ID is renamed
everywhere it stands: its definition, both ends of flows, `recover`.
Scenarios have their own: a scenario is renamed in its header and every
`only` list, and never touches an action of the same ID. A rename that would
make a duplicate, a keyword or a word that is not an ID is refused, and
nothing is changed.
"""

from __future__ import annotations

import re

from lsprotocol import types

from blueprint.lsp.analysis import Analysis
from blueprint.lsp.index import IDS, Occurrence
from blueprint.vocabulary import KEYWORDS, Lane

# The grammar's NAME (grammar/blueprint.lark): a letter of any script, then
# letters, digits or `_`, with single inner hyphens.
ID_PATTERN = re.compile(r"[^\W\d]\w*(?:-(?![->])\w+)*")
# Words an ID may not be: the keywords, and `evidence`, which opens a statement.
RESERVED = frozenset(KEYWORDS) | {Lane.EVIDENCE.value}


class RenameRefused(ValueError):
    """A rename that cannot be made; the message says why."""


def _locations(analysis: Analysis, occurrences: list[Occurrence]) -> list[types.Location]:
    return [types.Location(uri=analysis.uri, range=analysis.lines.span_range(o.span)) for o in occurrences]


def definition(analysis: Analysis, line: int, column: int) -> list[types.Location]:
    occurrence = analysis.index.at(line, column)
    if occurrence is None:
        return []
    return _locations(analysis, analysis.index.definitions(occurrence.name, occurrence.namespace))


def references(analysis: Analysis, line: int, column: int, include_declaration: bool) -> list[types.Location]:
    occurrence = analysis.index.at(line, column)
    if occurrence is None:
        return []
    found = analysis.index.occurrences(occurrence.name, occurrence.namespace)
    if not include_declaration:
        found = [o for o in found if not o.is_definition]
    return _locations(analysis, found)


def highlights(analysis: Analysis, line: int, column: int) -> list[types.DocumentHighlight]:
    occurrence = analysis.index.at(line, column)
    if occurrence is None:
        return []
    return [
        types.DocumentHighlight(
            range=analysis.lines.span_range(o.span),
            kind=types.DocumentHighlightKind.Write if o.is_definition else types.DocumentHighlightKind.Read,
        )
        for o in analysis.index.occurrences(occurrence.name, occurrence.namespace)
    ]


def prepare_rename(analysis: Analysis, line: int, column: int) -> types.PrepareRenamePlaceholder | None:
    occurrence = analysis.index.at(line, column)
    if occurrence is None:
        return None
    return types.PrepareRenamePlaceholder(range=analysis.lines.span_range(occurrence.span), placeholder=occurrence.name)


def refusal(analysis: Analysis, old: str, new: str, namespace: str = IDS) -> str | None:
    """Why `old` cannot become `new` (in `namespace`), or None when it can."""
    if ID_PATTERN.fullmatch(new) is None:
        return f"'{new}' is not an ID: start with a letter, then letters, digits, _ or single inner hyphens"
    if new in RESERVED:
        return f"'{new}' is a keyword of the language; choose another ID"
    taken = analysis.index.definitions(new, namespace)
    if new != old and taken:
        if namespace == IDS:
            return f"'{new}' is already the ID on line {taken[0].span.line}; IDs are shared by steps, actions and evidence"
        return f"'{new}' is already the scenario on line {taken[0].span.line}; choose another ID"
    return None


def rename(analysis: Analysis, line: int, column: int, new: str) -> types.WorkspaceEdit | None:
    occurrence = analysis.index.at(line, column)
    if occurrence is None:
        return None
    reason = refusal(analysis, occurrence.name, new, occurrence.namespace)
    if reason is not None:
        raise RenameRefused(reason)
    edits = [types.TextEdit(range=analysis.lines.span_range(o.span), new_text=new)
             for o in analysis.index.occurrences(occurrence.name, occurrence.namespace)]
    return types.WorkspaceEdit(changes={analysis.uri: edits})
