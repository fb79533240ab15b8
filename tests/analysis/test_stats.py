"""`stats`: the figures of one blueprint, their definitions, and their renderings."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from blueprint.analysis.measures import TimeRange, lines_between
from blueprint.analysis.stats import StatsReport, WaitVerdict
from blueprint.report.stats import format_stats
from blueprint.api import InvalidBlueprintError, check_file, check_text, stats_result
from blueprint.model.types import Lane, Line

from ..conftest import EXAMPLES
from ..exchange.test_exchange import checked_of, documents


def stats_of(text: str):
    result = check_text(text, "t.bp")
    assert result.ok, result.errors
    return stats_result(result)


CROSSINGS = """blueprint "Crossings"
max-wait 20min
step s1 "One"
  customer c "C"
    wait 5min..10min
  onstage o "O"
  backstage b "B"
  support p "P"
  onstage o2 "O2"
  c -> o
  c -> b
  o -> p
  b -> p
  o -> o2
  p <-> c
"""


# --- definitions -----------------------------------------------------------------
def test_a_flow_crosses_every_line_between_its_ends():
    assert lines_between(Lane.CUSTOMER, Lane.ONSTAGE) == (Line.INTERACTION,)
    assert lines_between(Lane.BACKSTAGE, Lane.CUSTOMER) == (Line.INTERACTION, Line.VISIBILITY)
    assert lines_between(Lane.SUPPORT, Lane.CUSTOMER) == (Line.INTERACTION, Line.VISIBILITY, Line.INTERNAL)
    assert lines_between(Lane.ONSTAGE, Lane.ONSTAGE) == ()
    assert lines_between(Lane.BACKSTAGE, Lane.SUPPORT) == (Line.INTERNAL,)


def test_contacts_and_hand_offs_count_flows_across_each_line():
    stats = stats_of(CROSSINGS)
    assert stats.flows == 6
    # c->o, c->b and p<->c cross the line of interaction; o->o2 crosses nothing.
    assert stats.customer_contacts == 3
    assert {c.line: c.flows for c in stats.line_crossings} == {
        Line.INTERACTION: 3,  # c->o, c->b, p<->c
        Line.VISIBILITY: 3,  # c->b, o->p, p<->c
        Line.INTERNAL: 3,  # o->p, b->p, p<->c
    }


def test_ranges_add_minima_and_maxima_separately():
    assert TimeRange.zero().text == "0min"
    assert TimeRange(min_seconds=300, max_seconds=300).text == "5min"
    assert TimeRange(min_seconds=3900, max_seconds=6600).text == "1h5min..1h50min"
    assert TimeRange(min_seconds=90, max_seconds=90).model_dump() == {"min_seconds": 90, "max_seconds": 90, "text": "1min30s"}


WAITS = """blueprint "Waits"
max-wait 20min
step a "A"
  customer c1 "C1"
    wait 5min..10min
    wait 5min..15min "second"
  onstage o "O"
    duration 2min
step b "B"
  customer c2 "C2"
    wait 25min
    duration 1h..2h
  c1 -> o
"""


def test_customer_wait_per_step_in_total_and_against_max_wait():
    wait = stats_of(WAITS).customer_wait
    assert [(s.step, s.wait.text, s.wait_points) for s in wait.per_step] == [
        ("a", "10min..25min", [1, 2]),
        ("b", "25min", [3]),
    ]
    assert wait.total.text == "35min..50min"
    assert wait.max_wait.text == "20min"
    assert [(w.number, w.exceeds_max_wait) for w in wait.wait_points] == [(1, False), (2, False), (3, True)]
    assert wait.total_verdict is WaitVerdict.EXCEEDS


@pytest.mark.parametrize(
    ("max_wait", "verdict"),
    [("1h", WaitVerdict.WITHIN), ("50min", WaitVerdict.WITHIN), ("40min", WaitVerdict.MAY_EXCEED),
     ("35min", WaitVerdict.MAY_EXCEED), ("30min", WaitVerdict.EXCEEDS)],
)
def test_the_total_wait_verdict(max_wait, verdict):
    assert stats_of(WAITS.replace("max-wait 20min", f"max-wait {max_wait}")).customer_wait.total_verdict is verdict


def test_without_max_wait_there_is_no_verdict():
    wait = stats_of(WAITS.replace("max-wait 20min\n", "")).customer_wait
    assert wait.max_wait is None and wait.total_verdict is None
    assert {w.exceeds_max_wait for w in wait.wait_points} == {None}


def test_duration_and_cost_totals():
    stats = stats_of(
        'blueprint "Money"\nstep s "S"\n'
        '  customer a "A"\n    cost 0.1 CNY\n    duration 1h..2h\n'
        '  onstage b "B"\n    cost 0.2 CNY\n'
        '  onstage c "C"\n    cost 1,200.50 USD\n    duration 30min\n'
        '  backstage d "D"\n    cost 25 USD\n'
        '  backstage e "E"\n    cost 3\n'
        "  a -> b\n  b -> d\n  c -> e\n"
    )
    assert stats.duration.actions == 2 and stats.duration.total.text == "1h30min..2h30min"
    assert [(c.currency, c.amount, c.text, c.actions) for c in stats.costs] == [
        ("CNY", 0.3, "0.3", 2),
        ("USD", 1225.5, "1,225.50", 2),
        (None, 3.0, "3", 1),
    ]


def test_counts_per_lane_and_phase_and_fail_points():
    stats = stats_of(
        'blueprint "Phases"\nlane customer "Client"\n'
        'step early "Early"\n  customer a "A"\n    fail "x" severity high recover b\n'
        'phase "One"\n'
        'step s1 "S1"\n  onstage b "B"\n    fail "y"\n  support c "C"\n    fail "z" severity low\n'
        'phase "Empty"\n'
        'phase "Two"\n'
        'step s2 "S2"\n  backstage d "D"\n  a -> b\n  b -> c\n  c -> d\n'
    )
    assert [(lane.label, lane.actions) for lane in stats.lanes] == [
        ("Client", 1), ("Onstage actions", 1), ("Backstage actions", 1), ("Support processes", 1),
    ]
    assert [(p.name, p.steps, p.actions, p.fail_points) for p in stats.per_phase] == [
        (None, 1, 1, 1), ("One", 1, 2, 2), ("Empty", 0, 0, 0), ("Two", 1, 1, 0),
    ]
    assert stats.per_phase[1].actions_by_lane == {Lane.CUSTOMER: 0, Lane.ONSTAGE: 1, Lane.BACKSTAGE: 0, Lane.SUPPORT: 1}
    fails = stats.fail_points
    assert (fails.total, fails.with_recovery) == (3, 1)
    assert fails.by_severity == {"high": 1, "medium": 0, "low": 1, "unspecified": 1}
    assert "(before the first phase)" in format_stats(stats)


def test_stats_need_a_blueprint_without_errors():
    with pytest.raises(InvalidBlueprintError):
        stats_result(check_text('blueprint "T"\nstep s "S"\n'))


# --- the examples ----------------------------------------------------------------
def test_branch_visit_current(examples_dir):
    stats = stats_result(check_file(examples_dir / "branch-visit-current.bp"))
    assert (stats.phases, stats.steps, stats.actions, stats.evidence, stats.flows) == (4, 7, 26, 9, 26)
    assert [lane.actions for lane in stats.lanes] == [10, 9, 3, 4]
    assert stats.customer_contacts == 12
    assert stats.customer_wait.total.text == "1h5min..1h50min"
    assert [w.number for w in stats.customer_wait.exceeding] == [2]
    assert stats.customer_wait.total_verdict is WaitVerdict.EXCEEDS
    assert stats.fail_points.by_severity == {"high": 3, "medium": 5, "low": 0, "unspecified": 0}


def test_mortgage_current_durations_add_up_as_its_comment_says(examples_dir):
    # The file says: "The department durations below add up to 14-23 days."
    stats = stats_result(check_file(examples_dir / "mortgage-current.bp"))
    assert stats.duration.total.text == "14d..23d"


def test_chinese_blueprints_use_their_own_lane_and_line_labels(examples_dir):
    text = format_stats(stats_result(check_file(examples_dir / "card-fraud-alert-zh.bp")))
    assert "\n  顾客行为      7\n  前台员工行为  7\n" in text
    assert "\n  互动分界线      8  customer contacts\n" in text
    assert "Total cost: 10 CNY (1 action with a cost)" in text


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_text_of_every_example(path, snapshot):
    assert format_stats(stats_result(check_file(path, name=path.name))) == snapshot


def test_json_report_is_stable(examples_dir, snapshot):
    figures = [stats_result(check_file(examples_dir / name, name=name)) for name in ("deposit.bp", "deposit-future-zh.bp")]
    report = StatsReport(blueprints=figures).model_dump_json(indent=2)
    assert json.loads(report)["format"] == "blueprint-stats"
    assert report == snapshot


# --- properties over generated blueprints ---------------------------------------------
@pytest.mark.slow  # many generated files
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_figures_add_up(document):
    checked = checked_of(document)
    blueprint, stats = checked.blueprint, stats_result(checked)
    assert sum(lane.actions for lane in stats.lanes) == stats.actions == len(blueprint.actions())
    assert sum(phase.actions for phase in stats.per_phase) == stats.actions
    assert sum(phase.steps for phase in stats.per_phase) == stats.steps
    assert sum(phase.fail_points for phase in stats.per_phase) == stats.fail_points.total
    assert sum(stats.fail_points.by_severity.values()) == stats.fail_points.total
    assert stats.fail_points.with_recovery <= stats.fail_points.total
    assert all(crossing.flows <= stats.flows for crossing in stats.line_crossings)
    wait = stats.customer_wait
    assert wait.total.min_seconds <= wait.total.max_seconds
    assert sum(step.wait.max_seconds for step in wait.per_step) == wait.total.max_seconds
    assert sum(phase.customer_wait.min_seconds for phase in stats.per_phase) == wait.total.min_seconds
    assert stats.duration.total.min_seconds <= stats.duration.total.max_seconds
    assert StatsReport.model_validate_json(StatsReport(blueprints=[stats]).model_dump_json()).blueprints == [stats]



ROLES = """blueprint "Roles"
role teller "Teller" staff
role core "Core banking" system
role idle "Nobody yet"
step s1 "Hand over"
  evidence "Counter"
  customer c "Hands over cash"
  onstage t "Teller counts"
    by teller
    duration 2min..4min
  backstage p "Posts it"
    by core
    duration 1min
  c -> t -> p
step s2 "Receipt"
  evidence "Receipt"
  onstage r "Teller prints the receipt"
    by teller
  p -> r
"""


def test_roles_count_actions_hand_offs_and_time():
    stats = stats_of(ROLES)
    rows = [(r.role, r.actions, r.handoffs_out, r.handoffs_in, r.time.text, r.timed_actions) for r in stats.roles]
    assert rows == [
        ("teller", 2, 1, 1, "2min..4min", 1),
        ("core", 1, 1, 1, "1min", 1),
        ("idle", 0, 0, 0, "0min", 0),
    ]
    # c -> t has no role at the customer's end; t -> p and p -> r change roles, p -> r across steps.
    handoffs = stats.role_handoffs
    assert (handoffs.total, handoffs.across_steps, handoffs.actions_without_role) == (2, 1, 1)
    text = format_stats(stats)
    assert "hand-offs between roles: 2, 1 across steps" in text
    assert "1 action without a role" in text


def test_no_roles_section_without_roles():
    stats = stats_of(CROSSINGS)
    assert stats.roles == [] and stats.role_handoffs is None
    assert "Roles" not in format_stats(stats)


KEYS = """blueprint "Keys"
step s1 "Hand over"
  key "First impression"
  evidence "Counter"
  customer c "Hands over cash"
  onstage t "Teller counts"
    key
  backstage p "Posts it"
  c -> t -> p
step s2 "Receipt"
  evidence "Receipt"
  customer r "Takes the receipt"
  onstage g "Gives the receipt"
  p -> g -> r
"""


def test_key_steps_are_listed_with_their_encounters():
    stats = stats_of(KEYS)
    rows = [(k.number, k.step, k.action, k.reason, k.encounters) for k in stats.key_moments]
    # The step's encounters are c -> t (its only flow across the line); the action t has the same one.
    assert rows == [(1, "s1", None, "First impression", 1), (2, "s1", "t", None, 1)]
    assert (stats.encounters, stats.encounters_at_key_moments) == (2, 1)
    assert "encounters (flows across the line of interaction): 2, 1 at a key step or action" in format_stats(stats)


CHANNELS = """blueprint "Channels"
phase "Apply"
step s1 "Fill in"
  via app
  evidence "Form"
  customer fill "Fills in the form"
  onstage check "App checks it"
  fill -> check
step s2 "Sign"
  via branch "Signed in person"
  evidence "Contract"
  customer sign "Signs"
  onstage witness "Clerk witnesses"
  check -> sign -> witness
phase "Use"
step s3 "Use"
  evidence "Card"
  customer pay "Pays by card"
    via atm
  onstage card "ATM pays out"
  witness -> pay -> card
"""


def test_channel_switches_of_the_customer_are_counted():
    stats = stats_of(CHANNELS)
    rows = [(s.from_channel, s.to_channel, s.action, s.within_phase, s.reason) for s in stats.channel_switches]
    assert rows == [("app", "branch", "sign", True, "Signed in person"), ("branch", "atm", "pay", False, None)]
    text = format_stats(stats)
    assert "Channel switches: 2, 1 within a phase" in text
    assert "app -> branch at sign, step s2 (Signed in person)" in text
