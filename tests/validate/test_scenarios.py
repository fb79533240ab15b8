"""Every scenario checked as its own blueprint: a finding only a scenario has
names it, in every language; one the whole blueprint has is not repeated;
findings a dropped line may cause wait until it is fixed."""

from __future__ import annotations

from blueprint.api import check_text

from .scenario_cases import EVIDENCE, HEAD


def test_a_finding_of_the_whole_blueprint_is_not_repeated_per_scenario():
    text = HEAD + 'step s "S"\n' + EVIDENCE + '  customer c "C"\n    only walk, web\nstep t "T"\n'
    found = [(d.code, d.message) for d in check_text(text, "t.bp").diagnostics if d.code == "BP205"]
    assert found == [("BP205", "found the step 't' with no action")]


def test_a_finding_in_several_scenarios_names_them_all_in_every_language():
    text = (HEAD.replace('scenario web "Online"\n', 'scenario web "Online"\nscenario post "By post"\n')
            + 'step s "S"\n' + EVIDENCE + '  customer c "C"\n    only walk\n  onstage o "O"\n    only walk\n  c -> o\n'
            'step t "T"\n' + EVIDENCE + '  customer d "D"\n    only walk, web, post\n  onstage p "P"\n  d -> p\n')
    (finding,) = [d for d in check_text(text, "t.bp").diagnostics if d.code == "BP205"]
    assert finding.message == "in scenario 'web' and 'post': found the step 's' with no action"
    assert finding.localized("zh").message == "在场景“web”和“post”中：步骤“s”没有行为"
    assert finding.localized("zh-Hant").message == "在情境「web」和「post」中：步驟「s」沒有行為"


def test_findings_a_dropped_line_may_cause_wait_until_it_is_fixed():
    text = ('blueprint "T"\nscenario walk "Walk-in\nscenario web "Online"\nstep s "S"\n' + EVIDENCE
            + '  customer c "C"\n    only walk\n  onstage o "O"\n  c -> o\n    only web\n')
    assert [d.code for d in check_text(text, "t.bp").diagnostics] == ["BP102"]


def test_a_blueprint_without_scenarios_gets_no_scenario_findings():
    text = 'blueprint "T"\nstep s "S"\n' + EVIDENCE + '  customer c "C"\n  onstage o "O"\n  c -> o\n'
    assert check_text(text, "t.bp").diagnostics == ()
