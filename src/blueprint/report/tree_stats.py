"""`stats` of a tree of blueprints, for people: the end-to-end figures with
every detail in place, the tree with each file's own and rolled-up figures,
and the figures per level."""

from __future__ import annotations

from collections.abc import Sequence

from blueprint.analysis.measures import TimeRange
from blueprint.project.rollup import TreeStats
from blueprint.report.table import plural, table


def _wait(value: TimeRange) -> str:
    return "-" if value.max_seconds == 0 else value.text


def _fails(tree: TreeStats) -> str:
    high = f" ({tree.high_fail_points} high)" if tree.high_fail_points else ""
    return plural(tree.fail_points, "fail point") + high


def _beyond(tree: TreeStats) -> str:
    if tree.max_wait is None or not tree.waits_beyond:
        return ""
    return f", {plural(tree.waits_beyond, 'wait')} beyond the {tree.max_wait.text} promise"


def format_tree(tree: TreeStats) -> str:
    heading = [
        f"{tree.title or '(untitled)'}, with its details",
        " · ".join([tree.root, plural(tree.files, "file"), plural(tree.levels, "level")]),
        "",
        f"End to end: customer wait {_wait(tree.customer_wait)}, {_fails(tree)}{_beyond(tree)}",
        "(each detail counted in place of the step or action it details)",
    ]
    rows = [["Blueprint", "Details", "Fail points", "Customer wait", "Rolled-up fail points", "Rolled-up wait"]]
    for found in tree.tree:
        rows.append(["  " * found.level + found.file, found.details or "-", str(found.fail_points),
                     _wait(found.customer_wait), str(found.rolled_fail_points), _wait(found.rolled_customer_wait)])
    levels = [["Level", "Files", "Fail points", "Customer wait"]]
    levels += [[str(level.level), str(level.files), str(level.fail_points), _wait(level.customer_wait)]
               for level in tree.per_level]
    sections = [heading, table(rows, right=frozenset({2, 4}), indent=""),
                ["Per level (each file's own figures)", *table(levels, right=frozenset({0, 1, 2}))]]
    return "\n\n".join("\n".join(section) for section in sections)


def format_trees(trees: Sequence[TreeStats]) -> str:
    return "\n\n\n".join(format_tree(tree) for tree in trees)
