"""What surrounds the lanes: the header above, the legend and the lists below."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from blueprint.layout import style
from blueprint.layout.cards import BADGE_H, change_badge, duration_text, fail_marker, shift_badge, wait_marker
from blueprint.layout.measure import TextMeasurer
from blueprint.scene import Change, ChangeBadge, FailEntry, Marker, Rect, RemovedItem, Rule, Text, WaitEntry
from blueprint.layout.text import block, line
from blueprint.words import WORDS
from blueprint.model.types import Blueprint, Language, Line

if TYPE_CHECKING:
    from blueprint.analysis.diff_result import BlueprintDiff


def header(blueprint: Blueprint, m: TextMeasurer, x: float, top: float) -> tuple[list[Text], float]:
    """Title, description, and a meta line (state, segments, owner, version, promise)."""
    w = WORDS[blueprint.lang]
    width = 1100
    texts, height = block(m, "title", blueprint.title or "", x, top, width, style.TITLE_SIZE, bold=True, max_lines=2)
    cursor = top + height + 4
    if blueprint.description:
        more, more_height = block(m, "description", blueprint.description, x, cursor, width, style.META_SIZE,
                                  max_lines=3)
        texts += more
        cursor += more_height + 2
    meta = [w[blueprint.state.value]]
    meta += [f"{w['segment']}{w['colon']}{segment}" for segment in blueprint.segments]
    if blueprint.owner:
        meta.append(f"{w['owner']}{w['colon']}{blueprint.owner}")
    if blueprint.version:
        meta.append(f"{w['version']}{w['colon']}{blueprint.version}")
    if blueprint.max_wait:
        meta.append(f"{w['max_wait']}{w['colon']}{blueprint.max_wait.text}")
    more, more_height = block(m, "meta", "  ·  ".join(meta), x, cursor, width, style.META_SIZE, bold=False,
                              max_lines=2)
    texts += more
    cursor += more_height
    return texts, cursor - top


_LINE_STYLES = {"line-interaction": "solid", "line-visibility": "dashed", "line-internal": "dotted"}
# The kinds of flow the legend explains, in its order, each only when the
# drawing has an arrow of that kind. "recovery" is for connectors from a fail
# point to the action that recovers from it: once the layout draws them as
# arrows of that kind, the legend explains them with no change here (the
# theme then styles the sample through `legend-arrow-recovery`).
LEGEND_FLOW_KINDS = ("handoff", "deferred", "agreement", "recovery")
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
    if kind in ("badge-added", "badge-changed"):
        return change_badge(m, lang, kind.removeprefix("badge-"), x, y + (style.MARKER_H - BADGE_H) / 2)
    return None


def _legend_items(blueprint: Blueprint, flow_kinds: frozenset[str], marked: tuple[str, ...]) -> list[tuple[str, str]]:
    """What the legend explains, as (sample kind, words): the three lines, then
    only the marks this drawing uses, so that the legend is a key to it."""
    w = WORDS[blueprint.lang]
    items: list[tuple[str, str]] = [
        ("line-interaction", blueprint.line_label(Line.INTERACTION)),
        ("line-visibility", blueprint.line_label(Line.VISIBILITY)),
        ("line-internal", blueprint.line_label(Line.INTERNAL)),
    ]
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
    legend_words = {"badge-added": "legend_added", "badge-changed": "legend_changed",
                    "fail-introduced": "legend_introduced"}
    items += [(kind, w[legend_words[kind]]) for kind in marked]
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


@dataclass
class _Legend:
    texts: list[Text] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    badges: list[ChangeBadge] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)
    height: float = 0.0


def _legend(blueprint: Blueprint, m: TextMeasurer, x: float, top: float, right: float,
            flow_kinds: frozenset[str], marked: tuple[str, ...] = ()) -> _Legend:
    """A sample of each line and of each mark the drawing uses, with what it
    means, flowing in rows; the `marked` samples of a comparison drawing
    (badge-added, badge-changed, fail-introduced) come last."""
    size = style.LEGEND_SIZE
    legend = _Legend()
    cursor_x, cursor_y, row_height = x, top, 24
    for kind, label in _legend_items(blueprint, flow_kinds, marked):
        probe = _sample_badge(m, kind, 0, 0, blueprint.lang)
        sample_width = probe.width if probe else _SAMPLE_W
        item_width = sample_width + 8 + m.width(label, size) + 22
        if cursor_x > x and cursor_x + item_width > right:
            cursor_x, cursor_y = x, cursor_y + row_height
        middle = cursor_y + row_height / 2
        if kind in _LINE_STYLES:
            legend.rules.append(Rule(role=kind, x1=cursor_x, y1=middle, x2=cursor_x + sample_width, y2=middle,
                                     style=_LINE_STYLES[kind]))
        elif kind.startswith("arrow-"):
            legend.rules.append(Rule(role=f"legend-{kind}", x1=cursor_x, y1=middle, x2=cursor_x + sample_width,
                                     y2=middle, style="dashed" if kind == "arrow-deferred" else "solid"))
        elif kind == "link":
            frame, mark = _link_sample(cursor_x, middle)
            legend.rects.append(frame)
            legend.rules += mark
        else:
            sample = _sample_badge(m, kind, cursor_x, middle - style.MARKER_H / 2, blueprint.lang)
            (legend.badges if isinstance(sample, ChangeBadge) else legend.markers).append(sample)
        legend.texts.append(line(m, "legend-text", label, cursor_x + sample_width + 8, middle + size * 0.36, size))
        cursor_x += item_width
    legend.height = cursor_y + row_height - top
    return legend


@dataclass
class Footer:
    """What goes below the lanes, and its height."""

    texts: list[Text]
    markers: list[Marker]
    rules: list[Rule]
    fails: list[FailEntry]
    waits: list[WaitEntry]
    height: float
    badges: list[ChangeBadge] = field(default_factory=list)
    removed: list[RemovedItem] = field(default_factory=list)
    rects: list[Rect] = field(default_factory=list)


def footer(blueprint: Blueprint, m: TextMeasurer, x: float, top: float, right: float, labels: dict[str, str],
           compare: BlueprintDiff | None = None, marked: tuple[str, ...] = (),
           flow_kinds: Iterable[str] | None = None) -> Footer:
    """Legend, then (in a comparison drawing) the changes, then the numbered
    fail and wait points, so a printout carries everything. `flow_kinds` are
    the kinds of the arrows drawn (by default, of the blueprint's flows)."""
    w = WORDS[blueprint.lang]
    kinds = frozenset(flow_kinds if flow_kinds is not None else (flow.kind.value for flow in blueprint.flows))
    legend = _legend(blueprint, m, x, top, right, kinds, marked)
    texts, rules, markers, badges = legend.texts, legend.rules, legend.markers, legend.badges
    cursor = top + legend.height + 14
    removed: list[RemovedItem] = []
    if compare is not None:
        more_texts, more_rules, removed, more_height = _changes(blueprint, m, x, cursor, right, compare, labels)
        texts += more_texts
        rules += more_rules
        cursor += more_height + 14
    limit = blueprint.max_wait.seconds if blueprint.max_wait else None
    fails: list[FailEntry] = []
    waits: list[WaitEntry] = []
    for fail in blueprint.fail_points():
        recovery = labels.get(fail.recover, fail.recover) if fail.recover else None
        fails.append(FailEntry(number=fail.number, action=fail.action, action_label=labels.get(fail.action, fail.action),
                               description=fail.description, severity=fail.severity.value if fail.severity else None,
                               recovery=recovery))
    for wait in blueprint.wait_points():
        waits.append(WaitEntry(number=wait.number, action=wait.action, action_label=labels.get(wait.action, wait.action),
                               duration=duration_text(wait.duration), description=wait.description,
                               over_limit=limit is not None and wait.duration.max.seconds > limit))
    column_width = (right - x - 24) / 2
    sep, colon = w["sep"], w["colon"]
    columns = [
        (w["fail_points"], [
            (fail_marker(m, f.number, f.severity, f.action, 0, 0),
             f"{f.action_label}{colon}{f.description}{sep}"
             + (f"{w['severity']}{colon}{w[f.severity]}" if f.severity else w["not_rated"])
             + sep + (f"{w['recovery']}{colon}{f.recovery}" if f.recovery else w["no_recovery"]))
            for f in fails
        ]),
        (w["wait_points"], [
            (wait_marker(m, e.number, "", e.over_limit, e.action, 0, 0),
             f"{e.action_label}{colon}{e.duration}" + (f"{sep}{e.description}" if e.description else "")
             + (f"{sep}{w['beyond']} {blueprint.max_wait.text}" if e.over_limit and blueprint.max_wait else ""))
            for e in waits
        ]),
    ]
    bottoms = []
    indent = max((sample.width for _heading, rows in columns for sample, _text in rows), default=0) + 10
    for index, (heading, rows) in enumerate(columns):
        if not rows:
            continue
        left = x + index * (column_width + 24)
        y = cursor
        texts.append(line(m, "points-heading", heading, left, y + style.LIST_HEAD_SIZE, style.LIST_HEAD_SIZE,
                          bold=True))
        y += style.LIST_HEAD_SIZE + 10
        rules.append(Rule(role="list-rule", x1=left, y1=y - 4, x2=left + column_width, y2=y - 4))
        for sample, text in rows:
            shift_badge(sample, left - sample.x, y + 1 - sample.y)
            markers.append(sample)
            lines, text_height = block(m, "points-text", text, left + indent, y + 2, column_width - indent,
                                       style.LIST_SIZE, max_lines=4)
            texts += lines
            y += max(text_height, style.MARKER_H) + 8
        bottoms.append(y)
    end = max(bottoms) if bottoms else cursor
    return Footer(texts, markers, rules, fails, waits, end - top, badges, removed, legend.rects)


# --- comparison drawings ----------------------------------------------------------


def _fail_actions(compare: BlueprintDiff) -> set[str]:
    """Kept actions whose fail points changed, came or went (as marks() counts them)."""
    points = compare.fail_points
    return {change.action for change in points.changed} | {
        ref.action for ref in (*points.resolved, *points.introduced) if ref.action_status == "kept"}


def card_changes(compare: BlueprintDiff, lang: Language) -> dict[str, tuple[Change, str]]:
    """Each added or changed action's mark, with the words its card's details
    give it ("changed: label, step")."""
    w = WORDS[lang]
    names = w["change_fields"]
    marks = compare.marks()
    fields = {action.id: [change.field for change in action.changes] for action in compare.actions.changed}
    fail_actions = _fail_actions(compare)
    out: dict[str, tuple[Change, str]] = {}
    for action_id in marks.changed_actions:
        said = [names.get(name, name) for name in fields.get(action_id, [])]
        if action_id in fail_actions:
            said.append(names["fail"])
        out[action_id] = ("changed", f"{w['change_changed']}{w['colon']}{w['list_join'].join(dict.fromkeys(said))}")
    for action_id in marks.added_actions:
        out[action_id] = ("added", w["change_added"])
    return out


def _counts(compare: BlueprintDiff, w: dict) -> str:
    """One line: what came, changed and went, by kind; only what happened."""
    marks = compare.marks()
    kinds = [
        ("n_steps", [("n_added", len(marks.added_steps)), ("n_changed", len(marks.changed_steps)),
                     ("n_removed", len(marks.removed_steps))]),
        ("n_actions", [("n_added", len(marks.added_actions)), ("n_changed", len(marks.changed_actions)),
                       ("n_removed", len(marks.removed_actions))]),
        ("n_fails", [("n_introduced", len(compare.fail_points.introduced)),
                     ("n_resolved", len(compare.fail_points.resolved))]),
        ("n_flows", [("n_added", len(compare.flows.added)), ("n_removed", len(compare.flows.removed))]),
    ]
    parts = []
    for kind, counts in kinds:
        said = [w[key].format(n=count) for key, count in counts if count]
        if said:
            parts.append(f"{w[kind]}{w['colon']}{w['list_join'].join(said)}")
    return w["sep"].join(parts) or w["no_changes"]


def change_summary(compare: BlueprintDiff, lang: Language) -> str:
    """The heading and counts of the changes as one sentence, for screen readers."""
    w = WORDS[lang]
    return f"{_changes_heading(compare, w)}{w['stop']}{w['sentence_join']}{_counts(compare, w)}{w['stop']}"


def _changes_heading(compare: BlueprintDiff, w: dict) -> str:
    state = w[f"from_{compare.old.state.value}"]
    if compare.old.title:
        return w["changes_from_title"].format(state=state, title=compare.old.title)
    return w["changes_from"].format(state=state)


def _changes(blueprint: Blueprint, m: TextMeasurer, x: float, top: float, right: float, compare: BlueprintDiff,
             labels: dict[str, str]) -> tuple[list[Text], list[Rule], list[RemovedItem], float]:
    """The changes block: a heading, the counts, the customer's wait and
    contacts before → after, then what was removed (by step) and the fail
    points resolved, each list flowing in two columns."""
    w = WORDS[blueprint.lang]
    colon, sep, becomes = w["colon"], w["sep"], w["becomes"]
    texts: list[Text] = []
    rules: list[Rule] = []
    width = right - x
    lines, height = block(m, "list-heading", _changes_heading(compare, w), x, top, width, style.LIST_HEAD_SIZE,
                          bold=True, max_lines=2)
    texts += lines
    y = top + height + 6
    rules.append(Rule(role="list-rule", x1=x, y1=round(y - 4, 2), x2=round(right, 2), y2=round(y - 4, 2)))
    wait = compare.customer_wait
    contacts = compare.customer_contacts
    figures = (f"{w['customer_wait']}{colon}{_range(wait.old.text)}{becomes}{_range(wait.new.text)}{sep}"
               f"{w['customer_contacts']}{colon}{contacts.old}{becomes}{contacts.new}")
    for text, bold in ((_counts(compare, w), False), (figures, True)):
        lines, height = block(m, "list-text", text, x, y + 2, width, style.LIST_SIZE, bold=bold, max_lines=3)
        texts += lines
        y += height + 4
    removed, entries = _removed(blueprint, compare, w)
    y = _two_columns(m, w["removed_items"], entries, x, y, width, texts, rules)
    gone_labels = {action.id: action.label for action in compare.actions.removed}
    resolved = [
        [(f"{fail.description}{w['open']}{labels.get(fail.action) or gone_labels.get(fail.action, fail.action)}"
          f"{w['list_join']}{w['was_number'].format(n=fail.number)}{w['close']}", False, 0.0)]
        for fail in compare.fail_points.resolved
    ]
    y = _two_columns(m, w["resolved_fails"], resolved, x, y, width, texts, rules)
    return texts, rules, removed, y - top


# An entry of a list in the changes block: lines of (text, bold, indent).
_Entry = list[tuple[str, bool, float]]


def _removed(blueprint: Blueprint, compare: BlueprintDiff, w: dict) -> tuple[list[RemovedItem], list[_Entry]]:
    """The removed steps and actions as scene items, and as list entries: one
    per step (in the compared-with file's order), its removed actions under it."""
    new_steps = {step.id: step.label for step in blueprint.steps}
    gone_steps = {step.id: step.label for step in compare.steps.removed}
    step_label = {**gone_steps, **new_steps}
    items = [RemovedItem(kind="step", id=step.id, label=step.label, step=step.label)
             for step in compare.steps.removed]
    items += [RemovedItem(kind="action", id=action.id, label=action.label, lane=action.lane.value,
                          step=step_label.get(action.step, action.step))
              for action in compare.actions.removed]
    # Steps in the old file's order: those of the removed actions as they come,
    # each removed step without removed actions after the removed step before it.
    order: list[str] = list(dict.fromkeys(action.step for action in compare.actions.removed))
    for index, step in enumerate(compare.steps.removed):
        if step.id not in order:
            placed = [earlier.id for earlier in compare.steps.removed[:index] if earlier.id in order]
            order.insert(order.index(placed[-1]) + 1 if placed else 0, step.id)
    entries: list[_Entry] = []
    for step_id in order:
        head = step_label.get(step_id, step_id)
        if step_id in gone_steps:
            head += f"{w['open']}{w['step_removed']}{w['close']}"
        entry: _Entry = [(head, True, 0.0)]
        entry += [(f"{action.label}{w['open']}{blueprint.lane_label(action.lane)}{w['close']}", False, 12.0)
                  for action in compare.actions.removed if action.step == step_id]
        entries.append(entry)
    return items, entries


def _two_columns(m: TextMeasurer, heading: str, entries: list[_Entry], x: float, top: float, width: float,
                 texts: list[Text], rules: list[Rule]) -> float:
    """A headed list whose entries flow down the left column, then the right,
    about half in each, never splitting an entry. Returns its bottom."""
    if not entries:
        return top
    column_width = (width - 24) / 2

    def lay(entry: _Entry, left: float, y: float) -> tuple[list[Text], float]:
        out: list[Text] = []
        for text, bold, indent in entry:
            lines, height = block(m, "list-text", text, left + indent, y, column_width - indent, style.LIST_SIZE,
                                  bold=bold, max_lines=3)
            out += lines
            y += height + 1
        return out, y + 4

    heights = [lay(entry, 0, 0)[1] for entry in entries]
    y = top + 10
    texts.append(line(m, "list-heading", heading, x, y + style.LIST_HEAD_SIZE, style.LIST_HEAD_SIZE, bold=True))
    y += style.LIST_HEAD_SIZE + 10
    rules.append(Rule(role="list-rule", x1=round(x, 2), y1=round(y - 4, 2), x2=round(x + width, 2),
                      y2=round(y - 4, 2)))
    column_top, left, bottom, used = y + 2, x, y, 0.0
    y = column_top
    for entry, height in zip(entries, heights):
        if left == x and used > 0 and used + height / 2 > sum(heights) / 2:
            left, y = x + column_width + 24, column_top
        lines, y = lay(entry, left, y)
        texts += lines
        used += height
        bottom = max(bottom, y)
    return bottom


def _range(text: str) -> str:
    return text.replace("..", "–")
