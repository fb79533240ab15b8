"""Cards: an action's or evidence's label, wrapped to the card, with its F and W badges."""

from __future__ import annotations

from blueprint.layout import style
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.practice_marks import (
    channel_tag,
    decision_detail,
    decision_parts,
    key_detail,
    key_marker,
    role_detail,
    role_line,
    via_detail,
)
from blueprint.layout.scenario_marks import ScenarioTags, scenario_tag
from blueprint.layout.detail_marks import SHEET_OFFSET, detail_detail, detail_tag
from blueprint.scene import Card, Change, ChangeBadge, Detail, Marker, Text
from blueprint.layout.text import block, line
from blueprint.words import WORDS
from blueprint.model.types import Action, Blueprint, DurationRange, Evidence, Language

# The NEW and CHANGED badges of a comparison drawing: a small tag above the label.
BADGE_H = 16
BADGE_SIZE = 11
BADGE_PAD_X = 5
BADGE_GAP = 3  # between a card's badge and its label
NEW_RING = 3  # how far the ring of a new fail point stands off its badge (the SVG template draws it)


def duration_text(duration: DurationRange) -> str:
    if duration.min.text == duration.max.text:
        return duration.min.text
    return f"{duration.min.text}–{duration.max.text}"


def fail_marker(measurer: TextMeasurer, number: int | None, severity: str | None, action: str | None, x: float,
                y: float, change: str | None = None) -> Marker:
    """`change` is "introduced" for a fail point new since the compared-with
    blueprint. Without a number, the legend's sample: "F" alone."""
    text = "F" if number is None else f"F{number}"
    size = style.MARKER_H
    width = max(size, measurer.width(text, style.MARKER_SIZE, True) + 8)
    label = line(measurer, "marker-text", text, x + width / 2, y + size / 2 + style.MARKER_SIZE * 0.36,
                 style.MARKER_SIZE, bold=True, anchor="middle")
    return Marker(kind="fail", number=number or 0, action=action, x=x, y=y, width=width, height=size,
                  label=label, severity=severity, change=change)


def change_badge(measurer: TextMeasurer, lang: Language, change: Change, x: float, y: float,
                 anchor: str = "start") -> ChangeBadge:
    """The NEW or CHANGED badge with its top at `y`, starting at `x` (or centred on it)."""
    text = WORDS[lang]["badge_added" if change == "added" else "badge_changed"]
    width = measurer.width(text, BADGE_SIZE, True) + 2 * BADGE_PAD_X
    left = x - width / 2 if anchor == "middle" else x
    label = line(measurer, "badge-text", text, left + width / 2, y + BADGE_H / 2 + BADGE_SIZE * 0.36, BADGE_SIZE,
                 bold=True, anchor="middle")
    return ChangeBadge(change=change, x=round(left, 2), y=round(y, 2), width=round(width, 2), height=BADGE_H,
                       label=label)


def wait_marker(measurer: TextMeasurer, number: int | None, duration: str, over: bool, action: str | None,
                 x: float, y: float) -> Marker:
    """Without a number, the legend's sample: "W" alone."""
    name = "W" if number is None else f"W{number}"
    text = f"{name} {duration}" if duration else name
    width = measurer.width(text, style.MARKER_SIZE, True) + 12
    size = style.MARKER_H
    label = line(measurer, "marker-text", text, x + 6, y + size / 2 + style.MARKER_SIZE * 0.36,
                 style.MARKER_SIZE, bold=True)
    return Marker(kind="wait", number=number or 0, action=action, x=x, y=y, width=width, height=size,
                  label=label, over_limit=over)


def control_marker(measurer: TextMeasurer, number: int | None, action: str | None, x: float, y: float) -> Marker:
    """A control's badge, C1, C2, …; without a number, the legend's sample: "C" alone."""
    text = "C" if number is None else f"C{number}"
    size = style.MARKER_H
    width = max(size, measurer.width(text, style.MARKER_SIZE, True) + 8)
    label = line(measurer, "marker-text", text, x + width / 2, y + size / 2 + style.MARKER_SIZE * 0.36,
                 style.MARKER_SIZE, bold=True, anchor="middle")
    return Marker(kind="control", number=number or 0, action=action, x=x, y=y, width=width, height=size,
                  label=label)


def _markers(measurer: TextMeasurer, blueprint: Blueprint, action: Action, x: float, top: float,
             width: float, introduced: frozenset[int], controls: tuple[int, ...] = (),
             tag: str = "") -> tuple[list[Marker], float]:
    """Badges in reading order, wrapping onto more rows when they do not fit."""
    limit = blueprint.max_wait.seconds if blueprint.max_wait else None

    def badge_at(kind: str, point, left: float, top_: float) -> Marker:
        if kind == "control":
            return control_marker(measurer, point, action.id, left, top_)
        if kind == "key":
            return key_marker(measurer, point.number, action.id, left, top_)
        if kind == "scenario":
            return scenario_tag(measurer, point, action.id, left, top_)
        if kind == "channel":
            return channel_tag(measurer, blueprint.channel_label(point.channel) or point.channel, action.id, left,
                               top_)
        if kind == "detail":
            return detail_tag(measurer, blueprint.lang, point, action.id, left, top_)
        if kind == "fail":
            severity = point.severity.value if point.severity else None
            change = "introduced" if point.number in introduced else None
            return fail_marker(measurer, point.number, severity, action.id, left, top_, change)
        over = limit is not None and point.duration.max.seconds > limit
        return wait_marker(measurer, point.number, duration_text(point.duration), over, action.id, left, top_)

    badges: list[Marker] = []
    cursor_x, cursor_y = x, top
    points: list[tuple[str, object]] = [("scenario", tag)] if tag else []
    points += [("channel", action.via)] if action.via is not None else []
    points += [("key", action.key)] if action.key is not None else []
    points += [("detail", action.detail)] if action.detail is not None else []
    points += [("fail", fail) for fail in action.fails] + [("wait", wait) for wait in action.waits]
    points += [("control", number) for number in controls]
    for kind, point in points:
        badge = badge_at(kind, point, cursor_x, cursor_y)
        if badge.change and cursor_x > x:  # room for its ring
            badge = badge_at(kind, point, cursor_x + NEW_RING, cursor_y)
        sheet = SHEET_OFFSET if badge.kind == "detail" else 0
        if cursor_x > x and badge.x + badge.width + sheet > x + width:
            cursor_x, cursor_y = x, cursor_y + style.MARKER_H + style.MARKER_GAP
            badge = badge_at(kind, point, cursor_x, cursor_y)
        badges.append(badge)
        cursor_x = badge.x + badge.width + style.MARKER_GAP + (NEW_RING if badge.change else 0)
        cursor_x += sheet
    if not badges:
        return [], 0.0
    return badges, (cursor_y - top) + style.MARKER_H


def _details(blueprint: Blueprint, action: Action, labels: dict[str, str],
             controls: tuple[int, ...] = ()) -> list[Detail]:
    w = WORDS[blueprint.lang]
    details: list[Detail] = []
    if action.duration:
        details.append(Detail(key=w["duration"], value=duration_text(action.duration)))
    if action.cost:
        details.append(Detail(key=w["cost"], value=f"{action.cost.text} {action.cost.currency or ''}".strip()))
    for fail in action.fails:
        severity = f"{w['severity']}{w['colon']}{w[fail.severity.value]}" if fail.severity else w["not_rated"]
        parts = [fail.description, severity]
        if fail.recover:
            parts.append(f"{w['recovery']}{w['colon']}{labels.get(fail.recover, fail.recover)}")
        details.append(Detail(key=f"{w['fail_point']} F{fail.number}", value=w["sep"].join(parts)))
    for wait in action.waits:
        value = duration_text(wait.duration) + (f"{w['sep']}{wait.description}" if wait.description else "")
        details.append(Detail(key=f"{w['wait_point']} W{wait.number}", value=value))
    details.extend(Detail(key=w["note"], value=note) for note in action.notes)
    for number, control in zip(controls, action.controls):
        under = w["sep"] + str(w["control_ref"]).format(ref=control.reference) if control.reference else ""
        details.append(Detail(key=f"{w['control']} C{number}", value=control.text + under))
    return details


def action_card(measurer: TextMeasurer, blueprint: Blueprint, action: Action, x: float, y: float,
                labels: dict[str, str], change: tuple[Change, str] | None = None,
                introduced: frozenset[int] = frozenset(), controls: tuple[int, ...] = (),
                confidence: str | None = None, tags: ScenarioTags | None = None) -> Card:
    """The card of `action`. In a comparison drawing, `change` is the card's
    mark and what to say about it, and `introduced` holds the numbers of the
    fail points that are new. `controls` are the numbers of the action's
    controls; `confidence` how sure it is, in a blueprint that says so;
    `tags` the scenarios of the actions that belong to only some."""
    inner = style.CARD_W - 2 * style.CARD_PAD_X
    top = y + style.CARD_PAD_Y
    badge = None
    if change:
        badge = change_badge(measurer, blueprint.lang, change[0], x + style.CARD_PAD_X, top - 1)
        top += BADGE_H + BADGE_GAP
    # A linked card's label keeps clear of the link mark in its top right corner.
    label_width = inner - style.LINK_MARK_ROOM if action.links else inner
    texts, text_height = block(measurer, "card-text", action.label, x + style.CARD_PAD_X, top,
                               label_width, style.CARD_SIZE, max_lines=style.CARD_MAX_LINES)
    diamond, question, question_height = decision_parts(measurer, blueprint, action, x + style.CARD_PAD_X,
                                                         top + text_height, inner)
    text_height += question_height  # what follows goes below the question
    scenarios = tags.parts.get(action.id, ()) if tags else ()
    markers, marker_height = _markers(measurer, blueprint, action, x + style.CARD_PAD_X,
                                      top + text_height + 6, inner, introduced, controls,
                                      tags.tag(scenarios) if tags and scenarios else "")
    height = style.CARD_PAD_Y * 2 + text_height + (marker_height + 6 if markers else 0)
    role, role_height = role_line(measurer, blueprint, action, x + style.CARD_PAD_X,
                                  top + text_height + (marker_height + 6 if markers else 0), inner)
    height += role_height
    details = (role_detail(blueprint, action) + via_detail(blueprint, action) + key_detail(blueprint, action)
               + decision_detail(blueprint, action, labels) + detail_detail(blueprint, action)
               + _details(blueprint, action, labels, controls)
               + (tags.detail(scenarios) if tags else []))
    if confidence is not None:
        details.append(Detail(key=str(WORDS[blueprint.lang]["confidence"]), value=str(WORDS[blueprint.lang][confidence])))
    if change:
        height += BADGE_H + BADGE_GAP
        details.insert(0, Detail(key=WORDS[blueprint.lang]["change"], value=change[1]))
    return Card(
        id=action.id, kind="action", lane=action.lane.value, step=action.step, x=x, y=y,
        width=style.CARD_W, height=round(height, 2), label=action.label, lines=tuple(texts),
        markers=tuple(markers), details=tuple(details),
        links=tuple(link.url for link in action.links),
        change=change[0] if change else None, badge=badge, confidence=confidence, role=action.role, role_line=role,
        decision_mark=diamond, decision_lines=tuple(question), scenarios=scenarios,
    )


def evidence_card(measurer: TextMeasurer, evidence: Evidence, index: int, x: float, y: float,
                  scenarios: tuple[str, ...] = ()) -> Card:
    """The card of a piece of evidence; `scenarios` are its step's, when only some."""
    inner = style.CARD_W - 2 * style.CARD_PAD_X
    texts, text_height = block(measurer, "evidence-text", evidence.label, x + style.CARD_PAD_X,
                               y + style.CARD_PAD_Y, inner, style.EVIDENCE_SIZE, italic=True,
                               max_lines=style.EVIDENCE_MAX_LINES)
    return Card(
        id=evidence.id or f"{evidence.step}.evidence{index + 1}", kind="evidence", lane="evidence",
        step=evidence.step, x=x, y=y, width=style.CARD_W, height=round(style.CARD_PAD_Y * 2 + text_height, 2),
        label=evidence.label, lines=tuple(texts), scenarios=scenarios,
    )


def move_card(card: Card, x: float, y: float) -> None:
    """Move a card the layout has measured, with its text and badges, to (x, y):
    measuring and wrapping a label once is enough, wherever the card ends up.
    In place, as the layout's own nodes may be until it hands the scene over:
    a thousand-action drawing would otherwise copy some ten thousand nodes."""
    dx, dy = x - card.x, y - card.y
    card.x, card.y = x, y
    for text in card.lines if card.role_line is None else (*card.lines, card.role_line):
        _shift_text(text, dx, dy)
    for text in card.decision_lines:
        _shift_text(text, dx, dy)
    if card.decision_mark is not None:
        card.decision_mark.x, card.decision_mark.y = round(card.decision_mark.x + dx, 2), round(card.decision_mark.y + dy, 2)
    for badge in (*card.markers, card.badge) if card.badge is not None else card.markers:
        shift_badge(badge, dx, dy)


def shift_badge(badge: Marker | ChangeBadge, dx: float, dy: float) -> None:
    """Move a badge the layout has measured, with its label, by (dx, dy), in place."""
    badge.x, badge.y = round(badge.x + dx, 2), round(badge.y + dy, 2)
    _shift_text(badge.label, dx, dy)


def _shift_text(text: Text, dx: float, dy: float) -> None:
    text.y = round(text.y + dy, 2)
    for span in text.spans:
        span.x = round(span.x + dx, 2)
