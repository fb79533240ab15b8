"""What is wrong with an imported document, each problem at its JSON path."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict


class ImportProblem(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: str  # JSONPath-like: $.blueprint.steps[0].actions[1].lane
    message: str
    hint: str | None = None
    bp_line: str | None = None  # the .bp line the value would have been written as


def json_path(location: Sequence[str | int]) -> str:
    path = "$"
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path

