"""The drawing of each scenario of the scenario example alone, pinned (look
at the picture before updating one): only its steps, actions and flows,
titled with its label, no tags."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from syrupy.extensions.image import SVGImageSnapshotExtension

from blueprint.api import check_file
from blueprint.layout import layout
from blueprint.model.projection import scenario_drawing
from blueprint.render.svg import render_svg

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "account-opening-scenarios.bp"


@pytest.mark.parametrize("scenario", ["walk-in", "online", "missing"])
def test_snapshot_of_each_scenario_alone(scenario: str, snapshot) -> None:
    result = check_file(EXAMPLE)
    assert result.ok
    svg = render_svg(layout(scenario_drawing(result.blueprint, scenario)), fonts="none")
    ET.fromstring(svg)
    assert 'class="mark mark-scenario"' not in svg and "data-scenarios" not in svg
    assert svg == snapshot.use_extension(SVGImageSnapshotExtension)
