"""BP2xx: what the blueprint says must hold together."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from blueprint.diagnostics import Diagnostic, diagnostic
from blueprint.model.durations import format_seconds
from blueprint.model.types import Blueprint, DurationRange
from blueprint.source import Span
from blueprint.suggest import did_you_mean
from blueprint.validate.registry import rule


@rule("BP201")
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
            yield diagnostic(
                "BP201",
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
    blueprint: Blueprint, targets: _Targets, ident: str, span: Span, code: str, role: str
) -> Iterator[Diagnostic]:
    if ident in targets.actions:
        return
    if ident in targets.steps:
        yield diagnostic(
            "BP209",
            blueprint.source_name,
            span,
            f"found the step '{ident}' as {role}; {role} must be an action",
            hint="name one of the step's actions instead",
        )
        return
    if ident in targets.evidence:
        yield diagnostic(
            "BP209",
            blueprint.source_name,
            span,
            f"found the evidence '{ident}' as {role}; {role} must be an action",
            hint="evidence is what the customer sees; connect the action that shows it",
        )
        return
    yield diagnostic(
        code,
        blueprint.source_name,
        span,
        f"found '{ident}' as {role}, but no action has that ID",
        hint=did_you_mean(ident, targets.sorted_actions) or "define the action, or fix the ID",
    )


@rule("BP202", "BP209", "BP210")
def flow_endpoints(blueprint: Blueprint) -> Iterator[Diagnostic]:
    targets = _Targets(blueprint)
    for flow in blueprint.flows:
        yield from _reference(blueprint, targets, flow.source, flow.source_span, "BP202", "a flow's start")
        yield from _reference(blueprint, targets, flow.target, flow.target_span, "BP202", "a flow's end")
        if flow.source == flow.target:
            yield diagnostic(
                "BP210",
                blueprint.source_name,
                flow.target_span,
                f"found a flow from '{flow.source}' to itself",
                hint="remove it, or give the action a duration or a note instead",
            )


@rule("BP203")
def recoveries(blueprint: Blueprint) -> Iterator[Diagnostic]:
    targets = _Targets(blueprint)
    for fail in blueprint.fail_points():
        if fail.recover is not None and fail.recover_span is not None:
            yield from _reference(blueprint, targets, fail.recover, fail.recover_span, "BP203", "a recovery")


def _ranges(blueprint: Blueprint) -> Iterator[DurationRange]:
    for action in blueprint.actions():
        yield from (wait.duration for wait in action.waits)
        if action.duration is not None:
            yield action.duration


@rule("BP204")
def reversed_ranges(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for rng in _ranges(blueprint):
        if rng.min.seconds > rng.max.seconds:
            yield diagnostic(
                "BP204",
                blueprint.source_name,
                rng.span,
                f"found the range {rng.text}, whose minimum ({format_seconds(rng.min.seconds)}) "
                f"exceeds its maximum ({format_seconds(rng.max.seconds)})",
                hint=f"write {rng.max.text}..{rng.min.text}",
            )


@rule("BP205")
def empty_steps(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for step in blueprint.steps:
        if not step.actions:
            yield diagnostic(
                "BP205",
                blueprint.source_name,
                step.id_span,
                f"found the step '{step.id}' with no action",
                hint='add what someone does in this step, e.g. customer ID "Label"',
            )


@rule("BP206")
def missing_title(blueprint: Blueprint) -> Iterator[Diagnostic]:
    if blueprint.title is None:
        yield diagnostic(
            "BP206",
            blueprint.source_name,
            Span.point(1, 1),
            'found no blueprint title; a .bp file starts with blueprint "Title"',
            hint='add a first line such as blueprint "Branch cash deposit"',
        )


@rule("BP207")
def unsafe_links(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for action in blueprint.actions():
        for link in action.links:
            parts = urlsplit(link.url)
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                scheme = f"the scheme '{parts.scheme}:'" if parts.scheme else "no scheme"
                yield diagnostic(
                    "BP207",
                    blueprint.source_name,
                    link.span,
                    f"found a link with {scheme}; links must be http:// or https:// addresses",
                    hint="link to a web page, e.g. https://example.com/policy",
                )


@rule("BP212")
def repeated_flows(blueprint: Blueprint) -> Iterator[Diagnostic]:
    seen: dict[tuple[str, str, str], int] = {}
    for flow in blueprint.flows:
        ends = (flow.source, flow.target)
        # A two-way arrow is the same whichever end is written first.
        if flow.kind.value == "agreement":
            ends = tuple(sorted(ends))
        key = (*ends, flow.kind.value)
        if key in seen:
            yield diagnostic(
                "BP212",
                blueprint.source_name,
                flow.target_span,
                f"found the flow {flow.source} {_ARROWS[flow.kind.value]} {flow.target} again; "
                f"it is already on line {seen[key]}",
                hint="remove one of them",
            )
        else:
            seen[key] = flow.span.line


_ARROWS = {"handoff": "->", "deferred": "-->", "agreement": "<->"}
