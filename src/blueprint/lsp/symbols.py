"""The outline of a document (phases, their steps, the steps' actions and
evidence) and the regions an editor may fold."""

from __future__ import annotations

from lsprotocol import types

from blueprint.lsp.analysis import Analysis
from blueprint.lsp.positions import Lines
from blueprint.model.types import Action, Blueprint, Step
from blueprint.parse.whitespace import WHITESPACE


def _last_statement_line(lines: Lines, first: int, before: int) -> int:
    """The last 0-based line from `first` up to (not including) `before` that holds a statement."""
    last = first
    for number in range(first, min(before, len(lines.lines))):
        text = lines.line(number).strip(WHITESPACE)
        if text and not text.startswith("#"):
            last = number
    return last


def _action_end(action: Action) -> int:
    """The 0-based last line of an action and the attribute lines under it."""
    spans = [action.span, *(f.span for f in action.fails), *(w.span for w in action.waits)]
    spans += [link.span for link in action.links]
    spans += [x.span for x in (action.duration, action.cost) if x is not None]
    return max(span.end_line for span in spans) - 1


class _Extents:
    """Where each phase and step starts and ends, from the lines that open them."""

    def __init__(self, blueprint: Blueprint, lines: Lines) -> None:
        starts = sorted({s.span.line - 1 for s in blueprint.steps} | {p.span.line - 1 for p in blueprint.phases})
        self.lines = lines
        self.next_start = {start: following for start, following in zip(starts, [*starts[1:], len(lines.lines)])}
        self.phase_ends: dict[int, int] = {}
        phase_starts = [p.span.line - 1 for p in blueprint.phases]
        for start, following in zip(phase_starts, [*phase_starts[1:], len(lines.lines)]):
            self.phase_ends[start] = _last_statement_line(lines, start, following)

    def step_end(self, step: Step) -> int:
        start = step.span.line - 1
        return _last_statement_line(self.lines, start, self.next_start.get(start, len(self.lines.lines)))


def _symbol(name: str, detail: str, kind: types.SymbolKind, lines: Lines, first: int, last: int,
            selection: types.Range, children: list[types.DocumentSymbol] | None = None) -> types.DocumentSymbol:
    return types.DocumentSymbol(name=name or "(no name)", detail=detail, kind=kind, range=lines.line_range(first, last),
                                selection_range=selection, children=children)


def _step_symbol(step: Step, extents: _Extents, lines: Lines) -> types.DocumentSymbol:
    children = [
        _symbol(ev.id or "evidence", ev.label, types.SymbolKind.Constant, lines, ev.span.line - 1, ev.span.end_line - 1,
                lines.span_range(ev.id_span or ev.span))
        for ev in step.evidence
    ]
    children += [
        _symbol(action.id, f"{action.lane.value}: {action.label}", types.SymbolKind.Function, lines,
                action.span.line - 1, _action_end(action), lines.span_range(action.id_span))
        for action in step.actions
    ]
    children.sort(key=lambda symbol: (symbol.range.start.line, symbol.range.start.character))
    return _symbol(step.id, step.label, types.SymbolKind.Class, lines, step.span.line - 1, extents.step_end(step),
                   lines.span_range(step.id_span), children)


def document_symbols(analysis: Analysis) -> list[types.DocumentSymbol]:
    blueprint = analysis.result.blueprint
    if blueprint is None:
        return []
    lines = analysis.lines
    extents = _Extents(blueprint, lines)
    # By position, not ID: a file being typed may hold two steps of one ID.
    steps = [(step, _step_symbol(step, extents, lines)) for step in blueprint.steps]
    outline: list[types.DocumentSymbol] = []
    for index, phase in enumerate(blueprint.phases):
        start = phase.span.line - 1
        members = [symbol for step, symbol in steps if step.phase == index]
        outline.append(_symbol(phase.name, "phase", types.SymbolKind.Namespace, lines, start,
                               extents.phase_ends.get(start, start), lines.span_range(phase.span), members))
    outline += [symbol for step, symbol in steps if step.phase is None]
    outline.sort(key=lambda symbol: symbol.range.start.line)
    return outline


def _comment_folds(lines: Lines) -> list[types.FoldingRange]:
    folds = []
    run_start = None
    for number, text in enumerate([*lines.lines, ""]):
        is_comment = text.strip(WHITESPACE).startswith("#")
        if is_comment and run_start is None:
            run_start = number
        elif not is_comment and run_start is not None:
            if number - 1 > run_start:
                folds.append(types.FoldingRange(start_line=run_start, end_line=number - 1,
                                                kind=types.FoldingRangeKind.Comment))
            run_start = None
    return folds


def folding_ranges(analysis: Analysis) -> list[types.FoldingRange]:
    folds = _comment_folds(analysis.lines)

    def walk(symbols: list[types.DocumentSymbol]) -> None:
        for symbol in symbols:
            if symbol.range.end.line > symbol.range.start.line:
                folds.append(types.FoldingRange(start_line=symbol.range.start.line, end_line=symbol.range.end.line,
                                                kind=types.FoldingRangeKind.Region))
            walk(symbol.children or [])

    walk(document_symbols(analysis))
    return sorted(folds, key=lambda fold: (fold.start_line, fold.end_line))
