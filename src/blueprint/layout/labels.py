"""Where a flow's label goes: on its own arrow, on a free stretch of it.

Labels are placed after routing, when every card, line, arrow and arrowhead
is where it will be drawn. A label sits on a leg of its own arrow (its box
interrupts the line, so it reads as that arrow's label), slid along the leg
to the first spot nearest the leg's middle that touches no card, no lane
line, no other flow, no arrowhead and no other label, and that leaves more
than half of its arrow in view. If no leg has such a spot, the label sits
just beside a leg, and only if that fails too does it go where it touches
the least.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

Rect = tuple[float, float, float, float]  # left, top, right, bottom
Points = list[tuple[float, float]]

CLEAR = 2.0  # the smallest gap between a label and anything it must not touch
STEP = 6.0  # how far a label slides along its leg between tries
BESIDE = 3.0  # gap between a label set beside its leg and the leg
HEAD_LENGTH, HEAD_HALF_WIDTH = 10.0, 4.0


class Obstacles:
    """Rectangles on the page, each with the flow it belongs to (None for cards
    and lines), bucketed on a coarse grid so a label meets only its neighbours."""

    CELL = 160.0

    def __init__(self, near: list[Rect] | None = None) -> None:
        """With `near`, only what lies in the cells of those areas is kept: the
        labels go there, and a long flow across a wide drawing would otherwise
        be filed in hundreds of cells no label ever looks at."""
        self.buckets: dict[tuple[int, int], list[tuple[Rect, int | None, int]]] = {}
        self.wanted: set[tuple[int, int]] | None = None
        if near is not None:
            self.wanted = {cell for area in near for cell in self._cells(area)}

    def _cells(self, rect: Rect) -> Iterator[tuple[int, int]]:
        for cx in range(int(rect[0] // self.CELL), int(rect[2] // self.CELL) + 1):
            for cy in range(int(rect[1] // self.CELL), int(rect[3] // self.CELL) + 1):
                yield cx, cy

    def add(self, rect: Rect, owner: int | None = None, weight: int = 1) -> None:
        """`weight` says how bad touching it is, when a label cannot help touching something."""
        item = (rect, owner, weight)
        wanted = self.wanted
        if wanted is None:
            cells: Iterator[tuple[int, int]] | list[tuple[int, int]] = self._cells(rect)
        else:
            low_x, low_y, high_x, high_y = (int(rect[0] // self.CELL), int(rect[1] // self.CELL),
                                            int(rect[2] // self.CELL), int(rect[3] // self.CELL))
            if (high_x - low_x + 1) * (high_y - low_y + 1) <= len(wanted):
                cells = [cell for cell in self._cells(rect) if cell in wanted]
            else:
                cells = [(x, y) for x, y in wanted if low_x <= x <= high_x and low_y <= y <= high_y]
        for cell in cells:
            self.buckets.setdefault(cell, []).append(item)

    def touches(self, rect: Rect, own: int) -> int:
        """How much `rect` touches, by weight, of what is not flow `own`'s own line."""
        grown = (rect[0] - CLEAR, rect[1] - CLEAR, rect[2] + CLEAR, rect[3] + CLEAR)
        seen: set[int] = set()
        count = 0
        for cell in self._cells(grown):
            for item in self.buckets.get(cell, ()):
                other, owner, weight = item
                if owner == own or id(item) in seen:
                    continue
                seen.add(id(item))
                count += weight * _overlap(grown, other)
        return count


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def heads(points: Points, start: bool, end: bool) -> list[Rect]:
    """The boxes an arrow's heads take, back along its first or last leg."""
    ends = ([(points[-1], points[-2])] if end else []) + ([(points[0], points[1])] if start else [])
    boxes: list[Rect] = []
    for (x, y), (bx, by) in ends:
        if abs(x - bx) < 0.01:
            back = y - HEAD_LENGTH if by < y else y + HEAD_LENGTH
            boxes.append((x - HEAD_HALF_WIDTH, min(y, back), x + HEAD_HALF_WIDTH, max(y, back)))
        else:
            back = x - HEAD_LENGTH if bx < x else x + HEAD_LENGTH
            boxes.append((min(x, back), y - HEAD_HALF_WIDTH, max(x, back), y + HEAD_HALF_WIDTH))
    return boxes


def leg_rects(points: Points) -> list[Rect]:
    return [(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)) for (ax, ay), (bx, by) in zip(points, points[1:])]


class Placer:
    """Places labels one by one; each placed label becomes an obstacle for the next."""

    def __init__(self, obstacles: Callable[[], Obstacles]) -> None:
        self._make_obstacles = obstacles
        self._obstacles: Obstacles | None = None

    @property
    def obstacles(self) -> Obstacles:
        if self._obstacles is None:
            self._obstacles = self._make_obstacles()
        return self._obstacles

    def place(self, own: int, points: Points, width: float, height: float, prefer_horizontal: bool) -> Rect:
        best: tuple[int, Rect] | None = None
        for rect in _candidates(points, width, height, prefer_horizontal):
            touched = self.obstacles.touches(rect, own) + (_hidden_share(points, rect) > 0.5)
            if best is None or touched < best[0]:
                best = (touched, rect)
            if touched == 0:
                break
        assert best is not None
        self.obstacles.add(best[1])
        return best[1]


def _legs(points: Points, prefer_horizontal: bool) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Legs in the order to try: the preferred direction first, longest first."""
    legs = [leg for leg in zip(points, points[1:]) if abs(leg[0][0] - leg[1][0]) + abs(leg[0][1] - leg[1][1]) > 0.01]

    def order(leg) -> tuple[bool, float]:
        horizontal = abs(leg[0][1] - leg[1][1]) < 0.01
        return horizontal != prefer_horizontal, -(abs(leg[0][0] - leg[1][0]) + abs(leg[0][1] - leg[1][1]))

    return sorted(legs, key=order)


def _slides(length: float) -> list[float]:
    offsets = [0.0]
    step = STEP
    while step <= length / 2:
        offsets += [step, -step]
        step += STEP
    return offsets


def _candidates(points: Points, width: float, height: float, prefer_horizontal: bool) -> Iterator[Rect]:
    """Boxes on the legs (centred on the line, then shifted across it while it
    still runs through the box), then boxes just beside the legs."""
    legs = _legs(points, prefer_horizontal)
    for beside in (False, True):
        for (ax, ay), (bx, by) in legs:
            vertical = abs(ax - bx) < 0.01
            cx, cy = (ax + bx) / 2, (ay + by) / 2
            length = abs(by - ay) if vertical else abs(bx - ax)
            along, across = (height, width) if vertical else (width, height)
            # Slid along as far as it still meets its leg, past the leg's ends if need be.
            for offset in _slides(length + along - 8):
                x, y = (cx, cy + offset) if vertical else (cx + offset, cy)
                if beside:
                    yield from _beside(x, y, width, height, vertical)
                    continue
                for shift in _slides(max(across - 2 * BESIDE - 4, 0.0)):
                    dx, dy = (shift, 0.0) if vertical else (0.0, shift)
                    yield x + dx - width / 2, y + dy - height / 2, x + dx + width / 2, y + dy + height / 2


def _beside(x: float, y: float, width: float, height: float, vertical: bool) -> Iterator[Rect]:
    if vertical:
        yield x + BESIDE, y - height / 2, x + BESIDE + width, y + height / 2
        yield x - BESIDE - width, y - height / 2, x - BESIDE, y + height / 2
    else:
        yield x - width / 2, y - BESIDE - height, x + width / 2, y - BESIDE
        yield x - width / 2, y + BESIDE, x + width / 2, y + BESIDE + height


def _hidden_share(points: Points, rect: Rect) -> float:
    total = hidden = 0.0
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        if abs(ax - bx) < 0.01:
            low, high = sorted((ay, by))
            total += high - low
            if rect[0] < ax < rect[2]:
                hidden += max(0.0, min(high, rect[3]) - max(low, rect[1]))
        else:
            low, high = sorted((ax, bx))
            total += high - low
            if rect[1] < ay < rect[3]:
                hidden += max(0.0, min(high, rect[2]) - max(low, rect[0]))
    return hidden / total if total else 0.0
