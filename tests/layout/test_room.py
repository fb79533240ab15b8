"""Room for a crowded label on a run down a gutter across a lane line: the
top of a lane it crosses into grows until the label fits there, between the
line and what runs below it, clear of every other flow."""

from __future__ import annotations

from blueprint.layout import style
from blueprint.layout.labels import CLEAR, HALO
from blueprint.layout.routing import Box, Route
from blueprint.layout.sizing import _make_room_for_labels, room_under_a_line_helps

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
