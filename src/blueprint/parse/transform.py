"""Turns Lark's parse tree into typed statements."""

from __future__ import annotations

import re

from lark import Token, Transformer, Tree, v_args

from blueprint.diagnostics import Diagnostic, diagnostic
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
from blueprint.source import Span

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


@v_args(meta=True)
class StatementBuilder(Transformer):
    """One instance per parse: it shifts line numbers (for line-by-line
    recovery) and collects diagnostics about string escapes."""

    def __init__(self, file: str, line_offset: int = 0) -> None:
        super().__init__()
        self.file = file
        self.line_offset = line_offset
        self.diagnostics: list[Diagnostic] = []

    # --- helpers -------------------------------------------------------------
    def _span(self, meta) -> Span:
        return Span(
            line=meta.line + self.line_offset,
            column=meta.column,
            end_line=meta.end_line + self.line_offset,
            end_column=meta.end_column,
        )

    def _word(self, token: Token) -> Word:
        return Word(text=str(token), span=self._span(token))

    def _string(self, token: Token) -> str:
        body = str(token)[1:-1]
        if "\\" not in body:
            return body

        def unescape(match: re.Match[str]) -> str:
            char = match.group(1)
            if char in '"\\':
                return char
            column = token.column + 1 + match.start()
            self.diagnostics.append(
                diagnostic(
                    "BP109",
                    self.file,
                    Span.point(token.line + self.line_offset, column, 2),
                    f"found the escape \\{char} in a string; only \\\" and \\\\ are escapes",
                    hint="write a backslash as \\\\",
                )
            )
            return match.group(0)

        return _ESCAPE.sub(unescape, body)

    # --- statements ----------------------------------------------------------
    def start(self, meta, children: list[AnyStatement]) -> list[AnyStatement]:
        return children

    def title(self, meta, children):
        return TitleStatement(span=self._span(meta), title=self._string(children[0]))

    def _header(self, keyword: str, meta, token: Token) -> HeaderStatement:
        text = self._string(token) if token.type == "STRING" else str(token)
        return HeaderStatement(
            span=self._span(meta), keyword=keyword, value=Word(text=text, span=self._span(token))
        )

    def description_header(self, meta, children):
        return self._header("description", meta, children[0])

    def segment_header(self, meta, children):
        return self._header("segment", meta, children[0])

    def owner_header(self, meta, children):
        return self._header("owner", meta, children[0])

    def version_header(self, meta, children):
        return self._header("version", meta, children[0])

    def state_header(self, meta, children):
        return self._header("state", meta, children[0])

    def lang_header(self, meta, children):
        return self._header("lang", meta, children[0])

    def max_wait_header(self, meta, children):
        return self._header("max-wait", meta, children[0])

    def lane_label(self, meta, children):
        name, label = children
        return LabelStatement(
            span=self._span(meta), keyword="lane", name=self._word(name), label=self._string(label)
        )

    def line_label(self, meta, children):
        name, label = children
        return LabelStatement(
            span=self._span(meta), keyword="line", name=self._word(name), label=self._string(label)
        )

    def phase(self, meta, children):
        return PhaseStatement(span=self._span(meta), name=self._string(children[0]))

    def step(self, meta, children):
        name, label = children
        return StepStatement(span=self._span(meta), id=self._word(name), label=self._string(label))

    def item(self, meta, children):
        lane, *ident, label = children
        return ItemStatement(
            span=self._span(meta),
            lane=self._word(lane),
            id=self._word(ident[0]) if ident else None,
            label=self._string(label),
        )

    def severity(self, meta, children):
        return ("severity", self._word(children[0]))

    def recover(self, meta, children):
        return ("recover", self._word(children[0]))

    def fail(self, meta, children):
        description, *options = children
        found: dict[str, Word] = {}
        for key, word in options:
            if key in found:
                self.diagnostics.append(
                    diagnostic(
                        "BP211",
                        self.file,
                        word.span,
                        f"found a second '{key}' in this fail point; it already has {key} {found[key].text}",
                        hint="keep one",
                    )
                )
                continue
            found[key] = word
        return FailStatement(
            span=self._span(meta),
            description=self._string(description),
            severity=found.get("severity"),
            recover=found.get("recover"),
        )

    def span(self, meta, children):
        low, *high = children
        return RangeText(
            min=self._word(low), max=self._word(high[0]) if high else None, span=self._span(meta)
        )

    def wait(self, meta, children):
        rng, *text = children
        return WaitStatement(
            span=self._span(meta), range=rng, description=self._string(text[0]) if text else None
        )

    def duration(self, meta, children):
        return DurationStatement(span=self._span(meta), range=children[0])

    def cost(self, meta, children):
        amount, *currency = children
        return CostStatement(
            span=self._span(meta),
            amount=self._word(amount),
            currency=self._word(currency[0]) if currency else None,
        )

    def note(self, meta, children):
        return NoteStatement(span=self._span(meta), text=self._string(children[0]))

    def link(self, meta, children):
        token = children[0]
        return LinkStatement(
            span=self._span(meta), url=Word(text=self._string(token), span=self._span(token))
        )

    def flow(self, meta, children):
        label = None
        if children and isinstance(children[-1], Token) and children[-1].type == "STRING":
            label = self._string(children.pop())
        endpoints = tuple(self._word(t) for t in children if t.type == "NAME")
        arrows = tuple(str(t) for t in children if t.type == "ARROW")
        return FlowStatement(span=self._span(meta), endpoints=endpoints, arrows=arrows, label=label)


def to_statements(tree: Tree, builder: StatementBuilder) -> list[AnyStatement]:
    result = builder.transform(tree)
    return result if isinstance(result, list) else [result]
