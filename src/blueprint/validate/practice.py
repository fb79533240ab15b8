"""BP3xx: warnings about blueprint practice, not about the language."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, EXAMPLE_STEP, Diagnostic, Level, Say, declare
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
    says={
        "skips": Say(en="found a flow between the customer action '{customer}' and the {lane} action '{other}'; "
                        "it skips the line of visibility",
                     zh="顾客行为“{customer}”与 {lane} 行为“{other}”直接相连；它跳过了可视分界线",
                     zh_hant="顧客行為「{customer}」與 {lane} 行為「{other}」直接相連；它跳過了可視分界線"),
        "route": Say(en="route it through the onstage action (person or screen) the customer actually meets",
                     zh="让它经过顾客实际接触的前台行为（人员或屏幕）",
                     zh_hant="讓它經過顧客實際接觸的前台行為（人員或螢幕）"),
    },
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
                    SKIPS_VISIBILITY.text("skips", customer=customer.id, lane=other.lane.value, other=other.id),
                    hint=SKIPS_VISIBILITY.text("route"),
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
    says={
        "beyond": Say(en="found a wait of up to {wait} (W{number}); the blueprint promises at most {promise} (max-wait)",
                      zh="等待最长可达 {wait}（W{number}）；蓝图承诺最多 {promise}（max-wait）",
                      zh_hant="等候最長可達 {wait}（W{number}）；藍圖承諾最多 {promise}（max-wait）"),
        "shorten": Say(en="shorten the wait, or keep it to show the broken promise on purpose",
                       zh="缩短等待，或有意保留它以显示未兑现的承诺",
                       zh_hant="縮短等候，或有意保留它以顯示未兌現的承諾"),
    },
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
                WAIT_EXCEEDS_PROMISE.text("beyond", wait=format_seconds(wait.duration.max.seconds),
                                          number=wait.number, promise=format_seconds(promise.seconds)),
                hint=WAIT_EXCEEDS_PROMISE.text("shorten"),
            )


FAIL_WITHOUT_RECOVERY = declare(
    code="BP303",
    name="fail-without-recovery",
    level=Level.WARNING,
    summary="A future-state blueprint has a fail point with no `recover`.",
    why="Shostack's method designs a fail-safe for every fail point; a to-be service should say how it recovers.",
    bad=EXAMPLE_HEAD + "state future\n" + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note"\n  hand -> count\n',
    good=EXAMPLE_HEAD + "state future\n" + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note" recover explain\n  onstage explain "Teller explains the rules"\n  hand -> count -> explain\n',
    says={
        "no_recovery": Say(en="found the fail point F{number} with no recovery in a future-state blueprint",
                           zh="目标状态蓝图中的失误点 F{number} 没有补救",
                           zh_hant="目標狀態藍圖中的失誤點 F{number} 沒有補救"),
        "add": Say(en="add recover ACTION naming the action that puts things right",
                   zh="加上 recover ACTION，指明补救的行为", zh_hant="加上 recover ACTION，指明補救的行為"),
    },
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
                FAIL_WITHOUT_RECOVERY.text("no_recovery", number=fail.number),
                hint=FAIL_WITHOUT_RECOVERY.text("add"),
            )


UNCONNECTED_SUPPORT = declare(
    code="BP304",
    name="unconnected-support",
    level=Level.WARNING,
    summary="A backstage or support action is connected to no flow.",
    why="Backstage and support work exists to enable the front; one connected to nothing is either missing a flow or not needed.",
    bad=EXAMPLE_HEAD + EXAMPLE_STEP + '  support core "Core banking system"\n',
    good=EXAMPLE_HEAD + EXAMPLE_STEP + '  support core "Core banking system"\n  count -> core\n',
    says={
        "alone": Say(en="found the {lane} action '{id}' connected to no flow", zh="{lane} 行为“{id}”没有连接任何连线",
                     zh_hant="{lane} 行為「{id}」沒有連接任何連線"),
        "connect": Say(en="connect it, e.g. SOME_ACTION -> {id}", zh="连接它，如 SOME_ACTION -> {id}",
                       zh_hant="連接它，如 SOME_ACTION -> {id}"),
        "name_it": Say(en="give it an ID and connect it with a flow", zh="给它一个 ID，并用连线连接它",
                       zh_hant="給它一個 ID，並用連線連接它"),
    },
)


@rule(UNCONNECTED_SUPPORT)
def unconnected_support(blueprint: Blueprint) -> Iterator[Diagnostic]:
    connected = {end for flow in blueprint.flows for end in (flow.source, flow.target)}
    for action in blueprint.actions():
        if action.lane in (Lane.BACKSTAGE, Lane.SUPPORT) and action.id not in connected:
            yield UNCONNECTED_SUPPORT.at(
                blueprint.source_name,
                action.id_span,
                UNCONNECTED_SUPPORT.text("alone", lane=action.lane.value, id=action.id),
                hint=UNCONNECTED_SUPPORT.text("connect", id=action.id) if not action.generated_id
                else UNCONNECTED_SUPPORT.text("name_it"),
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
    says={
        "none": Say(en="found the step '{step}' with a customer action but no physical evidence",
                    zh="步骤“{step}”有顾客行为，但没有有形展示", zh_hant="步驟「{step}」有顧客行為，但沒有有形展示"),
        "add": Say(en='add what the customer sees or touches: evidence "…"', zh='加上顾客看到或接触的东西：evidence "…"',
                   zh_hant='加上顧客看到或接觸的東西：evidence "…"'),
    },
)


@rule(CUSTOMER_STEP_WITHOUT_EVIDENCE)
def customer_steps_without_evidence(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for step in blueprint.steps:
        if not step.evidence and any(a.lane is Lane.CUSTOMER for a in step.actions):
            yield CUSTOMER_STEP_WITHOUT_EVIDENCE.at(
                blueprint.source_name,
                step.id_span,
                CUSTOMER_STEP_WITHOUT_EVIDENCE.text("none", step=step.id),
                hint=CUSTOMER_STEP_WITHOUT_EVIDENCE.text("add"),
            )
