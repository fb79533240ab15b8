"""Layout stage: a validated Blueprint in, a positioned Scene out."""

from __future__ import annotations

from blueprint.layout.scene import Scene
from blueprint.model.types import Blueprint


def layout(blueprint: Blueprint, measurer=None) -> Scene:
    from blueprint.layout.engine import lay_out

    return lay_out(blueprint, measurer)


__all__ = ["Scene", "layout"]
