"""`diff`: what changed between two states of a service (typically current → future).

Steps and actions are matched by ID. An action that kept its ID but changed
its label, lane, step or attributes is "changed", with each difference
listed. Redesigns often rename things, so actions left unmatched on both
sides whose labels are alike (same lane) are offered as possible matches; they
stay in the removed and added lists, because a guess is not a fact.

Fail points are matched by their action's ID and their description: one that
is in the old blueprint and not in the new one is resolved (whether its
action was kept or removed), one only in the new is introduced. Their F
numbers are each blueprint's own (document order), so the same fail point can
be F3 before and F1 after.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from typing import TypeVar

from blueprint.analysis.diff_result import (
    ActionChange,
    ActionRef,
    ActionsDiff,
    BlueprintDiff,
    CountChange,
    FailChange,
    FailPointsDiff,
    FailRef,
    FieldChange,
    FlowChange,
    FlowRef,
    FlowsDiff,
    LineCrossingChange,
    PossibleMatch,
    RangeChange,
    Side,
    StepChange,
    StepRef,
    StepsDiff,
)
from blueprint.analysis.stats import BlueprintStats, blueprint_stats
from blueprint.analysis.written import (control_text, cost_text, decision_text, detail_text, emotion_text, key_text,
                                       metric_text, note_text, role_text, via_text)
from blueprint.model.types import Action, Blueprint, FailPoint, Flow, FlowKind, Lane, Line, Step, WaitPoint

SIMILAR_LABELS = 0.75  # difflib ratio from which two labels count as alike: near-identical wording

T = TypeVar("T")


# --- comparing values ----------------------------------------------------------
def _change(field: str, old: str | None, new: str | None) -> list[FieldChange]:
    return [] if old == new else [FieldChange(field=field, old=old, new=new)]


def _bag_changes(field: str, old: Iterable[str], new: Iterable[str]) -> list[FieldChange]:
    """Items of a list (notes, links, evidence) removed and added, as multisets."""
    old_count, new_count = Counter(old), Counter(new)
    gone = [item for item in (old_count - new_count).elements()]
    came = [item for item in (new_count - old_count).elements()]
    return [FieldChange(field=field, old=item, new=None) for item in gone] + [
        FieldChange(field=field, old=None, new=item) for item in came
    ]


def _wait_text(wait: WaitPoint) -> str:
    return wait.duration.text + (f' "{wait.description}"' if wait.description is not None else "")


def _wait_key(wait: WaitPoint) -> tuple:
    return (wait.duration.min.seconds, wait.duration.max.seconds, wait.description)


def _wait_changes(old: Sequence[WaitPoint], new: Sequence[WaitPoint]) -> list[FieldChange]:
    changes = []
    for index in range(max(len(old), len(new))):
        before = old[index] if index < len(old) else None
        after = new[index] if index < len(new) else None
        if before is not None and after is not None and _wait_key(before) == _wait_key(after):
            continue
        changes.append(
            FieldChange(
                field="wait",
                old=_wait_text(before) if before else None,
                new=_wait_text(after) if after else None,
            )
        )
    return changes


def _action_changes(old: Action, new: Action) -> list[FieldChange]:
    changes = _change("label", old.label, new.label)
    changes += _change("lane", old.lane.value, new.lane.value)
    changes += _change("step", old.step, new.step)
    old_duration = (old.duration.min.seconds, old.duration.max.seconds) if old.duration else None
    new_duration = (new.duration.min.seconds, new.duration.max.seconds) if new.duration else None
    if old_duration != new_duration:
        changes.append(
            FieldChange(
                field="duration",
                old=old.duration.text if old.duration else None,
                new=new.duration.text if new.duration else None,
            )
        )
    old_cost = (old.cost.amount, old.cost.currency) if old.cost else None
    new_cost = (new.cost.amount, new.cost.currency) if new.cost else None
    if old_cost != new_cost:
        changes.append(FieldChange(field="cost", old=cost_text(old), new=cost_text(new)))
    changes += _wait_changes(old.waits, new.waits)
    changes += _bag_changes("note", old.notes, new.notes)
    changes += _bag_changes("link", [link.url for link in old.links], [link.url for link in new.links])
    changes += _bag_changes("control", map(control_text, old.controls), map(control_text, new.controls))
    changes += _bag_changes("research note", map(note_text, old.research), map(note_text, new.research))
    changes += _change("confidence", old.confidence.value if old.confidence else None,
                       new.confidence.value if new.confidence else None)
    changes += _change("by", old.role, new.role)
    changes += _change("key", key_text(old.key), key_text(new.key))
    changes += _change("decision", decision_text(old), decision_text(new))
    changes += _change("via", via_text(old.via), via_text(new.via))
    changes += _change("only", _only(old.scenarios), _only(new.scenarios))
    changes += _change("detail", detail_text(old.detail), detail_text(new.detail))
    return changes


def _only(scenarios: tuple[str, ...]) -> str | None:
    """The scenarios an `only` line names, as written; None without one."""
    return ", ".join(scenarios) if scenarios else None


def _phase_name(blueprint: Blueprint, step: Step) -> str | None:
    return blueprint.phases[step.phase].name if step.phase is not None else None


def _step_ref(blueprint: Blueprint, step: Step) -> StepRef:
    return StepRef(id=step.id, label=step.label, phase=_phase_name(blueprint, step))


def _action_ref(action: Action) -> ActionRef:
    return ActionRef(id=action.id, generated_id=action.generated_id, label=action.label, lane=action.lane, step=action.step)


# --- the parts of the diff -------------------------------------------------------
def _blueprint_changes(old: Blueprint, new: Blueprint) -> list[FieldChange]:
    changes = _change("title", old.title, new.title)
    changes += _change("description", old.description, new.description)
    changes += _bag_changes("segment", old.segments, new.segments)
    changes += _change("owner", old.owner, new.owner)
    changes += _change("version", old.version, new.version)
    changes += _change("state", old.state.value, new.state.value)
    changes += _change("lang", old.lang.value, new.lang.value)
    old_wait = old.max_wait.seconds if old.max_wait else None
    new_wait = new.max_wait.seconds if new.max_wait else None
    if old_wait != new_wait:
        changes.append(
            FieldChange(
                field="max-wait",
                old=old.max_wait.text if old.max_wait else None,
                new=new.max_wait.text if new.max_wait else None,
            )
        )
    for lane in Lane:
        changes += _change(f"lane {lane.value}", old.lane_labels.get(lane), new.lane_labels.get(lane))
    for line in Line:
        changes += _change(f"line {line.value}", old.line_labels.get(line), new.line_labels.get(line))
    changes += _bag_changes("phase metric", _phase_metrics(old), _phase_metrics(new))
    changes += _bag_changes("role", map(role_text, old.roles), map(role_text, new.roles))
    changes += _bag_changes("channel", [f'{c.id} "{c.label}"' for c in old.channels],
                            [f'{c.id} "{c.label}"' for c in new.channels])
    return changes


def _phase_metrics(blueprint: Blueprint) -> list[str]:
    return [f"{phase.name}: {metric_text(metric)}" for phase in blueprint.phases for metric in phase.metrics]


def _steps(old: Blueprint, new: Blueprint) -> StepsDiff:
    # Step IDs are unique in a valid blueprint (BP201).
    old_steps = {step.id: step for step in old.steps}
    new_steps = {step.id: step for step in new.steps}
    changed, unchanged = [], 0
    for step in new.steps:
        before = old_steps.get(step.id)
        if before is None:
            continue
        changes = _change("label", before.label, step.label)
        changes += _change("phase", _phase_name(old, before), _phase_name(new, step))
        changes += _bag_changes(
            "evidence", [item.label for item in before.evidence], [item.label for item in step.evidence]
        )
        changes += _bag_changes("control", map(control_text, before.controls), map(control_text, step.controls))
        changes += _change("emotion", emotion_text(before), emotion_text(step))
        changes += _bag_changes("metric", map(metric_text, before.metrics), map(metric_text, step.metrics))
        changes += _bag_changes("research note", map(note_text, before.research), map(note_text, step.research))
        changes += _change("key", key_text(before.key), key_text(step.key))
        changes += _change("via", via_text(before.via), via_text(step.via))
        changes += _change("only", _only(before.scenarios), _only(step.scenarios))
        changes += _change("detail", detail_text(before.detail), detail_text(step.detail))
        if changes:
            changed.append(StepChange(id=step.id, label=step.label, changes=changes))
        else:
            unchanged += 1
    return StepsDiff(
        unchanged=unchanged,
        added=[_step_ref(new, step) for step in new.steps if step.id not in old_steps],
        removed=[_step_ref(old, step) for step in old.steps if step.id not in new_steps],
        changed=changed,
    )


def _possible_matches(removed: Sequence[Action], added: Sequence[Action]) -> list[PossibleMatch]:
    """Greedy one-to-one pairing, most alike first; ties go to document order."""
    candidates = []
    for i, before in enumerate(removed):
        for j, after in enumerate(added):
            if before.lane is not after.lane:
                continue
            ratio = difflib.SequenceMatcher(None, before.label, after.label, autojunk=False).ratio()
            if ratio >= SIMILAR_LABELS:
                candidates.append((-ratio, i, j))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    matches = []
    for negative, i, j in sorted(candidates):
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        matches.append((i, PossibleMatch(old=removed[i].id, new=added[j].id, lane=removed[i].lane,
                                         similarity=round(-negative, 2))))
    return [match for _, match in sorted(matches, key=lambda pair: pair[0])]


def _actions(old: Blueprint, new: Blueprint) -> ActionsDiff:
    old_index, new_index = old.action_index(), new.action_index()
    removed = [action for action in old.actions() if action.id not in new_index]
    added = [action for action in new.actions() if action.id not in old_index]
    changed, unchanged = [], 0
    for action in new.actions():
        before = old_index.get(action.id)
        if before is None:
            continue
        changes = _action_changes(before, action)
        if changes:
            changed.append(
                ActionChange(id=action.id, label=action.label, lane=action.lane, step=action.step, changes=changes)
            )
        else:
            unchanged += 1
    return ActionsDiff(
        unchanged=unchanged,
        added=[_action_ref(action) for action in added],
        removed=[_action_ref(action) for action in removed],
        changed=changed,
        possible_matches=_possible_matches(removed, added),
    )


def _pair_off(old: Sequence[T], new: Sequence[T], key) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Match items with equal keys in order (multisets): pairs, unmatched old, unmatched new."""
    waiting: dict[Hashable, list[T]] = {}
    for item in new:
        waiting.setdefault(key(item), []).append(item)
    pairs, only_old = [], []
    for item in old:
        bucket = waiting.get(key(item))
        if bucket:
            pairs.append((item, bucket.pop(0)))
        else:
            only_old.append(item)
    paired_new = {id(after) for _, after in pairs}
    return pairs, only_old, [item for item in new if id(item) not in paired_new]


def _fail_ref(fail: FailPoint, blueprint: Blueprint, other: Blueprint, gone: str) -> FailRef:
    action = blueprint.action_index()[fail.action]
    return FailRef(
        number=fail.number,
        action=fail.action,
        step=action.step,
        description=fail.description,
        severity=fail.severity.value if fail.severity else None,
        recover=fail.recover,
        action_status="kept" if fail.action in other.action_index() else gone,
    )


def _fail_points(old: Blueprint, new: Blueprint) -> FailPointsDiff:
    pairs, resolved, introduced = _pair_off(
        old.fail_points(), new.fail_points(), key=lambda fail: (fail.action, fail.description)
    )
    changed = []
    for before, after in pairs:
        changes = _change("severity", before.severity.value if before.severity else None,
                          after.severity.value if after.severity else None)
        changes += _change("recover", before.recover, after.recover)
        if changes:
            changed.append(
                FailChange(action=after.action, description=after.description, old_number=before.number,
                           new_number=after.number, changes=changes)
            )
    return FailPointsDiff(
        old_total=len(old.fail_points()),
        new_total=len(new.fail_points()),
        resolved=[_fail_ref(fail, old, new, "removed") for fail in resolved],
        introduced=[_fail_ref(fail, new, old, "added") for fail in introduced],
        changed=changed,
    )


def _flow_key(flow: Flow) -> tuple[str, str, FlowKind]:
    if flow.kind is FlowKind.AGREEMENT:  # a <-> b is b <-> a
        first, second = sorted((flow.source, flow.target))
        return (first, second, flow.kind)
    return (flow.source, flow.target, flow.kind)


def _flow_ref(flow: Flow) -> FlowRef:
    return FlowRef(source=flow.source, target=flow.target, kind=flow.kind, label=flow.label)


def _flow_change(before: Flow, after: Flow) -> FlowChange | None:
    changes = _change("only", _only(before.scenarios), _only(after.scenarios))
    if not changes:
        return None
    return FlowChange(source=after.source, target=after.target, kind=after.kind, label=after.label, changes=changes)


def _flows(old: Blueprint, new: Blueprint) -> FlowsDiff:
    pairs, removed, added = _pair_off(old.flows, new.flows, key=_flow_key)
    changed = [_flow_change(before, after) for before, after in pairs]
    return FlowsDiff(
        old_total=len(old.flows),
        new_total=len(new.flows),
        added=[_flow_ref(flow) for flow in added],
        removed=[_flow_ref(flow) for flow in removed],
        relabelled=[_flow_ref(after) for before, after in pairs if before.label != after.label],
        changed=[change for change in changed if change is not None],
    )


def _side(blueprint: Blueprint) -> Side:
    return Side(file=blueprint.source_name, title=blueprint.title, state=blueprint.state)


def _crossings(old: BlueprintStats, new: BlueprintStats) -> list[LineCrossingChange]:
    return [
        LineCrossingChange(line=after.line, label=after.label, old=before.flows, new=after.flows)
        for before, after in zip(old.line_crossings, new.line_crossings)
    ]


def diff_blueprints(old: Blueprint, new: Blueprint) -> BlueprintDiff:
    """What changed from `old` to `new`; both must have validated without errors."""
    old_stats, new_stats = blueprint_stats(old), blueprint_stats(new)
    return BlueprintDiff(
        old=_side(old),
        new=_side(new),
        blueprint_changes=_blueprint_changes(old, new),
        steps=_steps(old, new),
        actions=_actions(old, new),
        fail_points=_fail_points(old, new),
        flows=_flows(old, new),
        customer_wait=RangeChange(old=old_stats.customer_wait.total, new=new_stats.customer_wait.total),
        customer_contacts=CountChange(old=old_stats.customer_contacts, new=new_stats.customer_contacts),
        line_crossings=_crossings(old_stats, new_stats),
        duration=RangeChange(old=old_stats.duration.total, new=new_stats.duration.total),
    )
