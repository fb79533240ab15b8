"""Every scenario checked as a blueprint of its own: the rules about paths
run again on each scenario's projection (blueprint.model.projection), and
BP321 finds an action a scenario leaves with no path.

A finding the whole blueprint already has is not repeated; one found alike
in several scenarios is reported once, naming them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Choices, Diagnostic, Level, Say, Text, declare
from blueprint.model.projection import project, scenario_index
from blueprint.model.types import Action, Blueprint
from blueprint.validate.channels import UNEXPLAINED_CHANNEL_SWITCH
from blueprint.validate.decisions import TOO_FEW_BRANCHES
from blueprint.validate.meaning import EMPTY_STEP
from blueprint.validate.practice import SKIPS_VISIBILITY, UNCONNECTED_SUPPORT
from blueprint.validate.references import UNKNOWN_RECOVERY
from blueprint.validate.registry import RULES, rule

# The rules about a blueprint's paths: which ways lead where, and what is left without one.
PATH_CODES: tuple[str, ...] = tuple(code.code for code in (
    UNKNOWN_RECOVERY, EMPTY_STEP, TOO_FEW_BRANCHES, SKIPS_VISIBILITY, UNCONNECTED_SUPPORT, UNEXPLAINED_CHANNEL_SWITCH))

IN_SCENARIOS = Say(en="in scenario {scenarios}: {finding}", zh="在场景{scenarios}中：{finding}",
                   zh_hant="在情境{scenarios}中：{finding}")
_QUOTED = Say(en="'{id}'", zh="“{id}”", zh_hant="「{id}」")

_SCENARIOS = 'scenario walk-in "Walk-in at a branch"\nscenario online "Online application"\n'
_STEP = ('step submit "Submit documents"\n  customer hand "Hands over the documents"\n'
         '  customer upload "Uploads the documents"\n    only online\n  onstage check "Checks the documents"\n'
         '  upload -> check\n')

STRANDED_IN_SCENARIO = declare(
    code="BP321",
    name="stranded-in-scenario",
    level=Level.WARNING,
    summary="An action that has flows in the whole blueprint has none in one of its scenarios.",
    why="Each scenario is a path of its own: an action whose flows all lead to parts of other scenarios stands unconnected when its scenario is drawn, a step of that path nobody designed.",
    bad=EXAMPLE_HEAD + _SCENARIOS + _STEP + "  hand -> check\n    only online\n",
    good=EXAMPLE_HEAD + _SCENARIOS + _STEP.replace("documents\"\n", "documents\"\n    only walk-in\n", 1)
    + "  hand -> check\n",
    says={
        "stranded": Say(en="found the action '{action}' with no flow in scenario {scenarios}; its flows belong to other scenarios",
                        zh="行为“{action}”在场景{scenarios}中没有任何连线；它的连线都属于其他场景",
                        zh_hant="行為「{action}」在情境{scenarios}中沒有任何連線；它的連線都屬於其他情境"),
        "path": Say(en="connect it there too, or mark it 'only' for the scenarios it has a path in",
                    zh="在那里也连接它，或用“only”把它标为它有路径的场景",
                    zh_hant="在那裡也連接它，或用「only」把它標為它有路徑的情境"),
    },
)


def _projections(blueprint: Blueprint) -> Iterator[tuple[str, Blueprint]]:
    for scenario in scenario_index(blueprint):
        yield scenario, project(blueprint, scenario)


@rule(STRANDED_IN_SCENARIO)
def stranded_actions(blueprint: Blueprint) -> Iterator[Diagnostic]:
    connected = {end for flow in blueprint.flows for end in (flow.source, flow.target)}
    stranded: dict[int, tuple[Action, list[str]]] = {}
    for scenario, projected in _projections(blueprint):
        linked = {end for flow in projected.flows for end in (flow.source, flow.target)}
        for action in projected.actions():
            if action.id in connected and action.id not in linked:
                stranded.setdefault(id(action), (action, []))[1].append(scenario)
    for action, scenarios in stranded.values():
        yield STRANDED_IN_SCENARIO.at(
            blueprint.source_name, action.id_span,
            STRANDED_IN_SCENARIO.text("stranded", action=action.id, scenarios=_names(scenarios)),
            hint=STRANDED_IN_SCENARIO.text("path"))


def _names(scenarios: list[str]) -> Choices:
    return Choices(tuple(_QUOTED(id=name) for name in scenarios), last="and")


def _same(finding: Diagnostic) -> tuple:
    return finding.code, finding.span, finding.message


def scenario_findings(blueprint: Blueprint, wanted: Iterable[str], whole: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The path rules' findings in each scenario that the whole blueprint does not have, each naming its scenarios."""
    codes = [code for code in PATH_CODES if code in set(wanted)]
    checks = sorted({RULES[code] for code in codes}, key=lambda check: check.__name__)
    if not blueprint.scenarios or not checks:
        return []
    known = {_same(finding) for finding in whole}
    found: dict[tuple, tuple[Diagnostic, list[str]]] = {}
    for scenario, projected in _projections(blueprint):
        for check in checks:
            for finding in check(projected):
                if finding.code in codes and _same(finding) not in known:
                    found.setdefault(_same(finding), (finding, []))[1].append(scenario)
    return [_named(finding, scenarios) for finding, scenarios in found.values()]


def _named(finding: Diagnostic, scenarios: list[str]) -> Diagnostic:
    """The finding, its message saying the scenarios it is found in."""
    message, hint = finding._texts
    text = IN_SCENARIOS(scenarios=_names(scenarios), finding=message if isinstance(message, Text) else finding.message)
    named = finding.model_copy(update={"message": text.worded()})
    named._texts = (text, hint)
    return named
