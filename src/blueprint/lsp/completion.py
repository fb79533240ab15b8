"""Completion: the words that may stand at the cursor.

At the start of a line, the statements that may stand there: headers before
the first phase or step, then `phase`, `step` and the lanes, the attribute
keywords under an action, and the IDs that start a flow. Inside a line, what
its statement takes next: an ID after an arrow or `recover`, an arrow after
a flow's ID, a lane, line, state, language or severity after its keyword,
a unit after a duration's number, `severity` and `recover` after a fail's
text, a currency the file already uses after a cost's amount.
"""

from __future__ import annotations

import re

from lsprotocol import types

from blueprint.lsp.analysis import Analysis
from blueprint.lsp.index import ACTION, EVIDENCE, STEP
from blueprint.lsp.semantic_tokens import COMMENT, STRING, line_tokens
from blueprint.model.durations import UNIT_SECONDS
from blueprint.model.types import Blueprint
from blueprint.vocabulary import (ACTION_LANES, ARROWS, EMOTION_SCALE, STATEMENT_OPTIONS, Channel, Confidence, Impact,
                                  Language, Lane, Line, Severity, State, names)

HEADERS = ("blueprint", "description", "segment", "owner", "state", "lang", "version", "max-wait", "lane", "line",
           "role", "channel", "scenario")
# Headers a file gives at most once (`segment`, `lane` and `line` may repeat).
_ONCE = frozenset({"blueprint", "description", "owner", "state", "lang", "version", "max-wait"})
ATTRIBUTES = ("fail", "wait", "duration", "cost", "note", "link", "control", "emotion", "metric", "pain", "idea",
              "opportunity", "question", "confidence", "by", "via", "key", "decision", "only", "detail")
_DURATION_KEYWORDS = frozenset({"wait", "duration", "max-wait"})
_VALUES = {"lane": names(Lane), "line": names(Line), "state": names(State), "lang": names(Language),
           "severity": names(Severity), "impact": names(Impact), "confidence": names(Confidence),
           "emotion": tuple(EMOTION_SCALE)}
_LANES = frozenset(names(Lane))
ACTION_LANES_NAMES = frozenset(lane.value for lane in ACTION_LANES)
# The word being typed: an ID, keyword or number, or the start of an arrow.
_PARTIAL = re.compile(r"\d+(?:\.\d+)?[^\W\d_]*$|\w+(?:-\w*)*$|<?-{1,2}$|$")
_CLOSED_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)[^\W\d_]*$")

Kind = types.CompletionItemKind
MAX_IDS = 100


def _closed(string: str) -> bool:
    return _CLOSED_STRING.fullmatch(string) is not None


class _Place:
    """Where in a document the cursor is: its line's words so far, the word being typed."""

    def __init__(self, analysis: Analysis, line: int, column: int) -> None:
        before = analysis.lines.line(line)[:column]
        partial = _PARTIAL.search(before)
        self.start = partial.start() if partial else column
        self.partial = before[self.start:]
        self.text_before = before[: self.start]  # the line up to the word being typed
        self.words = [(before[c:c + n], kind) for c, n, kind, _ in line_tokens(before[: self.start]) if kind != COMMENT]
        self.range = types.Range(start=analysis.lines.to_client(line, self.start), end=analysis.lines.to_client(line, column))
        self.line = line
        self.incomplete = False  # whether more would match than are offered: the client asks again as one types
        self.in_comment = any(kind == COMMENT for _, _, kind, _ in line_tokens(before))

    @property
    def first(self) -> str | None:
        return self.words[0][0] if self.words else None

    @property
    def previous(self) -> tuple[str, int] | None:
        return self.words[-1] if self.words else None

    @property
    def in_string(self) -> bool:
        """Whether the cursor is inside a string still open before it."""
        return bool(self.words) and self.words[-1][1] == STRING and not _closed(self.words[-1][0])


def _item(place: _Place, label: str, kind: types.CompletionItemKind, detail: str | None = None,
          order: int = 0, sort: str | None = None) -> types.CompletionItem:
    return types.CompletionItem(label=label, kind=kind, detail=detail, sort_text=sort or f"{order}{label}",
                                text_edit=types.TextEdit(range=place.range, new_text=label))


def _context(analysis: Analysis, line: int) -> tuple[bool, bool, bool]:
    """Whether headers may still stand here, whether a step is open and whether an action comes before, in it."""
    for number in range(line - 1, -1, -1):
        words = analysis.lines.line(number).split()
        first = words[0] if words else None
        if first in ACTION_LANES_NAMES:
            return False, True, True
        if first == "step":
            return False, True, False
        if first == "phase":
            return False, False, False
    return True, False, False


def _labels(blueprint: Blueprint | None) -> dict[str, str]:
    if blueprint is None:
        return {}
    labels = {step.id: step.label for step in blueprint.steps}
    labels |= {action.id: action.label for action in blueprint.actions()}
    return labels


def _alike(partial: str, name: str) -> bool:
    """Whether the letters typed so far appear in `name`, in order (as editors filter)."""
    rest = iter(name.lower())
    return all(char in rest for char in partial.lower())


def _ids(analysis: Analysis, place: _Place, *kinds: str) -> list[types.CompletionItem]:
    """The IDs of the given kinds alike to what is typed, the nearest to the cursor
    first, at most MAX_IDS of them: a long file has thousands, more than
    anyone reads and more than a client lists quickly."""
    candidates = []
    for order, kind in enumerate(kinds):
        for occurrence in analysis.index.defined(kind):
            if _alike(place.partial, occurrence.name):
                starts = occurrence.name.startswith(place.partial)
                distance = abs(occurrence.span.line - 1 - place.line)
                candidates.append((order, not starts, distance, occurrence.name, kind))
    candidates.sort()
    if len(candidates) > MAX_IDS:
        place.incomplete = True
    labels = _labels(analysis.result.blueprint)
    kind_of = {ACTION: Kind.Function, STEP: Kind.Class, EVIDENCE: Kind.Constant}
    return [_item(place, name, kind_of[kind], labels.get(name), sort=f"{rank:04d}")
            for rank, (_, _, _, name, kind) in enumerate(candidates[:MAX_IDS])]


def _used_once_headers(analysis: Analysis, place: _Place) -> set[str]:
    """The headers a file may give once that it already gives, on another line."""
    firsts = {words[0] for number, line in enumerate(analysis.lines.lines) if number != place.line
              for words in [line.split()] if words}
    return firsts & _ONCE


def _line_start(analysis: Analysis, place: _Place) -> list[types.CompletionItem]:
    headers_allowed, in_step, after_action = _context(analysis, place.line)
    used = _used_once_headers(analysis, place) if headers_allowed else set()
    headers = [word for word in HEADERS if word not in used] if headers_allowed else []
    items = [_item(place, word, Kind.Keyword, "header", 1) for word in headers]
    items += [_item(place, word, Kind.Keyword, None, 1) for word in ("phase", "step")]
    if in_step:
        items += [_item(place, lane, Kind.Enum, "lane", 0) for lane in names(Lane)]
    if after_action:
        items += [_item(place, word, Kind.Keyword, "about the action above", 0) for word in ATTRIBUTES]
    if not headers_allowed:
        items += _ids(analysis, place, ACTION)
    return items


def _units(place: _Place) -> list[types.CompletionItem]:
    number = _NUMBER.match(place.partial)
    if number is None:
        return []
    return [_item(place, number.group(1) + unit, Kind.Unit, f"{unit}: {seconds}s" if seconds > 1 else "seconds", index)
            for index, (unit, seconds) in enumerate(UNIT_SECONDS.items())]


def _currencies(analysis: Analysis, place: _Place) -> list[types.CompletionItem]:
    blueprint = analysis.result.blueprint
    used = sorted({a.cost.currency for a in blueprint.actions() if a.cost and a.cost.currency}) if blueprint else []
    return [_item(place, currency, Kind.Unit, "currency used in this file") for currency in used]


def _roles_and_channels(analysis: Analysis, place: _Place, keyword: str) -> list[types.CompletionItem]:
    """After `by`, the declared roles; after `via`, the declared and built-in channels."""
    blueprint = analysis.result.blueprint
    if blueprint is None:
        return []
    if keyword == "by":
        return [_item(place, role.id, Kind.Variable, role.label) for role in blueprint.roles]
    channels = [declared.id for declared in blueprint.channels]
    channels += [channel for channel in names(Channel) if channel not in channels]
    return [_item(place, channel, Kind.EnumMember, blueprint.channel_label(channel) or "channel") for channel in channels]


def _scenarios(analysis: Analysis, place: _Place) -> list[types.CompletionItem]:
    """After `only` (and after each comma), the declared scenarios the line does not name yet."""
    blueprint = analysis.result.blueprint
    written = {word for word, _ in place.words}
    return [_item(place, scenario.id, Kind.Variable, scenario.label)
            for scenario in (blueprint.scenarios if blueprint else ()) if scenario.id not in written]


def _inside_statement(analysis: Analysis, place: _Place) -> list[types.CompletionItem]:
    first = place.first
    previous = place.previous[0] if place.previous else ""
    if first in ("by", "via") and len(place.words) == 1:
        return _roles_and_channels(analysis, place, first)
    if first == "only" and (len(place.words) == 1 or place.text_before.rstrip().endswith(",")):
        return _scenarios(analysis, place)
    if previous in ARROWS or previous == "recover":
        return _ids(analysis, place, ACTION) if previous == "recover" else _ids(analysis, place, ACTION, STEP)
    if previous in _VALUES and len(place.words) <= 3:
        return [_item(place, value, Kind.EnumMember, previous) for value in _VALUES[previous]]
    if first in _DURATION_KEYWORDS and (len(place.words) == 1 or previous == ".."):
        return _units(place)
    if first in STATEMENT_OPTIONS and len(place.words) >= 2:
        used = {word for word, _ in place.words}
        return [_item(place, word, Kind.Keyword) for word in STATEMENT_OPTIONS[first] if word not in used]
    if first == "cost" and len(place.words) == 2:
        return _currencies(analysis, place)
    if first not in _LANES and first not in HEADERS + ATTRIBUTES + ("phase", "step"):
        return [_item(place, arrow, Kind.Operator, kind.value) for arrow, kind in ARROWS.items()]
    return []


def completions(analysis: Analysis, line: int, column: int) -> types.CompletionList:
    place = _Place(analysis, line, column)
    if place.in_comment or place.in_string:
        items: list[types.CompletionItem] = []
    elif not place.words:
        items = _line_start(analysis, place)
    else:
        items = _inside_statement(analysis, place)
    return types.CompletionList(is_incomplete=place.incomplete, items=items)
