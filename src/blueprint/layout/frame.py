"""The frame the cards stand in: phase bands and step heads over the columns,
a tinted band and a label for each lane, and the blueprint's lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout import style
from blueprint.layout.cards import BADGE_H, change_badge
from blueprint.layout.grid import Grid
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.practice_marks import step_head_marks, via_text
from blueprint.layout.wrap import wrap
from blueprint.layout.text import block, line
from blueprint.model.types import Blueprint, Lane, Line
from blueprint.vocabulary import LINE_ABOVE
from blueprint.scene import Change, ChangeBadge, Column, LaneBand, Rect, Rule, Text

LINE_STYLE = {Line.INTERACTION: "solid", Line.VISIBILITY: "dashed", Line.INTERNAL: "dotted",
              Line.ORDER_PENETRATION: "dash-dot", Line.IMPLEMENTATION: "long-dash"}


def lines_below(lanes: list[Lane]) -> dict[Lane, Line]:
    """Each drawn lane with the line under it: the line above the lane that follows."""
    return {lane: LINE_ABOVE[below] for lane, below in zip(lanes, lanes[1:]) if below in LINE_ABOVE}


@dataclass
class Heads:
    """Where the column heads stand: the phase bands from `top`, then the step heads."""

    top: float
    phase_height: float
    step_height: float
    step_changes: dict[str, Change] = field(default_factory=dict)
    # The steps of only some scenarios: their scenarios and the tag that names them.
    step_scenarios: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)


@dataclass
class Frame:
    rects: list[Rect] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    lanes: list[LaneBand] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    badges: list[ChangeBadge] = field(default_factory=list)


def frame(blueprint: Blueprint, measurer: TextMeasurer, grid: Grid, lanes: list[Lane], heads: Heads) -> Frame:
    made = Frame()
    _phases(made, blueprint, measurer, grid, heads)
    _steps(made, blueprint, measurer, grid, heads)
    _lanes(made, blueprint, measurer, grid, lanes)
    _lines(made, blueprint, measurer, grid, lanes)
    return made


def line_heights(grid: Grid, lanes: list[Lane]) -> dict[float, str]:
    """Where the blueprint's lines run, top to bottom, by name."""
    return {grid.lane_bottom(lanes.index(lane)): line.value for lane, line in lines_below(lanes).items()}


def _phases(made: Frame, bp: Blueprint, m: TextMeasurer, grid: Grid, heads: Heads) -> None:
    """Phase bands over their steps."""
    step_index = {step.id: i for i, step in enumerate(bp.steps)}
    for phase in bp.phases:
        indices = [step_index[s] for s in phase.steps if s in step_index]
        if not indices:
            continue
        # Hug the phase's own columns: a gutter widened for arrows must not
        # make the band look shifted off its steps.
        x0 = grid.column_x[min(indices)] - min(grid.gutter_half(min(indices)), 10)
        x1 = grid.column_x[max(indices)] + style.CARD_W + min(grid.gutter_half(max(indices) + 1), 10)
        made.rects.append(Rect(role="phase", x=round(x0 + 2, 2), y=round(heads.top, 2),
                               width=round(x1 - x0 - 4, 2), height=heads.phase_height - 6, radius=4))
        label = wrap(phase.name, x1 - x0 - 16, style.PHASE_SIZE, m, bold=True, max_lines=1)
        if label:
            made.texts.append(line(m, "phase-label", label[0], (x0 + x1) / 2,
                                   heads.top + (heads.phase_height - 6) / 2 + style.PHASE_SIZE * 0.36,
                                   style.PHASE_SIZE, bold=True, anchor="middle"))


def _steps(made: Frame, bp: Blueprint, m: TextMeasurer, grid: Grid, heads: Heads) -> None:
    """A head over each column, with the step's change badge in a comparison drawing."""
    step_top = heads.top + heads.phase_height
    for column, step in enumerate(bp.steps):
        x = grid.column_x[column]
        made.rects.append(Rect(role="step-head", x=round(x, 2), y=round(step_top, 2), width=style.CARD_W,
                               height=round(heads.step_height - 8, 2), radius=4))
        lines, _ = block(m, "step-label", step.label, x + style.CARD_W / 2, step_top + 4, style.CARD_W - 12,
                         style.STEP_SIZE, bold=True, anchor="middle", max_lines=style.STEP_MAX_LINES)
        made.texts.extend(lines)
        change = heads.step_changes.get(step.id)
        if change:
            made.badges.append(change_badge(m, bp.lang, change, x + style.CARD_W / 2,
                                            step_top + heads.step_height - 12 - BADGE_H, anchor="middle"))
        # The step's channel tag and K badge: under the label, above a change badge.
        below = BADGE_H + 4 if heads.step_changes else 0
        scenarios, scenario_text = heads.step_scenarios.get(step.id, ((), ""))
        tag, key, only, detail = step_head_marks(m, bp, step, x + style.CARD_W / 2,
                                                 step_top + heads.step_height - 12 - below - style.MARKER_H,
                                                 scenario_text)
        phase = bp.phases[step.phase].name if step.phase is not None else None
        made.columns.append(Column(step=step.id, label=step.label, phase=phase, x=round(x, 2), width=style.CARD_W,
                                   change=change, key_marker=key, channel_tag=tag, detail_marker=detail,
                                   channel_note=via_text(bp, step.via) if step.via else None,
                                   scenario_tag=only, scenarios=scenarios))


def _lanes(made: Frame, bp: Blueprint, m: TextMeasurer, grid: Grid, lanes: list[Lane]) -> None:
    """A tinted band for each lane, its label in the header column."""
    left = style.MARGIN
    below = lines_below(lanes)
    for index, lane in enumerate(lanes):
        top, height = grid.lane_top[index], grid.lane_height[index]
        made.rects.append(Rect(role=f"lane-{lane.value}", x=left, y=round(top, 2),
                               width=round(grid.right - left, 2), height=round(height, 2)))
        made.rects.append(Rect(role="lane-head", x=left, y=round(top, 2), width=style.HEAD_W - 8,
                               height=round(height, 2)))
        label = bp.lane_label(lane)
        room = height - (18 if lane in below else 0)
        _, text_height = block(m, "lane-label", label, left + 12, 0, style.HEAD_W - 32, style.LANE_SIZE,
                               bold=True, max_lines=3)
        offset = top + max(4, (room - text_height) / 2)
        texts, _ = block(m, "lane-label", label, left + 12, offset, style.HEAD_W - 32, style.LANE_SIZE,
                         bold=True, max_lines=3)
        made.texts.extend(texts)
        made.lanes.append(LaneBand(lane=lane.value, label=label, y=round(top, 2), height=round(height, 2)))


def _lines(made: Frame, bp: Blueprint, m: TextMeasurer, grid: Grid, lanes: list[Lane]) -> None:
    """The evidence row set off by a plain divider; the lines below it are the blueprint's own."""
    left = style.MARGIN
    if lanes[0] is Lane.EVIDENCE:
        y = grid.lane_top[1]
        made.rules.append(Rule(role="lane-divider", x1=left, y1=round(y, 2), x2=round(grid.right, 2),
                               y2=round(y, 2)))
    for lane, blueprint_line in lines_below(lanes).items():
        y = grid.lane_bottom(lanes.index(lane))
        made.rules.append(Rule(role=f"line-{blueprint_line.value}", x1=left, y1=round(y, 2),
                               x2=round(grid.right, 2), y2=round(y, 2), style=LINE_STYLE[blueprint_line]))
        made.texts.append(line(m, "line-label", bp.line_label(blueprint_line), left + 12, y - 5,
                               style.LINE_LABEL_SIZE, italic=True))
