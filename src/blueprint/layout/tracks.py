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

In a gutter a run's turns are its legs to the cards, and where cards crowd,
legs from both sides of the gutter can come out at nearly one height. In one
order across the band such legs run along each other over the gap between
the runs, and read as one line; so after the first assignment each run in
turn moves to the place across the band where it crosses least, such a
meeting counting as far worse than any crossing, as long as the move makes
no wider stack of side-by-side runs.
"""

from __future__ import annotations

from collections.abc import Callable

# How far apart two runs on one track must end, so that they are not read as one.
REUSE_GAP = 16.0
LOW, NONE, HIGH = -1, 0, 1
# A turn this near the end of another run counts as crossing it: level with
# the other's end, it would run along the other's turn and read as one line.
NEAR = 10.0
# What two legs running along each other cost, in crossings: more than any
# number of crossings a band has, so that a move never trades one for them.
MEETING = 100
PASSES = 3  # rounds of moves at most; most bands settle in one


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


def assign(runs: list[Run], legs_at_turns: bool = False) -> tuple[dict[int, int], int]:
    """A track for every run (by key), and how many tracks the band needs.

    Runs are taken in the order they prefer across the band (each by how much
    more it gains from lying on the low side of its neighbours than on the
    high side), and each takes the lowest track free along its extent above
    every neighbour it must stay clear of on the low side. With
    `legs_at_turns` (a gutter, where the turns are the legs' heights), runs
    then move where their legs meet no other's and they cross less."""
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
    if legs_at_turns:
        _untangle(runs, track, neighbours)
    count = max(track.values(), default=-1) + 1
    return {runs[i].key: slot for i, slot in track.items()}, count


def _legs_meet(low: Run, high: Run) -> bool:
    """Whether, with `low` on the low side of `high`, a leg of each runs along
    the other's over the gap between them: `low` turning towards the high
    side and `high` towards the low side, at nearly one height."""
    return any(side == HIGH and other_side == LOW and abs(position - other) < NEAR
               for position, side in low.turns for other, other_side in high.turns)


def _cost(low: Run, high: Run) -> int:
    """What it costs to put `low` on the low side of `high`, in crossings."""
    return _crossings(low, high) + MEETING * _legs_meet(low, high)


def _untangle(runs: list[Run], track: dict[int, int], neighbours: dict[int, list[int]]) -> None:
    """Move runs, one at a time, to a better place across the band, until
    none has one (or PASSES rounds). A move puts a run between two tracks,
    and the tracks are then numbered afresh."""
    costs: dict[tuple[int, int], int] = {}  # the runs stay where they are: each pair's cost is worked out once

    def cost(low: int, high: int) -> int:
        found = costs.get((low, high))
        if found is None:
            found = costs[(low, high)] = _cost(runs[low], runs[high])
        return found

    for _round in range(PASSES):
        moved = False
        for i in range(len(runs)):
            place = _better_place(runs, track, neighbours[i], i, cost)
            if place is None:
                continue
            track[i] = place  # type: ignore[assignment]  # between two tracks until numbered afresh
            ranks = {slot: rank for rank, slot in enumerate(sorted(set(track.values())))}
            for j in track:
                track[j] = ranks[track[j]]
            moved = True
        if not moved:
            return


def _better_place(runs: list[Run], track: dict[int, int], near: list[int], i: int,
                  pair_cost: Callable[[int, int], int]) -> float | None:
    """The place between two tracks where run `i` costs least against its
    neighbours, if that costs less than where it is, and puts no more runs
    side by side than the band has already. `pair_cost(a, b)` is what it
    costs to put run a on the low side of run b."""
    if not near:
        return None
    here = track[i]
    # What it costs where it is, first: in most bands nothing can be better than nothing.
    now = sum(pair_cost(i, j) if here < track[j] else pair_cost(j, i) for j in near)
    if now == 0:
        return None

    # Each neighbour's track, and what run i costs against it on its low side and on its high side.
    against = [(track[j], pair_cost(i, j), pair_cost(j, i)) for j in near]

    def cost(place: float) -> int:
        return sum(low if place < slot else high for slot, low, high in against)

    better = sorted((price, place) for place in (slot - 0.5 for slot in range(max(track.values()) + 2))
                    if (price := cost(place)) < now)
    if not better:
        return None
    widest = _widest_stack(runs, track)
    for _price, place in better:
        if _widest_stack(runs, {**track, i: place}) <= widest:  # type: ignore[dict-item]
            return place
    return None


def _widest_stack(runs: list[Run], track: dict[int, float]) -> int:
    """The most runs side by side on neighbouring tracks, anywhere along the band."""
    ranks = {slot: rank for rank, slot in enumerate(sorted(set(track.values())))}
    widest = 0
    for cut in {(run.low + run.high) / 2 for run in runs} | {run.low + 1 for run in runs}:
        stack, previous = 0, None
        for rank in sorted(ranks[track[i]] for i, run in enumerate(runs) if run.low < cut < run.high):
            stack = stack + 1 if previous is not None and rank - previous <= 1 else 1
            widest, previous = max(widest, stack), rank
    return widest
