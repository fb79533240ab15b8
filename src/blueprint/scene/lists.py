"""The scene's lists of what a practitioner adds to a drawing: roles, key
steps and actions, controls, the customer's emotion, metrics, research
notes, and the rows that show them (see blueprint.scene)."""

from __future__ import annotations

from typing import Literal

from blueprint.scene.nodes import SceneNode
from blueprint.slotted import record
from blueprint.vocabulary import NoteKindName, RoleKindName, SeverityName


@record
class RoleEntry(SceneNode):
    """A declared role: its ID (the cards' `role`), label and kind."""

    id: str
    label: str
    kind: RoleKindName | None = None


@record
class ScenarioEntry(SceneNode):
    """A declared scenario: its ID (the cards' and arrows' `scenarios`), label,
    the tag that names it on the drawing (A, B, …) and the segment it binds to."""

    id: str
    label: str
    tag: str
    segment: str | None = None


@record
class KeyEntry(SceneNode):
    """A key step (`action` None) or key action, as the list under the drawing names it."""

    number: int
    step: str
    action: str | None
    label: str  # the step's or the action's
    reason: str | None


@record
class ControlEntry(SceneNode):
    """A policy, regulation or control, numbered C1, C2, … in document order,
    on a step as a whole (`action` None) or on one action."""

    number: int
    step: str
    action: str | None
    action_label: str | None
    text: str
    reference: str | None


@record
class EmotionEntry(SceneNode):
    """How the customer feels at a step, -2..+2, as the emotion row draws it."""

    step: str
    score: int
    note: str | None


@record
class MetricEntry(SceneNode):
    """A measure of a phase (`step` None) or of a step, its value as drawn (12%, 1,200)."""

    phase: str | None
    step: str | None
    name: str
    value: str


@record
class NoteEntry(SceneNode):
    """A research note on a step as a whole (`action` None) or on one action;
    `rating` is a pain point's severity or an idea's or opportunity's impact."""

    kind: NoteKindName
    step: str
    action: str | None
    action_label: str | None
    text: str
    rating: SeverityName | None


@record
class RowBand(SceneNode):
    """A row the blueprint uses, over the lanes (the customer's emotion) or
    under them (controls, …), for renderers that rebuild structure (DOT, HTML)."""

    kind: Literal["controls", "emotion", "metrics", "notes"]
    label: str
    y: float
    height: float


@record
class PhaseSummary(SceneNode):
    """A column of an overview drawing, in words: a phase (or a run of steps
    outside any phase) with its key steps and its figures, for the text
    version and the DOT export."""

    label: str
    steps: tuple[str, ...]  # the labels of all its steps
    key_steps: tuple[str, ...]  # the labels of its key steps (marked key, or holding a key action)
    fails: int
    worst: SeverityName | None  # the worst rated severity among its fail points
    waits: int
    longest: str | None  # the longest wait, as the drawing writes it
    beyond: int  # waits beyond the blueprint's max-wait promise
    lowest_emotion: int | None = None  # -2..+2, when any of its steps says
