"""Project stage: the `detail` references between blueprint files.

Given the facts of the checked files (blueprint.project.facts), it follows
each reference to the file it names (read through the loader the API hands
it), and reports what is wrong across files: a missing or malformed path, a
cycle, a detail whose lanes contradict what it details, a detail with errors,
a file the project's root does not reach. It also rolls the figures of a
tree of blueprints up to its root (blueprint.project.rollup).
"""

from __future__ import annotations

from collections.abc import Iterable

from blueprint.diagnostics import Diagnostic
from blueprint.project.facts import FileFacts, Reference, file_facts
from blueprint.project.references import Load, Project, detail_name, file_key, resolve
from blueprint.project.rules import cycles, cycles_through, details, orphans, reachable

__all__ = ["FileFacts", "Load", "Project", "Reference", "check_project", "detail_name", "file_facts", "file_key",
           "findings_of_file", "reachable", "resolve"]


def check_project(given: Iterable[FileFacts], load: Load, root: str | None = None) -> tuple[Project, list[Diagnostic]]:
    """The project the given files lead to, and its findings across files,
    in a stable order. `root`, the name of the project's root blueprint, adds
    a finding for every file it does not reach."""
    project = resolve(given, load)
    found = [*project.diagnostics, *cycles(project), *details(project)]
    if root is not None:
        found.extend(orphans(project, file_key(root)))
    return project, sorted(found, key=Diagnostic.sort_key)


def findings_of_file(facts: FileFacts, load: Load) -> tuple[Project, list[Diagnostic]]:
    """The findings across files that belong to one file, as an editor showing
    it reports them: those `check_project` places in it, and a cycle through
    it at its own reference that starts the way back (`check_project`
    reports that cycle where it closes, in another file)."""
    project = resolve([facts], load)
    start = file_key(facts.name)
    found = [diagnostic for diagnostic in (*project.diagnostics, *details(project))
             if diagnostic.file == facts.name]
    found.extend(cycles_through(project, start))
    return project, sorted(found, key=Diagnostic.sort_key)
