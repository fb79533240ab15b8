"""BP3xx: warnings about blueprint practice, not about the language."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, EXAMPLE_STEP, Diagnostic, Level, declare
from blueprint.model.durations import format_seconds
from blueprint.model.types import Blueprint, Lane, State
from blueprint.validate.registry import rule

SKIPS_VISIBILITY = declare(
    code="BP301",
    name="skips-visibility",
    level=Level.WARNING,
    summary="A flow joins a customer action directly to a backstage, support, preparation or management action, in either direction.",
    why="The customer only meets the organisation onstage (Bitner 2008); a direct hop hides the encounter that really happens, or shows a self-service channel that belongs onstage.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  backstage post "Posts the deposit"\n  hand -> post\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  backstage post "Posts the deposit"\n  hand -> count -> post\n',
)


@rule(SKIPS_VISIBILITY)
def skips_visibility(blueprint: Blueprint) -> Iterator[Diagnostic]:
    actions = blueprint.action_index()
    hidden = (Lane.BACKSTAGE, Lane.SUPPORT, Lane.PREPARATION, Lane.MANAGEMENT)
    for flow in blueprint.flows:
        source, target = actions.get(flow.source), actions.get(flow.target)
        if source is None or target is None:
            continue
        pairs = ((source, target), (target, source))
        for customer, other in pairs:
            if customer.lane is Lane.CUSTOMER and other.lane in hidden:
                yield SKIPS_VISIBILITY.at(
                    blueprint.source_name,
                    flow.span,
                    f"found a flow between the customer action '{customer.id}' and the {other.lane.value} "
                    f"action '{other.id}'; it skips the line of visibility",
                    hint="route it through the onstage action (person or screen) the customer actually meets",
                )
                break


WAIT_EXCEEDS_PROMISE = declare(
    code="BP302",
    name="wait-exceeds-promise",
    level=Level.WARNING,
    summary="A wait can last longer than the blueprint's `max-wait`.",
    why="`max-wait` is the wait the service promises; a wait point beyond it is a broken promise to fix or to show on purpose.",
    bad=EXAMPLE_HEAD + "max-wait 15min\n" + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 20min..45min\n',
    good=EXAMPLE_HEAD + "max-wait 15min\n" + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 5min..10min\n',
)


@rule(WAIT_EXCEEDS_PROMISE)
def waits_beyond_promise(blueprint: Blueprint) -> Iterator[Diagnostic]:
    promise = blueprint.max_wait
    if promise is None:
        return
    for wait in blueprint.wait_points():
        if wait.duration.max.seconds > promise.seconds:
            yield WAIT_EXCEEDS_PROMISE.at(
                blueprint.source_name,
                wait.duration.span,
                f"found a wait of up to {format_seconds(wait.duration.max.seconds)} (W{wait.number}); "
                f"the blueprint promises at most {format_seconds(promise.seconds)} (max-wait)",
                hint="shorten the wait, or keep it to show the broken promise on purpose",
            )


FAIL_WITHOUT_RECOVERY = declare(
    code="BP303",
    name="fail-without-recovery",
    level=Level.WARNING,
    summary="A future-state blueprint has a fail point with no `recover`.",
    why="Shostack's method designs a fail-safe for every fail point; a to-be service should say how it recovers.",
    bad=EXAMPLE_HEAD + "state future\n" + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note"\n  hand -> count\n',
    good=EXAMPLE_HEAD + "state future\n" + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note" recover explain\n  onstage explain "Teller explains the rules"\n  hand -> count -> explain\n',
)


@rule(FAIL_WITHOUT_RECOVERY)
def fails_without_recovery(blueprint: Blueprint) -> Iterator[Diagnostic]:
    if blueprint.state is not State.FUTURE:
        return
    for fail in blueprint.fail_points():
        if fail.recover is None:
            yield FAIL_WITHOUT_RECOVERY.at(
                blueprint.source_name,
                fail.span,
                f"found the fail point F{fail.number} with no recovery in a future-state blueprint",
                hint="add recover ACTION naming the action that puts things right",
            )


UNCONNECTED_SUPPORT = declare(
    code="BP304",
    name="unconnected-support",
    level=Level.WARNING,
    summary="A backstage or support action is connected to no flow.",
    why="Backstage and support work exists to enable the front; one connected to nothing is either missing a flow or not needed.",
    bad=EXAMPLE_HEAD + EXAMPLE_STEP + '  support core "Core banking system"\n',
    good=EXAMPLE_HEAD + EXAMPLE_STEP + '  support core "Core banking system"\n  count -> core\n',
)


@rule(UNCONNECTED_SUPPORT)
def unconnected_support(blueprint: Blueprint) -> Iterator[Diagnostic]:
    connected = {end for flow in blueprint.flows for end in (flow.source, flow.target)}
    for action in blueprint.actions():
        if action.lane in (Lane.BACKSTAGE, Lane.SUPPORT) and action.id not in connected:
            yield UNCONNECTED_SUPPORT.at(
                blueprint.source_name,
                action.id_span,
                f"found the {action.lane.value} action '{action.id}' connected to no flow",
                hint=f"connect it, e.g. SOME_ACTION -> {action.id}" if not action.generated_id
                else "give it an ID and connect it with a flow",
            )


CUSTOMER_STEP_WITHOUT_EVIDENCE = declare(
    code="BP305",
    name="customer-step-without-evidence",
    level=Level.WARNING,
    summary="A step with a customer action shows no physical evidence.",
    why="The sixth step of building a blueprint adds the evidence the customer sees to every customer action. Off by default; enable it with `extend-select`.",
    bad=EXAMPLE_HEAD + EXAMPLE_STEP,
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  evidence "Deposit slip"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> count\n',
    default_enabled=False,
)


@rule(CUSTOMER_STEP_WITHOUT_EVIDENCE)
def customer_steps_without_evidence(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for step in blueprint.steps:
        if not step.evidence and any(a.lane is Lane.CUSTOMER for a in step.actions):
            yield CUSTOMER_STEP_WITHOUT_EVIDENCE.at(
                blueprint.source_name,
                step.id_span,
                f"found the step '{step.id}' with a customer action but no physical evidence",
                hint='add what the customer sees or touches: evidence "…"',
            )
