"""Golden scenes: any change to where things are drawn shows up as a reviewable JSON diff."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError
from syrupy.extensions.json import JSONSnapshotExtension

from blueprint.api import check_file
from blueprint.layout import layout
from blueprint.scene import scene_data, scene_from_data

from ..conftest import EXAMPLES


@pytest.fixture
def snapshot_json(snapshot):
    return snapshot.use_extension(JSONSnapshotExtension)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_scene_matches_the_golden_file(path, snapshot_json):
    scene = layout(check_file(path).blueprint)
    assert json.loads(json.dumps(scene_data(scene))) == snapshot_json


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_scene_fits_its_schema(path):
    """The layout builds the scene's nodes without validating them; pydantic
    checks here that what it builds has the declared types and values."""
    scene = layout(check_file(path).blueprint)
    assert scene_from_data(scene_data(scene)) == scene


def test_a_scene_from_outside_is_validated():
    scene = layout(check_file(EXAMPLES[0]).blueprint)
    data = scene_data(scene)
    data["cards"][0]["kind"] = "sticky note"
    with pytest.raises(ValidationError, match="kind"):
        scene_from_data(data)
