""""Did you mean …?": the one way every stage guesses what a misspelt word was meant to be."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

# How alike a word and a suggestion must be (difflib's ratio, 0 to 1). Below
# about 0.6 the guesses stop being the word the writer had in mind.
CUTOFF = 0.6


def closest(word: str, choices: Sequence[str], cutoff: float = CUTOFF) -> str | None:
    """The choice most like `word`, if any is alike enough."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return close[0] if close else None


def first_alike(word: str, choices: Iterable[str], cutoff: float) -> str | None:
    """The first choice, in the order given, alike enough to `word`."""
    return next((choice for choice in choices if difflib.SequenceMatcher(None, word, choice).ratio() >= cutoff), None)


def as_hint(suggestion: str | None) -> str | None:
    return f"did you mean '{suggestion}'?" if suggestion else None


def did_you_mean(word: str, choices: Sequence[str], cutoff: float = CUTOFF) -> str | None:
    """The hint naming the choice most like `word`, or None."""
    return as_hint(closest(word, choices, cutoff))
