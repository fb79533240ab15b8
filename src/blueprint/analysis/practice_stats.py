"""The practitioner's figures of `stats`: who does the work (per role: actions,
hand-offs to other roles, time), the key steps with the encounters (flows
across the line of interaction) that happen at each, and the customer's
channel switches (consecutive customer actions in different channels).

A hand-off between roles is a flow whose two actions are performed by
different declared roles; one across steps also moves the work on in time,
which is where waiting and lost information gather, so it is counted apart.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, ConfigDict

from blueprint.analysis.measures import TimeRange, flows_crossing
from blueprint.model.types import Blueprint, Lane, Line, RoleKind


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


class KeyMomentStats(_Frozen):
    """A key step (`action` null) or key action, and the encounters at it:
    flows across the line of interaction with an end there."""

    number: int
    step: str
    action: str | None
    label: str
    reason: str | None
    encounters: int


def key_moments(blueprint: Blueprint) -> tuple[list[KeyMomentStats], int]:
    """Each key step and action, and how many encounters happen at one or
    more of them (a flow at a key step and at its key action counts once)."""
    actions = blueprint.action_index()
    encounters = flows_crossing(blueprint)[Line.INTERACTION]
    result = []
    at_keys: set[int] = set()
    for step, action, mark in blueprint.key_marks():
        if action is not None:
            here = [i for i, flow in enumerate(encounters) if action.id in (flow.source, flow.target)]
        else:
            here = [i for i, flow in enumerate(encounters)
                    if any(end in actions and actions[end].step == step.id for end in (flow.source, flow.target))]
        at_keys.update(here)
        result.append(KeyMomentStats(number=mark.number, step=step.id, action=action.id if action else None,
                                     label=action.label if action else step.label, reason=mark.reason,
                                     encounters=len(here)))
    return result, len(at_keys)


class ChannelSwitch(_Frozen):
    """The customer moving from one channel to another between two of their actions."""

    from_channel: str
    to_channel: str
    action: str  # the customer action in the new channel
    step: str
    within_phase: bool
    reason: str | None


def channel_switches(blueprint: Blueprint) -> list[ChannelSwitch]:
    switches = []
    previous = None
    for step in blueprint.steps:
        for action in step.actions:
            via = action.via or step.via
            if action.lane is not Lane.CUSTOMER or via is None:
                continue
            if previous is not None and previous[1].channel != via.channel:
                switches.append(ChannelSwitch(
                    from_channel=previous[1].channel, to_channel=via.channel, action=action.id, step=step.id,
                    within_phase=previous[0].phase == step.phase, reason=via.reason,
                ))
            previous = (step, via)
    return switches
