"""Recovery drawn on the drawing, not only in the list under it.

A fail point that names its recovery (`recover X`) gets a tag on the
recovering card: "recovery F2", in the fail badge's colour, straddling the
card's bottom edge at its right. The number joins the F badge to the card
that puts it right, in every format, with no extra line to route among the
flows. Tags of one card line up leftwards from its right corner.

A tag keeps TAG_CLEAR below the card's text and badges where its last line
or its badges reach over the tag, hanging a little further below the card
rather than making the card taller: a taller card would move the flows
around it, and the space under a card (the gap to the next card, the lane's
padding) is free of flows.
"""

from __future__ import annotations

from blueprint.layout.measure import TextMeasurer
from blueprint.scene import Card, RecoveryTag
from blueprint.layout.text import line
from blueprint.words import WORDS
from blueprint.model.types import Blueprint

TAG_H = 14
TAG_SIZE = 11
TAG_PAD_X = 5
TAG_GAP = 4
TAG_INSET = 8  # from the card's right corner
TAG_CLEAR = 2  # between a tag and the text or badges above it


def recovery_tags(blueprint: Blueprint, cards: dict[str, Card], measurer: TextMeasurer) -> list[RecoveryTag]:
    word = WORDS[blueprint.lang]["recovery"]
    tags: list[RecoveryTag] = []
    right_edge: dict[str, float] = {}
    for action in blueprint.actions():
        for fail in action.fails:
            card = cards.get(fail.recover or "")
            if card is None:
                continue
            text = f"{word} F{fail.number}"
            width = measurer.width(text, TAG_SIZE, True) + 2 * TAG_PAD_X
            right = right_edge.get(card.id, card.x + card.width - TAG_INSET)
            left = right - width
            top = max(card.y + card.height - TAG_H / 2, _content_bottom(card, left, right, measurer) + TAG_CLEAR)
            right_edge[card.id] = left - TAG_GAP
            label = line(measurer, "recovery-text", text, left + width / 2, top + TAG_H / 2 + TAG_SIZE * 0.36,
                         TAG_SIZE, bold=True, anchor="middle")
            tags.append(RecoveryTag(number=fail.number, fail_action=action.id, action=card.id, x=round(left, 2),
                                    y=round(top, 2), width=round(width, 2), height=TAG_H, label=label))
    return tags


def _content_bottom(card: Card, left: float, right: float, measurer: TextMeasurer) -> float:
    """The lowest bottom of the card's text lines (their line boxes) and badges
    that reach over `left` to `right`; the card's top when none does."""
    bottom = card.y
    for text in card.lines:
        last = text.spans[-1]
        end = last.x + measurer.width(last.text, text.size, text.bold)
        if text.spans[0].x < right + TAG_CLEAR and end > left - TAG_CLEAR:
            bottom = max(bottom, text.y + measurer.line_height(text.size) - measurer.ascent(text.size))
    for marker in card.markers:
        if marker.x < right + TAG_CLEAR and marker.x + marker.width > left - TAG_CLEAR:
            bottom = max(bottom, marker.y + marker.height)
    return bottom


__all__ = ["recovery_tags"]
