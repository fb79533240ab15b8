"""The scene's nodes: text, shapes, cards, arrows, badges and the fail and
wait lists, and the base every node of the scene shares (see blueprint.scene)."""

from __future__ import annotations

from typing import ClassVar, Literal

from blueprint.slotted import Record, record
from blueprint.vocabulary import ConfidenceName, FlowKindName, LaneName, SeverityName


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
    _optional_fields = ("step", "link")

    kind: Literal["fail", "wait", "control", "key", "channel", "scenario", "detail"]
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
    link: str | None = None  # a detail tag's blueprint, as its `detail` names it (a relative .bp path)


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
    _optional_fields = ("confidence", "role", "role_line", "decision_mark", "decision_lines", "scenarios")

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
    # The scenarios an action belongs to, when only some of the blueprint's (none: every one).
    scenarios: tuple[str, ...] = ()


@record
class Arrow(SceneNode):
    """A flow routed orthogonally around cards: `points` run from source to target."""

    _optional_fields = ("scenarios",)

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
    # The scenarios the flow belongs to, when only some of the blueprint's (none: every one).
    scenarios: tuple[str, ...] = ()


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
