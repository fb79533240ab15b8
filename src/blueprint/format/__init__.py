"""Format stage: a .bp text without errors in, the same blueprint in one
canonical layout out (see `blueprint.format.layout` for the style)."""

from __future__ import annotations

from blueprint.format.unified_diff import unified_diff
from blueprint.format.equivalence import meaning_of
from blueprint.format.layout import canonical_text
from blueprint.format.lines import UnreadableLine


class UnsafeFormatError(RuntimeError):
    """The canonical text would not mean what the original means: a bug in the
    formatter, never the user's mistake; the file must be left as it is."""


__all__ = ["UnreadableLine", "UnsafeFormatError", "canonical_text", "meaning_of", "unified_diff"]
