"""Tracks in a band: which flow runs where across a gutter or a channel.

A band carries the flows' straight runs along it (vertical in a gutter,
horizontal in a channel). Each run turns off at both ends, towards the low
side of the band (left, or up) or the high side (right, or down). Where two
runs overlap, their order across the band decides whether one's turn crosses
the other's run; as in the nudging of orthogonal connector routers, each
overlapping pair is ordered the way that crosses less, and the runs then take
tracks in that order, one track each wherever they overlap. Runs that do not
overlap may share a track, but only with a clear gap between them, so that two
flows never read as one line.
"""

from __future__ import annotations

# How far apart two runs on one track must end, so that they are not read as one.
REUSE_GAP = 16.0
LOW, NONE, HIGH = -1, 0, 1
# A turn this near the end of another run counts as crossing it: level with
# the other's end, it would run along the other's turn and read as one line.
NEAR = 10.0


class Run:
    """A flow's straight run along a band, from `low` to `high`; `turns` are
    the (position, side) where it turns off the band.

    A plain slotted class, treated as read-only: every round of settling
    makes one per run of every flow, and a frozen dataclass's `__init__`
    (one `object.__setattr__` per field) is several times slower."""

    __slots__ = ("key", "low", "high", "turns")

    def __init__(self, key: int, low: float, high: float, turns: tuple[tuple[float, int], ...]) -> None:
        self.key = key
        self.low = low
        self.high = high
        self.turns = turns

    def __repr__(self) -> str:
        return f"Run({self.key}, {self.low}, {self.high}, {self.turns})"


def _crossings(first: Run, second: Run) -> int:
    """Crossings if `first` runs on the low side of `second`: first's turns
    towards the high side cut across second's run, second's turns towards the
    low side across first's."""
    count = 0
    for position, side in first.turns:
        if side == HIGH and second.low - NEAR < position < second.high + NEAR:
            count += 1
    for position, side in second.turns:
        if side == LOW and first.low - NEAR < position < first.high + NEAR:
            count += 1
    return count


def _overlapping(runs: list[Run], gap: float) -> list[tuple[int, int]]:
    """Index pairs of runs whose extents come within `gap` of each other (a sweep, not all pairs)."""
    order = sorted(range(len(runs)), key=lambda i: (runs[i].low, runs[i].high, runs[i].key))
    pairs: list[tuple[int, int]] = []
    active: list[int] = []
    for i in order:
        low = runs[i].low
        active = [j for j in active if runs[j].high + gap > low]
        pairs.extend((j, i) for j in active)
        active.append(i)
    return pairs


def assign(runs: list[Run]) -> tuple[dict[int, int], int]:
    """A track for every run (by key), and how many tracks the band needs.

    Runs are taken in the order they prefer across the band (each by how much
    more it gains from lying on the low side of its neighbours than on the
    high side), and each takes the lowest track free along its extent above
    every neighbour it must stay clear of on the low side."""
    pairs = _overlapping(runs, REUSE_GAP)
    neighbours: dict[int, list[int]] = {i: [] for i in range(len(runs))}
    below: dict[int, set[int]] = {i: set() for i in range(len(runs))}  # runs that must lie on i's low side
    lean = [0] * len(runs)
    for i, j in pairs:
        neighbours[i].append(j)
        neighbours[j].append(i)
        if not (runs[i].low < runs[j].high + NEAR and runs[j].low < runs[i].high + NEAR):
            continue  # only near each other end to end: no crossing to gain
        i_low, j_low = _crossings(runs[i], runs[j]), _crossings(runs[j], runs[i])
        if i_low < j_low:
            below[j].add(i)
        elif j_low < i_low:
            below[i].add(j)
        lean[i] += i_low - j_low
        lean[j] += j_low - i_low
    order = sorted(range(len(runs)), key=lambda i: (lean[i], runs[i].low, runs[i].key))
    track: dict[int, int] = {}
    for i in order:
        floor = max((track[j] + 1 for j in below[i] if j in track), default=0)
        taken = {track[j] for j in neighbours[i] if j in track}
        slot = floor
        while slot in taken:
            slot += 1
        track[i] = slot
    count = max(track.values(), default=-1) + 1
    return {runs[i].key: slot for i, slot in track.items()}, count
