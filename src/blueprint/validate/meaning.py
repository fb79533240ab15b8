"""BP204–BP207: values and parts that cannot stand as written."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, Say, declare
from blueprint.model.durations import format_seconds
from blueprint.model.types import Blueprint, DurationRange
from blueprint.source import Span
from blueprint.validate.registry import rule

REVERSED_RANGE = declare(
    code="BP204",
    name="reversed-range",
    level=Level.ERROR,
    summary="A duration range's minimum exceeds its maximum.",
    why="`45min..20min` is almost always a swapped range; totals and checks would be wrong.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 45min..20min\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 20min..45min\n',
    says={
        "reversed": Say(en="found the range {range}, whose minimum ({low}) exceeds its maximum ({high})",
                        zh="范围 {range} 的最小值（{low}）大于最大值（{high}）",
                        zh_hant="範圍 {range} 的最小值（{low}）大於最大值（{high}）"),
        "write": Say(en="write {fixed}", zh="写作 {fixed}", zh_hant="寫作 {fixed}"),
    },
)


def _ranges(blueprint: Blueprint) -> Iterator[DurationRange]:
    for action in blueprint.actions():
        yield from (wait.duration for wait in action.waits)
        if action.duration is not None:
            yield action.duration


@rule(REVERSED_RANGE)
def reversed_ranges(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for rng in _ranges(blueprint):
        if rng.min.seconds > rng.max.seconds:
            yield REVERSED_RANGE.at(
                blueprint.source_name,
                rng.span,
                REVERSED_RANGE.text("reversed", range=rng.text, low=format_seconds(rng.min.seconds),
                                    high=format_seconds(rng.max.seconds)),
                hint=REVERSED_RANGE.text("write", fixed=f"{rng.max.text}..{rng.min.text}"),
            )


EMPTY_STEP = declare(
    code="BP205",
    name="empty-step",
    level=Level.ERROR,
    summary="A step has no action.",
    why="A step is a moment in time in which someone does something; an empty column is a gap in the story.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  evidence "Deposit slip"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  evidence "Deposit slip"\n  customer fill "Fills in the deposit slip"\n',
    says={
        "empty": Say(en="found the step '{step}' with no action", zh="步骤“{step}”没有行为",
                     zh_hant="步驟「{step}」沒有行為"),
        "add": Say(en='add what someone does in this step, e.g. customer ID "Label"',
                   zh='写下这一步里有人做的事，如 customer ID "标签"',
                   zh_hant='寫下這一步裡有人做的事，如 customer ID "標籤"'),
    },
)


@rule(EMPTY_STEP)
def empty_steps(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for step in blueprint.steps:
        if not step.actions:
            yield EMPTY_STEP.at(
                blueprint.source_name,
                step.id_span,
                EMPTY_STEP.text("empty", step=step.id),
                hint=EMPTY_STEP.text("add"),
            )


MISSING_TITLE = declare(
    code="BP206",
    name="missing-title",
    level=Level.ERROR,
    summary='The file does not start with `blueprint "Title"`.',
    why="The title names the service in every rendering, listing and report.",
    bad='state current\nstep deposit "Deposit"\n  customer hand "Hands over cash"\n',
    good='blueprint "Cash deposit"\nstate current\nstep deposit "Deposit"\n  customer hand "Hands over cash"\n',
    says={
        "missing": Say(en='found no blueprint title; a .bp file starts with blueprint "Title"',
                       zh='没有蓝图标题；.bp 文件以 blueprint "标题" 开头',
                       zh_hant='沒有藍圖標題；.bp 檔案以 blueprint "標題" 開頭'),
        "add": Say(en='add a first line such as blueprint "Branch cash deposit"',
                   zh='加上第一行，如 blueprint "柜台存款"',
                   zh_hant='加上第一行，如 blueprint "臨櫃存款"'),
    },
)


@rule(MISSING_TITLE)
def missing_title(blueprint: Blueprint) -> Iterator[Diagnostic]:
    if blueprint.title is None:
        yield MISSING_TITLE.at(
            blueprint.source_name,
            Span.point(1, 1),
            MISSING_TITLE.text("missing"),
            hint=MISSING_TITLE.text("add"),
        )


UNSAFE_LINK = declare(
    code="BP207",
    name="unsafe-link",
    level=Level.ERROR,
    summary="A link is not an http or https URL.",
    why="Links end up in HTML and SVG; other schemes (javascript:, file:, data:) are unsafe or do not travel.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    link "javascript:alert(1)"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    link "https://example.com/deposit-policy"\n',
    says={
        "scheme": Say(en="found a link with the scheme '{scheme}:'; links must be http:// or https:// addresses",
                      zh="链接的协议是“{scheme}:”；链接必须是 http:// 或 https:// 地址",
                      zh_hant="連結的協定是「{scheme}:」；連結必須是 http:// 或 https:// 網址"),
        "no_scheme": Say(en="found a link with no scheme; links must be http:// or https:// addresses",
                         zh="链接没有协议；链接必须是 http:// 或 https:// 地址",
                         zh_hant="連結沒有協定；連結必須是 http:// 或 https:// 網址"),
        "web_page": Say(en="link to a web page, e.g. https://example.com/policy",
                        zh="链接到网页，如 https://example.com/policy",
                        zh_hant="連結到網頁，如 https://example.com/policy"),
    },
)


@rule(UNSAFE_LINK)
def unsafe_links(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for action in blueprint.actions():
        for link in action.links:
            parts = urlsplit(link.url)
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                said = UNSAFE_LINK.text("scheme", scheme=parts.scheme) if parts.scheme else UNSAFE_LINK.text("no_scheme")
                yield UNSAFE_LINK.at(
                    blueprint.source_name,
                    link.span,
                    said,
                    hint=UNSAFE_LINK.text("web_page"),
                )
