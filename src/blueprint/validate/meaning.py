"""BP204–BP207: values and parts that cannot stand as written."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, declare
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
                f"found the range {rng.text}, whose minimum ({format_seconds(rng.min.seconds)}) "
                f"exceeds its maximum ({format_seconds(rng.max.seconds)})",
                hint=f"write {rng.max.text}..{rng.min.text}",
            )


EMPTY_STEP = declare(
    code="BP205",
    name="empty-step",
    level=Level.ERROR,
    summary="A step has no action.",
    why="A step is a moment in time in which someone does something; an empty column is a gap in the story.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  evidence "Deposit slip"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  evidence "Deposit slip"\n  customer fill "Fills in the deposit slip"\n',
)


@rule(EMPTY_STEP)
def empty_steps(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for step in blueprint.steps:
        if not step.actions:
            yield EMPTY_STEP.at(
                blueprint.source_name,
                step.id_span,
                f"found the step '{step.id}' with no action",
                hint='add what someone does in this step, e.g. customer ID "Label"',
            )


MISSING_TITLE = declare(
    code="BP206",
    name="missing-title",
    level=Level.ERROR,
    summary='The file does not start with `blueprint "Title"`.',
    why="The title names the service in every rendering, listing and report.",
    bad='state current\nstep deposit "Deposit"\n  customer hand "Hands over cash"\n',
    good='blueprint "Cash deposit"\nstate current\nstep deposit "Deposit"\n  customer hand "Hands over cash"\n',
)


@rule(MISSING_TITLE)
def missing_title(blueprint: Blueprint) -> Iterator[Diagnostic]:
    if blueprint.title is None:
        yield MISSING_TITLE.at(
            blueprint.source_name,
            Span.point(1, 1),
            'found no blueprint title; a .bp file starts with blueprint "Title"',
            hint='add a first line such as blueprint "Branch cash deposit"',
        )


UNSAFE_LINK = declare(
    code="BP207",
    name="unsafe-link",
    level=Level.ERROR,
    summary="A link is not an http or https URL.",
    why="Links end up in HTML and SVG; other schemes (javascript:, file:, data:) are unsafe or do not travel.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    link "javascript:alert(1)"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    link "https://example.com/deposit-policy"\n',
)


@rule(UNSAFE_LINK)
def unsafe_links(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for action in blueprint.actions():
        for link in action.links:
            parts = urlsplit(link.url)
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                scheme = f"the scheme '{parts.scheme}:'" if parts.scheme else "no scheme"
                yield UNSAFE_LINK.at(
                    blueprint.source_name,
                    link.span,
                    f"found a link with {scheme}; links must be http:// or https:// addresses",
                    hint="link to a web page, e.g. https://example.com/policy",
                )
