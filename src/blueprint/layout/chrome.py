"""What surrounds the lanes: the header above, the legend and the lists below."""

from __future__ import annotations

from blueprint.layout import style
from blueprint.layout.cards import duration_text, fail_marker, wait_marker
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.scene import FailEntry, Marker, Rule, Text, WaitEntry
from blueprint.layout.text import block, line
from blueprint.layout.words import WORDS
from blueprint.model.types import Blueprint, Line


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


def _sample_badge(m: TextMeasurer, kind: str, x: float, y: float) -> Marker | None:
    if kind == "fail":
        return fail_marker(m, 1, "high", None, x, y)
    if kind in ("wait", "over"):
        return wait_marker(m, 2 if kind == "over" else 1, "", kind == "over", None, x, y)
    return None


def _legend(blueprint: Blueprint, m: TextMeasurer, x: float, top: float, right: float):
    """Samples of each line, arrow and marker with what they mean, flowing in rows."""
    w = WORDS[blueprint.lang]
    size = style.LEGEND_SIZE
    texts: list[Text] = []
    rules: list[Rule] = []
    markers: list[Marker] = []
    items: list[tuple[str, str]] = [
        ("line-interaction", blueprint.line_label(Line.INTERACTION)),
        ("line-visibility", blueprint.line_label(Line.VISIBILITY)),
        ("line-internal", blueprint.line_label(Line.INTERNAL)),
        ("arrow-handoff", w["handoff"]),
        ("arrow-deferred", w["deferred"]),
        ("arrow-agreement", w["agreement"]),
        ("fail", w["fail"]),
        ("wait", w["wait"]),
    ]
    if blueprint.max_wait:
        items.append(("over", f"{w['over']}{w['open']}{blueprint.max_wait.text}{w['close']}"))
    cursor_x, cursor_y, row_height = x, top, 24
    for kind, label in items:
        probe = _sample_badge(m, kind, 0, 0)
        sample_width = probe.width if probe else 34
        item_width = sample_width + 8 + m.width(label, size) + 22
        if cursor_x > x and cursor_x + item_width > right:
            cursor_x, cursor_y = x, cursor_y + row_height
        middle = cursor_y + row_height / 2
        if kind in _LINE_STYLES:
            rules.append(Rule(role=kind, x1=cursor_x, y1=middle, x2=cursor_x + sample_width, y2=middle,
                              style=_LINE_STYLES[kind]))
        elif kind.startswith("arrow-"):
            rules.append(Rule(role=f"legend-{kind}", x1=cursor_x, y1=middle, x2=cursor_x + sample_width, y2=middle,
                              style="dashed" if kind == "arrow-deferred" else "solid"))
        else:
            markers.append(_sample_badge(m, kind, cursor_x, middle - style.MARKER_H / 2))
        texts.append(line(m, "legend-text", label, cursor_x + sample_width + 8, middle + size * 0.36, size))
        cursor_x += item_width
    return texts, rules, markers, cursor_y + row_height - top


def footer(blueprint: Blueprint, m: TextMeasurer, x: float, top: float, right: float, labels: dict[str, str]):
    """Legend, then the numbered fail and wait points, so a printout carries everything."""
    w = WORDS[blueprint.lang]
    texts, rules, markers, height = _legend(blueprint, m, x, top, right)
    cursor = top + height + 14
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
        texts.append(line(m, "list-heading", heading, left, y + style.LIST_HEAD_SIZE, style.LIST_HEAD_SIZE, bold=True))
        y += style.LIST_HEAD_SIZE + 10
        rules.append(Rule(role="list-rule", x1=left, y1=y - 4, x2=left + column_width, y2=y - 4))
        for sample, text in rows:
            badge = _moved(sample, left, y + 1)
            markers.append(badge)
            lines, text_height = block(m, "list-text", text, left + indent, y + 2, column_width - indent,
                                       style.LIST_SIZE, max_lines=4)
            texts += lines
            y += max(text_height, style.MARKER_H) + 8
        bottoms.append(y)
    end = max(bottoms) if bottoms else cursor
    return texts, markers, rules, fails, waits, end - top


def _moved(marker: Marker, x: float, y: float) -> Marker:
    """The same badge drawn at (x, y): its label moves with it."""
    dx, dy = x - marker.x, y - marker.y
    label = marker.label.model_copy(update={
        "y": round(marker.label.y + dy, 2),
        "spans": tuple(span.model_copy(update={"x": round(span.x + dx, 2)}) for span in marker.label.spans),
    })
    return marker.model_copy(update={"x": round(x, 2), "y": round(y, 2), "label": label})
