"""Rules about what a practitioner adds to a phase, step or action: controls
(and, as they come, emotion, metrics, research notes and confidence)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, declare
from blueprint.model.types import Blueprint, Control, Metric
from blueprint.validate.registry import rule

_DEPOSIT = 'step deposit "Deposit"\n  customer hand "Hands over cash"\n'

REPEATED_CONTROL = declare(
    code="BP220",
    name="repeated-control",
    level=Level.ERROR,
    summary="The same control is written twice on one step or one action.",
    why="Each control is drawn as a numbered mark and counted per phase; the same one twice on one place counts "
        "a rule twice and makes its list say it applies twice.",
    bad=EXAMPLE_HEAD + _DEPOSIT + '    control "Dual control over cash"\n    control "Dual control over cash"\n',
    good=EXAMPLE_HEAD + _DEPOSIT + '    control "Dual control over cash"\n',
)


def _same(control: Control) -> str:
    # Case and spacing differences do not make another rule.
    return " ".join(control.text.casefold().split())


@rule(REPEATED_CONTROL)
def repeated_controls(blueprint: Blueprint) -> Iterator[Diagnostic]:
    places = [(f"the step '{step.id}'", step.controls) for step in blueprint.steps]
    places += [(f"the action '{action.id}'", action.controls) for action in blueprint.actions()]
    for where, controls in places:
        first: dict[str, Control] = {}
        for control in controls:
            earlier = first.setdefault(_same(control), control)
            if earlier is not control:
                yield REPEATED_CONTROL.at(
                    blueprint.source_name,
                    control.span,
                    f"found the control \"{control.text}\" again on {where}; it is already on line {earlier.span.line}",
                    hint="keep one line; if both apply, say what differs (e.g. the rule each one comes from)",
                )


METRIC_WITHOUT_VALUE = declare(
    code="BP222",
    name="metric-without-value",
    level=Level.ERROR,
    summary="A metric has a name but no number.",
    why="A metric row is read for its figures; a name alone looks measured when it is not. A measure still to be "
        "taken is a research question.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  metric "Deposits per day"\n  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  metric "Deposits per day" 1200\n  customer hand "Hands over cash"\n',
)

REPEATED_METRIC = declare(
    code="BP223",
    name="repeated-metric",
    level=Level.ERROR,
    summary="A phase or a step names the same metric twice.",
    why="Two values for one measure of one place leave the reader guessing which one counts.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  metric "Abandon rate" 12 "%"\n  metric "Abandon rate" 9 "%"\n'
        '  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  metric "Abandon rate" 12 "%"\n  customer hand "Hands over cash"\n',
)


def _metric_places(blueprint: Blueprint) -> list[tuple[str, tuple[Metric, ...]]]:
    places = [(f"the phase \"{phase.name}\"", phase.metrics) for phase in blueprint.phases]
    return places + [(f"the step '{step.id}'", step.metrics) for step in blueprint.steps]


@rule(METRIC_WITHOUT_VALUE, REPEATED_METRIC)
def metrics(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for where, found in _metric_places(blueprint):
        first: dict[str, Metric] = {}
        for metric in found:
            if metric.value is None:
                yield METRIC_WITHOUT_VALUE.at(
                    blueprint.source_name,
                    metric.span,
                    f"found the metric \"{metric.name}\" on {where} with no number",
                    hint=f'write its value after the name, e.g. metric "{metric.name}" 12 "%"; if it is still to be '
                         "measured, write it as a question",
                )
            earlier = first.setdefault(" ".join(metric.name.casefold().split()), metric)
            if earlier is not metric:
                yield REPEATED_METRIC.at(
                    blueprint.source_name,
                    metric.span,
                    f"found the metric \"{metric.name}\" again on {where}; it is already on line {earlier.span.line}",
                    hint="keep one line; a different measure needs a different name (e.g. with its period)",
                )
