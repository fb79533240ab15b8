"""Where in a Markdown page a blueprint is, so messages can give its line.

Python-Markdown tells its processors no line numbers, and what they see is
not the file: MkDocs has cut the front matter, whitespace is normalised, and
a fence nested in an admonition or a list is handed over unindented. So a
block is found by its text in the page as written, compared line by line
without indentation, blockquote marks or differences of spacing.
"""

from __future__ import annotations

import re

FENCE_OPENING = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*?)[ \t]*$")
_QUOTE_PREFIX = re.compile(r"^[\s>]*")
_SPACE = re.compile(r"\s+")


class PageLines:
    """The lines of one page, and which of them the blocks found so far took."""

    def __init__(self, text: str) -> None:
        self.lines = [_comparable(line) for line in text.split("\n")]
        self._blocks_taken: set[int] = set()
        self._reference_cursor = 0
        self._code_lines: set[int] | None = None

    def block_line(self, text: str) -> int | None:
        """The page line (1-based) of a fenced block's first line: the first
        place in the page with the block's text that no earlier block took.
        (Blocks are not met in page order: superfences finds the nested ones
        after the extension has taken those at the margin.) None if not found."""
        wanted = [_comparable(line) for line in text.split("\n")]
        while wanted and not wanted[-1]:
            wanted.pop()
        if not any(wanted):
            return None
        for start in range(len(self.lines) - len(wanted) + 1):
            if start not in self._blocks_taken and self.lines[start:start + len(wanted)] == wanted:
                self._blocks_taken.add(start)
                return start + 1
        return None

    def reference_line(self, reference: str) -> int | None:
        """The page line (1-based) where an image names `reference`, or None.
        Images are met in page order; code (fenced, or in backticks) is skipped."""
        if self._code_lines is None:
            self._code_lines = _fenced_lines(self.lines)
        for cursor in (self._reference_cursor, 0):
            for index in range(cursor, len(self.lines)):
                if index not in self._code_lines and _names_outside_code(self.lines[index], reference):
                    self._reference_cursor = index + 1
                    return index + 1
        return None


def _comparable(line: str) -> str:
    """A line as both the page file and Python-Markdown's preprocessed text
    have it: no blockquote marks or indentation, runs of space (tabs are
    expanded on one side only) as one, no STX/ETX (removed on one side)."""
    return _SPACE.sub(" ", _QUOTE_PREFIX.sub("", line.replace("\x02", "").replace("\x03", ""))).strip()


def _fenced_lines(lines: list[str]) -> set[int]:
    """Indices of the lines inside fenced code blocks, fences included."""
    inside: set[int] = set()
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = FENCE_OPENING.match(line)
        if fence is None and opening:
            fence = opening.group("fence")
            inside.add(index)
        elif fence is not None:
            inside.add(index)
            if line.startswith(fence) and not line.strip(fence[0]).strip():
                fence = None
    return inside


def _names_outside_code(line: str, reference: str) -> bool:
    for target in (f"]({reference}", f"]( {reference}", f"](<{reference}>"):
        start = line.find(target)
        while start != -1:
            if line.count("`", 0, start) % 2 == 0:
                return True
            start = line.find(target, start + 1)
    return False
