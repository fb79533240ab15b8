"""Rules about what a practitioner adds to a phase, step or action: controls
(and, as they come, emotion, metrics, research notes and confidence)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, Say, Text, declare
from blueprint.model.types import Blueprint, Metric, NoteKind, Step
from blueprint.validate.registry import rule

_DEPOSIT = 'step deposit "Deposit"\n  customer hand "Hands over cash"\n'

# Where a line was found, in the words of each code below that names it (each
# declares these among its texts).
_PLACES = {
    "the_step": Say(en="the step '{id}'", zh="步骤“{id}”", zh_hant="步驟「{id}」"),
    "the_action": Say(en="the action '{id}'", zh="行为“{id}”", zh_hant="行為「{id}」"),
    "the_phase": Say(en='the phase "{name}"', zh="阶段“{name}”", zh_hant="階段「{name}」"),
}


def _step_places(blueprint: Blueprint, lines: str) -> list[tuple[Text, tuple]]:
    """Each step's and each action's `lines` (controls or research notes), with the words for where they are."""
    places = [(_PLACES["the_step"](id=step.id), getattr(step, lines)) for step in blueprint.steps]
    return places + [(_PLACES["the_action"](id=action.id), getattr(action, lines)) for action in blueprint.actions()]


REPEATED_CONTROL = declare(
    code="BP220",
    name="repeated-control",
    level=Level.ERROR,
    summary="The same control is written twice on one step or one action.",
    why="Each control is drawn as a numbered mark and counted per phase; the same one twice on one place counts "
        "a rule twice and makes its list say it applies twice.",
    bad=EXAMPLE_HEAD + _DEPOSIT + '    control "Dual control over cash"\n    control "Dual control over cash"\n',
    good=EXAMPLE_HEAD + _DEPOSIT + '    control "Dual control over cash"\n',
    says={
        "again": Say(en='found the control "{text}" again on {where}; it is already on line {line}',
                     zh="{where}上再次出现控制措施“{text}”；第 {line} 行已有这一条",
                     zh_hant="{where}上再次出現控制措施「{text}」；第 {line} 行已有這一條"),
        "keep_one": Say(en="keep one line; if both apply, say what differs (e.g. the rule each one comes from)",
                        zh="只保留一行；如果两条都适用，写明它们的区别（例如各自依据的规定）",
                        zh_hant="只保留一行；如果兩條都適用，寫明它們的差別（例如各自依據的規定）"),
        **_PLACES,
    },
)


def _folded(text: str) -> str:
    # Case and spacing differences do not make another control, metric or note.
    return " ".join(text.casefold().split())


def _repeats(items, key) -> Iterator[tuple]:
    """Each item whose `key` an earlier item already had, with that earlier item."""
    first: dict = {}
    for item in items:
        earlier = first.setdefault(key(item), item)
        if earlier is not item:
            yield item, earlier


@rule(REPEATED_CONTROL)
def repeated_controls(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for where, controls in _step_places(blueprint, "controls"):
        for control, earlier in _repeats(controls, lambda control: _folded(control.text)):
            yield REPEATED_CONTROL.at(
                blueprint.source_name,
                control.span,
                REPEATED_CONTROL.text("again", text=control.text, where=where, line=earlier.span.line),
                hint=REPEATED_CONTROL.text("keep_one"),
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
    says={
        "no_number": Say(en='found the metric "{metric}" on {where} with no number',
                         zh="{where}上的指标“{metric}”没有数值",
                         zh_hant="{where}上的指標「{metric}」沒有數值"),
        "write_value": Say(en='write its value after the name, e.g. metric "{metric}" 12 "%"; if it is still to be '
                              "measured, write it as a question",
                           zh='在名称后面写上数值，如 metric "{metric}" 12 "%"；如果还有待测量，就把它写成一条 question',
                           zh_hant='在名稱後面寫上數值，如 metric "{metric}" 12 "%"；如果還有待量測，就把它寫成一條 question'),
        **_PLACES,
    },
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
    says={
        "again": Say(en='found the metric "{metric}" again on {where}; it is already on line {line}',
                     zh="{where}上再次出现指标“{metric}”；第 {line} 行已有这个指标",
                     zh_hant="{where}上再次出現指標「{metric}」；第 {line} 行已有這個指標"),
        "keep_one": Say(en="keep one line; a different measure needs a different name (e.g. with its period)",
                        zh="只保留一行；不同的度量要用不同的名称（例如注明统计周期）",
                        zh_hant="只保留一行；不同的衡量指標要用不同的名稱（例如註明統計週期）"),
        **_PLACES,
    },
)


def _metric_places(blueprint: Blueprint) -> list[tuple[Text, tuple[Metric, ...]]]:
    places = [(_PLACES["the_phase"](name=phase.name), phase.metrics) for phase in blueprint.phases]
    return places + [(_PLACES["the_step"](id=step.id), step.metrics) for step in blueprint.steps]


@rule(METRIC_WITHOUT_VALUE, REPEATED_METRIC)
def metrics(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for where, found in _metric_places(blueprint):
        for metric in found:
            if metric.value is None:
                yield METRIC_WITHOUT_VALUE.at(
                    blueprint.source_name,
                    metric.span,
                    METRIC_WITHOUT_VALUE.text("no_number", metric=metric.name, where=where),
                    hint=METRIC_WITHOUT_VALUE.text("write_value", metric=metric.name),
                )
        for metric, earlier in _repeats(found, lambda metric: _folded(metric.name)):
            yield REPEATED_METRIC.at(
                blueprint.source_name,
                metric.span,
                REPEATED_METRIC.text("again", metric=metric.name, where=where, line=earlier.span.line),
                hint=REPEATED_METRIC.text("keep_one"),
            )


REPEATED_NOTE = declare(
    code="BP224",
    name="repeated-research-note",
    level=Level.ERROR,
    summary="The same research note (pain point, idea, opportunity or question) is written twice on one step or action.",
    why="Research notes are listed and counted; the same one twice counts a finding twice.",
    bad=EXAMPLE_HEAD + _DEPOSIT + '    pain "Long queue at noon" severity high\n    pain "Long queue at noon"\n',
    good=EXAMPLE_HEAD + _DEPOSIT + '    pain "Long queue at noon" severity high\n',
    says={
        "again": Say(en='found the {kind} "{text}" again on {where}; it is already on line {line}',
                     zh="{where}上再次出现{kind}“{text}”；第 {line} 行已有这一条",
                     zh_hant="{where}上再次出現{kind}「{text}」；第 {line} 行已有這一條"),
        "pain": Say(en="pain", zh="痛点", zh_hant="痛點"),
        "idea": Say(en="idea", zh="改进想法", zh_hant="改善構想"),
        "opportunity": Say(en="opportunity", zh="机会点", zh_hant="機會點"),
        "question": Say(en="question", zh="待研究问题", zh_hant="待研究問題"),
        "keep_one": Say(en="keep one line", zh="只保留一行", zh_hant="只保留一行"),
        "keep_higher": Say(en="keep one line, with the higher severity or impact of the two",
                           zh="只保留一行，取两者中较高的严重程度或影响程度",
                           zh_hant="只保留一行，取兩者中較高的嚴重程度或影響程度"),
        **_PLACES,
    },
)


@rule(REPEATED_NOTE)
def repeated_notes(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for where, notes in _step_places(blueprint, "research"):
        for note, earlier in _repeats(notes, lambda note: (note.kind, _folded(note.text))):
            yield REPEATED_NOTE.at(
                blueprint.source_name,
                note.span,
                REPEATED_NOTE.text("again", kind=REPEATED_NOTE.text(note.kind.value), text=note.text,
                                   where=where, line=earlier.span.line),
                hint=REPEATED_NOTE.text("keep_one" if note.kind is NoteKind.QUESTION else "keep_higher"),
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
    says={
        "frustrated": Say(en="found the customer frustrated at the step '{step}' with no pain point, fail point or wait",
                          zh="顾客在步骤“{step}”感到沮丧，但这个步骤没有记录痛点、失误点或等待",
                          zh_hant="顧客在步驟「{step}」感到沮喪，但這個步驟沒有記錄痛點、失誤點或等候"),
        "say_what_hurts": Say(en='say what hurts: pain "…" severity high under the step, or a fail or wait on the action',
                              zh='写明让顾客不满的原因：在步骤下写 pain "…" severity high，或在行为上写 fail 或 wait',
                              zh_hant='寫明讓顧客不滿的原因：在步驟下寫 pain "…" severity high，或在行為上寫 fail 或 wait'),
    },
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
                UNEXPLAINED_LOW.text("frustrated", step=step.id),
                hint=UNEXPLAINED_LOW.text("say_what_hurts"),
            )
