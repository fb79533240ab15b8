"""Where a flow's label goes: on its own arrow, beside it, or joined to it by a leader.

Labels are placed after routing, when every card, line, arrow and arrowhead
is where it will be drawn. A label sits on a leg of its own arrow (its box
interrupts the line, so it reads as that arrow's label), slid along the leg
to the first spot nearest the leg's middle that touches no card, no lane
line, no arrowhead and no other label, keeps a track's width clear of every
other flow (nearer, a reader may take it for that flow's label), and leaves
more than half of its arrow in view; a slide moves it a few pixels, so the
label also tries the spots just clear of each thing near the leg, which fit
a gap with less than a slide to spare. If no leg has such a spot, the label
sits just beside a leg; failing that, a little way off, joined to its leg by
a leader line that crosses nothing; only if all of that fails does it go
where it touches the least. Where the spots lie is label_spots.py's part;
this module scores them.

What a label must keep clear of is filed by step column: a label looks only
at the columns its arrow spans, so placing a label costs the same in a
drawing of ten steps or of a thousand.
"""

from __future__ import annotations

from bisect import bisect_right

from blueprint.layout.label_spots import (BESIDE, CLEAR, HALO, HEAD, HEAD_HALF_WIDTH, HEAD_LENGTH, LEADER_GAPS, LEG,
                                          SOLID, Item, Placement, Rect, Segment, along, snapped)

Points = list[tuple[float, float]]

NEAR_HALO = 18.5  # how far other flows keep from a label where no spot keeps HALO: still unambiguous
LEADER_CLEAR = 6.0  # how far other flows keep from a leader
# What touching something (or a leader crossing another flow) counts for,
# against coming within HALO of another flow: a label may end up near a flow
# it does not belong to where nothing is clear, but not on it.
TOUCHING = 10

__all__ = ["CLEAR", "HALO", "HEAD_LENGTH", "NEAR_HALO", "LEG", "Item", "Placement", "Rect", "Surroundings", "heads",
           "place"]


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


class Surroundings:
    """Cards, lane lines, flows and placed labels, filed by step column.

    Column k's share of the page runs from the left edge of the gutter before
    it to the left edge of the gutter after it. A card and a placed label
    (never wider than a column) are filed under the column where they start,
    and a search takes in one column more on the left; a flow is filed under
    every column it spans, and its legs and heads are worked out only when a
    label comes near it."""

    def __init__(self, column_left: list[float], line_ys: list[float], left: float, right: float) -> None:
        self.column_left = column_left
        self.lines: list[Item] = [(left, y, right, y, -1, 10, SOLID) for y in line_ys]
        self.cards: list[list[Item]] = [[] for _ in column_left]
        self.placed: list[list[Item]] = [[] for _ in column_left]
        self.flows: list[list[int]] = [[] for _ in column_left]
        self._paths: dict[int, tuple[Points, bool, bool]] = {}
        self._unfiled: dict[int, list] = {}  # column: boxes of cards not yet filed as items
        self._bounds_of: dict[int, Rect] = {}
        self._items: dict[int, list[Item]] = {}

    def column(self, x: float) -> int:
        return max(bisect_right(self.column_left, x) - 1, 0)

    def add_card(self, column: int, rect: Rect) -> None:
        # A label that cannot be clear of everything may cross a flow, not hide a card or a line.
        self.cards[column].append((*rect, -1, 10, SOLID))

    def add_boxes(self, boxes) -> None:
        """Cards given as boxes (with `column`, `x`, `y`, `right`, `bottom`),
        filed as items only when a label first looks at their column: most
        columns of a long drawing have no label near them."""
        for box in boxes:
            self._unfiled.setdefault(box.column, []).append(box)

    def _cards_in(self, column: int) -> list[Item]:
        boxes = self._unfiled.pop(column, None)
        if boxes:
            self.cards[column] += [(box.x, box.y, box.right, box.bottom, -1, 10, SOLID) for box in boxes]
        return self.cards[column]

    def add_flow(self, index: int, points: Points, head_start: bool, head_end: bool, first: int, last: int) -> None:
        """Flow `index`, spanning columns `first` to `last`."""
        self._paths[index] = (points, head_start, head_end)
        for column in range(max(first, 0), min(last, len(self.flows) - 1) + 1):
            self.flows[column].append(index)

    def add_filed_flows(self, paths: dict[int, tuple[Points, bool, bool]], filed: list[list[int]]) -> None:
        """Every flow at once: its points and heads by index, and the flows
        each column holds, as `file_flows` found them. Which columns a flow
        spans does not change while the layout settles, so one filing serves
        every round; it is read, never changed, here."""
        self._paths = paths
        self.flows = filed

    def _bounds(self, index: int) -> Rect:
        bounds = self._bounds_of.get(index)
        if bounds is None:
            points = self._paths[index][0]
            xs, ys = [x for x, _ in points], [y for _, y in points]
            bounds = self._bounds_of[index] = (min(xs) - HEAD_HALF_WIDTH, min(ys) - HEAD_HALF_WIDTH,
                                               max(xs) + HEAD_HALF_WIDTH, max(ys) + HEAD_HALF_WIDTH)
        return bounds

    def _flow_items(self, index: int) -> list[Item]:
        items = self._items.get(index)
        if items is None:
            points, start, end = self._paths[index]
            items = [(*rect, index, 1, LEG) for rect in leg_rects(points)]
            items += [(*rect, index, 5, HEAD) for rect in heads(points, start, end)]
            self._items[index] = items
        return items

    def near(self, area: Rect) -> list[Item]:
        """Everything that reaches into `area`."""
        # The test of overlap written out: it runs for every item near every label.
        left, top, right, bottom = area
        first, last = self.column(left), self.column(right)
        found = [item for item in self.lines
                 if item[0] < right and left < item[2] and item[1] < bottom and top < item[3]]
        seen: set[int] = set()
        for column in range(max(first - 1, 0), last + 1):
            found += [item for item in self._cards_in(column)
                      if item[0] < right and left < item[2] and item[1] < bottom and top < item[3]]
            found += [item for item in self.placed[column]
                      if item[0] < right and left < item[2] and item[1] < bottom and top < item[3]]
            if column < first:
                continue
            for index in self.flows[column]:
                if index in seen:
                    continue
                seen.add(index)
                bounds = self._bounds(index)
                if bounds[0] < right and left < bounds[2] and bounds[1] < bottom and top < bounds[3]:
                    found += [item for item in self._flow_items(index)
                              if item[0] < right and left < item[2] and item[1] < bottom and top < item[3]]
        return found

    def add_placed(self, placement: Placement) -> None:
        box = placement.box
        self.placed[self.column(box[0])].append((*box, -1, 10, SOLID))
        if placement.leader:
            x1, y1, x2, y2 = placement.leader
            leader = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
            self.placed[self.column(leader[0])].append((*leader, -1, 3, SOLID))


def _touches(items: list[Item], rect: Rect, own: int, halo: float) -> int:
    """How badly `rect` sits, by weight: touching counts TOUCHING times what
    coming within `halo` of another flow does."""
    left, top, right, bottom = rect
    score = 0
    for i_left, i_top, i_right, i_bottom, owner, weight, kind in items:
        if owner == own and kind == LEG:
            continue
        gap = halo if kind != SOLID and owner != own else CLEAR
        if left - gap < i_right and i_left < right + gap and top - gap < i_bottom and i_top < bottom + gap:
            touching = (left - CLEAR < i_right and i_left < right + CLEAR and top - CLEAR < i_bottom
                        and i_top < bottom + CLEAR)
            score += weight * (TOUCHING if touching else 1)
    return score


def _crosses(items: list[Item], segment: Segment, own: int) -> int:
    """How much a leader touches of what is not its own arrow's line, other
    flows counted from LEADER_CLEAR off: nearer, a leader running beside a
    flow would double it. Crossing a flow is touching it, and counts as such."""
    x1, y1, x2, y2 = segment
    left, top, right, bottom = min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)
    score = 0
    for i_left, i_top, i_right, i_bottom, owner, weight, kind in items:
        if owner == own and kind == LEG:
            continue
        gap = LEADER_CLEAR if kind != SOLID and owner != own else 0.5
        if left - gap < i_right and i_left < right + gap and top - gap < i_bottom and i_top < bottom + gap:
            score += weight * TOUCHING
    return score


def place(space: Surroundings, own: int, points: Points, width: float, height: float,
          prefer_horizontal: bool) -> Placement:
    """Where flow `own`'s label goes; the placed label then keeps later ones off."""
    legs = _legs(points, prefer_horizontal)
    score, placement = _search(space, own, points, width, height, legs, 0.0)
    if score >= 1:
        # No spot keeps HALO from other flows: one that keeps NEAR_HALO still reads as its own
        # arrow's label, and beats the least bad. The label still counts as crowded, and gets room.
        near_score, near = _search(space, own, points, width, height, legs, HALO - NEAR_HALO)
        if near_score < 1:
            placement = near
    placement = Placement(placement.box, placement.leader, clear=score < 1)
    space.add_placed(placement)
    return placement


def _search(space: Surroundings, own: int, points: Points, width: float, height: float,
            legs: list[tuple[tuple[float, float], tuple[float, float]]], cut: float) -> tuple[float, Placement]:
    """The first spot that touches nothing and keeps HALO less `cut` from
    other flows, or failing that the one that touches least, with its score."""
    best: tuple[float, Placement] | None = None
    items: list[Item] = []
    for way in ("on", "snapped", "beside", "leader"):
        # Only what lies within a label's reach of the arrow, and then of each leg, is looked at.
        reach = (LEADER_GAPS[-1] if way == "leader" else BESIDE) + HALO + 2 * CLEAR
        if way in ("on", "leader"):
            items = space.near(_grown(_bounds(points), width + reach, height + reach))
        for leg in legs:
            area = _grown(_bounds(leg), width + reach, height + reach)
            left, top, right, bottom = area
            nearby = _AlongLeg([item for item in items
                                if item[0] < right and left < item[2] and item[1] < bottom and top < item[3]],
                               leg, width, height)
            if way == "snapped":
                spots = ((position, placement, HALO) for position, placement
                         in snapped(leg, nearby.items, own, width, height, HALO - cut))
            else:
                spots = along(leg, way, width, height)
            for position, placement, halo in spots:
                local = nearby.at(position)
                score: float = _touches(local, placement.box, own, halo - cut)
                if placement.leader:
                    score += _crosses(local, placement.leader, own) + 0.5  # on or beside its arrow is better
                if (best is None or score < best[0]) and not placement.leader:
                    score += _hidden_share(points, placement.box) > 0.5
                if best is None or score < best[0]:
                    best = (score, placement)
                if score == 0:
                    return score, placement
    assert best is not None
    return best


class _AlongLeg:
    """What lies near a leg, filed by where along the leg it reaches once a
    label slides there, so that a label slid along a long leg meets only its
    neighbours. Filed only once a few tries have failed: most labels take the
    first spot they try."""

    SIZE = 32.0
    TRIES = 8
    LONG = 12  # cells

    def __init__(self, items: list[Item], leg, width: float, height: float) -> None:
        self.items = items
        self.vertical = abs(leg[0][0] - leg[1][0]) < 0.01
        self.pad = (height if self.vertical else width) / 2 + HALO + BESIDE + 2 * CLEAR
        self.cells: dict[int, list[Item]] | None = None
        self.long: list[Item] = []
        self.tries = 0

    def at(self, position: float) -> list[Item]:
        self.tries += 1
        if self.tries <= self.TRIES:
            return self.items
        if self.cells is None:
            self._file()
        assert self.cells is not None
        return self.cells.get(int(position // self.SIZE), self.long)

    def _file(self) -> None:
        # Long things (lane lines, long runs) are met everywhere along: kept in every cell's list, not filed.
        low_side, high_side = (1, 3) if self.vertical else (0, 2)
        spans = [(int((item[low_side] - self.pad) // self.SIZE), int((item[high_side] + self.pad) // self.SIZE), item)
                 for item in self.items]
        self.long = [item for first, last, item in spans if last - first > self.LONG]
        self.cells = {}
        for first, last, item in spans:
            if last - first <= self.LONG:
                for cell in range(first, last + 1):
                    self.cells.setdefault(cell, list(self.long)).append(item)


def _bounds(points) -> Rect:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _grown(rect: Rect, dx: float, dy: float) -> Rect:
    return rect[0] - dx, rect[1] - dy, rect[2] + dx, rect[3] + dy


def _legs(points: Points, prefer_horizontal: bool) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Legs in the order to try: the preferred direction first, longest first."""
    legs = [leg for leg in zip(points, points[1:]) if abs(leg[0][0] - leg[1][0]) + abs(leg[0][1] - leg[1][1]) > 0.01]

    def order(leg) -> tuple[bool, float]:
        horizontal = abs(leg[0][1] - leg[1][1]) < 0.01
        return horizontal != prefer_horizontal, -(abs(leg[0][0] - leg[1][0]) + abs(leg[0][1] - leg[1][1]))

    return sorted(legs, key=order)


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
