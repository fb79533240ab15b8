"""What a blueprint means, without where it was written: formatting moves
lines and columns, so spans differ, and nothing else may."""

from __future__ import annotations

from typing import Any

from blueprint.model.types import Blueprint


def meaning_of(blueprint: Blueprint) -> dict[str, Any]:
    """The model as plain data, with every span and the source name left out."""
    return _without_positions(blueprint.model_dump(mode="json", exclude={"source_name"}))


def _without_positions(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_positions(item) for key, item in value.items() if not key.endswith(("span", "spans"))}
    if isinstance(value, list):
        return [_without_positions(item) for item in value]
    return value
