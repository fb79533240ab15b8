"""The legend is a key to the drawing it stands under: it explains every mark
the drawing uses, and only those, with samples no one can take for real ones."""

from __future__ import annotations

import re

import pytest

from blueprint.api import check_file, check_text
from blueprint.layout import layout
from blueprint.layout.measure import FontMetricsMeasurer
from blueprint.scene import Scene
from blueprint.vocabulary import Language
from blueprint.words import WORDS

from ..conftest import EXAMPLES

MEASURER = FontMetricsMeasurer()


def scene_of(text: str) -> Scene:
    result = check_text(text)
    assert result.ok, result.diagnostics
    return layout(result.blueprint)


def legend_words(scene: Scene) -> list[str]:
    return [text.content for text in scene.texts if text.role == "legend-text"]


def legend_samples(scene: Scene):
    """The legend's sample badges: markers that belong to no action (nor to a key step) and stand in no
    row under the lanes."""
    rows = [(row.y, row.y + row.height) for row in scene.rows]
    return [marker for marker in scene.markers if marker.action is None and marker.step is None
            and not any(top <= marker.y <= bottom for top, bottom in rows)]


BASE = """\
blueprint "Key"
max-wait 10min
step s "Step"
  customer a "Asks"
  onstage b "Answers"
  a -> b
"""


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_legend_samples_carry_no_number(path) -> None:
    scene = layout(check_file(path).blueprint)
    samples = legend_samples(scene)
    assert samples, "every example has fail or wait points"
    for sample in samples:
        if sample.kind == "channel":  # the word for a channel, never one of the drawing's channels
            assert sample.label.content == WORDS[Language(scene.lang)]["channel"], sample.label.content
        elif sample.kind == "scenario":  # a scenario's own tag, which the legend spells out
            assert sample.label.content in {entry.tag for entry in scene.scenarios}, sample.label.content
        else:
            assert re.fullmatch(r"[FWCK]", sample.label.content), sample.label.content


def test_only_the_severities_drawn_are_explained() -> None:
    scene = scene_of(BASE.replace('"Asks"', '"Asks"\n    fail "Lost" severity medium\n    fail "Late"'))
    words = legend_words(scene)
    assert "Fail point, medium severity" in words
    assert "Fail point, severity not rated" in words
    assert not any("high severity" in word or "low severity" in word for word in words)
    assert sorted(sample.severity for sample in legend_samples(scene)) == ["low", "medium"]


def test_a_blueprint_without_fail_or_wait_points_has_no_badge_samples() -> None:
    scene = scene_of(BASE)
    assert legend_samples(scene) == []
    assert not any("Fail point" in word or "Wait" in word for word in legend_words(scene))


def test_wait_beyond_the_promise_is_explained_only_when_a_wait_breaks_it() -> None:
    kept = legend_words(scene_of(BASE.replace('"Asks"', '"Asks"\n    wait 5min')))
    assert "Wait point, with how long it lasts" in kept
    assert not any("beyond the promise" in word for word in kept)
    broken = scene_of(BASE.replace('"Asks"', '"Asks"\n    wait 20min'))
    assert "Wait beyond the promise (10min)" in legend_words(broken)
    # Every wait breaks the promise: no sample of a wait that keeps it.
    assert "Wait point, with how long it lasts" not in legend_words(broken)
    assert [sample.over_limit for sample in legend_samples(broken)] == [True]


def test_only_the_flow_kinds_drawn_are_explained() -> None:
    words = legend_words(scene_of(BASE))
    assert "Hand-off" in words
    assert "Deferred (asynchronous)" not in words and "Two-way agreement" not in words
    roles = {rule.role for rule in scene_of(BASE.replace("a -> b", "a --> b")).rules}
    assert "legend-arrow-deferred" in roles and "legend-arrow-handoff" not in roles


def test_recovery_tags_are_explained_when_the_drawing_has_them() -> None:
    recovered = BASE.replace('"Asks"', '"Asks"\n    fail "Asks the wrong desk" recover b')
    meaning = "This card puts right the fail point named"
    scene = scene_of(recovered)
    assert scene.recoveries, "the recovering card carries a tag"
    assert meaning in legend_words(scene)
    assert "recovery-shape" in {rect.role for rect in scene.rects}
    assert meaning not in legend_words(scene_of(BASE))
    unrecovered = scene_of(BASE.replace('"Asks"', '"Asks"\n    fail "Asks the wrong desk"'))
    assert meaning not in legend_words(unrecovered)


def test_linked_cards_are_explained_and_their_label_keeps_clear_of_the_mark() -> None:
    label = "Lobby manager stays at the door and greets every customer"
    scene = scene_of(BASE.replace('"Asks"', f'"{label}"\n    link "https://example.com/greeting"'))
    assert "Card with a web link" in legend_words(scene)
    assert "legend-card-link" in {rect.role for rect in scene.rects}
    assert "Card with a web link" not in legend_words(scene_of(BASE))
    card = next(card for card in scene.cards if card.id == "a")
    mark_left = card.x + card.width - 14  # where the SVG renderer draws the ↗
    for text in card.lines:
        end = text.spans[0].x + MEASURER.width(text.content, text.size, text.bold)
        assert end <= mark_left - 3, text.content


def test_chinese_legend_speaks_chinese() -> None:
    scene = layout(check_file(next(path for path in EXAMPLES if path.stem == "card-fraud-alert-zh")).blueprint)
    words = legend_words(scene)
    assert "失误点：严重程度高" in words and "带网页链接的卡片" in words
    assert not any(re.search("[A-Za-z]{3}", word) for word in words)
