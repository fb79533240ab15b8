"""The practitioner's statements: roles (`role`, `by`), key steps (`key`)
decisions (`decision`), and channels (`channel`, `via`).

A role is declared among the headers, once; the builder keeps the first
declaration of an ID and records where a second one stood, which the
validator reports as a repeated header (BP208). Whether `by` names a
declared role is the validator's to say (BP213), with a "did you mean".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blueprint.model.attributes import current_action, first_attribute
from blueprint.model.codes import ATTRIBUTE_WITHOUT_ACTION, UNKNOWN_VALUE
from blueprint.model.drafts import ActionDraft, BlueprintDraft, StepDraft, node
from blueprint.model.headers import first_header, header_allowed
from blueprint.model.types import ChannelLabel, Decision, KeyMark, RepeatedAttribute, Role, RoleKind, Via
from blueprint.model.values import check_reserved, read_choice
from blueprint.parse.statements import (
    ByStatement,
    ChannelStatement,
    DecisionStatement,
    KeyStatement,
    RoleStatement,
    ViaStatement,
)
from blueprint.source import Span


def role(draft: BlueprintDraft, statement: RoleStatement) -> None:
    if not header_allowed(draft, "role", statement.span):
        return
    check_reserved(draft, statement.id)
    if not first_header(draft, f"role {statement.id.text}", statement.span):
        return
    kind = None
    if statement.kind is not None:
        kind = read_choice(draft, statement.kind, RoleKind, UNKNOWN_VALUE.text("a_role_kind"))
    draft.roles.append(
        node(Role, id=statement.id.text, label=statement.label, kind=kind, span=statement.span,
             id_span=statement.id.span)
    )


def by(draft: BlueprintDraft, statement: ByStatement) -> None:
    action = current_action(draft, "by", statement.span)
    if action is not None and first_attribute(draft, action, "by", statement.span):
        action.role = statement.role.text
        action.role_span = statement.role.span


def step_or_action(draft: BlueprintDraft, keyword: str, span: Span) -> StepDraft | ActionDraft | None:
    """What an attribute that a step or an action may carry attaches to: the
    action above it, or the step when the step has no action yet."""
    if not draft.steps:
        draft.report(
            ATTRIBUTE_WITHOUT_ACTION,
            span,
            ATTRIBUTE_WITHOUT_ACTION.text("before_any_step", keyword=keyword),
            hint=ATTRIBUTE_WITHOUT_ACTION.text("step_first", keyword=keyword),
        )
        return None
    step = draft.steps[-1]
    return step.actions[-1] if step.actions else step


def first_for_step(draft: BlueprintDraft, step: StepDraft, keyword: str, span: Span) -> bool:
    """Whether this is the step's first `keyword`; a later one is set aside (BP211)."""
    earlier = step.attribute_lines.setdefault(keyword, span.line)
    if earlier == span.line:
        return True
    draft.repeated_attributes.append(
        node(RepeatedAttribute, action=step.statement.id.text, owner="step", keyword=keyword, span=span,
             first_line=earlier)
    )
    return False


def key(draft: BlueprintDraft, statement: KeyStatement) -> None:
    owner = step_or_action(draft, "key", statement.span)
    if owner is None:
        return
    if isinstance(owner, StepDraft):
        if not first_for_step(draft, owner, "key", statement.span):
            return
    elif not first_attribute(draft, owner, "key", statement.span):
        return
    draft.key_count += 1
    owner.key = node(KeyMark, number=draft.key_count, reason=statement.reason, span=statement.span)


def decision(draft: BlueprintDraft, statement: DecisionStatement) -> None:
    action = current_action(draft, "decision", statement.span)
    if action is not None and first_attribute(draft, action, "decision", statement.span):
        action.decision = node(Decision, question=statement.question, span=statement.span)


def channel(draft: BlueprintDraft, statement: ChannelStatement) -> None:
    if not header_allowed(draft, "channel", statement.span):
        return
    check_reserved(draft, statement.id)
    if first_header(draft, f"channel {statement.id.text}", statement.span):
        draft.channels.append(node(ChannelLabel, id=statement.id.text, label=statement.label, span=statement.span,
                                   id_span=statement.id.span))


def via(draft: BlueprintDraft, statement: ViaStatement) -> None:
    owner = step_or_action(draft, "via", statement.span)
    if owner is None:
        return
    if isinstance(owner, StepDraft):
        if not first_for_step(draft, owner, "via", statement.span):
            return
    elif not first_attribute(draft, owner, "via", statement.span):
        return
    owner.via = node(Via, channel=statement.channel.text, reason=statement.reason, span=statement.span,
                     channel_span=statement.channel.span)


HANDLERS: dict[type, Callable[[BlueprintDraft, Any], None]] = {
    RoleStatement: role,
    ByStatement: by,
    KeyStatement: key,
    DecisionStatement: decision,
    ChannelStatement: channel,
    ViaStatement: via,
}
