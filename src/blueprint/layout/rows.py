"""Rows under the lanes, drawn only when the blueprint uses what they show:
the metrics of each phase and step, the controls and rules that apply in
each step, and the research notes (layout.notes) of each step. Each row is a band across the columns with its name in
the head column, like a lane, and its content under each step."""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout import style
from blueprint.layout.cards import control_marker
from blueprint.layout.grid import Grid
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.text import block
from blueprint.model.types import Blueprint, Metric
from blueprint.layout.notes import note_cells
from blueprint.scene import ControlEntry, Marker, MetricEntry, NoteEntry, Rect, RowBand, Rule, Text
from blueprint.words import WORDS

ROW_GAP = 10  # between the lanes (or the row above) and a row
ROW_PAD = 10  # inside a row, above and below its content
ITEM_GAP = 8  # between two items in one cell of a row
TEXT_GAP = 6  # between an item's badge and its text
METRIC_SIZE = 13


@dataclass
class Rows:
    rects: list[Rect] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    bands: list[RowBand] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    height: float = 0.0


def control_entries(blueprint: Blueprint) -> list[ControlEntry]:
    """Every control, numbered C1, C2, … in document order."""
    return [
        ControlEntry(number=number, step=step.id, action=action.id if action else None,
                     action_label=action.label if action else None, text=control.text, reference=control.reference)
        for number, (step, action, control) in enumerate(blueprint.controls(), start=1)
    ]


def rows(blueprint: Blueprint, m: TextMeasurer, grid: Grid, controls: list[ControlEntry],
         notes: list[NoteEntry]) -> Rows:
    """The rows the blueprint uses, from the bottom of the lanes down."""
    made = Rows()
    if any(step.metrics for step in blueprint.steps) or any(phase.metrics for phase in blueprint.phases):
        _row(made, blueprint, m, grid, "metrics", _metric_cells(blueprint, m, grid))
    if controls:
        _row(made, blueprint, m, grid, "controls", _control_cells(blueprint, m, grid, controls))
    if notes:
        cells, shapes = note_cells(blueprint, m, grid, notes)
        _row(made, blueprint, m, grid, "notes", cells, shapes)
    return made


def metric_value(metric: Metric) -> str:
    """The value as written, with its unit: 12%, 1,200 per day, 4.5 min."""
    if metric.text is None:
        return ""
    if not metric.unit:
        return metric.text
    # Chinese writes a unit against its number (5分钟), as everyone writes %.
    glued = metric.unit in ("%", "‰") or "\u2e80" <= metric.unit[0] <= "\u9fff"
    return f"{metric.text}{'' if glued else ' '}{metric.unit}"


def metric_entries(blueprint: Blueprint) -> list[MetricEntry]:
    """Every metric with its value as drawn: a phase's, then each step's."""
    found = [MetricEntry(phase=phase.name, step=None, name=metric.name, value=metric_value(metric))
             for phase in blueprint.phases for metric in phase.metrics]
    return found + [MetricEntry(phase=None, step=step.id, name=metric.name, value=metric_value(metric))
                    for step in blueprint.steps for metric in step.metrics]


def _metric_block(m: TextMeasurer, metric: Metric, x: float, top: float, width: float,
                  anchor: str = "start", name: str | None = None) -> tuple[list[Text], float]:
    """A metric's name, small and muted, over its value, bold."""
    lines, height = block(m, "row-muted", name or metric.name, x, top, width, style.SMALLEST_SIZE, anchor=anchor,
                          max_lines=2)
    value, value_height = block(m, "metric-value", metric_value(metric), x, top + height, width, METRIC_SIZE,
                                bold=True, anchor=anchor, max_lines=1)
    return lines + value, height + value_height


def _metric_cells(blueprint: Blueprint, m: TextMeasurer, grid: Grid) -> list[tuple[list[Text], list[Marker], float]]:
    """A phase's metrics across the top of its columns, then each step's under it."""
    step_index = {step.id: index for index, step in enumerate(blueprint.steps)}
    cells: list[tuple[list[Text], list[Marker], float]] = []
    phase_height = 0.0
    for phase in blueprint.phases:
        columns = [step_index[step] for step in phase.steps if step in step_index]
        if not phase.metrics or not columns:
            continue
        left, right = grid.column_x[min(columns)], grid.column_x[max(columns)] + style.CARD_W
        texts: list[Text] = []
        y = 0.0
        for metric in phase.metrics:
            named = f"{phase.name}{WORDS[blueprint.lang]['colon']}{metric.name}"
            lines, height = _metric_block(m, metric, (left + right) / 2, y, right - left, "middle", named)
            texts += lines
            y += height + ITEM_GAP
        cells.append((texts, [], y - ITEM_GAP))
        phase_height = max(phase_height, y)
    for column, step in enumerate(blueprint.steps):
        texts = []
        y = phase_height
        for metric in step.metrics:
            lines, height = _metric_block(m, metric, grid.column_x[column], y, style.CARD_W)
            texts += lines
            y += height + ITEM_GAP
        cells.append((texts, [], max(y - ITEM_GAP, 0.0)))
    return cells


def _row(made: Rows, blueprint: Blueprint, m: TextMeasurer, grid: Grid, kind: str,
         cells: list[tuple[list[Text], list[Marker], float]], shapes: list[Rect] | None = None) -> None:
    """A band below what is drawn so far, holding `cells` (content laid out
    from a top of 0, moved down here) and named in the head column."""
    top = grid.bottom + made.height + ROW_GAP
    label = WORDS[blueprint.lang][kind]
    label_texts, label_height = block(m, "lane-label", label, style.MARGIN + 12, top + ROW_PAD, style.HEAD_W - 32,
                                      style.LANE_SIZE, bold=True, max_lines=3)
    height = max([label_height, *(cell_height for _, _, cell_height in cells)]) + 2 * ROW_PAD
    made.rects.append(Rect(role=f"row-{kind}", x=style.MARGIN, y=round(top, 2),
                           width=round(grid.right - style.MARGIN, 2), height=round(height, 2)))
    made.rects.append(Rect(role="lane-head", x=style.MARGIN, y=round(top, 2), width=style.HEAD_W - 8,
                           height=round(height, 2)))
    made.texts.extend(label_texts)
    for shape in shapes or ():  # laid out from a top of 0, like the cells
        shape.y = round(shape.y + top + ROW_PAD, 2)
        made.rects.append(shape)
    for texts, markers, _ in cells:
        for text in texts:
            text.y = round(text.y + top + ROW_PAD, 2)
        for marker in markers:
            marker.y = round(marker.y + top + ROW_PAD, 2)
            marker.label.y = round(marker.label.y + top + ROW_PAD, 2)
        made.texts.extend(texts)
        made.markers.extend(markers)
    made.bands.append(RowBand(kind=kind, label=label, y=round(top, 2), height=round(height, 2)))
    made.height += ROW_GAP + height


def _control_cells(blueprint: Blueprint, m: TextMeasurer, grid: Grid,
                   controls: list[ControlEntry]) -> list[tuple[list[Text], list[Marker], float]]:
    """Under each step, its controls: the C badge (also on the card of an
    action the control is written on), the rule, and what it comes from."""
    w = WORDS[blueprint.lang]
    by_step: dict[str, list[ControlEntry]] = {}
    for entry in controls:
        by_step.setdefault(entry.step, []).append(entry)
    cells = []
    for column, step in enumerate(blueprint.steps):
        x = grid.column_x[column]
        texts: list[Text] = []
        markers: list[Marker] = []
        y = 0.0
        for entry in by_step.get(step.id, ()):
            badge = control_marker(m, entry.number, entry.action, x, y)
            left = x + badge.width + TEXT_GAP
            room = style.CARD_W - badge.width - TEXT_GAP
            lines, height = block(m, "row-text", entry.text, left, y + 1, room, style.LIST_SIZE, max_lines=4)
            if entry.reference:
                more, more_height = block(m, "row-muted", str(w["control_ref"]).format(ref=entry.reference), left,
                                          y + 1 + height, room, style.SMALLEST_SIZE, italic=True, max_lines=2)
                lines += more
                height += more_height
            markers.append(badge)
            texts += lines
            y += max(height, badge.height) + ITEM_GAP
        cells.append((texts, markers, max(y - ITEM_GAP, 0.0)))
    return cells
