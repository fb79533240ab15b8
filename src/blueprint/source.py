"""Source text and positions: what every diagnostic and model node points back to."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict


# A frozen, slotted dataclass rather than a pydantic model: a long file has
# tens of thousands of spans, which pydantic models keep as they are (it
# validates a dataclass's fields only when it builds one from data, such as
# JSON) at a sixth of a model instance's memory.
@dataclass(frozen=True, slots=True)
class Span:
    """A range in a source file; lines and columns are 1-based, the end is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int, width: int = 1) -> Span:
        return cls(line=line, column=column, end_line=line, end_column=column + max(width, 1))


class Source(BaseModel):
    """A decoded .bp text and the name it is reported under (a path, or `<stdin>`)."""

    # Made with model_construct on the command line's path (see
    # blueprint.model.types.Node); the validator is built on first use.
    model_config = ConfigDict(frozen=True, defer_build=True)

    name: str
    text: str

    def line_text(self, line: int) -> str:
        lines = self.text.split("\n")
        if 1 <= line <= len(lines):
            return lines[line - 1].rstrip("\r")
        return ""
