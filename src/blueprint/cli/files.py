"""Which .bp files a command works on: files as given, directories searched."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

SUFFIX = ".bp"


class NoFilesError(ValueError):
    """A path that does not exist, or a directory with no .bp file in it."""


def discover(paths: Iterable[str]) -> list[Path]:
    """Files in the order given, directories expanded to their .bp files in sorted
    order (hidden folders skipped); each file once."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            found.extend(_files_at(path, raw))
        except OSError as error:  # a name too long, a loop of links: the path cannot be read
            raise NoFilesError(f"cannot read {raw}: {error.strerror or error}") from None
    return list(dict.fromkeys(found))


def _files_at(path: Path, raw: str) -> list[Path]:
    """The file `path`, or the .bp files in the directory `path`; OSError is the caller's."""
    if path.is_dir():
        inside = sorted(
            candidate
            for candidate in path.rglob(f"*{SUFFIX}")
            if candidate.is_file()
            and not any(part.startswith(".") for part in candidate.relative_to(path).parts[:-1])
        )
        if not inside:
            raise NoFilesError(f"no {SUFFIX} files in {raw}")
        return inside
    if path.exists():
        return [path]
    raise NoFilesError(f"no such file or directory: {raw}")
