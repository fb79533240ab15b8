"""Every place an ID stands in a document: where it is defined, where it is named.

Steps, actions and evidence share one namespace of IDs; flows name them at
both ends and `recover` names an action. Scenarios have a namespace of their
own: `scenario` declares one and `only` names it, and a scenario may share
its ID with an action without either being taken for the other. The model
keeps the span of each, so the index is read off the checked blueprint, even
one with errors (the builder keeps every statement it could read).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from blueprint.model.types import Blueprint
from blueprint.source import Span
from blueprint.lsp.positions import span_contains

# What an occurrence is: a definition of a step, an action, evidence or a
# scenario, or a reference from a flow, a `recover` or an `only` list.
STEP = "step"
ACTION = "action"
EVIDENCE = "evidence"
FLOW = "flow"
RECOVER = "recover"
SCENARIO = "scenario"
ONLY = "only"
DEFINITIONS = frozenset({STEP, ACTION, EVIDENCE, SCENARIO})

# The namespaces: the IDs of steps, actions and evidence, and those of scenarios.
IDS = "ids"
SCENARIOS = "scenarios"
_SCENARIO_KINDS = frozenset({SCENARIO, ONLY})


@dataclass(frozen=True, slots=True)
class Occurrence:
    name: str
    span: Span
    kind: str

    @property
    def is_definition(self) -> bool:
        return self.kind in DEFINITIONS

    @property
    def namespace(self) -> str:
        return SCENARIOS if self.kind in _SCENARIO_KINDS else IDS


class SymbolIndex:
    """The occurrences of every ID, by namespace and name, and by line."""

    def __init__(self, occurrences: list[Occurrence]) -> None:
        self.by_name: dict[tuple[str, str], list[Occurrence]] = defaultdict(list)
        self.by_line: dict[int, list[Occurrence]] = defaultdict(list)
        for occurrence in sorted(occurrences, key=lambda o: (o.span.line, o.span.column)):
            self.by_name[occurrence.namespace, occurrence.name].append(occurrence)
            self.by_line[occurrence.span.line - 1].append(occurrence)

    def at(self, line: int, column: int) -> Occurrence | None:
        """The occurrence under 0-based `line`, `column`, if any."""
        return next((o for o in self.by_line.get(line, ()) if span_contains(o.span, line, column)), None)

    def definitions(self, name: str, namespace: str = IDS) -> list[Occurrence]:
        return [o for o in self.by_name.get((namespace, name), ()) if o.is_definition]

    def occurrences(self, name: str, namespace: str = IDS) -> list[Occurrence]:
        return list(self.by_name.get((namespace, name), ()))

    def defined(self, kind: str) -> list[Occurrence]:
        """The first definition of every ID of `kind`, in document order."""
        first: dict[str, Occurrence] = {}
        for line in sorted(self.by_line):
            for occurrence in self.by_line[line]:
                if occurrence.kind == kind:
                    first.setdefault(occurrence.name, occurrence)
        return list(first.values())


def index_blueprint(blueprint: Blueprint | None) -> SymbolIndex:
    if blueprint is None:
        return SymbolIndex([])
    found: list[Occurrence] = []
    for step in blueprint.steps:
        found.append(Occurrence(step.id, step.id_span, STEP))
        found += [Occurrence(ev.id, ev.id_span, EVIDENCE) for ev in step.evidence if ev.id and ev.id_span]
        for action in step.actions:
            if not action.generated_id:
                found.append(Occurrence(action.id, action.id_span, ACTION))
            found += [Occurrence(fail.recover, fail.recover_span, RECOVER)
                      for fail in action.fails if fail.recover and fail.recover_span]
    for flow in blueprint.flows:
        found.append(Occurrence(flow.source, flow.source_span, FLOW))
        found.append(Occurrence(flow.target, flow.target_span, FLOW))
    return SymbolIndex(_distinct(found + _scenario_occurrences(blueprint)))


def _scenario_occurrences(blueprint: Blueprint) -> list[Occurrence]:
    """Each `scenario` header, and each name in an `only` list under a step, an action or a flow line."""
    found = [Occurrence(scenario.id, scenario.id_span, SCENARIO) for scenario in blueprint.scenarios]
    marked = [*blueprint.steps, *blueprint.actions(), *blueprint.flows]
    found += [Occurrence(name, span, ONLY) for holder in marked
              for name, span in zip(holder.scenarios, holder.scenario_spans)]
    return found


def _distinct(found: list[Occurrence]) -> list[Occurrence]:
    """A chain `a -> b -> c` makes two flows that share `b`, and the `only` line
    under it: one occurrence of each."""
    seen: set[tuple[str, int, int]] = set()
    distinct = []
    for occurrence in found:
        key = (occurrence.name, occurrence.span.line, occurrence.span.column)
        if key not in seen:
            seen.add(key)
            distinct.append(occurrence)
    return distinct
