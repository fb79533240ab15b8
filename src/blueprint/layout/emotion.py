"""The customer's emotion curve: a row over the lanes, drawn only when a step
says how the customer feels, with a dot per step at its level (-2 at the
bottom, +2 at the top), the dots of neighbouring steps joined, a dotted line
at neutral, and each step's score and note under its dot. The level is read
from the dot's height and from the score written under it, so the curve says
the same in every theme and on a greyscale printout."""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout import style
from blueprint.layout.grid import Grid
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.text import block, line
from blueprint.model.types import Blueprint, Emotion
from blueprint.scene import Rect, RowBand, Rule, Text
from blueprint.vocabulary import EMOTION_MAX, EMOTION_MIN
from blueprint.words import WORDS

PAD = 9  # above the top level and below the notes
LEVEL_STEP = 11  # between two levels of the curve
DOT = 9  # a step's dot, across
NOTE_GAP = 8  # from the bottom level to the notes
NOTE_SIZE = style.SMALLEST_SIZE
NOTE_LINES = 3
ROW_GAP = 10  # between the row and the lanes below it
SCALE_SIZE = style.SMALLEST_SIZE


@dataclass
class EmotionRow:
    rects: list[Rect] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    bands: list[RowBand] = field(default_factory=list)


def uses_emotion(blueprint: Blueprint) -> bool:
    return any(step.emotion is not None for step in blueprint.steps)


def score_text(score: int) -> str:
    """+2, +1, 0, −1, −2: a real minus sign, as a printed scale has."""
    return f"+{score}" if score > 0 else f"−{-score}" if score < 0 else "0"


def _note(blueprint: Blueprint, emotion: Emotion) -> str:
    w = WORDS[blueprint.lang]
    feeling = f"{score_text(emotion.score)} {w['emotion_words'][emotion.score]}"  # type: ignore[index]
    return f"{feeling}{w['sep']}{emotion.note}" if emotion.note else feeling


def row_height(blueprint: Blueprint, m: TextMeasurer) -> float:
    """The row's height with the gap below it, or 0 when no step has an emotion."""
    if not uses_emotion(blueprint):
        return 0.0
    notes = max(_note_block(blueprint, m, step.emotion, 0, 0)[1] for step in blueprint.steps if step.emotion)
    return PAD + (EMOTION_MAX - EMOTION_MIN) * LEVEL_STEP + NOTE_GAP + notes + PAD + ROW_GAP


def _note_block(blueprint: Blueprint, m: TextMeasurer, emotion: Emotion, centre: float,
                top: float) -> tuple[list[Text], float]:
    return block(m, "emotion-text", _note(blueprint, emotion), centre, top, style.CARD_W - 12, NOTE_SIZE,
                 anchor="middle", max_lines=NOTE_LINES)


def emotion_row(blueprint: Blueprint, m: TextMeasurer, grid: Grid, top: float, height: float) -> EmotionRow:
    """The row from `top`, `height` tall with the gap below it (see row_height)."""
    made = EmotionRow()
    w = WORDS[blueprint.lang]
    inner = height - ROW_GAP
    made.rects.append(Rect(role="row-emotion", x=style.MARGIN, y=round(top, 2),
                           width=round(grid.right - style.MARGIN, 2), height=round(inner, 2)))
    made.rects.append(Rect(role="lane-head", x=style.MARGIN, y=round(top, 2), width=style.HEAD_W - 8,
                           height=round(inner, 2)))
    label, _ = block(m, "lane-label", str(w["emotion"]), style.MARGIN + 12, top + PAD - 2, style.HEAD_W - 60,
                     style.LANE_SIZE, bold=True, max_lines=3)
    made.texts.extend(label)

    def level(score: int) -> float:
        return top + PAD + (EMOTION_MAX - score) * LEVEL_STEP

    scale_x = style.MARGIN + style.HEAD_W - 16
    for score in (EMOTION_MAX, 0, EMOTION_MIN):
        made.texts.append(line(m, "emotion-scale", score_text(score), scale_x, level(score) + SCALE_SIZE * 0.36,
                               SCALE_SIZE, anchor="end"))
    made.rules.append(Rule(role="emotion-neutral", x1=style.MARGIN + style.HEAD_W, y1=round(level(0), 2),
                           x2=round(grid.right - 8, 2), y2=round(level(0), 2), style="dotted"))
    notes_top = level(EMOTION_MIN) + NOTE_GAP
    previous: tuple[float, float] | None = None
    for column, step in enumerate(blueprint.steps):
        if step.emotion is None:
            previous = None  # no line across a step that does not say
            continue
        centre = grid.column_x[column] + style.CARD_W / 2
        y = level(step.emotion.score)
        if previous is not None:
            made.rules.append(Rule(role="emotion-curve", x1=round(previous[0], 2), y1=round(previous[1], 2),
                                   x2=round(centre, 2), y2=round(y, 2)))
        previous = (centre, y)
        made.rects.append(Rect(role=f"emotion-dot-{'low' if step.emotion.score < 0 else 'high'}",
                               x=round(centre - DOT / 2, 2), y=round(y - DOT / 2, 2), width=DOT, height=DOT,
                               radius=DOT / 2))
        made.texts.extend(_note_block(blueprint, m, step.emotion, centre, notes_top)[0])
    made.bands.append(RowBand(kind="emotion", label=str(w["emotion"]), y=round(top, 2), height=round(inner, 2)))
    return made
