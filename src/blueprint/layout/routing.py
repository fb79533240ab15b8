"""Orthogonal flow routing that never crosses a card.

Arrows travel only through free bands: the gutters between step columns
(vertical travel) and the channel at the top of each lane (sideways travel),
plus the open space straight between two cards of one column. Parallel arrows
in a band get separate tracks by interval colouring, and the bands are then
sized to their tracks, so the engine lays out, routes, resizes and repeats
until the sizes settle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout import style


@dataclass(frozen=True)
class Box:
    id: str
    column: int
    lane: int  # index into the drawn lanes, top to bottom
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def centre_x(self) -> float:
        return self.x + self.width / 2

    @property
    def centre_y(self) -> float:
        return self.y + self.height / 2


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


def plan(index: int, source: Box, target: Box, column_boxes: dict[int, list[Box]]) -> Route:
    """Decide which bands a flow travels through (geometry-independent).

    `column_boxes` holds each column's cards, so that looking for a card in the
    way costs one column, not the whole blueprint."""
    if source.column == target.column:
        top, bottom = (source, target) if source.y < target.y else (target, source)
        blocked = any(
            other.id not in (source.id, target.id) and top.bottom <= other.y and other.bottom <= bottom.y
            for other in column_boxes.get(source.column, ())
        )
        if not blocked:
            return Route(index, source, target, "straight")
        return Route(index, source, target, "side", "right", "right", [source.column + 1])
    forward = target.column > source.column
    exit_gutter = source.column + 1 if forward else source.column
    enter_gutter = target.column if forward else target.column + 1
    route = Route(index, source, target, "side", "right" if forward else "left", "left" if forward else "right")
    if exit_gutter == enter_gutter:
        route.gutters = [exit_gutter]
    else:
        route.gutters = [exit_gutter, enter_gutter]
        route.channel = target.lane
    return route


def _ports(routes: list[Route]) -> dict[tuple[int, str], float]:
    """Where each route leaves or enters a card side: spread along the side,
    ordered by where the other end lies so that arrows do not cross at the card."""
    sides: dict[tuple[str, str], list[tuple[float, int, str]]] = {}
    for route in routes:
        if route.shape == "straight":
            continue
        sides.setdefault((route.source.id, route.exit_side), []).append(
            (route.target.lane * 10_000 + route.target.centre_y, route.index, "exit"))
        sides.setdefault((route.target.id, route.enter_side), []).append(
            (route.source.lane * 10_000 + route.source.centre_y, route.index, "enter"))
    boxes = {r.source.id: r.source for r in routes} | {r.target.id: r.target for r in routes}
    ports: dict[tuple[int, str], float] = {}
    for (box_id, _side), users in sides.items():
        box = boxes[box_id]
        users.sort()
        gap = min(style.PORT_GAP, (box.height - 8) / max(len(users), 1))
        first = box.centre_y - gap * (len(users) - 1) / 2
        for position, (_key, index, end) in enumerate(users):
            ports[(index, end)] = first + position * gap
    return ports


def _colour(intervals: list[tuple[float, float, int]]) -> tuple[dict[int, int], int]:
    """Tracks for intervals (low, high, key) so that overlapping ones differ."""
    track_ends: list[float] = []
    tracks: dict[int, int] = {}
    for low, high, key in sorted(intervals):
        for track, end in enumerate(track_ends):
            if end + 4 <= low:
                track_ends[track] = high
                tracks[key] = track
                break
        else:
            tracks[key] = len(track_ends)
            track_ends.append(high)
    return tracks, len(track_ends)


def route_all(routes: list[Route], bands: Bands, columns: int) -> tuple[list[int], list[int]]:
    """Give every route its points; return how many tracks each gutter and channel needs."""
    ports = _ports(routes)

    def side_x(box: Box, side: str) -> float:
        return box.right if side == "right" else box.x

    # Collect the segments each band carries, with their extent along the band.
    gutter_segments: list[list[tuple[float, float, int]]] = [[] for _ in range(columns + 1)]
    channel_segments: dict[int, list[tuple[float, float, int]]] = {}
    straight_segments: dict[int, list[tuple[float, float, int]]] = {}
    centre = {i: bands.gutter_left[i] + bands.gutter_width[i] / 2 for i in range(columns + 1)}
    for route in routes:
        if route.shape == "straight":
            top, bottom = sorted((route.source, route.target), key=lambda b: b.y)
            straight_segments.setdefault(route.source.column, []).append((top.bottom, bottom.y, route.index))
            continue
        sy, ty = ports[(route.index, "exit")], ports[(route.index, "enter")]
        if route.channel is None:
            gutter_segments[route.gutters[0]].append((min(sy, ty), max(sy, ty), route.index))
        else:
            cy = bands.channel_top[route.channel] + bands.channel_height[route.channel] / 2
            first, second = route.gutters
            gutter_segments[first].append((min(sy, cy), max(sy, cy), route.index))
            gutter_segments[second].append((min(cy, ty), max(cy, ty), route.index))
            low, high = sorted((centre[first], centre[second]))
            channel_segments.setdefault(route.channel, []).append((low, high, route.index))

    gutter_tracks = [_colour(segments) for segments in gutter_segments]
    channel_tracks = {lane: _colour(segments) for lane, segments in channel_segments.items()}
    straight_tracks = {column: _colour(segments) for column, segments in straight_segments.items()}

    def gutter_x(gutter: int, index: int) -> float:
        tracks, count = gutter_tracks[gutter]
        spread = (count - 1) * style.TRACK_GAP
        return centre[gutter] - spread / 2 + tracks[index] * style.TRACK_GAP

    def channel_y(lane: int, index: int) -> float:
        tracks, count = channel_tracks[lane]
        spread = (count - 1) * style.TRACK_GAP
        middle = bands.channel_top[lane] + bands.channel_height[lane] / 2
        return middle - spread / 2 + tracks[index] * style.TRACK_GAP

    for route in routes:
        if route.shape == "straight":
            tracks, count = straight_tracks[route.source.column]
            x = route.source.centre_x + (tracks[route.index] - (count - 1) / 2) * style.PORT_GAP
            start = route.source.bottom if route.source.y < route.target.y else route.source.y
            end = route.target.y if route.source.y < route.target.y else route.target.bottom
            route.points = [(x, start), (x, end)]
            continue
        sy, ty = ports[(route.index, "exit")], ports[(route.index, "enter")]
        sx, tx = side_x(route.source, route.exit_side), side_x(route.target, route.enter_side)
        if route.channel is None:
            gx = gutter_x(route.gutters[0], route.index)
            route.points = [(sx, sy), (gx, sy), (gx, ty), (tx, ty)]
        else:
            first, second = route.gutters
            cy = channel_y(route.channel, route.index)
            ax, bx = gutter_x(first, route.index), gutter_x(second, route.index)
            route.points = [(sx, sy), (ax, sy), (ax, cy), (bx, cy), (bx, ty), (tx, ty)]
        route.points = _without_repeats(route.points)

    gutter_counts = [count for _tracks, count in gutter_tracks]
    channel_counts = [channel_tracks.get(lane, ({}, 0))[1] for lane in range(len(bands.channel_top))]
    return gutter_counts, channel_counts


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
