"""BP213, BP307: the roles that perform actions (`role`, `by`)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, declare
from blueprint.model.types import Blueprint
from blueprint.suggest import did_you_mean
from blueprint.validate.registry import rule

_TELLER = 'role teller "Teller" staff\n'
_ROLES = _TELLER + 'role core "Core banking system" system\n'
_STEP = 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n'

UNKNOWN_ROLE = declare(
    code="BP213",
    name="unknown-role",
    level=Level.ERROR,
    summary="An action's `by` names a role that is not declared.",
    why="Roles are declared once, with their label and kind, so that every card, count and hand-off names the same role; a misspelt one would count as another.",
    bad=EXAMPLE_HEAD + _TELLER + _STEP + "    by tellr\n  hand -> count\n",
    good=EXAMPLE_HEAD + _TELLER + _STEP + "    by teller\n  hand -> count\n",
)


@rule(UNKNOWN_ROLE)
def unknown_roles(blueprint: Blueprint) -> Iterator[Diagnostic]:
    declared = sorted(blueprint.role_index())
    for action in blueprint.actions():
        if action.role is None or action.role in declared or action.role_span is None:
            continue
        yield UNKNOWN_ROLE.at(
            blueprint.source_name,
            action.role_span,
            f"found the role '{action.role}' for the action '{action.id}', but no role has that ID",
            hint=did_you_mean(action.role, declared)
            or f'declare it among the headers: role {action.role} "Label" staff',
        )


UNUSED_ROLE = declare(
    code="BP307",
    name="unused-role",
    level=Level.WARNING,
    summary="A role is declared but no action names it with `by`.",
    why="A declared role promises that someone does part of the service; one with no action is left over from an edit, or its actions lost their `by`.",
    bad=EXAMPLE_HEAD + _ROLES + _STEP + "    by teller\n  hand -> count\n",
    good=EXAMPLE_HEAD + _TELLER + _STEP + "    by teller\n  hand -> count\n",
)


@rule(UNUSED_ROLE)
def unused_roles(blueprint: Blueprint) -> Iterator[Diagnostic]:
    used = {action.role for action in blueprint.actions()}
    for role in blueprint.roles:
        if role.id not in used:
            yield UNUSED_ROLE.at(
                blueprint.source_name,
                role.id_span,
                f"found the role '{role.id}' ({role.label}), but no action is performed by it",
                hint=f"write 'by {role.id}' under its actions, or remove the role",
            )
