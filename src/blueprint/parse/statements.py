"""The syntax tree: one typed statement per line, exactly as written.

Nothing here knows what a lane or a duration means; the model builder does.
The statements are slotted dataclasses, not pydantic models: the parser's
callbacks build them from what the grammar accepted, so there is nothing
left to validate, and a long file has tens of thousands of them (a model
instance costs several times the memory and the time). The model the
builder makes from them is pydantic and validated.
"""

from __future__ import annotations

from blueprint.slotted import Record, record
from blueprint.source import Span


@record
class Word(Record):
    """A bare word or number as written, with where it stands."""

    text: str
    span: Span


@record
class Statement(Record):
    span: Span


@record
class TitleStatement(Statement):
    title: str


@record
class HeaderStatement(Statement):
    """`description`, `segment`, `owner`, `version`, `state`, `lang` or `max-wait`."""

    keyword: str
    value: Word


@record
class LabelStatement(Statement):
    """`lane NAME "Label"` or `line NAME "Label"`."""

    keyword: str
    name: Word
    label: str


@record
class PhaseStatement(Statement):
    name: str


@record
class StepStatement(Statement):
    id: Word
    label: str


@record
class ItemStatement(Statement):
    """An action (`customer arrive "…"`) or evidence (`evidence "…"`)."""

    lane: Word
    id: Word | None
    label: str


@record
class FailStatement(Statement):
    description: str
    severity: Word | None = None
    recover: Word | None = None


@record
class RangeText(Record):
    min: Word
    max: Word | None
    span: Span


@record
class WaitStatement(Statement):
    range: RangeText
    description: str | None = None


@record
class DurationStatement(Statement):
    range: RangeText


@record
class CostStatement(Statement):
    amount: Word
    currency: Word | None = None


@record
class NoteStatement(Statement):
    text: str


@record
class LinkStatement(Statement):
    url: Word


@record
class FlowStatement(Statement):
    """`a -> b "label" --> c`: n endpoints joined by n-1 arrows, each arrow
    with the label written after its target, or None. Which arrow a label
    names is the model builder's to say (a lone label at the end of a chain
    is the older form that names the first arrow)."""

    endpoints: tuple[Word, ...]
    arrows: tuple[str, ...]
    labels: tuple[Word | None, ...]


@record
class ControlStatement(Statement):
    """`control "Identity check under AML rules" ref "AML Law art. 16"`."""

    text: str
    reference: Word | None = None


@record
class EmotionStatement(Statement):
    """`emotion -1 "Annoyed by the queue"` or `emotion annoyed`: a score or a word of the scale."""

    score: Word
    note: str | None = None


@record
class MetricStatement(Statement):
    """`metric "Abandon rate" 12 "%"`: a name, a value as written, a unit."""

    name: str
    value: Word | None = None
    unit: str | None = None


@record
class ResearchStatement(Statement):
    """`pain "…" severity high`, `idea "…" impact high`, `opportunity "…"`, `question "…"`."""

    kind: str
    text: str
    rating: Word | None = None  # the severity of a pain, the impact of an idea or opportunity


@record
class ConfidenceStatement(Statement):
    """`confidence assumed`: how sure the action above is."""

    value: Word


@record
class RoleStatement(Statement):
    """`role agent "Insurance agent" staff`: a role declared, its kind optional."""

    id: Word
    label: str
    kind: Word | None = None


@record
class ByStatement(Statement):
    """`by agent`: the role that performs the action above."""

    role: Word


@record
class KeyStatement(Statement):
    """`key "Reason"`: the step or action above is a key one; the reason is optional."""

    reason: str | None = None


@record
class DecisionStatement(Statement):
    """`decision "Question?"`: the action above branches; the question is optional."""

    question: str | None = None


@record
class ChannelStatement(Statement):
    """`channel wechat "WeChat mini-program"`: a channel declared, or a built-in one relabelled."""

    id: Word
    label: str


@record
class ViaStatement(Statement):
    """`via branch "ID must be seen in person"`: the channel of the step or action above; the reason is optional."""

    channel: Word
    reason: str | None = None


@record
class ScenarioStatement(Statement):
    """`scenario online "Online application" segment "Salaried customers"`: a scenario declared."""

    id: Word
    label: str
    segment: str | None = None


@record
class OnlyStatement(Statement):
    """`only walk-in, missing`: the scenarios the step, action or flow line above belongs to."""

    scenarios: tuple[Word, ...]


@record
class DetailStatement(Statement):
    """`detail "identity-check.bp"`: the blueprint that details the step or action above."""

    path: Word


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
    | ControlStatement
    | EmotionStatement
    | MetricStatement
    | ResearchStatement
    | ConfidenceStatement
    | RoleStatement
    | ByStatement
    | KeyStatement
    | DecisionStatement
    | ChannelStatement
    | ViaStatement
    | ScenarioStatement
    | OnlyStatement
    | DetailStatement
)
