"""Rules about what a practitioner adds to a phase, step or action: controls
(and, as they come, emotion, metrics, research notes and confidence)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, declare
from blueprint.model.types import Blueprint, Control
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
