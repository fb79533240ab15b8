"""A blueprint model as .bp text, laid out as a person would write it.

Headers first, then phases and steps; evidence and actions indented under
their step, attributes under their action, and each flow at the end of the
step where its later end is defined (keeping the flows' order). Every line
remembers the JSON path of what it came from, so that a problem found in
the text can be reported against the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.model.types import (Action, Blueprint, Control, DurationRange, FlowKind, KeyMark, Lane, Line, Metric,
                                   ResearchNote, Step, Via)
from blueprint.vocabulary import DEFAULT_LANGUAGE

INDENT = "  "
ARROWS = {FlowKind.HANDOFF: "->", FlowKind.DEFERRED: "-->", FlowKind.AGREEMENT: "<->"}
ROOT = "$.blueprint"


def quote(text: str) -> str:
    """A .bp string: only the quote and the backslash need escaping."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _range(duration: DurationRange) -> str:
    if duration.min.text == duration.max.text:
        return duration.min.text
    return f"{duration.min.text}..{duration.max.text}"


@dataclass
class BpText:
    """The lines of a .bp file and, for each, the JSON path it was written from ('' for blank lines)."""

    lines: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)

    def add(self, depth: int, text: str, origin: str) -> None:
        self.lines.append(INDENT * depth + text)
        self.origins.append(origin)

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")
            self.origins.append("")

    @property
    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def origin(self, line: int) -> str:
        """The JSON path behind a 1-based line number ('' when there is none)."""
        return self.origins[line - 1] if 1 <= line <= len(self.origins) else ""


def _headers(blueprint: Blueprint, out: BpText) -> None:
    if blueprint.title is not None:
        out.add(0, f"blueprint {quote(blueprint.title)}", f"{ROOT}.title")
    if blueprint.description is not None:
        out.add(0, f"description {quote(blueprint.description)}", f"{ROOT}.description")
    for index, segment in enumerate(blueprint.segments):
        out.add(0, f"segment {quote(segment)}", f"{ROOT}.segments[{index}]")
    if blueprint.owner is not None:
        out.add(0, f"owner {quote(blueprint.owner)}", f"{ROOT}.owner")
    if blueprint.version is not None:
        out.add(0, f"version {quote(blueprint.version)}", f"{ROOT}.version")
    out.add(0, f"state {blueprint.state.value}", f"{ROOT}.state")
    if blueprint.lang is not DEFAULT_LANGUAGE:
        out.add(0, f"lang {blueprint.lang.value}", f"{ROOT}.lang")
    if blueprint.max_wait is not None:
        out.add(0, f"max-wait {blueprint.max_wait.text}", f"{ROOT}.max_wait")
    for lane in Lane:
        if lane in blueprint.lane_labels:
            out.add(0, f"lane {lane.value} {quote(blueprint.lane_labels[lane])}", f"{ROOT}.lane_labels.{lane.value}")
    for line in Line:
        if line in blueprint.line_labels:
            out.add(0, f"line {line.value} {quote(blueprint.line_labels[line])}", f"{ROOT}.line_labels.{line.value}")
    for index, declared in enumerate(blueprint.channels):
        out.add(0, f"channel {declared.id} {quote(declared.label)}", f"{ROOT}.channels[{index}]")
    for index, role in enumerate(blueprint.roles):
        kind = f" {role.kind.value}" if role.kind is not None else ""
        out.add(0, f"role {role.id} {quote(role.label)}{kind}", f"{ROOT}.roles[{index}]")
    for index, scenario in enumerate(blueprint.scenarios):
        segment = f" segment {quote(scenario.segment)}" if scenario.segment is not None else ""
        out.add(0, f"scenario {scenario.id} {quote(scenario.label)}{segment}", f"{ROOT}.scenarios[{index}]")


def _action(action: Action, path: str, out: BpText) -> None:
    # Attributes in the order the examples use: who, how long, what goes wrong, what it costs, notes.
    ident = "" if action.generated_id else f" {action.id}"
    out.add(1, f"{action.lane.value}{ident} {quote(action.label)}", path)
    if action.role is not None:
        out.add(2, f"by {action.role}", f"{path}.role")
    if action.scenarios:
        out.add(2, _only(action.scenarios), f"{path}.scenarios")
    if action.via is not None:
        out.add(2, _via(action.via), f"{path}.via")
    if action.key is not None:
        out.add(2, _key(action.key), f"{path}.key")
    if action.decision is not None:
        question = action.decision.question
        out.add(2, "decision" if question is None else f"decision {quote(question)}", f"{path}.decision")
    if action.detail is not None:
        out.add(2, f"detail {quote(action.detail.path)}", f"{path}.detail")
    for index, wait in enumerate(action.waits):
        text = f"wait {_range(wait.duration)}"
        if wait.description is not None:
            text += f" {quote(wait.description)}"
        out.add(2, text, f"{path}.waits[{index}]")
    if action.duration is not None:
        out.add(2, f"duration {_range(action.duration)}", f"{path}.duration")
    for index, fail in enumerate(action.fails):
        text = f"fail {quote(fail.description)}"
        if fail.severity is not None:
            text += f" severity {fail.severity.value}"
        if fail.recover is not None:
            text += f" recover {fail.recover}"
        out.add(2, text, f"{path}.fails[{index}]")
    if action.cost is not None:
        currency = f" {action.cost.currency}" if action.cost.currency is not None else ""
        out.add(2, f"cost {action.cost.text}{currency}", f"{path}.cost")
    for index, note in enumerate(action.notes):
        out.add(2, f"note {quote(note)}", f"{path}.notes[{index}]")
    for index, link in enumerate(action.links):
        out.add(2, f"link {quote(link.url)}", f"{path}.links[{index}]")
    if action.confidence is not None:
        out.add(2, f"confidence {action.confidence.value}", f"{path}.confidence")
    _controls(action.controls, 2, path, out)
    _research(action.research, 2, path, out)


def _research(notes: tuple[ResearchNote, ...], depth: int, path: str, out: BpText) -> None:
    for index, note in enumerate(notes):
        rating = (f" severity {note.severity.value}" if note.severity is not None
                  else f" impact {note.impact.value}" if note.impact is not None else "")
        out.add(depth, f"{note.kind.value} {quote(note.text)}{rating}", f"{path}.research[{index}]")


def _metrics(metrics: tuple[Metric, ...], path: str, out: BpText) -> None:
    for index, metric in enumerate(metrics):
        value = f" {metric.text}" if metric.text is not None else ""
        unit = f" {quote(metric.unit)}" if metric.unit is not None else ""
        out.add(1, f"metric {quote(metric.name)}{value}{unit}", f"{path}.metrics[{index}]")


def _controls(controls: tuple[Control, ...], depth: int, path: str, out: BpText) -> None:
    for index, control in enumerate(controls):
        reference = f" ref {quote(control.reference)}" if control.reference is not None else ""
        out.add(depth, f"control {quote(control.text)}{reference}", f"{path}.controls[{index}]")


def _via(via: Via) -> str:
    return f"via {via.channel}" if via.reason is None else f"via {via.channel} {quote(via.reason)}"


def _only(scenarios: tuple[str, ...]) -> str:
    return "only " + ", ".join(scenarios)


def _key(mark: KeyMark) -> str:
    return "key" if mark.reason is None else f"key {quote(mark.reason)}"


def _chains(blueprint: Blueprint, indexes: list[int]) -> list[list[int]]:
    """Consecutive flows that continue one another (`a -> b`, `b -> c`) as one
    chain `a -> b -> c`, which the builder splits back into the same flows.
    Each label is written after the arrow it names, except that a chain never
    ends in its only label: that older form names the first arrow (BP306), so
    such a last flow gets a line of its own."""
    chains: list[list[int]] = []
    for index in indexes:
        flow = blueprint.flows[index]
        if chains:
            previous = blueprint.flows[chains[-1][-1]]
            # One `only` marks every arrow of a line: a chain's flows share their scenarios.
            if chains[-1][-1] == index - 1 and previous.target == flow.source and previous.scenarios == flow.scenarios:
                chains[-1].append(index)
                continue
        chains.append([index])
    return [part for chain in chains for part in _unambiguous(blueprint, chain)]


def _unambiguous(blueprint: Blueprint, chain: list[int]) -> list[list[int]]:
    labelled = [blueprint.flows[index].label is not None for index in chain]
    if len(chain) > 1 and labelled[-1] and not any(labelled[:-1]):
        return [chain[:-1], chain[-1:]]
    return [chain]


def _chain(blueprint: Blueprint, chain: list[int]) -> str:
    flows = [blueprint.flows[index] for index in chain]
    words = [flows[0].source]
    for flow in flows:
        words += [ARROWS[flow.kind], flow.target]
        if flow.label is not None:
            words.append(quote(flow.label))
    return " ".join(words)


def _flow_only(blueprint: Blueprint, chain: list[int], depth: int, out: BpText) -> None:
    scenarios = blueprint.flows[chain[0]].scenarios
    if scenarios:
        out.add(depth, _only(scenarios), f"{ROOT}.flows[{chain[0]}].scenarios")


def _flows_by_step(blueprint: Blueprint) -> dict[int, list[int]]:
    """Flow indexes by the step they are written under: the step of the later
    end, but never before an earlier flow's step, so their order stays."""
    step_of = {}
    for index, step in enumerate(blueprint.steps):
        for action in step.actions:
            step_of.setdefault(action.id, index)
    last = len(blueprint.steps) - 1
    placed: dict[int, list[int]] = {}
    floor = 0
    for index, flow in enumerate(blueprint.flows):
        ends = [step_of.get(flow.source, last), step_of.get(flow.target, last)]
        floor = max(floor, *ends)
        placed.setdefault(floor, []).append(index)
    return placed


def _step(blueprint: Blueprint, index: int, step: Step, flows: list[int], out: BpText) -> None:
    path = f"{ROOT}.steps[{index}]"
    out.blank()
    out.add(0, f"step {step.id} {quote(step.label)}", path)
    # A step's own lines come before its evidence and actions, or they would be the last action's.
    if step.emotion is not None:
        emotion = step.emotion
        score = emotion.word or (f"+{emotion.score}" if emotion.score > 0 else str(emotion.score))
        note = f" {quote(emotion.note)}" if emotion.note is not None else ""
        out.add(1, f"emotion {score}{note}", f"{path}.emotion")
    _metrics(step.metrics, path, out)
    _controls(step.controls, 1, path, out)
    _research(step.research, 1, path, out)
    if step.via is not None:
        out.add(1, _via(step.via), f"{path}.via")
    if step.key is not None:
        out.add(1, _key(step.key), f"{path}.key")
    if step.scenarios:
        out.add(1, _only(step.scenarios), f"{path}.scenarios")
    if step.detail is not None:
        out.add(1, f"detail {quote(step.detail.path)}", f"{path}.detail")
    for number, evidence in enumerate(step.evidence):
        ident = f" {evidence.id}" if evidence.id is not None else ""
        out.add(1, f"evidence{ident} {quote(evidence.label)}", f"{path}.evidence[{number}]")
    for number, action in enumerate(step.actions):
        _action(action, f"{path}.actions[{number}]", out)
    for chain in _chains(blueprint, flows):
        # A problem anywhere in a chain is reported against its first flow.
        out.add(1, _chain(blueprint, chain), f"{ROOT}.flows[{chain[0]}]")
        _flow_only(blueprint, chain, 2, out)


def _phase(blueprint: Blueprint, index: int, out: BpText) -> None:
    out.add(0, f"phase {quote(blueprint.phases[index].name)}", f"{ROOT}.phases[{index}]")
    _metrics(blueprint.phases[index].metrics, f"{ROOT}.phases[{index}]", out)


def to_bp(blueprint: Blueprint) -> BpText:
    """The .bp text of a model. Steps are written in order and each phase line
    just before the first step that belongs to it, so a model whose steps are
    not in phase order reads back differently; the caller compares."""
    out = BpText()
    _headers(blueprint, out)
    flows = _flows_by_step(blueprint)
    opened = -1  # phases written so far
    for index, step in enumerate(blueprint.steps):
        if step.phase is not None:
            while opened < min(step.phase, len(blueprint.phases) - 1):
                opened += 1
                out.blank()
                _phase(blueprint, opened, out)
        _step(blueprint, index, step, flows.get(index, []), out)
    while opened < len(blueprint.phases) - 1:  # phases with no steps after the last step
        opened += 1
        out.blank()
        _phase(blueprint, opened, out)
    if not blueprint.steps:  # flows with nowhere to go
        out.blank()
        for chain in _chains(blueprint, list(range(len(blueprint.flows)))):
            out.add(0, _chain(blueprint, chain), f"{ROOT}.flows[{chain[0]}]")
            _flow_only(blueprint, chain, 1, out)
    return out
