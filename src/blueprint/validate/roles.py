"""BP213, BP307, BP309: the roles that perform actions (`role`, `by`)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, declare
from blueprint.model.types import Blueprint, Lane, RoleKind
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


ROLE_IN_WRONG_LANE = declare(
    code="BP309",
    name="role-in-wrong-lane",
    level=Level.WARNING,
    summary="A customer action is performed by a role that is not of kind customer, or an action of another lane by a role of kind customer.",
    why="The customer lane holds what the customer does; a teller or a system there, or the customer in an onstage or backstage lane, usually means the action stands in the wrong lane or names the wrong role.",
    bad=EXAMPLE_HEAD + 'role client "Client" customer\n' + _STEP + "    by client\n  hand -> count\n",
    good=EXAMPLE_HEAD + 'role teller "Teller" staff\n' + _STEP + "    by teller\n  hand -> count\n",
)


@rule(ROLE_IN_WRONG_LANE)
def roles_in_wrong_lanes(blueprint: Blueprint) -> Iterator[Diagnostic]:
    roles = blueprint.role_index()
    for action in blueprint.actions():
        role = roles.get(action.role) if action.role else None
        if role is None or role.kind is None or action.role_span is None:
            continue
        on_customer_lane = action.lane is Lane.CUSTOMER
        if on_customer_lane == (role.kind is RoleKind.CUSTOMER):
            continue
        where = "the customer lane" if on_customer_lane else f"the {action.lane.value} lane"
        yield ROLE_IN_WRONG_LANE.at(
            blueprint.source_name,
            action.role_span,
            f"found the {role.kind.value} role '{role.id}' performing '{action.id}' in {where}",
            hint="move the action to the lane of whoever performs it, or name the right role",
        )
