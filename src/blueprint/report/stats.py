"""`stats` for people: a few short sections and tables, one block per blueprint."""

from __future__ import annotations

from collections.abc import Sequence

from blueprint.analysis.measures import TimeRange
from blueprint.analysis.stats import BlueprintStats, CustomerWaitStats, WaitVerdict
from blueprint.report.scenario_stats import scenario_section
from blueprint.report.table import and_list, plural, table
from blueprint.model.durations import format_seconds
from blueprint.model.types import Line

NO_PHASE = "(before the first phase)"
_VERDICT = {
    WaitVerdict.WITHIN: "the total keeps within it",
    WaitVerdict.MAY_EXCEED: "the total exceeds it at worst",
    WaitVerdict.EXCEEDS: "the total exceeds it even at best",
}


def _wait(value: TimeRange) -> str:
    return "-" if value.max_seconds == 0 else value.text


def _heading(stats: BlueprintStats) -> list[str]:
    wait = stats.customer_wait.max_wait
    facts = [stats.file, f"{stats.state.value} state", f"max-wait {wait.text}" if wait else "no max-wait"]
    size = ", ".join(
        [
            plural(stats.phases, "phase"),
            plural(stats.steps, "step"),
            plural(stats.actions, "action"),
            plural(stats.evidence, "piece of evidence", "pieces of evidence"),
            plural(stats.flows, "flow"),
        ]
    )
    return [stats.title or "(untitled)", " · ".join(facts), "", size]


def _lanes(stats: BlueprintStats) -> list[str]:
    rows = [[lane.label, str(lane.actions)] for lane in stats.lanes]
    return ["Actions per lane", *table(rows, right=frozenset({1}))]


def _phases(stats: BlueprintStats) -> list[str]:
    # Columns for what a practitioner adds appear only in blueprints that use it.
    controls = stats.controls > 0
    rows = [["Phase", "Steps", "Actions", "Fail points", *(["Controls"] if controls else []), "Customer wait"]]
    for phase in stats.per_phase:
        rows.append(
            [
                phase.name or NO_PHASE,
                str(phase.steps),
                str(phase.actions),
                str(phase.fail_points),
                *([str(phase.controls)] if controls else []),
                _wait(phase.customer_wait),
            ]
        )
    return table(rows, right=frozenset({1, 2, 3, 4} if controls else {1, 2, 3}), indent="")


def _crossings(stats: BlueprintStats) -> list[str]:
    rows = []
    for crossing in stats.line_crossings:
        what = "customer contacts" if crossing.line is Line.INTERACTION else "hand-offs"
        rows.append([crossing.label, str(crossing.flows), what])
    return ["Flows across the lines", *table(rows, right=frozenset({1}))]


def _fail_points(stats: BlueprintStats) -> list[str]:
    fails = stats.fail_points
    severities = ", ".join(f"{name} {count}" for name, count in fails.by_severity.items())
    lines = [f"Fail points: {fails.total}, {fails.with_recovery} with a recovery", f"  by severity: {severities}"]
    return lines + _research(stats)


def _research(stats: BlueprintStats) -> list[str]:
    """Research notes, in blueprints that have any."""
    notes = stats.research_notes
    if not any(notes.values()):
        return []
    kinds = ", ".join(f"{count} {name}" for name, count in notes.items())
    pains = ", ".join(f"{name} {count}" for name, count in stats.pain_points_by_severity.items())
    return ["", f"Research notes: {kinds}", f"  pain points by severity: {pains}"]


def _promise(wait: CustomerWaitStats) -> str:
    assert wait.max_wait is not None and wait.total_verdict is not None
    over = wait.exceeding
    if over:
        names = and_list([f"W{point.number} (up to {format_seconds(point.wait.max_seconds)})" for point in over])
        single = f"{names} {'exceeds' if len(over) == 1 else 'exceed'} it"
    else:
        single = "no single wait exceeds it"
    return f"  max-wait {wait.max_wait.text}: {single}; {_VERDICT[wait.total_verdict]}"


def _customer_wait(stats: BlueprintStats) -> list[str]:
    wait = stats.customer_wait
    rows = [
        [step.step, step.label, _wait(step.wait), " ".join(f"W{number}" for number in step.wait_points)]
        for step in wait.per_step
    ]
    rows.append(["Total", "", _wait(wait.total), ""])
    lines = ["Customer wait per step", *table(rows)]
    if wait.max_wait is not None:
        lines.append(_promise(wait))
    return lines


def _time_and_money(stats: BlueprintStats) -> list[str]:
    duration = stats.duration
    if duration.actions:
        timed = f"Total duration: {duration.total.text} ({plural(duration.actions, 'action')} with a duration)"
    else:
        timed = "Total duration: none given"
    if stats.costs:
        amounts = [f"{cost.text} {cost.currency}" if cost.currency else f"{cost.text} (no currency)" for cost in stats.costs]
        actions = sum(cost.actions for cost in stats.costs)
        money = f"Total cost: {'; '.join(amounts)} ({plural(actions, 'action')} with a cost)"
    else:
        money = "Total cost: none given"
    return [timed, money]


def _roles(stats: BlueprintStats) -> list[str]:
    handoffs = stats.role_handoffs
    if handoffs is None:
        return []
    rows = [["Role", "Kind", "Actions", "Hand-offs out", "Hand-offs in", "Time"]]
    for role in stats.roles:
        time = _wait(role.time) if role.timed_actions else "-"
        rows.append([role.label, role.kind.value if role.kind else "-", str(role.actions), str(role.handoffs_out),
                     str(role.handoffs_in), time])
    lines = ["Roles", *table(rows, right=frozenset({2, 3, 4}))]
    lines.append(f"  hand-offs between roles: {handoffs.total}, {handoffs.across_steps} across steps")
    if handoffs.actions_without_role:
        lines.append(f"  {plural(handoffs.actions_without_role, 'action')} without a role")
    return lines


def _key_moments(stats: BlueprintStats) -> list[str]:
    if not stats.key_moments:
        return []
    rows = [[f"K{key.number}", key.label, key.reason or "-", plural(key.encounters, "encounter")]
            for key in stats.key_moments]
    return ["Key steps and moments of truth", *table(rows),
            f"  encounters (flows across the line of interaction): {stats.encounters}, "
            f"{stats.encounters_at_key_moments} at a key step or action"]


def _channel_switches(stats: BlueprintStats) -> list[str]:
    if not stats.channel_switches:
        return []
    within = sum(1 for switch in stats.channel_switches if switch.within_phase)
    lines = [f"Channel switches: {len(stats.channel_switches)}, {within} within a phase"]
    for switch in stats.channel_switches:
        why = f" ({switch.reason})" if switch.reason else ""
        lines.append(f"  {switch.from_channel} -> {switch.to_channel} at {switch.action}, step {switch.step}{why}")
    return lines


def format_stats(stats: BlueprintStats) -> str:
    sections = [
        _heading(stats),
        scenario_section(stats) if stats.scenario is not None else [],
        _lanes(stats),
        _phases(stats),
        _crossings(stats),
        _fail_points(stats),
        _customer_wait(stats),
        _time_and_money(stats),
        _roles(stats),
        _key_moments(stats),
        _channel_switches(stats),
        scenario_section(stats) if stats.scenario is None else [],
    ]
    return "\n\n".join("\n".join(section) for section in sections if section)


def format_stats_report(all_stats: Sequence[BlueprintStats]) -> str:
    return "\n\n\n".join(format_stats(stats) for stats in all_stats)
