"""Following `detail` references from file to file: each path read, checked
for its form (BP241) and found on disk (BP240), and each file it names
checked once, however many files name it.

The project stage reads no file itself: the API hands it `load`, which
checks a file by its name and returns its facts (as the importer is handed
the check), so the order of the stages stays the API's to know.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from blueprint.diagnostics import Diagnostic
from blueprint.project.codes import BAD_DETAIL_PATH, MISSING_DETAIL
from blueprint.project.facts import FileFacts, Reference

Load = Callable[[str], FileFacts]
# A drive letter or an address's scheme (`C:`, `https:`): not a relative path.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def file_key(name: str) -> str:
    """One key per file on disk, however its name was written."""
    return os.path.normcase(os.path.realpath(name))


def path_problem(path: str) -> str | None:
    """Why `path` cannot be a detail's path ("not_bp", "form"), or None."""
    if "\\" in path or path.startswith("/") or _SCHEME.match(path) or not path or "//" in path:
        return "form"
    if not path.endswith(".bp") or path.endswith("/.bp"):
        return "not_bp"
    return None


def detail_name(parent: str, path: str) -> str:
    """The name a detail is reported under: its path joined to the folder of its parent's name."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(parent.replace(os.sep, "/")), path))


@dataclass
class Project:
    """The files of a project and the references between them, by file key."""

    files: dict[str, FileFacts] = field(default_factory=dict)
    # Each file's references that name a file of the project, with that file's key.
    edges: dict[str, list[tuple[Reference, str]]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reached: list[str] = field(default_factory=list)  # keys of files read because a detail names them

    def named(self, key: str) -> FileFacts:
        return self.files[key]


def resolve(given: Iterable[FileFacts], load: Load) -> Project:
    """The project of the given files and every file their details lead to.
    A file is read once, the first time a reference names it."""
    project = Project()
    queue: list[str] = []
    for facts in given:
        key = file_key(facts.name)
        if key not in project.files:
            project.files[key] = facts
            queue.append(key)
    while queue:
        key = queue.pop(0)
        parent = project.files[key]
        project.edges[key] = [edge for reference in parent.references
                              if (edge := _follow(project, parent, reference, load, queue)) is not None]
    return project


def _missing(project: Project, parent: FileFacts, reference: Reference, looked: str) -> None:
    project.diagnostics.append(MISSING_DETAIL.at(parent.name, reference.span,
                                                 MISSING_DETAIL.text("missing", path=reference.path, looked=looked),
                                                 hint=MISSING_DETAIL.text("relative")))


def _follow(project: Project, parent: FileFacts, reference: Reference, load: Load,
            queue: list[str]) -> tuple[Reference, str] | None:
    problem = path_problem(reference.path)
    if problem is not None:
        project.diagnostics.append(BAD_DETAIL_PATH.at(parent.name, reference.span,
                                                      BAD_DETAIL_PATH.text(problem, path=reference.path),
                                                      hint=BAD_DETAIL_PATH.text("write")))
        return None
    name = detail_name(parent.name, reference.path)
    key = file_key(name)
    if key in project.files:
        return reference, key
    if not os.path.isfile(name):
        _missing(project, parent, reference, name)
        return None
    try:
        project.files[key] = load(name)
    except OSError as error:  # there a moment ago, unreadable now: as good as missing
        _missing(project, parent, reference, f"{name}: {error.strerror or error}")
        return None
    project.reached.append(key)
    queue.append(key)
    return reference, key
