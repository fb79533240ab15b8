"""The syntax tree: one typed statement per line, exactly as written.

Nothing here knows what a lane or a duration means; the model builder does.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from blueprint.source import Span


class Word(BaseModel):
    """A bare word or number as written, with where it stands."""

    model_config = ConfigDict(frozen=True)

    text: str
    span: Span


class Statement(BaseModel):
    model_config = ConfigDict(frozen=True)

    span: Span


class TitleStatement(Statement):
    title: str


class HeaderStatement(Statement):
    """`description`, `segment`, `owner`, `version`, `state`, `lang` or `max-wait`."""

    keyword: str
    value: Word


class LabelStatement(Statement):
    """`lane NAME "Label"` or `line NAME "Label"`."""

    keyword: str
    name: Word
    label: str


class PhaseStatement(Statement):
    name: str


class StepStatement(Statement):
    id: Word
    label: str


class ItemStatement(Statement):
    """An action (`customer arrive "…"`) or evidence (`evidence "…"`)."""

    lane: Word
    id: Word | None
    label: str


class FailStatement(Statement):
    description: str
    severity: Word | None = None
    recover: Word | None = None


class RangeText(BaseModel):
    model_config = ConfigDict(frozen=True)

    min: Word
    max: Word | None
    span: Span


class WaitStatement(Statement):
    range: RangeText
    description: str | None = None


class DurationStatement(Statement):
    range: RangeText


class CostStatement(Statement):
    amount: Word
    currency: Word | None = None


class NoteStatement(Statement):
    text: str


class LinkStatement(Statement):
    url: Word


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
