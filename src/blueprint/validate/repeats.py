"""BP208, BP211, BP212: a setting, an attribute or a flow given twice.

The builder keeps the first of each and remembers where the others stood
(Blueprint.headers, Blueprint.repeated_attributes); these rules report them.
"""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, EXAMPLE_STEP, Diagnostic, Level, declare
from blueprint.model.types import Blueprint, Header
from blueprint.parse.codes import REPEATED_ATTRIBUTE
from blueprint.validate.registry import rule

REPEATED_HEADER = declare(
    code="BP208",
    name="repeated-header",
    level=Level.ERROR,
    summary="A header that can appear once (blueprint, description, owner, version, state, lang, max-wait, a lane or line label, a role) appears again.",
    why="Two values for one setting leave the reader guessing which one counts.",
    bad=EXAMPLE_HEAD + "state current\nstate future\n" + EXAMPLE_STEP,
    good=EXAMPLE_HEAD + "state current\n" + EXAMPLE_STEP,
)

# Every header but `segment` (a blueprint may serve several) is given once.
_REPEATABLE_HEADERS = frozenset({"segment"})


@rule(REPEATED_HEADER)
def repeated_headers(blueprint: Blueprint) -> Iterator[Diagnostic]:
    first: dict[str, Header] = {}
    for header in blueprint.headers:
        if header.keyword in _REPEATABLE_HEADERS:
            continue
        earlier = first.setdefault(header.keyword, header)
        if earlier is not header:
            yield REPEATED_HEADER.at(
                blueprint.source_name,
                header.span,
                f"found a second '{header.keyword}'; it was already set on line {earlier.span.line}",
                hint="keep one of them",
            )


# BP211 is declared with the parser, which reports it for a fail point's
# `severity` or `recover` given twice (see blueprint.parse.codes).
@rule(REPEATED_ATTRIBUTE)
def repeated_attributes(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for repeated in blueprint.repeated_attributes:
        yield REPEATED_ATTRIBUTE.at(
            blueprint.source_name,
            repeated.span,
            f"found a second '{repeated.keyword}' for the {repeated.owner} '{repeated.action}'; "
            f"it was already set on line {repeated.first_line}",
            hint="keep one line; a range such as 2min..5min covers both" if repeated.keyword == "duration"
            else "keep one line",
        )


REPEATED_FLOW = declare(
    code="BP212",
    name="repeated-flow",
    level=Level.ERROR,
    summary="The same flow (same ends, same kind of arrow) is written twice.",
    why="Two identical arrows are drawn on top of each other and counted twice in contacts and hand-offs.",
    bad=EXAMPLE_HEAD + EXAMPLE_STEP + "  hand -> count\n",
    good=EXAMPLE_HEAD + EXAMPLE_STEP,
)

_ARROWS = {"handoff": "->", "deferred": "-->", "agreement": "<->"}


@rule(REPEATED_FLOW)
def repeated_flows(blueprint: Blueprint) -> Iterator[Diagnostic]:
    seen: dict[tuple[str, str, str], int] = {}
    for flow in blueprint.flows:
        ends = (flow.source, flow.target)
        # A two-way arrow is the same whichever end is written first.
        if flow.kind.value == "agreement":
            ends = tuple(sorted(ends))
        key = (*ends, flow.kind.value)
        if key in seen:
            yield REPEATED_FLOW.at(
                blueprint.source_name,
                flow.target_span,
                f"found the flow {flow.source} {_ARROWS[flow.kind.value]} {flow.target} again; "
                f"it is already on line {seen[key]}",
                hint="remove one of them",
            )
        else:
            seen[key] = flow.span.line
