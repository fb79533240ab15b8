"""Which parts of the model say where something was written, not what it says.

They are kept in an export, and ignored when two models are compared: a .bp
file written by `import` puts things on other lines than the file the JSON
came from.
"""

from __future__ import annotations

from typing import Any

POSITION_FIELDS = frozenset(
    {"span", "id_span", "source_span", "target_span", "recover_span", "max_wait_span", "headers", "source_name"}
)


def is_position(key: str) -> bool:
    """Whether a model field says where something was written: the fields
    above, and any other span, which the model names `<what>_span` (a tuple of them `<what>_spans`)."""
    return key in POSITION_FIELDS or key.endswith(("_span", "_spans"))


def without_positions(data: Any) -> Any:
    """A JSON-like value (from model_dump) with every position field dropped, at any depth."""
    if isinstance(data, dict):
        return {key: without_positions(value) for key, value in data.items() if not is_position(key)}
    if isinstance(data, list | tuple):
        return [without_positions(item) for item in data]
    return data
