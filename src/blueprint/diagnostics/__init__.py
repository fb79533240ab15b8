"""Diagnostics: what every stage reports instead of raising, and how a stage declares the codes it reports."""

from blueprint.diagnostics.declaration import EXAMPLE_HEAD, EXAMPLE_STEP, Code, declare
from blueprint.diagnostics.types import Diagnostic, Level

__all__ = ["EXAMPLE_HEAD", "EXAMPLE_STEP", "Code", "Diagnostic", "Level", "declare"]
