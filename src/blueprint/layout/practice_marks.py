"""What the practitioner's constructs add to a card: the role that performs
an action, written small at the card's foot, quiet enough that the label
still leads."""

from __future__ import annotations

from blueprint.layout import style
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.text import block
from blueprint.model.types import Action, Blueprint
from blueprint.scene import Detail, RoleEntry, Text
from blueprint.words import WORDS

ROLE_SIZE = 9.5
ROLE_GAP = 4  # between what is above on the card and the role line


def role_entries(blueprint: Blueprint) -> tuple[RoleEntry, ...]:
    return tuple(
        RoleEntry(id=role.id, label=role.label, kind=role.kind.value if role.kind else None)
        for role in blueprint.role_index().values()
    )


def role_line(measurer: TextMeasurer, blueprint: Blueprint, action: Action, x: float, top: float,
              width: float) -> tuple[Text | None, float]:
    """The role's label on one line (shortened if need be) whose box starts
    at `top`, and the height it takes with its gap; nothing without a role."""
    role = blueprint.role_index().get(action.role) if action.role else None
    if role is None:
        return None, 0.0
    texts, height = block(measurer, "card-role", role.label, x, top + ROLE_GAP, width, ROLE_SIZE, max_lines=1)
    return (texts[0] if texts else None), height + ROLE_GAP


def role_detail(blueprint: Blueprint, action: Action) -> list[Detail]:
    role = blueprint.role_index().get(action.role) if action.role else None
    if role is None:
        return []
    w = WORDS[blueprint.lang]
    value = role.label
    if role.kind is not None:
        value += f"{w['open']}{w['role_kinds'][role.kind.value]}{w['close']}"  # type: ignore[index]
    return [Detail(key=w["role"], value=value)]  # type: ignore[arg-type]
