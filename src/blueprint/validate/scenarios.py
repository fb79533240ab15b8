"""BP230-BP233, BP320, BP321: scenarios (`scenario`, `only`), and every
scenario checked as a blueprint of its own.

The rules about paths (a recovery, an empty step, a decision's branches, the
line of visibility, unconnected support work, channel switches) run again on
each scenario's projection; a finding the whole blueprint already has is
not repeated, the others say which scenario they are found in.
"""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, Say, declare, did_you_mean
from blueprint.model.projection import memberships, scenario_index
from blueprint.model.types import Blueprint, Span
from blueprint.suggest import closest
from blueprint.validate.registry import rule

_SCENARIOS = 'scenario walk-in "Walk-in at a branch"\nscenario online "Online application"\n'
_STEP = ('step submit "Submit documents"\n  customer hand "Hands over the documents"\n    only walk-in\n'
         '  customer upload "Uploads the documents"\n    only online\n  onstage check "Checks the documents"\n'
         '  hand -> check\n  upload -> check\n')

UNKNOWN_SCENARIO = declare(
    code="BP230",
    name="unknown-scenario",
    level=Level.ERROR,
    summary="An `only` line names a scenario that is not declared.",
    why="A misspelt scenario would make its step, action or flow belong to no scenario the blueprint has, and vanish from every drawing of one.",
    bad=EXAMPLE_HEAD + _SCENARIOS + _STEP.replace("only online", "only onlin"),
    good=EXAMPLE_HEAD + _SCENARIOS + _STEP,
    says={
        "unknown": Say(en="found the scenario '{scenario}' in 'only', but no scenario has that ID",
                       zh="“only”中的场景“{scenario}”未声明，没有这个 ID 的场景",
                       zh_hant="「only」中的情境「{scenario}」未宣告，沒有這個 ID 的情境"),
        "declare": Say(en='declare it among the headers: scenario {scenario} "Label"',
                       zh='在文件头中声明它：scenario {scenario} "标签"',
                       zh_hant='在檔頭中宣告它：scenario {scenario} "標籤"'),
    },
)

DUPLICATE_SCENARIO = declare(
    code="BP231",
    name="duplicate-scenario",
    level=Level.ERROR,
    summary="Two scenarios are declared with the same ID.",
    why="An `only` line names a scenario by its ID; with two of one ID the reader cannot tell which path is meant.",
    bad=EXAMPLE_HEAD + _SCENARIOS + 'scenario online "Online with video call"\n' + _STEP,
    good=EXAMPLE_HEAD + _SCENARIOS + _STEP,
    says={
        "twice": Say(en="found the scenario '{scenario}' declared again; it was first declared on line {line}",
                     zh="场景“{scenario}”再次声明；第 {line} 行已经声明过",
                     zh_hant="情境「{scenario}」再次宣告；第 {line} 行已經宣告過"),
        "rename": Say(en="give this scenario another ID, or remove one declaration",
                      zh="给这个场景另取一个 ID，或删除其中一个声明",
                      zh_hant="給這個情境另取一個 ID，或刪除其中一個宣告"),
    },
)

NO_SCENARIOS = declare(
    code="BP232",
    name="only-without-scenarios",
    level=Level.ERROR,
    summary="An `only` line is written in a blueprint that declares no scenario.",
    why="`only` says which scenarios a part belongs to; with none declared there is nothing it can belong to.",
    bad=EXAMPLE_HEAD + _STEP,
    good=EXAMPLE_HEAD + _SCENARIOS + _STEP,
    says={
        "undeclared": Say(en="found 'only {scenario}', but this blueprint declares no scenario",
                          zh="写了“only {scenario}”，但这份蓝图没有声明任何场景",
                          zh_hant="寫了「only {scenario}」，但這份藍圖沒有宣告任何情境"),
        "declare": Say(en='declare the scenarios among the headers: scenario {scenario} "Label"',
                       zh='在文件头中声明场景：scenario {scenario} "标签"',
                       zh_hant='在檔頭中宣告情境：scenario {scenario} "標籤"'),
    },
)


def _marked(blueprint: Blueprint) -> Iterator[tuple[str, Span]]:
    """Every scenario an `only` line names, with where it is written."""
    for step in blueprint.steps:
        yield from zip(step.scenarios, step.scenario_spans)
        for action in step.actions:
            yield from zip(action.scenarios, action.scenario_spans)
    seen: set[int] = set()
    for flow in blueprint.flows:
        if flow.span.line not in seen:  # the arrows of one line share its `only`
            seen.add(flow.span.line)
            yield from zip(flow.scenarios, flow.scenario_spans)


@rule(UNKNOWN_SCENARIO, NO_SCENARIOS)
def unknown_scenarios(blueprint: Blueprint) -> Iterator[Diagnostic]:
    declared = list(scenario_index(blueprint))
    for name, span in _marked(blueprint):
        if not declared:
            yield NO_SCENARIOS.at(blueprint.source_name, span, NO_SCENARIOS.text("undeclared", scenario=name),
                                  hint=NO_SCENARIOS.text("declare", scenario=name))
        elif name not in declared:
            yield UNKNOWN_SCENARIO.at(
                blueprint.source_name, span, UNKNOWN_SCENARIO.text("unknown", scenario=name),
                hint=did_you_mean(closest(name, declared)) or UNKNOWN_SCENARIO.text("declare", scenario=name))


@rule(DUPLICATE_SCENARIO)
def duplicate_scenarios(blueprint: Blueprint) -> Iterator[Diagnostic]:
    first = scenario_index(blueprint)
    for scenario in blueprint.scenarios:
        if first[scenario.id] is not scenario:
            yield DUPLICATE_SCENARIO.at(
                blueprint.source_name, scenario.id_span,
                DUPLICATE_SCENARIO.text("twice", scenario=scenario.id, line=first[scenario.id].span.line),
                hint=DUPLICATE_SCENARIO.text("rename"))


FLOW_OUTSIDE_SCENARIO = declare(
    code="BP233",
    name="flow-outside-scenario",
    level=Level.ERROR,
    summary="A flow is marked `only` for a scenario that one of its ends does not belong to.",
    why="A flow belongs to a scenario only when both its ends do: marked for a scenario its end is not in, it is drawn in none of the scenarios it names, which is not what the line says.",
    bad=EXAMPLE_HEAD + _SCENARIOS + _STEP.replace("  upload -> check\n", "  upload -> check\n    only walk-in\n"),
    good=EXAMPLE_HEAD + _SCENARIOS + _STEP.replace("  upload -> check\n", "  upload -> check\n    only online\n"),
    says={
        "outside": Say(en="found the flow {source} -> {target} marked for the scenario '{scenario}', but '{end}' is not in it",
                       zh="连线 {source} -> {target} 标为场景“{scenario}”，但“{end}”不在这个场景中",
                       zh_hant="連線 {source} -> {target} 標為情境「{scenario}」，但「{end}」不在這個情境中"),
        "mark_end": Say(en="mark '{end}' for that scenario too, or name only the scenarios both ends are in",
                        zh="把“{end}”也标为这个场景，或只写两端都在的场景",
                        zh_hant="把「{end}」也標為這個情境，或只寫兩端都在的情境"),
    },
)


@rule(FLOW_OUTSIDE_SCENARIO)
def flows_outside_scenarios(blueprint: Blueprint) -> Iterator[Diagnostic]:
    declared = scenario_index(blueprint)
    present = memberships(blueprint)
    for flow in blueprint.flows:
        for name, span in zip(flow.scenarios, flow.scenario_spans):
            end = next((end for end in (flow.source, flow.target)
                        if end in present and name in declared and name not in present[end]), None)
            if end is not None:
                yield FLOW_OUTSIDE_SCENARIO.at(
                    blueprint.source_name, span,
                    FLOW_OUTSIDE_SCENARIO.text("outside", source=flow.source, target=flow.target, scenario=name,
                                               end=end),
                    hint=FLOW_OUTSIDE_SCENARIO.text("mark_end", end=end))


UNUSED_SCENARIO = declare(
    code="BP320",
    name="unused-scenario",
    level=Level.WARNING,
    summary="A scenario is declared but no `only` line names it.",
    why="A scenario no `only` names has only the parts every scenario shares: its path is not drawn apart from the others, which is usually an `only` line forgotten or a scenario left over from an edit.",
    bad=EXAMPLE_HEAD + _SCENARIOS + 'scenario missing "Documents missing"\n' + _STEP,
    good=EXAMPLE_HEAD + _SCENARIOS + _STEP,
    says={
        "unused": Say(en="found the scenario '{scenario}' ({label}), but no 'only' line names it",
                      zh="场景“{scenario}”（{label}）已声明，但没有任何“only”行提到它",
                      zh_hant="情境「{scenario}」（{label}）已宣告，但沒有任何「only」行提到它"),
        "use_or_remove": Say(en="write 'only {scenario}' under the steps, actions or flows of its path, or remove it",
                             zh="在它的路径上的步骤、行为或连线下写“only {scenario}”，或删除这个场景",
                             zh_hant="在它的路徑上的步驟、行為或連線下寫「only {scenario}」，或刪除這個情境"),
    },
)


@rule(UNUSED_SCENARIO)
def unused_scenarios(blueprint: Blueprint) -> Iterator[Diagnostic]:
    named = {name for name, _span in _marked(blueprint)}
    for scenario in scenario_index(blueprint).values():
        if scenario.id not in named:
            yield UNUSED_SCENARIO.at(
                blueprint.source_name, scenario.id_span,
                UNUSED_SCENARIO.text("unused", scenario=scenario.id, label=scenario.label),
                hint=UNUSED_SCENARIO.text("use_or_remove", scenario=scenario.id))
