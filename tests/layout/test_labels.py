"""Label placement on hand-made surroundings: on the arrow when it can, else
beside it, else off it with a leader; never near enough another flow to read
as its label."""

from __future__ import annotations

from types import SimpleNamespace

from blueprint.layout.arrows import room_helps
from blueprint.layout.labels import HALO, NEAR_HALO, Surroundings, place
from blueprint.layout.routing import Box, Route


def _space(*flows):
    space = Surroundings([0.0, 1000.0], [], 0.0, 2000.0)
    for index, points in enumerate(flows):
        space.add_flow(index, points, False, True, 0, 0)
    return space


def _gap(box, x):
    """How far a vertical line at `x` passes from `box`."""
    return max(box[0] - x, x - box[2], 0.0)


def test_a_free_arrow_carries_its_label_on_its_line():
    points = [(100.0, 0.0), (100.0, 300.0)]
    placement = place(_space(points), 0, points, 60, 16, prefer_horizontal=False)
    assert placement.leader is None and placement.clear
    assert placement.box[0] < 100 < placement.box[2]


def test_a_label_keeps_clear_of_a_flow_running_close_beside_its_own():
    own, other = [(100.0, 0.0), (100.0, 300.0)], [(112.0, 0.0), (112.0, 300.0)]
    placement = place(_space(own, other), 0, own, 60, 16, prefer_horizontal=False)
    assert placement.clear
    assert _gap(placement.box, 112) >= HALO
    assert placement.leader is not None  # off its arrow, on the side away from the other flow
    x1, y1, x2, y2 = placement.leader
    assert x1 == 100 and y1 == y2 and x2 == placement.box[2]


def test_a_label_with_no_clear_spot_says_so():
    own = [(100.0, 0.0), (100.0, 40.0)]
    crowd = [[(x, -50.0), (x, 90.0)] for x in (30.0, 60.0, 88.0, 112.0, 140.0, 170.0)]
    placement = place(_space(own, *crowd), 0, own, 60, 16, prefer_horizontal=False)
    assert not placement.clear


def test_where_no_spot_keeps_the_halo_one_nearly_as_far_beats_the_least_bad():
    # Flows 19 px above and below the label's box all along: a leader would cross them.
    own = [(100.0, 0.0), (300.0, 0.0)]
    above, below = [(-100.0, -27.0), (500.0, -27.0)], [(-100.0, 27.0), (500.0, 27.0)]
    placement = place(_space(own, above, below), 0, own, 60, 16, prefer_horizontal=True)
    assert placement.leader is None
    assert placement.box[1] - -27.0 >= NEAR_HALO and 27.0 - placement.box[3] >= NEAR_HALO
    assert not placement.clear  # still crowded: the layout gives it room if it can


def test_a_gap_with_less_than_a_slide_to_spare_still_holds_a_label():
    # Under a lane line, flows cross the arrow every 36 px; one gap, between the line and
    # the flow below it, holds the label with half a pixel to spare, off the 3 px slides.
    line, first = 61.0, 61.0 + 2 + 16 + HALO + 0.5
    own = [(100.0, 0.0), (100.0, 200.0)]
    crossing = [[(-500.0, y), (700.0, y)] for y in (25.0, first, first + 36, first + 72)]
    space = Surroundings([0.0, 1000.0], [line], 0.0, 2000.0)
    for index, points in enumerate([own, *crossing]):
        space.add_flow(index, points, False, True, 0, 0)
    placement = place(space, 0, own, 60, 16, prefer_horizontal=False)
    assert placement.clear and placement.leader is None
    assert line + 2 <= placement.box[1] and placement.box[3] + HALO <= first


def _channel_route(points, channel=2):
    box = Box("card", 0, 0, 0.0, 0.0, 100.0, 40.0)
    return Route(0, box, box, "side", "right", "left", [1, 3], channel, points)


LABEL = SimpleNamespace(width=60, height=16)


def test_room_in_a_channel_is_given_when_flows_along_it_crowd_a_label():
    own = [(100.0, 50.0), (300.0, 50.0)]
    along = [[(100.0, y), (300.0, y)] for y in (40.0, 60.0)]
    space = _space(own, *along)
    assert not place(space, 0, own, 60, 16, prefer_horizontal=True).clear
    assert room_helps(space, _channel_route(own), LABEL)


def test_room_in_a_channel_is_not_given_when_only_legs_across_it_crowd_a_label():
    # A taller channel moves none of them sideways: the label would stay as crowded.
    own = [(100.0, 50.0), (300.0, 50.0)]
    across = [[(x, -300.0), (x, 400.0)] for x in range(40, 360, 30)]
    space = _space(own, *across)
    assert not place(space, 0, own, 60, 16, prefer_horizontal=True).clear
    assert not room_helps(space, _channel_route(own), LABEL)
    assert room_helps(space, _channel_route(own, channel=None), LABEL)  # in a gutter, room may move them
