"""A diagnostic is data: code, severity, place, message, hint."""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

from blueprint.source import Span


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Diagnostic(BaseModel):
    # Most files have nothing to report: the validator is built on first use.
    model_config = ConfigDict(frozen=True, defer_build=True)

    code: str
    level: Level
    message: str
    file: str
    span: Span
    hint: str | None = None
    # The message and hint as texts of every language (blueprint.diagnostics.texts),
    # when the code words them so: not a field, so part of no output.
    _texts: Any = PrivateAttr(default=(None, None))

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    def localized(self, language: str) -> Diagnostic:
        """The same finding worded in `language` (en, zh or zh-Hant): same code, level and place."""
        message, hint = self._texts
        if language == "en" or (message is None and hint is None):
            return self
        return self.model_copy(update={
            "message": message.worded(language) if message is not None else self.message,
            "hint": hint.worded(language) if hint is not None else self.hint,
        })

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.span.line, self.span.column, self.code)
