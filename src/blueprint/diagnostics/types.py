"""A diagnostic is data: code, severity, place, message, hint."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict

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

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.span.line, self.span.column, self.code)
