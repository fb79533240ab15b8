"""The builder's working state: a blueprint, its steps and its actions while
their statements are still being read, and how each becomes a model node."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from blueprint.diagnostics import Code, Diagnostic, Text
from blueprint.model.types import (
    Action,
    Blueprint,
    Confidence,
    Control,
    Cost,
    Emotion,
    Metric,
    ResearchNote,
    DurationRange,
    Evidence,
    FailPoint,
    Flow,
    Decision,
    Detail,
    ChannelLabel,
    Header,
    KeyMark,
    Lane,
    Line,
    Link,
    Node,
    Phase,
    RepeatedAttribute,
    Role,
    Scenario,
    Step,
    Via,
    WaitPoint,
)
from blueprint.parse.statements import PhaseStatement, StepStatement
from blueprint.source import Span

_N = TypeVar("_N", bound=Node)


def node(node_class: type[_N], /, **values: Any) -> _N:
    """A model node from values already checked and typed (see Node). Nodes
    made here with the same fields share one set of those fields' names:
    pydantic keeps one per node, and a set of seven or more names takes
    about 700 bytes, as much as the rest of the node."""
    return node_class.model_construct(_shared_names(node_class, tuple(values)), **values)


@cache
def _shared_names(node_class: type[Node], names: tuple[str, ...]) -> set[str]:
    return set(names)


@dataclass
class ActionDraft:
    id: str
    generated_id: bool
    label: str
    lane: Lane
    step: str
    span: Span
    id_span: Span
    fails: list[FailPoint] = field(default_factory=list)
    waits: list[WaitPoint] = field(default_factory=list)
    duration: DurationRange | None = None
    cost: Cost | None = None
    notes: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    attribute_lines: dict[str, int] = field(default_factory=dict)  # keyword -> the line that set it
    controls: list[Control] = field(default_factory=list)
    research: list[ResearchNote] = field(default_factory=list)
    confidence: Confidence | None = None
    role: str | None = None
    role_span: Span | None = None
    key: KeyMark | None = None
    decision: Decision | None = None
    via: Via | None = None
    scenarios: tuple[str, ...] = ()
    scenario_spans: tuple[Span, ...] = ()
    detail: Detail | None = None

    def freeze(self) -> Action:
        return node(
            Action,
            id=self.id,
            generated_id=self.generated_id,
            label=self.label,
            lane=self.lane,
            step=self.step,
            fails=tuple(self.fails),
            waits=tuple(self.waits),
            duration=self.duration,
            cost=self.cost,
            notes=tuple(self.notes),
            links=tuple(self.links),
            span=self.span,
            id_span=self.id_span,
            controls=tuple(self.controls),
            research=tuple(self.research),
            confidence=self.confidence,
            role=self.role,
            role_span=self.role_span,
            key=self.key,
            decision=self.decision,
            via=self.via,
            scenarios=self.scenarios,
            scenario_spans=self.scenario_spans,
            detail=self.detail,
        )


@dataclass
class StepDraft:
    statement: StepStatement
    phase: int | None
    evidence: list[Evidence] = field(default_factory=list)
    actions: list[ActionDraft] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    emotion: Emotion | None = None
    metrics: list[Metric] = field(default_factory=list)
    research: list[ResearchNote] = field(default_factory=list)
    key: KeyMark | None = None
    via: Via | None = None
    detail: Detail | None = None
    attribute_lines: dict[str, int] = field(default_factory=dict)  # keyword -> the line that set it
    scenarios: tuple[str, ...] = ()
    scenario_spans: tuple[Span, ...] = ()

    def freeze(self) -> Step:
        return node(
            Step,
            id=self.statement.id.text,
            label=self.statement.label,
            phase=self.phase,
            evidence=tuple(self.evidence),
            actions=tuple(action.freeze() for action in self.actions),
            span=self.statement.span,
            id_span=self.statement.id.span,
            controls=tuple(self.controls),
            emotion=self.emotion,
            metrics=tuple(self.metrics),
            research=tuple(self.research),
            key=self.key,
            via=self.via,
            scenarios=self.scenarios,
            scenario_spans=self.scenario_spans,
            detail=self.detail,
        )


class BlueprintDraft:
    """Everything read so far, and what was wrong with it."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        self.fields: dict[str, object] = {}
        self.segments: list[str] = []
        self.headers: list[Header] = []
        self.lane_labels: dict[Lane, str] = {}
        self.line_labels: dict[Line, str] = {}
        self.phases: list[tuple[PhaseStatement, list[str]]] = []
        self.steps: list[StepDraft] = []
        self.flows: list[Flow] = []
        self.roles: list[Role] = []
        self.channels: list[ChannelLabel] = []
        self.scenarios: list[Scenario] = []
        self.only_lines: dict[int, int] = {}  # the line of a flow statement -> the line of its `only`
        self.repeated_attributes: list[RepeatedAttribute] = []
        self.phase_metrics: dict[int, list[Metric]] = {}  # by phase index
        self.fail_count = 0
        self.wait_count = 0
        self.key_count = 0
        self.seen_body = False
        self.seen_statement = False

    def report(self, code: Code, span: Span, message: str | Text, hint: str | Text | None = None) -> None:
        self.diagnostics.append(code.at(self.file, span, message, hint))

    def freeze(self) -> Blueprint:
        blueprint = node(
            Blueprint,
            source_name=self.file,
            segments=tuple(self.segments),
            headers=tuple(self.headers),
            lane_labels=self.lane_labels,
            line_labels=self.line_labels,
            phases=tuple(
                node(Phase, name=statement.name, steps=tuple(steps), span=statement.span,
                     metrics=tuple(self.phase_metrics.get(index, ())))
                for index, (statement, steps) in enumerate(self.phases)
            ),
            steps=tuple(step.freeze() for step in self.steps),
            flows=tuple(self.flows),
            roles=tuple(self.roles),
            channels=tuple(self.channels),
            scenarios=tuple(self.scenarios),
            **self.fields,
        )
        if self.repeated_attributes:
            blueprint._repeated_attributes = tuple(self.repeated_attributes)
        return blueprint
