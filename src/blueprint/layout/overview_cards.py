"""The pieces of an overview drawing (blueprint.layout.overview): a key
step's card, a plain step's card, the badges that count a phase's fail
points and waits, and the legend row under the columns."""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout import style
from blueprint.layout.cards import fail_marker, shift_badge, wait_marker
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.overview_facts import KeyStepFacts
from blueprint.layout.practice_marks import key_marker
from blueprint.layout.text import block, line
from blueprint.model.types import Blueprint, Step
from blueprint.scene import Marker, Rect, Text
from blueprint.words import WORDS

CARD_PAD = 9
LABEL_SIZE = 12.5
REASON_SIZE = 11
LABEL_LINES = 3
REASON_LINES = 3
LEGEND_GAP = 22  # between one legend entry and the next


@dataclass
class StepCards:
    """Shapes, badges and lines of text, and the height they take."""

    rects: list[Rect] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    height: float = 0.0


def key_step_card(blueprint: Blueprint, m: TextMeasurer, key: KeyStepFacts, x: float, top: float,
                  width: float) -> StepCards:
    """A key step: its K badges and label on top; under them why it is key
    and the key actions it holds."""
    w = WORDS[blueprint.lang]
    made = StepCards()
    cursor_x = x + CARD_PAD
    for mark in key.marks:
        badge = key_marker(m, mark.number, None, cursor_x, top + CARD_PAD, step=key.step.id)
        made.markers.append(badge)
        cursor_x += badge.width + 4
    indent = cursor_x - x + 2
    texts, height = block(m, "overview-step-label", key.step.label, x + indent, top + CARD_PAD + 1,
                          width - indent - CARD_PAD, LABEL_SIZE, bold=True, max_lines=LABEL_LINES)
    made.texts += texts
    cursor = top + CARD_PAD + max(height, style.MARKER_H) + 4
    for mark in key.marks:
        said = mark.reason or ""
        if mark.action is not None:
            said = str(w["overview_key_action"]).format(label=mark.action) + (f"{w['sep']}{said}" if said else "")
        if not said:
            continue
        prefix = f"K{mark.number} " if len(key.marks) > 1 else ""
        texts, height = block(m, "overview-reason", prefix + said, x + CARD_PAD, cursor, width - 2 * CARD_PAD,
                              REASON_SIZE, italic=mark.action is None, max_lines=REASON_LINES)
        made.texts += texts
        cursor += height + 2
    made.height = round(cursor + CARD_PAD - 4 - top, 2)
    made.rects.append(Rect(role="overview-step", x=round(x, 2), y=round(top, 2), width=round(width, 2),
                           height=made.height, radius=6))
    return made


def plain_step_card(m: TextMeasurer, step: Step, x: float, top: float, width: float) -> StepCards:
    """A step of a blueprint that marks none key: its label alone."""
    made = StepCards()
    texts, height = block(m, "overview-step-label", step.label, x + CARD_PAD, top + CARD_PAD - 2,
                          width - 2 * CARD_PAD, LABEL_SIZE, max_lines=LABEL_LINES)
    made.texts += texts
    made.height = round(height + 2 * CARD_PAD - 4, 2)
    made.rects.append(Rect(role="overview-step-plain", x=round(x, 2), y=round(top, 2), width=round(width, 2),
                           height=made.height, radius=6))
    return made


def count_marker(m: TextMeasurer, kind: str, count: int, severity: str | None, over: bool, x: float,
                 y: float) -> Marker:
    """A fail or wait badge that carries a count instead of a point's number
    (its number is 0: it names no point). Shaped and filled as on the full
    drawing: a fail badge filled for high severity, a wait badge solid when a
    wait is beyond the promise."""
    if kind == "fail":
        badge = fail_marker(m, None, severity if count else None, None, x, y)
    else:
        badge = wait_marker(m, None, "", over, None, x, y)
    text = str(count)
    width = max(style.MARKER_H, m.width(text, style.MARKER_SIZE, True) + 10)
    badge.width = width
    badge.label = line(m, "marker-text", text, x + width / 2, y + style.MARKER_H / 2 + style.MARKER_SIZE * 0.36,
                       style.MARKER_SIZE, bold=True, anchor="middle")
    return badge


def legend_row(blueprint: Blueprint, m: TextMeasurer, x: float, top: float, width: float,
               keyed: bool) -> StepCards:
    """What the badges mean, in one row that wraps when the page is narrow."""
    w = WORDS[blueprint.lang]
    samples = [(fail_marker(m, None, "high", None, 0, 0), str(w["overview_legend_fail"])),
               (wait_marker(m, None, "", True, None, 0, 0), str(w["overview_legend_wait"]))]
    if keyed:
        samples.append((key_marker(m, None, None, 0, 0), str(w["legend_key"])))
    made = StepCards()
    cursor_x, cursor_y = x, top
    for sample, text in samples:
        text_w = m.width(text, style.LEGEND_SIZE)
        needed = sample.width + 6 + text_w
        if cursor_x > x and cursor_x + needed > x + width:
            cursor_x, cursor_y = x, cursor_y + style.MARKER_H + 8
        shift_badge(sample, cursor_x - sample.x, cursor_y - sample.y)
        made.markers.append(sample)
        made.texts.append(line(m, "legend-text", text, cursor_x + sample.width + 6,
                               cursor_y + style.MARKER_H / 2 + style.LEGEND_SIZE * 0.36, style.LEGEND_SIZE,
                               width=text_w))
        cursor_x += needed + LEGEND_GAP
    made.height = cursor_y + style.MARKER_H - top
    return made

