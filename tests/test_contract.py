"""The two files in the language issue are the contract: they must parse exactly as written."""

from __future__ import annotations

from blueprint.api import check_file
from blueprint.vocabulary import FlowKind, Lane, Language, State

from .conftest import ROOT


def test_deposit_current_state_has_exactly_the_expected_warning():
    result = check_file(ROOT / "examples" / "deposit.bp")
    assert [(d.code, d.span.line, d.span.column) for d in result.diagnostics] == [("BP302", 20, 10)]
    bp = result.blueprint
    assert bp.title == "Branch cash deposit"
    assert bp.state is State.CURRENT and bp.max_wait.seconds == 900
    assert [p.name for p in bp.phases] == ["Arrive", "Transact"]
    assert [s.id for s in bp.steps] == ["enter", "ticket", "counter", "confirm"]
    assert [p.steps for p in bp.phases] == [("enter", "ticket"), ("counter", "confirm")]
    assert len(bp.actions()) == 14
    assert [(f.number, f.action, f.severity and f.severity.value, f.recover) for f in bp.fail_points()] == [
        (1, "triage", "medium", None),
        (2, "take", None, None),
        (3, "count", "high", "explain"),
    ]
    [wait] = bp.wait_points()
    assert (wait.duration.min.seconds, wait.duration.max.seconds) == (1200, 2700)
    kinds = {(f.source, f.target): f.kind for f in bp.flows}
    assert kinds[("pin", "stamp")] is FlowKind.AGREEMENT
    assert kinds[("stamp", "file")] is FlowKind.DEFERRED
    assert kinds[("hand", "count")] is FlowKind.HANDOFF
    assert next(f for f in bp.flows if f.source == "stamp").label == "end of day"
    assert len(bp.flows) == 9  # chains split into one flow per arrow


def test_chinese_future_state_is_clean():
    result = check_file(ROOT / "examples" / "deposit-future-zh.bp")
    assert result.diagnostics == ()
    bp = result.blueprint
    assert bp.lang is Language.ZH and bp.state is State.FUTURE
    assert bp.lane_label(Lane.ONSTAGE) == "前台员工行为"
    assert [s.id for s in bp.steps] == ["分流", "办理"]
    assert bp.fail_points()[0].recover == "说明"
    assert [(f.source, f.target) for f in bp.flows][:2] == [("到店", "引导"), ("引导", "叫号")]
