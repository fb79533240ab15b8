"""Slotted dataclasses that share one `__repr__` and `__eq__`.

The parser's statements and the layout's scene nodes are slotted
dataclasses: tens of thousands of them make a long blueprint. The dataclass
decorator writes and compiles the source of every method it adds, for every
class, when the module is imported; on the command line's cold path that is
over thirty classes, and `__repr__` and `__eq__` were about half the cost.
They are written once here instead, and `record` asks the decorator for
`__init__` alone, which stays compiled per class because it runs for every
object made.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache

record = dataclass(slots=True, kw_only=True, repr=False, eq=False)


@cache
def field_names(record_class: type) -> tuple[str, ...]:
    return tuple(field.name for field in fields(record_class))


class Record:
    """Base of a `@record` class: equal to a record of the same class with equal
    fields, shown as `Name(field=value, …)`, unhashable (records may change
    while they are built), like a plain dataclass."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in field_names(type(self)))

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in field_names(type(self)))
        return f"{type(self).__qualname__}({values})"

    # Defining __eq__ would clear __hash__ anyway; say so.
    __hash__ = None  # type: ignore[assignment]
