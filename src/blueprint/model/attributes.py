"""Attribute statements: what is said about the action above them (fail and
wait points, duration, cost, notes, links).

An action takes one duration and one cost: a second one is set aside in
`Blueprint.repeated_attributes`, and the validator reports it (BP211).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from blueprint.model.codes import AMOUNT_TOO_LARGE, ATTRIBUTE_WITHOUT_ACTION, BAD_AMOUNT, UNKNOWN_VALUE
from blueprint.model.drafts import ActionDraft, BlueprintDraft, node
from blueprint.model.durations import shortened
from blueprint.model.types import Cost, FailPoint, Link, RepeatedAttribute, Severity, WaitPoint
from blueprint.model.values import read_choice, read_range
from blueprint.parse.statements import (
    CostStatement,
    DurationStatement,
    FailStatement,
    LinkStatement,
    NoteStatement,
    WaitStatement,
)
from blueprint.source import Span

_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# A trillion in any currency is beyond what one action of a service costs; the
# bound keeps amounts, and their sums, exact to the cent and finite.
MAX_AMOUNT = 10**12


def current_action(draft: BlueprintDraft, keyword: str, span: Span) -> ActionDraft | None:
    if draft.steps and draft.steps[-1].actions:
        return draft.steps[-1].actions[-1]
    where = "in_step" if draft.steps else "before_step"
    draft.report(
        ATTRIBUTE_WITHOUT_ACTION,
        span,
        ATTRIBUTE_WITHOUT_ACTION.text(where, keyword=keyword),
        hint=ATTRIBUTE_WITHOUT_ACTION.text("action_first"),
    )
    return None


def first_attribute(draft: BlueprintDraft, action: ActionDraft, keyword: str, span: Span) -> bool:
    """Whether this is the action's first `keyword`; a later one is set aside."""
    earlier = action.attribute_lines.setdefault(keyword, span.line)
    if earlier == span.line:
        return True
    draft.repeated_attributes.append(
        node(RepeatedAttribute, action=action.id, keyword=keyword, span=span, first_line=earlier)
    )
    return False


def fail(draft: BlueprintDraft, statement: FailStatement) -> None:
    action = current_action(draft, "fail", statement.span)
    if action is None:
        return
    severity = None
    if statement.severity is not None:
        severity = read_choice(draft, statement.severity, Severity, UNKNOWN_VALUE.text("a_severity"))
    draft.fail_count += 1
    action.fails.append(
        node(
            FailPoint,
            number=draft.fail_count,
            action=action.id,
            description=statement.description,
            severity=severity,
            recover=statement.recover.text if statement.recover else None,
            span=statement.span,
            recover_span=statement.recover.span if statement.recover else None,
        )
    )


def wait(draft: BlueprintDraft, statement: WaitStatement) -> None:
    action = current_action(draft, "wait", statement.span)
    duration = read_range(draft, statement.range)
    if action is None or duration is None:
        return
    draft.wait_count += 1
    action.waits.append(
        node(
            WaitPoint,
            number=draft.wait_count,
            action=action.id,
            duration=duration,
            description=statement.description,
            span=statement.span,
        )
    )


def duration(draft: BlueprintDraft, statement: DurationStatement) -> None:
    action = current_action(draft, "duration", statement.span)
    value = read_range(draft, statement.range)
    if action is not None and value is not None and first_attribute(draft, action, "duration", statement.span):
        action.duration = value


def cost(draft: BlueprintDraft, statement: CostStatement) -> None:
    action = current_action(draft, "cost", statement.span)
    if action is None or not first_attribute(draft, action, "cost", statement.span):
        return
    text = statement.amount.text
    if not _AMOUNT.fullmatch(text):
        draft.report(
            BAD_AMOUNT,
            statement.amount.span,
            BAD_AMOUNT.text("amount", amount=text),
            hint=BAD_AMOUNT.text("thousands"),
        )
        return
    amount = float(text.replace(",", ""))  # infinity for a number of hundreds of digits
    if amount > MAX_AMOUNT:
        draft.report(
            AMOUNT_TOO_LARGE,
            statement.amount.span,
            AMOUNT_TOO_LARGE.text("large", amount=shortened(text)),
            hint=AMOUNT_TOO_LARGE.text("digits"),
        )
        return
    action.cost = node(
        Cost,
        amount=amount,
        text=text,
        currency=statement.currency.text if statement.currency else None,
        span=statement.span,
    )


def note(draft: BlueprintDraft, statement: NoteStatement) -> None:
    action = current_action(draft, "note", statement.span)
    if action is not None:
        action.notes.append(statement.text)


def link(draft: BlueprintDraft, statement: LinkStatement) -> None:
    action = current_action(draft, "link", statement.span)
    if action is not None:
        action.links.append(node(Link, url=statement.url.text, span=statement.url.span))


HANDLERS: dict[type, Callable[[BlueprintDraft, Any], None]] = {
    FailStatement: fail,
    WaitStatement: wait,
    DurationStatement: duration,
    CostStatement: cost,
    NoteStatement: note,
    LinkStatement: link,
}


# The practitioner's action lines (blueprint.model.practitioner) attach the same way.
first_of_its_kind = first_attribute
