"""The check that stands in for validating models as they are made.

The builder, the decoder, the diagnostics and the rule catalogue make their
pydantic models with `model_construct` (see blueprint.model.types.Node), so
nothing checks their values as they are made. These helpers do, in the tests:
a model must be exactly what validating its own data gives, down to the type
of every value (a list where a tuple belongs, an int in a float field or a
plain string in an enum field would all compare equal, and all be caught).
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from pydantic import BaseModel


def assert_validates_as_built(model: BaseModel) -> None:
    validated = type(model).model_validate(model.model_dump())
    assert_same(model, validated, type(model).__name__)


def assert_same(built: Any, validated: Any, where: str) -> None:
    assert type(built) is type(validated), (
        f"{where} is a {type(built).__name__}; validating it gives a {type(validated).__name__}")
    if isinstance(built, BaseModel):
        for name in type(built).model_fields:
            assert_same(getattr(built, name), getattr(validated, name), f"{where}.{name}")
    elif is_dataclass(built):
        for field in fields(built):
            assert_same(getattr(built, field.name), getattr(validated, field.name), f"{where}.{field.name}")
    elif isinstance(built, (tuple, list)):
        assert len(built) == len(validated), f"{where} has {len(built)} items; validating it gives {len(validated)}"
        for index, (item, again) in enumerate(zip(built, validated)):
            assert_same(item, again, f"{where}[{index}]")
    elif isinstance(built, dict):
        assert list(built) == list(validated), f"{where} has the keys {list(built)}; validating gives {list(validated)}"
        for (key, value), (key_again, value_again) in zip(built.items(), validated.items()):
            assert_same(key, key_again, f"{where} key {key!r}")
            assert_same(value, value_again, f"{where}[{key!r}]")
    else:
        assert built == validated, f"{where} is {built!r}; validating it gives {validated!r}"
