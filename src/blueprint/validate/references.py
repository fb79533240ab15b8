"""BP201–BP203, BP209, BP210: IDs, and the flows and recoveries that name them."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, EXAMPLE_STEP, Code, Diagnostic, Level, Say, Text, declare, did_you_mean
from blueprint.model.types import Blueprint
from blueprint.source import Span
from blueprint.suggest import closest
from blueprint.validate.registry import rule

DUPLICATE_ID = declare(
    code="BP201",
    name="duplicate-id",
    level=Level.ERROR,
    summary="Two steps or actions share an ID.",
    why="Flows and recoveries name actions by ID, so each ID must point at one thing.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage hand "Teller takes the cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage take "Teller takes the cash"\n  hand -> take\n',
    says={
        "again": Say(en="found the ID '{id}' again; the {kind} on line {line} already uses it",
                     zh="ID“{id}”重复；第 {line} 行的{kind}已经用了它",
                     zh_hant="ID「{id}」重複；第 {line} 行的{kind}已經用了它"),
        "step": Say(en="step", zh="步骤", zh_hant="步驟"),
        "action": Say(en="action", zh="行为", zh_hant="行為"),
        "evidence": Say(en="evidence", zh="有形展示", zh_hant="有形展示"),
        "rename": Say(en="IDs are shared by steps, actions and evidence; rename one of them",
                      zh="步骤、行为和有形展示共用 ID；把其中一个改名",
                      zh_hant="步驟、行為和有形展示共用 ID；把其中一個改名"),
    },
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
                DUPLICATE_ID.text("again", id=ident, kind=DUPLICATE_ID.text(earlier_kind), line=earlier.line),
                hint=DUPLICATE_ID.text("rename"),
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
    blueprint: Blueprint, targets: _Targets, ident: str, span: Span, code: Code, role: Text
) -> Iterator[Diagnostic]:
    if ident in targets.actions:
        return
    if ident in targets.steps:
        yield FLOW_TO_STEP.at(
            blueprint.source_name,
            span,
            FLOW_TO_STEP.text("step", id=ident, role=role),
            hint=FLOW_TO_STEP.text("name_action"),
        )
        return
    if ident in targets.evidence:
        yield FLOW_TO_STEP.at(
            blueprint.source_name,
            span,
            FLOW_TO_STEP.text("evidence", id=ident, role=role),
            hint=FLOW_TO_STEP.text("shows_it"),
        )
        return
    yield code.at(
        blueprint.source_name,
        span,
        UNKNOWN_FLOW_ENDPOINT.text("unknown", id=ident, role=role),
        hint=did_you_mean(closest(ident, targets.sorted_actions)) or UNKNOWN_FLOW_ENDPOINT.text("define"),
    )


UNKNOWN_FLOW_ENDPOINT = declare(
    code="BP202",
    name="unknown-flow-endpoint",
    level=Level.ERROR,
    summary="A flow names an action that does not exist.",
    why="A flow joins two actions; a misspelt ID would silently drop an arrow from the diagram.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> cuont\n',
    good=EXAMPLE_HEAD + EXAMPLE_STEP,
    says={
        "unknown": Say(en="found '{id}' as {role}, but no action has that ID", zh="{role}“{id}”不是任何行为的 ID",
                       zh_hant="{role}「{id}」不是任何行為的 ID"),
        "start": Say(en="a flow's start", zh="连线的起点", zh_hant="連線的起點"),
        "end": Say(en="a flow's end", zh="连线的终点", zh_hant="連線的終點"),
        "define": Say(en="define the action, or fix the ID", zh="定义这个行为，或改正 ID", zh_hant="定義這個行為，或改正 ID"),
    },
)

FLOW_TO_STEP = declare(
    code="BP209",
    name="flow-to-step",
    level=Level.ERROR,
    summary="A flow or recovery names a step or a piece of evidence where an action is needed.",
    why="Arrows join actions, not columns; name the action inside the step.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> deposit\n',
    good=EXAMPLE_HEAD + EXAMPLE_STEP,
    says={
        "step": Say(en="found the step '{id}' as {role}; {role} must be an action",
                    zh="{role}是步骤“{id}”；{role}必须是行为",
                    zh_hant="{role}是步驟「{id}」；{role}必須是行為"),
        "evidence": Say(en="found the evidence '{id}' as {role}; {role} must be an action",
                        zh="{role}是有形展示“{id}”；{role}必须是行为",
                        zh_hant="{role}是有形展示「{id}」；{role}必須是行為"),
        "name_action": Say(en="name one of the step's actions instead", zh="改为写这个步骤中的某个行为",
                           zh_hant="改為寫這個步驟中的某個行為"),
        "shows_it": Say(en="evidence is what the customer sees; connect the action that shows it",
                        zh="有形展示是顾客看到的东西；请连接展示它的行为",
                        zh_hant="有形展示是顧客看到的東西；請連接展示它的行為"),
    },
)

SELF_FLOW = declare(
    code="BP210",
    name="self-flow",
    level=Level.ERROR,
    summary="A flow starts and ends at the same action.",
    why="An arrow from an action to itself says nothing a blueprint can draw; use `duration` or a note.",
    bad=EXAMPLE_HEAD + EXAMPLE_STEP + "  count -> count\n",
    good=EXAMPLE_HEAD + EXAMPLE_STEP,
    says={
        "self": Say(en="found a flow from '{id}' to itself", zh="“{id}”的连线指向它自己",
                    zh_hant="「{id}」的連線指向它自己"),
        "remove": Say(en="remove it, or give the action a duration or a note instead",
                      zh="删除它，或改为给这个行为加上时长或备注",
                      zh_hant="刪除它，或改為給這個行為加上時長或備註"),
    },
)


@rule(UNKNOWN_FLOW_ENDPOINT, FLOW_TO_STEP, SELF_FLOW)
def flow_endpoints(blueprint: Blueprint) -> Iterator[Diagnostic]:
    targets = _Targets(blueprint)
    for flow in blueprint.flows:
        yield from _reference(blueprint, targets, flow.source, flow.source_span, UNKNOWN_FLOW_ENDPOINT,
                                   UNKNOWN_FLOW_ENDPOINT.text("start"))
        yield from _reference(blueprint, targets, flow.target, flow.target_span, UNKNOWN_FLOW_ENDPOINT,
                                   UNKNOWN_FLOW_ENDPOINT.text("end"))
        if flow.source == flow.target:
            yield SELF_FLOW.at(
                blueprint.source_name,
                flow.target_span,
                SELF_FLOW.text("self", id=flow.source),
                hint=SELF_FLOW.text("remove"),
            )


UNKNOWN_RECOVERY = declare(
    code="BP203",
    name="unknown-recovery",
    level=Level.ERROR,
    summary="A fail point's `recover` names an action that does not exist.",
    why="The recovery is the fail-safe a designer promises; it must be a real action on the blueprint.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note" recover explian\n  onstage explain "Teller explains"\n  hand -> count -> explain\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note" recover explain\n  onstage explain "Teller explains"\n  hand -> count -> explain\n',
    says={
        "recovery": Say(en="a recovery", zh="补救", zh_hant="補救"),
    },
)


@rule(UNKNOWN_RECOVERY)
def recoveries(blueprint: Blueprint) -> Iterator[Diagnostic]:
    targets = _Targets(blueprint)
    for fail in blueprint.fail_points():
        if fail.recover is not None and fail.recover_span is not None:
            yield from _reference(blueprint, targets, fail.recover, fail.recover_span, UNKNOWN_RECOVERY,
                                       UNKNOWN_RECOVERY.text("recovery"))
