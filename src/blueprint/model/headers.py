"""Header statements: the title and the settings and labels of the whole blueprint.

A header given twice is kept in `Blueprint.headers` each time, and the first
one's value counts; the validator reports the repetition (BP208).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blueprint.model.codes import MISPLACED_STATEMENT, UNKNOWN_VALUE
from blueprint.model.drafts import BlueprintDraft, node
from blueprint.model.types import Header, Language, State
from blueprint.vocabulary import LANGUAGE_ALIASES
from blueprint.model.values import read_choice, read_duration, read_lane, read_line
from blueprint.parse.statements import HeaderStatement, LabelStatement, TitleStatement
from blueprint.source import Span

_SINGLE_HEADERS = {"description", "owner", "version", "state", "lang", "max-wait"}


def header_allowed(draft: BlueprintDraft, keyword: str, span: Span) -> bool:
    if draft.seen_body:
        draft.report(
            MISPLACED_STATEMENT,
            span,
            MISPLACED_STATEMENT.text("header", keyword=keyword),
            hint=MISPLACED_STATEMENT.text("move_up"),
        )
        return False
    return True


def first_header(draft: BlueprintDraft, key: str, span: Span) -> bool:
    """Whether this is the first header `key`; either way, where it stood is kept."""
    repeated = any(header.keyword == key for header in draft.headers)
    draft.headers.append(node(Header, keyword=key, span=span))
    return not repeated


def title(draft: BlueprintDraft, statement: TitleStatement) -> None:
    if not first_header(draft, "blueprint", statement.span):
        return
    if draft.seen_statement:
        draft.report(
            MISPLACED_STATEMENT,
            statement.span,
            MISPLACED_STATEMENT.text("title"),
            hint=MISPLACED_STATEMENT.text("to_top"),
        )
    draft.fields["title"] = statement.title


def header(draft: BlueprintDraft, statement: HeaderStatement) -> None:
    keyword, value = statement.keyword, statement.value
    if not header_allowed(draft, keyword, statement.span):
        return
    if keyword == "segment":
        draft.headers.append(node(Header, keyword="segment", span=statement.span))
        draft.segments.append(value.text)
        return
    if keyword in _SINGLE_HEADERS and not first_header(draft, keyword, statement.span):
        return
    if keyword == "state":
        _set(draft, "state", read_choice(draft, value, State, UNKNOWN_VALUE.text("a_state")))
    elif keyword == "lang":
        _set(draft, "lang", read_choice(draft, value, Language, UNKNOWN_VALUE.text("a_language"),
                                        UNKNOWN_VALUE.text("languages"),
                                        aliases=LANGUAGE_ALIASES))
    elif keyword == "max-wait":
        duration = read_duration(draft, value)
        if duration is not None:
            draft.fields["max_wait"] = duration
            draft.fields["max_wait_span"] = value.span
    else:
        draft.fields[keyword] = value.text


def _set(draft: BlueprintDraft, name: str, value: object | None) -> None:
    if value is not None:
        draft.fields[name] = value


def label(draft: BlueprintDraft, statement: LabelStatement) -> None:
    if not header_allowed(draft, statement.keyword, statement.span):
        return
    if statement.keyword == "lane":
        lane = read_lane(draft, statement.name, allow_evidence=True)
        if lane is not None and first_header(draft, f"lane {lane.value}", statement.span):
            draft.lane_labels[lane] = statement.label
    else:
        line = read_line(draft, statement.name)
        if line is not None and first_header(draft, f"line {line.value}", statement.span):
            draft.line_labels[line] = statement.label


HANDLERS: dict[type, Callable[[BlueprintDraft, Any], None]] = {
    TitleStatement: title,
    HeaderStatement: header,
    LabelStatement: label,
}
