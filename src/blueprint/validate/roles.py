"""BP213, BP307, BP309: the roles that perform actions (`role`, `by`)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, Say, declare, did_you_mean
from blueprint.model.types import Blueprint, Lane, RoleKind
from blueprint.suggest import closest
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
    says={
        "role": Say(en="found the role '{role}' for the action '{action}', but no role has that ID",
                    zh="行为“{action}”的角色“{role}”未声明，没有这个 ID 的角色",
                    zh_hant="行為「{action}」的角色「{role}」未宣告，沒有這個 ID 的角色"),
        "declare": Say(en='declare it among the headers: role {role} "Label" staff',
                       zh='在文件头中声明它：role {role} "标签" staff',
                       zh_hant='在檔頭中宣告它：role {role} "標籤" staff'),
    },
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
            UNKNOWN_ROLE.text("role", role=action.role, action=action.id),
            hint=did_you_mean(closest(action.role, declared)) or UNKNOWN_ROLE.text("declare", role=action.role),
        )


UNUSED_ROLE = declare(
    code="BP307",
    name="unused-role",
    level=Level.WARNING,
    summary="A role is declared but no action names it with `by`.",
    why="A declared role promises that someone does part of the service; one with no action is left over from an edit, or its actions lost their `by`.",
    bad=EXAMPLE_HEAD + _ROLES + _STEP + "    by teller\n  hand -> count\n",
    good=EXAMPLE_HEAD + _TELLER + _STEP + "    by teller\n  hand -> count\n",
    says={
        "unused": Say(en="found the role '{role}' ({label}), but no action is performed by it",
                      zh="角色“{role}”（{label}）已声明，但没有任何行为由它执行",
                      zh_hant="角色「{role}」（{label}）已宣告，但沒有任何行為由它執行"),
        "use_or_remove": Say(en="write 'by {role}' under its actions, or remove the role",
                             zh="在它执行的行为下写“by {role}”，或删除这个角色",
                             zh_hant="在它執行的行為下寫「by {role}」，或刪除這個角色"),
    },
)


@rule(UNUSED_ROLE)
def unused_roles(blueprint: Blueprint) -> Iterator[Diagnostic]:
    used = {action.role for action in blueprint.actions()}
    for role in blueprint.roles:
        if role.id not in used:
            yield UNUSED_ROLE.at(
                blueprint.source_name,
                role.id_span,
                UNUSED_ROLE.text("unused", role=role.id, label=role.label),
                hint=UNUSED_ROLE.text("use_or_remove", role=role.id),
            )


ROLE_IN_WRONG_LANE = declare(
    code="BP309",
    name="role-in-wrong-lane",
    level=Level.WARNING,
    summary="A customer action is performed by a role that is not of kind customer, or an action of another lane by a role of kind customer.",
    why="The customer lane holds what the customer does; a teller or a system there, or the customer in an onstage or backstage lane, usually means the action stands in the wrong lane or names the wrong role.",
    bad=EXAMPLE_HEAD + 'role client "Client" customer\n' + _STEP + "    by client\n  hand -> count\n",
    good=EXAMPLE_HEAD + 'role teller "Teller" staff\n' + _STEP + "    by teller\n  hand -> count\n",
    says={
        "wrong_lane": Say(en="found the {kind} role '{role}' performing '{action}' in {where}",
                          zh="{kind}角色“{role}”在{where}执行“{action}”",
                          zh_hant="{kind}角色「{role}」在{where}執行「{action}」"),
        "staff": Say(en="staff", zh="员工", zh_hant="員工"),
        "system": Say(en="system", zh="系统", zh_hant="系統"),
        "partner": Say(en="partner", zh="合作方", zh_hant="合作夥伴"),
        "customer": Say(en="customer", zh="顾客", zh_hant="顧客"),
        "customer_lane": Say(en="the customer lane", zh="顾客行为泳道", zh_hant="顧客行為泳道"),
        "other_lane": Say(en="the {lane} lane", zh="{lane} 泳道", zh_hant="{lane} 泳道"),
        "move": Say(en="move the action to the lane of whoever performs it, or name the right role",
                    zh="把行为移到执行者所在的泳道，或改用正确的角色",
                    zh_hant="把行為移到執行者所在的泳道，或改用正確的角色"),
    },
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
        where = (ROLE_IN_WRONG_LANE.text("customer_lane") if on_customer_lane
                 else ROLE_IN_WRONG_LANE.text("other_lane", lane=action.lane.value))
        yield ROLE_IN_WRONG_LANE.at(
            blueprint.source_name,
            action.role_span,
            ROLE_IN_WRONG_LANE.text("wrong_lane", kind=ROLE_IN_WRONG_LANE.text(role.kind.value), role=role.id,
                                    action=action.id, where=where),
            hint=ROLE_IN_WRONG_LANE.text("move"),
        )
