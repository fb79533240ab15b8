"""The spots a flow's label tries, in the order it tries them: on a leg of
its own arrow, slid along it; on the leg just clear of what is near it;
just beside the leg; or further off, joined to it by a leader.

labels.py scores each spot against what it must keep clear of; this module
only says where the spots are.
"""

from __future__ import annotations

from collections.abc import Iterator

Rect = tuple[float, float, float, float]  # left, top, right, bottom
Segment = tuple[float, float, float, float]  # x1, y1, x2, y2, axis-parallel
Leg = tuple[tuple[float, float], tuple[float, float]]
# (left, top, right, bottom, owning flow or -1, weight, what it is)
Item = tuple[float, float, float, float, int, int, int]

CLEAR = 2.0  # the smallest gap between a label and anything it must not touch
HALO = 20.0  # how far other flows keep from a label: nearer, the label may read as theirs
STEP = 3.0  # how far a label slides along its leg between tries
BESIDE = 3.0  # gap between a label set beside its leg and the leg
LEADER_GAPS = (16.0, 28.0, 44.0, 64.0, 88.0)  # how far off its leg a label joined by a leader may sit
HEAD_LENGTH, HEAD_HALF_WIDTH = 10.0, 4.0
# What an obstacle is, which decides how near a label may come to it.
SOLID, LEG, HEAD = 0, 1, 2  # cards, lines and labels; a flow's line; an arrowhead
# How far past the least gap a spot set just clear of something sits: enough
# that the rounding of the drawn coordinates cannot bring it back within it.
NUDGE = 0.05


class Placement:
    """Where a label sits. A plain slotted class, treated as read-only: a
    label tries dozens of spots, each a placement, and a frozen dataclass's
    `__init__` (one `object.__setattr__` per field) is several times slower."""

    __slots__ = ("box", "leader", "clear")

    def __init__(self, box: Rect, leader: Segment | None = None, clear: bool = True) -> None:
        self.box = box
        self.leader = leader  # from the arrow to the label's edge, when the label sits off its arrow
        self.clear = clear  # False when every spot tried touched something or came near another flow

    def __repr__(self) -> str:
        return f"Placement({self.box}, leader={self.leader}, clear={self.clear})"


def _slides(length: float, most: int = 60) -> list[float]:
    """Offsets from a leg's middle, nearest first: STEP apart, or further
    apart on a leg so long that it would take more than `most` each way (a
    label tries a few hundred spots on a long flow, not thousands)."""
    step = max(STEP, length / 2 / most)
    offsets = [0.0]
    offset = step
    while offset <= length / 2:
        offsets += [offset, -offset]
        offset += step
    return offsets


def along(leg: tuple[tuple[float, float], tuple[float, float]], way: str, width: float,
           height: float) -> Iterator[tuple[float, Placement, float]]:
    """A leg's placements of one way, in the order to try, each with where
    along the leg it lies and how far other flows must keep from it: on the leg (centred on the line, then
    shifted across it while it still runs through the box), just beside it,
    or further off, joined to it by a leader."""
    (ax, ay), (bx, by) = leg
    vertical = abs(ax - bx) < 0.01
    cx, cy = (ax + bx) / 2, (ay + by) / 2
    length = abs(by - ay) if vertical else abs(bx - ax)
    along, across = (height, width) if vertical else (width, height)
    if way == "on":
        # Slid along as far as it still meets its leg, past the leg's ends if need be.
        for offset in _slides(length + along - 8):
            x, y = (cx, cy + offset) if vertical else (cx + offset, cy)
            for shift in _slides(max(across - 2 * BESIDE - 4, 0.0)):
                dx, dy = (shift, 0.0) if vertical else (0.0, shift)
                box = (x + dx - width / 2, y + dy - height / 2, x + dx + width / 2, y + dy + height / 2)
                yield (y if vertical else x), Placement(box), HALO
        return
    # Off the leg, the label's middle stays level with a point of the leg.
    for offset in _slides(max(length - 2 * HEAD_LENGTH, 0.0), 20 if way == "leader" else 60):
        x, y = (cx, cy + offset) if vertical else (cx + offset, cy)
        for gap in ((BESIDE,) if way == "beside" else LEADER_GAPS):
            for placement in _off(x, y, width, height, vertical, gap, way == "leader"):
                yield (y if vertical else x), placement, HALO + (gap if way == "beside" else 0.0)


def _off(x: float, y: float, width: float, height: float, vertical: bool, gap: float,
         leader: bool) -> Iterator[Placement]:
    """A box `gap` off the leg at (x, y), on either side, with a leader across the gap if asked."""
    if vertical:
        for side in (1, -1):
            near = x + side * gap
            box = (near, y - height / 2, near + width, y + height / 2) if side > 0 else \
                  (near - width, y - height / 2, near, y + height / 2)
            yield Placement(box, (x, y, near, y) if leader else None)
    else:
        for side in (-1, 1):
            near = y + side * gap
            box = (x - width / 2, near - height, x + width / 2, near) if side < 0 else \
                  (x - width / 2, near, x + width / 2, near + height)
            yield Placement(box, (x, y, x, near) if leader else None)


def snapped(leg: Leg, items: list[Item], own: int, width: float, height: float,
            halo: float) -> Iterator[tuple[float, Placement]]:
    """Spots on the leg whose edge lies just clear of something near it (a
    flow crossing the leg, a lane line, a card), nearest the leg's middle
    first, each with where along the leg it lies. Sliding a few pixels at a
    time can step over a gap that holds a label with less than a step to
    spare, between a lane line and a flow crossing below it, say; these
    spots fit such a gap exactly. `halo` is how far other flows keep."""
    (ax, ay), (bx, by) = leg
    vertical = abs(ax - bx) < 0.01
    middle = (ay + by) / 2 if vertical else (ax + bx) / 2
    length = abs(by - ay) if vertical else abs(bx - ax)
    along = height if vertical else width
    reach = (length + along - 8) / 2  # as far as the box still meets its leg, as on it
    low_side, high_side = (1, 3) if vertical else (0, 2)
    centres: set[float] = set()
    for item in items:
        owner, kind = item[4], item[6]
        if owner == own and kind == LEG:
            continue
        gap = (halo if kind != SOLID and owner != own else CLEAR) + NUDGE
        for centre in (item[high_side] + gap + along / 2, item[low_side] - gap - along / 2):
            if abs(centre - middle) <= reach:
                centres.add(round(centre, 2))
    for centre in sorted(centres, key=lambda c: (abs(c - middle), c)):
        x, y = (ax, centre) if vertical else (centre, ay)
        yield centre, Placement((x - width / 2, y - height / 2, x + width / 2, y + height / 2))
