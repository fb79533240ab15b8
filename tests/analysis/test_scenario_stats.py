"""`stats` and `diff` per scenario: each scenario counted on its own, the
others compared with the main one, and one scenario counted or compared alone."""

from __future__ import annotations

import pytest

from blueprint.api import UnknownScenario, check_text, diff_results, stats_result
from blueprint.report.diff import format_diff
from blueprint.report.stats import format_stats

TEXT = '''blueprint "Account"
max-wait 1h
scenario walk-in "Walk-in at a branch"
scenario missing "Documents missing" segment "Walk-in customers"

step submit "Submit documents"
  evidence "Form"
  customer hand "Hands over the documents"
    wait 10min..20min "Queue"
  onstage check "Checks the documents"
    fail "Proof of address too old" severity high
  hand -> check
step back "Come back"
  only missing
  evidence "Checklist"
  customer return "Comes back with the papers"
    wait 1d..3d "Until the customer returns"
  onstage recheck "Checks them again"
  check -> return "papers missing" -> recheck
'''


def checked(text: str = TEXT):
    result = check_text(text, "t.bp")
    assert result.errors == [], result.errors
    return result


def test_each_scenario_is_counted_and_compared_with_the_main_one():
    walk_in, missing = stats_result(checked()).scenarios
    assert (walk_in.id, walk_in.main, walk_in.steps, walk_in.actions, walk_in.customer_contacts) == (
        "walk-in", True, 1, 2, 1)
    assert (walk_in.wait_points, walk_in.customer_wait.text, walk_in.exceeds_max_wait) == (1, "10min..20min", False)
    assert walk_in.compared_with_main is None
    assert (missing.steps, missing.actions, missing.customer_contacts, missing.fail_points) == (2, 4, 3, 1)
    assert missing.segment == "Walk-in customers" and missing.exceeds_max_wait is True
    compared = missing.compared_with_main
    assert (compared.steps, compared.actions, compared.customer_contacts, compared.wait_points) == (1, 2, 2, 1)
    assert (compared.wait_min_seconds, compared.wait_max_seconds) == (86400, 259200)


def test_the_text_has_a_scenario_table():
    text = format_stats(stats_result(checked()))
    assert "Scenarios, each compared with the main one (Walk-in at a branch)" in text
    assert "  walk-in (main)       1        2         1            1            1  10min..20min\n" in text
    assert "+1d..+3d" in text and "  missing: Documents missing, segment: Walk-in customers" in text


def test_one_scenario_alone():
    alone = stats_result(checked(), "walk-in")
    assert (alone.scenario, alone.steps, alone.actions, alone.scenarios) == ("walk-in", 1, 2, [])
    assert alone.title == "Account — Walk-in at a branch"
    assert format_stats(alone).split("\n\n")[2] == "Scenario: walk-in (its steps, actions and flows only)"
    with pytest.raises(UnknownScenario, match="declares: walk-in, missing"):
        stats_result(checked(), "online")


def test_a_blueprint_without_scenarios_has_no_scenario_figures():
    plain = stats_result(checked('blueprint "T"\nstep s "S"\n  customer c "C"\n  onstage o "O"\n  c -> o\n'))
    assert plain.scenarios == [] and plain.scenario is None
    assert "Scenario" not in format_stats(plain)


def test_diff_of_one_scenario_and_a_changed_only_line():
    newer = checked(TEXT.replace("    wait 1d..3d", "    wait 1d..2d").replace(
        '  customer hand "Hands over the documents"\n', '  customer hand "Hands over the documents"\n    only walk-in\n'))
    whole = diff_results(checked(), newer)
    assert [(c.field, c.old, c.new) for a in whole.actions.changed if a.id == "hand" for c in a.changes] == [
        ("only", None, "walk-in")]
    main = diff_results(checked(), newer, "walk-in")
    assert main.actions.changed == [] and main.actions.removed == []
    missing = diff_results(checked(), newer, "missing")
    assert [a.id for a in missing.actions.removed] == ["hand"]
    assert [a.id for a in missing.actions.changed] == ["return"]


def test_a_flow_whose_only_line_changed_is_a_changed_flow():
    chain = '  check -> return "papers missing" -> recheck\n'
    newer = checked(TEXT.replace("  hand -> check\n", "  hand -> check\n    only walk-in, missing\n")
                    .replace(chain, chain + "    only missing\n"))
    flows = diff_results(checked(), newer).flows
    assert [(f.source, f.target, f.label, [(c.field, c.old, c.new) for c in f.changes]) for f in flows.changed] == [
        ("hand", "check", None, [("only", None, "walk-in, missing")]),
        ("check", "return", "papers missing", [("only", None, "missing")]),
        ("return", "recheck", None, [("only", None, "missing")]),
    ]
    assert flows.added == flows.removed == flows.relabelled == []
    back = diff_results(newer, checked()).flows.changed
    assert [(f.source, [(c.old, c.new) for c in f.changes]) for f in back][0] == ("hand", [("walk-in, missing", None)])
    assert diff_results(checked(), newer).has_changes and not diff_results(newer, newer).has_changes


def test_the_text_lists_the_changed_flows():
    newer = checked(TEXT.replace("  hand -> check\n", "  hand -> check\n    only walk-in\n"))
    text = format_diff(diff_results(checked(), newer), checked().blueprint, newer.blueprint)
    assert "\n\nFlows: 1 changed\n  changed  hand -> check  only added: walk-in\n\n" in text
    assert "No differences" not in text
    unchanged = format_diff(diff_results(checked(), checked()), checked().blueprint, checked().blueprint)
    assert "Flows: " not in unchanged and "No differences" in unchanged
