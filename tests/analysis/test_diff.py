"""`diff`: what changed between two states of a service, and its renderings."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from blueprint.analysis.diff_result import DiffReport, FieldChange
from blueprint.report.diff import format_diff
from blueprint.api import InvalidBlueprintError, check_file, check_text, diff_results
from blueprint.model.types import FlowKind, Lane

from ..conftest import EXAMPLES
from ..exchange.test_exchange import checked_of, documents

PAIRS = [("branch-visit-current.bp", "branch-visit-future.bp"), ("mortgage-current.bp", "mortgage-future.bp")]


def checked(text: str, name: str):
    result = check_text(text, name)
    assert result.ok, result.errors
    return result


def diff_of(old: str, new: str):
    return diff_results(checked(old, "old.bp"), checked(new, "new.bp"))


def pair(examples_dir, old: str, new: str):
    return diff_results(check_file(examples_dir / old, name=old), check_file(examples_dir / new, name=new))


OLD = """blueprint "Deposit"
max-wait 15min
phase "Counter"
step counter "Deposit"
  evidence "Slip"
  customer hand "Hands over cash"
    wait 20min..45min "Queue"
    fail "Wrong slip" severity medium
  onstage count "Teller counts the cash"
    duration 5min
    fail "Counterfeit note" severity high recover explain
    fail "Miscount"
  onstage explain "Teller explains"
  backstage post "Posts the deposit"
  support core "Core banking"
  hand -> count "posting" -> post -> core
  hand <-> explain
"""

NEW = """blueprint "Deposit"
max-wait 10min
phase "Counter"
step counter "Deposit at the counter"
  evidence "Slip"
  evidence "Queue display"
  customer hand "Hands over cash"
    wait 5min..10min "Queue"
  onstage count "Teller counts the cash"
    duration 3min
    fail "Counterfeit note" severity medium recover explain
  onstage explain "Teller explains"
  backstage post-entry "Posts the deposit"
  support core "Core banking"
    note "Real time"
  hand -> count "posted" -> post-entry -> core
  explain <-> hand
"""


# --- matching and changes ---------------------------------------------------------
def test_the_same_blueprint_has_no_differences(examples_dir):
    for path in EXAMPLES:
        diff = diff_results(check_file(path), check_file(path))
        assert not diff.has_changes, path.name
        assert diff.actions.unchanged == len(check_file(path).blueprint.actions())
        assert "\n\nNo differences (" in format_diff(diff, check_file(path).blueprint, check_file(path).blueprint)


def test_steps_and_actions_are_matched_by_id_and_changes_are_named():
    diff = diff_of(OLD, NEW)
    assert diff.blueprint_changes == [FieldChange(field="max-wait", old="15min", new="10min")]
    [step] = diff.steps.changed
    assert step.id == "counter"
    assert step.changes == [
        FieldChange(field="label", old="Deposit", new="Deposit at the counter"),
        FieldChange(field="evidence", old=None, new="Queue display"),
    ]
    assert [a.id for a in diff.actions.removed] == ["post"]
    assert [a.id for a in diff.actions.added] == ["post-entry"]
    assert {a.id: a.changes for a in diff.actions.changed} == {
        "hand": [FieldChange(field="wait", old='20min..45min "Queue"', new='5min..10min "Queue"')],
        "count": [FieldChange(field="duration", old="5min", new="3min")],
        "core": [FieldChange(field="note", old=None, new="Real time")],
    }
    assert diff.actions.unchanged == 1  # explain


def test_a_renamed_action_with_the_same_label_is_offered_as_a_possible_match():
    diff = diff_of(OLD, NEW)
    [match] = diff.actions.possible_matches
    assert (match.old, match.new, match.lane, match.similarity) == ("post", "post-entry", Lane.BACKSTAGE, 1.0)


def test_fail_points_resolved_introduced_and_changed():
    diff = diff_of(OLD, NEW)
    fails = diff.fail_points
    assert (fails.old_total, fails.new_total) == (3, 1)
    assert [(f.number, f.action, f.description, f.action_status) for f in fails.resolved] == [
        (1, "hand", "Wrong slip", "kept"),
        (3, "count", "Miscount", "kept"),
    ]
    assert fails.introduced == []
    [changed] = fails.changed
    assert (changed.action, changed.old_number, changed.new_number) == ("count", 2, 1)
    assert changed.changes == [FieldChange(field="severity", old="high", new="medium")]


def test_fail_points_of_removed_and_added_actions():
    old = 'blueprint "T"\nstep s "S"\n  customer a "A"\n    fail "Lost" severity high\n  onstage o "O"\n  a -> o\n'
    new = 'blueprint "T"\nstep s "S"\n  customer b "B"\n    fail "Lost" severity high\n  onstage o "O"\n  b -> o\n'
    fails = diff_of(old, new).fail_points
    assert [(f.action, f.action_status) for f in fails.resolved] == [("a", "removed")]
    assert [(f.action, f.action_status) for f in fails.introduced] == [("b", "added")]


def test_flows_added_removed_and_relabelled():
    flows = diff_of(OLD, NEW).flows
    assert [(f.source, f.target) for f in flows.removed] == [("count", "post"), ("post", "core")]
    assert [(f.source, f.target) for f in flows.added] == [("count", "post-entry"), ("post-entry", "core")]
    # hand -> count keeps its place and changes its label; a <-> b is b <-> a.
    assert [(f.source, f.target, f.label) for f in flows.relabelled] == [("hand", "count", "posted")]


def test_figures_before_and_after():
    diff = diff_of(OLD, NEW)
    assert (diff.customer_wait.old.text, diff.customer_wait.new.text) == ("20min..45min", "5min..10min")
    assert (diff.customer_contacts.old, diff.customer_contacts.new) == (2, 2)
    assert (diff.duration.old.text, diff.duration.new.text) == ("5min", "3min")


def test_marks_for_drawing_the_new_blueprint_with_its_changes():
    marks = diff_of(OLD, NEW).marks()
    assert marks.added_actions == {"post-entry"}
    assert marks.removed_actions == {"post"}
    # count changed its duration and its fail point; hand lost a fail point.
    assert marks.changed_actions == {"hand", "count", "core"}
    assert marks.changed_steps == {"counter"}
    assert marks.resolved_fail_numbers == {1, 3}
    assert marks.added_flows == {("count", "post-entry", FlowKind.HANDOFF), ("post-entry", "core", FlowKind.HANDOFF)}


def test_diff_needs_blueprints_without_errors():
    with pytest.raises(InvalidBlueprintError):
        diff_results(check_text('blueprint "T"\nstep s "S"\n'), checked(OLD, "old.bp"))


# --- the current/future pairs -------------------------------------------------------
def test_branch_visit_redesign(examples_dir):
    diff = pair(examples_dir, *PAIRS[0])
    assert [s.id for s in diff.steps.removed] == ["enter", "atm", "ticket", "hall", "wrong-window"]
    assert [s.id for s in diff.steps.added] == ["greet", "route", "prep"]
    assert {a.id: [c.field for c in a.changes] for a in diff.actions.changed}["walk-in"] == ["step"]
    assert (diff.customer_wait.old.text, diff.customer_wait.new.text) == ("1h5min..1h50min", "10min..25min")
    assert (diff.customer_contacts.old, diff.customer_contacts.new) == (12, 10)
    # Every old fail point is resolved; the walk-in fail point on a kept action among them.
    assert len(diff.fail_points.resolved) == diff.fail_points.old_total == 8
    assert diff.fail_points.resolved[0].action_status == "kept"
    assert len(diff.fail_points.introduced) == diff.fail_points.new_total == 5


def test_mortgage_redesign(examples_dir):
    diff = pair(examples_dir, *PAIRS[1])
    assert FieldChange(field="max-wait", old=None, new="2d") in diff.blueprint_changes
    receive = next(a for a in diff.actions.changed if a.id == "receive")
    assert FieldChange(field="lane", old="onstage", new="customer") in receive.changes
    assert (diff.duration.old.text, diff.duration.new.text) == ("14d..23d", "17h45min..1d9h30min")


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[p[0] for p in PAIRS])
def test_text_of_the_pairs(examples_dir, old, new, snapshot):
    before, after = check_file(examples_dir / old, name=old), check_file(examples_dir / new, name=new)
    assert format_diff(diff_results(before, after), before.blueprint, after.blueprint) == snapshot


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[p[0] for p in PAIRS])
def test_json_of_the_pairs(examples_dir, old, new, snapshot):
    report = DiffReport(diff=pair(examples_dir, old, new))
    assert DiffReport.model_validate_json(report.model_dump_json()) == report
    assert report.model_dump_json(indent=2) == snapshot


def test_chinese_lane_labels_in_the_text(examples_dir):
    before = check_file(examples_dir / "deposit.bp", name="deposit.bp")
    after = check_file(examples_dir / "deposit-future-zh.bp", name="deposit-future-zh.bp")
    text = format_diff(diff_results(before, after), before.blueprint, after.blueprint)
    assert "  added    交款" in text and "顾客行为" in text
    assert "  removed  arrive" in text and "Customer actions" in text


# --- properties over generated blueprints ---------------------------------------------
@pytest.mark.slow  # many generated pairs
@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), documents())
def test_counts_balance_and_diff_is_symmetric(first, second):
    old, new = checked_of(first), checked_of(second)
    forward, backward = diff_results(old, new), diff_results(new, old)
    actions = forward.actions
    assert actions.unchanged + len(actions.changed) + len(actions.removed) == len(old.blueprint.actions())
    assert actions.unchanged + len(actions.changed) + len(actions.added) == len(new.blueprint.actions())
    assert [a.id for a in forward.actions.added] == [a.id for a in backward.actions.removed]
    assert {a.id for a in forward.actions.changed} == {a.id for a in backward.actions.changed}
    assert len(forward.fail_points.resolved) == len(backward.fail_points.introduced)
    assert forward.fail_points.old_total - len(forward.fail_points.resolved) == (
        forward.fail_points.new_total - len(forward.fail_points.introduced)
    )
    assert forward.customer_wait.old == backward.customer_wait.new
    assert not diff_results(old, old).has_changes
    format_diff(forward, old.blueprint, new.blueprint)  # renders whatever changed
