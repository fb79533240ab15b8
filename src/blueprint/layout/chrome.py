"""What surrounds the lanes: the header above; below, the legend
(blueprint.layout.legend), the changes of a comparison drawing
(blueprint.layout.changes) and the numbered fail and wait points."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from blueprint.layout import style
from blueprint.layout.cards import duration_text, fail_marker, shift_badge, wait_marker
from blueprint.layout.changes import changes_block
from blueprint.layout.legend import legend
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.practice_marks import key_entries, key_list_rows
from blueprint.scene import ChangeBadge, FailEntry, Marker, Rect, RemovedItem, Rule, Text, WaitEntry
from blueprint.layout.text import block, line
from blueprint.words import WORDS
from blueprint.model.types import Blueprint

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
    kinds = frozenset(flow_kinds if flow_kinds is not None else (flow.kind.value for flow in blueprint.flows))
    drawn = legend(blueprint, m, x, top, right, kinds, marked)
    texts, rules, markers, badges = drawn.texts, drawn.rules, drawn.markers, drawn.badges
    cursor = top + drawn.height + 14
    removed: list[RemovedItem] = []
    if compare is not None:
        more_texts, more_rules, removed, more_height = changes_block(blueprint, m, x, cursor, right, compare, labels)
        texts += more_texts
        rules += more_rules
        cursor += more_height + 14
    fails, waits = _point_entries(blueprint, labels)
    columns = _point_columns(blueprint, m, fails, waits)
    keys = key_entries(blueprint)
    if keys:  # a third list, of the key steps
        columns.append((WORDS[blueprint.lang]["key_steps"], key_list_rows(blueprint, m, keys)))  # type: ignore[arg-type]
    column_width = (right - x - 24 * (len(columns) - 1)) / len(columns)
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
    return Footer(texts, markers, rules, fails, waits, end - top, badges, removed, drawn.rects)




def _point_entries(blueprint: Blueprint, labels: dict[str, str]) -> tuple[list[FailEntry], list[WaitEntry]]:
    """The numbered fail and wait points, with the labels of their actions."""
    limit = blueprint.max_wait.seconds if blueprint.max_wait else None
    fails = [
        FailEntry(number=fail.number, action=fail.action, action_label=labels.get(fail.action, fail.action),
                  description=fail.description, severity=fail.severity.value if fail.severity else None,
                  recovery=labels.get(fail.recover, fail.recover) if fail.recover else None)
        for fail in blueprint.fail_points()
    ]
    waits = [
        WaitEntry(number=wait.number, action=wait.action, action_label=labels.get(wait.action, wait.action),
                  duration=duration_text(wait.duration), description=wait.description,
                  over_limit=limit is not None and wait.duration.max.seconds > limit)
        for wait in blueprint.wait_points()
    ]
    return fails, waits


def _point_columns(blueprint: Blueprint, m: TextMeasurer, fails: list[FailEntry],
                   waits: list[WaitEntry]) -> list[tuple[str, list[tuple[Marker, str]]]]:
    """The two lists under the drawing, as (heading, rows of badge and text)."""
    w = WORDS[blueprint.lang]
    sep, colon = w["sep"], w["colon"]
    return [
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
