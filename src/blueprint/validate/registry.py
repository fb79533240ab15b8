"""Rules register themselves with the codes they report, declared beside them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from blueprint.diagnostics import Code, Diagnostic
from blueprint.model.types import Blueprint

Rule = Callable[[Blueprint], Iterator[Diagnostic]]
RULES: dict[str, Rule] = {}
DECLARED: dict[str, Code] = {}


def rule(*codes: Code) -> Callable[[Rule], Rule]:
    """Register a check that may report any of `codes`."""

    def register(check: Rule) -> Rule:
        for code in codes:
            RULES[code.code] = check
            DECLARED[code.code] = code
        return check

    return register
