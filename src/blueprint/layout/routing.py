"""Orthogonal flow routing that never crosses a card.

Arrows travel only through free bands: the gutters between step columns
(vertical travel) and the channel at the top of each lane (sideways travel),
plus the open space straight between two cards of one column. Parallel arrows
in a band get separate tracks by interval colouring, and the bands are then
sized to their tracks, so the engine lays out, routes, resizes and repeats
until the sizes settle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from blueprint.layout import style
from blueprint.layout.tracks import HIGH, LOW, REUSE_GAP, Run, assign


class Box:
    """Where a card stands on one grid. Its edges and middle are worked out
    once, when it is made: routing reads them tens of thousands of times.

    A plain slotted class, treated as read-only: a grid makes one per card in
    every round of settling, and a frozen dataclass's `__init__` (one
    `object.__setattr__` per field) cost more than the rest of the grid."""

    __slots__ = ("id", "column", "lane", "x", "y", "width", "height", "right", "bottom", "centre_x", "centre_y")

    def __init__(self, id: str, column: int, lane: int, x: float, y: float, width: float, height: float) -> None:
        self.id = id
        self.column = column
        self.lane = lane  # index into the drawn lanes, top to bottom
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.right = x + width
        self.bottom = y + height
        self.centre_x = x + width / 2
        self.centre_y = y + height / 2

    def __repr__(self) -> str:
        return f"Box({self.id!r}, column={self.column}, lane={self.lane}, x={self.x}, y={self.y}, " \
               f"width={self.width}, height={self.height})"


@dataclass(frozen=True)
class Bands:
    """Where the free bands are in the current geometry."""

    gutter_left: list[float]  # gutter k sits left of column k; there are columns + 1
    gutter_width: list[float]
    channel_top: list[float]  # per lane
    channel_height: list[float]


@dataclass
class Route:
    """A flow's path, first in terms of bands, then in points."""

    index: int
    source: Box
    target: Box
    shape: str  # "straight" or "side"
    exit_side: str = ""
    enter_side: str = ""
    gutters: list[int] = field(default_factory=list)  # one or two gutters
    channel: int | None = None
    points: list[tuple[float, float]] = field(default_factory=list)
    kind: str = "handoff"  # the flow's kind: only flows of one kind share an arrowhead
    # How far the flow's neighbours in its band must keep from its run there,
    # on each side, to leave its label room (0: a track's usual spacing).
    room: float = 0.0


def plan(index: int, source: Box, target: Box, column_boxes: dict[int, list[Box]],
         load: dict[int, int] | None = None) -> Route:
    """Decide which bands a flow travels through (geometry-independent).

    `column_boxes` holds each column's cards, so that looking for a card in the
    way costs one column, not the whole blueprint. `load` counts the runs
    planned in each gutter so far: a flow between cards of one column with a
    card in the way goes round on the side with fewer, so that the flows of a
    busy step split between its two gutters instead of bundling in one."""
    load = {} if load is None else load
    if source.column == target.column:
        top, bottom = (source, target) if source.y < target.y else (target, source)
        blocked = any(
            other.id not in (source.id, target.id) and top.bottom <= other.y and other.bottom <= bottom.y
            for other in column_boxes.get(source.column, ())
        )
        if not blocked:
            return Route(index, source, target, "straight")
        left, right = source.column, source.column + 1
        side, gutter = ("left", left) if load.get(left, 0) < load.get(right, 0) else ("right", right)
        load[gutter] = load.get(gutter, 0) + 1
        return Route(index, source, target, "side", side, side, [gutter])
    forward = target.column > source.column
    exit_gutter = source.column + 1 if forward else source.column
    enter_gutter = target.column if forward else target.column + 1
    route = Route(index, source, target, "side", "right" if forward else "left", "left" if forward else "right")
    load[exit_gutter] = load.get(exit_gutter, 0) + 1
    load[enter_gutter] = load.get(enter_gutter, 0) + 1
    if exit_gutter == enter_gutter:
        route.gutters = [exit_gutter]
    else:
        route.gutters = [exit_gutter, enter_gutter]
        route.channel = target.lane
    return route


def _side_x(box: Box, side: str) -> float:
    return box.right if side == "right" else box.x


def _ports(routes: list[Route], heading: dict[tuple[int, str], float]) -> dict[tuple[int, str], float]:
    """Where each route leaves or enters a card side: spread along the side one
    PORT_GAP apart, ordered by where each run heads so that they do not cross
    at the card. When a side has too little room, flows of one kind that
    converge on it share one arrowhead, and flows of one kind leaving it share
    one start, rather than crowding closer than a reader can tell apart."""
    sides: dict[tuple[str, str], list[tuple[float, int, str, str]]] = {}
    boxes: dict[str, Box] = {}
    for route in routes:
        if route.shape == "straight":
            continue
        kind = route.kind
        sides.setdefault((route.source.id, route.exit_side), []).append(
            (heading[(route.index, "exit")], route.index, "exit", kind))
        sides.setdefault((route.target.id, route.enter_side), []).append(
            (heading[(route.index, "enter")], route.index, "enter", kind))
        boxes[route.source.id], boxes[route.target.id] = route.source, route.target
    ports: dict[tuple[int, str], float] = {}
    for (box_id, _side), users in sides.items():
        box = boxes[box_id]
        room = int((box.height - 2 * style.PORT_MARGIN) // style.PORT_GAP) + 1
        groups = _port_groups(users, room)
        gap = min(style.PORT_GAP, (box.height - 2 * style.PORT_MARGIN) / max(len(groups) - 1, 1))
        first = box.centre_y - gap * (len(groups) - 1) / 2
        for position, group in enumerate(groups):
            for _heading, index, end, _kind in group:
                ports[(index, end)] = first + position * gap
    _keep_apart(ports, sides, boxes)
    return ports


def _keep_apart(ports: dict[tuple[int, str], float], sides: dict[tuple[str, str], list], boxes: dict[str, Box]) -> None:
    """Ports that face one gutter, kept a track apart in height: arrows of
    cards on both sides run towards each other across the gutter, and nearer
    than that they would read as one line. A port too near the one above
    moves down, then, bottom to top, back up where its card ends, never off
    its card."""
    entries: list[tuple[int, float, str, tuple[int, str]]] = []
    for (box_id, side), users in sides.items():
        gutter = boxes[box_id].column + 1 if side == "right" else boxes[box_id].column
        entries += [(gutter, ports[(index, end)], box_id, (index, end)) for _heading, index, end, _kind in users]
    # Sorted whole: entries alike in gutter, height and card form one level,
    # whatever their order within it.
    entries.sort()
    # One level per port (a height on one card); the levels of one gutter, top to bottom.
    for _gutter, facing in groupby(entries, key=itemgetter(0)):
        levels = [list(level) for _key, level in groupby(facing, key=itemgetter(1, 2))]
        heights = [level[0][1] for level in levels]
        for i in range(1, len(levels)):
            heights[i] = max(heights[i], heights[i - 1] + style.TRACK_GAP)
        for i in range(len(levels) - 1, -1, -1):
            box = boxes[levels[i][0][2]]
            below = heights[i + 1] - style.TRACK_GAP if i + 1 < len(levels) else heights[i]
            heights[i] = max(min(heights[i], box.bottom - style.PORT_MARGIN / 2, below), box.y + style.PORT_MARGIN / 2)
        for level, y in zip(levels, heights):
            for entry in level:
                ports[entry[3]] = y


def _port_groups(users: list[tuple[float, int, str, str]], room: int) -> list[list[tuple[float, int, str, str]]]:
    """Users of one card side in port order, grouped into as few shared ports as the side needs."""
    users = sorted(users)
    if len(users) <= room:
        return [[user] for user in users]
    for share in (lambda user: (user[2], user[3]), lambda user: (user[2],)):
        grouped: dict[tuple, list] = {}
        for user in users:
            grouped.setdefault(share(user), []).append(user)
        groups = sorted(grouped.values(), key=lambda group: (sum(u[0] for u in group) / len(group), group[0][1]))
        if len(groups) <= room:
            return groups
    return groups


def _colour(intervals: list[tuple[float, float, int]]) -> tuple[dict[int, int], int]:
    """Tracks for intervals (low, high, key) so that overlapping ones differ."""
    track_ends: list[float] = []
    tracks: dict[int, int] = {}
    for low, high, key in sorted(intervals):
        for track, end in enumerate(track_ends):
            if end + REUSE_GAP <= low:
                track_ends[track] = high
                tracks[key] = track
                break
        else:
            tracks[key] = len(track_ends)
            track_ends.append(high)
    return tracks, len(track_ends)


def _spread(tracks: dict[int, int], count: int, room: dict[int, float]) -> tuple[list[float], float]:
    """Where each track lies from where the band's tracks start, and the span
    they take: TRACK_GAP apart, further on both sides of a track whose run
    needs room for its label (`room`, by run key), the room beside the outer
    tracks included."""
    usual = style.TRACK_GAP / 2
    half = [usual] * count
    for key, need in room.items():
        if key in tracks:
            half[tracks[key]] = max(half[tracks[key]], need)
    at: list[float] = []
    position = half[0] - usual if count else 0.0
    for track in range(count):
        if track:
            position += half[track - 1] + half[track]
        at.append(position)
    return at, (at[-1] + half[-1] - usual if count else 0.0)


def route_all(routes: list[Route], bands: Bands,
              columns: int) -> tuple[tuple[list[float | None], list[float | None]], Callable[[], None]]:
    """The span the tracks of each gutter and channel take (None for a band
    no flow runs along), and what then gives every route its points on those
    tracks: settling draws only the round whose band sizes stand."""
    centre = {i: bands.gutter_left[i] + bands.gutter_width[i] / 2 for i in range(columns + 1)}
    ports = _ports(routes, _headings(routes, bands))
    channel_y, channel_spans = _channels(routes, bands, ports, centre)
    gutter_x, gutter_spans = _gutters(routes, columns, ports, channel_y, centre)

    def draw() -> None:
        straight_x = _straight(routes)
        for route in routes:
            if route.shape == "straight":
                route.points = _straight_points(route, straight_x[route.index])
                continue
            sy, ty = ports[(route.index, "exit")], ports[(route.index, "enter")]
            sx, tx = _side_x(route.source, route.exit_side), _side_x(route.target, route.enter_side)
            if route.channel is None:
                gx = gutter_x[(route.index, 0)]
                points = [(sx, sy), (gx, sy), (gx, ty), (tx, ty)]
            else:
                cy = channel_y[route.index]
                ax, bx = gutter_x[(route.index, 0)], gutter_x[(route.index, 1)]
                points = [(sx, sy), (ax, sy), (ax, cy), (bx, cy), (bx, ty), (tx, ty)]
            route.points = _without_repeats(points)

    return (gutter_spans, channel_spans), draw


def _headings(routes: list[Route], bands: Bands) -> dict[tuple[int, str], float]:
    """The height each end of a route heads for on leaving or reaching its card:
    its channel, or else the other card's middle."""
    heading: dict[tuple[int, str], float] = {}
    for route in routes:
        if route.shape == "straight":
            continue
        if route.channel is None:
            heading[(route.index, "exit")] = route.target.centre_y
            heading[(route.index, "enter")] = route.source.centre_y
        else:
            middle = bands.channel_top[route.channel] + bands.channel_height[route.channel] / 2
            heading[(route.index, "exit")] = heading[(route.index, "enter")] = middle
    return heading


def _straight_points(route: Route, x: float) -> list[tuple[float, float]]:
    """A straight connector from the facing edges of two cards of one column."""
    downwards = route.source.y < route.target.y
    start = route.source.bottom if downwards else route.source.y
    end = route.target.y if downwards else route.target.bottom
    return [(x, start), (x, end)]


def _channels(routes: list[Route], bands: Bands, ports: dict[tuple[int, str], float],
              centre: dict[int, float]) -> tuple[dict[int, float], list[float | None]]:
    """The height each channel route runs at, and the span each channel's tracks take.
    Track 0 keeps CHANNEL_TOP_PAD clear of the lane line above, so that no flow
    runs along a line and doubles it."""
    runs: dict[int, list[Run]] = {}
    room: dict[int, float] = {}
    for route in routes:
        if route.channel is None:
            continue
        if route.room:
            room[route.index] = route.room
        first, second = route.gutters
        left, right = sorted((first, second))
        low = bands.gutter_left[left]
        high = bands.gutter_left[right] + bands.gutter_width[right]
        middle = bands.channel_top[route.channel] + bands.channel_height[route.channel] / 2
        up = LOW if ports[(route.index, "exit")] < middle else HIGH
        turns = ((centre[first], up), (centre[second], HIGH))
        runs.setdefault(route.channel, []).append(Run(route.index, low, high, turns))
    heights: dict[int, float] = {}
    spans: list[float | None] = [None] * len(bands.channel_top)
    for lane, lane_runs in runs.items():
        tracks, count = assign(lane_runs)
        at, spans[lane] = _spread(tracks, count, room)
        for key, track in tracks.items():
            heights[key] = bands.channel_top[lane] + style.CHANNEL_TOP_PAD + at[track]
    return heights, spans


def _gutters(routes: list[Route], columns: int, ports: dict[tuple[int, str], float], channel_y: dict[int, float],
             centre: dict[int, float]) -> tuple[dict[tuple[int, int], float], list[float | None]]:
    """Where each route's vertical runs lie across their gutters (by route and
    leg), and the span each gutter's tracks take. A route that keeps to one
    gutter carries its label on its run there, and may need room for it."""
    runs: list[list[Run]] = [[] for _ in range(columns + 1)]
    legs: list[tuple[int, int, int]] = []  # (route index, leg, gutter)
    room: dict[int, float] = {}
    for route in routes:
        if route.shape == "straight":
            continue
        sy, ty = ports[(route.index, "exit")], ports[(route.index, "enter")]
        source_side = LOW if route.exit_side == "right" else HIGH
        target_side = LOW if route.enter_side == "right" else HIGH
        if route.channel is None:
            ends = [(route.gutters[0], (sy, source_side), (ty, target_side))]
            if route.room:
                room[len(legs)] = route.room
        else:
            first, second = route.gutters
            towards = HIGH if second > first else LOW
            cy = channel_y[route.index]
            ends = [(first, (sy, source_side), (cy, towards)), (second, (cy, -towards), (ty, target_side))]
        for leg, (gutter, start, end) in enumerate(ends):
            key = len(legs)
            legs.append((route.index, leg, gutter))
            low, high = sorted((start[0], end[0]))
            runs[gutter].append(Run(key, low, high, (start, end)))
    placed = [assign(gutter_runs, legs_at_turns=True) for gutter_runs in runs]
    spread = [_spread(tracks, count, room) for tracks, count in placed]
    xs = {(index, leg): centre[gutter] + spread[gutter][0][placed[gutter][0][key]] - spread[gutter][1] / 2
          for key, (index, leg, gutter) in enumerate(legs)}
    return xs, [span if count else None for (_tracks, count), (_at, span) in zip(placed, spread)]


def _straight(routes: list[Route]) -> dict[int, float]:
    """Straight connectors between cards of one column: side by side, PORT_GAP apart, about the cards' middle."""
    runs: dict[int, list[tuple[float, float, int]]] = {}
    for route in routes:
        if route.shape == "straight":
            source, target = route.source, route.target
            top, bottom = (target, source) if target.y < source.y else (source, target)
            runs.setdefault(source.column, []).append((top.bottom, bottom.y, route.index))
    middle = {route.index: route.source.centre_x for route in routes if route.shape == "straight"}
    xs: dict[int, float] = {}
    for column_runs in runs.values():
        tracks, count = _colour(column_runs)
        for _low, _high, index in column_runs:
            xs[index] = middle[index] + (tracks[index] - (count - 1) / 2) * style.PORT_GAP
    return xs


def _without_repeats(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop zero-length legs and merge collinear ones (a port level with its track)."""
    kept: list[tuple[float, float]] = []
    for point in points:
        if kept and abs(point[0] - kept[-1][0]) < 0.01 and abs(point[1] - kept[-1][1]) < 0.01:
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (abs(ax - bx) < 0.01 and abs(bx - point[0]) < 0.01) or (abs(ay - by) < 0.01 and abs(by - point[1]) < 0.01):
                kept[-1] = point
                continue
        kept.append(point)
    return kept
