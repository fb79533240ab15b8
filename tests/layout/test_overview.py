"""The overview drawing's layout (blueprint.layout.overview): a column per
phase, only key steps, each phase's fail and wait figures, and a page where
nothing spills out of its column or lies on something else."""

from __future__ import annotations

import pytest

from blueprint.api import check_file, check_text
from blueprint.layout import layout_overview
from blueprint.layout.measure import FontMetricsMeasurer
from blueprint.scene import Rect, Scene, Text

from ..conftest import EXAMPLES, ROOT

MEASURER = FontMetricsMeasurer()

KEYED = """blueprint "Open an account"
max-wait 2d
phase "Apply"
step ask "Ask at the counter"
  customer a "Asks about an account"
step form "Fill in the form"
  key "Where most customers give up"
  customer f "Fills in the form"
    fail "Form rejected for a missing field" severity low
    wait 3d "Form checked overnight"
  onstage t "Teller checks the form"
    fail "Wrong branch code" severity high
    wait 1d
phase "Decide"
step check "Checks"
  backstage c "Risk check"
    wait 4h
step sign "Sign"
  customer s "Signs the contract"
    key "The promise is made here"
phase "Use"
step pay "First payment"
  customer p "Pays the first bill"
"""


def _scene(text: str) -> Scene:
    result = check_text(text)
    assert result.ok, [d.message for d in result.errors]
    return layout_overview(result.blueprint)


def _contents(scene: Scene, role: str | None = None) -> list[str]:
    return [text.content for text in scene.texts if role is None or text.role == role]


def _columns(scene: Scene) -> list[Rect]:
    return [rect for rect in scene.rects if rect.role == "overview-column"]


def _right(text: Text) -> float:
    last = text.spans[-1]
    return last.x + MEASURER.width(last.text, text.size, text.bold)


def test_each_phase_is_a_column_in_order():
    scene = _scene(KEYED)
    assert [summary.label for summary in scene.overview] == ["Apply", "Decide", "Use"]
    columns = _columns(scene)
    assert len(columns) == 3
    assert [column.x for column in columns] == sorted(column.x for column in columns)
    assert len({(column.y, column.height, column.width) for column in columns}) == 1  # one grid, one height
    heads = [text for text in scene.texts if text.role == "phase-label" and text.bold]
    assert [text.content for text in heads] == ["Apply", "Decide", "Use"]


def test_only_key_steps_and_steps_holding_a_key_action_are_drawn():
    scene = _scene(KEYED)
    labels = _contents(scene, "overview-step-label")
    assert labels == ["Fill in the form", "Sign"]
    assert "Ask at the counter" not in _contents(scene) and "Checks" not in _contents(scene)
    reasons = " ".join(_contents(scene, "overview-reason"))
    assert "Where most customers give up" in reasons
    assert "Key action: Signs the contract · The promise is made here" in reasons
    assert sorted(marker.label.content for marker in scene.markers if marker.kind == "key" and marker.number) == [
        "K1", "K2"]


def test_a_phase_without_a_key_step_says_so():
    scene = _scene(KEYED)
    use = _columns(scene)[2]
    said = [text.content for text in scene.texts if text.spans[0].x >= use.x and text.role == "overview-note"]
    assert "No key step" in said


def test_figures_count_fails_and_waits_with_the_worst_and_the_longest():
    apply, decide, use = _scene(KEYED).overview
    assert (apply.fails, apply.worst, apply.waits, apply.longest, apply.beyond) == (2, "high", 2, "3d", 1)
    assert (decide.fails, decide.worst, decide.waits, decide.longest, decide.beyond) == (0, None, 1, "4h", 0)
    assert (use.fails, use.waits, use.longest) == (0, 0, None)
    assert apply.steps == ("Ask at the counter", "Fill in the form") and apply.key_steps == ("Fill in the form",)


def test_the_badges_show_the_worst_severity_and_a_wait_beyond_the_promise():
    scene = _scene(KEYED)
    counts = [marker for marker in scene.markers if marker.kind in ("fail", "wait") and marker.number == 0
              and marker.label.content.isdigit()]
    apply_fail, apply_wait, decide_wait = counts[:3]
    assert (apply_fail.label.content, apply_fail.severity) == ("2", "high")
    assert (apply_wait.label.content, apply_wait.over_limit) == ("2", True)
    assert (decide_wait.label.content, decide_wait.over_limit) == ("1", False)
    # Nothing to count is drawn quietly, not as a fail or wait badge: Decide has no fail point, Use neither.
    zeros = [rect for rect in scene.rects if rect.role == "overview-zero"]
    assert len(zeros) == 3 and _contents(scene, "overview-zero-text") == ["0", "0", "0"]
    assert "1 beyond the 2d promise" in " ".join(_contents(scene, "overview-note"))


def test_the_figures_of_every_column_start_at_the_same_height():
    scene = _scene(KEYED)
    fail_row = [marker.y for marker in scene.markers if marker.kind == "fail" and marker.label.content.isdigit()]
    fail_row += [rect.y for rect in scene.rects if rect.role == "overview-zero" and rect.radius > 4]
    assert len(fail_row) == 3 and len(set(fail_row)) == 1


def test_a_blueprint_without_key_steps_shows_every_step_and_says_why():
    scene = _scene(KEYED.replace('  key "Where most customers give up"\n', "").replace(
        '    key "The promise is made here"\n', ""))
    assert _contents(scene, "overview-step-label") == [
        "Ask at the counter", "Fill in the form", "Checks", "Sign", "First payment"]
    assert "No step is marked key: every step is shown" in _contents(scene, "description")


def test_a_long_phase_without_key_steps_lists_its_first_steps_and_counts_the_rest():
    steps = "".join(f'step s{n} "Step {n}"\n  customer a{n} "Does {n}"\n' for n in range(1, 13))
    scene = _scene(f'blueprint "Long"\nphase "All"\n{steps}')
    assert len(_contents(scene, "overview-step-label")) == 8
    assert "+ 4 more" in _contents(scene, "overview-note")


def test_steps_outside_any_phase_get_a_column_of_their_own():
    scene = _scene('blueprint "B"\nstep a "First"\n  customer x "X"\nphase "Later"\nstep b "Second"\n'
                   '  customer y "Y"\n')
    assert [summary.label for summary in scene.overview] == ["Steps outside a phase", "Later"]
    assert [summary.label for summary in _scene('blueprint "B"\nstep a "First"\n  customer x "X"\n').overview] == [
        "All steps"]


def test_the_lowest_emotion_of_a_phase_is_shown_when_the_blueprint_records_emotion():
    scene = layout_overview(check_file(ROOT / "examples" / "sme-account-opening.bp").blueprint)
    notes = _contents(scene, "overview-note")
    assert "Lowest emotion: −1 annoyed" in notes
    assert [summary.lowest_emotion for summary in scene.overview] == [0, -1, 2]
    assert not any("Lowest emotion" in text for text in _contents(_scene(KEYED)))


@pytest.mark.parametrize(("lang", "words"), [
    ("zh", ("失误点", "等待点", "关键作业环节", "概览", "无关键作业环节")),
    ("zh-Hant", ("失誤點", "等待點", "關鍵作業環節", "概覽", "無關鍵作業環節")),
])
def test_the_overview_speaks_the_language_of_the_file(lang, words):
    scene = _scene(KEYED.replace('blueprint "Open an account"\n', f'blueprint "开户"\nlang {lang}\n'))
    drawn = " ".join(_contents(scene))
    assert all(word in drawn for word in words), [word for word in words if word not in drawn]
    assert "Fail points" not in drawn and "Key steps" not in drawn


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_no_text_leaves_its_column_or_the_page(path):
    scene = layout_overview(check_file(path).blueprint)
    columns = _columns(scene)
    for text in scene.texts:
        left, right = text.spans[0].x, _right(text)
        assert 0 < left and right <= scene.width - 20, text.content
        inside = [column for column in columns if column.x <= left < column.x + column.width]
        if inside and inside[0].y < text.y < inside[0].y + inside[0].height:
            assert right <= inside[0].x + inside[0].width - 8, text.content
    legend = [text for text in scene.texts if text.role == "legend-text"]
    assert legend and min(text.y for text in legend) > max(column.y + column.height for column in columns)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_no_two_lines_of_text_overlap(path):
    scene = layout_overview(check_file(path).blueprint)
    boxes = [(text.spans[0].x, text.y - text.size * 0.8, _right(text), text.y + text.size * 0.2, text.content)
             for text in scene.texts]
    boxes += [(marker.x, marker.y, marker.x + marker.width, marker.y + marker.height, marker.label.content)
              for marker in scene.markers]
    for index, (x1, y1, x2, y2, what) in enumerate(boxes):
        for a1, b1, a2, b2, other in boxes[index + 1:]:
            assert x2 <= a1 or a2 <= x1 or y2 <= b1 or b2 <= y1, (what, other)


def test_the_description_sums_the_phases_up():
    scene = _scene(KEYED)
    assert scene.description == ("An overview of a service blueprint: 3 phases with 5 steps, 2 fail points and "
                                 "3 wait points.")


def test_a_phase_without_steps_still_has_its_column_and_an_empty_blueprint_one():
    scene = _scene('blueprint "B"\nphase "Now"\nstep a "A"\n  customer x "X"\nphase "Later"\n')
    assert [(summary.label, summary.steps) for summary in scene.overview] == [("Now", ("A",)), ("Later", ())]
    assert [(summary.label, summary.steps) for summary in _scene('blueprint "B"\n').overview] == [("All steps", ())]


def test_many_phases_go_on_in_rows_of_at_most_eight_evenly_filled():
    phases = "".join(f'phase "P{n}"\nstep s{n} "S{n}"\n  customer a{n} "A{n}"\n' for n in range(1, 11))
    scene = _scene(f'blueprint "Wide"\n{phases}')
    columns = _columns(scene)
    tops = sorted({column.y for column in columns})
    assert len(columns) == 10 and len(tops) == 2
    assert [sum(1 for column in columns if column.y == top) for top in tops] == [5, 5]
    first_row_bottom = max(column.y + column.height for column in columns if column.y == tops[0])
    assert tops[1] > first_row_bottom
    assert scene.width < 2 * 28 + 8 * 250  # no wider than a row of eight
