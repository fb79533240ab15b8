"""The legend under the lanes: a key to the drawing, with a sample of each
line and of each mark it uses and what that mark means, and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout import style
from blueprint.layout.cards import BADGE_H, change_badge, control_marker, fail_marker, wait_marker
from blueprint.layout.detail_marks import detail_tag
from blueprint.layout.frame import LINE_STYLE
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.practice_marks import channel_tag, decision_sample, key_marker
from blueprint.layout.recovery import TAG_H, TAG_SIZE
from blueprint.layout.scenario_marks import ScenarioTags, scenario_tag
from blueprint.layout.text import line
from blueprint.model.types import Blueprint, Language
from blueprint.scene import ChangeBadge, Marker, Rect, Rule, Text
from blueprint.words import WORDS


_LINE_STYLES = {f"line-{blueprint_line.value}": dash for blueprint_line, dash in LINE_STYLE.items()}
# The kinds of flow the legend explains, in its order, each only when the
# drawing has an arrow of that kind.
LEGEND_FLOW_KINDS = ("handoff", "deferred", "agreement")
# Legend samples are shaped like the real badges but carry no number, so no
# sample can be taken for, or contradict, a numbered badge of the drawing.
_SAMPLE_SEVERITY = {"fail-high": "high", "fail-medium": "medium", "fail-low": "low"}
_SAMPLE_W = 34  # lines, arrows and the linked card
_LINK_SAMPLE_H = 16


def _sample_badge(m: TextMeasurer, kind: str, x: float, y: float, lang: Language) -> Marker | ChangeBadge | None:
    if kind in _SAMPLE_SEVERITY:
        return fail_marker(m, None, _SAMPLE_SEVERITY[kind], None, x, y)
    if kind == "fail-introduced":
        return fail_marker(m, None, "high", None, x, y, change="introduced")
    if kind in ("wait", "over"):
        return wait_marker(m, None, "", kind == "over", None, x, y)
    if kind == "control":
        return control_marker(m, None, None, x, y)
    if kind == "key":
        return key_marker(m, None, None, x, y)
    if kind == "channel":
        return channel_tag(m, WORDS[lang]["channel"], None, x, y)  # type: ignore[arg-type]
    if kind.startswith("scenario:"):
        return scenario_tag(m, kind.removeprefix("scenario:"), None, x, y)
    if kind == "detail":
        return detail_tag(m, lang, None, None, x, y)
    if kind in ("badge-added", "badge-changed"):
        return change_badge(m, lang, kind.removeprefix("badge-"), x, y + (style.MARKER_H - BADGE_H) / 2)
    return None


def _legend_items(blueprint: Blueprint, flow_kinds: frozenset[str], marked: tuple[str, ...]) -> list[tuple[str, str]]:
    """What the legend explains, as (sample kind, words): the drawing's lines, then
    only the marks this drawing uses, so that the legend is a key to it."""
    w = WORDS[blueprint.lang]
    items: list[tuple[str, str]] = [(f"line-{drawn.value}", blueprint.line_label(drawn)) for drawn in blueprint.lines()]
    items += [(f"arrow-{kind}", w[f"legend_{kind}"]) for kind in LEGEND_FLOW_KINDS if kind in flow_kinds]
    severities = {fail.severity.value if fail.severity else None for fail in blueprint.fail_points()}
    items += [(f"fail-{level}", w[f"legend_fail_{level}"]) for level in ("high", "medium") if level in severities]
    thin = [word for level, word in (("low", "low"), (None, "unrated")) if level in severities]
    if thin:
        items.append(("fail-low", w[f"legend_fail_{'_'.join(thin)}"]))
    limit = blueprint.max_wait.seconds if blueprint.max_wait else None
    over = [limit is not None and wait.duration.max.seconds > limit for wait in blueprint.wait_points()]
    if not all(over):
        items.append(("wait", w["legend_wait"]))
    if any(over) and blueprint.max_wait:
        items.append(("over", f"{w['over']}{w['open']}{blueprint.max_wait.text}{w['close']}"))
    if any(action.links for action in blueprint.actions()):
        items.append(("link", w["legend_link"]))
    items += _practitioner_items(blueprint)
    if any(step.via or any(action.via for action in step.actions) for step in blueprint.steps):
        items.append(("channel", w["legend_channel"]))
    if blueprint.key_marks():
        items.append(("key", w["legend_key"]))
    if any(action.decision for action in blueprint.actions()):
        items.append(("decision", w["legend_decision"]))
    if any(step.detail or any(action.detail for action in step.actions) for step in blueprint.steps):
        items.append(("detail", w["legend_detail"]))
    recovered = blueprint.action_index()
    if any(fail.recover in recovered for fail in blueprint.fail_points()):
        items.append(("recovery", w["legend_recovery"]))
    items += _scenario_items(blueprint)
    legend_words = {"badge-added": "legend_added", "badge-changed": "legend_changed",
                    "fail-introduced": "legend_introduced"}
    items += [(kind, w[legend_words[kind]]) for kind in marked]
    return items


def _scenario_items(blueprint: Blueprint) -> list[tuple[str, str]]:
    """Each scenario's tag and label, and what no tag means, when some part belongs to only some."""
    tags = ScenarioTags(blueprint)
    if not tags.parts and not any(tags.flows):
        return []
    w = WORDS[blueprint.lang]
    items = [(f"scenario:{entry.tag}", entry.label + (f"{w['open']}{entry.segment}{w['close']}" if entry.segment else ""))
             for entry in tags.entries()]
    return [*items, ("scenario-every", str(w["legend_scenario_every"]))]


def _practitioner_items(blueprint: Blueprint) -> list[tuple[str, str]]:
    """The samples of the marks for what a practitioner adds, when used."""
    w = WORDS[blueprint.lang]
    items = []
    if blueprint.controls():
        items.append(("control", w["legend_control"]))
    if any(action.confidence for action in blueprint.actions()):
        used = {blueprint.confidence_of(action).value for action in blueprint.actions()}
        items += [(f"confidence-{value}", w[f"legend_{value}"])
                  for value in ("observed", "assumed", "proposed") if value in used]
    return items


def _link_sample(x: float, middle: float) -> tuple[Rect, list[Rule]]:
    """A small linked card: its heavier frame and the ↗ mark in its corner, as
    the SVG renderer draws them on a card (the mark 9 to 14 px in from the
    right edge, 4 to 9 px down from the top)."""
    top = middle - _LINK_SAMPLE_H / 2
    frame = Rect(role="legend-card-link", x=x, y=round(top, 2), width=_SAMPLE_W, height=_LINK_SAMPLE_H, radius=4)
    left, bottom = x + _SAMPLE_W - 14, top + 9
    mark = [((left, bottom), (left + 5, bottom - 5)), ((left + 2, bottom - 5), (left + 5, bottom - 5)),
            ((left + 5, bottom - 5), (left + 5, bottom - 2))]
    return frame, [Rule(role="legend-link-mark", x1=round(x1, 2), y1=round(y1, 2), x2=round(x2, 2), y2=round(y2, 2))
                   for (x1, y1), (x2, y2) in mark]


def _recovery_sample(m: TextMeasurer, x: float, middle: float) -> tuple[Rect, Text]:
    """The tag a recovering card carries ("recovery F2"), unnumbered."""
    top = middle - TAG_H / 2
    tag = Rect(role="recovery-shape", x=x, y=round(top, 2), width=_SAMPLE_W, height=TAG_H, radius=TAG_H / 2)
    text = line(m, "recovery-text", "F", x + _SAMPLE_W / 2, middle + TAG_SIZE * 0.36, TAG_SIZE, bold=True,
                anchor="middle")
    return tag, text


@dataclass
class Legend:
    texts: list[Text] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    badges: list[ChangeBadge] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)
    height: float = 0.0


def legend(blueprint: Blueprint, m: TextMeasurer, x: float, top: float, right: float,
            flow_kinds: frozenset[str], marked: tuple[str, ...] = ()) -> Legend:
    """A sample of each line and of each mark the drawing uses, with what it
    means, flowing in rows; the `marked` samples of a comparison drawing
    (badge-added, badge-changed, fail-introduced) come last."""
    size = style.LEGEND_SIZE
    drawn = Legend()
    cursor_x, cursor_y, row_height = x, top, 24
    for kind, label in _legend_items(blueprint, flow_kinds, marked):
        probe = _sample_badge(m, kind, 0, 0, blueprint.lang)
        sample_width = probe.width if probe else 0 if kind == "scenario-every" else _SAMPLE_W
        item_width = sample_width + 8 + m.width(label, size) + 22
        if cursor_x > x and cursor_x + item_width > right:
            cursor_x, cursor_y = x, cursor_y + row_height
        middle = cursor_y + row_height / 2
        if kind in _LINE_STYLES:
            drawn.rules.append(Rule(role=kind, x1=cursor_x, y1=middle, x2=cursor_x + sample_width, y2=middle,
                                     style=_LINE_STYLES[kind]))
        elif kind.startswith("arrow-"):
            drawn.rules.append(Rule(role=f"legend-{kind}", x1=cursor_x, y1=middle, x2=cursor_x + sample_width,
                                     y2=middle, style="dashed" if kind == "arrow-deferred" else "solid"))
        elif kind == "link":
            frame, mark = _link_sample(cursor_x, middle)
            drawn.rects.append(frame)
            drawn.rules += mark
        elif kind.startswith("confidence-"):
            drawn.rects.append(Rect(role=f"legend-{kind}", x=cursor_x, y=round(middle - _LINK_SAMPLE_H / 2, 2),
                                    width=_SAMPLE_W, height=_LINK_SAMPLE_H, radius=4))
        elif kind == "decision":
            drawn.rules += decision_sample(cursor_x, middle, sample_width)
        elif kind == "scenario-every":
            pass  # words only: what carries no tag
        elif kind == "recovery":
            tag, tag_text = _recovery_sample(m, cursor_x, middle)
            drawn.rects.append(tag)
            drawn.texts.append(tag_text)
        else:
            sample = _sample_badge(m, kind, cursor_x, middle - style.MARKER_H / 2, blueprint.lang)
            (drawn.badges if isinstance(sample, ChangeBadge) else drawn.markers).append(sample)
        drawn.texts.append(line(m, "legend-text", label, cursor_x + sample_width + 8, middle + size * 0.36, size))
        cursor_x += item_width
    drawn.height = cursor_y + row_height - top
    return drawn
