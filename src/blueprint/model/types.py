"""The blueprint model: what a .bp file means, independent of how it was written.

The model is permissive on purpose: it keeps duplicate IDs, dangling references
and reversed ranges so that the validator can report every one of them.
Renderers only ever receive a model that validated without errors.
"""

from __future__ import annotations

from pydantic import Field, PrivateAttr

from blueprint.source import Span
from blueprint.vocabulary import Confidence, Impact, NoteKind  # noqa: F401 (research notes, confidence)
from blueprint.vocabulary import ACTION_LANES, LINE_ABOVE, OPTIONAL_LANES, DEFAULT_LANGUAGE, DEFAULT_STATE, FlowKind, Language, Lane, Line, RoleKind, Severity, State  # noqa: F401 (the model types its nodes with them)
from blueprint.model.node import Node
from blueprint.model.marks import (ChannelLabel, Decision, Detail, KeyMark, Role, Scenario,  # noqa: F401 (re-exported)
                                   Via)
from blueprint.words import WORDS


class Duration(Node):
    """A length of time as written (`1h30min`) and in seconds."""

    seconds: float
    text: str


class DurationRange(Node):
    """`5min` (minimum equals maximum) or `20min..45min`."""

    min: Duration
    max: Duration
    span: Span

    @property
    def text(self) -> str:
        if self.min.text == self.max.text:
            return self.min.text
        return f"{self.min.text}..{self.max.text}"


class Cost(Node):
    amount: float
    text: str
    currency: str | None = None
    span: Span


class FailPoint(Node):
    """A place where the service can fail in a way the customer notices (Shostack's F)."""

    number: int = Field(description="1-based, in document order: F1, F2, …")
    action: str
    description: str
    severity: Severity | None = None
    recover: str | None = None
    span: Span
    recover_span: Span | None = None


class WaitPoint(Node):
    """A place where the customer waits (Shostack's W)."""

    number: int = Field(description="1-based, in document order: W1, W2, …")
    action: str
    duration: DurationRange
    description: str | None = None
    span: Span


class Link(Node):
    url: str
    span: Span


class Control(Node):
    """A policy, regulation or control that applies where it is written (an
    identity check under anti-money-laundering rules, a cooling-off period,
    dual control), with the rule it comes from if one is named. Drawn as
    numbered C marks, C1, C2, … in document order."""

    text: str
    reference: str | None = Field(default=None, description="the law, article or policy it comes from")
    span: Span


class Emotion(Node):
    """How the customer feels at a step, from -2 (frustrated) to +2
    (delighted), as written: a score or a word of the scale (`word`)."""

    score: int = Field(ge=-2, le=2, description="-2 (frustrated) to +2 (delighted)")
    word: str | None = Field(default=None, description="the word of the scale it was written with, if any")
    note: str | None = None
    span: Span


class Metric(Node):
    """A named measure of a phase or a step (abandon rate, NPS, volume per
    day), with its value as written and its unit."""

    name: str
    value: float | None = Field(default=None, description="none when the file gives no number (BP222)")
    text: str | None = Field(default=None, description="the value as written: 1,200 or 4.50")
    unit: str | None = None
    span: Span


class ResearchNote(Node):
    """What research found or proposes at a step or an action: a pain point
    (with its severity), an idea or an opportunity (with its impact), or an
    open question."""

    kind: NoteKind
    text: str
    severity: Severity | None = Field(default=None, description="pain points only")
    impact: Impact | None = Field(default=None, description="ideas and opportunities only")
    span: Span


class Action(Node):
    id: str
    generated_id: bool = False
    label: str
    lane: Lane
    step: str
    fails: tuple[FailPoint, ...] = ()
    waits: tuple[WaitPoint, ...] = ()
    duration: DurationRange | None = None
    cost: Cost | None = None
    notes: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    span: Span
    id_span: Span
    controls: tuple[Control, ...] = ()
    research: tuple[ResearchNote, ...] = ()
    confidence: Confidence | None = Field(default=None, description="as written; see Blueprint.confidence_of")
    role: str | None = Field(default=None, description="the ID of the role that performs it (`by`)")
    role_span: Span | None = None
    key: KeyMark | None = None
    decision: Decision | None = None
    via: Via | None = None
    scenarios: tuple[str, ...] = Field(default=(), description="the scenarios it belongs to (`only`); none: every one")
    scenario_spans: tuple[Span, ...] = Field(default=(), description="where each of `scenarios` is written")
    detail: Detail | None = None


class Evidence(Node):
    id: str | None = None
    label: str
    step: str
    span: Span
    id_span: Span | None = None


class Step(Node):
    id: str
    label: str
    phase: int | None = Field(default=None, description="index into Blueprint.phases")
    evidence: tuple[Evidence, ...] = ()
    actions: tuple[Action, ...] = ()
    span: Span
    id_span: Span
    controls: tuple[Control, ...] = Field(default=(), description="those of the step as a whole")
    emotion: Emotion | None = None
    metrics: tuple[Metric, ...] = ()
    research: tuple[ResearchNote, ...] = Field(default=(), description="those of the step as a whole")
    key: KeyMark | None = None
    via: Via | None = None
    scenarios: tuple[str, ...] = Field(default=(), description="the scenarios it belongs to (`only`); none: every one")
    scenario_spans: tuple[Span, ...] = Field(default=(), description="where each of `scenarios` is written")
    detail: Detail | None = None


class Phase(Node):
    name: str
    steps: tuple[str, ...] = ()
    span: Span
    metrics: tuple[Metric, ...] = ()


class Flow(Node):
    """One arrow. A chain `a -> b "label" -> c` becomes two flows, `a -> b`
    labelled and `b -> c` not; they share the chain's span."""

    source: str
    target: str
    kind: FlowKind
    label: str | None = None
    span: Span
    source_span: Span
    target_span: Span
    scenarios: tuple[str, ...] = Field(default=(), description="the scenarios it belongs to (`only`); none: every one")
    scenario_spans: tuple[Span, ...] = Field(default=(), description="where each of `scenarios` is written")


class Header(Node):
    """Where a header statement stood, for diagnostics about it (a header
    given twice is kept twice; the first one's value counts)."""

    keyword: str
    span: Span


class RepeatedAttribute(Node):
    """A `duration` or `cost` given again for an action: the builder keeps the
    first and sets this one aside, for the validator to report."""

    action: str
    owner: str = "action"  # or "step", for an attribute a step may carry (`key`)
    keyword: str
    span: Span
    first_line: int


# The words of the catalogue (blueprint.words), typed for the model.
DEFAULT_LANE_LABELS: dict[Language, dict[Lane, str]] = {
    language: words["lanes"] for language, words in WORDS.items()  # type: ignore[misc]
}
DEFAULT_LINE_LABELS: dict[Language, dict[Line, str]] = {
    language: words["lines"] for language, words in WORDS.items()  # type: ignore[misc]
}
CHANNEL_LABELS: dict[Language, dict[str, str]] = {
    language: words["channels"] for language, words in WORDS.items()  # type: ignore[misc]
}


class Blueprint(Node):
    """A whole service blueprint."""

    source_name: str
    title: str | None = None
    description: str | None = None
    segments: tuple[str, ...] = ()
    owner: str | None = None
    version: str | None = None
    state: State = DEFAULT_STATE
    lang: Language = DEFAULT_LANGUAGE
    max_wait: Duration | None = None
    max_wait_span: Span | None = None
    lane_labels: dict[Lane, str] = Field(default_factory=dict, description="only the relabelled lanes")
    line_labels: dict[Line, str] = Field(default_factory=dict, description="only the relabelled lines")
    headers: tuple[Header, ...] = ()
    phases: tuple[Phase, ...] = ()
    steps: tuple[Step, ...] = ()
    flows: tuple[Flow, ...] = ()
    roles: tuple[Role, ...] = ()
    channels: tuple[ChannelLabel, ...] = Field(default=(), description="declared or relabelled channels")
    scenarios: tuple[Scenario, ...] = Field(default=(), description="declared scenarios, the main one first")
    # Not part of what the blueprint says, so not a field: it stays out of the
    # export, its JSON Schema and every comparison of valid blueprints.
    _repeated_attributes: tuple[RepeatedAttribute, ...] = PrivateAttr(default=())

    @property
    def repeated_attributes(self) -> tuple[RepeatedAttribute, ...]:
        """The attribute lines the builder set aside because their action already had one."""
        return self._repeated_attributes

    def lane_label(self, lane: Lane) -> str:
        return self.lane_labels.get(lane) or DEFAULT_LANE_LABELS[self.lang][lane]

    def line_label(self, line: Line) -> str:
        return self.line_labels.get(line) or DEFAULT_LINE_LABELS[self.lang][line]

    def actions(self) -> list[Action]:
        return [action for step in self.steps for action in step.actions]

    def action_lanes(self) -> tuple[Lane, ...]:
        """The action lanes this blueprint has, top to bottom: the four of
        every blueprint, and an optional one only if an action stands in it."""
        used = {action.lane for action in self.actions()}
        return tuple(lane for lane in ACTION_LANES if lane not in OPTIONAL_LANES or lane in used)

    def lines(self) -> tuple[Line, ...]:
        """The lines this blueprint draws, top to bottom: the line above each of its lanes."""
        return tuple(LINE_ABOVE[lane] for lane in self.action_lanes() if lane in LINE_ABOVE)

    def action_index(self) -> dict[str, Action]:
        """Actions by ID; with duplicate IDs the first wins (the validator reports the rest)."""
        index: dict[str, Action] = {}
        for action in self.actions():
            index.setdefault(action.id, action)
        return index

    def role_index(self) -> dict[str, Role]:
        """Roles by ID; with a role declared twice the first wins (the validator reports the rest)."""
        index: dict[str, Role] = {}
        for role in self.roles:
            index.setdefault(role.id, role)
        return index

    def key_marks(self) -> list[tuple[Step, Action | None, KeyMark]]:
        """Every key step and action, in K-number order: (step, action or None for the step, mark)."""
        marks = [(step, None, step.key) for step in self.steps if step.key is not None]
        marks += [(step, action, action.key) for step in self.steps for action in step.actions if action.key is not None]
        return sorted(marks, key=lambda found: found[2].number)  # type: ignore[union-attr]

    def channel_label(self, channel: str) -> str | None:
        """A channel's label: as declared, else the built-in one's in the blueprint's
        language; None for a channel that is neither."""
        for declared in self.channels:
            if declared.id == channel:
                return declared.label
        builtin = CHANNEL_LABELS[self.lang].get(channel)
        return builtin

    def branches(self, action: str) -> list[Flow]:
        """The flows that leave `action` one way (a two-way agreement is no branch)."""
        return [flow for flow in self.flows if flow.source == action and flow.kind is not FlowKind.AGREEMENT]

    def fail_points(self) -> list[FailPoint]:
        return [fail for action in self.actions() for fail in action.fails]

    def wait_points(self) -> list[WaitPoint]:
        return [wait for action in self.actions() for wait in action.waits]

    def confidence_of(self, action: Action) -> Confidence:
        """How sure an action is: as written, else proposed in a future state and observed in the current one."""
        if action.confidence is not None:
            return action.confidence
        return Confidence.PROPOSED if self.state is State.FUTURE else Confidence.OBSERVED

    def research_notes(self) -> list[tuple[Step, Action | None, ResearchNote]]:
        """Every research note in document order: a step's own before its actions'."""
        return [found for step in self.steps for found in _step_notes(step)]

    def controls(self) -> list[tuple[Step, Action | None, Control]]:
        """Every control in document order (C1, C2, …): a step's own before its actions'."""
        return [found for step in self.steps for found in _step_controls(step)]


def _step_controls(step: Step) -> list[tuple[Step, Action | None, Control]]:
    found: list[tuple[Step, Action | None, Control]] = [(step, None, control) for control in step.controls]
    found += [(step, action, control) for action in step.actions for control in action.controls]
    return found




def _step_notes(step: Step) -> list[tuple[Step, Action | None, ResearchNote]]:
    found: list[tuple[Step, Action | None, ResearchNote]] = [(step, None, note) for note in step.research]
    found += [(step, action, note) for action in step.actions for note in action.research]
    return found
