"""`diff` for people: what changed, section by section, old → new."""

from __future__ import annotations

from blueprint.analysis.diff_result import (
    ActionRef,
    BlueprintDiff,
    FailRef,
    FieldChange,
)
from blueprint.report.table import plural, table
from blueprint.model.types import Blueprint, Lane, Line
from blueprint.vocabulary import ARROWS

ARROW = "→"
_ARROW_OF = {kind: arrow for arrow, kind in ARROWS.items()}
# Fields whose values are free text, shown in quotes; the others (durations,
# costs, waits, IDs, states) are shown as they are written in .bp.
_QUOTED = frozenset(
    {"label", "title", "description", "segment", "owner", "version", "phase", "evidence", "note", "link"}
    | {f"lane {lane.value}" for lane in Lane}
    | {f"line {line.value}" for line in Line}
)
_NONE = "(none)"


def _value(field: str, value: str | None) -> str:
    if value is None:
        return _NONE
    return f'"{value}"' if field in _QUOTED else value


def _change_text(change: FieldChange) -> str:
    if change.old is None:
        return f"{change.field} added: {_value(change.field, change.new)}"
    if change.new is None:
        return f"{change.field} removed: {_value(change.field, change.old)}"
    return f"{change.field}: {_value(change.field, change.old)} {ARROW} {_value(change.field, change.new)}"


def _change_rows(marker: str, ident: str, changes: list[FieldChange]) -> list[list[str]]:
    return [[marker if i == 0 else "", ident if i == 0 else "", _change_text(c)] for i, c in enumerate(changes)]


def _heading(diff: BlueprintDiff) -> list[str]:
    old, new = diff.old, diff.new
    title = f"{old.title or '(untitled)'} {ARROW} {new.title or '(untitled)'}"
    if old.title == new.title:
        title = old.title or "(untitled)"
    return [
        title,
        f"old: {old.file} ({old.state.value} state)",
        f"new: {new.file} ({new.state.value} state)",
    ]


def _blueprint(diff: BlueprintDiff) -> list[str]:
    if not diff.blueprint_changes:
        return []
    return ["Blueprint", *(f"  {_change_text(change)}" for change in diff.blueprint_changes)]


def _counts(what: str, unchanged: int, changed: int, removed: int, added: int) -> str:
    return f"{what}: {unchanged} unchanged, {changed} changed, {removed} removed, {added} added"


def _steps(diff: BlueprintDiff) -> list[str]:
    steps = diff.steps
    rows = [["removed", step.id, f'"{step.label}"'] for step in steps.removed]
    rows += [["added", step.id, f'"{step.label}"'] for step in steps.added]
    for change in steps.changed:
        rows += _change_rows("changed", change.id, change.changes)
    head = _counts("Steps", steps.unchanged, len(steps.changed), len(steps.removed), len(steps.added))
    return [head, *table(rows)]


def _action_row(marker: str, action: ActionRef, blueprint_labels: dict[str, str]) -> list[str]:
    return [marker, action.id, blueprint_labels[action.lane.value], f'"{action.label}"', f"step {action.step}"]


def _actions(diff: BlueprintDiff, old: Blueprint, new: Blueprint) -> list[str]:
    actions = diff.actions
    old_labels = {lane.value: old.lane_label(lane) for lane in {a.lane for a in actions.removed}}
    new_labels = {lane.value: new.lane_label(lane) for lane in {a.lane for a in actions.added}}
    listed = [_action_row("removed", action, old_labels) for action in actions.removed]
    listed += [_action_row("added", action, new_labels) for action in actions.added]
    changed = [row for change in actions.changed for row in _change_rows("changed", change.id, change.changes)]
    head = _counts("Actions", actions.unchanged, len(actions.changed), len(actions.removed), len(actions.added))
    lines = [head, *table(listed), *table(changed)]
    if actions.possible_matches:
        lines.append("  Possibly the same action under a new ID (same lane, alike labels):")
        lines += table([[match.old, ARROW, match.new] for match in actions.possible_matches], indent="    ")
    return lines


def _fail_row(marker: str, fail: FailRef) -> list[str]:
    facts = [fail.severity or "no severity"]
    if fail.recover:
        facts.append(f"recover {fail.recover}")
    if fail.action_status != "kept":
        facts.append(f"action {fail.action_status}")
    return [marker, f"F{fail.number}", fail.action, f'"{fail.description}"', f"({', '.join(facts)})"]


def _fail_points(diff: BlueprintDiff) -> list[str]:
    fails = diff.fail_points
    head = (
        f"Fail points: {fails.old_total} {ARROW} {fails.new_total}; "
        f"{len(fails.resolved)} resolved, {len(fails.introduced)} introduced, {len(fails.changed)} changed"
    )
    rows = [_fail_row("resolved", fail) for fail in fails.resolved]
    rows += [_fail_row("introduced", fail) for fail in fails.introduced]
    for change in fails.changed:
        for i, field in enumerate(change.changes):
            first = i == 0
            rows.append(
                [
                    "changed" if first else "",
                    f"F{change.old_number}{ARROW}F{change.new_number}" if first else "",
                    change.action if first else "",
                    f'"{change.description}"' if first else "",
                    _change_text(field),
                ]
            )
    return [head, *table(rows)]


def _flows(diff: BlueprintDiff) -> list[str]:
    """The flows kept whose `only` line changed; none, no section (the figures count the rest)."""
    changed = diff.flows.changed
    if not changed:
        return []
    rows = []
    for change in changed:
        written = f"{change.source} {_ARROW_OF[change.kind]} {change.target}"
        if change.label is not None:
            written += f' "{change.label}"'
        rows += _change_rows("changed", written, change.changes)
    return [f"Flows: {len(changed)} changed", *table(rows)]


def _figures(diff: BlueprintDiff) -> list[str]:
    flows = diff.flows
    rows = [
        ["Customer wait", f"{diff.customer_wait.old.text} {ARROW} {diff.customer_wait.new.text}"],
        ["Customer contacts", f"{diff.customer_contacts.old} {ARROW} {diff.customer_contacts.new}"],
    ]
    rows += [
        [f"Hand-offs across {crossing.label}", f"{crossing.old} {ARROW} {crossing.new}"]
        for crossing in diff.line_crossings
        if crossing.line is not Line.INTERACTION
    ]
    rows.append(["Total duration", f"{diff.duration.old.text} {ARROW} {diff.duration.new.text}"])
    rows.append(
        [
            "Flows",
            f"{flows.old_total} {ARROW} {flows.new_total} ({len(flows.removed)} removed, "
            f"{len(flows.added)} added, {len(flows.relabelled)} relabelled)",
        ]
    )
    return table(rows, indent="")


def format_diff(diff: BlueprintDiff, old: Blueprint, new: Blueprint) -> str:
    """The diff as text; the blueprints give the lane labels to show."""
    sections = [_heading(diff), _blueprint(diff), _steps(diff), _actions(diff, old, new), _fail_points(diff), _flows(diff),
                _figures(diff)]
    text = "\n\n".join("\n".join(section) for section in sections if section)
    if not diff.has_changes:
        compared = f"{plural(diff.steps.unchanged, 'step')} and {plural(diff.actions.unchanged, 'action')} compared"
        text += f"\n\nNo differences ({compared})."
    return text
