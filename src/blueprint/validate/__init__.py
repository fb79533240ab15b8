"""Validate stage: a model in, diagnostics about its meaning and practice out."""

from __future__ import annotations

from collections.abc import Iterable

from blueprint.diagnostics import CODES, Diagnostic
from blueprint.model.types import Blueprint
from blueprint.validate import meaning, practice  # noqa: F401  (registers the rules)
from blueprint.validate.registry import RULES

DEFAULT_CODES = frozenset(code.code for code in CODES if code.default_enabled)


def validate(blueprint: Blueprint, enabled: Iterable[str] = DEFAULT_CODES) -> list[Diagnostic]:
    """Every enabled rule's findings; a check shared by several codes runs once."""
    wanted = set(enabled)
    checks = {RULES[code] for code in wanted if code in RULES}
    found: list[Diagnostic] = []
    for check in sorted(checks, key=lambda c: c.__name__):
        found.extend(d for d in check(blueprint) if d.code in wanted)
    return found
