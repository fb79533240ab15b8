"""Golden scenes: any change to where things are drawn shows up as a reviewable JSON diff."""

from __future__ import annotations

import json

import pytest
from syrupy.extensions.json import JSONSnapshotExtension

from blueprint.api import check_file
from blueprint.layout import layout

from ..conftest import EXAMPLES


@pytest.fixture
def snapshot_json(snapshot):
    return snapshot.use_extension(JSONSnapshotExtension)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_scene_matches_the_golden_file(path, snapshot_json):
    scene = layout(check_file(path).blueprint)
    assert json.loads(scene.model_dump_json()) == snapshot_json
