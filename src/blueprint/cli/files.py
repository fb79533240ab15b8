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
        if path.is_dir():
            inside = sorted(
                candidate
                for candidate in path.rglob(f"*{SUFFIX}")
                if candidate.is_file()
                and not any(part.startswith(".") for part in candidate.relative_to(path).parts[:-1])
            )
            if not inside:
                raise NoFilesError(f"no {SUFFIX} files in {raw}")
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise NoFilesError(f"no such file or directory: {raw}")
    return list(dict.fromkeys(found))
