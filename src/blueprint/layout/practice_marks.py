"""What the practitioner's constructs add to the drawing: the role that
performs an action, written small at the card's foot, quiet enough that the
label still leads; the K badge of a key step or action, and their list; the
diamond and question of a decision; the tag of a channel."""

from __future__ import annotations

from blueprint.layout import style
from blueprint.layout.detail_marks import detail_tag
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.scenario_marks import scenario_tag
from blueprint.layout.text import block, line
from blueprint.model.types import Action, Blueprint, Step, Via
from blueprint.scene import Detail, KeyEntry, Marker, Rect, RoleEntry, Rule, Text
from blueprint.words import WORDS

ROLE_SIZE = style.SMALLEST_SIZE  # the smallest text a drawing has (docs/accessibility.md)
ROLE_GAP = 4  # between what is above on the card and the role line


def role_entries(blueprint: Blueprint) -> tuple[RoleEntry, ...]:
    return tuple(
        RoleEntry(id=role.id, label=role.label, kind=role.kind.value if role.kind else None)
        for role in blueprint.role_index().values()
    )


def role_line(measurer: TextMeasurer, blueprint: Blueprint, action: Action, x: float, top: float,
              width: float) -> tuple[Text | None, float]:
    """The role's label on one line (shortened if need be) whose box starts
    at `top`, and the height it takes with its gap; nothing without a role."""
    role = blueprint.role_index().get(action.role) if action.role else None
    if role is None:
        return None, 0.0
    texts, height = block(measurer, "card-role", role.label, x, top + ROLE_GAP, width, ROLE_SIZE, max_lines=1)
    return (texts[0] if texts else None), height + ROLE_GAP


def role_detail(blueprint: Blueprint, action: Action) -> list[Detail]:
    role = blueprint.role_index().get(action.role) if action.role else None
    if role is None:
        return []
    w = WORDS[blueprint.lang]
    value = role.label
    if role.kind is not None:
        value += f"{w['open']}{w['role_kinds'][role.kind.value]}{w['close']}"  # type: ignore[index]
    return [Detail(key=w["role"], value=value)]  # type: ignore[arg-type]


def key_marker(measurer: TextMeasurer, number: int | None, action: str | None, x: float, y: float,
               step: str | None = None) -> Marker:
    """The K badge of a key step or action: square-cornered, so that it
    differs from F (round) and W (rounded) in shape, not only in colour.
    Without a number, the legend's sample: "K" alone."""
    text = "K" if number is None else f"K{number}"
    size = style.MARKER_H
    width = max(size, measurer.width(text, style.MARKER_SIZE, True) + 8)
    label = line(measurer, "marker-text", text, x + width / 2, y + size / 2 + style.MARKER_SIZE * 0.36,
                 style.MARKER_SIZE, bold=True, anchor="middle")
    return Marker(kind="key", number=number or 0, action=action, x=x, y=y, width=width, height=size, label=label,
                  step=step)


def key_detail(blueprint: Blueprint, action: Action) -> list[Detail]:
    if action.key is None:
        return []
    w = WORDS[blueprint.lang]
    return [Detail(key=f"{w['key_step']} K{action.key.number}", value=action.key.reason or w["key_step"])]  # type: ignore[arg-type]


def key_entries(blueprint: Blueprint) -> tuple[KeyEntry, ...]:
    return tuple(
        KeyEntry(number=mark.number, step=step.id, action=action.id if action else None,
                 label=action.label if action else step.label, reason=mark.reason)
        for step, action, mark in blueprint.key_marks()
    )


def key_list_rows(blueprint: Blueprint, measurer: TextMeasurer, entries: tuple[KeyEntry, ...]) -> list[tuple[Marker, str]]:
    """The rows of the key-step list under the drawing: badge, then what and why."""
    w = WORDS[blueprint.lang]
    rows = []
    for entry in entries:
        what = entry.label if entry.action else f"{w['step']}{w['colon']}{entry.label}"
        text = what + (f"{w['colon']}{entry.reason}" if entry.reason else "")
        step = entry.step if entry.action is None else None
        rows.append((key_marker(measurer, entry.number, entry.action, 0, 0, step), text))
    return rows


DECISION_SIZE = style.SMALLEST_SIZE
DIAMOND = 10  # the decision diamond's width and height
DIAMOND_GAP = 5  # between the diamond and the question
DECISION_GAP = 4  # between the label and the question


def decision_parts(measurer: TextMeasurer, blueprint: Blueprint, action: Action, x: float, top: float,
                   width: float) -> tuple[Rect | None, list[Text], float]:
    """The diamond and the question (or the word "Decision") of a decision
    card, in a box that starts at `top`, and the height they take."""
    if action.decision is None:
        return None, [], 0.0
    text = action.decision.question or WORDS[blueprint.lang]["decision"]
    texts, height = block(measurer, "card-decision", text, x + DIAMOND + DIAMOND_GAP, top + DECISION_GAP,
                          width - DIAMOND - DIAMOND_GAP, DECISION_SIZE, italic=True, max_lines=2)  # type: ignore[arg-type]
    first_line = measurer.line_height(DECISION_SIZE)
    mark = Rect(role="decision-mark", x=round(x, 2), y=round(top + DECISION_GAP + (first_line - DIAMOND) / 2, 2),
                width=DIAMOND, height=DIAMOND)
    return mark, texts, height + DECISION_GAP


def decision_detail(blueprint: Blueprint, action: Action, labels: dict[str, str]) -> list[Detail]:
    """What the card's details and the text version say of a decision: the
    question, then each branch's label and where it leads."""
    if action.decision is None:
        return []
    w = WORDS[blueprint.lang]
    branches = [f"{flow.label or '?'}{w['becomes']}{labels.get(flow.target, flow.target)}"
                for flow in blueprint.branches(action.id)]
    parts = [action.decision.question] if action.decision.question else []
    if branches:
        parts.append(f"{w['branches']}{w['colon']}{w['list_join'].join(branches)}")
    return [Detail(key=w["decision"], value=w["sep"].join(parts) or w["decision"])]  # type: ignore[arg-type]


def decision_sample(x: float, middle: float, width: float) -> list[Rule]:
    """The legend's diamond, as four strokes, centred in a sample `width` wide."""
    half = DIAMOND / 2 + 1
    cx = x + width / 2
    corners = [(cx, middle - half), (cx + half, middle), (cx, middle + half), (cx - half, middle)]
    return [Rule(role="legend-decision", x1=round(a[0], 2), y1=round(a[1], 2), x2=round(b[0], 2), y2=round(b[1], 2))
            for a, b in zip(corners, corners[1:] + corners[:1])]


CHANNEL_SIZE = style.SMALLEST_SIZE


def channel_tag(measurer: TextMeasurer, label: str, action: str | None, x: float, y: float,
                step: str | None = None) -> Marker:
    """The tag that names a channel: the channel's label in a small square-cut box."""
    width = measurer.width(label, CHANNEL_SIZE) + 10
    size = style.MARKER_H
    text = line(measurer, "marker-text", label, x + 5, y + size / 2 + CHANNEL_SIZE * 0.36, CHANNEL_SIZE)
    return Marker(kind="channel", number=0, action=action, x=x, y=y, width=round(width, 2), height=size, label=text,
                  step=step)


def via_text(blueprint: Blueprint, via: Via) -> str:
    """A channel as the details and the text version say it: its label, then why."""
    w = WORDS[blueprint.lang]
    label = blueprint.channel_label(via.channel) or via.channel
    return label + (f"{w['sep']}{via.reason}" if via.reason else "")


def via_detail(blueprint: Blueprint, action: Action) -> list[Detail]:
    if action.via is None:
        return []
    return [Detail(key=WORDS[blueprint.lang]["channel"], value=via_text(blueprint, action.via))]  # type: ignore[arg-type]


def step_head_marks(measurer: TextMeasurer, blueprint: Blueprint, step: Step, centre: float,
                    top: float, scenarios: str = "") -> tuple[Marker | None, Marker | None, Marker | None,
                                                              Marker | None]:
    """A step's channel tag, K badge, the tag of its `scenarios` (when only
    some) and its detail tag, side by side and centred on `centre`, their
    tops at `top`: (channel, key, scenarios, detail)."""
    tag = key = only = detail = None
    if scenarios:
        only = scenario_tag(measurer, scenarios, None, 0, top)
    if step.via is not None:
        tag = channel_tag(measurer, blueprint.channel_label(step.via.channel) or step.via.channel, None, 0, top,
                          step.id)
    if step.key is not None:
        key = key_marker(measurer, step.key.number, None, 0, top, step.id)
    if step.detail is not None:
        detail = detail_tag(measurer, blueprint.lang, step.detail, None, 0, top, step.id)
    marks = [mark for mark in (only, tag, key, detail) if mark is not None]
    left = centre - (sum(mark.width for mark in marks) + style.MARKER_GAP * (len(marks) - 1)) / 2
    for mark in marks:
        shift = left - mark.x
        mark.x = round(mark.x + shift, 2)
        for span in mark.label.spans:
            span.x = round(span.x + shift, 2)
        left += mark.width + style.MARKER_GAP
    return tag, key, only, detail
