"""What a comparison drawing adds: the marks on changed cards, the counts of
what came, changed and went, and the block that lists the changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from blueprint.layout import style
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.text import block, line
from blueprint.model.types import Blueprint, Language
from blueprint.scene import Change, RemovedItem, Rule, Text
from blueprint.words import WORDS

if TYPE_CHECKING:
    from blueprint.analysis.diff_result import BlueprintDiff


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


def changes_block(blueprint: Blueprint, m: TextMeasurer, x: float, top: float, right: float, compare: BlueprintDiff,
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
