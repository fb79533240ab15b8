"""The overview drawing (`render --view overview`): a long blueprint on one
page for people who decide about it rather than work in it.

Each phase is a column. Its head names it and counts its steps; under the
head stand its figures, at the same height in every column so that the eye
compares them across: the fail points (the badge filled when the worst is
high severity) and the waits (the badge solid when one is beyond the
max-wait promise, with the longest wait), and the customer's lowest emotion
when the blueprint records emotion. Below them, the phase's key steps: the
steps marked `key` and the steps holding a key action, each with its K
numbers and why it is key. A phase without a key step says so in words
rather than standing empty. A blueprint that marks no key step at all gets
every step listed instead (up to MAX_STEPS a column), so that its overview
still shows the service's shape; the header says that this is what it shows.
More than ROW_MAX phases go on in rows below, so the page stays a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout import style
from blueprint.layout.emotion import score_text
from blueprint.layout.measure import FONT_STACK, FontMetricsMeasurer, TextMeasurer
from blueprint.layout.overview_cards import StepCards, count_marker, key_step_card, legend_row, plain_step_card
from blueprint.layout.overview_facts import PhaseFacts, phase_facts
from blueprint.layout.text import block, line
from blueprint.model.types import Blueprint
from blueprint.scene import Marker, Rect, Rule, Scene, Text
from blueprint.words import WORDS

COLUMN_W = 236  # a column at its narrowest: a key step's label wraps in about four words a line
COLUMN_W_MAX = 320  # a column at its widest, when a few phases fill the page
COLUMN_GAP = 14
PAGE_MIN_W = 760
PAD = 12  # inside a column
HEAD_SIZE = 15
FIGURE_SIZE = 12.5
NOTE_SIZE = 11.5
ROW_MAX = 8  # columns in a row: eight fill a landscape A3 sheet; more phases go on in rows below
ROW_GAP = 20
MAX_STEPS = 8  # steps listed in one column when no step is marked key; the rest are counted


@dataclass
class _Parts:
    rects: list[Rect] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)

    def add(self, other: StepCards | _Parts) -> None:
        self.rects += other.rects
        self.markers += other.markers
        self.texts += other.texts


def lay_out_overview(blueprint: Blueprint, measurer: TextMeasurer | None = None) -> Scene:
    """The overview scene of `blueprint`."""
    m = measurer or FontMetricsMeasurer()
    phases = phase_facts(blueprint)
    # More phases than a row holds go on in rows below, as evenly filled as they can be.
    rows = -(-len(phases) // ROW_MAX)
    per_row = -(-len(phases) // rows)
    stretched = (PAGE_MIN_W - 2 * style.MARGIN - (per_row - 1) * COLUMN_GAP) / per_row
    column_w = max(COLUMN_W, min(COLUMN_W_MAX, stretched))
    width = round(max(PAGE_MIN_W, 2 * style.MARGIN + per_row * column_w + (per_row - 1) * COLUMN_GAP), 2)
    keyed = any(phase.key_steps for phase in phases)
    parts = _Parts()
    cursor = _header(blueprint, m, phases, keyed, width, parts)
    for first in range(0, len(phases), per_row):
        cursor = _row(blueprint, m, phases[first:first + per_row], keyed, cursor, column_w, parts) + ROW_GAP
    legend = legend_row(blueprint, m, style.MARGIN, cursor, width - 2 * style.MARGIN, keyed)
    parts.add(legend)
    height = round(cursor + legend.height + style.MARGIN, 2)
    return Scene(
        width=width, height=height, title=blueprint.title or "", description=_summary(blueprint, phases),
        lang=blueprint.lang.value, font_family=FONT_STACK,
        rects=(Rect(role="background", x=0, y=0, width=width, height=height), *parts.rects),
        rules=tuple(parts.rules), markers=tuple(parts.markers), texts=tuple(parts.texts),
        max_wait=blueprint.max_wait.text if blueprint.max_wait else None,
        overview=tuple(phase.summary() for phase in phases),
    )


def _row(blueprint: Blueprint, m: TextMeasurer, phases: list[PhaseFacts], keyed: bool, top: float, column_w: float,
         parts: _Parts) -> float:
    """A row of columns from `top`, heads, figures and key steps each at one
    height across the row; returns the row's bottom."""
    lefts = [style.MARGIN + index * (column_w + COLUMN_GAP) for index in range(len(phases))]
    heads = [_head(blueprint, m, phase, left, top, column_w) for phase, left in zip(phases, lefts)]
    head_h = max(height for _, height in heads)
    body_top = top + head_h
    figures, figures_h = _figures(blueprint, m, phases, lefts, body_top + PAD, column_w)
    steps_top = body_top + PAD + figures_h + 6
    columns = [_steps(blueprint, m, phase, keyed, left, steps_top, column_w) for phase, left in zip(phases, lefts)]
    bottom = max(steps_top + height for _, height in columns) + PAD
    for left, (head, _), figure, (cards, _) in zip(lefts, heads, figures, columns):
        parts.rects.append(Rect(role="overview-column", x=left, y=round(top, 2), width=round(column_w, 2),
                                height=round(bottom - top, 2), radius=6))
        parts.rects.append(Rect(role="phase", x=left, y=round(top, 2), width=round(column_w, 2),
                                height=round(head_h, 2), radius=6))
        parts.rules.append(Rule(role="list-rule", x1=left + PAD, y1=round(steps_top - 4, 2),
                                x2=round(left + column_w - PAD, 2), y2=round(steps_top - 4, 2)))
        for made in (head, figure, cards):
            parts.add(made)
    return bottom


def _header(blueprint: Blueprint, m: TextMeasurer, phases: list[PhaseFacts], keyed: bool, width: float,
            parts: _Parts) -> float:
    """The title, then what the drawing is (an overview of so many phases and
    steps, the state, the promise): returns where the columns start."""
    w = WORDS[blueprint.lang]
    inner = width - 2 * style.MARGIN
    top = style.MARGIN
    texts, height = block(m, "title", blueprint.title or "", style.MARGIN, top, inner, style.TITLE_SIZE, bold=True,
                          max_lines=2)
    parts.texts += texts
    cursor = top + height + 4
    meta = [str(w["overview"]), _count(len(phases), w["phase_unit"]),
            _count(len(blueprint.steps), w["step_unit"]), str(w[blueprint.state.value])]
    if blueprint.max_wait:
        meta.append(f"{w['max_wait']}{w['colon']}{blueprint.max_wait.text}")
    texts, height = block(m, "meta", "  ·  ".join(meta), style.MARGIN, cursor, inner, style.META_SIZE, max_lines=2)
    parts.texts += texts
    cursor += height
    if not keyed:
        texts, height = block(m, "description", str(w["overview_all_steps"]), style.MARGIN, cursor + 2, inner,
                              style.META_SIZE, italic=True, max_lines=2)
        parts.texts += texts
        cursor += height + 2
    return cursor + 16


def _head(blueprint: Blueprint, m: TextMeasurer, phase: PhaseFacts, left: float, top: float,
          column_w: float) -> tuple[_Parts, float]:
    """The phase's name and its number of steps, on the phase band."""
    w = WORDS[blueprint.lang]
    made = _Parts()
    texts, height = block(m, "phase-label", phase.label, left + PAD, top + PAD, column_w - 2 * PAD, HEAD_SIZE,
                          bold=True, max_lines=2)
    made.texts += texts
    below = top + PAD + height + 2
    steps = _count(len(phase.steps), w["step_unit"])
    made.texts.append(line(m, "phase-label", steps, left + PAD, below + m.ascent(NOTE_SIZE), NOTE_SIZE))
    return made, below + m.line_height(NOTE_SIZE) + PAD - top


def _figures(blueprint: Blueprint, m: TextMeasurer, phases: list[PhaseFacts], lefts: list[float], top: float,
             column_w: float) -> tuple[list[_Parts], float]:
    """Each column's figures, row by row (fail points, waits, the lowest
    emotion), every row at the same height across the columns; returns them
    and the height of the rows."""
    made = [_Parts() for _ in phases]
    cursor = top
    rows = ("fail", "wait", "emotion") if any(step.emotion for step in blueprint.steps) else ("fail", "wait")
    for row in rows:
        drawn = [_figure(blueprint, m, phase, row, left, cursor, column_w) for phase, left in zip(phases, lefts)]
        for parts, (piece, _) in zip(made, drawn):
            parts.add(piece)
        cursor += max(height for _, height in drawn)
    return made, cursor - top


def _figure(blueprint: Blueprint, m: TextMeasurer, phase: PhaseFacts, row: str, left: float, top: float,
            column_w: float) -> tuple[_Parts, float]:
    """One figure of a phase: a badge with its count, what it counts and
    notes under it (the worst severity; the longest wait and those beyond
    the promise), or the customer's lowest emotion."""
    w = WORDS[blueprint.lang]
    made = _Parts()
    top = round(top, 2)  # badges and zeros of one row share one edge
    if row == "emotion":
        score = phase.lowest_emotion
        feeling = f"{score_text(score)} {w['emotion_words'][score]}" if score is not None else "–"  # type: ignore[index]
        texts, height = block(m, "overview-note", f"{w['overview_lowest_emotion']}{w['colon']}{feeling}",
                              left + PAD, top, column_w - 2 * PAD, NOTE_SIZE, max_lines=2)
        made.texts += texts
        return made, height + 4
    if row == "fail":
        number, title, severity = phase.fails, w["overview_fails"], phase.worst.value if phase.worst else None
        worst = str(w["overview_worst"]).format(severity=w[severity]) if severity else str(w["overview_unrated"])
        notes = [worst if number else str(w["overview_none"])]
    else:
        number, title, severity = phase.waits, w["overview_waits"], None
        notes = [str(w["overview_longest"]).format(duration=phase.longest) if phase.longest else str(w["overview_none"])]
        if phase.beyond and blueprint.max_wait:
            notes.append(str(w["overview_beyond"]).format(n=phase.beyond, limit=blueprint.max_wait.text))
    if number:
        made.markers.append(count_marker(m, row, number, severity, phase.beyond > 0, left + PAD, top))
    else:  # nothing to count: a quiet grey badge, so the eye goes to the phases that have some
        made.rects.append(Rect(role="overview-zero", x=left + PAD, y=top, width=style.MARKER_H,
                               height=style.MARKER_H, radius=style.MARKER_H / 2 if row == "fail" else 4))
        made.texts.append(line(m, "overview-zero-text", "0", left + PAD + style.MARKER_H / 2,
                               top + style.MARKER_H / 2 + style.MARKER_SIZE * 0.36, style.MARKER_SIZE, bold=True,
                               anchor="middle"))
    indent = PAD + 30
    made.texts.append(line(m, "overview-figure", str(title), left + indent, top + 14, FIGURE_SIZE, bold=True))
    below = top + 19
    for note in notes:  # each on its own line: a count is never broken from its words
        texts, height = block(m, "overview-note", note, left + indent, below, column_w - indent - PAD, NOTE_SIZE,
                              max_lines=2)
        made.texts += texts
        below += height
    return made, max(below - top, style.MARKER_H) + 8


def _steps(blueprint: Blueprint, m: TextMeasurer, phase: PhaseFacts, keyed: bool, left: float, top: float,
           column_w: float) -> tuple[_Parts, float]:
    """The phase's key steps (or, in a blueprint without any, its steps)."""
    w = WORDS[blueprint.lang]
    made = _Parts()
    heading = w["key_steps"] if keyed else w["n_steps"]
    made.texts.append(line(m, "overview-heading", str(heading), left + PAD, top + 8 + m.ascent(NOTE_SIZE),
                           NOTE_SIZE, bold=True))
    cursor = top + 8 + m.line_height(NOTE_SIZE) + 6
    inner = column_w - 2 * PAD
    if keyed and not phase.key_steps:
        texts, height = block(m, "overview-note", str(w["overview_no_key"]), left + PAD, cursor, inner, NOTE_SIZE,
                              italic=True, max_lines=2)
        made.texts += texts
        return made, cursor + height - top
    shown = phase.key_steps if keyed else phase.steps[:MAX_STEPS]
    for item in shown:
        card = (key_step_card(blueprint, m, item, left + PAD, cursor, inner) if keyed  # type: ignore[arg-type]
                else plain_step_card(m, item, left + PAD, cursor, inner))  # type: ignore[arg-type]
        made.add(card)
        cursor += card.height + 8
    hidden = 0 if keyed else len(phase.steps) - len(shown)
    if hidden > 0:
        more = str(w["overview_more_steps"]).format(n=hidden)
        made.texts.append(line(m, "overview-note", more, left + PAD, cursor + m.ascent(NOTE_SIZE), NOTE_SIZE))
        cursor += m.line_height(NOTE_SIZE) + 4
    return made, cursor - top


def _summary(blueprint: Blueprint, phases: list[PhaseFacts]) -> str:
    w = WORDS[blueprint.lang]
    counts = str(w["overview_summary"]).format(
        phases=_count(len(phases), w["phase_unit"]), steps=_count(len(blueprint.steps), w["step_unit"]),
        fails=_count(sum(phase.fails for phase in phases), w["fail_unit"]),
        waits=_count(sum(phase.waits for phase in phases), w["wait_unit"]))
    return str(w["sentence_join"]).join(part for part in (blueprint.description, counts) if part)


def _count(number: int, units: object) -> str:
    singular, plural = units  # type: ignore[misc]
    return f"{number} {singular if number == 1 else plural}".strip() if singular else f"{number}{plural}"
