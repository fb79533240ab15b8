"""The practitioner's statements: roles (`role`, `by`).

A role is declared among the headers, once; the builder keeps the first
declaration of an ID and records where a second one stood, which the
validator reports as a repeated header (BP208). Whether `by` names a
declared role is the validator's to say (BP213), with a "did you mean".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blueprint.model.attributes import current_action, first_attribute
from blueprint.model.drafts import BlueprintDraft, node
from blueprint.model.headers import first_header, header_allowed
from blueprint.model.types import Role, RoleKind
from blueprint.model.values import check_reserved, read_choice
from blueprint.parse.statements import ByStatement, RoleStatement


def role(draft: BlueprintDraft, statement: RoleStatement) -> None:
    if not header_allowed(draft, "role", statement.span):
        return
    check_reserved(draft, statement.id)
    if not first_header(draft, f"role {statement.id.text}", statement.span):
        return
    kind = None
    if statement.kind is not None:
        kind = read_choice(draft, statement.kind, RoleKind, "a role's kind", expected="staff, system, partner or customer")
    draft.roles.append(
        node(Role, id=statement.id.text, label=statement.label, kind=kind, span=statement.span,
             id_span=statement.id.span)
    )


def by(draft: BlueprintDraft, statement: ByStatement) -> None:
    action = current_action(draft, "by", statement.span)
    if action is not None and first_attribute(draft, action, "by", statement.span):
        action.role = statement.role.text
        action.role_span = statement.role.span


HANDLERS: dict[type, Callable[[BlueprintDraft, Any], None]] = {
    RoleStatement: role,
    ByStatement: by,
}
