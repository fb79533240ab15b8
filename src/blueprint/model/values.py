"""The words and values inside statements: lanes, lines, keyword values,
durations and IDs, each read into its model type or reported."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from blueprint.model.codes import DURATION_TOO_LONG, RESERVED_WORD, UNKNOWN_LANE, UNKNOWN_LINE, UNKNOWN_VALUE
from blueprint.model.drafts import BlueprintDraft, node
from blueprint.model.durations import DurationError, DurationTooLong, parse_duration
from blueprint.model.types import Duration, DurationRange, Lane, Line
from blueprint.parse.codes import BAD_DURATION
from blueprint.parse.statements import RangeText, Word
from blueprint.suggest import closest, did_you_mean

RESERVED_WORDS = frozenset(
    "blueprint description segment owner version state lang max-wait lane line phase step "
    "evidence fail severity recover wait duration cost note link".split()
)
RESERVED_WORDS |= frozenset("control ref emotion metric pain idea opportunity question impact confidence".split())
LANE_NAMES = frozenset(lane.value for lane in Lane)
_LANES_BY_NAME = {lane.value: lane for lane in Lane}
# Keywords are short and many: only a near miss is worth naming.
_KEYWORD_CUTOFF = 0.7

_E = TypeVar("_E", bound=Enum)


def read_lane(draft: BlueprintDraft, word: Word, allow_evidence: bool) -> Lane | None:
    lane = _LANES_BY_NAME.get(word.text)
    if lane is not None and (allow_evidence or lane is not Lane.EVIDENCE):
        return lane
    choices = [lane.value for lane in Lane if allow_evidence or lane is not Lane.EVIDENCE]
    draft.report(
        UNKNOWN_LANE,
        word.span,
        f"found the lane '{word.text}'; expected customer, onstage, backstage, support or evidence",
        hint=did_you_mean(word.text, choices),
    )
    return None


def read_line(draft: BlueprintDraft, word: Word) -> Line | None:
    choices = [line.value for line in Line]
    if word.text in choices:
        return Line(word.text)
    draft.report(
        UNKNOWN_LINE,
        word.span,
        f"found the line '{word.text}'; expected interaction, visibility or internal",
        hint=did_you_mean(word.text, choices),
    )
    return None


def read_choice(draft: BlueprintDraft, value: Word, enum: type[_E], what: str, expected: str | None = None) -> _E | None:
    """The member of `enum` the word names; `expected` lists the choices in the message (default: joined by or)."""
    choices = [member.value for member in enum]
    if value.text in choices:
        return enum(value.text)
    draft.report(
        UNKNOWN_VALUE,
        value.span,
        f"found '{value.text}' as {what}; expected {expected or ' or '.join(choices)}",
        hint=did_you_mean(value.text, choices),
    )
    return None


def check_reserved(draft: BlueprintDraft, word: Word) -> None:
    if word.text in RESERVED_WORDS:
        draft.report(
            RESERVED_WORD,
            word.span,
            f"found the keyword '{word.text}' used as an ID; a flow could never name it",
            hint=f"choose another ID, e.g. {word.text}_1",
        )


def read_duration(draft: BlueprintDraft, word: Word) -> Duration | None:
    try:
        return node(Duration, seconds=parse_duration(word.text), text=word.text)
    except DurationError as error:
        code = DURATION_TOO_LONG if isinstance(error, DurationTooLong) else BAD_DURATION
        draft.report(code, word.span, str(error), hint=error.hint)
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
