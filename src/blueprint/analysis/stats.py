"""`stats`: the figures a service manager asks of one blueprint.

How much there is (steps and actions per lane and per phase), where the
organisation meets the customer and hands work on (flows across each line),
what can go wrong (fail points by severity and phase, and how many have a
recovery), how long the customer waits, and what the service takes in time
and money.

Totals of ranges add minima and maxima separately: they assume the customer
meets every wait point once, one after another, so alternative paths are all
counted. That is the honest reading of a blueprint that does not say which
path a customer takes.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict

from blueprint.analysis.measures import Length, TimeRange, flows_crossing
from blueprint.analysis.practice_stats import (
    ChannelSwitch,
    KeyMomentStats,
    RoleHandoffs,
    RoleStats,
    channel_switches,
    key_moments,
    per_role,
)
from blueprint.analysis.scenario_stats import ScenarioFigures, scenario_figures
from blueprint.model.types import ACTION_LANES, Blueprint, Lane, Language, Line, NoteKind, Severity, State, Step
from blueprint.vocabulary import names

STATS_FORMAT = "blueprint-stats"
STATS_VERSION = 1
NO_SEVERITY = "unspecified"
_MOST_SEVERE_FIRST = tuple(reversed(names(Severity)))


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class LaneCount(_Frozen):
    lane: Lane
    label: str
    actions: int


class PhaseStats(_Frozen):
    """One phase; `name` is null for steps that come before the first phase."""

    name: str | None
    steps: int
    actions: int
    actions_by_lane: dict[Lane, int]
    fail_points: int
    customer_wait: TimeRange
    controls: int = 0  # on its steps and on their actions


class LineCrossing(_Frozen):
    """The flows whose two ends lie on different sides of a line."""

    line: Line
    label: str
    flows: int


class FailPointStats(_Frozen):
    total: int
    with_recovery: int
    by_severity: dict[str, int]  # high, medium, low, unspecified: always all four (by phase: see PhaseStats)


class WaitVerdict(str, Enum):
    """How a total wait compares with max-wait."""

    WITHIN = "within"  # even the longest total keeps the promise
    MAY_EXCEED = "may-exceed"  # the shortest keeps it, the longest breaks it
    EXCEEDS = "exceeds"  # even the shortest total breaks it


class WaitPointStats(_Frozen):
    number: int
    action: str
    step: str
    wait: TimeRange
    description: str | None
    exceeds_max_wait: bool | None  # null without a max-wait


class StepWait(_Frozen):
    step: str
    label: str
    phase: str | None
    wait: TimeRange
    wait_points: list[int]


class CustomerWaitStats(_Frozen):
    max_wait: Length | None
    total: TimeRange
    total_verdict: WaitVerdict | None  # null without a max-wait
    wait_points: list[WaitPointStats]
    per_step: list[StepWait]

    @property
    def exceeding(self) -> list[WaitPointStats]:
        return [wait for wait in self.wait_points if wait.exceeds_max_wait]


class DurationStats(_Frozen):
    actions: int  # how many actions give a duration
    total: TimeRange


class CostTotal(_Frozen):
    currency: str | None
    amount: float
    text: str
    actions: int


class BlueprintStats(_Frozen):
    file: str
    title: str | None
    state: State
    lang: Language
    phases: int
    steps: int
    actions: int
    evidence: int
    flows: int
    lanes: list[LaneCount]
    per_phase: list[PhaseStats]
    customer_contacts: int
    line_crossings: list[LineCrossing]
    fail_points: FailPointStats
    customer_wait: CustomerWaitStats
    duration: DurationStats
    costs: list[CostTotal]
    controls: int = 0  # policies, regulations and controls, on steps and actions
    research_notes: dict[str, int] = {}  # pain, idea, opportunity, question: always all four
    pain_points_by_severity: dict[str, int] = {}  # high, medium, low, unspecified: always all four
    # The practitioner's figures (blueprint.analysis.practice_stats).
    roles: list[RoleStats] = []
    role_handoffs: RoleHandoffs | None = None
    encounters: int = 0  # flows across the line of interaction: the customer_contacts, by their practice name
    key_moments: list[KeyMomentStats] = []
    encounters_at_key_moments: int = 0
    channel_switches: list[ChannelSwitch] = []
    # Scenarios (blueprint.analysis.scenario_stats): the one these figures are
    # of (`stats --scenario`), else each declared one's figures.
    scenario: str | None = None
    scenarios: list[ScenarioFigures] = []


class StatsReport(_Frozen):
    """What `blueprint stats --format json` prints."""

    format: Literal["blueprint-stats"] = STATS_FORMAT
    version: Literal[1] = STATS_VERSION
    blueprints: list[BlueprintStats]



def _phase_name(blueprint: Blueprint, step: Step) -> str | None:
    return blueprint.phases[step.phase].name if step.phase is not None else None


def _phase_groups(blueprint: Blueprint) -> list[tuple[str | None, list[Step]]]:
    """Steps grouped by phase in order; steps before the first phase come first, unnamed."""
    groups: list[tuple[str | None, list[Step]]] = []
    loose = [step for step in blueprint.steps if step.phase is None]
    if loose:
        groups.append((None, loose))
    for index, phase in enumerate(blueprint.phases):
        groups.append((phase.name, [step for step in blueprint.steps if step.phase == index]))
    return groups


def _step_wait(step: Step) -> TimeRange:
    return TimeRange.total(wait.duration for action in step.actions for wait in action.waits)


def _per_phase(blueprint: Blueprint) -> list[PhaseStats]:
    result = []
    for name, steps in _phase_groups(blueprint):
        actions = [action for step in steps for action in step.actions]
        by_lane = Counter(action.lane for action in actions)
        result.append(
            PhaseStats(
                name=name,
                steps=len(steps),
                actions=len(actions),
                actions_by_lane={lane: by_lane[lane] for lane in blueprint.action_lanes()},
                fail_points=sum(len(action.fails) for action in actions),
                customer_wait=TimeRange.total(wait.duration for action in actions for wait in action.waits),
                controls=sum(len(step.controls) for step in steps) + sum(len(action.controls) for action in actions),
            )
        )
    return result


def _fail_points(blueprint: Blueprint) -> FailPointStats:
    fails = blueprint.fail_points()
    severities = Counter(fail.severity.value if fail.severity else NO_SEVERITY for fail in fails)
    return FailPointStats(
        total=len(fails),
        with_recovery=sum(1 for fail in fails if fail.recover is not None),
        by_severity={name: severities[name] for name in (*_MOST_SEVERE_FIRST, NO_SEVERITY)},
    )


def _verdict(total: TimeRange, promise: float) -> WaitVerdict:
    if total.max_seconds <= promise:
        return WaitVerdict.WITHIN
    if total.min_seconds <= promise:
        return WaitVerdict.MAY_EXCEED
    return WaitVerdict.EXCEEDS


def _customer_wait(blueprint: Blueprint) -> CustomerWaitStats:
    promise = blueprint.max_wait
    points = [
        WaitPointStats(
            number=wait.number,
            action=action.id,
            step=step.id,
            wait=TimeRange.of(wait.duration),
            description=wait.description,
            exceeds_max_wait=None if promise is None else wait.duration.max.seconds > promise.seconds,
        )
        for step in blueprint.steps
        for action in step.actions
        for wait in action.waits
    ]
    total = TimeRange.total(wait.duration for wait in blueprint.wait_points())
    per_step = [
        StepWait(
            step=step.id,
            label=step.label,
            phase=_phase_name(blueprint, step),
            wait=_step_wait(step),
            wait_points=[wait.number for action in step.actions for wait in action.waits],
        )
        for step in blueprint.steps
    ]
    return CustomerWaitStats(
        max_wait=Length(seconds=promise.seconds, text=promise.text) if promise else None,
        total=total,
        total_verdict=_verdict(total, promise.seconds) if promise else None,
        wait_points=points,
        per_step=per_step,
    )


def _costs(blueprint: Blueprint) -> list[CostTotal]:
    # Amounts add up as decimals, from the text as written, so 0.1 + 0.2 is 0.3.
    sums: dict[str | None, Decimal] = {}
    counts: Counter[str | None] = Counter()
    for action in blueprint.actions():
        if action.cost is None:
            continue
        currency = action.cost.currency
        sums[currency] = sums.get(currency, Decimal(0)) + Decimal(action.cost.text.replace(",", ""))
        counts[currency] += 1
    ordered = sorted(sums, key=lambda currency: (currency is None, currency or ""))
    return [
        CostTotal(currency=currency, amount=float(sums[currency]), text=f"{sums[currency]:,}", actions=counts[currency])
        for currency in ordered
    ]


def blueprint_stats(blueprint: Blueprint, scenario: str | None = None) -> BlueprintStats:
    """The figures of a blueprint that validated without errors; with a
    `scenario`, those of its projection (see blueprint.model.projection)."""
    actions = blueprint.actions()
    by_lane = Counter(action.lane for action in actions)
    crossing = flows_crossing(blueprint)
    timed = [action.duration for action in actions if action.duration is not None]
    roles, handoffs = per_role(blueprint)
    keys, at_keys = key_moments(blueprint)
    return BlueprintStats(
        file=blueprint.source_name,
        title=blueprint.title,
        state=blueprint.state,
        lang=blueprint.lang,
        phases=len(blueprint.phases),
        steps=len(blueprint.steps),
        actions=len(actions),
        evidence=sum(len(step.evidence) for step in blueprint.steps),
        flows=len(blueprint.flows),
        lanes=[LaneCount(lane=lane, label=blueprint.lane_label(lane), actions=by_lane[lane])
               for lane in blueprint.action_lanes()],
        per_phase=_per_phase(blueprint),
        customer_contacts=len(crossing[Line.INTERACTION]),
        line_crossings=[
            LineCrossing(line=line, label=blueprint.line_label(line), flows=len(crossing[line]))
            for line in blueprint.lines()
        ],
        fail_points=_fail_points(blueprint),
        customer_wait=_customer_wait(blueprint),
        duration=DurationStats(actions=len(timed), total=TimeRange.total(timed)),
        costs=_costs(blueprint),
        controls=len(blueprint.controls()),
        **_research(blueprint),
        roles=roles,
        role_handoffs=handoffs,
        encounters=len(crossing[Line.INTERACTION]),
        key_moments=keys,
        encounters_at_key_moments=at_keys,
        channel_switches=channel_switches(blueprint),
        scenario=scenario,
        scenarios=scenario_figures(blueprint),
    )


def _research(blueprint: Blueprint) -> dict[str, dict[str, int]]:
    notes = [note for _, _, note in blueprint.research_notes()]
    kinds = Counter(note.kind.value for note in notes)
    pains = Counter(note.severity.value if note.severity else NO_SEVERITY
                    for note in notes if note.kind is NoteKind.PAIN)
    return {
        "research_notes": {kind: kinds[kind] for kind in names(NoteKind)},
        "pain_points_by_severity": {name: pains[name] for name in (*_MOST_SEVERE_FIRST, NO_SEVERITY)},
    }
