"""Scenarios in the model: `scenario` declarations, `only` attached to the
step, action or flow line above it, and one scenario's projection."""

from __future__ import annotations

from blueprint.api import check_text
from blueprint.model.build import build
from blueprint.model.projection import memberships, project, scenarios_of
from blueprint.parse.decode import decode
from blueprint.parse.parser import parse

TEXT = '''blueprint "Account"
scenario walk-in "Walk-in at a branch"
scenario online "Online application" segment "Salaried customers"
scenario 缺件 "Documents missing"

step submit "Submit documents"
  evidence "Form"
  customer hand "Hands over the documents"
    only walk-in, 缺件
  customer upload "Uploads the documents"
    only online
  onstage check "Checks the documents"
  hand -> check "checks" -> upload
    only walk-in

step back "Come back"
  only 缺件
  customer return "Comes back with the papers"
  check -> return
'''


def built(text: str):
    source, _ = decode("t.bp", text.encode())
    return build("t.bp", parse(source).statements)


def test_only_marks_the_step_action_or_flow_line_above_it():
    blueprint, problems = built(TEXT)
    assert problems == []
    assert [(s.id, s.label, s.segment) for s in blueprint.scenarios] == [
        ("walk-in", "Walk-in at a branch", None), ("online", "Online application", "Salaried customers"),
        ("缺件", "Documents missing", None)]
    submit, back = blueprint.steps
    assert submit.scenarios == () and back.scenarios == ("缺件",)
    assert [(a.id, a.scenarios) for a in blueprint.actions()] == [
        ("hand", ("walk-in", "缺件")), ("upload", ("online",)), ("check", ()), ("return", ())]
    # Every arrow of the flow line, and no other flow.
    assert [(f.source, f.target, f.scenarios) for f in blueprint.flows] == [
        ("hand", "check", ("walk-in",)), ("check", "upload", ("walk-in",)), ("check", "return", ())]
    assert [span.line for span in blueprint.flows[0].scenario_spans] == [14]


def test_a_second_only_is_a_repeated_attribute():
    text = TEXT.replace('    only online\n', '    only online\n    only walk-in\n')
    text = text.replace('    only walk-in\n\n', '    only walk-in\n    only online\n\n')
    _, problems = built(text)
    assert [(d.code, d.span.line) for d in problems] == [("BP211", 16)]
    assert "flow line on line 14" in problems[0].message
    result = check_text(text, "t.bp")
    assert sorted(d.span.line for d in result.diagnostics if d.code == "BP211") == [12, 16]


def test_only_before_any_step_is_misplaced():
    result = check_text('blueprint "T"\nscenario a "A"\nonly a\nstep s "S"\n  customer c "C"\n', "t.bp")
    assert [d.code for d in result.diagnostics if d.is_error] == ["BP106"]


def test_a_scenarios_projection_keeps_its_parts_and_the_flows_between_them():
    blueprint, _ = built(TEXT)
    online = project(blueprint, "online")
    assert [s.id for s in online.steps] == ["submit"]
    assert [a.id for a in online.actions()] == ["upload", "check"]
    assert online.flows == ()  # check -> upload is marked walk-in only
    walk_in = project(blueprint, "walk-in")
    assert [a.id for a in walk_in.actions()] == ["hand", "check"]
    assert [(f.source, f.target) for f in walk_in.flows] == [("hand", "check")]  # upload is not in walk-in
    missing = project(blueprint, "缺件")
    assert [(f.source, f.target) for f in missing.flows] == [("check", "return")]


def test_an_actions_scenarios_are_its_steps_and_its_own():
    blueprint, _ = built(TEXT.replace('  customer return "Comes back with the papers"\n',
                                      '  customer return "Comes back with the papers"\n    only online, 缺件\n'))
    assert memberships(blueprint)["return"] == ("缺件",)
    assert scenarios_of(blueprint, blueprint.steps[0]) == ("walk-in", "online", "缺件")
