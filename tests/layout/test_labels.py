"""Label placement on hand-made surroundings: on the arrow when it can, else
beside it, else off it with a leader; never near enough another flow to read
as its label."""

from __future__ import annotations

from blueprint.layout.labels import HALO, NEAR_HALO, Surroundings, place


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
