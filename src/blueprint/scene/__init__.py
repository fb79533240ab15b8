"""The scene: a fully positioned, renderer-neutral picture of a blueprint.

Layout produces it; renderers (SVG, HTML, PNG, DOT) only turn it into bytes.
Coordinates are px in a top-left origin. Nothing here says how a thing looks:
`role` names what it is, and each renderer's theme decides colour and stroke.
Text is already measured, wrapped and split into font runs, so no renderer
measures text.

The nodes are slotted dataclasses rather than pydantic models: a drawing of
a thousand actions has some forty thousand of them, and a model instance takes
about nine times the memory of a slotted one and four times as long to make.
The layout is their only producer; at the boundary, where a scene comes from
outside (a file, another process), `scene_from_data` validates it with
pydantic against these same classes, and `scene_data` turns one into plain
JSON data. They are not frozen (that would nearly triple the cost of defining
them, on every start of the command line), but nothing changes a scene once
the layout has made it: renderers only read it, and a test holds them to that.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from blueprint.slotted import Record, record
from blueprint.vocabulary import ConfidenceName, RoleKindName
from blueprint.vocabulary import ActionLaneName, FlowKindName, LaneName, LanguageName, NoteKindName, SeverityName

if TYPE_CHECKING:
    from pydantic import TypeAdapter

# What a comparison drawing marks: something new since the blueprint it is
# compared with, or something that was there and changed.
Change = Literal["added", "changed"]


class SceneNode(Record):
    __slots__ = ()
    # Fields a drawing fills in only when its blueprint uses what they show
    # (controls, emotion, metrics, research notes): left empty, they are left
    # out of the node's data, so a drawing without them serialises as before.
    _optional_fields: ClassVar[tuple[str, ...]] = ()


class _WithComparison(SceneNode):
    """A node with fields only a comparison drawing fills in. Left empty they
    are left out of the node's data too, so a plain scene serialises exactly
    as it did before comparisons existed."""

    __slots__ = ()
    _comparison_fields: ClassVar[tuple[str, ...]] = ()


@record
class Point(SceneNode):
    x: float
    y: float


@record
class TextSpan(SceneNode):
    """A piece of one line drawn from `x`: lines mixing Latin and CJK are split
    so each run starts where the measurer says it does, whatever font draws it."""

    x: float
    text: str


@record
class Text(SceneNode):
    """One line of text; `y` is the baseline."""

    role: str
    y: float
    size: float
    bold: bool = False
    italic: bool = False
    spans: tuple[TextSpan, ...]

    @property
    def content(self) -> str:
        return "".join(span.text for span in self.spans)


@record
class Rect(SceneNode):
    role: str
    x: float
    y: float
    width: float
    height: float
    radius: float = 0


@record
class Rule(SceneNode):
    """A straight line: the three blueprint lines, separators, table rules."""

    role: str
    x1: float
    y1: float
    x2: float
    y2: float
    style: Literal["solid", "dashed", "dotted", "dash-dot", "long-dash"] = "solid"


@record
class Marker(_WithComparison):
    """A fail (F), wait (W) or control (C) badge. Fail badges are circles, wait
    badges rounded rectangles, control badges square-cornered, so they differ
    by shape, not colour alone."""

    _comparison_fields = ("change",)
    _optional_fields = ("step",)

    kind: Literal["fail", "wait", "control", "key", "channel"]
    number: int
    action: str | None = None  # None for the legend's sample markers
    x: float
    y: float
    width: float
    height: float
    label: Text
    severity: SeverityName | None = None
    over_limit: bool = False
    change: Literal["introduced"] | None = None  # a fail point the compared-with blueprint did not have
    step: str | None = None  # the key step a K badge marks (its action is None)


@record
class ChangeBadge(SceneNode):
    """The NEW or CHANGED tag of a comparison drawing, on a card, on a step's
    head or in the legend. Its word says what it means, so it reads the same
    in greyscale."""

    change: Change
    x: float
    y: float
    width: float
    height: float
    label: Text


@record
class Detail(SceneNode):
    """A fact shown on hover in interactive renderings (the static list below the
    diagram carries the fail and wait points for print)."""

    key: str
    value: str


@record
class Card(_WithComparison):
    """An action (or a piece of evidence) in its cell."""

    _comparison_fields = ("change", "badge")
    # Left out of the scene's data when empty: most cards have none of these.
    _optional_fields = ("confidence", "role", "role_line", "decision_mark", "decision_lines")

    id: str
    kind: Literal["action", "evidence"]
    lane: LaneName
    step: str
    x: float
    y: float
    width: float
    height: float
    label: str  # the full label, for tooltips and accessibility
    lines: tuple[Text, ...]  # the label as drawn (wrapped, maybe ellipsised)
    markers: tuple[Marker, ...] = ()
    details: tuple[Detail, ...] = ()
    links: tuple[str, ...] = ()
    change: Change | None = None
    badge: ChangeBadge | None = None
    # Set on every action card of a blueprint that says how sure its actions are.
    confidence: ConfidenceName | None = None
    # Who performs an action (its role's ID), and the role's label as drawn, quietly, at the card's foot.
    role: str | None = None
    role_line: Text | None = None
    # A decision card: the diamond (drawn inside this box) and the question beside it, under the label.
    decision_mark: Rect | None = None
    decision_lines: tuple[Text, ...] = ()


@record
class Arrow(SceneNode):
    """A flow routed orthogonally around cards: `points` run from source to target."""

    id: str
    source: str
    target: str
    kind: FlowKindName
    points: tuple[Point, ...]
    head_start: bool = False
    head_end: bool = True
    crosses: tuple[str, ...] = ()  # the blueprint lines it crosses, top to bottom
    label: tuple[Text, ...] = ()
    label_box: Rect | None = None
    # Joins a label set off its arrow to the arrow: from the arrow to the label's edge.
    label_leader: Rule | None = None


@record
class RecoveryTag(SceneNode):
    """On the card of a recovering action: which fail point it puts right
    (fail point `number`, on the card of `fail_action`)."""

    number: int
    fail_action: str
    action: str
    x: float
    y: float
    width: float
    height: float
    label: Text


@record
class FailEntry(SceneNode):
    number: int
    action: str
    action_label: str
    description: str
    severity: SeverityName | None
    recovery: str | None  # the recovering action's label


@record
class WaitEntry(SceneNode):
    number: int
    action: str
    action_label: str
    duration: str
    description: str | None
    over_limit: bool


@record
class RoleEntry(SceneNode):
    """A declared role: its ID (the cards' `role`), label and kind."""

    id: str
    label: str
    kind: RoleKindName | None = None


@record
class KeyEntry(SceneNode):
    """A key step (`action` None) or key action, as the list under the drawing names it."""

    number: int
    step: str
    action: str | None
    label: str  # the step's or the action's
    reason: str | None


@record
class ControlEntry(SceneNode):
    """A policy, regulation or control, numbered C1, C2, … in document order,
    on a step as a whole (`action` None) or on one action."""

    number: int
    step: str
    action: str | None
    action_label: str | None
    text: str
    reference: str | None


@record
class EmotionEntry(SceneNode):
    """How the customer feels at a step, -2..+2, as the emotion row draws it."""

    step: str
    score: int
    note: str | None


@record
class MetricEntry(SceneNode):
    """A measure of a phase (`step` None) or of a step, its value as drawn (12%, 1,200)."""

    phase: str | None
    step: str | None
    name: str
    value: str


@record
class NoteEntry(SceneNode):
    """A research note on a step as a whole (`action` None) or on one action;
    `rating` is a pain point's severity or an idea's or opportunity's impact."""

    kind: NoteKindName
    step: str
    action: str | None
    action_label: str | None
    text: str
    rating: SeverityName | None


@record
class RowBand(SceneNode):
    """A row the blueprint uses, over the lanes (the customer's emotion) or
    under them (controls, …), for renderers that rebuild structure (DOT, HTML)."""

    kind: Literal["controls", "emotion", "metrics", "notes"]
    label: str
    y: float
    height: float


@record
class LaneBand(SceneNode):
    """A row of the blueprint, for renderers that rebuild structure (DOT, HTML)."""

    lane: LaneName
    label: str
    y: float
    height: float


@record
class Column(_WithComparison):
    """A step's column."""

    _comparison_fields = ("change",)
    _optional_fields = ("key_marker", "channel_tag", "channel_note")

    step: str
    label: str
    phase: str | None
    x: float
    width: float
    change: Change | None = None
    key_marker: Marker | None = None  # a key step's K badge, under its label
    channel_tag: Marker | None = None  # the tag of the step's channel, under its label
    channel_note: str | None = None  # the channel and why, in words (the text version)


@record
class RemovedItem(SceneNode):
    """A step or an action of the compared-with blueprint that this one no longer has."""

    kind: Literal["step", "action"]
    id: str
    label: str
    lane: ActionLaneName | None = None  # actions only
    step: str  # the label of its step (a step's own label)


# A whole drawing can also be referred to weakly (tests check that rendering
# does not keep it alive).
@dataclass(slots=True, kw_only=True, weakref_slot=True, repr=False, eq=False)
class Scene(_WithComparison):
    _comparison_fields = ("badges", "removed")
    _optional_fields = ("rows", "control_list", "emotions", "metrics", "notes", "roles", "key_list")

    width: float
    height: float
    title: str
    description: str  # one sentence for <desc> and screen readers
    lang: LanguageName
    font_family: str
    lanes: tuple[LaneBand, ...] = ()
    columns: tuple[Column, ...] = ()
    # Paint order: backgrounds, rules, cards, arrows, texts.
    rects: tuple[Rect, ...] = ()
    rules: tuple[Rule, ...] = ()
    cards: tuple[Card, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    markers: tuple[Marker, ...] = ()  # free-standing ones (legend, lists)
    texts: tuple[Text, ...] = ()
    recoveries: tuple[RecoveryTag, ...] = ()  # drawn over flows, under texts
    fail_list: tuple[FailEntry, ...] = ()
    wait_list: tuple[WaitEntry, ...] = ()
    max_wait: str | None = None
    # Comparison drawings only: free-standing badges (step heads, legend) and
    # what the compared-with blueprint had that this one has not.
    badges: tuple[ChangeBadge, ...] = ()
    removed: tuple[RemovedItem, ...] = ()
    # Drawn only when the blueprint uses them.
    rows: tuple[RowBand, ...] = ()
    control_list: tuple[ControlEntry, ...] = ()
    emotions: tuple[EmotionEntry, ...] = ()
    metrics: tuple[MetricEntry, ...] = ()
    notes: tuple[NoteEntry, ...] = ()
    # The declared roles, for the legend, the HTML page's role picker and the text version.
    roles: tuple[RoleEntry, ...] = ()
    key_list: tuple[KeyEntry, ...] = ()  # the key steps and actions, K1, K2, …


# --- plain data at the boundary ---------------------------------------------------


def scene_data(item: Any) -> Any:
    """A scene (or any node of it) as plain JSON data: dicts in field order,
    lists for tuples, comparison fields left out when empty."""
    if is_dataclass(item):
        kind = type(item)
        omit_if_empty = (*getattr(kind, "_comparison_fields", ()), *getattr(kind, "_optional_fields", ()))
        floats = _float_fields(type(item))
        data = {}
        for field in fields(item):
            value = getattr(item, field.name)
            if field.name in omit_if_empty and value in (None, ()):
                continue
            # A coordinate the layout computed as a whole number is still a float.
            data[field.name] = float(value) if field.name in floats and type(value) is int else scene_data(value)
        return data
    if isinstance(item, tuple):
        return [scene_data(value) for value in item]
    return item


@cache
def _float_fields(node_class: type) -> frozenset[str]:
    return frozenset(field.name for field in fields(node_class) if field.type in ("float", "float | None"))


def scene_from_data(data: Any) -> Scene:
    """A scene from plain data (as `scene_data` or JSON gives it), validated
    by pydantic against the node classes; pydantic.ValidationError if it does
    not fit them."""
    return _scene_adapter().validate_python(data)


@cache
def _scene_adapter() -> TypeAdapter[Scene]:
    from pydantic import TypeAdapter  # built only when a scene comes from outside

    return TypeAdapter(Scene)
