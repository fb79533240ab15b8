"""Every shipped example checks with no error; warnings only where the example shows a broken promise."""

from __future__ import annotations

import pytest

from blueprint.api import check_file
from blueprint.vocabulary import State

from .conftest import EXAMPLES


def test_there_are_enough_examples():
    assert len(EXAMPLES) >= 8
    chinese = [path for path in EXAMPLES if check_file(path).blueprint.lang.value == "zh"]
    assert len(chinese) >= 3  # the contract file and at least two more


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_checks_without_errors(path):
    result = check_file(path)
    assert result.errors == []
    # The only warning an example may carry is a wait beyond max-wait in a
    # current-state blueprint: showing the broken promise is the point of it.
    for warning in result.warnings:
        assert warning.code == "BP302", warning
        assert result.blueprint.state is State.CURRENT
