"""What the API's jobs return: plain data, free of the stages that made it.

The front-ends (CLI, watch, integrations) and the reports read these; the
API (blueprint.api) makes them. Keeping them apart from the chain lets a
report or an exchange format name a result without importing the pipeline.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from blueprint.diagnostics import Diagnostic, Level
from blueprint.model.types import Blueprint
from blueprint.source import Source


class CheckResult(BaseModel):
    # Made with model_construct from the stages' own results (see
    # blueprint.model.types.Node); the validator is built on first use.
    model_config = ConfigDict(frozen=True, defer_build=True)

    name: str
    source: Source | None
    blueprint: Blueprint | None
    diagnostics: tuple[Diagnostic, ...]
    # The language its diagnostics are worded in (see `localized`).
    messages: str = "en"

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level is Level.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level is Level.WARNING]

    def written_in(self) -> str:
        """The language the file says it is written in (`lang`), or English when that is not known."""
        return self.blueprint.lang.value if self.blueprint is not None else "en"

    def localized(self, language: str | None = None) -> CheckResult:
        """The result with its diagnostics worded in `language` (en, zh or
        zh-Hant), by default in the language of its file."""
        language = language or self.written_in()
        return self.model_copy(update={"messages": language,
                                       "diagnostics": tuple(d.localized(language) for d in self.diagnostics)})

    @property
    def ok(self) -> bool:
        """True when the blueprint can be drawn (warnings allowed)."""
        return self.blueprint is not None and not self.errors


class FormatResult(BaseModel):
    """A file in the canonical layout, or the check that says why it cannot be formatted."""

    # Only `blueprint fmt` makes these: the validator is built on first use.
    model_config = ConfigDict(frozen=True, defer_build=True)

    check: CheckResult
    original: str = ""  # the text as given, byte order mark and CRLF line ends included
    text: str | None = None  # the canonical text; None when the input has errors

    @property
    def ok(self) -> bool:
        return self.text is not None

    @property
    def changed(self) -> bool:
        return self.text is not None and self.text != self.original

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.check.diagnostics


class RenderError(ValueError):
    """Rendering was asked of a blueprint with errors; nothing is drawn from invalid input."""


class InvalidBlueprintError(ValueError):
    """A job that needs a blueprint without errors was given one with errors."""
