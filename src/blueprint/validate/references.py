"""BP201–BP203, BP209, BP210: IDs, and the flows and recoveries that name them."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, EXAMPLE_STEP, Code, Diagnostic, Level, declare
from blueprint.model.types import Blueprint
from blueprint.source import Span
from blueprint.suggest import did_you_mean
from blueprint.validate.registry import rule

DUPLICATE_ID = declare(
    code="BP201",
    name="duplicate-id",
    level=Level.ERROR,
    summary="Two steps or actions share an ID.",
    why="Flows and recoveries name actions by ID, so each ID must point at one thing.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage hand "Teller takes the cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage take "Teller takes the cash"\n  hand -> take\n',
)


@rule(DUPLICATE_ID)
def duplicate_ids(blueprint: Blueprint) -> Iterator[Diagnostic]:
    first_seen: dict[str, tuple[str, Span]] = {}
    named = [("step", step.id, step.id_span) for step in blueprint.steps]
    named += [("action", a.id, a.id_span) for a in blueprint.actions() if not a.generated_id]
    named += [
        ("evidence", ev.id, ev.id_span)
        for step in blueprint.steps
        for ev in step.evidence
        if ev.id is not None and ev.id_span is not None
    ]
    for kind, ident, span in sorted(named, key=lambda item: (item[2].line, item[2].column)):
        if ident in first_seen:
            earlier_kind, earlier = first_seen[ident]
            yield DUPLICATE_ID.at(
                blueprint.source_name,
                span,
                f"found the ID '{ident}' again; the {earlier_kind} on line {earlier.line} already uses it",
                hint="IDs are shared by steps, actions and evidence; rename one of them",
            )
        else:
            first_seen[ident] = (kind, span)


class _Targets:
    """What a reference may name, indexed once per check (a file can hold thousands of flows)."""

    def __init__(self, blueprint: Blueprint) -> None:
        self.actions = blueprint.action_index()
        self.steps = {step.id for step in blueprint.steps}
        self.evidence = {ev.id for step in blueprint.steps for ev in step.evidence if ev.id}
        self.sorted_actions = sorted(self.actions)


def _reference(
    blueprint: Blueprint, targets: _Targets, ident: str, span: Span, code: Code, role: str
) -> Iterator[Diagnostic]:
    if ident in targets.actions:
        return
    if ident in targets.steps:
        yield FLOW_TO_STEP.at(
            blueprint.source_name,
            span,
            f"found the step '{ident}' as {role}; {role} must be an action",
            hint="name one of the step's actions instead",
        )
        return
    if ident in targets.evidence:
        yield FLOW_TO_STEP.at(
            blueprint.source_name,
            span,
            f"found the evidence '{ident}' as {role}; {role} must be an action",
            hint="evidence is what the customer sees; connect the action that shows it",
        )
        return
    yield code.at(
        blueprint.source_name,
        span,
        f"found '{ident}' as {role}, but no action has that ID",
        hint=did_you_mean(ident, targets.sorted_actions) or "define the action, or fix the ID",
    )


UNKNOWN_FLOW_ENDPOINT = declare(
    code="BP202",
    name="unknown-flow-endpoint",
    level=Level.ERROR,
    summary="A flow names an action that does not exist.",
    why="A flow joins two actions; a misspelt ID would silently drop an arrow from the diagram.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> cuont\n',
    good=EXAMPLE_HEAD + EXAMPLE_STEP,
)

FLOW_TO_STEP = declare(
    code="BP209",
    name="flow-to-step",
    level=Level.ERROR,
    summary="A flow or recovery names a step or a piece of evidence where an action is needed.",
    why="Arrows join actions, not columns; name the action inside the step.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> deposit\n',
    good=EXAMPLE_HEAD + EXAMPLE_STEP,
)

SELF_FLOW = declare(
    code="BP210",
    name="self-flow",
    level=Level.ERROR,
    summary="A flow starts and ends at the same action.",
    why="An arrow from an action to itself says nothing a blueprint can draw; use `duration` or a note.",
    bad=EXAMPLE_HEAD + EXAMPLE_STEP + "  count -> count\n",
    good=EXAMPLE_HEAD + EXAMPLE_STEP,
)


@rule(UNKNOWN_FLOW_ENDPOINT, FLOW_TO_STEP, SELF_FLOW)
def flow_endpoints(blueprint: Blueprint) -> Iterator[Diagnostic]:
    targets = _Targets(blueprint)
    for flow in blueprint.flows:
        yield from _reference(blueprint, targets, flow.source, flow.source_span, UNKNOWN_FLOW_ENDPOINT, "a flow's start")
        yield from _reference(blueprint, targets, flow.target, flow.target_span, UNKNOWN_FLOW_ENDPOINT, "a flow's end")
        if flow.source == flow.target:
            yield SELF_FLOW.at(
                blueprint.source_name,
                flow.target_span,
                f"found a flow from '{flow.source}' to itself",
                hint="remove it, or give the action a duration or a note instead",
            )


UNKNOWN_RECOVERY = declare(
    code="BP203",
    name="unknown-recovery",
    level=Level.ERROR,
    summary="A fail point's `recover` names an action that does not exist.",
    why="The recovery is the fail-safe a designer promises; it must be a real action on the blueprint.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note" recover explian\n  onstage explain "Teller explains"\n  hand -> count -> explain\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note" recover explain\n  onstage explain "Teller explains"\n  hand -> count -> explain\n',
)


@rule(UNKNOWN_RECOVERY)
def recoveries(blueprint: Blueprint) -> Iterator[Diagnostic]:
    targets = _Targets(blueprint)
    for fail in blueprint.fail_points():
        if fail.recover is not None and fail.recover_span is not None:
            yield from _reference(blueprint, targets, fail.recover, fail.recover_span, UNKNOWN_RECOVERY, "a recovery")
