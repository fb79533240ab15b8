"""Figures rolled up a tree of blueprints: the end-to-end service with its
details.

A detail zooms into the step or action it details, so it stands in for it:
the rolled-up figures of a blueprint are those of its own steps and actions
that no detail covers, plus the rolled-up figures of each detail. A step
detailed by a blueprint counts the detail's waits and fail points instead of
its own, which the detail draws again more closely; nothing is counted twice.
A detail named by two parents happens in both, and counts in both.

The promise of a tree is its root's max-wait: the customer is promised the
end-to-end service, so every wait point the rolled-up figures count is held
to it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from blueprint.analysis.measures import Length, TimeRange
from blueprint.analysis.stats import StatsReport
from blueprint.model.types import Action, Blueprint, DurationRange, Severity
from blueprint.project.references import detail_name, file_key


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class OwnFigures(_Frozen):
    """What one blueprint holds itself, its details left aside."""

    steps: int
    fail_points: int
    high_fail_points: int  # of severity high
    wait_points: int
    customer_wait: TimeRange


class TreeFile(_Frozen):
    """One blueprint where it stands in the tree."""

    file: str
    title: str | None
    level: int  # 0: the root
    parent: str | None
    details: str | None  # the ID of the parent's step or action it details
    steps: int  # its own, as are the next four
    fail_points: int
    high_fail_points: int
    wait_points: int
    customer_wait: TimeRange
    rolled_fail_points: int  # with its details in place of what they detail
    rolled_high_fail_points: int
    rolled_customer_wait: TimeRange


class LevelFigures(_Frozen):
    """The blueprints at one depth of the tree, each counted with its own figures."""

    level: int
    files: int
    fail_points: int
    customer_wait: TimeRange


class TreeStats(_Frozen):
    """A root blueprint and every detail below it."""

    root: str
    title: str | None
    files: int  # distinct files in the tree
    levels: int
    fail_points: int  # rolled up to the root: the end-to-end service
    high_fail_points: int
    customer_wait: TimeRange
    max_wait: Length | None  # the root's promise
    waits_beyond: int  # rolled-up wait points longer, at their longest, than the root's promise
    per_level: list[LevelFigures]
    tree: list[TreeFile]  # depth first, in the order the references are written


class ProjectStatsReport(StatsReport):
    """`blueprint stats --format json` of blueprints with details: each
    blueprint's own figures, then each tree's."""

    trees: list[TreeStats] = []


class _Rolled(NamedTuple):
    fails: int
    high_fails: int
    wait: TimeRange
    longest: tuple[float, ...]  # each wait point's longest, in seconds


class _Tree:
    """The blueprints by file key, and the figures rolled up from each."""

    def __init__(self, blueprints: Mapping[str, Blueprint]) -> None:
        self.blueprints = {file_key(name): blueprint for name, blueprint in blueprints.items()}
        self.rolled: dict[str, _Rolled] = {}

    def children(self, key: str) -> Iterator[tuple[str, str]]:
        """(the ID it details, the detail's key) for each detail of the blueprint that was read."""
        blueprint = self.blueprints[key]
        for owner in (owner for step in blueprint.steps for owner in (step, *step.actions)):
            if owner.detail is not None:
                child = file_key(detail_name(blueprint.source_name, owner.detail.path))
                if child in self.blueprints:
                    yield owner.id, child

    def roll(self, key: str, visiting: frozenset[str] = frozenset()) -> _Rolled:
        if key not in self.rolled:
            blueprint = self.blueprints[key]
            covered = _covered(blueprint, {owner for owner, child in self.children(key)})
            kept = [action for action in blueprint.actions() if action.id not in covered]
            parts = [_Rolled(_fails(kept), _fails(kept, Severity.HIGH), _wait(kept),
                             tuple(wait.duration.max.seconds for action in kept for wait in action.waits))]
            # A cycle is an error found before; never loop on one.
            parts += [self.roll(child, visiting | {key}) for _, child in self.children(key) if child not in visiting]
            self.rolled[key] = _Rolled(sum(part.fails for part in parts), sum(part.high_fails for part in parts),
                                       _sum([part.wait for part in parts]),
                                       tuple(seconds for part in parts for seconds in part.longest))
        return self.rolled[key]


def _covered(blueprint: Blueprint, detailed: set[str]) -> set[str]:
    """The actions a detail covers: detailed ones, and every action of a detailed step."""
    return {action.id for step in blueprint.steps for action in step.actions
            if action.id in detailed or step.id in detailed}


def _fails(actions: list[Action], severity: Severity | None = None) -> int:
    return sum(1 for action in actions for fail in action.fails if severity is None or fail.severity is severity)


def own_figures(blueprint: Blueprint) -> OwnFigures:
    """The blueprint's own steps, fail points and customer wait."""
    actions = blueprint.actions()
    return OwnFigures(steps=len(blueprint.steps), fail_points=_fails(actions),
                      high_fail_points=_fails(actions, Severity.HIGH),
                      wait_points=sum(len(action.waits) for action in actions), customer_wait=_wait(actions))


def _wait(actions: list[Action]) -> TimeRange:
    ranges: list[DurationRange] = [wait.duration for action in actions for wait in action.waits]
    return TimeRange.total(ranges)


def _sum(ranges: list[TimeRange]) -> TimeRange:
    return TimeRange(min_seconds=sum(r.min_seconds for r in ranges), max_seconds=sum(r.max_seconds for r in ranges))


def _files(tree: _Tree, root: str) -> list[TreeFile]:
    found: list[TreeFile] = []
    # (key, level, parent's name, the ID it details, the keys above it): depth first, without recursion.
    stack: list[tuple[str, int, str | None, str | None, frozenset[str]]] = [(root, 0, None, None, frozenset())]
    while stack:
        key, level, parent, details, above = stack.pop()
        blueprint = tree.blueprints[key]
        rolled = tree.roll(key)
        found.append(TreeFile(file=blueprint.source_name, title=blueprint.title, level=level, parent=parent,
                              details=details, **dict(own_figures(blueprint)), rolled_fail_points=rolled.fails,
                              rolled_high_fail_points=rolled.high_fails, rolled_customer_wait=rolled.wait))
        below = [(owner, child) for owner, child in tree.children(key) if child not in above | {key}]
        stack.extend((child, level + 1, blueprint.source_name, owner, above | {key}) for owner, child in reversed(below))
    return found


def _per_level(files: list[TreeFile]) -> list[LevelFigures]:
    levels = sorted({f.level for f in files})
    return [LevelFigures(level=level, files=len({f.file for f in files if f.level == level}),
                         fail_points=sum(f.fail_points for f in files if f.level == level),
                         customer_wait=_sum([f.customer_wait for f in files if f.level == level]))
            for level in levels]


def tree_stats(blueprints: Mapping[str, Blueprint], root: str | None = None) -> list[TreeStats]:
    """The trees of the given blueprints (by the name each was checked under):
    the one from `root`, or else one from each blueprint with details that no
    other detail names. Blueprints without details make no tree."""
    tree = _Tree(blueprints)
    named = {child for key in tree.blueprints for _, child in tree.children(key)}
    if root is not None:
        roots = [file_key(root)] if file_key(root) in tree.blueprints else []
    else:
        roots = [key for key in tree.blueprints if key not in named and any(tree.children(key))]
    trees = []
    for key in roots:
        files, rolled, promise = _files(tree, key), tree.roll(key), tree.blueprints[key].max_wait
        trees.append(TreeStats(root=files[0].file, title=files[0].title, files=len({f.file for f in files}),
                               levels=max(f.level for f in files) + 1, fail_points=rolled.fails,
                               high_fail_points=rolled.high_fails, customer_wait=rolled.wait,
                               max_wait=None if promise is None else Length(seconds=promise.seconds, text=promise.text),
                               waits_beyond=0 if promise is None else sum(s > promise.seconds for s in rolled.longest),
                               per_level=_per_level(files), tree=files))
    return trees


def detail_edges(blueprints: Mapping[str, Blueprint]) -> dict[str, list[str]]:
    """For each blueprint (by the name it was checked under), the names of
    its details among the given ones, in the order its references are written, each once."""
    tree = _Tree(blueprints)
    name_of = {file_key(name): name for name in blueprints}
    return {name: list(dict.fromkeys(name_of[child] for _, child in tree.children(file_key(name))))
            for name in blueprints}
