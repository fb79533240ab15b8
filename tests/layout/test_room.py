"""Room for a label that room beside its run down a gutter leaves crowded:
across a lane line, the top of a lane it crosses into grows until the label
fits there, between the line and what runs below it; within one lane, the
card at the run's lower end moves down its stack until the label fits
below the last leg that crosses the run. Either way clear of every other
flow."""

from __future__ import annotations

from types import SimpleNamespace

from blueprint.layout import style
from blueprint.layout.grid import Cells
from blueprint.layout.labels import CLEAR, HALO
from blueprint.layout.routing import Box, Route
from blueprint.layout.sizing import _make_room_for_labels, room_between_cards, room_under_a_line_helps

HEIGHT = 16.65


def _run(source_lane: int, target_lane: int) -> Route:
    """A flow from a card of one column round to a card of the next, down gutter 1."""
    source = Box("a", 0, source_lane, 0.0, 0.0, 172.0, 30.0)
    target = Box("b", 1, target_lane, 300.0, 100.0, 172.0, 30.0)
    return Route(0, source, target, "side", "right", "left", [1])


def _channels_after(route: Route, channels: list[float]) -> list[float]:
    channels = list(channels)
    _make_room_for_labels([route], {0: (52.0, HEIGHT)}, [28.0, 28.0, 28.0], channels, frozenset({0}),
                          frozenset({0}))
    return channels


def test_a_lane_without_tracks_grows_to_hold_the_label_under_its_line():
    channels = _channels_after(_run(0, 2), [16.0, 16.0, 40.0])
    # Lane 1 has no tracks: the label fits between its line and its first card's ports.
    # Lane 2's tracks would need more growth.
    assert channels == [16.0, 2 * CLEAR + HEIGHT + HALO, 40.0]


def test_a_lane_with_tracks_holds_the_label_below_them():
    tracks = style.CHANNEL_TOP_PAD + style.BAND_PAD + 12.0
    channels = _channels_after(_run(2, 1), [16.0, 16.0, tracks])
    assert channels == [16.0, 16.0, tracks - style.BAND_PAD + 2 * HALO + HEIGHT]


def test_a_run_within_one_lane_crosses_no_line():
    assert not room_under_a_line_helps(_run(1, 1))
    assert room_under_a_line_helps(_run(1, 2))
    assert _channels_after(_run(1, 1), [16.0, 16.0, 16.0]) == [16.0, 16.0, 16.0]


def _cells():
    """Column 0 holds card a; column 1 holds c above d, in one lane."""
    card = lambda name: SimpleNamespace(id=name, width=172.0, height=30.0)  # noqa: E731
    return Cells({(0, 0): [card("a")], (0, 1): [card("c"), card("d")]}, {}, 2, 1)


def _run_within_a_lane(lower: Box) -> Route:
    upper = Box("a", 0, 0, 0.0, 30.0, 172.0, 30.0)
    return Route(0, upper, lower, "side", "right", "left", [1],
                 points=[(172.0, 50.0), (230.0, 50.0), (230.0, lower.y + 10), (300.0, lower.y + 10)])


def test_a_card_below_a_crowded_run_within_one_lane_moves_down_its_stack():
    cells = _cells()
    run = _run_within_a_lane(Box("d", 1, 0, 300.0, 90.0, 172.0, 30.0))
    # Another flow's leg to a card of column 0 crosses the run at 70, 30 px above its end.
    crossing = Route(1, run.source, run.source, "side", "right", "right", [1],
                     points=[(172.0, 40.0), (260.0, 40.0), (260.0, 70.0), (172.0, 70.0)])
    before = cells.gaps[(0, 1)][0]
    cells.last = ((0.0, (), ()), None)  # a grid built on the old gaps
    assert room_between_cards(cells, run, [run, crossing], HEIGHT)
    # From the highest its end's port can come, the label fits under the crossing leg, a halo each side.
    assert cells.gaps[(0, 1)][0] - before == 70.0 + 2 * HALO + HEIGHT - (90.0 + style.PORT_MARGIN / 2)
    assert cells.last is None


def test_the_first_card_of_a_lane_is_not_moved():
    cells = _cells()
    run = _run_within_a_lane(Box("c", 1, 0, 300.0, 30.0, 172.0, 30.0))
    run.points = [(172.0, 35.0), (230.0, 35.0), (230.0, 55.0), (300.0, 55.0)]
    assert not room_between_cards(cells, run, [run], HEIGHT)
    assert not room_between_cards(cells, _run(0, 1), [], HEIGHT)  # across a line: room under it instead
