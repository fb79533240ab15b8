"""The files an open document's `detail` references lead to, read for its check.

A document's check follows its details, and theirs, as `blueprint check`
follows them. A file open in the editor is read as the editor holds it,
saved or not; any other is read from disk, and what it held is kept by its
path, modification time and size, so that a keystroke reads again no file
that has not changed. Everything here runs on the checks' worker thread,
one check at a time, so nothing is shared between threads.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from blueprint.api import CheckResult, check_file, check_text, file_key, project_facts

if TYPE_CHECKING:
    from blueprint.project import FileFacts

# What an open document holds: its version and text, by the key of its file.
OpenTexts = Mapping[str, "tuple[int | None, str]"]


@dataclass
class _Opened:
    """The latest check of a document open in the editor, and its facts once another file asked for them."""

    version: int | None
    text: str
    result: CheckResult
    facts: FileFacts | None = None


@dataclass
class DetailReader:
    enabled: frozenset[str] = frozenset()  # the rules the kept checks were made with
    on_disk: dict[str, tuple[int, int, FileFacts]] = field(default_factory=dict)  # by key: mtime, size, facts
    in_editor: dict[str, _Opened] = field(default_factory=dict)

    def kept(self, key: str, version: int | None, text: str, result: CheckResult) -> None:
        """The check of an open document, for the checks of the documents that name it."""
        self.in_editor[key] = _Opened(version, text, result)

    def closed(self, key: str) -> None:
        self.in_editor.pop(key, None)

    def loader(self, opened: OpenTexts, enabled: frozenset[str]) -> Callable[[str], FileFacts]:
        """How a check with the rules `enabled` reads the file a detail names, given what is open in the editor."""
        if enabled != self.enabled:  # the settings changed: nothing kept holds
            self.enabled = enabled
            self.on_disk.clear()
            self.in_editor.clear()

        def load(name: str) -> FileFacts:
            key = file_key(name)
            document = opened.get(key)
            return self._from_disk(key, name) if document is None else self._from_editor(key, name, *document)

        return load

    def _from_editor(self, key: str, name: str, version: int | None, text: str) -> FileFacts:
        known = self.in_editor.get(key)
        if known is None or known.version != version or known.text != text:
            known = _Opened(version, text, check_text(text, name, self.enabled))
            self.in_editor[key] = known
        if known.facts is None:
            known.facts = project_facts(known.result)
        return known.facts

    def _from_disk(self, key: str, name: str) -> FileFacts:
        status = os.stat(name)  # an OSError is the project's: the file is as good as missing
        stamp = (status.st_mtime_ns, status.st_size)
        known = self.on_disk.get(key)
        if known is not None and known[:2] == stamp:
            return known[2]
        facts = project_facts(check_file(name, self.enabled))
        self.on_disk[key] = (*stamp, facts)
        return facts
