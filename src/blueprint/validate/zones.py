"""BP3xx: practice warnings about the optional zones below support.

The preparation lane holds what no customer order sets off (Fließ &
Kleinaltenkamp's customer-independent activities, under the line of order
penetration); the management lane holds planning and control (under
Kingman-Brundage's line of implementation). Both are drawn only when an
action stands in them.
"""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, EXAMPLE_STEP, Diagnostic, Level, Say, declare
from blueprint.model.types import Blueprint, FlowKind, Lane
from blueprint.validate.registry import rule
from blueprint.vocabulary import LINE_ABOVE, OPTIONAL_LANES

# The lanes above the line of order penetration: what happens there is set off by a customer's order.
ORDER_LANES = (Lane.CUSTOMER, Lane.ONSTAGE, Lane.BACKSTAGE, Lane.SUPPORT)

EMPTY_ZONE_LABEL = declare(
    code="BP313",
    name="empty-zone-label",
    level=Level.WARNING,
    summary="An optional lane (preparation, management) or its line is relabelled, but no action stands in the lane.",
    why="The preparation and management lanes, and the lines of order penetration and implementation above "
        "them, are drawn only when an action stands in the lane; a label for one that holds nothing is never shown.",
    bad=EXAMPLE_HEAD + 'lane preparation "Vault and cash centre"\n' + EXAMPLE_STEP,
    good=EXAMPLE_HEAD + 'lane preparation "Vault and cash centre"\n' + EXAMPLE_STEP
         + '  preparation float "Vault issues the cash float"\n  float --> count\n',
    says={
        "empty": Say(en="found a label for the {header}, but no action stands in the {lane} lane; "
                        "it is drawn only when one does",
                     zh="为 {header} 设了名称，但 {lane} 泳道中没有行为；只有泳道中有行为时才会画出",
                     zh_hant="為 {header} 設了名稱，但 {lane} 泳道中沒有行為；只有泳道中有行為時才會畫出"),
        "add": Say(en='add an action to it under a step ({lane} ID "Label"), or delete this line',
                   zh='在某个步骤下为它加一个行为（{lane} ID "标签"），或删除这一行',
                   zh_hant='在某個步驟下為它加一個行為（{lane} ID "標籤"），或刪除這一行'),
    },
)

ORDER_INTO_PREPARATION = declare(
    code="BP314",
    name="order-into-preparation",
    level=Level.WARNING,
    summary="A flow leads from an action above the line of order penetration into a preparation action.",
    why="Preparation activities are those no customer's order sets off (Fließ & Kleinaltenkamp 2004): the vault "
        "stocks cash, the bank trains staff, whoever comes. An activity a customer's request starts belongs above "
        "the line of order penetration, in the support or backstage lane; preparation feeds the lanes above it.",
    bad=EXAMPLE_HEAD + EXAMPLE_STEP + '  preparation float "Vault issues cash"\n  count -> float\n',
    good=EXAMPLE_HEAD + EXAMPLE_STEP + '  preparation float "Vault issues the cash float"\n  float --> count\n',
    says={
        "into": Say(en="found a flow from the {lane} action '{source}' into the preparation action '{target}'; "
                       "what an order sets off belongs above the line of order penetration",
                    zh="{lane} 行为“{source}”连向准备活动“{target}”；由顾客订单引发的活动应在订单渗透分界线之上",
                    zh_hant="{lane} 行為「{source}」連向準備活動「{target}」；由顧客訂單引發的活動應在訂單滲透分界線之上"),
        "move": Say(en="move '{target}' to the support lane, or turn the flow round if '{target}' feeds '{source}'",
                    zh="把“{target}”移到 support 泳道；如果是“{target}”供给“{source}”，就把连线反过来",
                    zh_hant="把「{target}」移到 support 泳道；如果是「{target}」供給「{source}」，就把連線反過來"),
    },
)


@rule(EMPTY_ZONE_LABEL)
def empty_zone_labels(blueprint: Blueprint) -> Iterator[Diagnostic]:
    drawn = set(blueprint.action_lanes())
    empty = [lane for lane in OPTIONAL_LANES if lane not in drawn]
    keys = {f"lane {lane.value}": lane for lane in empty} | {f"line {LINE_ABOVE[lane].value}": lane for lane in empty}
    reported: set[str] = set()
    for header in blueprint.headers:
        lane = keys.get(header.keyword)
        if lane is None or header.keyword in reported:
            continue
        reported.add(header.keyword)
        yield EMPTY_ZONE_LABEL.at(
            blueprint.source_name,
            header.span,
            EMPTY_ZONE_LABEL.text("empty", header=header.keyword, lane=lane.value),
            hint=EMPTY_ZONE_LABEL.text("add", lane=lane.value),
        )


@rule(ORDER_INTO_PREPARATION)
def order_into_preparation(blueprint: Blueprint) -> Iterator[Diagnostic]:
    actions = blueprint.action_index()
    for flow in blueprint.flows:
        source, target = actions.get(flow.source), actions.get(flow.target)
        if source is None or target is None:
            continue
        ends = [(source, target)] + ([(target, source)] if flow.kind is FlowKind.AGREEMENT else [])
        for first, second in ends:
            if first.lane in ORDER_LANES and second.lane is Lane.PREPARATION:
                yield ORDER_INTO_PREPARATION.at(
                    blueprint.source_name,
                    flow.span,
                    ORDER_INTO_PREPARATION.text("into", lane=first.lane.value, source=first.id, target=second.id),
                    hint=ORDER_INTO_PREPARATION.text("move", target=second.id, source=first.id),
                )
                break
