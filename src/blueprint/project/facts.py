"""What the project stage needs to know of one checked file: its `detail`
references with the lanes of what each details, the lanes its own actions
stand in, and whether it has errors. A few records per file, small enough
to send back from a worker process in place of the whole model."""

from __future__ import annotations

from dataclasses import dataclass

from blueprint.model.types import Action, Blueprint, Lane, Step
from blueprint.source import Span

# Behind the line of visibility: the customer neither sees nor acts there.
BEHIND_VISIBILITY = frozenset({Lane.BACKSTAGE, Lane.SUPPORT, Lane.PREPARATION, Lane.MANAGEMENT})


@dataclass(frozen=True)
class Reference:
    """One `detail "path.bp"`: the path as written and where, and what it details."""

    path: str
    span: Span  # the path's string
    owner: str  # the ID of the step or action it details
    owner_lanes: frozenset[Lane]  # an action's lane; a step's, the lanes of its actions


@dataclass(frozen=True)
class FileFacts:
    """One checked file, as the project stage sees it."""

    name: str  # the name its diagnostics are reported under
    title: str
    references: tuple[Reference, ...] = ()
    lanes: frozenset[Lane] = frozenset()  # the lanes its actions stand in
    customer_actions: tuple[str, ...] = ()  # their IDs, to name in a finding
    errors: int = 0


def _reference(owner: Step | Action, lanes: frozenset[Lane]) -> Reference:
    assert owner.detail is not None
    return Reference(path=owner.detail.path, span=owner.detail.path_span, owner=owner.id, owner_lanes=lanes)


def file_facts(name: str, blueprint: Blueprint | None, errors: int) -> FileFacts:
    """The facts of a file checked under `name`; a file that could not be read has none but its errors."""
    if blueprint is None:
        return FileFacts(name=name, title="", errors=max(errors, 1))
    references: list[Reference] = []
    for step in blueprint.steps:
        if step.detail is not None:
            references.append(_reference(step, frozenset(action.lane for action in step.actions)))
        references.extend(_reference(action, frozenset({action.lane})) for action in step.actions
                          if action.detail is not None)
    actions = blueprint.actions()
    return FileFacts(
        name=name,
        title=blueprint.title or "",
        references=tuple(references),
        lanes=frozenset(action.lane for action in actions),
        customer_actions=tuple(action.id for action in actions if action.lane is Lane.CUSTOMER),
        errors=errors,
    )
