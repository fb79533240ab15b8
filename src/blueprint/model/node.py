"""The base of every node of the blueprint model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Node(BaseModel):
    """A model node. The builder (blueprint.model.build) makes nodes with
    `model_construct` from values it has already checked and typed, and the
    tests hold every blueprint it builds to be exactly what validating it
    gives (tests/model/test_as_built.py). Validating as they are made would build
    the validators, and pydantic's plugin lookup with the first of them
    (it imports importlib.metadata), on every start of the command line:
    about 30 ms, more than checking a 100-action file. Made unvalidated, a
    node costs a few microseconds more, a third more time in this stage.
    The validators are built only when a blueprint comes from outside, as in
    `blueprint import`."""

    model_config = ConfigDict(frozen=True, defer_build=True)
