"""BP3xx: practice warnings about the optional zones below support.

The preparation lane holds what no customer order sets off (Fließ &
Kleinaltenkamp's customer-independent activities, under the line of order
penetration); the management lane holds planning and control (under
Kingman-Brundage's line of implementation). Both are drawn only when an
action stands in them.
"""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, EXAMPLE_STEP, Diagnostic, Level, declare
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
            f"found a label for the {header.keyword}, but no action stands in the {lane.value} lane; "
            "it is drawn only when one does",
            hint=f"add an action to it under a step ({lane.value} ID \"Label\"), or delete this line",
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
                    f"found a flow from the {first.lane.value} action '{first.id}' into the preparation action "
                    f"'{second.id}'; what an order sets off belongs above the line of order penetration",
                    hint=f"move '{second.id}' to the support lane, or turn the flow round if "
                         f"'{second.id}' feeds '{first.id}'",
                )
                break
