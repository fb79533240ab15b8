"""Every diagnostic code the checker can report, collected from the stages that declare them.

Each stage declares its codes beside the code that reports them
(blueprint.parse.codes, blueprint.model.codes, and each rule of
blueprint.validate beside its check). This module, above the stages, is the
one place that knows them all: the settings that choose rules, the SARIF
rule list and the rule reference (docs/rules.md) read it. The stages never
import it.
"""

from __future__ import annotations

from blueprint import validate
from blueprint.diagnostics import Code
from blueprint.model import codes as model_codes
from blueprint.parse import codes as parse_codes
from blueprint.project import codes as project_codes


class DuplicateCodeError(RuntimeError):
    """Two different declarations of one code: a programming error, caught by the tests."""


def _collect(*declared: tuple[Code, ...]) -> dict[str, Code]:
    by_code: dict[str, Code] = {}
    for code in (code for codes in declared for code in codes):
        # A code reported by two stages is declared once, and shared.
        if by_code.setdefault(code.code, code) is not code:
            raise DuplicateCodeError(f"{code.code} is declared twice")
    return dict(sorted(by_code.items()))


BY_CODE: dict[str, Code] = _collect(parse_codes.CODES, model_codes.CODES, validate.CODES, project_codes.CODES)
CODES: tuple[Code, ...] = tuple(BY_CODE.values())
DEFAULT_CODES = frozenset(code.code for code in CODES if code.default_enabled)
