"""What a practitioner adds to a blueprint, through every stage: controls
(policies, regulations and the checks they require)."""

from __future__ import annotations

import json

from blueprint.api import check_text, diff_results, export_result, format_text, import_model, render_result, stats_result
from blueprint.integrations.pygments_lexer import BlueprintLexer
from blueprint.layout import layout
from blueprint.render.text_version import outline, plain_text
from pygments.token import Error, Keyword

from blueprint.model.types import Impact, Severity

CONTROLS = '''blueprint "Account opening"
phase "Open"
step apply "Apply"
  control "Identity check under AML rules" ref "AML Law art. 16"
  customer fill "Fills in the form"
    control "Suitability check"
  onstage check "Checks ID"
  fill -> check
phase "Close"
step decide "Decide"
  evidence "Letter"
  control "Cooling-off period of 15 days"
  customer sign "Signs"
'''


def _checked(text: str = CONTROLS):
    result = check_text(text, "controls.bp")
    assert result.ok, result.diagnostics
    return result


def test_a_control_belongs_to_the_step_until_its_first_action_then_to_that_action():
    blueprint = _checked().blueprint
    apply, decide = blueprint.steps
    assert [(c.text, c.reference) for c in apply.controls] == [("Identity check under AML rules", "AML Law art. 16")]
    assert [c.text for c in apply.actions[0].controls] == ["Suitability check"]
    # Evidence is not an action: a control after it is still the step's.
    assert [c.text for c in decide.controls] == ["Cooling-off period of 15 days"]
    numbered = [(step.id, action.id if action else None) for step, action, _ in blueprint.controls()]
    assert numbered == [("apply", None), ("apply", "fill"), ("decide", None)]


def test_a_control_with_no_step_above_it_is_reported():
    before = check_text('blueprint "T"\ncontrol "Dual control"\nstep s "S"\n  customer a "A"\n')
    under_phase = check_text('blueprint "T"\nphase "P"\n  control "Dual control"\nstep s "S"\n  customer a "A"\n')
    assert [d.code for d in before.diagnostics] == ["BP118"]
    assert "before the first step" in before.diagnostics[0].message
    assert [d.code for d in under_phase.diagnostics] == ["BP118"]
    assert "right under a phase" in under_phase.diagnostics[0].message


def test_the_same_control_twice_in_one_place_is_reported_but_not_in_two_places():
    text = ('blueprint "T"\nstep s "S"\n  control "Dual control"\n  customer a "A"\n    control "Dual control"\n'
            '    control "dual  CONTROL"\n')
    found = check_text(text).diagnostics
    assert [(d.code, d.span.line) for d in found] == [("BP220", 6)]
    assert "line 5" in found[0].message


def test_fmt_indents_a_control_by_what_it_belongs_to():
    flat = "\n".join(line.strip() for line in CONTROLS.splitlines()) + "\n"
    assert format_text(flat).text == CONTROLS.replace('phase "', '\nphase "').replace('step ', '\nstep ').lstrip()


def test_controls_survive_export_and_import():
    result = _checked()
    imported = import_model(export_result(result).encode(), source_name="model.json", output_name="out.bp")
    assert imported.ok, imported.problems
    back = check_text(imported.text, "out.bp")
    assert back.blueprint.controls() and [c.text for _, _, c in back.blueprint.controls()] == [
        c.text for _, _, c in result.blueprint.controls()]
    assert 'control "Identity check under AML rules" ref "AML Law art. 16"' in imported.text


def test_stats_counts_controls_per_phase():
    stats = stats_result(_checked())
    assert stats.controls == 3
    assert [(phase.name, phase.controls) for phase in stats.per_phase] == [("Open", 2), ("Close", 1)]


def test_diff_lists_a_control_added_removed_or_given_a_reference():
    old = _checked()
    new = _checked(CONTROLS.replace('"Suitability check"', '"Suitability check" ref "MiFID II"'))
    changes = diff_results(old, new).actions.changed
    assert [(c.field, c.old, c.new) for change in changes for c in change.changes] == [
        ("control", '"Suitability check"', None), ("control", None, '"Suitability check" ref "MiFID II"')]


def test_the_drawing_numbers_controls_marks_their_cards_and_lists_them_in_a_row():
    scene = layout(_checked().blueprint)
    assert [(c.number, c.step, c.action) for c in scene.control_list] == [
        (1, "apply", None), (2, "apply", "fill"), (3, "decide", None)]
    fill = next(card for card in scene.cards if card.id == "fill")
    assert [(m.kind, m.label.content) for m in fill.markers] == [("control", "C2")]
    assert [row.kind for row in scene.rows] == ["controls"]
    row = scene.rows[0]
    support = next(band for band in scene.lanes if band.lane == "support")
    assert row.y >= support.y + support.height
    in_row = [m.label.content for m in scene.markers if row.y <= m.y <= row.y + row.height]
    assert in_row == ["C1", "C2", "C3"]
    text = plain_text(outline(scene), scene.lang)
    assert "Control C1: Identity check under AML rules · under AML Law art. 16." in text
    assert "Control C2: Suitability check." in text


def test_a_drawing_without_controls_has_no_row_and_no_control_styles():
    plain = _checked('blueprint "T"\nstep s "S"\n  customer a "A"\n')
    scene = layout(plain.blueprint)
    assert scene.rows == () and scene.control_list == ()
    assert b"mark-control" not in render_result(plain, "svg")
    assert b"mark-control" in render_result(_checked(), "svg")


def test_dot_carries_the_controls_row_and_the_card_marks():
    dot = render_result(_checked(), "dot").decode()
    assert "C1 Identity check under AML\\nrules (AML Law art. 16)" in dot
    assert 'id="row:controls"' in dot
    assert "Fills in the form\\nC2" in dot


def test_the_lexer_knows_control_and_its_reference():
    tokens = list(BlueprintLexer().get_tokens('  control "Dual control" ref "Rule 3"\n'))
    assert [value for kind, value in tokens if kind in Keyword] == ["control", "ref"]


def test_the_model_document_schema_describes_controls():
    from blueprint.api import model_schema

    schema = json.loads(model_schema()) if isinstance(model_schema(), str) else model_schema()
    assert "Control" in json.dumps(schema)


# --- emotion -------------------------------------------------------------------------
EMOTION = '''blueprint "Account opening"

step arrive "Arrive"
  emotion neutral
  customer come "Comes to the branch"

step queue "Queue"
  emotion -2 "Annoyed by the queue"
  customer waits "Waits for a number"

step gap "Gap"
  customer leave "Leaves"

step done "Done"
  customer use "Uses the card"
  emotion +2
'''


def test_emotion_is_a_score_or_a_word_of_the_scale_and_belongs_to_the_step():
    steps = _checked(EMOTION).blueprint.steps
    assert [(s.emotion.score, s.emotion.word, s.emotion.note) if s.emotion else None for s in steps] == [
        (0, "neutral", None), (-2, None, "Annoyed by the queue"), None, (2, None, None)]


def test_an_emotion_beyond_the_scale_a_word_off_it_or_a_second_one_is_reported():
    found = check_text(EMOTION.replace("emotion -2", "emotion -3").replace("emotion neutral", "emotion nuetral")
                       + '  emotion 1\n').diagnostics
    assert [(d.code, d.span.line) for d in found] == [("BP107", 4), ("BP221", 8), ("BP211", 17)]
    assert found[0].hint == "did you mean 'neutral'?"


def test_emotion_round_trips_through_fmt_export_and_diff():
    result = _checked(EMOTION)
    assert format_text(EMOTION).text == EMOTION.replace("  customer use \"Uses the card\"\n  emotion +2\n",
                                                        "  customer use \"Uses the card\"\n  emotion +2\n")
    imported = import_model(export_result(result).encode(), source_name="model.json", output_name="out.bp")
    assert imported.ok and "  emotion -2 \"Annoyed by the queue\"\n" in imported.text
    assert [s.emotion for s in check_text(imported.text).blueprint.steps][1].score == -2
    changed = diff_results(result, _checked(EMOTION.replace("emotion -2", "emotion -1"))).steps.changed
    assert [(c.id, [(f.field, f.old, f.new) for f in c.changes]) for c in changed] == [
        ("queue", [("emotion", '-2 "Annoyed by the queue"', '-1 "Annoyed by the queue"')])]


def test_the_emotion_row_stands_over_the_lanes_with_a_dot_per_step_that_says():
    scene = layout(_checked(EMOTION).blueprint)
    (row,) = scene.rows
    assert row.kind == "emotion"
    assert row.y + row.height <= min(band.y for band in scene.lanes)
    dots = sorted((r for r in scene.rects if r.role.startswith("emotion-dot")), key=lambda r: r.x)
    assert [r.role for r in dots] == ["emotion-dot-high", "emotion-dot-low", "emotion-dot-high"]
    neutral, low, high = (dot.y for dot in dots)
    assert high < neutral < low  # +2 above 0 above -2
    # No curve across the step that says nothing: one segment, arrive to queue.
    assert len([rule for rule in scene.rules if rule.role == "emotion-curve"]) == 1
    text = plain_text(outline(scene), scene.lang)
    assert "Customer emotion: -2 frustrated · Annoyed by the queue." in text
    assert "−2 frustrated · Annoyed by the queue" in " ".join(t.content for t in scene.texts)


def test_a_drawing_without_emotion_keeps_its_lanes_where_they_were():
    plain = layout(_checked().blueprint)
    assert "emotion" not in [row.kind for row in plain.rows]
    without = layout(_checked(EMOTION.replace("  emotion neutral\n", "").replace(
        '  emotion -2 "Annoyed by the queue"\n', "").replace("  emotion +2\n", "")).blueprint)
    assert min(band.y for band in without.lanes) < min(band.y for band in layout(_checked(EMOTION).blueprint).lanes)


def test_the_lexer_reads_an_emotion_score_and_word():
    tokens = [(kind, value) for kind, value in BlueprintLexer().get_tokens("  emotion -1\n  emotion annoyed\n")
              if value.strip()]
    assert [value for _, value in tokens] == ["emotion", "-1", "emotion", "annoyed"]
    assert all(kind not in Error for kind, _ in tokens)


# --- metrics -------------------------------------------------------------------------
METRICS = '''blueprint "Account opening"

phase "Apply"
  metric "Applications per day" 1,200

step arrive "Arrive"
  metric "Abandon rate" 12 "%"
  customer come "Comes to the branch"

step queue "Queue"
  customer waits "Waits for a number"
  metric "NPS" -12
'''


def test_a_metric_is_the_phases_right_under_it_else_the_steps():
    blueprint = _checked(METRICS).blueprint
    assert [(m.name, m.value, m.text, m.unit) for m in blueprint.phases[0].metrics] == [
        ("Applications per day", 1200.0, "1,200", None)]
    assert [(m.name, m.value, m.unit) for step in blueprint.steps for m in step.metrics] == [
        ("Abandon rate", 12.0, "%"), ("NPS", -12.0, None)]


def test_a_metric_without_a_number_a_bad_number_or_twice_is_reported():
    text = METRICS + '  metric "Time"\n  metric "nps" 3\n  metric "Volume" 1,,2\n'
    assert sorted((d.code, d.span.line) for d in check_text(text).diagnostics) == [
        ("BP119", 15), ("BP222", 13), ("BP223", 14)]
    before = check_text('blueprint "T"\nmetric "Volume" 3\nstep s "S"\n  customer a "A"\n').diagnostics
    assert [d.code for d in before] == ["BP118"] and "a phase or a step" in before[0].message


def test_metrics_round_trip_and_are_compared():
    result = _checked(METRICS)
    assert format_text(METRICS).text == METRICS.replace('  customer waits "Waits for a number"\n  metric "NPS" -12\n',
                                                        '  customer waits "Waits for a number"\n  metric "NPS" -12\n')
    imported = import_model(export_result(result).encode(), source_name="model.json", output_name="out.bp")
    assert imported.ok and 'phase "Apply"\n  metric "Applications per day" 1,200\n' in imported.text
    new = _checked(METRICS.replace("12 \"%\"", "9 \"%\"").replace("1,200", "1,500"))
    diff = diff_results(result, new)
    assert [(f.field, f.old, f.new) for f in diff.blueprint_changes] == [
        ("phase metric", 'Apply: "Applications per day" 1,200', None),
        ("phase metric", None, 'Apply: "Applications per day" 1,500')]
    assert [f.new for change in diff.steps.changed for f in change.changes] == [None, '"Abandon rate" 9 "%"']


def test_the_metrics_row_shows_each_value_with_its_unit_under_its_step_and_phase():
    scene = layout(_checked(METRICS).blueprint)
    assert [row.kind for row in scene.rows] == ["metrics"]
    assert [(m.phase, m.step, m.name, m.value) for m in scene.metrics] == [
        ("Apply", None, "Applications per day", "1,200"), (None, "arrive", "Abandon rate", "12%"),
        (None, "queue", "NPS", "-12")]
    drawn = [t.content for t in scene.texts if t.role == "metric-value"]
    assert drawn == ["1,200", "12%", "-12"]
    text = plain_text(outline(scene), scene.lang)
    assert "Phase: Apply.\n  Metric: Applications per day 1,200." in text
    assert "Metric: Abandon rate 12%." in text


# --- research notes --------------------------------------------------------------------
NOTES = '''blueprint "Account opening"

phase "Apply"

step apply "Apply"
  pain "Form asks for the same data twice" severity high
  idea "Pre-fill from the app" impact high
  customer fill "Fills in the form"
    question "Does the branch keep a copy?"
    opportunity "Offer an appointment by SMS"
  onstage check "Checks ID"
  fill -> check
'''


def test_research_notes_belong_to_the_step_or_the_action_above_them():
    blueprint = _checked(NOTES).blueprint
    step = blueprint.steps[0]
    assert [(n.kind.value, n.severity, n.impact) for n in step.research] == [
        ("pain", Severity.HIGH, None), ("idea", None, Impact.HIGH)]
    assert [n.kind.value for n in step.actions[0].research] == ["question", "opportunity"]


def test_a_repeated_note_a_rating_off_the_scale_and_a_frustration_with_no_pain_are_reported():
    twice = NOTES.replace('  onstage check', '    question "does the branch keep a  copy?"\n  onstage check')
    assert [(d.code, d.span.line) for d in check_text(twice).diagnostics] == [("BP224", 11)]
    assert [d.code for d in check_text(NOTES.replace("impact high", "impact huge")).diagnostics] == ["BP107"]
    low = check_text('blueprint "T"\nstep s "S"\n  emotion -2\n  customer a "A"\n').diagnostics
    assert [(d.code, d.level.value) for d in low] == [("BP310", "warning")]


def test_research_notes_round_trip_are_compared_and_counted():
    result = _checked(NOTES)
    assert format_text(NOTES).text == NOTES
    imported = import_model(export_result(result).encode(), source_name="model.json", output_name="out.bp")
    assert imported.ok and '    opportunity "Offer an appointment by SMS"\n' in imported.text
    new = _checked(NOTES.replace("severity high", "severity medium"))
    changes = [(f.field, f.old, f.new) for c in diff_results(result, new).steps.changed for f in c.changes]
    assert changes == [("research note", 'pain "Form asks for the same data twice" severity high', None),
                       ("research note", None, 'pain "Form asks for the same data twice" severity medium')]
    stats = stats_result(result)
    assert stats.research_notes == {"pain": 1, "idea": 1, "opportunity": 1, "question": 1}
    assert stats.pain_points_by_severity == {"high": 1, "medium": 0, "low": 0, "unspecified": 0}


def test_research_notes_are_stickies_in_their_own_row_and_in_the_text_version():
    scene = layout(_checked(NOTES).blueprint)
    assert [row.kind for row in scene.rows] == ["notes"]
    sheets = [rect.role for rect in scene.rects if rect.role.startswith("note-")]
    assert sheets == ["note-pain", "note-idea", "note-question", "note-opportunity"]
    headings = [t.content for t in scene.texts if t.role == "note-kind"]
    assert headings[0] == "PAIN POINT · severity: high"
    text = plain_text(outline(scene), scene.lang)
    assert "Step 1 of 1: Apply.\n    Pain point (severity: high): Form asks for the same data twice." in text
    assert "Fills in the form.\n        Question: Does the branch keep a copy?" in text


def test_the_lexer_reads_a_research_notes_rating():
    tokens = [(kind, value) for kind, value in BlueprintLexer().get_tokens('  idea "x" impact high\n') if value.strip()]
    assert [value for kind, value in tokens if kind in Keyword] == ["idea", "impact"]
    assert all(kind not in Error for kind, _ in tokens)


# --- confidence ------------------------------------------------------------------------
CONFIDENCE = '''blueprint "Account opening"

step apply "Apply"
  customer fill "Fills in the form"
    confidence observed
  onstage check "Checks ID"
    confidence assumed
  backstage score "Scores the risk"
  fill -> check -> score
'''


def test_confidence_is_an_actions_and_a_future_state_defaults_to_proposed():
    current = _checked(CONFIDENCE).blueprint
    assert [current.confidence_of(a).value for a in current.actions()] == ["observed", "assumed", "observed"]
    future = _checked(CONFIDENCE.replace('blueprint "Account opening"\n', 'blueprint "A"\nstate future\n')).blueprint
    assert [future.confidence_of(a).value for a in future.actions()] == ["observed", "assumed", "proposed"]


def test_confidence_round_trips_and_is_compared():
    result = _checked(CONFIDENCE)
    assert format_text(CONFIDENCE).text == CONFIDENCE
    imported = import_model(export_result(result).encode(), source_name="model.json", output_name="out.bp")
    assert imported.ok and "    confidence assumed\n" in imported.text
    new = _checked(CONFIDENCE.replace("confidence assumed", "confidence observed"))
    assert [(f.field, f.old, f.new) for c in diff_results(result, new).actions.changed for f in c.changes] == [
        ("confidence", "assumed", "observed")]


def test_confidence_is_drawn_only_in_a_blueprint_that_says_it_and_explained_in_the_legend():
    scene = layout(_checked(CONFIDENCE).blueprint)
    assert [card.confidence for card in scene.cards] == ["observed", "assumed", "observed"]
    assert {r.role for r in scene.rects if r.role.startswith("legend-confidence")} == {
        "legend-confidence-observed", "legend-confidence-assumed"}
    svg = render_result(_checked(CONFIDENCE), "svg").decode()
    assert "confidence-assumed" in svg and ".confidence-assumed .card-frame" in svg
    plain = layout(_checked('blueprint "T"\nstate future\nstep s "S"\n  customer a "A"\n').blueprint)
    assert [card.confidence for card in plain.cards] == [None]
    assert "Confidence: assumed." in plain_text(outline(scene), scene.lang)


# --- all of them in one drawing ------------------------------------------------------------
def test_the_rows_stack_without_overlap_and_their_content_stays_inside_them():
    text = (EMOTION.replace('blueprint "Account opening"\n', 'blueprint "All"\n')
            + '  metric "NPS" 30\n  control "Dual control" ref "Rule 7"\n  pain "Card arrives late" severity low\n'
            + '  idea "Send the card number to the app at once" impact high\n')
    scene = layout(_checked(text).blueprint)
    bands = sorted([(row.y, row.y + row.height) for row in scene.rows]
                   + [(lane.y, lane.y + lane.height) for lane in scene.lanes])
    assert all(bottom <= next_top for (_, bottom), (next_top, _) in zip(bands, bands[1:]))
    assert [row.kind for row in scene.rows] == ["emotion", "metrics", "controls", "notes"]
    legend_top = min(t.y for t in scene.texts if t.role == "legend-text")
    assert max(bottom for _, bottom in bands) < legend_top
    for row in scene.rows:
        inside = [t for t in scene.texts if row.y <= t.y <= row.y + row.height]
        assert inside and all(t.y <= row.y + row.height for t in inside)
    sheets = sorted((r for r in scene.rects if r.role.startswith("note-")), key=lambda r: (r.x, r.y))
    assert all(a.x != b.x or a.y + a.height <= b.y for a, b in zip(sheets, sheets[1:]))
