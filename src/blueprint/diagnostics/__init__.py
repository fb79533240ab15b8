"""Diagnostics: what every stage reports instead of raising, and how a stage declares the codes it reports."""

from blueprint.diagnostics.declaration import EXAMPLE_HEAD, EXAMPLE_STEP, Code, declare
from blueprint.diagnostics.texts import MESSAGE_LANGUAGES, Choices, Say, Text, did_you_mean, message_language
from blueprint.diagnostics.types import Diagnostic, Level

__all__ = ["EXAMPLE_HEAD", "EXAMPLE_STEP", "MESSAGE_LANGUAGES", "Choices", "Code", "Diagnostic", "Level", "Say",
           "Text", "declare", "did_you_mean", "message_language"]
