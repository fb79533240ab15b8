"""Lays a validated blueprint out as a scene: header, phase and step headers,
lanes with their cards, the three lines, routed flows, legend and lists."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from blueprint.layout import style
from blueprint.layout.cards import BADGE_H, action_card, change_badge, duration_text, evidence_card, move_card
from blueprint.layout.changes import card_changes, change_summary
from blueprint.layout.chrome import footer, header
from blueprint.layout.labels import CLEAR, HEAD_LENGTH, Obstacles, Placer, heads, leg_rects
from blueprint.layout.measure import FONT_STACK, FontMetricsMeasurer, TextMeasurer
from blueprint.layout.wrap import wrap
from blueprint.layout.recovery import recovery_tags
from blueprint.layout.routing import Bands, Box, Route, plan, route_all
from blueprint.scene import (
    Arrow,
    Card,
    Change,
    ChangeBadge,
    Column,
    LaneBand,
    Point,
    Rect,
    Rule,
    Scene,
    Text,
)
from blueprint.layout.text import block
from blueprint.words import WORDS
from blueprint.model.types import ACTION_LANES, Action, Blueprint, Lane, Line

if TYPE_CHECKING:
    from blueprint.analysis.diff_result import BlueprintDiff

LINE_BELOW = {Lane.CUSTOMER: Line.INTERACTION, Lane.ONSTAGE: Line.VISIBILITY, Lane.BACKSTAGE: Line.INTERNAL}
LINE_STYLE = {Line.INTERACTION: "solid", Line.VISIBILITY: "dashed", Line.INTERNAL: "dotted"}
LANE_MIN_HEIGHT = 62


@dataclass
class _Grid:
    """Positions for one choice of band sizes."""

    column_x: list[float]
    gutter_left: list[float]
    lane_top: list[float]
    lane_height: list[float]
    boxes: dict[str, Box]
    right: float
    bottom: float


def lay_out(blueprint: Blueprint, measurer: TextMeasurer | None = None,
            compare: BlueprintDiff | None = None) -> Scene:
    """The scene of `blueprint`; with `compare` (its diff from an older
    blueprint), a comparison drawing that marks what changed."""
    measurer = measurer or FontMetricsMeasurer()
    return _Layout(blueprint, measurer, compare).scene()


class _Layout:
    def __init__(self, blueprint: Blueprint, measurer: TextMeasurer, compare: BlueprintDiff | None = None) -> None:
        self.bp = blueprint
        self.m = measurer
        # What a comparison drawing marks; all empty for a plain drawing.
        self.compare = compare
        marks = compare.marks() if compare else None
        self.card_changes = card_changes(compare, blueprint.lang) if compare else {}
        self.step_changes: dict[str, Change] = {}
        self.introduced: frozenset[int] = frozenset()
        if marks:
            self.step_changes = {**dict.fromkeys(marks.changed_steps, "changed"),
                                 **dict.fromkeys(marks.added_steps, "added")}
            self.introduced = marks.introduced_fail_numbers
        has_evidence = any(step.evidence for step in blueprint.steps)
        self.lanes: list[Lane] = ([Lane.EVIDENCE] if has_evidence else []) + list(ACTION_LANES)
        self.lane_index = {lane: index for index, lane in enumerate(self.lanes)}
        self.labels = {action.id: action.label for action in blueprint.actions()}
        self.columns = len(blueprint.steps)
        # Card sizes do not depend on where the card stands: measure once.
        self.stacks: dict[tuple[int, int], list[Card]] = {}
        for column, step in enumerate(blueprint.steps):
            if step.evidence:
                cell = self.stacks.setdefault((0, column), [])
                cell.extend(evidence_card(measurer, ev, i, 0, 0) for i, ev in enumerate(step.evidence))
            for action in step.actions:
                cell = self.stacks.setdefault((self.lane_index[action.lane], column), [])
                cell.append(self._action_card(action, 0, 0))
        # Pairs of actions joined by a flow, with the height their arrow's label needs.
        self.joined: dict[frozenset[str], float] = {}
        for flow in blueprint.flows:
            label_height = 0.0
            if flow.label:
                lines = wrap(flow.label, style.ARROW_LABEL_W, style.ARROW_LABEL_SIZE, measurer, max_lines=2)
                label_height = len(lines) * measurer.line_height(style.ARROW_LABEL_SIZE) + 8
            key = frozenset((flow.source, flow.target))
            self.joined[key] = max(self.joined.get(key, 0.0), label_height)
        self.header_texts, self.header_height = header(blueprint, measurer, style.MARGIN, style.MARGIN)
        self.phase_height = 30 if blueprint.phases else 0
        self.step_texts_height = self._step_header_height()

    def _action_card(self, action: Action, x: float, y: float) -> Card:
        return action_card(self.m, self.bp, action, x, y, self.labels, self.card_changes.get(action.id),
                           self.introduced)

    def _marked(self) -> tuple[str, ...]:
        """The comparison badges this drawing uses, for the legend."""
        changes = {*self.step_changes.values(), *(change for change, _ in self.card_changes.values())}
        used = [f"badge-{change}" for change in ("added", "changed") if change in changes]
        return (*used, "fail-introduced") if self.introduced else tuple(used)

    # --- geometry ------------------------------------------------------------
    def _step_header_height(self) -> float:
        tallest = 0.0
        for step in self.bp.steps:
            _, height = block(self.m, "step-label", step.label, 0, 0, style.CARD_W, style.STEP_SIZE, bold=True,
                              max_lines=style.STEP_MAX_LINES)
            tallest = max(tallest, height)
        if self.step_changes:  # room for the badge under the label
            return tallest + 16 + BADGE_H + 4
        return tallest + 16

    @property
    def lanes_top(self) -> float:
        return style.MARGIN + self.header_height + 14 + self.phase_height + self.step_texts_height

    def _grid(self, gutters: list[float], channels: list[float]) -> _Grid:
        gutter_left: list[float] = []
        column_x: list[float] = []
        x = style.MARGIN + style.HEAD_W
        for column in range(self.columns):
            gutter_left.append(x)
            x += gutters[column]
            column_x.append(x)
            x += style.CARD_W
        gutter_left.append(x)
        right = x + gutters[self.columns]

        lane_top: list[float] = []
        lane_height: list[float] = []
        boxes: dict[str, Box] = {}
        y = round(self.lanes_top, 2)
        for lane in range(len(self.lanes)):
            lane_top.append(y)
            tallest = 0.0
            for column in range(self.columns):
                cursor = y + channels[lane]
                stack = self.stacks.get((lane, column), [])
                for position, card in enumerate(stack):
                    boxes[card.id] = Box(card.id, column, lane, column_x[column], cursor, card.width, card.height)
                    below = stack[position + 1].id if position + 1 < len(stack) else None
                    cursor += card.height + self._stack_gap(card.id, below)
                tallest = max(tallest, cursor - self._last_gap(stack) - y - channels[lane])
            # Rounded here, once, so a lane's bottom and the line drawn there agree exactly.
            height = round(max(LANE_MIN_HEIGHT, channels[lane] + tallest + style.LANE_PAD_BOTTOM), 2)
            lane_height.append(height)
            y = round(y + height, 2)
        return _Grid(column_x, gutter_left, lane_top, lane_height, boxes, right, y)

    def _stack_gap(self, upper: str, lower: str | None) -> float:
        """Stacked cards joined by a flow need room for the arrow (two heads for `<->`) and its label."""
        joined = self.joined.get(frozenset((upper, lower))) if lower else None
        if joined is None:
            return style.CARD_GAP
        return style.STACKED_FLOW_GAP + (joined if joined else 0)

    def _last_gap(self, stack: list[Card]) -> float:
        return self._stack_gap(stack[-1].id, None) if stack else style.CARD_GAP

    def _arrow_label(self, route: Route) -> tuple[list[str], float, float]:
        flow = self.bp.flows[route.index]
        if not flow.label:
            return [], 0.0, 0.0
        lines = wrap(flow.label, style.ARROW_LABEL_W, style.ARROW_LABEL_SIZE, self.m, max_lines=2)
        width = max(self.m.width(text, style.ARROW_LABEL_SIZE) for text in lines) + 8
        height = len(lines) * self.m.line_height(style.ARROW_LABEL_SIZE) + 4
        return lines, width, height

    def _settle(self) -> tuple[_Grid, list[Route]]:
        """Lay out, route, size the bands to the routes, and repeat until stable."""
        gutters = [float(style.GUTTER_MIN)] * (self.columns + 1)
        channels = [float(style.CHANNEL_MIN)] * len(self.lanes)
        grid = self._grid(gutters, channels)
        action_ids = set(self.labels)
        flows = [
            (index, flow) for index, flow in enumerate(self.bp.flows)
            if flow.source in action_ids and flow.target in action_ids
        ]
        boxes: dict[int, list[Box]] = {}
        for box in grid.boxes.values():
            boxes.setdefault(box.column, []).append(box)
        routes: list[Route] = []
        load: dict[int, int] = {}
        for index, flow in flows:
            route = plan(index, grid.boxes[flow.source], grid.boxes[flow.target], boxes, load)
            route.kind = flow.kind.value
            routes.append(route)
        for _round in range(8):
            grid = self._grid(gutters, channels)
            for route in routes:
                route.source, route.target = grid.boxes[route.source.id], grid.boxes[route.target.id]
            bands = Bands(grid.gutter_left, gutters, grid.lane_top, channels)
            gutter_tracks, channel_tracks = route_all(routes, bands, self.columns)
            wanted_gutters = [max(style.GUTTER_MIN, 2 * style.BAND_PAD + (n - 1) * style.TRACK_GAP) for n in gutter_tracks]
            wanted_channels = [max(style.CHANNEL_MIN, style.CHANNEL_TOP_PAD + style.BAND_PAD + (n - 1) * style.TRACK_GAP)
                               if n else style.CHANNEL_MIN for n in channel_tracks]
            self._make_room_for_labels(routes, grid, wanted_gutters, wanted_channels)
            # One width for every gutter between steps, decided by the busiest:
            # columns evenly spaced read as intended on a wall.
            inner = max(wanted_gutters[1:self.columns], default=style.GUTTER_MIN)
            wanted_gutters[1:self.columns] = [inner] * (self.columns - 1)
            if wanted_gutters == gutters and wanted_channels == channels:
                break
            gutters, channels = [float(g) for g in wanted_gutters], [float(c) for c in wanted_channels]
        return grid, routes

    def _make_room_for_labels(self, routes: list[Route], grid: _Grid, gutters: list[float], channels: list[float]) -> None:
        for route in routes:
            _, width, height = self._arrow_label(route)
            if not width:
                continue
            if route.shape == "straight":
                top, bottom = sorted((route.source, route.target), key=lambda b: b.y)
                gap = bottom.y - top.bottom
                if top.lane != bottom.lane:
                    # The label must fit between the line and the arrowhead below it.
                    channels[bottom.lane] = max(channels[bottom.lane], height + HEAD_LENGTH + 4 * CLEAR)
                elif gap < height + 10:
                    channels[bottom.lane] = max(channels[bottom.lane], channels[bottom.lane] + height + 10 - gap)
            elif route.channel is not None:
                channels[route.channel] = max(channels[route.channel], height + 8)
            else:
                gutters[route.gutters[0]] = max(gutters[route.gutters[0]], width + 12)

    # --- scene ---------------------------------------------------------------
    def scene(self) -> Scene:
        grid, routes = self._settle()
        cards = self._cards(grid)
        self.stacks = {}  # its cards, moved, are `cards` now
        # Built on the first label: a drawing without labels never needs it.
        self.placer = Placer(lambda: self._obstacles(grid, routes))
        arrows = [self._arrow(route, grid) for route in routes]
        self.badges: list[ChangeBadge] = []
        rects, rules, texts, lanes, columns = self._frame(grid)
        foot = footer(self.bp, self.m, style.MARGIN, grid.bottom + 24, max(grid.right, 760) - style.MARGIN,
                      self.labels, self.compare, self._marked(), {arrow.kind for arrow in arrows})
        width = max(grid.right, 760) + style.MARGIN
        height = grid.bottom + 24 + foot.height + style.MARGIN
        background = Rect(role="background", x=0, y=0, width=round(width, 2), height=round(height, 2))
        return Scene(
            width=round(width, 2),
            height=round(height, 2),
            title=self.bp.title or "",
            description=self._summary(),
            lang=self.bp.lang.value,
            font_family=FONT_STACK,
            lanes=tuple(lanes),
            columns=tuple(columns),
            rects=(background, *rects, *foot.rects),
            rules=(*rules, *foot.rules),
            cards=tuple(cards),
            arrows=tuple(arrows),
            markers=tuple(foot.markers),
            texts=(*self.header_texts, *texts, *foot.texts),
            recoveries=tuple(recovery_tags(self.bp, {card.id: card for card in cards}, self.m)),
            fail_list=tuple(foot.fails),
            wait_list=tuple(foot.waits),
            max_wait=self.bp.max_wait.text if self.bp.max_wait else None,
            badges=(*self.badges, *foot.badges),
            removed=tuple(foot.removed),
        )

    def _summary(self) -> str:
        """One or two sentences for <desc> and screen readers, in the blueprint's language."""
        bp = self.bp
        w = WORDS[bp.lang]
        counts = w["summary"].format(
            steps=_count(len(bp.steps), w["step_unit"]),
            actions=_count(len(bp.actions()), w["action_unit"]),
            flows=_count(len(bp.flows), w["flow_unit"]),
            fails=_count(len(bp.fail_points()), w["fail_unit"]),
            waits=_count(len(bp.wait_points()), w["wait_unit"]),
        )
        changes = change_summary(self.compare, bp.lang) if self.compare else None
        parts = [part for part in (bp.description, counts, changes) if part]
        return w["sentence_join"].join(parts)

    def _cards(self, grid: _Grid) -> list[Card]:
        """The cards measured at the start, moved to where the grid put them."""
        measured = {card.id: card for stack in self.stacks.values() for card in stack}
        cards: list[Card] = []
        for step in self.bp.steps:
            ids = [evidence.id or f"{step.id}.evidence{index + 1}" for index, evidence in enumerate(step.evidence)]
            ids += [action.id for action in step.actions]
            for card_id in ids:
                box = grid.boxes[card_id]
                card = measured[card_id]
                move_card(card, box.x, box.y)
                cards.append(card)
        return cards

    def _arrow(self, route: Route, grid: _Grid) -> Arrow:
        flow = self.bp.flows[route.index]
        points = tuple(Point(x=round(x, 2), y=round(y, 2)) for x, y in route.points)
        crosses = self._crossed_lines(route, grid)
        lines, width, height = self._arrow_label(route)
        label: list[Text] = []
        box = None
        if lines:
            left, top, _right, _bottom = self.placer.place(route.index, route.points, width, height,
                                                           prefer_horizontal=route.channel is not None)
            cx = left + width / 2
            box = Rect(role="arrow-label-box", x=round(left, 2), y=round(top, 2), width=round(width, 2),
                       height=round(height, 2), radius=3)
            line_height = self.m.line_height(style.ARROW_LABEL_SIZE)
            for number, text in enumerate(lines):
                label.extend(block(self.m, "arrow-label", text, cx, top + 2 + number * line_height, width,
                                   style.ARROW_LABEL_SIZE, anchor="middle")[0])
        return Arrow(
            id=f"flow{route.index + 1}",
            source=flow.source,
            target=flow.target,
            kind=flow.kind.value,
            points=points,
            head_start=flow.kind.value == "agreement",
            head_end=True,
            crosses=crosses,
            label=tuple(label),
            label_box=box,
        )

    def _obstacles(self, grid: _Grid, routes: list[Route]) -> Obstacles:
        """What a flow's label must keep off: cards, the lane lines, every flow
        (its own line excepted) and every arrowhead (its own included)."""
        reach = 2 * style.ARROW_LABEL_W  # as far from its arrow as a label may go
        near = []
        for route in routes:
            if self.bp.flows[route.index].label:
                xs, ys = [x for x, _ in route.points], [y for _, y in route.points]
                near.append((min(xs) - reach, min(ys) - reach, max(xs) + reach, max(ys) + reach))
        obstacles = Obstacles(near)
        # A label that cannot be clear of everything may cross a flow, not hide a card or a line.
        for b in grid.boxes.values():
            obstacles.add((b.x, b.y, b.right, b.bottom), weight=10)
        for y in self._line_heights(grid):
            obstacles.add((style.MARGIN, y, grid.right, y), weight=10)
        for route in routes:
            for rect in leg_rects(route.points):
                obstacles.add(rect, route.index)
            kind = self.bp.flows[route.index].kind.value
            for rect in heads(route.points, kind == "agreement", True):
                obstacles.add(rect, weight=5)
        return obstacles

    def _line_heights(self, grid: _Grid) -> list[float]:
        """Where the three lines (and the evidence divider) run."""
        heights = [grid.lane_top[self.lane_index[lane]] + grid.lane_height[self.lane_index[lane]] for lane in LINE_BELOW]
        return heights + ([grid.lane_top[1]] if self.lanes[0] is Lane.EVIDENCE else [])

    def _crossed_lines(self, route: Route, grid: _Grid) -> tuple[str, ...]:
        crossed: list[str] = []
        ys = [y for _x, y in route.points]
        low, high = min(ys), max(ys)
        for lane, line in LINE_BELOW.items():
            index = self.lane_index[lane]
            y = grid.lane_top[index] + grid.lane_height[index]
            if low < y < high:
                crossed.append(line.value)
        return tuple(crossed)

    def _frame(self, grid: _Grid):
        from blueprint.layout.text import line as text_line

        bp, m = self.bp, self.m
        rects: list[Rect] = []
        rules: list[Rule] = []
        texts: list[Text] = []
        lanes: list[LaneBand] = []
        columns: list[Column] = []
        left = style.MARGIN
        head_top = style.MARGIN + self.header_height + 14
        # Phase bands over their steps, then step headers.
        step_index = {step.id: i for i, step in enumerate(bp.steps)}
        for phase in bp.phases:
            indices = [step_index[s] for s in phase.steps if s in step_index]
            if not indices:
                continue
            # Hug the phase's own columns: a gutter widened for arrows must not
            # make the band look shifted off its steps.
            x0 = grid.column_x[min(indices)] - min(grid_gutter_half(grid, min(indices)), 10)
            x1 = grid.column_x[max(indices)] + style.CARD_W + min(grid_gutter_half(grid, max(indices) + 1), 10)
            rects.append(Rect(role="phase", x=round(x0 + 2, 2), y=round(head_top, 2),
                              width=round(x1 - x0 - 4, 2), height=self.phase_height - 6, radius=4))
            label = wrap(phase.name, x1 - x0 - 16, style.PHASE_SIZE, m, bold=True, max_lines=1)
            if label:
                texts.append(text_line(m, "phase-label", label[0], (x0 + x1) / 2,
                                       head_top + (self.phase_height - 6) / 2 + style.PHASE_SIZE * 0.36,
                                       style.PHASE_SIZE, bold=True, anchor="middle"))
        step_top = head_top + self.phase_height
        for column, step in enumerate(bp.steps):
            x = grid.column_x[column]
            rects.append(Rect(role="step-head", x=round(x, 2), y=round(step_top, 2), width=style.CARD_W,
                              height=round(self.step_texts_height - 8, 2), radius=4))
            lines, _ = block(m, "step-label", step.label, x + style.CARD_W / 2, step_top + 4, style.CARD_W - 12,
                             style.STEP_SIZE, bold=True, anchor="middle", max_lines=style.STEP_MAX_LINES)
            texts.extend(lines)
            change = self.step_changes.get(step.id)
            if change:
                self.badges.append(change_badge(m, bp.lang, change, x + style.CARD_W / 2,
                                                step_top + self.step_texts_height - 12 - BADGE_H, anchor="middle"))
            phase = bp.phases[step.phase].name if step.phase is not None else None
            columns.append(Column(step=step.id, label=step.label, phase=phase, x=round(x, 2), width=style.CARD_W,
                                  change=change))
        # Lanes: a tinted band each, the label in the header column.
        for index, lane in enumerate(self.lanes):
            top, height = grid.lane_top[index], grid.lane_height[index]
            rects.append(Rect(role=f"lane-{lane.value}", x=left, y=round(top, 2),
                              width=round(grid.right - left, 2), height=round(height, 2)))
            rects.append(Rect(role="lane-head", x=left, y=round(top, 2), width=style.HEAD_W - 8,
                              height=round(height, 2)))
            label = bp.lane_label(lane)
            room = height - (18 if lane in LINE_BELOW else 0)
            lines, text_height = block(m, "lane-label", label, left + 12, 0, style.HEAD_W - 32, style.LANE_SIZE,
                                       bold=True, max_lines=3)
            offset = top + max(4, (room - text_height) / 2)
            lines, _ = block(m, "lane-label", label, left + 12, offset, style.HEAD_W - 32, style.LANE_SIZE,
                             bold=True, max_lines=3)
            texts.extend(lines)
            lanes.append(LaneBand(lane=lane.value, label=label, y=round(top, 2), height=round(height, 2)))
        # The evidence row is set off by a plain divider; the three lines below it are the blueprint's own.
        if self.lanes[0] is Lane.EVIDENCE:
            y = grid.lane_top[1]
            rules.append(Rule(role="lane-divider", x1=left, y1=round(y, 2), x2=round(grid.right, 2), y2=round(y, 2)))
        for lane, line in LINE_BELOW.items():
            index = self.lane_index[lane]
            y = grid.lane_top[index] + grid.lane_height[index]
            rules.append(Rule(role=f"line-{line.value}", x1=left, y1=round(y, 2), x2=round(grid.right, 2),
                              y2=round(y, 2), style=LINE_STYLE[line]))
            texts.append(text_line(m, "line-label", bp.line_label(line), left + 12, y - 5, style.LINE_LABEL_SIZE,
                                   italic=True))
        return rects, rules, texts, lanes, columns


def _count(number: int, units: tuple[str, str]) -> str:
    singular, plural = units
    return f"{number} {singular if number == 1 else plural}".strip() if singular else f"{number}{plural}"


def grid_gutter_half(grid: _Grid, gutter: int) -> float:
    if gutter == 0:
        width = grid.column_x[0] - grid.gutter_left[0]
    elif gutter >= len(grid.column_x):
        width = grid.right - grid.gutter_left[-1]
    else:
        width = grid.column_x[gutter] - grid.gutter_left[gutter]
    return width / 2


__all__ = ["lay_out", "duration_text"]
