"""Golden models: the Blueprint built from every example, pinned as JSON.

The model is what every later stage reads (the rules, the layout, the
figures, the export), so a change in what the builder makes of a file shows
up here as a reviewable diff of the model itself, spans included.
"""

from __future__ import annotations

import json

import pytest
from syrupy.extensions.json import JSONSnapshotExtension

from ..conftest import EXAMPLES
from ..goldens import built_golden, goldens_in_a_fresh_process


@pytest.fixture
def snapshot_json(snapshot):
    return snapshot.use_extension(JSONSnapshotExtension)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_model_matches_the_golden_file(path, snapshot_json):
    assert built_golden(path) == snapshot_json


def test_the_golden_models_are_the_same_in_another_process():
    here = json.dumps([built_golden(path) for path in EXAMPLES], ensure_ascii=False)
    assert goldens_in_a_fresh_process("built_golden", EXAMPLES, hash_seed="4242") == here
