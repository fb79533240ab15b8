"""Geometry of the scene: what a designer would notice at a glance, checked exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.api import check_file, check_text
from blueprint.layout import layout
from blueprint.layout.measure import FontMetricsMeasurer
from blueprint.scene import Card, Scene, scene_data

from ..conftest import EXAMPLES

MEASURER = FontMetricsMeasurer()
EPS = 0.01


def _overlap(a: Card, b: Card) -> bool:
    return a.x < b.x + b.width - EPS and b.x < a.x + a.width - EPS and a.y < b.y + b.height - EPS and b.y < a.y + a.height - EPS


def _segment_hits_card(p, q, card: Card) -> bool:
    """Whether the segment passes through the card's interior (touching its edge is fine)."""
    left, right, top, bottom = card.x + EPS, card.x + card.width - EPS, card.y + EPS, card.y + card.height - EPS
    if abs(p.x - q.x) < EPS:  # vertical
        low, high = sorted((p.y, q.y))
        return left < p.x < right and low < bottom and high > top
    low, high = sorted((p.x, q.x))
    return top < p.y < bottom and low < right and high > left


def assert_sound(scene: Scene, blueprint) -> None:
    cards = scene.cards
    for i, a in enumerate(cards):
        for b in cards[i + 1 :]:
            assert not _overlap(a, b), f"cards {a.id} and {b.id} overlap"
    for card in cards:
        for text in card.lines:
            for span_index, span in enumerate(text.spans):
                assert span.x >= card.x + 1, (card.id, text.content)
            end = text.spans[0].x + MEASURER.width(text.content, text.size, text.bold)
            assert end <= card.x + card.width - 1, f"text overflows card {card.id}: {text.content!r}"
            assert card.y < text.y - MEASURER.ascent(text.size) + EPS and text.y < card.y + card.height, card.id
        for marker in card.markers:
            assert card.x <= marker.x and marker.x + marker.width <= card.x + card.width + EPS, card.id
            assert card.y <= marker.y and marker.y + marker.height <= card.y + card.height + EPS, card.id
    by_id = {card.id: card for card in cards}
    for arrow in scene.arrows:
        points = arrow.points
        for p, q in zip(points, points[1:]):
            assert abs(p.x - q.x) < EPS or abs(p.y - q.y) < EPS, f"{arrow.id} has a diagonal leg"
            for card in cards:
                assert not _segment_hits_card(p, q, card), f"{arrow.id} ({arrow.source}->{arrow.target}) crosses {card.id}"
        source, target = by_id[arrow.source], by_id[arrow.target]
        for end, card in ((points[0], source), (points[-1], target)):
            on_edge = (abs(end.x - card.x) < EPS or abs(end.x - card.x - card.width) < EPS or
                       abs(end.y - card.y) < EPS or abs(end.y - card.y - card.height) < EPS)
            inside = card.x - EPS <= end.x <= card.x + card.width + EPS and card.y - EPS <= end.y <= card.y + card.height + EPS
            assert on_edge and inside, f"{arrow.id} does not start or end on its card's edge"
    # The three lines sit between the right lanes.
    lanes = {band.lane: band for band in scene.lanes}
    rules = {rule.role: rule for rule in scene.rules if rule.role.startswith("line-") and rule.x2 - rule.x1 > 100}
    for upper, line, lower in (("customer", "interaction", "onstage"), ("onstage", "visibility", "backstage"),
                               ("backstage", "internal", "support")):
        rule = rules[f"line-{line}"]
        assert abs(rule.y1 - (lanes[upper].y + lanes[upper].height)) < EPS
        assert abs(rule.y1 - lanes[lower].y) < EPS
    assert [r.style for r in (rules["line-interaction"], rules["line-visibility"], rules["line-internal"])] == [
        "solid", "dashed", "dotted"]
    # Every action card sits in its own lane band, under its own step column.
    columns = {column.step: column for column in scene.columns}
    for card in cards:
        band = lanes[card.lane]
        assert band.y <= card.y and card.y + card.height <= band.y + band.height + EPS, card.id
        assert abs(card.x - columns[card.step].x) < EPS
    # One badge per fail and wait point, numbered as in the model.
    fails = sorted(m.number for c in cards for m in c.markers if m.kind == "fail")
    waits = sorted(m.number for c in cards for m in c.markers if m.kind == "wait")
    assert fails == [f.number for f in blueprint.fail_points()]
    assert waits == [w.number for w in blueprint.wait_points()]
    assert [e.number for e in scene.fail_list] == fails and [e.number for e in scene.wait_list] == waits
    assert len(scene.arrows) == len(blueprint.flows)
    assert all(0 <= c.x and c.x + c.width <= scene.width and c.y + c.height <= scene.height for c in cards)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_lay_out_soundly(path):
    blueprint = check_file(path).blueprint
    assert_sound(layout(blueprint), blueprint)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_arrow_labels_cover_no_card_and_no_other_label(path):
    scene = layout(check_file(path).blueprint)
    boxes = [a.label_box for a in scene.arrows if a.label_box is not None]
    for i, box in enumerate(boxes):
        for card in scene.cards:
            assert not (box.x < card.x + card.width and card.x < box.x + box.width and
                        box.y < card.y + card.height and card.y < box.y + box.height), f"label over {card.id}"
        for other in boxes[i + 1 :]:
            assert not (box.x < other.x + other.width and other.x < box.x + box.width and
                        box.y < other.y + other.height and other.y < box.y + box.height), "labels overlap"


def test_evidence_sits_above_its_steps_customer_action():
    blueprint = check_file(EXAMPLES[0].parent / "deposit.bp").blueprint
    scene = layout(blueprint)
    for step in ("enter", "ticket", "confirm"):
        evidence = [c for c in scene.cards if c.kind == "evidence" and c.step == step]
        customer = [c for c in scene.cards if c.lane == "customer" and c.step == step]
        assert evidence and customer
        assert all(e.x == customer[0].x and e.y + e.height < customer[0].y for e in evidence)


def test_crossings_are_recorded():
    blueprint = check_file(EXAMPLES[0].parent / "deposit.bp").blueprint
    arrows = {(a.source, a.target): a for a in layout(blueprint).arrows}
    assert arrows[("hand", "count")].crosses == ("interaction",)
    assert arrows[("kiosk", "qms")].crosses == ("visibility", "internal")


def test_unbreakable_and_cjk_labels_stay_inside_their_cards():
    long_word = "x" * 200
    text = (
        'blueprint "Edge cases"\nstep s "' + long_word + '"\n'
        f'  customer c "{long_word}"\n'
        '  onstage o "柜员点钞、核对存折并在核心系统记账，然后打印回单交给客户签字确认，整个过程需要十分钟左右"\n'
        '  backstage b "Mixed 中文 and English text with a URL https://example.com/a/very/long/path/that/never/ends"\n'
        '    fail "x" severity high\n    fail "y"\n    wait 1h30min..2h45min\n    wait 5min\n    wait 10min\n'
        '  c -> o -> b\n'
    )
    result = check_text(text)
    assert result.ok
    assert_sound(layout(result.blueprint), result.blueprint)


LANES = ["customer", "onstage", "backstage", "support"]
WORDS = st.sampled_from(["Teller", "counts", "the", "cash", "柜员", "核对存折", "approval", "W" * 30, "—", "(A/B/D)"])


@st.composite
def blueprints(draw):
    steps = draw(st.integers(1, 6))
    lines = ['blueprint "Generated"', "max-wait 10min"]
    ids: list[str] = []
    for s in range(steps):
        lines.append(f'step s{s} "{" ".join(draw(st.lists(WORDS, min_size=1, max_size=6)))}"')
        for e in range(draw(st.integers(0, 2))):
            lines.append(f'  evidence "{" ".join(draw(st.lists(WORDS, min_size=1, max_size=8)))}"')
        for a in range(draw(st.integers(1, 6))):
            ident = f"a{s}_{a}"
            ids.append(ident)
            lane = draw(st.sampled_from(LANES))
            lines.append(f'  {lane} {ident} "{" ".join(draw(st.lists(WORDS, min_size=1, max_size=12)))}"')
            for _ in range(draw(st.integers(0, 2))):
                lines.append(f'    fail "f" severity {draw(st.sampled_from(["low", "medium", "high"]))}')
            for _ in range(draw(st.integers(0, 2))):
                lines.append(f"    wait {draw(st.sampled_from(['5min', '20min..45min', '1d']))}")
    drawn: set[tuple[str, str, str]] = set()
    for _ in range(draw(st.integers(0, 14))):
        source, target = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        arrow = draw(st.sampled_from(["->", "-->", "<->"]))
        key = (*sorted((source, target)), arrow) if arrow == "<->" else (source, target, arrow)
        if source != target and key not in drawn:  # a repeated flow is an error (BP212)
            drawn.add(key)
            label = draw(st.sampled_from(["", ' "end of day"', ' "审核结果"', ' "a rather long label on this flow"']))
            lines.append(f"{source} {arrow} {target}{label}")
    return "\n".join(lines) + "\n"


@pytest.mark.slow  # many generated files
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blueprints())
def test_generated_blueprints_lay_out_soundly(text):
    result = check_text(text)
    assert result.ok, result.diagnostics
    assert_sound(layout(result.blueprint), result.blueprint)


def test_layout_is_deterministic():
    blueprint = check_file(EXAMPLES[0].parent / "branch-visit-current.bp").blueprint
    assert scene_data(layout(blueprint)) == scene_data(layout(blueprint))
