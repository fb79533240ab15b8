"""BP3xx: warnings about blueprint practice, not about the language."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import Diagnostic, diagnostic
from blueprint.model.durations import format_seconds
from blueprint.model.types import Blueprint, Lane, State
from blueprint.validate.registry import rule


@rule("BP301")
def skips_visibility(blueprint: Blueprint) -> Iterator[Diagnostic]:
    actions = blueprint.action_index()
    hidden = (Lane.BACKSTAGE, Lane.SUPPORT)
    for flow in blueprint.flows:
        source, target = actions.get(flow.source), actions.get(flow.target)
        if source is None or target is None:
            continue
        pairs = ((source, target), (target, source))
        for customer, other in pairs:
            if customer.lane is Lane.CUSTOMER and other.lane in hidden:
                yield diagnostic(
                    "BP301",
                    blueprint.source_name,
                    flow.span,
                    f"found a flow between the customer action '{customer.id}' and the {other.lane.value} "
                    f"action '{other.id}'; it skips the line of visibility",
                    hint="route it through the onstage action (person or screen) the customer actually meets",
                )
                break


@rule("BP302")
def waits_beyond_promise(blueprint: Blueprint) -> Iterator[Diagnostic]:
    promise = blueprint.max_wait
    if promise is None:
        return
    for wait in blueprint.wait_points():
        if wait.duration.max.seconds > promise.seconds:
            yield diagnostic(
                "BP302",
                blueprint.source_name,
                wait.duration.span,
                f"found a wait of up to {format_seconds(wait.duration.max.seconds)} (W{wait.number}); "
                f"the blueprint promises at most {format_seconds(promise.seconds)} (max-wait)",
                hint="shorten the wait, or keep it to show the broken promise on purpose",
            )


@rule("BP303")
def fails_without_recovery(blueprint: Blueprint) -> Iterator[Diagnostic]:
    if blueprint.state is not State.FUTURE:
        return
    for fail in blueprint.fail_points():
        if fail.recover is None:
            yield diagnostic(
                "BP303",
                blueprint.source_name,
                fail.span,
                f"found the fail point F{fail.number} with no recovery in a future-state blueprint",
                hint="add recover ACTION naming the action that puts things right",
            )


@rule("BP304")
def unconnected_support(blueprint: Blueprint) -> Iterator[Diagnostic]:
    connected = {end for flow in blueprint.flows for end in (flow.source, flow.target)}
    for action in blueprint.actions():
        if action.lane in (Lane.BACKSTAGE, Lane.SUPPORT) and action.id not in connected:
            yield diagnostic(
                "BP304",
                blueprint.source_name,
                action.id_span,
                f"found the {action.lane.value} action '{action.id}' connected to no flow",
                hint=f"connect it, e.g. SOME_ACTION -> {action.id}" if not action.generated_id
                else "give it an ID and connect it with a flow",
            )


@rule("BP305")
def customer_steps_without_evidence(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for step in blueprint.steps:
        if not step.evidence and any(a.lane is Lane.CUSTOMER for a in step.actions):
            yield diagnostic(
                "BP305",
                blueprint.source_name,
                step.id_span,
                f"found the step '{step.id}' with a customer action but no physical evidence",
                hint='add what the customer sees or touches: evidence "…"',
            )
