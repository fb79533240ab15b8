"""Layout stage: a validated Blueprint in, a positioned Scene out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from blueprint.scene import Scene
from blueprint.model.types import Blueprint

if TYPE_CHECKING:
    from blueprint.analysis.diff_result import BlueprintDiff


def layout(blueprint: Blueprint, measurer=None, compare: BlueprintDiff | None = None) -> Scene:
    """The scene of `blueprint`. With `compare`, the diff from an older
    blueprint to this one, the drawing marks what changed (its `marks()`):
    new and changed cards and steps, new fail points, and a list of what was
    removed. Without it nothing is marked and nothing moves."""
    from blueprint.layout.engine import lay_out
    from blueprint.parse.gcpause import paused

    # The layout allocates hundreds of thousands of small, acyclic objects
    # (boxes, routes, points, texts) while the model is alive: with the
    # collector running, its full passes rescan the model and the growing
    # scene for nothing. The API pauses it around layout and rendering; the
    # stage pauses it itself for every other caller.
    with paused():
        return lay_out(blueprint, measurer, compare)


def layout_overview(blueprint: Blueprint, measurer=None) -> Scene:
    """The overview scene of `blueprint`: its phases as columns, with their
    key steps and their fail and wait figures (see blueprint.layout.overview)."""
    from blueprint.layout.overview import lay_out_overview

    return lay_out_overview(blueprint, measurer)


__all__ = ["Scene", "layout", "layout_overview"]
