"""A model node as `blueprint diff` compares and shows it: as it is written
in a .bp file (a control with its reference, a channel with its reason), so
that a change reads as the edit that made it."""

from __future__ import annotations

from blueprint.model.types import Action, Control, Detail, KeyMark, Metric, ResearchNote, Role, Step, Via


def note_text(note: ResearchNote) -> str:
    """A research note as written in .bp."""
    rating = (f" severity {note.severity.value}" if note.severity is not None
              else f" impact {note.impact.value}" if note.impact is not None else "")
    return f'{note.kind.value} "{note.text}"{rating}'


def metric_text(metric: Metric) -> str:
    """A metric as written in .bp, without the keyword."""
    value = f" {metric.text}" if metric.text is not None else ""
    return f'"{metric.name}"{value}' + (f' "{metric.unit}"' if metric.unit is not None else "")


def emotion_text(step: Step) -> str | None:
    """A step's emotion as a score and its note (a word of the scale is its score)."""
    if step.emotion is None:
        return None
    score = f"+{step.emotion.score}" if step.emotion.score > 0 else str(step.emotion.score)
    return score + (f' "{step.emotion.note}"' if step.emotion.note is not None else "")


def control_text(control: Control) -> str:
    """A control as written in .bp, without the keyword."""
    return f'"{control.text}"' + (f' ref "{control.reference}"' if control.reference is not None else "")


def via_text(via: Via | None) -> str | None:
    if via is None:
        return None
    return via.channel if via.reason is None else f'{via.channel} "{via.reason}"'


def decision_text(action: Action) -> str | None:
    if action.decision is None:
        return None
    question = action.decision.question
    return "decision" if question is None else f'decision "{question}"'


def key_text(mark: KeyMark | None) -> str | None:
    """A key mark as compared: its reason, or the word `key`; its K number is each blueprint's own."""
    if mark is None:
        return None
    return f'key "{mark.reason}"' if mark.reason is not None else "key"


def role_text(role: Role) -> str:
    return f'{role.id} "{role.label}"' + (f" {role.kind.value}" if role.kind else "")


def cost_text(action: Action) -> str | None:
    if action.cost is None:
        return None
    return f"{action.cost.text} {action.cost.currency}" if action.cost.currency else action.cost.text


def detail_text(detail: Detail | None) -> str | None:
    """A detail as compared: the path it names, as written."""
    return None if detail is None else detail.path
