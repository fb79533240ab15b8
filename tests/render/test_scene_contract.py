"""Renderers only read the scene: its nodes are not frozen (see
blueprint.scene), so this holds every renderer to that."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.api import check_file
from blueprint.layout import layout
from blueprint.scene import Scene, scene_data
from blueprint.render import FORMATS, THEMES, render

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("output_format", FORMATS)
@pytest.mark.parametrize("theme", THEMES)
def test_rendering_leaves_the_scene_as_it_was(hand_made_scene: Scene, output_format: str, theme: str) -> None:
    before = scene_data(hand_made_scene)
    render(hand_made_scene, output_format, theme)
    assert scene_data(hand_made_scene) == before


@pytest.mark.parametrize("output_format", FORMATS)
def test_rendering_a_laid_out_example_leaves_its_scene_as_it_was(output_format: str) -> None:
    scene = layout(check_file(ROOT / "examples" / "deposit.bp").blueprint)
    before = scene_data(scene)
    render(scene, output_format)
    assert scene_data(scene) == before
