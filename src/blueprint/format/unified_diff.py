"""A unified diff between a file and its canonical layout, as `patch -p0` reads it."""

from __future__ import annotations

import difflib

NO_NEWLINE = "\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    # Split on LF only: str.splitlines would also break at \r, \v, \f and
    # other characters that are ordinary text inside a .bp line.
    pieces = text.split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    return lines


def unified_diff(name: str, before: str, after: str) -> str:
    """The changes from `before` to `after`; empty when they are equal."""
    lines = difflib.unified_diff(_lines(before), _lines(after), fromfile=name, tofile=name)
    return "".join(line if line.endswith("\n") else line + "\n" + NO_NEWLINE for line in lines)
