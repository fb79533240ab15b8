"""Golden statements: what the parser reads from every example, pinned as JSON.

A change to the grammar or to the statement types shows up here as a
reviewable diff of each statement's type, fields and span, before it shows
up (or hides) in the model, the drawing or the reports.
"""

from __future__ import annotations

import json

import pytest
from syrupy.extensions.json import JSONSnapshotExtension

from ..conftest import EXAMPLES
from ..goldens import goldens_in_a_fresh_process, parsed_golden


@pytest.fixture
def snapshot_json(snapshot):
    return snapshot.use_extension(JSONSnapshotExtension)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_statements_match_the_golden_file(path, snapshot_json):
    assert parsed_golden(path) == snapshot_json


def test_the_golden_statements_are_the_same_in_another_process():
    here = json.dumps([parsed_golden(path) for path in EXAMPLES], ensure_ascii=False)
    assert goldens_in_a_fresh_process("parsed_golden", EXAMPLES, hash_seed="4242") == here
