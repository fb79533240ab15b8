"""Diagnostics: what every stage reports instead of raising."""

from blueprint.diagnostics.codes import BY_CODE, CODES, Code, diagnostic
from blueprint.diagnostics.types import Diagnostic, Level

__all__ = ["BY_CODE", "CODES", "Code", "Diagnostic", "Level", "diagnostic"]
