"""Validate stage: a model in, diagnostics about its meaning and practice out.

Each rule declares the codes it reports beside its check (see registry.py);
blueprint.catalogue collects them with the other stages' codes.
"""

from __future__ import annotations

from collections.abc import Iterable

from blueprint.diagnostics import Code, Diagnostic
from blueprint.model.types import Blueprint
from blueprint.validate import meaning, practice, references, repeats, zones  # noqa: F401  (registers the rules)
from blueprint.validate import practitioner  # noqa: F401  (registers the rules)
from blueprint.validate import channels, decisions, roles  # noqa: F401  (registers the rules)
from blueprint.validate import scenarios  # noqa: F401  (registers the rules)
from blueprint.validate.scenario_paths import scenario_findings
from blueprint.validate.registry import DECLARED, RULES

CODES: tuple[Code, ...] = tuple(DECLARED[code] for code in sorted(DECLARED))
_DEFAULT_RULES = frozenset(code.code for code in CODES if code.default_enabled)


def validate(blueprint: Blueprint, enabled: Iterable[str] | None = None) -> list[Diagnostic]:
    """Every enabled rule's findings (by default, the rules on by default),
    and the path rules' findings in each scenario; a check shared by several
    codes runs once."""
    wanted = _DEFAULT_RULES if enabled is None else set(enabled)
    checks = {RULES[code] for code in wanted if code in RULES}
    found: list[Diagnostic] = []
    for check in sorted(checks, key=lambda c: c.__name__):
        found.extend(d for d in check(blueprint) if d.code in wanted)
    # Each scenario is a path of its own: the path rules check it too.
    found.extend(scenario_findings(blueprint, wanted, found))
    return found
