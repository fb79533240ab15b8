"""BP208, BP211, BP212: a setting, an attribute or a flow given twice.

The builder keeps the first of each and remembers where the others stood
(Blueprint.headers, Blueprint.repeated_attributes); these rules report them.
"""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, EXAMPLE_STEP, Diagnostic, Level, Say, declare
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
    says={
        "again": Say(en="found a second '{keyword}'; it was already set on line {line}",
                     zh="第二次出现“{keyword}”；第 {line} 行已经设置过",
                     zh_hant="第二次出現「{keyword}」；第 {line} 行已經設定過"),
        "keep": Say(en="keep one of them", zh="只保留其中一个", zh_hant="只保留其中一個"),
    },
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
                REPEATED_HEADER.text("again", keyword=header.keyword, line=earlier.span.line),
                hint=REPEATED_HEADER.text("keep"),
            )


# BP211 is declared with the parser, which reports it for a fail point's
# `severity` or `recover` given twice (see blueprint.parse.codes).
@rule(REPEATED_ATTRIBUTE)
def repeated_attributes(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for repeated in blueprint.repeated_attributes:
        yield REPEATED_ATTRIBUTE.at(
            blueprint.source_name,
            repeated.span,
            REPEATED_ATTRIBUTE.text("in_step", keyword=repeated.keyword, step=repeated.action, line=repeated.first_line)
            if repeated.owner == "step"
            else REPEATED_ATTRIBUTE.text("in_action", keyword=repeated.keyword, action=repeated.action,
                                         line=repeated.first_line),
            hint=REPEATED_ATTRIBUTE.text("keep_range" if repeated.keyword == "duration" else "keep_line"),
        )


REPEATED_FLOW = declare(
    code="BP212",
    name="repeated-flow",
    level=Level.ERROR,
    summary="The same flow (same ends, same kind of arrow) is written twice.",
    why="Two identical arrows are drawn on top of each other and counted twice in contacts and hand-offs.",
    bad=EXAMPLE_HEAD + EXAMPLE_STEP + "  hand -> count\n",
    good=EXAMPLE_HEAD + EXAMPLE_STEP,
    says={
        "again": Say(en="found the flow {flow} again; it is already on line {line}",
                     zh="连线 {flow} 重复；第 {line} 行已经有了", zh_hant="連線 {flow} 重複；第 {line} 行已經有了"),
        "remove": Say(en="remove one of them", zh="删除其中一条", zh_hant="刪除其中一條"),
    },
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
                REPEATED_FLOW.text("again", flow=f"{flow.source} {_ARROWS[flow.kind.value]} {flow.target}",
                                   line=seen[key]),
                hint=REPEATED_FLOW.text("remove"),
            )
        else:
            seen[key] = flow.span.line
