"""The tag of a step or action detailed in a blueprint of its own: the word
"Detail" on a small sheet with a second sheet behind it (the SVG renderer
draws that one), so it reads as "there is more underneath" in greyscale too.
The tag carries the path its `detail` names; a renderer that writes pages
links it to the detail's page."""

from __future__ import annotations

from blueprint.layout import style
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.text import line
from blueprint.model.types import Action, Blueprint, Detail as DetailRef, Language
from blueprint.scene import Detail, Marker
from blueprint.words import WORDS

DETAIL_SIZE = style.SMALLEST_SIZE
SHEET_OFFSET = 2  # the sheet behind the tag, down and to the right: room kept for it


def detail_tag(measurer: TextMeasurer, lang: Language, detail: DetailRef | None, action: str | None, x: float,
               y: float, step: str | None = None) -> Marker:
    """The tag at (`x`, `y`); without a detail, the legend's sample."""
    word = str(WORDS[lang]["detail"])
    width = measurer.width(word, DETAIL_SIZE) + 10
    size = style.MARKER_H
    text = line(measurer, "marker-text", word, x + 5, y + size / 2 + DETAIL_SIZE * 0.36, DETAIL_SIZE)
    return Marker(kind="detail", number=0, action=action, x=x, y=y, width=round(width, 2), height=size, label=text,
                  step=step, link=detail.path if detail is not None else None)


def detail_detail(blueprint: Blueprint, action: Action) -> list[Detail]:
    """What the card's details say of its detail: the file that draws it."""
    if action.detail is None:
        return []
    return [Detail(key=str(WORDS[blueprint.lang]["detail"]), value=action.detail.path)]
