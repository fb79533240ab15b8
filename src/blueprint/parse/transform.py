"""Turns what Lark recognises into typed statements, during the parse itself.

The LALR parser calls these callbacks as it reduces each rule, so no parse
tree is built and walked afterwards: a file of thousands of lines goes
straight from tokens to statements. The parser keeps every token (keywords
included), so each statement's span runs from its first token to its last,
exactly as written.

One parser serves every parse; what differs between parses (the file name,
the line offset of line-by-line recovery, the diagnostics found) lives in a
context variable set by `blueprint.parse.reading.reading`, so parses in
different threads do not mix. The practitioner's statements have their
callbacks in blueprint.parse.practice_transform, the scenarios' in
blueprint.parse.scenario_transform.
"""

from __future__ import annotations

from lark import Token

from blueprint.parse.codes import REPEATED_ATTRIBUTE
from blueprint.parse.practice_transform import PractitionerStatements
from blueprint.parse.scenario_transform import ScenarioStatements
from blueprint.parse.reading import READING as _READING, between as _between, string as _string
from blueprint.parse.reading import token_span as _token_span, word as _word
from blueprint.parse.statements import (
    AnyStatement,
    CostStatement,
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
    StepStatement,
    TitleStatement,
    WaitStatement,
    Word,
)


class _Option:
    """`severity NAME` or `recover NAME` inside a fail statement."""

    __slots__ = ("key", "word")

    def __init__(self, key: str, word: Word) -> None:
        self.key = key
        self.word = word


# --- callbacks, one per grammar rule ------------------------------------------

class Statements(PractitionerStatements, ScenarioStatements):
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
