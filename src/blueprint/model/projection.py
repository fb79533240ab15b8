"""One scenario of a blueprint, as a blueprint of its own.

Everything no `only` marks belongs to every scenario. A step marked `only X`
belongs to X; an action belongs to a scenario when it and its step do (an
action marked for more scenarios than its step keeps only the step's); a
flow belongs when it is marked for the scenario or not marked, and both its
ends belong. Fail and wait points go with their action. Numbers (F2, W3, K1)
stay as in the whole blueprint, so a scenario's drawing and the whole one
name the same point alike. The validator checks each scenario's projection
as a blueprint, and render, stats and diff draw and count it.
"""

from __future__ import annotations

from blueprint.model.types import Action, Blueprint, Flow, Scenario, Step


def belongs(marks: tuple[str, ...], scenario: str) -> bool:
    """Whether what carries `marks` (an `only` line's scenarios, or none) belongs to `scenario`."""
    return not marks or scenario in marks


def scenario_index(blueprint: Blueprint) -> dict[str, Scenario]:
    """Scenarios by ID; with one declared twice the first wins (the validator reports the rest)."""
    index: dict[str, Scenario] = {}
    for scenario in blueprint.scenarios:
        index.setdefault(scenario.id, scenario)
    return index


def scenarios_of(blueprint: Blueprint, step: Step, action: Action | None = None) -> tuple[str, ...]:
    """The declared scenarios a step, or an action of it, belongs to, in declaration order."""
    return tuple(scenario for scenario in scenario_index(blueprint)
                 if belongs(step.scenarios, scenario) and (action is None or belongs(action.scenarios, scenario)))


def flow_scenarios(blueprint: Blueprint, flow: Flow, present: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The declared scenarios a flow belongs to; `present` maps each step and action ID to its scenarios."""
    every = tuple(scenario_index(blueprint))
    ends = (present.get(flow.source, every), present.get(flow.target, every))
    return tuple(scenario for scenario in every
                 if belongs(flow.scenarios, scenario) and scenario in ends[0] and scenario in ends[1])


def memberships(blueprint: Blueprint) -> dict[str, tuple[str, ...]]:
    """The declared scenarios of every step and action, by ID (the first of a repeated ID wins)."""
    found: dict[str, tuple[str, ...]] = {}
    for step in blueprint.steps:
        found.setdefault(step.id, scenarios_of(blueprint, step))
        for action in step.actions:
            found.setdefault(action.id, scenarios_of(blueprint, step, action))
    return found


def project(blueprint: Blueprint, scenario: str) -> Blueprint:
    """The blueprint of one scenario: its steps, actions and flows only."""
    steps: list[Step] = []
    dropped: set[str] = set()
    for step in blueprint.steps:
        if not belongs(step.scenarios, scenario):
            dropped.add(step.id)
            dropped.update(action.id for action in step.actions)
            continue
        kept = tuple(action for action in step.actions if belongs(action.scenarios, scenario))
        dropped.update(action.id for action in step.actions if not belongs(action.scenarios, scenario))
        steps.append(step if len(kept) == len(step.actions) else step.model_copy(update={"actions": kept}))
    kept_steps = {step.id for step in steps}
    flows = tuple(flow for flow in blueprint.flows
                  if belongs(flow.scenarios, scenario) and flow.source not in dropped and flow.target not in dropped)
    phases = tuple(phase.model_copy(update={"steps": tuple(step for step in phase.steps if step in kept_steps)})
                   for phase in blueprint.phases)
    return blueprint.model_copy(update={"steps": tuple(steps), "flows": flows, "phases": phases})


class UnknownScenario(ValueError):
    """A scenario asked for that the blueprint does not declare."""

    def __init__(self, source_name: str, scenario: str, declared: tuple[str, ...]) -> None:
        self.scenario, self.declared = scenario, declared
        choices = ", ".join(declared) if declared else "none"
        super().__init__(f"{source_name} has no scenario '{scenario}'; it declares: {choices}")


def scenario_drawing(blueprint: Blueprint, scenario: str) -> Blueprint:
    """What a drawing of one scenario shows (and `stats` and `diff` of it
    count): its projection, titled with the scenario's label, as a blueprint
    with no scenarios of its own."""
    index = scenario_index(blueprint)
    if scenario not in index:
        raise UnknownScenario(blueprint.source_name, scenario, tuple(index))
    label = index[scenario].label
    title = f"{blueprint.title} — {label}" if blueprint.title else label
    return _unmarked(project(blueprint, scenario)).model_copy(update={"title": title, "scenarios": ()})


def _unmarked(blueprint: Blueprint) -> Blueprint:
    """The blueprint with no `only` marks: in one scenario's drawing, everything is of it."""
    none = {"scenarios": (), "scenario_spans": ()}
    steps = tuple(step.model_copy(update={**none, "actions": tuple(
        action.model_copy(update=none) if action.scenarios else action for action in step.actions)})
        for step in blueprint.steps)
    flows = tuple(flow.model_copy(update=none) if flow.scenarios else flow for flow in blueprint.flows)
    return blueprint.model_copy(update={"steps": steps, "flows": flows})


def project_both(old: Blueprint, new: Blueprint, scenario: str) -> tuple[Blueprint, Blueprint]:
    """One scenario of two versions of a blueprint, to compare them (`diff --scenario`)."""
    return scenario_drawing(old, scenario), scenario_drawing(new, scenario)
