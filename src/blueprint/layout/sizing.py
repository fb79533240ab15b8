"""Sizing the free bands to what runs through them.

The gutters between columns and the channels at the top of the lanes start
at their least; the flows are routed, each band is widened to its tracks and
to the labels that sit in it, and this repeats until the sizes stop changing.
"""

from __future__ import annotations

from blueprint.layout import style
from blueprint.layout.grid import Cells, Grid, build_grid
from blueprint.layout.labels import CLEAR, HALO, HEAD_LENGTH
from blueprint.layout.routing import Bands, Box, Route, plan, route_all
from blueprint.model.types import Flow

ROUNDS = 8  # the sizes settle in two or three; this only bounds a pathological case


Sizes = tuple[list[float], list[float]]  # the gutters' widths, the channels' heights
Spans = tuple[list[float | None], list[float | None]]  # what the tracks of each gutter and channel take


def settle(cells: Cells, top: float, routes: list[Route], label_sizes: dict[int, tuple[float, float]],
           roomy: frozenset[int] = frozenset(),
           start: Sizes | None = None, under_line: frozenset[int] = frozenset()) -> tuple[Grid, Sizes, Spans]:
    """The grid whose bands fit their flows and labels, with `routes` (as
    planned by `plan_routes`) routed on it, the band sizes and the spans of
    their tracks. `label_sizes` holds the width and height of each labelled
    flow's label; the flows in `roomy` keep their neighbours far enough off
    to leave their label room on their run along a band, and those in
    `under_line` get room for it at the top of a lane their run crosses into
    (`room_under_a_line_helps`). Starting from the sizes of an earlier
    settling (`start`) saves rounds."""
    if start is None:
        gutters = [float(style.GUTTER_MIN)] * (cells.columns + 1)
        channels = [float(style.CHANNEL_MIN)] * cells.lanes
    else:
        gutters, channels = list(start[0]), list(start[1])
    for route in routes:
        size = label_sizes.get(route.index)
        route.room = _room(route, size) if route.index in roomy and size and route.shape != "straight" else 0.0
    for _round in range(ROUNDS):
        grid = build_grid(cells, top, gutters, channels)
        for route in routes:
            route.source, route.target = grid.boxes[route.source.id], grid.boxes[route.target.id]
        bands = Bands(grid.gutter_left, gutters, grid.lane_top, channels)
        spans, draw = route_all(routes, bands, cells.columns)
        wanted_gutters, wanted_channels = _wanted(*spans)
        _make_room_for_labels(routes, label_sizes, wanted_gutters, wanted_channels, roomy, under_line)
        # One width for every gutter between steps, decided by the busiest:
        # columns evenly spaced read as intended on a wall.
        inner = max(wanted_gutters[1:cells.columns], default=style.GUTTER_MIN)
        wanted_gutters[1:cells.columns] = [inner] * (cells.columns - 1)
        if start is not None:
            # Room once made stays: shrinking back could undo what an earlier settling found was needed.
            wanted_gutters = [max(a, b) for a, b in zip(wanted_gutters, start[0])]
            wanted_channels = [max(a, b) for a, b in zip(wanted_channels, start[1])]
        settled = wanted_gutters == gutters and wanted_channels == channels
        if settled or _round == ROUNDS - 1:
            draw()  # the points of a round whose sizes are about to change would be thrown away
        if settled:
            break
        gutters, channels = [float(g) for g in wanted_gutters], [float(c) for c in wanted_channels]
    return grid, (gutters, channels), spans


def _room(route: Route, size: tuple[float, float]) -> float:
    """How far a roomy route's neighbours keep from its run, each side."""
    width, height = size
    return (height if route.channel is not None else width) / 2 + HALO + 2 * CLEAR


def with_room(sizes: Sizes, spans: Spans, routes: list[Route], roomy: frozenset[int],
              label_sizes: dict[int, tuple[float, float]]) -> Sizes:
    """Band sizes grown by the room the flows of `roomy` will take beside
    their tracks (`spans`, from the settling that found them crowded):
    settling again from these, the bands are big enough at once, and one
    round of routing confirms them instead of two finding them."""
    gutters, channels = list(sizes[0]), list(sizes[1])
    gutter_spans, channel_spans = list(spans[0]), list(spans[1])
    for route in routes:
        size = label_sizes.get(route.index)
        if route.index not in roomy or size is None or route.shape == "straight":
            continue
        extra = 2 * (_room(route, size) - style.TRACK_GAP / 2)
        if route.channel is not None:
            channel_spans[route.channel] = (channel_spans[route.channel] or 0.0) + extra
        else:
            gutter_spans[route.gutters[0]] = (gutter_spans[route.gutters[0]] or 0.0) + extra
    wanted_gutters, wanted_channels = _wanted(gutter_spans, channel_spans)
    gutters = [max(a, b) for a, b in zip(gutters, wanted_gutters)]
    channels = [max(a, b) for a, b in zip(channels, wanted_channels)]
    inner = max(gutters[1:-1], default=style.GUTTER_MIN)
    gutters[1:-1] = [inner] * (len(gutters) - 2)
    return gutters, channels


def plan_routes(cells: Cells, top: float, flows: list[tuple[int, Flow]]) -> list[Route]:
    """Which bands each flow travels through; the bands' sizes do not change that."""
    grid = build_grid(cells, top, [float(style.GUTTER_MIN)] * (cells.columns + 1),
                      [float(style.CHANNEL_MIN)] * cells.lanes)
    column_boxes: dict[int, list[Box]] = {}
    for box in grid.boxes.values():
        column_boxes.setdefault(box.column, []).append(box)
    routes: list[Route] = []
    load: dict[int, int] = {}
    for index, flow in flows:
        route = plan(index, grid.boxes[flow.source], grid.boxes[flow.target], column_boxes, load)
        route.kind = flow.kind.value
        routes.append(route)
    return routes


def _wanted(gutter_spans: list[float | None], channel_spans: list[float | None]) -> tuple[list[float], list[float]]:
    """The band sizes their tracks need."""
    gutters = [max(style.GUTTER_MIN, 2 * style.BAND_PAD + (span or 0.0)) for span in gutter_spans]
    channels = [max(style.CHANNEL_MIN, style.CHANNEL_TOP_PAD + style.BAND_PAD + span)
                if span is not None else style.CHANNEL_MIN for span in channel_spans]
    return gutters, channels


def _make_room_for_labels(routes: list[Route], label_sizes: dict[int, tuple[float, float]],
                          gutters: list[float], channels: list[float], roomy: frozenset[int],
                          under_line: frozenset[int] = frozenset()) -> None:
    """Widen the band each label sits in so that it fits there: between two
    cards of a column, in its channel, or across its gutter. A label of
    `roomy` on a connector across a lane line gets room under the tracks of
    the channel it crosses, clear of them; one of `under_line` on a run down
    a gutter, room at the top of a lane the run crosses into."""
    tracks = list(channels)  # what the tracks alone need
    for route in routes:
        size = label_sizes.get(route.index)
        if size is None:
            continue
        width, height = size
        if route.shape == "straight":
            top, bottom = sorted((route.source, route.target), key=lambda b: b.y)
            gap = bottom.y - top.bottom
            if top.lane != bottom.lane:
                # The label must fit between the line and the arrowhead below it.
                need = height + HEAD_LENGTH + 4 * CLEAR
                if route.index in roomy and tracks[bottom.lane] > style.CHANNEL_MIN:
                    need = tracks[bottom.lane] + height + HALO + HEAD_LENGTH
                channels[bottom.lane] = max(channels[bottom.lane], need)
            elif gap < height + 10:
                channels[bottom.lane] = max(channels[bottom.lane], channels[bottom.lane] + height + 10 - gap)
        elif route.channel is not None:
            channels[route.channel] = max(channels[route.channel], height + 8)
        else:
            gutters[route.gutters[0]] = max(gutters[route.gutters[0]], width + 12)
            if route.index in under_line:
                _room_under_a_line(route, height, tracks, channels)


def room_under_a_line_helps(route: Route) -> bool:
    """Whether `route` runs down one gutter across a lane line, where a
    label that room beside its run left crowded can get room under a line."""
    return route.shape != "straight" and route.channel is None and route.source.lane != route.target.lane


def _room_under_a_line(route: Route, height: float, tracks: list[float], channels: list[float]) -> None:
    """Make the top of one lane that `route`'s run down its gutter crosses
    into tall enough to hold its label clear of every other flow. Room
    beside the run moves the other runs of the gutter aside, but not the
    legs that cross it to the cards on either side: where cards crowd, those
    come every dozen or two pixels, and the lane lines, which the label
    must not touch either, fall between them. The top of a lane is free of
    them: between the line above and the lane's first track or card, a
    label on the run has the line, which no reader takes for a flow, on
    one side. Of the lanes crossed, the one that needs the least growth."""
    upper, lower = sorted((route.source.lane, route.target.lane))
    needs: dict[int, float] = {}
    for lane in range(upper + 1, lower + 1):
        if tracks[lane] > style.CHANNEL_MIN:  # below the lane's tracks
            needs[lane] = tracks[lane] - style.BAND_PAD + 2 * HALO + height
        else:
            needs[lane] = 2 * CLEAR + height + HALO
    if needs:
        lane = min(needs, key=lambda lane: (needs[lane] - channels[lane], lane))
        channels[lane] = max(channels[lane], needs[lane])


def room_between_cards(cells: Cells, route: Route, routes: list[Route], height: float) -> bool:
    """Lower the card at the lower end of `route`'s run down a gutter within
    one lane until its label fits on the run below the last leg of another
    flow that crosses it, clear of that leg and of the legs at the run's
    end; say whether it was lowered. Between two cards of one lane the legs
    to the cards on either side cross such a run every dozen or two pixels
    and no line lies between them, so neither room beside the run nor room
    under a line clears it. The card moves down in its own stack (the gap
    above it grows), never the lane's first card: that would move the whole
    lane, and the legs that cross the run with it."""
    if route.shape == "straight" or route.channel is not None or route.source.lane != route.target.lane:
        return False
    (_, start), (_, end) = route.points[0], route.points[-1]
    if len(route.points) != 4 or abs(start - end) < 0.01:
        return False
    x = route.points[1][0]
    top, bottom = sorted((start, end))
    lower = route.target if end > start else route.source
    crossing = [y for other in routes if other.index != route.index
                for (ax, y), (bx, by) in zip(other.points, other.points[1:])
                if abs(y - by) < 0.01 and min(ax, bx) < x < max(ax, bx) and top < y < bottom]
    # The end's port may move up its card when the card moves (ports are spread anew): room is
    # made from the highest it can come, the card's top.
    need = max(crossing, default=top) + 2 * HALO + height - (lower.y + style.PORT_MARGIN / 2)
    stack = cells.stacks.get((lower.lane, lower.column), [])
    position = next((number for number, card in enumerate(stack) if card.id == lower.id), 0)
    if need <= 0 or position == 0:
        return False
    cells.gaps[(lower.lane, lower.column)][position - 1] += need
    cells.last = None  # the grid built last stood on the old gaps
    return True
