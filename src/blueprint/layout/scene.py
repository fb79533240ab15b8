"""The scene: a fully positioned, renderer-neutral picture of a blueprint.

Layout produces it; renderers (SVG, HTML, PNG, DOT) only turn it into bytes.
Coordinates are px in a top-left origin. Nothing here says how a thing looks:
`role` names what it is, and each renderer's theme decides colour and stroke.
Text is already measured, wrapped and split into font runs, so no renderer
measures text.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer

# What a comparison drawing marks: something new since the blueprint it is
# compared with, or something that was there and changed.
Change = Literal["added", "changed"]


class SceneNode(BaseModel):
    model_config = ConfigDict(frozen=True)


class _WithComparison(SceneNode):
    """A node with fields only a comparison drawing fills in. Left empty they
    are left out of the node's JSON too, so a plain scene serialises exactly
    as it did before comparisons existed."""

    _comparison_fields: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _without_empty_comparison(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        for name in self._comparison_fields:
            if name in data and data[name] in (None, (), []):
                del data[name]
        return data


class Point(SceneNode):
    x: float
    y: float


class TextSpan(SceneNode):
    """A piece of one line drawn from `x`: lines mixing Latin and CJK are split
    so each run starts where the measurer says it does, whatever font draws it."""

    x: float
    text: str


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


class Rect(SceneNode):
    role: str
    x: float
    y: float
    width: float
    height: float
    radius: float = 0


class Rule(SceneNode):
    """A straight line: the three blueprint lines, separators, table rules."""

    role: str
    x1: float
    y1: float
    x2: float
    y2: float
    style: Literal["solid", "dashed", "dotted"] = "solid"


class Marker(_WithComparison):
    """A fail (F) or wait (W) point badge. Fail badges are circles, wait badges
    rounded rectangles, so they differ by shape, not colour alone."""

    _comparison_fields = ("change",)

    kind: Literal["fail", "wait"]
    number: int
    action: str | None = None  # None for the legend's sample markers
    x: float
    y: float
    width: float
    height: float
    label: Text
    severity: Literal["low", "medium", "high"] | None = None
    over_limit: bool = False
    change: Literal["introduced"] | None = None  # a fail point the compared-with blueprint did not have


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


class Detail(SceneNode):
    """A fact shown on hover in interactive renderings (the static list below the
    diagram carries the fail and wait points for print)."""

    key: str
    value: str


class Card(_WithComparison):
    """An action (or a piece of evidence) in its cell."""

    _comparison_fields = ("change", "badge")

    id: str
    kind: Literal["action", "evidence"]
    lane: Literal["evidence", "customer", "onstage", "backstage", "support"]
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


class Arrow(SceneNode):
    """A flow routed orthogonally around cards: `points` run from source to target."""

    id: str
    source: str
    target: str
    kind: Literal["handoff", "deferred", "agreement"]
    points: tuple[Point, ...]
    head_start: bool = False
    head_end: bool = True
    crosses: tuple[str, ...] = ()  # the blueprint lines it crosses, top to bottom
    label: tuple[Text, ...] = ()
    label_box: Rect | None = None


class FailEntry(SceneNode):
    number: int
    action: str
    action_label: str
    description: str
    severity: str | None
    recovery: str | None  # the recovering action's label


class WaitEntry(SceneNode):
    number: int
    action: str
    action_label: str
    duration: str
    description: str | None
    over_limit: bool


class LaneBand(SceneNode):
    """A row of the blueprint, for renderers that rebuild structure (DOT, HTML)."""

    lane: Literal["evidence", "customer", "onstage", "backstage", "support"]
    label: str
    y: float
    height: float


class Column(_WithComparison):
    """A step's column."""

    _comparison_fields = ("change",)

    step: str
    label: str
    phase: str | None
    x: float
    width: float
    change: Change | None = None


class RemovedItem(SceneNode):
    """A step or an action of the compared-with blueprint that this one no longer has."""

    kind: Literal["step", "action"]
    id: str
    label: str
    lane: Literal["customer", "onstage", "backstage", "support"] | None = None  # actions only
    step: str  # the label of its step (a step's own label)


class Scene(_WithComparison):
    _comparison_fields = ("badges", "removed")

    width: float
    height: float
    title: str
    description: str  # one sentence for <desc> and screen readers
    lang: Literal["en", "zh"]
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
    fail_list: tuple[FailEntry, ...] = ()
    wait_list: tuple[WaitEntry, ...] = ()
    max_wait: str | None = None
    # Comparison drawings only: free-standing badges (step heads, legend) and
    # what the compared-with blueprint had that this one has not.
    badges: tuple[ChangeBadge, ...] = ()
    removed: tuple[RemovedItem, ...] = ()
