"""Where the columns, gutters, lanes and cards stand, for one choice of band sizes.

The cards are measured once; only the gutters between columns and the
channels at the top of the lanes change while the layout settles, and each
choice of their sizes gives one grid.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout import style
from blueprint.layout.routing import Box
from blueprint.scene import Card

LANE_MIN_HEIGHT = 62


@dataclass
class Cells:
    """What stands in each cell of the grid, measured, with the pairs of
    actions a flow joins (and the height that flow's label needs)."""

    stacks: dict[tuple[int, int], list[Card]]  # (lane, column): the cards there, top to bottom
    joined: dict[frozenset[str], float]
    columns: int
    lanes: int
    # The last grid built, with what it was built for: planning and the first
    # round of settling ask for the same one.
    last: tuple[tuple, Grid] | None = field(default=None, repr=False)
    # The gap under each card of a stack, by (lane, column): the same for
    # every grid, so worked out once rather than in every round of settling.
    gaps: dict[tuple[int, int], list[float]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.gaps = {
            cell: [self.stack_gap(card.id, stack[position + 1].id if position + 1 < len(stack) else None)
                   for position, card in enumerate(stack)]
            for cell, stack in self.stacks.items()
        }

    def stack_gap(self, upper: str, lower: str | None) -> float:
        """Stacked cards joined by a flow need room for the arrow (two heads for `<->`) and its label."""
        joined = self.joined.get(frozenset((upper, lower))) if lower else None
        if joined is None:
            return style.CARD_GAP
        return style.STACKED_FLOW_GAP + joined


@dataclass
class Grid:
    """Positions for one choice of band sizes."""

    column_x: list[float]
    gutter_left: list[float]  # gutter k lies left of column k; the last one right of the last column
    lane_top: list[float]
    lane_height: list[float]
    boxes: dict[str, Box]
    right: float
    bottom: float

    def gutter_half(self, gutter: int) -> float:
        """Half the width of gutter `gutter`."""
        if gutter == 0:
            width = self.column_x[0] - self.gutter_left[0]
        elif gutter >= len(self.column_x):
            width = self.right - self.gutter_left[-1]
        else:
            width = self.column_x[gutter] - self.gutter_left[gutter]
        return width / 2

    def lane_bottom(self, lane: int) -> float:
        return self.lane_top[lane] + self.lane_height[lane]


def build_grid(cells: Cells, top: float, gutters: list[float], channels: list[float]) -> Grid:
    """The grid with gutters and channels of these widths, lanes from `top` down."""
    key = (top, tuple(gutters), tuple(channels))
    if cells.last is not None and cells.last[0] == key:
        return cells.last[1]
    grid = _built(cells, top, gutters, channels)
    cells.last = (key, grid)
    return grid


def _built(cells: Cells, top: float, gutters: list[float], channels: list[float]) -> Grid:
    gutter_left: list[float] = []
    column_x: list[float] = []
    x = style.MARGIN + style.HEAD_W
    for column in range(cells.columns):
        gutter_left.append(x)
        x += gutters[column]
        column_x.append(x)
        x += style.CARD_W
    gutter_left.append(x)
    right = x + gutters[cells.columns]

    lane_top: list[float] = []
    lane_height: list[float] = []
    boxes: dict[str, Box] = {}
    y = round(top, 2)
    for lane in range(cells.lanes):
        lane_top.append(y)
        tallest = 0.0
        for column in range(cells.columns):
            cursor = y + channels[lane]
            stack = cells.stacks.get((lane, column), [])
            left = column_x[column]
            for card, gap in zip(stack, cells.gaps.get((lane, column), ())):
                boxes[card.id] = Box(card.id, column, lane, left, cursor, card.width, card.height)
                cursor += card.height + gap
            last_gap = cells.gaps[(lane, column)][-1] if stack else style.CARD_GAP
            tallest = max(tallest, cursor - last_gap - y - channels[lane])
        # Rounded here, once, so a lane's bottom and the line drawn there agree exactly.
        height = round(max(LANE_MIN_HEIGHT, channels[lane] + tallest + style.LANE_PAD_BOTTOM), 2)
        lane_height.append(height)
        y = round(y + height, 2)
    return Grid(column_x, gutter_left, lane_top, lane_height, boxes, right, y)
