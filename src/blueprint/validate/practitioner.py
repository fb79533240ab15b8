"""Rules about what a practitioner adds to a phase, step or action: controls
(and, as they come, emotion, metrics, research notes and confidence)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, declare
from blueprint.model.types import Blueprint, Control, Metric, NoteKind, ResearchNote, Step
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


REPEATED_NOTE = declare(
    code="BP224",
    name="repeated-research-note",
    level=Level.ERROR,
    summary="The same research note (pain point, idea, opportunity or question) is written twice on one step or action.",
    why="Research notes are listed and counted; the same one twice counts a finding twice.",
    bad=EXAMPLE_HEAD + _DEPOSIT + '    pain "Long queue at noon" severity high\n    pain "Long queue at noon"\n',
    good=EXAMPLE_HEAD + _DEPOSIT + '    pain "Long queue at noon" severity high\n',
)


@rule(REPEATED_NOTE)
def repeated_notes(blueprint: Blueprint) -> Iterator[Diagnostic]:
    places: list[tuple[str, tuple[ResearchNote, ...]]] = [
        (f"the step '{step.id}'", step.research) for step in blueprint.steps]
    places += [(f"the action '{action.id}'", action.research) for action in blueprint.actions()]
    for where, notes in places:
        first: dict[tuple[NoteKind, str], ResearchNote] = {}
        for note in notes:
            earlier = first.setdefault((note.kind, " ".join(note.text.casefold().split())), note)
            if earlier is not note:
                yield REPEATED_NOTE.at(
                    blueprint.source_name,
                    note.span,
                    f"found the {note.kind.value} \"{note.text}\" again on {where}; it is already on line "
                    f"{earlier.span.line}",
                    hint="keep one line" if note.kind is NoteKind.QUESTION
                    else "keep one line, with the higher severity or impact of the two",
                )


UNEXPLAINED_LOW = declare(
    code="BP310",
    name="unexplained-low-emotion",
    level=Level.WARNING,
    summary="The customer is frustrated (emotion -2) at a step that records no pain point, fail point or wait.",
    why="The low point of the emotion curve is where a redesign starts; without the pain, fail point or wait "
        "behind it, the blueprint shows the feeling but not what to fix.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  emotion -2\n  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  emotion -2\n  pain "Queue out of the door" severity high\n'
         '  customer hand "Hands over cash"\n',
)


def _explained(step: Step) -> bool:
    notes = [*step.research, *(note for action in step.actions for note in action.research)]
    return any(note.kind is NoteKind.PAIN for note in notes) or any(
        action.fails or action.waits for action in step.actions)


@rule(UNEXPLAINED_LOW)
def unexplained_low_emotion(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for step in blueprint.steps:
        if step.emotion is not None and step.emotion.score <= -2 and not _explained(step):
            yield UNEXPLAINED_LOW.at(
                blueprint.source_name,
                step.emotion.span,
                f"found the customer frustrated at the step '{step.id}' with no pain point, fail point or wait",
                hint='say what hurts: pain "…" severity high under the step, or a fail or wait on the action',
            )
