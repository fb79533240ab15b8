"""Research notes as stickies in a row under the lanes: under each step its
pain points, ideas, opportunities and questions, each a small sheet headed by
its kind (and severity or impact) in words, so the kinds differ in greyscale
as well as by colour; a note written on an action names the action."""

from __future__ import annotations

from blueprint.layout import style
from blueprint.layout.grid import Grid
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.text import block
from blueprint.model.types import Blueprint
from blueprint.scene import Marker, NoteEntry, Rect, Text
from blueprint.words import WORDS

PAD = 6  # inside a sticky
GAP = 8  # between two stickies of one step
KIND_SIZE = style.SMALLEST_SIZE
TEXT_SIZE = 11
TEXT_LINES = 4


def note_entries(blueprint: Blueprint) -> list[NoteEntry]:
    """Every research note in document order."""
    return [
        NoteEntry(kind=note.kind.value, step=step.id, action=action.id if action else None,
                  action_label=action.label if action else None, text=note.text,
                  rating=(note.severity or note.impact).value if (note.severity or note.impact) else None)
        for step, action, note in blueprint.research_notes()
    ]


def note_heading(blueprint: Blueprint, entry: NoteEntry) -> str:
    """PAIN POINT · severity: high, IDEA · impact: medium, QUESTION: the kind, and its severity or impact, in words."""
    w = WORDS[blueprint.lang]
    heading = str(w[f"note_{entry.kind}"])
    if entry.rating:
        scale = w["severity"] if entry.kind == "pain" else w["impact"]
        heading += f"{w['sep']}{scale}{w['colon']}{w[entry.rating]}"
    return heading


def note_cells(blueprint: Blueprint, m: TextMeasurer, grid: Grid,
               notes: list[NoteEntry]) -> tuple[list[tuple[list[Text], list[Marker], float]], list[Rect]]:
    """Per step, its stickies laid out from a top of 0, and the stickies' sheets."""
    w = WORDS[blueprint.lang]
    by_step: dict[str, list[NoteEntry]] = {}
    for entry in notes:
        by_step.setdefault(entry.step, []).append(entry)
    cells: list[tuple[list[Text], list[Marker], float]] = []
    sheets: list[Rect] = []
    inner = style.CARD_W - 2 * PAD
    for column, step in enumerate(blueprint.steps):
        x = grid.column_x[column]
        texts: list[Text] = []
        y = 0.0
        for entry in by_step.get(step.id, ()):
            top = y
            lines, height = block(m, "note-kind", note_heading(blueprint, entry), x + PAD, y + PAD, inner,
                                  KIND_SIZE, bold=True, max_lines=2)
            body, body_height = block(m, "note-text", entry.text, x + PAD, y + PAD + height, inner, TEXT_SIZE,
                                      max_lines=TEXT_LINES)
            lines += body
            height += body_height
            if entry.action_label:
                at, at_height = block(m, "note-at", str(w["note_at"]).format(action=entry.action_label), x + PAD,
                                      y + PAD + height, inner, KIND_SIZE, italic=True, max_lines=2)
                lines += at
                height += at_height
            sheets.append(Rect(role=f"note-{entry.kind}", x=round(x, 2), y=round(top, 2), width=style.CARD_W,
                               height=round(height + 2 * PAD, 2), radius=2))
            texts += lines
            y += height + 2 * PAD + GAP
        cells.append((texts, [], max(y - GAP, 0.0)))
    return cells, sheets
