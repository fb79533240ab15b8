"""What a practitioner adds to a phase, a step or an action: controls (and,
as they come, emotion, metrics, research notes and confidence).

Each line attaches to the nearest phase, step or action above it: written
under a step before its first action it is the step's, after an action it is
that action's (evidence in between does not count, as for `fail`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from blueprint.diagnostics import Choices, did_you_mean
from blueprint.model.attributes import MAX_AMOUNT
from blueprint.model.codes import ANNOTATION_WITHOUT_STEP, BAD_NUMBER, EMOTION_OUT_OF_RANGE, UNKNOWN_VALUE
from blueprint.model.durations import shortened
from blueprint.model.values import read_choice
from blueprint.model.drafts import ActionDraft, BlueprintDraft, StepDraft, node
from blueprint.model.attributes import current_action, first_of_its_kind
from blueprint.model.types import Confidence, Control, Emotion, Impact, Metric, NoteKind, ResearchNote, Severity
from blueprint.parse.codes import REPEATED_ATTRIBUTE
from blueprint.parse.statements import ConfidenceStatement, ControlStatement, EmotionStatement, MetricStatement, ResearchStatement
from blueprint.source import Span
from blueprint.suggest import closest
from blueprint.vocabulary import EMOTION_MAX, EMOTION_MIN, EMOTION_SCALE


def _under_phase(draft: BlueprintDraft) -> bool:
    """Whether the nearest phase or step above is a phase (no step of it yet)."""
    if not draft.phases:
        return False
    return not draft.steps or draft.phases[-1][0].span.line > draft.steps[-1].statement.span.line


def _holder(draft: BlueprintDraft, keyword: str, span: Span,
            belongs: str = "step_or_action") -> StepDraft | ActionDraft | None:
    """The step or action a step-or-action line attaches to; reported when there is none.
    `belongs` names the phrase of ANNOTATION_WITHOUT_STEP that says what it attaches to."""
    if draft.steps and not _under_phase(draft):
        step = draft.steps[-1]
        return step.actions[-1] if step.actions else step
    where = ANNOTATION_WITHOUT_STEP.text("under_phase" if _under_phase(draft) else "before_step")
    draft.report(
        ANNOTATION_WITHOUT_STEP,
        span,
        ANNOTATION_WITHOUT_STEP.text("misplaced", keyword=keyword, where=where,
                                     belongs=ANNOTATION_WITHOUT_STEP.text(belongs)),
        hint=ANNOTATION_WITHOUT_STEP.text("open_step"),
    )
    return None


def control(draft: BlueprintDraft, statement: ControlStatement) -> None:
    holder = _holder(draft, "control", statement.span)
    if holder is None:
        return
    reference = statement.reference.text if statement.reference is not None else None
    holder.controls.append(node(Control, text=statement.text, reference=reference, span=statement.span))


def _step(draft: BlueprintDraft, keyword: str, span: Span, belongs: str = "a_step") -> StepDraft | None:
    """The step a step-only line belongs to, wherever in the step it stands."""
    holder = _holder(draft, keyword, span, belongs)
    return draft.steps[-1] if holder is not None else None


# The emotion words, listed as they are written in a message: "frustrated, annoyed, …".
_SCALE_WORDS = Choices(tuple(EMOTION_SCALE), last=",")


def emotion(draft: BlueprintDraft, statement: EmotionStatement) -> None:
    step = _step(draft, "emotion", statement.span)
    if step is None:
        return
    if step.emotion is not None:
        draft.report(
            REPEATED_ATTRIBUTE,
            statement.span,
            REPEATED_ATTRIBUTE.text("in_step", keyword="emotion", step=step.statement.id.text,
                                    line=step.emotion.span.line),
            hint=REPEATED_ATTRIBUTE.text("one_emotion"),
        )
        return
    text = statement.score.text
    word = text if not text.lstrip("+-").isdigit() else None
    if word is not None and word not in EMOTION_SCALE:
        draft.report(
            UNKNOWN_VALUE,
            statement.score.span,
            UNKNOWN_VALUE.text("value", value=word, what=UNKNOWN_VALUE.text("an_emotion"),
                               expected=UNKNOWN_VALUE.text("emotion_scale", words=_SCALE_WORDS)),
            hint=did_you_mean(closest(word, list(EMOTION_SCALE))),
        )
        return
    # Compared as text first: a number of thousands of digits is not one int() takes.
    score = EMOTION_SCALE[word] if word is not None else int(text) if len(text) <= 3 else None
    if score is None or not EMOTION_MIN <= score <= EMOTION_MAX:
        draft.report(
            EMOTION_OUT_OF_RANGE,
            statement.score.span,
            EMOTION_OUT_OF_RANGE.text("score", score=shortened(text)),
            hint=EMOTION_OUT_OF_RANGE.text("rescale", words=_SCALE_WORDS),
        )
        return
    step.emotion = node(Emotion, score=score, word=word, note=statement.note, span=statement.span)


_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def metric(draft: BlueprintDraft, statement: MetricStatement) -> None:
    """A phase's metric right under the phase line, else the step's."""
    holder: StepDraft | list[Metric] | None
    if _under_phase(draft):
        holder = draft.phase_metrics.setdefault(len(draft.phases) - 1, [])
    else:
        holder = _step(draft, "metric", statement.span, "phase_or_step")
    if holder is None:
        return
    value = None
    if statement.value is not None:
        text = statement.value.text
        value = float(text.replace(",", "")) if _NUMBER.fullmatch(text) else None
        if value is None or abs(value) > MAX_AMOUNT:
            draft.report(
                BAD_NUMBER,
                statement.value.span,
                BAD_NUMBER.text("number", value=shortened(text)),
                hint=BAD_NUMBER.text("thousands"),
            )
            return
    found = node(Metric, name=statement.name, value=value, text=statement.value.text if statement.value else None,
                 unit=statement.unit, span=statement.span)
    (holder if isinstance(holder, list) else holder.metrics).append(found)


def research(draft: BlueprintDraft, statement: ResearchStatement) -> None:
    holder = _holder(draft, statement.kind, statement.span)
    if holder is None:
        return
    kind = NoteKind(statement.kind)
    severity = impact = None
    if statement.rating is not None:
        if kind is NoteKind.PAIN:
            severity = read_choice(draft, statement.rating, Severity, UNKNOWN_VALUE.text("a_severity"))
        else:
            impact = read_choice(draft, statement.rating, Impact, UNKNOWN_VALUE.text("an_impact"))
        if severity is None and impact is None:
            return
    holder.research.append(node(ResearchNote, kind=kind, text=statement.text, severity=severity, impact=impact,
                                span=statement.span))


def confidence(draft: BlueprintDraft, statement: ConfidenceStatement) -> None:
    action = current_action(draft, "confidence", statement.span)
    if action is None or not first_of_its_kind(draft, action, "confidence", statement.span):
        return
    action.confidence = read_choice(draft, statement.value, Confidence, UNKNOWN_VALUE.text("a_confidence"))


HANDLERS: dict[type, Callable[[BlueprintDraft, Any], None]] = {
    ConfidenceStatement: confidence,
    ResearchStatement: research,
    MetricStatement: metric,
    ControlStatement: control,
    EmotionStatement: emotion,
}
