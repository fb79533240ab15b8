"""Drawn SVGs kept by content hash, so that a rebuild redraws only what changed.

A drawing depends on nothing but the blueprint's text, the theme, the fonts,
what is drawn (the view and the scenario) and the code that draws it, so its
key is the SHA-256 of those. Two levels:

- memory, for the whole process: `mkdocs serve` builds a fresh plugin for
  every rebuild, and the drawings of unchanged blueprints survive that;
- an optional folder, for later processes: one `<key>.svg` file per drawing,
  written atomically, so that interrupted or parallel builds never leave a
  half-written file behind.

The cache holds exactly what the renderer returned, so a build gives the same
bytes whether or not it is used. Failing to read or write the folder only
costs a redraw; it never fails a build.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections import OrderedDict
from functools import cache
from pathlib import Path

import blueprint
from blueprint.api import CheckResult
from blueprint.integrations.drawn import Drawn

log = logging.getLogger(__name__)

MEMORY_ENTRIES = 512  # about 20 MB of SVG at the examples' sizes
_KEY = re.compile(r"[0-9a-f]{64}")
_DRAWING_CODE_SUFFIXES = frozenset({".py", ".j2", ".json", ".lark", ".css", ".js", ".txt"})
_memory: OrderedDict[str, str] = OrderedDict()


class DrawingCache:
    """One build's view of the cache, counting what it drew and what it reused."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.drawn = 0
        self.reused = 0
        self.used: set[str] = set()

    def svg(self, result: CheckResult, text: str, theme: str, fonts: str = "embed", drawn: Drawn = Drawn(),
            detail_links: bool = False) -> str:
        """The SVG of `result` (checked from `text`, without errors) in `theme`,
        with its fonts embedded or not (`fonts`, as `blueprint render --fonts`),
        the view and scenario `drawn` asks for, its detail tags linked to their
        .bp paths or not (`detail_links`). Raises UnknownScenario when the
        blueprint does not declare the scenario."""
        key = drawing_key(text, theme, fonts + ("+detail-links" if detail_links else ""), drawn)
        self.used.add(key)
        svg = _memory.get(key)
        if svg is None and self.folder is not None:
            svg = self._read(key)
        if svg is not None:
            self.reused += 1
            if self.folder is not None and not (self.folder / f"{key}.svg").is_file():
                self._write(key, svg)  # kept in memory, but the folder was emptied meanwhile
        else:
            svg = drawn.svg(result, theme, fonts, detail_links)
            self.drawn += 1
            self._write(key, svg)
        _memory[key] = svg
        _memory.move_to_end(key)
        while len(_memory) > MEMORY_ENTRIES:
            _memory.popitem(last=False)
        return svg

    def prune(self) -> int:
        """Delete the folder's drawings this build did not use; how many went."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.glob("*.svg"):
            if _KEY.fullmatch(path.stem) and path.stem not in self.used:
                try:
                    path.unlink()
                    removed += 1
                except OSError as error:
                    log.debug("blueprint: cannot remove %s from the cache: %s", path.name, error)
        return removed

    def _read(self, key: str) -> str | None:
        assert self.folder is not None
        try:
            return (self.folder / f"{key}.svg").read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as error:
            log.debug("blueprint: cannot read %s.svg from the cache: %s", key, error)
            return None

    def _write(self, key: str, svg: str) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".svg")
            try:
                with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                    stream.write(svg)
                os.replace(temporary, self.folder / f"{key}.svg")
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            log.debug("blueprint: cannot write %s.svg to the cache: %s", key, error)


def drawing_key(text: str, theme: str, fonts: str = "embed", drawn: Drawn = Drawn()) -> str:
    digest = hashlib.sha256()
    for part in (drawing_code_fingerprint(), theme, fonts, *drawn.key_parts, text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@cache
def drawing_code_fingerprint() -> str:
    """A hash of the installed blueprint package's code and data (fonts and
    these integrations aside), so that a changed renderer, even one installed
    in editable mode without a new version number, never serves old drawings."""
    package = Path(blueprint.__file__).resolve().parent
    digest = hashlib.sha256(blueprint.__version__.encode("utf-8"))
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if (
            path.suffix in _DRAWING_CODE_SUFFIXES
            and relative.parts[0] != "integrations"
            and "__pycache__" not in relative.parts
            and path.is_file()
        ):
            digest.update(relative.as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def clear_memory() -> None:
    """Forget the drawings kept in memory (for tests that count redraws)."""
    _memory.clear()
