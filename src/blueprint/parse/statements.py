"""The syntax tree: one typed statement per line, exactly as written.

Nothing here knows what a lane or a duration means; the model builder does.
The statements are slotted dataclasses, not pydantic models: the parser's
callbacks build them from what the grammar accepted, so there is nothing
left to validate, and a long file has tens of thousands of them (a model
instance costs several times the memory and the time). The model the
builder makes from them is pydantic and validated.
"""

from __future__ import annotations

from dataclasses import dataclass

from blueprint.source import Span

syntax = dataclass(slots=True, kw_only=True)


@syntax
class Word:
    """A bare word or number as written, with where it stands."""

    text: str
    span: Span


@syntax
class Statement:
    span: Span


@syntax
class TitleStatement(Statement):
    title: str


@syntax
class HeaderStatement(Statement):
    """`description`, `segment`, `owner`, `version`, `state`, `lang` or `max-wait`."""

    keyword: str
    value: Word


@syntax
class LabelStatement(Statement):
    """`lane NAME "Label"` or `line NAME "Label"`."""

    keyword: str
    name: Word
    label: str


@syntax
class PhaseStatement(Statement):
    name: str


@syntax
class StepStatement(Statement):
    id: Word
    label: str


@syntax
class ItemStatement(Statement):
    """An action (`customer arrive "…"`) or evidence (`evidence "…"`)."""

    lane: Word
    id: Word | None
    label: str


@syntax
class FailStatement(Statement):
    description: str
    severity: Word | None = None
    recover: Word | None = None


@syntax
class RangeText:
    min: Word
    max: Word | None
    span: Span


@syntax
class WaitStatement(Statement):
    range: RangeText
    description: str | None = None


@syntax
class DurationStatement(Statement):
    range: RangeText


@syntax
class CostStatement(Statement):
    amount: Word
    currency: Word | None = None


@syntax
class NoteStatement(Statement):
    text: str


@syntax
class LinkStatement(Statement):
    url: Word


@syntax
class FlowStatement(Statement):
    """`a -> b --> c "label"`: n endpoints joined by n-1 arrows."""

    endpoints: tuple[Word, ...]
    arrows: tuple[str, ...]
    label: str | None = None


AnyStatement = (
    TitleStatement
    | HeaderStatement
    | LabelStatement
    | PhaseStatement
    | StepStatement
    | ItemStatement
    | FailStatement
    | WaitStatement
    | DurationStatement
    | CostStatement
    | NoteStatement
    | LinkStatement
    | FlowStatement
)
