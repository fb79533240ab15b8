"""The routed flows as the scene's arrows, each with its label placed.

A flow's label is wrapped once, when the layout starts: its size decides how
wide the bands must be (see sizing.py), and its lines are what is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

from blueprint.layout import style
from blueprint.layout.grid import Grid
from blueprint.layout.labels import LEG, Item, Placement, Rect as Area, Surroundings, place
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.routing import Route
from blueprint.layout.text import line, wrapped
from blueprint.model.types import Blueprint
from blueprint.scene import Arrow, Point, Rect, Rule, Text


class FlowLabel:
    """A flow's label, wrapped to at most two lines, and the box it needs."""

    __slots__ = ("lines", "width", "height")

    def __init__(self, text: str, measurer: TextMeasurer) -> None:
        self.lines = list(wrapped(measurer, text, style.ARROW_LABEL_W, style.ARROW_LABEL_SIZE, max_lines=2)[0])
        self.width = max(measurer.width(part, style.ARROW_LABEL_SIZE) for part in self.lines) + 8
        self.height = len(self.lines) * measurer.line_height(style.ARROW_LABEL_SIZE) + 4


def flow_labels(blueprint: Blueprint, measurer: TextMeasurer,
                labelled: Callable[[int, str | None], str | None] | None = None) -> dict[int, FlowLabel]:
    """The label of every labelled flow, by the flow's index; `labelled`
    gives the label as drawn (a flow of only some scenarios shows their tag)."""
    texts = {index: labelled(index, flow.label) if labelled else flow.label
             for index, flow in enumerate(blueprint.flows)}
    return {index: FlowLabel(text, measurer) for index, text in texts.items() if text}


def place_labels(blueprint: Blueprint, routes: list[Route], grid: Grid, line_ys: list[float],
                 labels: dict[int, FlowLabel], tags: Sequence[tuple[int, tuple[float, float, float, float]]] = (),
                 filed: list[list[int]] | None = None) -> tuple[dict[int, Placement], set[int]]:
    """Where each labelled flow's label goes, in flow order, and the flows
    whose label found no clear spot and could find one with room on their
    run (`room_helps`). `line_ys` are the heights of the lane lines; `tags`
    the recovery tags' boxes, by their card's column, which a label must not
    cover any more than a card; `filed`, the flows by column (`file_flows`),
    when the caller keeps them from one settling to the next."""
    placements: dict[int, Placement] = {}
    crowded: set[int] = set()
    if not any(route.index in labels for route in routes):
        return placements, crowded
    space = _surroundings(blueprint, routes, grid, line_ys, filed)
    for column, box in tags:
        space.add_card(column, box)
    for route in routes:
        label = labels.get(route.index)
        if label is None:
            continue
        placement = place(space, route.index, route.points, label.width, label.height,
                          prefer_horizontal=route.channel is not None)
        placements[route.index] = placement
        if not placement.clear and room_helps(space, route, label):
            crowded.add(route.index)
    return placements, crowded


def room_helps(space: Surroundings, route: Route, label: FlowLabel) -> bool:
    """Whether room on `route`'s run could clear its label. Room for a run
    along a channel makes the channel taller: it moves what runs along the
    channel, and the cards and lines below, up or down, but no leg that
    crosses the channel moves sideways. A label that finds no clear spot even
    with everything but those upright legs out of the way would stay as it
    is, and the drawing would grow for nothing. (Room in a gutter widens
    every gutter and lengthens the legs across them: no such test holds.)"""
    if route.channel is None:
        return True
    upright = _Upright(space)
    return place(upright, route.index, route.points, label.width, label.height, prefer_horizontal=True).clear


class _Upright:
    """What a label must keep clear of, seen as the upright legs of flows alone; nothing is placed."""

    def __init__(self, space: Surroundings) -> None:
        self.space = space

    def near(self, area: Area) -> list[Item]:
        return [item for item in self.space.near(area) if item[6] == LEG and item[2] - item[0] < 0.01]

    def add_placed(self, placement: Placement) -> None:
        pass


def arrows(blueprint: Blueprint, routes: list[Route], crossed: dict[float, str], labels: dict[int, FlowLabel],
           placements: dict[int, Placement], measurer: TextMeasurer,
           scenarios: list[tuple[str, ...]] | None = None) -> list[Arrow]:
    """Every routed flow as an arrow, with its label where it was placed.
    `crossed` names the blueprint line at each height where one runs;
    `scenarios`, by flow, those of a flow that belongs to only some."""
    drawn: list[Arrow] = []
    for route in routes:
        flow = blueprint.flows[route.index]
        label = labels.get(route.index)
        placement = placements.get(route.index)
        ys = [y for _x, y in route.points]
        low, high = min(ys), max(ys)
        drawn.append(Arrow(
            id=f"flow{route.index + 1}",
            source=flow.source,
            target=flow.target,
            kind=route.kind,
            points=tuple(Point(x=round(x, 2), y=round(y, 2)) for x, y in route.points),
            head_start=route.kind == "agreement",
            head_end=True,
            crosses=tuple(name for y, name in crossed.items() if low < y < high),
            label=_label_texts(label, placement, measurer) if label and placement else (),
            label_box=_label_box(placement) if placement else None,
            label_leader=_leader(placement) if placement else None,
            scenarios=scenarios[route.index] if scenarios else (),
        ))
    return drawn


def file_flows(routes: list[Route], columns: int) -> list[list[int]]:
    """The flows each of `columns` step columns holds: a flow is filed under
    every column from the leftmost to the rightmost of its cards and gutters
    (a gutter right of the last column counts as the last column's)."""
    filed: list[list[int]] = [[] for _ in range(columns)]
    last = columns - 1
    for route in routes:
        spanned = [route.source.column, route.target.column, *(min(g, last) for g in route.gutters)]
        for column in range(max(min(spanned), 0), min(max(spanned), last) + 1):
            filed[column].append(route.index)
    return filed


def _surroundings(blueprint: Blueprint, routes: list[Route], grid: Grid, line_ys: list[float],
                  filed: list[list[int]] | None = None) -> Surroundings:
    """What a flow's label must keep clear of: cards, the lane lines, every
    flow (its own line excepted) and every arrowhead (its own included)."""
    space = Surroundings(grid.gutter_left[:-1], line_ys, style.MARGIN, grid.right)
    space.add_boxes(grid.boxes.values())
    flows = blueprint.flows
    paths = {route.index: (route.points, flows[route.index].kind.value == "agreement", True) for route in routes}
    space.add_filed_flows(paths, file_flows(routes, len(grid.column_x)) if filed is None else filed)
    return space


def _label_box(placement: Placement) -> Rect:
    left, top, right, bottom = placement.box
    return Rect(role="arrow-label-box", x=round(left, 2), y=round(top, 2), width=round(right - left, 2),
                height=round(bottom - top, 2), radius=3)


def _leader(placement: Placement) -> Rule | None:
    if placement.leader is None:
        return None
    x1, y1, x2, y2 = (round(value, 2) for value in placement.leader)
    return Rule(role="arrow-label-leader", x1=x1, y1=y1, x2=x2, y2=y2)


def _label_texts(label: FlowLabel, placement: Placement, measurer: TextMeasurer) -> tuple[Text, ...]:
    left, top, right, _bottom = placement.box
    centre = (left + right) / 2
    height = measurer.line_height(style.ARROW_LABEL_SIZE)
    baseline = top + 2 + measurer.ascent(style.ARROW_LABEL_SIZE)
    return tuple(line(measurer, "arrow-label", text, centre, baseline + number * height, style.ARROW_LABEL_SIZE,
                      anchor="middle") for number, text in enumerate(label.lines) if text)
