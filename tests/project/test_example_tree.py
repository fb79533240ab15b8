"""The two-level example in its own folder (examples/account-opening-zh):
an overview whose steps and actions detail into three files, one of which
details further. The tests that iterate examples/*.bp do not reach a
subfolder, so this one holds the tree to what they hold every example to:
it checks clean, and its drawings meet the layout targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.api import check_file, check_project, project_facts, tree_stats_result
from blueprint.catalogue import DEFAULT_CODES
from blueprint.layout import layout
from tests.layout.quality import measure

FOLDER = Path(__file__).resolve().parents[2] / "examples" / "account-opening-zh"
FILES = sorted(FOLDER.glob("*.bp"))


def test_the_tree_checks_clean_but_for_the_broken_promise_it_shows():
    root = check_file(FOLDER / "open-account.bp")
    results = check_project([(root, project_facts(root))], DEFAULT_CODES)
    assert sorted(Path(r.name).name for r in results) == sorted(path.name for path in FILES)
    found = [(Path(r.name).name, d.code) for r in results for d in r.diagnostics]
    assert found == [("open-account.bp", "BP302")]  # the queue in the hall outlasts the promised 20 minutes


def test_the_tree_has_two_levels_of_detail_and_its_figures_roll_up():
    [tree] = tree_stats_result([check_file(path) for path in FILES])
    assert [(Path(f.file).name, f.level, f.details) for f in tree.tree] == [
        ("open-account.bp", 0, None), ("identity-check.bp", 1, "identify"), ("risk-rating.bp", 1, "kyc"),
        ("enhanced-due-diligence.bp", 2, "edd"), ("card-issuing.bp", 1, "make")]
    assert (tree.files, tree.levels, tree.fail_points, tree.customer_wait.text) == (5, 3, 5, "1d14min..3d36min")


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_each_drawing_meets_the_layout_targets(path):
    quality = measure(layout(check_file(path).blueprint))
    assert (quality.through_cards, quality.hugging, quality.gutter_spread, quality.tags_touching) == (0, 0, 0, 0)
    assert (quality.close_parallel, quality.labels_touching, quality.labels_ambiguous) == (0, 0, 0)
