"""`stats` per scenario: what each path of a blueprint asks of the customer
(contacts, waits) and where it can fail, each scenario counted on its own
projection (blueprint.model.projection), and every other scenario compared
with the first declared, the main one: the happy path against the
exception paths.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from blueprint.analysis.measures import TimeRange, flows_crossing
from blueprint.model.projection import project, scenario_index
from blueprint.model.types import Blueprint, Line, Severity


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class ScenarioComparison(_Frozen):
    """One scenario against the main one: how many more (or, negative, fewer)."""

    steps: int
    actions: int
    customer_contacts: int
    fail_points: int
    wait_points: int
    wait_min_seconds: int  # the difference of the shortest totals
    wait_max_seconds: int  # the difference of the longest totals


class ScenarioFigures(_Frozen):
    id: str
    label: str
    segment: str | None
    main: bool  # the first declared, which the others are compared with
    steps: int
    actions: int
    flows: int
    customer_contacts: int  # flows across the line of interaction
    fail_points: int
    high_severity_fail_points: int
    wait_points: int
    customer_wait: TimeRange
    exceeds_max_wait: bool | None  # whether the longest total breaks the promise; null without a max-wait
    compared_with_main: ScenarioComparison | None  # null for the main one


def _figures(blueprint: Blueprint, scenario: str) -> dict[str, object]:
    projected = project(blueprint, scenario)
    waits = [wait.duration for wait in projected.wait_points()]
    total = TimeRange.total(waits)
    fails = projected.fail_points()
    promise = blueprint.max_wait
    return {
        "steps": len(projected.steps),
        "actions": len(projected.actions()),
        "flows": len(projected.flows),
        "customer_contacts": len(flows_crossing(projected)[Line.INTERACTION]),
        "fail_points": len(fails),
        "high_severity_fail_points": sum(1 for fail in fails if fail.severity is Severity.HIGH),
        "wait_points": len(waits),
        "customer_wait": total,
        "exceeds_max_wait": None if promise is None else total.max_seconds > promise.seconds,
    }


def _compared(figures: dict[str, object], main: dict[str, object]) -> ScenarioComparison:
    def more(name: str) -> int:
        return int(figures[name]) - int(main[name])  # type: ignore[call-overload]

    wait, main_wait = figures["customer_wait"], main["customer_wait"]
    assert isinstance(wait, TimeRange) and isinstance(main_wait, TimeRange)
    return ScenarioComparison(
        steps=more("steps"), actions=more("actions"), customer_contacts=more("customer_contacts"),
        fail_points=more("fail_points"), wait_points=more("wait_points"),
        wait_min_seconds=round(wait.min_seconds - main_wait.min_seconds),
        wait_max_seconds=round(wait.max_seconds - main_wait.max_seconds),
    )


def scenario_figures(blueprint: Blueprint) -> list[ScenarioFigures]:
    """The figures of every declared scenario, in declaration order; none without scenarios."""
    declared = list(scenario_index(blueprint).values())
    counted = [_figures(blueprint, scenario.id) for scenario in declared]
    return [
        ScenarioFigures(id=scenario.id, label=scenario.label, segment=scenario.segment, main=index == 0,
                        compared_with_main=None if index == 0 else _compared(figures, counted[0]),
                        **figures)  # type: ignore[arg-type]
        for index, (scenario, figures) in enumerate(zip(declared, counted))
    ]
