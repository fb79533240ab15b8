"""Scenarios: `scenario ID "Label" [segment "…"]` among the headers, and
`only ID, ID…` under the step, action or flow line it marks.

`only` attaches to the nearest of them above it, as `key` and `via` do, and
to a flow line too: under a step before its first action it marks the step,
under an action the action, under a flow line every arrow of that line. A
scenario declared twice is kept twice, and an `only` naming an undeclared
one is kept as written: the validator reports both, with a "did you mean".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blueprint.model.attributes import first_attribute
from blueprint.model.drafts import ActionDraft, BlueprintDraft, StepDraft, node
from blueprint.model.headers import header_allowed
from blueprint.model.practice import first_for_step, step_or_action
from blueprint.model.types import Scenario
from blueprint.model.values import check_reserved
from blueprint.parse.codes import REPEATED_ATTRIBUTE
from blueprint.parse.statements import OnlyStatement, ScenarioStatement


def scenario(draft: BlueprintDraft, statement: ScenarioStatement) -> None:
    if not header_allowed(draft, "scenario", statement.span):
        return
    check_reserved(draft, statement.id)
    draft.scenarios.append(node(Scenario, id=statement.id.text, label=statement.label, segment=statement.segment,
                                span=statement.span, id_span=statement.id.span))


def _holder_line(holder: StepDraft | ActionDraft) -> int:
    return holder.statement.span.line if isinstance(holder, StepDraft) else holder.span.line


def only(draft: BlueprintDraft, statement: OnlyStatement) -> None:
    names = tuple(word.text for word in statement.scenarios)
    spans = tuple(word.span for word in statement.scenarios)
    flow_line = draft.flows[-1].span.line if draft.flows else 0
    if draft.steps:
        step = draft.steps[-1]
        holder: StepDraft | ActionDraft = step.actions[-1] if step.actions else step
        if _holder_line(holder) > flow_line:
            _mark(draft, holder, names, spans, statement)
            return
    if flow_line:
        _mark_flow_line(draft, names, spans, statement)
        return
    step_or_action(draft, "only", statement.span)  # reports that nothing stands above it


def _mark(draft: BlueprintDraft, holder: StepDraft | ActionDraft, names: tuple[str, ...],
          spans: tuple, statement: OnlyStatement) -> None:
    if isinstance(holder, StepDraft):
        if not first_for_step(draft, holder, "only", statement.span):
            return
    elif not first_attribute(draft, holder, "only", statement.span):
        return
    holder.scenarios, holder.scenario_spans = names, spans


def _mark_flow_line(draft: BlueprintDraft, names: tuple[str, ...], spans: tuple, statement: OnlyStatement) -> None:
    """Marks every arrow of the flow line above (they share its span)."""
    line_span = draft.flows[-1].span
    earlier = draft.only_lines.setdefault(line_span.line, statement.span.line)
    if earlier != statement.span.line:
        draft.report(
            REPEATED_ATTRIBUTE,
            statement.span,
            REPEATED_ATTRIBUTE.text("in_flow", keyword="only", flow=line_span.line, line=earlier),
            hint=REPEATED_ATTRIBUTE.text("keep_line"),
        )
        return
    index = len(draft.flows)
    while index > 0 and draft.flows[index - 1].span == line_span:
        index -= 1
        draft.flows[index] = draft.flows[index].model_copy(update={"scenarios": names, "scenario_spans": spans})


HANDLERS: dict[type, Callable[[BlueprintDraft, Any], None]] = {
    ScenarioStatement: scenario,
    OnlyStatement: only,
}
