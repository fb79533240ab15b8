"""The quality measure counts what it says, on scenes built by hand."""

from __future__ import annotations

from blueprint.scene import Arrow, Card, Column, Point, RecoveryTag, Rect, Rule, Scene, Text, TextSpan

from .quality import measure


def _arrow(name, points, label_box=None, kind="handoff"):
    return Arrow(id=name, source="a", target="b", kind=kind, points=tuple(Point(x=x, y=y) for x, y in points),
                 label_box=label_box)


def _scene(arrows=(), cards=(), rules=(), columns=()):
    return Scene(width=1000, height=1000, title="", description="", lang="en", font_family="sans",
                 arrows=tuple(arrows), cards=tuple(cards), rules=tuple(rules), columns=tuple(columns))


def _card(name, x, y, width=100, height=40):
    return Card(id=name, kind="action", lane="customer", step="s", x=x, y=y, width=width, height=height, label="",
                lines=())


def test_parallel_flows_nearer_than_ten_px_are_counted_and_merged_ones_are_not():
    near = _scene([_arrow("f1", [(0, 0), (0, 100)]), _arrow("f2", [(6, 0), (6, 100)])])
    apart = _scene([_arrow("f1", [(0, 0), (0, 100)]), _arrow("f2", [(12, 0), (12, 100)])])
    merged = _scene([_arrow("f1", [(-20, 50), (0, 50), (0, 100)]), _arrow("f2", [(20, 40), (0, 40), (0, 100)])])
    assert measure(near).close_parallel == 1 and measure(near).widest_bundle == 2
    assert measure(apart).close_parallel == 0
    assert measure(merged).close_parallel == 0


def test_crossings_cards_and_lane_lines():
    scene = _scene(
        [_arrow("f1", [(0, 50), (200, 50)]), _arrow("f2", [(100, 0), (100, 100)]),
         _arrow("f3", [(300, 203), (500, 203)])],
        cards=[_card("c", 150, 30)],
        rules=[Rule(role="line-visibility", x1=0, y1=200, x2=900, y2=200)],
    )
    quality = measure(scene)
    assert quality.crossings == 1
    assert quality.through_cards == 1
    assert quality.hugging == 200


def test_labels_on_lines_cards_other_flows_or_heads_are_counted():
    line = Rule(role="line-interaction", x1=0, y1=300, x2=900, y2=300)
    free = _arrow("f1", [(0, 100), (400, 100)], Rect(role="arrow-label-box", x=150, y=92, width=60, height=16))
    on_line = _arrow("f2", [(0, 300), (400, 300)], Rect(role="arrow-label-box", x=150, y=292, width=60, height=16))
    on_head = _arrow("f3", [(0, 500), (400, 500)], Rect(role="arrow-label-box", x=360, y=492, width=60, height=16))
    assert measure(_scene([free], rules=[line])).labels_touching == 0
    assert measure(_scene([on_line], rules=[line])).labels_touching == 1
    assert measure(_scene([on_head])).labels_touching == 1


def test_gutter_spread():
    columns = [Column(step=f"s{i}", label="", phase=None, x=x, width=100) for i, x in enumerate((0, 140, 320))]
    assert measure(_scene(columns=columns)).gutter_spread == 40


def test_a_label_nearer_another_flow_than_its_own_is_ambiguous():
    box = Rect(role="arrow-label-box", x=150, y=92, width=60, height=16)
    own = _arrow("f1", [(0, 100), (400, 100)], box)
    near = _arrow("f2", [(180, 40), (180, 80)])  # ends 12 px above the label
    far = _arrow("f2", [(180, 0), (180, 40)])  # ends 52 px above it
    assert measure(_scene([own, near])).labels_ambiguous == 1
    assert measure(_scene([own, far])).labels_ambiguous == 0


def test_a_leader_joins_a_label_to_its_flow_and_must_not_cross_another():
    box = Rect(role="arrow-label-box", x=150, y=40, width=60, height=16)
    leader = Rule(role="arrow-label-leader", x1=180, y1=100, x2=180, y2=56)
    own = Arrow(id="f1", source="a", target="b", kind="handoff", points=(Point(x=0, y=100), Point(x=400, y=100)),
                label_box=box, label_leader=leader)
    crossing = _arrow("f2", [(100, 80), (300, 80)])
    assert measure(_scene([own])).labels_ambiguous == 0
    assert measure(_scene([own])).labels_touching == 0
    assert measure(_scene([own, crossing])).labels_touching == 1


def _tag(card, x, y, width=60, height=14):
    label = Text(role="recovery-text", y=y + 10, size=11, bold=True, spans=(TextSpan(x=x + 5, text="recovery F1"),))
    return RecoveryTag(number=1, fail_action="a", action=card, x=x, y=y, width=width, height=height, label=label)


def test_a_recovery_tag_on_its_cards_last_line_is_counted_and_one_below_it_is_not():
    line = Text(role="card-text", y=30, size=12, spans=(TextSpan(x=9, text="Teller explains the notice"),))
    card = Card(id="c", kind="action", lane="customer", step="s", x=0, y=0, width=172, height=40, label="",
                lines=(line,))
    on_text = Scene(width=1000, height=1000, title="", description="", lang="en", font_family="sans",
                    cards=(card,), recoveries=(_tag("c", 100, 31),))
    below = Scene(width=1000, height=1000, title="", description="", lang="en", font_family="sans",
                  cards=(card,), recoveries=(_tag("c", 100, 35),))
    crossed = Scene(width=1000, height=1000, title="", description="", lang="en", font_family="sans",
                    cards=(card,), recoveries=(_tag("c", 100, 35),), arrows=(_arrow("f1", [(130, 0), (130, 100)]),))
    assert measure(on_text).tags_touching == 1
    assert measure(below).tags_touching == 0
    assert measure(crossed).tags_touching == 1
