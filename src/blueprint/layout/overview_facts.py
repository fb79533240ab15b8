"""What an overview drawing says of each phase, gathered from the model:
its steps, its key steps (with their K numbers and reasons), how many fail
points and waits it has, the worst severity, the longest wait, the waits
beyond the max-wait promise and the customer's lowest emotion."""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout.cards import duration_text
from blueprint.model.types import Blueprint, Severity, Step, WaitPoint
from blueprint.scene import PhaseSummary
from blueprint.words import WORDS

SEVERITY_ORDER = (Severity.LOW, Severity.MEDIUM, Severity.HIGH)


@dataclass
class KeyMarkFacts:
    """One K mark in a key step: the step's own (`action` None) or one of its actions'."""

    number: int
    action: str | None  # the key action's label
    reason: str | None


@dataclass
class KeyStepFacts:
    step: Step
    marks: list[KeyMarkFacts]


@dataclass
class PhaseFacts:
    label: str
    steps: list[Step]
    key_steps: list[KeyStepFacts] = field(default_factory=list)
    fails: int = 0
    worst: Severity | None = None
    waits: int = 0
    longest: str | None = None
    beyond: int = 0
    lowest_emotion: int | None = None

    def summary(self) -> PhaseSummary:
        return PhaseSummary(label=self.label, steps=tuple(step.label for step in self.steps),
                            key_steps=tuple(key.step.label for key in self.key_steps), fails=self.fails,
                            worst=self.worst.value if self.worst else None, waits=self.waits,
                            longest=self.longest, beyond=self.beyond, lowest_emotion=self.lowest_emotion)


def phase_facts(blueprint: Blueprint) -> list[PhaseFacts]:
    """A PhaseFacts per column, left to right: the steps before the first
    phase, if any, then every phase, one without steps included (the whole
    blueprint is one column when it has no phases)."""
    w = WORDS[blueprint.lang]
    limit = blueprint.max_wait.seconds if blueprint.max_wait else None
    unphased = [step for step in blueprint.steps if step.phase is None]
    columns = [_facts(phase.name, [step for step in blueprint.steps if step.phase == index], limit)
               for index, phase in enumerate(blueprint.phases)]
    if unphased or not columns:
        label = str(w["overview_no_phase"] if blueprint.phases else w["overview_every_step"])
        columns.insert(0, _facts(label, unphased, limit))
    return columns


def _facts(label: str, steps: list[Step], limit: float | None) -> PhaseFacts:
    facts = PhaseFacts(label=label, steps=steps)
    fails = [fail for step in steps for action in step.actions for fail in action.fails]
    waits: list[WaitPoint] = [wait for step in steps for action in step.actions for wait in action.waits]
    facts.fails = len(fails)
    rated = [fail.severity for fail in fails if fail.severity is not None]
    facts.worst = max(rated, key=SEVERITY_ORDER.index) if rated else None
    facts.waits = len(waits)
    if waits:
        facts.longest = duration_text(max(waits, key=lambda wait: wait.duration.max.seconds).duration)
    facts.beyond = sum(1 for wait in waits if limit is not None and wait.duration.max.seconds > limit)
    scores = [step.emotion.score for step in steps if step.emotion is not None]
    facts.lowest_emotion = min(scores) if scores else None
    for step in steps:
        marks = [KeyMarkFacts(step.key.number, None, step.key.reason)] if step.key is not None else []
        marks += [KeyMarkFacts(action.key.number, action.label, action.key.reason)
                  for action in step.actions if action.key is not None]
        if marks:
            facts.key_steps.append(KeyStepFacts(step, sorted(marks, key=lambda mark: mark.number)))
    return facts
