"""The practitioner's figures of `stats`: who does the work (per role: actions,
hand-offs to other roles, time).

A hand-off between roles is a flow whose two actions are performed by
different declared roles; one across steps also moves the work on in time,
which is where waiting and lost information gather, so it is counted apart.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, ConfigDict

from blueprint.analysis.measures import TimeRange
from blueprint.model.types import Blueprint, RoleKind


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class RoleStats(_Frozen):
    role: str
    label: str
    kind: RoleKind | None
    actions: int
    handoffs_out: int  # flows from its actions to another role's
    handoffs_in: int  # flows from another role's actions to its own
    time: TimeRange  # the durations of its actions, added up
    timed_actions: int  # how many of its actions give a duration


class RoleHandoffs(_Frozen):
    total: int
    across_steps: int
    actions_without_role: int


def role_handoffs(blueprint: Blueprint) -> tuple[Counter[str], Counter[str], int, int]:
    """Hand-offs out and in per role, their total, and how many cross steps."""
    actions = blueprint.action_index()
    out: Counter[str] = Counter()
    into: Counter[str] = Counter()
    total = across = 0
    for flow in blueprint.flows:
        source, target = actions.get(flow.source), actions.get(flow.target)
        if source is None or target is None or source.role is None or target.role is None:
            continue
        if source.role == target.role:
            continue
        out[source.role] += 1
        into[target.role] += 1
        total += 1
        across += source.step != target.step
    return out, into, total, across


def per_role(blueprint: Blueprint) -> tuple[list[RoleStats], RoleHandoffs | None]:
    """Each declared role's figures, in declaration order, and the hand-offs
    between them; nothing when the blueprint declares no role."""
    if not blueprint.roles:
        return [], None
    out, into, total, across = role_handoffs(blueprint)
    actions = blueprint.actions()
    result = []
    for role in blueprint.role_index().values():
        own = [action for action in actions if action.role == role.id]
        timed = [action.duration for action in own if action.duration is not None]
        result.append(
            RoleStats(
                role=role.id, label=role.label, kind=role.kind, actions=len(own),
                handoffs_out=out[role.id], handoffs_in=into[role.id],
                time=TimeRange.total(timed), timed_actions=len(timed),
            )
        )
    handoffs = RoleHandoffs(
        total=total, across_steps=across, actions_without_role=sum(1 for action in actions if action.role is None)
    )
    return result, handoffs
