"""What a practitioner adds to a phase, a step or an action: controls (and,
as they come, emotion, metrics, research notes and confidence).

Each line attaches to the nearest phase, step or action above it: written
under a step before its first action it is the step's, after an action it is
that action's (evidence in between does not count, as for `fail`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blueprint.model.codes import ANNOTATION_WITHOUT_STEP
from blueprint.model.drafts import ActionDraft, BlueprintDraft, StepDraft, node
from blueprint.model.types import Control
from blueprint.parse.statements import ControlStatement
from blueprint.source import Span


def _under_phase(draft: BlueprintDraft) -> bool:
    """Whether the nearest phase or step above is a phase (no step of it yet)."""
    if not draft.phases:
        return False
    return not draft.steps or draft.phases[-1][0].span.line > draft.steps[-1].statement.span.line


def _holder(draft: BlueprintDraft, keyword: str, span: Span) -> StepDraft | ActionDraft | None:
    """The step or action a step-or-action line attaches to; reported when there is none."""
    if draft.steps and not _under_phase(draft):
        step = draft.steps[-1]
        return step.actions[-1] if step.actions else step
    where = "right under a phase" if _under_phase(draft) else "before the first step"
    draft.report(
        ANNOTATION_WITHOUT_STEP,
        span,
        f"found '{keyword}' {where}; it belongs to a step or an action, the nearest one above it",
        hint='open a step first (step ID "Label"), then write this line under it or under one of its actions',
    )
    return None


def control(draft: BlueprintDraft, statement: ControlStatement) -> None:
    holder = _holder(draft, "control", statement.span)
    if holder is None:
        return
    reference = statement.reference.text if statement.reference is not None else None
    holder.controls.append(node(Control, text=statement.text, reference=reference, span=statement.span))


HANDLERS: dict[type, Callable[[BlueprintDraft, Any], None]] = {
    ControlStatement: control,
}
