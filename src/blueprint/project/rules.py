"""What the references of a project say once every file is read: cycles
(BP242), details that contradict the lanes of what they detail (BP243,
BP340), details with errors of their own (BP244) and files the root does
not reach (BP341)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import Diagnostic
from blueprint.model.types import Lane
from blueprint.project.codes import (DETAIL_CYCLE, DETAIL_LANE_CONFLICT, DETAIL_WITH_ERRORS, DETAIL_WITHOUT_CUSTOMER,
                                     ORPHAN_BLUEPRINT)
from blueprint.project.facts import BEHIND_VISIBILITY, Reference
from blueprint.project.references import Project
from blueprint.source import Span

FILE_START = Span(line=1, column=1, end_line=1, end_column=1)
# Enough customer actions to recognise the detail by; the rest are counted in the file itself.
NAMED_ACTIONS = 3


def cycles(project: Project) -> Iterator[Diagnostic]:
    """Each reference that leads back to a file on the way down to it, with the way."""
    done: set[str] = set()
    for start in project.files:
        if start not in done:
            yield from _walk(project, start, done)


def _walk(project: Project, start: str, done: set[str]) -> Iterator[Diagnostic]:
    # Depth first without recursion: a deep tree must not exhaust the stack.
    way: list[str] = [start]
    on_way = {start}
    pending = [iter(project.edges.get(start, ()))]
    while pending:
        edge = next(pending[-1], None)
        if edge is None:
            pending.pop()
            finished = way.pop()
            on_way.discard(finished)
            done.add(finished)
            continue
        reference, target = edge
        if target in on_way:
            chain = [project.named(key).name for key in way[way.index(target):]] + [project.named(target).name]
            yield DETAIL_CYCLE.at(project.named(way[-1]).name, reference.span,
                                  DETAIL_CYCLE.text("cycle", chain=" → ".join(chain)), hint=DETAIL_CYCLE.text("break"))
        elif target not in done:
            way.append(target)
            on_way.add(target)
            pending.append(iter(project.edges.get(target, ())))


def cycles_through(project: Project, start: str) -> Iterator[Diagnostic]:
    """Each reference of `start` whose details lead back to it, reported at
    that reference with the shortest way back: where an editor showing
    `start` shows a cycle that `cycles` reports in another file."""
    for reference, first in project.edges.get(start, ()):
        way = _shortest_way(project, first, start)
        if way is not None:
            chain = " → ".join(project.named(key).name for key in (start, *way))
            yield DETAIL_CYCLE.at(project.named(start).name, reference.span, DETAIL_CYCLE.text("cycle", chain=chain),
                                  hint=DETAIL_CYCLE.text("break"))


def _shortest_way(project: Project, first: str, goal: str) -> list[str] | None:
    """The files from `first` to `goal` along the references, both included, or None."""
    came_from: dict[str, str | None] = {first: None}
    queue = [first]
    while queue:
        key = queue.pop(0)
        if key == goal:
            way: list[str] = []
            at: str | None = key
            while at is not None:
                way.append(at)
                at = came_from[at]
            return way[::-1]
        for _, target in project.edges.get(key, ()):
            if target not in came_from:
                came_from[target] = key
                queue.append(target)
    return None


def _lanes(project: Project, parent: str, reference: Reference, target: str) -> Iterator[Diagnostic]:
    detail = project.named(target)
    name = project.named(parent).name
    owner = reference.owner_lanes
    if owner and owner <= BEHIND_VISIBILITY and detail.customer_actions:
        shown = ", ".join(detail.customer_actions[:NAMED_ACTIONS])
        shown += ", …" if len(detail.customer_actions) > NAMED_ACTIONS else ""
        yield DETAIL_LANE_CONFLICT.at(name, reference.span, DETAIL_LANE_CONFLICT.text(
            "conflict", owner=reference.owner, lanes=DETAIL_LANE_CONFLICT.text("behind"), path=reference.path,
            actions=shown), hint=DETAIL_LANE_CONFLICT.text("move"))
    elif owner == {Lane.CUSTOMER} and detail.errors == 0 and Lane.CUSTOMER not in detail.lanes:
        yield DETAIL_WITHOUT_CUSTOMER.at(name, reference.span, DETAIL_WITHOUT_CUSTOMER.text(
            "no_customer", owner=reference.owner, path=reference.path), hint=DETAIL_WITHOUT_CUSTOMER.text("which"))


def details(project: Project) -> Iterator[Diagnostic]:
    """What each detail says against what it details, and its own errors."""
    for parent, edges in project.edges.items():
        for reference, target in edges:
            yield from _lanes(project, parent, reference, target)
            errors = project.named(target).errors
            if errors:
                yield DETAIL_WITH_ERRORS.at(project.named(parent).name, reference.span, DETAIL_WITH_ERRORS.text(
                    "error" if errors == 1 else "errors", path=reference.path, count=errors))


def reachable(project: Project, root: str) -> list[str]:
    """The keys of the files the root leads to, the root first, in the order they are reached."""
    seen = {root: None}
    queue = [root]
    while queue:
        for _, target in project.edges.get(queue.pop(0), ()):
            if target not in seen:
                seen[target] = None
                queue.append(target)
    return list(seen)


def orphans(project: Project, root: str) -> Iterator[Diagnostic]:
    """Every file of the project the root does not lead to."""
    reached = set(reachable(project, root))
    root_name = project.named(root).name if root in project.files else root
    for key, facts in project.files.items():
        if key not in reached:
            yield ORPHAN_BLUEPRINT.at(facts.name, FILE_START, ORPHAN_BLUEPRINT.text("orphan", root=root_name),
                                      hint=ORPHAN_BLUEPRINT.text("link"))
