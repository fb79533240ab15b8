"""Turns what Lark recognises into typed statements, during the parse itself.

The LALR parser calls these callbacks as it reduces each rule, so no parse
tree is built and walked afterwards: a file of thousands of lines goes
straight from tokens to statements. The parser keeps every token (keywords
included), so each statement's span runs from its first token to its last,
exactly as written.

One parser serves every parse; what differs between parses (the file name,
the line offset of line-by-line recovery, the diagnostics found) lives in a
context variable set by `reading`, so parses in different threads do not mix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from lark import Token

from blueprint.diagnostics import Diagnostic
from blueprint.parse.codes import BAD_ESCAPE, REPEATED_ATTRIBUTE
from blueprint.parse.statements import (
    AnyStatement,
    ConfidenceStatement,
    ControlStatement,
    ByStatement,
    ChannelStatement,
    DecisionStatement,
    KeyStatement,
    CostStatement,
    EmotionStatement,
    MetricStatement,
    ResearchStatement,
    DurationStatement,
    FailStatement,
    FlowStatement,
    HeaderStatement,
    ItemStatement,
    LabelStatement,
    LinkStatement,
    NoteStatement,
    PhaseStatement,
    RangeText,
    RoleStatement,
    StepStatement,
    TitleStatement,
    ViaStatement,
    WaitStatement,
    Word,
)
from blueprint.source import Span

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


class _Reading:
    # A plain class: a dataclass would add a millisecond to every cold start.
    __slots__ = ("file", "line_offset", "diagnostics")

    def __init__(self, file: str, line_offset: int) -> None:
        self.file = file
        self.line_offset = line_offset
        self.diagnostics: list[Diagnostic] = []


_READING: ContextVar[_Reading] = ContextVar("blueprint_parse_reading")


@contextmanager
def reading(file: str, line_offset: int = 0) -> Iterator[list[Diagnostic]]:
    """Parses inside this block report under `file`, with line numbers shifted
    by `line_offset` (for line-by-line recovery); yields the list that
    collects their diagnostics about string escapes."""
    context = _Reading(file, line_offset)
    token = _READING.set(context)
    try:
        yield context.diagnostics
    finally:
        _READING.reset(token)


# --- positions ---------------------------------------------------------------

def _token_span(token: Token, offset: int) -> Span:
    return Span(
        line=token.line + offset,
        column=token.column,
        end_line=token.end_line + offset,
        end_column=token.end_column,
    )


def _word(token: Token, offset: int) -> Word:
    return Word(text=str(token), span=_token_span(token, offset))


def _between(first: Token, last: Token | Span, offset: int) -> Span:
    """From the start of the token `first` to the end of `last`, a token or an
    already shifted span (a range or an option that was built first)."""
    if isinstance(last, Span):
        end_line, end_column = last.end_line, last.end_column
    else:
        end_line, end_column = last.end_line + offset, last.end_column
    return Span(line=first.line + offset, column=first.column, end_line=end_line, end_column=end_column)


def _string(token: Token, context: _Reading) -> str:
    body = str(token)[1:-1]
    if "\\" not in body:
        return body

    def unescape(match: re.Match[str]) -> str:
        char = match.group(1)
        if char in '"\\':
            return char
        column = token.column + 1 + match.start()
        context.diagnostics.append(
            BAD_ESCAPE.at(
                context.file,
                Span.point(token.line + context.line_offset, column, 2),
                BAD_ESCAPE.text("escape", char=char),
                hint=BAD_ESCAPE.text("backslash"),
            )
        )
        return match.group(0)

    return _ESCAPE.sub(unescape, body)


class _Option:
    """`severity NAME` or `recover NAME` inside a fail statement."""

    __slots__ = ("key", "word")

    def __init__(self, key: str, word: Word) -> None:
        self.key = key
        self.word = word


# --- callbacks, one per grammar rule ------------------------------------------

class Statements:
    """The parser's callbacks. Each receives the rule's children, every token
    kept, and returns the typed statement (or a part of one)."""

    def start(self, children: list) -> list[AnyStatement]:
        return [child for child in children if not isinstance(child, Token)]

    def title(self, children: list) -> TitleStatement:
        keyword, text = children
        context = _READING.get()
        return TitleStatement(span=_between(keyword, text, context.line_offset), title=_string(text, context))

    def _header(self, name: str, children: list) -> HeaderStatement:
        keyword, token = children
        context = _READING.get()
        offset = context.line_offset
        text = _string(token, context) if token.type == "STRING" else str(token)
        return HeaderStatement(
            span=_between(keyword, token, offset), keyword=name, value=Word(text=text, span=_token_span(token, offset))
        )

    def description_header(self, children: list) -> HeaderStatement:
        return self._header("description", children)

    def segment_header(self, children: list) -> HeaderStatement:
        return self._header("segment", children)

    def owner_header(self, children: list) -> HeaderStatement:
        return self._header("owner", children)

    def version_header(self, children: list) -> HeaderStatement:
        return self._header("version", children)

    def state_header(self, children: list) -> HeaderStatement:
        return self._header("state", children)

    def lang_header(self, children: list) -> HeaderStatement:
        return self._header("lang", children)

    def max_wait_header(self, children: list) -> HeaderStatement:
        return self._header("max-wait", children)

    def _label(self, name: str, children: list) -> LabelStatement:
        keyword, ident, label = children
        context = _READING.get()
        offset = context.line_offset
        return LabelStatement(
            span=_between(keyword, label, offset), keyword=name, name=_word(ident, offset),
            label=_string(label, context),
        )

    def lane_label(self, children: list) -> LabelStatement:
        return self._label("lane", children)

    def line_label(self, children: list) -> LabelStatement:
        return self._label("line", children)

    def phase(self, children: list) -> PhaseStatement:
        keyword, name = children
        context = _READING.get()
        return PhaseStatement(span=_between(keyword, name, context.line_offset), name=_string(name, context))

    def step(self, children: list) -> StepStatement:
        keyword, ident, label = children
        context = _READING.get()
        offset = context.line_offset
        return StepStatement(
            span=_between(keyword, label, offset), id=_word(ident, offset), label=_string(label, context)
        )

    def item(self, children: list) -> ItemStatement:
        context = _READING.get()
        offset = context.line_offset
        lane, label = children[0], children[-1]
        return ItemStatement(
            span=_between(lane, label, offset),
            lane=_word(lane, offset),
            id=_word(children[1], offset) if len(children) == 3 else None,
            label=_string(label, context),
        )

    def severity(self, children: list) -> _Option:
        return _Option("severity", _word(children[1], _READING.get().line_offset))

    def recover(self, children: list) -> _Option:
        return _Option("recover", _word(children[1], _READING.get().line_offset))

    def fail(self, children: list) -> FailStatement:
        keyword, description, *options = children
        context = _READING.get()
        last = options[-1].word.span if options else description
        # The grammar allows the options in any order, and repeated: the first one counts.
        found: dict[str, Word] = {}
        for option in options:
            key, word = option.key, option.word
            if key in found:
                context.diagnostics.append(
                    REPEATED_ATTRIBUTE.at(
                        context.file,
                        word.span,
                        REPEATED_ATTRIBUTE.text("in_fail", key=key, value=found[key].text),
                        hint=REPEATED_ATTRIBUTE.text("keep_one"),
                    )
                )
                continue
            found[key] = word
        return FailStatement(
            span=_between(keyword, last, context.line_offset),
            description=_string(description, context),
            severity=found.get("severity"),
            recover=found.get("recover"),
        )

    def span(self, children: list) -> RangeText:
        offset = _READING.get().line_offset
        low, high = children[0], children[-1]
        return RangeText(
            min=_word(low, offset), max=_word(high, offset) if len(children) == 3 else None,
            span=_between(low, high, offset),
        )

    def wait(self, children: list) -> WaitStatement:
        context = _READING.get()
        keyword, rng = children[0], children[1]
        text = children[2] if len(children) == 3 else None
        return WaitStatement(
            span=_between(keyword, text if text is not None else rng.span, context.line_offset),
            range=rng,
            description=_string(text, context) if text is not None else None,
        )

    def duration(self, children: list) -> DurationStatement:
        keyword, rng = children
        return DurationStatement(span=_between(keyword, rng.span, _READING.get().line_offset), range=rng)

    def cost(self, children: list) -> CostStatement:
        offset = _READING.get().line_offset
        keyword, amount = children[0], children[1]
        return CostStatement(
            span=_between(keyword, children[-1], offset),
            amount=_word(amount, offset),
            currency=_word(children[2], offset) if len(children) == 3 else None,
        )

    def note(self, children: list) -> NoteStatement:
        keyword, text = children
        context = _READING.get()
        return NoteStatement(span=_between(keyword, text, context.line_offset), text=_string(text, context))

    def link(self, children: list) -> LinkStatement:
        keyword, token = children
        context = _READING.get()
        offset = context.line_offset
        return LinkStatement(
            span=_between(keyword, token, offset),
            url=Word(text=_string(token, context), span=_token_span(token, offset)),
        )

    def flow(self, children: list) -> FlowStatement:
        context = _READING.get()
        offset = context.line_offset
        endpoints = [_word(children[0], offset)]
        arrows: list[str] = []
        labels: list[Word | None] = []
        for token in children[1:]:
            if token.type == "ARROW":
                arrows.append(str(token))
            elif token.type == "STRING":
                labels[-1] = Word(text=_string(token, context), span=_token_span(token, offset))
            else:
                endpoints.append(_word(token, offset))
                labels.append(None)
        return FlowStatement(
            span=_between(children[0], children[-1], offset),
            endpoints=tuple(endpoints),
            arrows=tuple(arrows),
            labels=tuple(labels),
        )

    # --- what a practitioner adds to a phase, step or action -------------------

    def reference(self, children: list) -> Word:
        context = _READING.get()
        token = children[1]
        return Word(text=_string(token, context), span=_token_span(token, context.line_offset))

    def control(self, children: list) -> ControlStatement:
        context = _READING.get()
        keyword, text = children[0], children[1]
        reference = children[2] if len(children) == 3 else None
        return ControlStatement(
            span=_between(keyword, reference.span if reference else text, context.line_offset),
            text=_string(text, context),
            reference=reference,
        )

    def emotion(self, children: list) -> EmotionStatement:
        context = _READING.get()
        offset = context.line_offset
        keyword, score = children[0], children[1]
        note = children[2] if len(children) == 3 else None
        return EmotionStatement(
            span=_between(keyword, note if note is not None else score, offset),
            score=_word(score, offset),
            note=_string(note, context) if note is not None else None,
        )

    def metric(self, children: list) -> MetricStatement:
        context = _READING.get()
        offset = context.line_offset
        keyword, name, rest = children[0], children[1], children[2:]
        value = next((token for token in rest if token.type == "VALUE"), None)
        unit = next((token for token in rest if token.type == "STRING"), None)
        return MetricStatement(
            span=_between(keyword, children[-1], offset),
            name=_string(name, context),
            value=_word(value, offset) if value is not None else None,
            unit=_string(unit, context) if unit is not None else None,
        )

    def note_severity(self, children: list) -> Word:
        return _word(children[1], _READING.get().line_offset)

    note_impact = note_severity

    def _research(self, kind: str, children: list) -> ResearchStatement:
        context = _READING.get()
        keyword, text = children[0], children[1]
        rating = children[2] if len(children) == 3 else None
        return ResearchStatement(
            span=_between(keyword, rating.span if rating is not None else text, context.line_offset),
            kind=kind,
            text=_string(text, context),
            rating=rating,
        )

    def pain(self, children: list) -> ResearchStatement:
        return self._research("pain", children)

    def idea(self, children: list) -> ResearchStatement:
        return self._research("idea", children)

    def opportunity(self, children: list) -> ResearchStatement:
        return self._research("opportunity", children)

    def question(self, children: list) -> ResearchStatement:
        return self._research("question", children)

    def confidence(self, children: list) -> ConfidenceStatement:
        offset = _READING.get().line_offset
        keyword, value = children
        return ConfidenceStatement(span=_between(keyword, value, offset), value=_word(value, offset))
    def role_decl(self, children: list) -> RoleStatement:
        context = _READING.get()
        offset = context.line_offset
        keyword, ident, label = children[:3]
        return RoleStatement(
            span=_between(keyword, children[-1], offset), id=_word(ident, offset), label=_string(label, context),
            kind=_word(children[3], offset) if len(children) == 4 else None,
        )

    def by(self, children: list) -> ByStatement:
        keyword, role = children
        offset = _READING.get().line_offset
        return ByStatement(span=_between(keyword, role, offset), role=_word(role, offset))

    def key(self, children: list) -> KeyStatement:
        context = _READING.get()
        reason = _string(children[1], context) if len(children) == 2 else None
        return KeyStatement(span=_between(children[0], children[-1], context.line_offset), reason=reason)

    def decision(self, children: list) -> DecisionStatement:
        context = _READING.get()
        question = _string(children[1], context) if len(children) == 2 else None
        return DecisionStatement(span=_between(children[0], children[-1], context.line_offset), question=question)

    def channel_decl(self, children: list) -> ChannelStatement:
        keyword, ident, label = children
        context = _READING.get()
        offset = context.line_offset
        return ChannelStatement(span=_between(keyword, label, offset), id=_word(ident, offset),
                                label=_string(label, context))

    def via(self, children: list) -> ViaStatement:
        context = _READING.get()
        offset = context.line_offset
        reason = _string(children[2], context) if len(children) == 3 else None
        return ViaStatement(span=_between(children[0], children[-1], offset), channel=_word(children[1], offset),
                            reason=reason)
