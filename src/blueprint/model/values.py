"""The words and values inside statements: lanes, lines, keyword values,
durations and IDs, each read into its model type or reported."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

from blueprint.diagnostics import Choices, Text, did_you_mean
from blueprint.model.codes import DURATION_TOO_LONG, RESERVED_WORD, UNKNOWN_LANE, UNKNOWN_LINE, UNKNOWN_VALUE
from blueprint.model.drafts import BlueprintDraft, node
from blueprint.model.durations import DurationError, DurationTooLong, parse_duration
from blueprint.model.types import Duration, DurationRange, Lane, Line
from blueprint.parse.codes import BAD_DURATION
from blueprint.parse.statements import RangeText, Word
from blueprint.suggest import closest

RESERVED_WORDS = frozenset(
    "blueprint description segment owner version state lang max-wait lane line phase step "
    "evidence fail severity recover wait duration cost note link".split()
)
RESERVED_WORDS |= frozenset("control ref emotion metric pain idea opportunity question impact confidence".split())
LANE_NAMES = frozenset(lane.value for lane in Lane)
_LANES_BY_NAME = {lane.value: lane for lane in Lane}
# Keywords are short and many: only a near miss is worth naming.
_KEYWORD_CUTOFF = 0.7

# The lanes an unknown one is told apart from: the action lanes, then evidence.
_LANE_CHOICES = Choices(tuple(lane.value for lane in Lane if lane is not Lane.EVIDENCE) + (Lane.EVIDENCE.value,))

_E = TypeVar("_E", bound=Enum)


def read_lane(draft: BlueprintDraft, word: Word, allow_evidence: bool) -> Lane | None:
    lane = _LANES_BY_NAME.get(word.text)
    if lane is not None and (allow_evidence or lane is not Lane.EVIDENCE):
        return lane
    choices = [lane.value for lane in Lane if allow_evidence or lane is not Lane.EVIDENCE]
    draft.report(
        UNKNOWN_LANE,
        word.span,
        UNKNOWN_LANE.text("lane", lane=word.text, lanes=_LANE_CHOICES),
        hint=did_you_mean(closest(word.text, choices)),
    )
    return None


def read_line(draft: BlueprintDraft, word: Word) -> Line | None:
    choices = [line.value for line in Line]
    if word.text in choices:
        return Line(word.text)
    draft.report(
        UNKNOWN_LINE,
        word.span,
        UNKNOWN_LINE.text("line", line=word.text, lines=Choices(tuple(choices))),
        hint=did_you_mean(closest(word.text, choices)),
    )
    return None


def read_choice(draft: BlueprintDraft, value: Word, enum: type[_E], what: Text, expected: Text | None = None,
                aliases: Mapping[str, _E] | None = None) -> _E | None:
    """The member of `enum` the word names (or its alias names); `expected`
    lists the choices in the message (default: joined by or)."""
    choices = [member.value for member in enum]
    if value.text in choices:
        return enum(value.text)
    if aliases and value.text in aliases:
        return aliases[value.text]
    choices += list(aliases or ())
    draft.report(
        UNKNOWN_VALUE,
        value.span,
        UNKNOWN_VALUE.text("value", value=value.text, what=what, expected=expected or Choices(tuple(choices))),
        hint=did_you_mean(closest(value.text, choices)),
    )
    return None


def check_reserved(draft: BlueprintDraft, word: Word) -> None:
    if word.text in RESERVED_WORDS:
        draft.report(
            RESERVED_WORD,
            word.span,
            RESERVED_WORD.text("keyword", word=word.text),
            hint=RESERVED_WORD.text("another", word=word.text),
        )


def read_duration(draft: BlueprintDraft, word: Word) -> Duration | None:
    try:
        return node(Duration, seconds=parse_duration(word.text), text=word.text)
    except DurationError as error:
        code = DURATION_TOO_LONG if isinstance(error, DurationTooLong) else BAD_DURATION
        draft.report(code, word.span, error.message, hint=error.hint)
        return None


def read_range(draft: BlueprintDraft, text: RangeText) -> DurationRange | None:
    low = read_duration(draft, text.min)
    high = read_duration(draft, text.max) if text.max is not None else low
    if low is None or high is None:
        return None
    return node(DurationRange, min=low, max=high, span=text.span)


def meant_keyword(word: str) -> str | None:
    """The keyword a misspelt statement start was probably meant to be, unless it looks more like a lane."""
    keyword = closest(word, sorted(RESERVED_WORDS - {"evidence"}), _KEYWORD_CUTOFF)
    lane = closest(word, sorted(LANE_NAMES))
    return keyword if keyword and not lane else None
