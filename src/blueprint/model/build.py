"""Model stage: groups statements into phases, steps and actions.

The builder only builds. Words the language does not know (an unknown lane, a
misspelt state) and statements that stand where they cannot (an attribute
with no action, a header after the steps) are reported here, because there
is nothing to build from them; whether the result makes sense (references,
ranges, repetitions, practice) is the validator's job.
Headers are read in model.headers, action attributes in model.attributes,
the values inside statements in model.values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blueprint.diagnostics import Diagnostic, did_you_mean
from blueprint.model import attributes, details, headers, practice, practitioner, scenarios
from blueprint.model.codes import AMBIGUOUS_CHAIN_LABEL, MISPLACED_STATEMENT
from blueprint.model.drafts import ActionDraft, BlueprintDraft, StepDraft, node
from blueprint.model.types import Blueprint, Evidence, Flow, FlowKind, Lane
from blueprint.model.values import LANE_NAMES, check_reserved, meant_keyword, read_lane
from blueprint.parse.codes import UNEXPECTED_TOKEN
from blueprint.parse.gcpause import paused
from blueprint.parse.statements import (
    AnyStatement,
    FlowStatement,
    ItemStatement,
    PhaseStatement,
    StepStatement,
)

ARROW_KINDS = {"->": FlowKind.HANDOFF, "-->": FlowKind.DEFERRED, "<->": FlowKind.AGREEMENT}


def phase(draft: BlueprintDraft, statement: PhaseStatement) -> None:
    draft.seen_body = True
    draft.phases.append((statement, []))


def step(draft: BlueprintDraft, statement: StepStatement) -> None:
    draft.seen_body = True
    check_reserved(draft, statement.id)
    phase_index = len(draft.phases) - 1 if draft.phases else None
    if draft.phases:
        draft.phases[-1][1].append(statement.id.text)
    draft.steps.append(StepDraft(statement=statement, phase=phase_index))


def item(draft: BlueprintDraft, statement: ItemStatement) -> None:
    """An action or a piece of evidence, in the step above it."""
    word = statement.lane.text
    if word not in LANE_NAMES and meant_keyword(word):
        # `stpe s "S"` reads as an action in lane `stpe`; the writer meant a keyword.
        draft.report(
            UNEXPECTED_TOKEN,
            statement.lane.span,
            UNEXPECTED_TOKEN.text("neither", word=word),
            hint=did_you_mean(meant_keyword(word)),
        )
        return
    lane = read_lane(draft, statement.lane, allow_evidence=True)
    if lane is None:
        return
    if not draft.steps:
        what = (MISPLACED_STATEMENT.text("evidence") if lane is Lane.EVIDENCE
                else MISPLACED_STATEMENT.text("the_action", lane=lane.value))
        draft.report(
            MISPLACED_STATEMENT,
            statement.span,
            MISPLACED_STATEMENT.text("outside", what=what),
            hint=MISPLACED_STATEMENT.text("open_step"),
        )
        return
    if lane is Lane.EVIDENCE:
        _evidence(draft, draft.steps[-1], statement)
    else:
        _action(draft, draft.steps[-1], statement, lane)


def _evidence(draft: BlueprintDraft, step: StepDraft, statement: ItemStatement) -> None:
    if statement.id is not None:
        check_reserved(draft, statement.id)
    step.evidence.append(
        node(
            Evidence,
            id=statement.id.text if statement.id else None,
            label=statement.label,
            step=step.statement.id.text,
            span=statement.span,
            id_span=statement.id.span if statement.id else None,
        )
    )


def _action(draft: BlueprintDraft, step: StepDraft, statement: ItemStatement, lane: Lane) -> None:
    step_id = step.statement.id.text
    if statement.id is not None:
        check_reserved(draft, statement.id)
        action_id, generated, id_span = statement.id.text, False, statement.id.span
    else:
        # Dots cannot appear in a written ID, so a generated one never collides.
        same_lane = sum(1 for action in step.actions if action.lane is lane)
        action_id, generated, id_span = f"{step_id}.{lane.value}{same_lane + 1}", True, statement.lane.span
    step.actions.append(
        ActionDraft(
            id=action_id,
            generated_id=generated,
            label=statement.label,
            lane=lane,
            step=step_id,
            span=statement.span,
            id_span=id_span,
        )
    )


def flow(draft: BlueprintDraft, statement: FlowStatement) -> None:
    """One flow per arrow, each with the label written after its target."""
    ends = statement.endpoints
    labels = _labels_by_arrow(draft, statement)
    for index, arrow in enumerate(statement.arrows):
        draft.flows.append(
            node(
                Flow,
                source=ends[index].text,
                target=ends[index + 1].text,
                kind=ARROW_KINDS[arrow],
                label=labels[index],
                span=statement.span,
                source_span=ends[index].span,
                target_span=ends[index + 1].span,
            )
        )


def _labels_by_arrow(draft: BlueprintDraft, statement: FlowStatement) -> list[str | None]:
    """The label of each arrow. A chain whose only label ends the line is the
    older form, `a -> b -> c "L"`: its label has always named the first arrow,
    so it still does (files keep their meaning), with a warning, since it
    reads as the last arrow's."""
    labels = [word.text if word is not None else None for word in statement.labels]
    last = statement.labels[-1]
    if len(labels) < 2 or last is None or any(label is not None for label in labels[:-1]):
        return labels
    ends, arrows = statement.endpoints, statement.arrows
    first = f"{ends[0].text} {arrows[0]} {ends[1].text}"
    final = f"{ends[-2].text} {arrows[-1]} {ends[-1].text}"
    written = '"' + last.text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    draft.report(
        AMBIGUOUS_CHAIN_LABEL,
        last.span,
        AMBIGUOUS_CHAIN_LABEL.text("chain", count=len(arrows), first=first),
        hint=AMBIGUOUS_CHAIN_LABEL.text("move_label", first=first, target=ends[1].text, final=final,
                                        last=ends[-2].text, label=written),
    )
    return [last.text, *[None] * (len(labels) - 1)]


_HANDLERS: dict[type, Callable[[BlueprintDraft, Any], None]] = {
    **headers.HANDLERS,
    PhaseStatement: phase,
    StepStatement: step,
    ItemStatement: item,
    **attributes.HANDLERS,
    FlowStatement: flow,
    **practitioner.HANDLERS,
    **practice.HANDLERS,
    **scenarios.HANDLERS,
    **details.HANDLERS,
}


def build(file: str, statements: tuple[AnyStatement, ...] | list[AnyStatement]) -> tuple[Blueprint, list[Diagnostic]]:
    """The blueprint the statements describe, and what is structurally wrong with them."""
    with paused():
        draft = BlueprintDraft(file)
        for statement in statements:
            _HANDLERS[type(statement)](draft, statement)
            draft.seen_statement = True
        return draft.freeze(), draft.diagnostics
