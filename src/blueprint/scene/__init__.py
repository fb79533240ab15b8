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
from typing import TYPE_CHECKING, Any, Literal

from blueprint.scene.lists import (ControlEntry, EmotionEntry, KeyEntry, MetricEntry, NoteEntry, PhaseSummary,
                                   RoleEntry, RowBand, ScenarioEntry)
from blueprint.scene.nodes import (Arrow, Card, Change, ChangeBadge, Detail, FailEntry, Marker, Point, RecoveryTag,
                                   Rect, Rule, SceneNode, Text, TextSpan, WaitEntry, _WithComparison)
from blueprint.slotted import record
from blueprint.vocabulary import ActionLaneName, LaneName, LanguageName

if TYPE_CHECKING:
    from pydantic import TypeAdapter

__all__ = ["Arrow", "Card", "Change", "ChangeBadge", "Column", "ControlEntry", "Detail", "EmotionEntry", "FailEntry",
           "KeyEntry", "LaneBand", "Marker", "MetricEntry", "NoteEntry", "PhaseSummary", "Point", "RecoveryTag", "Rect",
           "RemovedItem", "RoleEntry", "RowBand", "Rule", "ScenarioEntry", "Scene", "SceneNode", "Text", "TextSpan",
           "WaitEntry",
           "scene_data", "scene_from_data"]


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
    _optional_fields = ("key_marker", "channel_tag", "channel_note", "scenario_tag", "scenarios", "detail_marker")

    step: str
    label: str
    phase: str | None
    x: float
    width: float
    change: Change | None = None
    key_marker: Marker | None = None  # a key step's K badge, under its label
    channel_tag: Marker | None = None  # the tag of the step's channel, under its label
    channel_note: str | None = None  # the channel and why, in words (the text version)
    # A step of only some scenarios: their tag, under its label, and their IDs.
    scenario_tag: Marker | None = None
    scenarios: tuple[str, ...] = ()
    detail_marker: Marker | None = None  # the tag of the blueprint that details the step, under its label


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
    _optional_fields = ("rows", "control_list", "emotions", "metrics", "notes", "roles", "key_list", "overview",
                        "scenarios")

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
    # An overview drawing (`--view overview`) only: its columns in words.
    overview: tuple[PhaseSummary, ...] = ()
    # The declared scenarios, for the legend, the HTML page's scenario picker and the text version.
    scenarios: tuple[ScenarioEntry, ...] = ()


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
