"""Lays a validated blueprint out as a scene: header, phase and step headers,
lanes with their cards, the three lines, routed flows, legend and lists.

The pieces each have their module: the grid (grid.py), the sizing of the bands
between cards to the routed flows (sizing.py, routing.py), the arrows and their
labels (arrows.py, labels.py), the frame of heads, lanes and lines (frame.py),
and the header, legend and lists (chrome.py). This one measures the cards,
chains the pieces and assembles the scene.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from blueprint.layout import style
from blueprint.layout.arrows import arrows, file_flows, flow_labels, place_labels
from blueprint.layout.cards import BADGE_H, action_card, duration_text, evidence_card, move_card
from blueprint.layout.changes import card_changes, change_summary
from blueprint.layout.chrome import footer, header
from blueprint.layout.frame import Heads, frame, line_heights
from blueprint.layout.grid import Cells, Grid
from blueprint.layout.measure import FONT_STACK, FontMetricsMeasurer, TextMeasurer
from blueprint.layout.recovery import recovery_tags
from blueprint.layout.emotion import emotion_row, row_height
from blueprint.layout.notes import note_entries
from blueprint.layout.rows import control_entries, metric_entries, rows
from blueprint.layout.sizing import plan_routes, room_between_cards, room_under_a_line_helps, settle, with_room
from blueprint.layout.text import block
from blueprint.layout.practice_marks import key_entries, role_entries
from blueprint.layout.scenario_marks import ScenarioTags
from blueprint.model.types import ACTION_LANES, Action, Blueprint, Flow, Lane
from blueprint.scene import Arrow, Card, Change, EmotionEntry, Rect, Scene
from blueprint.words import WORDS

if TYPE_CHECKING:
    from blueprint.analysis.diff_result import BlueprintDiff

ROOM_ATTEMPTS = 3  # layouts at most: the first, then with room for the labels that crowded


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
        self.lanes: list[Lane] = ([Lane.EVIDENCE] if has_evidence else []) + list(blueprint.action_lanes())
        self.labels = {action.id: action.label for action in blueprint.actions()}
        self.controls = control_entries(blueprint)
        # Confidence is drawn in a blueprint whose author says it of some action.
        self.shows_confidence = any(action.confidence for action in blueprint.actions())
        self.control_numbers: dict[str, tuple[int, ...]] = {}
        for entry in self.controls:
            if entry.action is not None:
                self.control_numbers[entry.action] = (*self.control_numbers.get(entry.action, ()), entry.number)
        self.tags = ScenarioTags(blueprint)
        self.flow_labels = flow_labels(blueprint, measurer, self.tags.flow_label)
        self.cells = Cells(self._measured_cards(), self._joined(), len(blueprint.steps), len(self.lanes))
        self.header_texts, self.header_height = header(blueprint, measurer, style.MARGIN, style.MARGIN)
        self.phase_height = 30 if blueprint.phases else 0
        self.step_texts_height = self._step_header_height()
        self.emotion_height = row_height(blueprint, measurer)

    def _measured_cards(self) -> dict[tuple[int, int], list[Card]]:
        """Every card, measured (its size does not depend on where it stands), by (lane, column)."""
        lane_index = {lane: index for index, lane in enumerate(self.lanes)}
        stacks: dict[tuple[int, int], list[Card]] = {}
        for column, step in enumerate(self.bp.steps):
            if step.evidence:
                cell = stacks.setdefault((0, column), [])
                cell.extend(evidence_card(self.m, ev, i, 0, 0, self.tags.parts.get(step.id, ()))
                            for i, ev in enumerate(step.evidence))
            for action in step.actions:
                stacks.setdefault((lane_index[action.lane], column), []).append(self._action_card(action, 0, 0))
        return stacks

    def _joined(self) -> dict[frozenset[str], float]:
        """Pairs of actions joined by a flow, with the height their arrow's label needs."""
        joined: dict[frozenset[str], float] = {}
        for index, flow in enumerate(self.bp.flows):
            label = self.flow_labels.get(index)
            label_height = label.height + 4 if label else 0.0
            key = frozenset((flow.source, flow.target))
            joined[key] = max(joined.get(key, 0.0), label_height)
        return joined

    def _action_card(self, action: Action, x: float, y: float) -> Card:
        return action_card(self.m, self.bp, action, x, y, self.labels, self.card_changes.get(action.id),
                           self.introduced, self.control_numbers.get(action.id, ()),
                           self.bp.confidence_of(action).value if self.shows_confidence else None, self.tags)

    def _marked(self) -> tuple[str, ...]:
        """The comparison badges this drawing uses, for the legend."""
        changes = {*self.step_changes.values(), *(change for change, _ in self.card_changes.values())}
        used = [f"badge-{change}" for change in ("added", "changed") if change in changes]
        return (*used, "fail-introduced") if self.introduced else tuple(used)

    def _step_scenarios(self) -> dict[str, tuple[tuple[str, ...], str]]:
        """The steps of only some scenarios: their scenarios and their tag."""
        return {step.id: (found, self.tags.tag(found)) for step in self.bp.steps
                if (found := self.tags.parts.get(step.id, ()))}

    def _step_header_height(self) -> float:
        tallest = 0.0
        for step in self.bp.steps:
            _, height = block(self.m, "step-label", step.label, 0, 0, style.CARD_W, style.STEP_SIZE, bold=True,
                              max_lines=style.STEP_MAX_LINES)
            tallest = max(tallest, height)
        if any(step.key is not None or step.via is not None or step.detail or step.id in self._step_scenarios()
               for step in self.bp.steps):  # room for their marks
            tallest += style.MARKER_H + 4
        if self.step_changes:  # room for the badge under the label
            return tallest + 16 + BADGE_H + 4
        return tallest + 16

    @property
    def lanes_top(self) -> float:
        return style.MARGIN + self.header_height + 14 + self.phase_height + self.step_texts_height + self.emotion_height

    def scene(self) -> Scene:
        action_ids = set(self.labels)
        flows = [(index, flow) for index, flow in enumerate(self.bp.flows)
                 if flow.source in action_ids and flow.target in action_ids]
        grid, drawn = self._routed(flows)
        cards = self._cards(grid)
        heads = Heads(style.MARGIN + self.header_height + 14, self.phase_height, self.step_texts_height,
                      self.step_changes, self._step_scenarios())
        made = frame(self.bp, self.m, grid, self.lanes, heads)
        notes = note_entries(self.bp)
        extra = rows(self.bp, self.m, grid, self.controls, notes)
        if self.emotion_height:
            feeling = emotion_row(self.bp, self.m, grid, self.lanes_top - self.emotion_height, self.emotion_height)
            extra.rects += feeling.rects
            extra.texts += feeling.texts
            extra.rules += feeling.rules
            extra.bands[:0] = feeling.bands
        bottom = grid.bottom + extra.height
        foot = footer(self.bp, self.m, style.MARGIN, bottom + 24, max(grid.right, 760) - style.MARGIN,
                      self.labels, self.compare, self._marked(), {arrow.kind for arrow in drawn})
        width = round(max(grid.right, 760) + style.MARGIN, 2)
        height = round(bottom + 24 + foot.height + style.MARGIN, 2)
        return Scene(
            width=width,
            height=height,
            title=self.bp.title or "",
            description=self._summary(),
            lang=self.bp.lang.value,
            font_family=FONT_STACK,
            lanes=tuple(made.lanes),
            columns=tuple(made.columns),
            rects=(Rect(role="background", x=0, y=0, width=width, height=height), *made.rects, *extra.rects,
                   *foot.rects),
            rules=(*made.rules, *extra.rules, *foot.rules),
            cards=tuple(cards),
            arrows=tuple(drawn),
            markers=(*extra.markers, *foot.markers),
            texts=(*self.header_texts, *made.texts, *extra.texts, *foot.texts),
            recoveries=tuple(recovery_tags(self.bp, {card.id: card for card in cards}, self.m)),
            fail_list=tuple(foot.fails),
            wait_list=tuple(foot.waits),
            max_wait=self.bp.max_wait.text if self.bp.max_wait else None,
            badges=(*made.badges, *foot.badges),
            removed=tuple(foot.removed),
            rows=tuple(extra.bands),
            control_list=tuple(self.controls),
            emotions=tuple(EmotionEntry(step=step.id, score=step.emotion.score, note=step.emotion.note)
                           for step in self.bp.steps if step.emotion is not None),
            metrics=tuple(metric_entries(self.bp)),
            notes=tuple(notes),
            roles=role_entries(self.bp),
            key_list=key_entries(self.bp),
            scenarios=self.tags.entries(),
        )

    def _routed(self, flows: list[tuple[int, Flow]]) -> tuple[Grid, list[Arrow]]:
        """The grid and the arrows on it. A label that finds no clear spot gets
        room on its arrow's run, and the bands are sized again around it,
        unless all that is in its way is flows that room would not move
        (`room_helps`); one that room leaves crowded on a run down a gutter
        gets room under a lane line the run crosses, or, within one lane,
        below the legs that cross it (the card at the run's lower end moves
        down its stack). The drawing grows only where labels crowd."""
        sizes = {index: (label.width, label.height) for index, label in self.flow_labels.items()}
        roomy: frozenset[int] = frozenset()
        under_line: frozenset[int] = frozenset()
        further: frozenset[int] = frozenset()  # given more room than beside their run, or none helps
        bands = None
        routes = plan_routes(self.cells, self.lanes_top, flows)
        filed = file_flows(routes, self.cells.columns)  # the columns a flow spans stay as planned
        for attempt in range(ROOM_ATTEMPTS):
            grid, bands, spans = settle(self.cells, self.lanes_top, routes, sizes, roomy, bands, under_line)
            crossed = line_heights(grid, self.lanes)
            lane_lines = [*crossed] + ([grid.lane_top[1]] if self.lanes[0] is Lane.EVIDENCE else [])
            placements, crowded = place_labels(self.bp, routes, grid, lane_lines, self.flow_labels,
                                               self._tag_boxes(grid), filed)
            if attempt + 1 == ROOM_ATTEMPTS:
                break
            still = [route for route in routes if route.index in (crowded & roomy) - further]
            lines = frozenset(route.index for route in still if room_under_a_line_helps(route))
            lowered = [route for route in still if room_between_cards(self.cells, route, routes, sizes[route.index][1])]
            if not (crowded - roomy or lines or lowered):
                break
            # The spans of this settling hold the room already given: only the new flows' is added.
            bands = with_room(bands, spans, routes, crowded - roomy, sizes)
            roomy |= crowded
            under_line |= lines
            further |= {route.index for route in still}
        return grid, arrows(self.bp, routes, crossed, self.flow_labels, placements, self.m, self.tags.flows)

    def _tag_boxes(self, grid: Grid) -> list[tuple[int, tuple[float, float, float, float]]]:
        """The recovery tags on `grid`, by the column of their card: a tag
        hangs below its card's edge, where a label beside the card would
        otherwise cover it."""
        if not any(fail.recover for action in self.bp.actions() for fail in action.fails):
            return []
        # Placed on the cards where they were measured, then moved with them: the cards themselves
        # move once, when the scene is made (each move rounds).
        measured = {card.id: card for stack in self.cells.stacks.values() for card in stack}
        boxes: list[tuple[int, tuple[float, float, float, float]]] = []
        for tag in recovery_tags(self.bp, measured, self.m):
            card, box = measured[tag.action], grid.boxes[tag.action]
            left, top = tag.x + box.x - card.x, tag.y + box.y - card.y
            boxes.append((box.column, (left, top, left + tag.width, top + tag.height)))
        return boxes

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

    def _cards(self, grid: Grid) -> list[Card]:
        """The cards measured at the start, moved to where the grid put them."""
        measured = {card.id: card for stack in self.cells.stacks.values() for card in stack}
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


def _count(number: int, units: tuple[str, str]) -> str:
    singular, plural = units
    return f"{number} {singular if number == 1 else plural}".strip() if singular else f"{number}{plural}"


__all__ = ["lay_out", "duration_text"]
