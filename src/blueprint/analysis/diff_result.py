"""What `diff` returns: the changes between two blueprints, as data.

Text and JSON are two renderings of a BlueprintDiff; `marks()` gives the sets
a drawing of the new blueprint with its changes marked would need.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from blueprint.analysis.measures import TimeRange
from blueprint.model.types import FlowKind, Lane, Line, State

DIFF_FORMAT = "blueprint-diff"
DIFF_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class FieldChange(_Frozen):
    """One difference. Text (labels, notes, titles) is given as is; durations,
    costs and waits as they are written in .bp (`5min..10min "On hold"`).
    `old` is null for something added, `new` for something removed."""

    field: str
    old: str | None
    new: str | None


class Side(_Frozen):
    file: str
    title: str | None
    state: State


class StepRef(_Frozen):
    id: str
    label: str
    phase: str | None


class StepChange(_Frozen):
    id: str
    label: str  # the new one
    changes: list[FieldChange]


class ActionRef(_Frozen):
    id: str
    generated_id: bool
    label: str
    lane: Lane
    step: str


class ActionChange(_Frozen):
    id: str
    label: str  # the new one
    lane: Lane
    step: str
    changes: list[FieldChange]


class PossibleMatch(_Frozen):
    """A removed and an added action in the same lane with alike labels."""

    old: str
    new: str
    lane: Lane
    similarity: float  # 0..1, rounded to two decimals


class FailRef(_Frozen):
    number: int  # F number in its own blueprint
    action: str
    step: str
    description: str
    severity: str | None
    recover: str | None
    action_status: Literal["kept", "removed", "added"]


class FailChange(_Frozen):
    """A fail point in both blueprints whose severity or recovery changed."""

    action: str
    description: str
    old_number: int
    new_number: int
    changes: list[FieldChange]


class FlowRef(_Frozen):
    source: str
    target: str
    kind: FlowKind
    label: str | None


class FlowChange(_Frozen):
    """A flow on both sides (same ends and kind) whose attributes changed: its
    `only` line, for now. A changed label is `relabelled`, not this."""

    source: str
    target: str
    kind: FlowKind
    label: str | None  # as in the new blueprint
    changes: list[FieldChange]


class StepsDiff(_Frozen):
    unchanged: int
    added: list[StepRef]
    removed: list[StepRef]
    changed: list[StepChange]


class ActionsDiff(_Frozen):
    unchanged: int
    added: list[ActionRef]
    removed: list[ActionRef]
    changed: list[ActionChange]
    possible_matches: list[PossibleMatch]


class FailPointsDiff(_Frozen):
    old_total: int
    new_total: int
    resolved: list[FailRef]
    introduced: list[FailRef]
    changed: list[FailChange]


class FlowsDiff(_Frozen):
    old_total: int
    new_total: int
    added: list[FlowRef]
    removed: list[FlowRef]
    relabelled: list[FlowRef]  # as in the new blueprint; old label in the old one
    changed: list[FlowChange] = []


class CountChange(_Frozen):
    old: int
    new: int


class RangeChange(_Frozen):
    old: TimeRange
    new: TimeRange


class LineCrossingChange(_Frozen):
    line: Line
    label: str  # as the new blueprint labels it
    old: int
    new: int


class CompareMarks(_Frozen):
    """What a drawing of the new blueprint would mark (IDs of the new one, but
    `removed_*` and `resolved_fail_numbers`, which belong to the old)."""

    added_steps: frozenset[str]
    changed_steps: frozenset[str]
    removed_steps: frozenset[str]
    added_actions: frozenset[str]
    changed_actions: frozenset[str]
    removed_actions: frozenset[str]
    introduced_fail_numbers: frozenset[int]
    resolved_fail_numbers: frozenset[int]
    added_flows: frozenset[tuple[str, str, FlowKind]]


class BlueprintDiff(_Frozen):
    old: Side
    new: Side
    blueprint_changes: list[FieldChange]
    steps: StepsDiff
    actions: ActionsDiff
    fail_points: FailPointsDiff
    flows: FlowsDiff
    customer_wait: RangeChange
    customer_contacts: CountChange
    line_crossings: list[LineCrossingChange]
    duration: RangeChange

    @property
    def has_changes(self) -> bool:
        return bool(
            self.blueprint_changes
            or self.steps.added or self.steps.removed or self.steps.changed
            or self.actions.added or self.actions.removed or self.actions.changed
            or self.fail_points.resolved or self.fail_points.introduced or self.fail_points.changed
            or self.flows.added or self.flows.removed or self.flows.relabelled or self.flows.changed
        )

    def marks(self) -> CompareMarks:
        fail_actions = {change.action for change in self.fail_points.changed}
        fail_actions |= {ref.action for ref in (*self.fail_points.resolved, *self.fail_points.introduced)
                         if ref.action_status == "kept"}
        return CompareMarks(
            added_steps=frozenset(step.id for step in self.steps.added),
            changed_steps=frozenset(step.id for step in self.steps.changed),
            removed_steps=frozenset(step.id for step in self.steps.removed),
            added_actions=frozenset(action.id for action in self.actions.added),
            changed_actions=frozenset(action.id for action in self.actions.changed) | fail_actions,
            removed_actions=frozenset(action.id for action in self.actions.removed),
            introduced_fail_numbers=frozenset(ref.number for ref in self.fail_points.introduced),
            resolved_fail_numbers=frozenset(ref.number for ref in self.fail_points.resolved),
            added_flows=frozenset((flow.source, flow.target, flow.kind) for flow in self.flows.added),
        )


class DiffReport(_Frozen):
    """What `blueprint diff --format json` prints."""

    format: Literal["blueprint-diff"] = DIFF_FORMAT
    version: Literal[1] = DIFF_VERSION
    diff: BlueprintDiff
