"""Rules register themselves by code; the catalogue in diagnostics.codes documents them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from blueprint.diagnostics import Diagnostic
from blueprint.model.types import Blueprint

Rule = Callable[[Blueprint], Iterator[Diagnostic]]
RULES: dict[str, Rule] = {}


def rule(*codes: str) -> Callable[[Rule], Rule]:
    """Register a check that may report any of `codes`."""

    def register(check: Rule) -> Rule:
        for code in codes:
            RULES[code] = check
        return check

    return register
