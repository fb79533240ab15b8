"""The interchange document: an envelope naming the format and its version,
around the blueprint model exactly as the checker builds it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from blueprint.model.types import Blueprint

MODEL_FORMAT = "blueprint-model"
MODEL_VERSION = 1


class ModelDocument(BaseModel):
    """A blueprint as JSON: what `blueprint export` writes and `blueprint import` reads."""

    model_config = ConfigDict(frozen=True, title="Blueprint model document")

    format: Literal["blueprint-model"]
    version: Literal[1]
    blueprint: Blueprint


def to_json(blueprint: Blueprint) -> str:
    """The document as indented JSON, non-ASCII text kept as is, ending with a newline."""
    document = ModelDocument(format=MODEL_FORMAT, version=MODEL_VERSION, blueprint=blueprint)
    return document.model_dump_json(indent=2) + "\n"
