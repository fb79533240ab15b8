"""What the editor shows over a word: an ID's place in the blueprint, a diagnostic's rule.

Over an action: its lane, its step, the flows in and out, its fail and wait
points with the numbers the drawing gives them (F2, W1), its duration and
cost. Over a step or evidence: what it holds. Over a scenario, declared or
named by `only`: its label and segment, whether it is the main one, and what
is marked for it. Over a diagnostic's place: the rule it breaks, as the rule
reference explains it.
"""

from __future__ import annotations

import re

from lsprotocol import types

from blueprint.catalogue import BY_CODE
from blueprint.lsp.analysis import Analysis
from blueprint.lsp.index import ACTION, EVIDENCE, SCENARIOS, STEP
from blueprint.lsp.positions import span_contains
from blueprint.model.projection import project, scenario_index
from blueprint.model.types import Action, Blueprint, Evidence, Step
from blueprint.report.machine import rule_url
from blueprint.vocabulary import ARROWS

_ARROW_OF = {kind: arrow for arrow, kind in ARROWS.items()}

_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")


def md(text: str) -> str:
    """User text shown as itself, never as Markdown or HTML."""
    return _MARKDOWN.sub(r"\\\1", text)


def hover(analysis: Analysis, line: int, column: int, docs_url: str | None) -> types.Hover | None:
    parts = []
    occurrence = analysis.index.at(line, column)
    blueprint = analysis.result.blueprint
    if occurrence is not None and blueprint is not None and occurrence.namespace == SCENARIOS:
        parts.append(describe_scenario(blueprint, occurrence.name))
    elif occurrence is not None and blueprint is not None:
        parts.append(describe_id(blueprint, occurrence.name))
    elif blueprint is not None:
        parts += _points_at(blueprint, line, column)
    parts += [rule_text(d.code, docs_url) for d in analysis.result.diagnostics
              if span_contains(d.span, line, column) and d.code in BY_CODE]
    if not parts:
        return None
    range_ = analysis.lines.span_range(occurrence.span) if occurrence is not None else None
    content = types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(dict.fromkeys(parts)))
    return types.Hover(contents=content, range=range_)


def _points_at(blueprint: Blueprint, line: int, column: int) -> list[str]:
    """A fail or wait line under the cursor, with the number the drawing gives it."""
    found = [f"**F{fail.number}** of `{fail.action}`{f' ({fail.severity.value})' if fail.severity else ''}: "
             f"{md(fail.description)}" for fail in blueprint.fail_points() if span_contains(fail.span, line, column)]
    found += [f"**W{wait.number}** of `{wait.action}`: {wait.duration.text}"
              f"{': ' + md(wait.description) if wait.description else ''}"
              for wait in blueprint.wait_points() if span_contains(wait.span, line, column)]
    return found


def describe_id(blueprint: Blueprint, name: str) -> str:
    for step in blueprint.steps:
        if step.id == name:
            return _describe_step(blueprint, step)
        for action in step.actions:
            if action.id == name:
                return _describe_action(blueprint, step, action)
        for evidence in step.evidence:
            if evidence.id == name:
                return _describe_evidence(step, evidence)
    return f"`{name}` is not defined in this blueprint"


def _describe_step(blueprint: Blueprint, step: Step) -> str:
    lines = [f"**step** `{step.id}`: {md(step.label)}", ""]
    if step.phase is not None and step.phase < len(blueprint.phases):
        lines.append(f"- phase: {md(blueprint.phases[step.phase].name)}")
    lines.append(f"- actions: {', '.join(f'`{a.id}`' for a in step.actions) or 'none'}")
    if step.evidence:
        lines.append(f"- evidence: {len(step.evidence)}")
    return "\n".join(lines)


def _describe_evidence(step: Step, evidence: Evidence) -> str:
    return f"**{EVIDENCE}** `{evidence.id}`: {md(evidence.label)}\n\n- step: `{step.id}` {md(step.label)}"


def _describe_action(blueprint: Blueprint, step: Step, action: Action) -> str:
    lines = [f"**{ACTION}** `{action.id}`: {md(action.label)}", ""]
    lines.append(f"- lane: {md(blueprint.lane_label(action.lane))} (`{action.lane.value}`)")
    lines.append(f"- {STEP}: `{step.id}` {md(step.label)}")
    incoming = [f"`{f.source}` {_ARROW_OF[f.kind]}" for f in blueprint.flows if f.target == action.id]
    outgoing = [f"{_ARROW_OF[f.kind]} `{f.target}`" for f in blueprint.flows if f.source == action.id]
    lines.append(f"- flows in: {', '.join(incoming) or 'none'}")
    lines.append(f"- flows out: {', '.join(outgoing) or 'none'}")
    for fail in action.fails:
        severity = f" ({fail.severity.value})" if fail.severity else ""
        recover = f", recovered by `{fail.recover}`" if fail.recover else ""
        lines.append(f"- **F{fail.number}**{severity}: {md(fail.description)}{recover}")
    for wait in action.waits:
        said = f": {md(wait.description)}" if wait.description else ""
        lines.append(f"- **W{wait.number}** {wait.duration.text}{said}")
    if action.duration is not None:
        lines.append(f"- duration: {action.duration.text}")
    if action.cost is not None:
        currency = f" {md(action.cost.currency)}" if action.cost.currency else ""
        lines.append(f"- cost: {action.cost.text}{currency}")
    recovers = [f"F{fail.number}" for fail in blueprint.fail_points() if fail.recover == action.id]
    if recovers:
        lines.append(f"- recovers: {', '.join(recovers)}")
    return "\n".join(lines)


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _figures(steps: int, actions: int, flows: int) -> str:
    return ", ".join((_counted(steps, "step", "steps"), _counted(actions, "action", "actions"),
                      _counted(flows, "flow", "flows")))


def describe_scenario(blueprint: Blueprint, name: str) -> str:
    scenario = scenario_index(blueprint).get(name)
    if scenario is None:
        return f"`{name}` is not a scenario of this blueprint"
    main = scenario.id == blueprint.scenarios[0].id
    lines = [f"**scenario** `{scenario.id}`: {md(scenario.label)}", ""]
    if scenario.segment is not None:
        lines.append(f"- segment: {md(scenario.segment)}")
    lines.append("- the main scenario (declared first): the others are compared with it" if main
                 else f"- compared with the main scenario, `{blueprint.scenarios[0].id}`")
    # The arrows of a chain share their `only` line: each arrow counts, as the drawing draws each.
    marked = (sum(name in step.scenarios for step in blueprint.steps),
              sum(name in action.scenarios for action in blueprint.actions()),
              sum(name in flow.scenarios for flow in blueprint.flows))
    lines.append(f"- marked `only` for it: {_figures(*marked)}")
    own = project(blueprint, name)
    lines.append(f"- in it, with what is unmarked: {_figures(len(own.steps), len(own.actions()), len(own.flows))}")
    return "\n".join(lines)


def rule_text(code: str, docs_url: str | None) -> str:
    declaration = BY_CODE[code]
    text = f"**{declaration.code} {declaration.name}** ({declaration.level.value}): {md(declaration.summary)}\n\n"
    text += md(declaration.why)
    if docs_url is not None:
        text += f"\n\n[The rule in the reference]({rule_url(declaration, docs_url)})"
    return text
