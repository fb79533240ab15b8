"""Figures rolled up a tree of blueprints: a detail stands in for what it
details, a detail named twice counts twice, levels count each file's own."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from blueprint.api import check_file, tree_stats_result
from blueprint.cli import stats as stats_cli
from tests.project.test_checks import write

TOP = '''blueprint "Open an account"

step identify "Identify"
  detail "identity.bp"
  customer show "Shows the ID"
    wait 10min "Counted again in the detail"
  onstage verify "Verifies the ID"
  show -> verify

step sign "Sign"
  customer signs "Signs"
    wait 5min
    fail "Signs the wrong page"
  onstage file "Files the contract"
    detail "filing.bp"
    fail "Misfiled"
  verify -> signs -> file
'''
IDENTITY = '''blueprint "Identity"

step read "Read"
  customer hand "Hands over the ID"
    wait 1min..3min
  onstage scan "Scans it"
    detail "filing.bp"
  hand -> scan
'''
FILING = '''blueprint "Filing"

step store "Store"
  backstage stores "Stores the papers"
    fail "Lost"
    fail "Damaged"
    wait 2min
  support archive "Archive confirms"
  stores -> archive
'''


def trees(folder: Path, root: str | None = None):
    results = [check_file(folder / name, name=(folder / name).as_posix())
               for name in ("top.bp", "identity.bp", "filing.bp")]
    return tree_stats_result(results, None if root is None else (folder / root).as_posix())


def test_a_detail_stands_in_for_what_it_details_and_a_shared_one_counts_where_it_happens(tmp_path):
    write(tmp_path, {"top.bp": TOP, "identity.bp": IDENTITY, "filing.bp": FILING})
    [tree] = trees(tmp_path)
    # top's own: sign 5min and one fail; identity (1..3min, with filing: 2 fails, 2min) in place of the step
    # identify (whose 10min is not counted); filing in place of the action file (whose fail is not counted).
    assert (tree.fail_points, tree.customer_wait.text) == (1 + 2 + 2, "10min..12min")
    assert [(Path(f.file).name, f.level, f.details, f.fail_points, f.rolled_fail_points) for f in tree.tree] == [
        ("top.bp", 0, None, 2, 5), ("identity.bp", 1, "identify", 0, 2), ("filing.bp", 2, "scan", 2, 2),
        ("filing.bp", 1, "file", 2, 2)]
    assert (tree.files, tree.levels) == (3, 3)
    assert [(level.level, level.files, level.fail_points, level.customer_wait.text) for level in tree.per_level] == [
        (0, 1, 2, "15min"), (1, 2, 2, "3min..5min"), (2, 1, 2, "2min")]


def test_high_severity_and_waits_beyond_the_roots_promise_roll_up_with_the_details(tmp_path):
    write(tmp_path, {"top.bp": TOP.replace('"Open an account"\n', '"Open an account"\nmax-wait 2min\n'),
                     "identity.bp": IDENTITY, "filing.bp": FILING.replace('"Lost"', '"Lost" severity high')})
    [tree] = trees(tmp_path)
    # Filing happens twice, its high fail point with it; held to the root's 2min: sign's 5min and the
    # identity's 1min..3min are beyond it, filing's 2min (twice) keeps it, the detailed step's 10min is not counted.
    assert (tree.high_fail_points, tree.max_wait.text, tree.waits_beyond) == (2, "2min", 2)
    assert [(Path(f.file).name, f.steps, f.wait_points, f.high_fail_points, f.rolled_high_fail_points)
            for f in tree.tree] == [("top.bp", 2, 2, 0, 2), ("identity.bp", 1, 1, 0, 1), ("filing.bp", 1, 1, 1, 1),
                                    ("filing.bp", 1, 1, 1, 1)]
    from blueprint.report.tree_stats import format_tree

    assert "End to end: customer wait 10min..12min, 5 fail points (2 high), 2 waits beyond the 2min promise\n" in (
        format_tree(tree))
    write(tmp_path, {"top.bp": TOP})
    [tree] = trees(tmp_path)
    assert (tree.max_wait, tree.waits_beyond) == (None, 0)  # no promise, nothing beyond it


def test_without_a_root_each_top_with_details_is_a_tree_and_files_without_details_make_none(tmp_path):
    write(tmp_path, {"top.bp": TOP, "identity.bp": IDENTITY, "filing.bp": FILING})
    assert [Path(tree.root).name for tree in trees(tmp_path)] == ["top.bp"]
    assert [Path(tree.root).name for tree in trees(tmp_path, root="identity.bp")] == ["identity.bp"]
    write(tmp_path, {"top.bp": TOP.replace('  detail "identity.bp"\n', "").replace('    detail "filing.bp"\n', ""),
                     "identity.bp": IDENTITY.replace('    detail "filing.bp"\n', "")})
    assert trees(tmp_path) == []


def test_stats_of_one_file_reads_its_details_and_prints_the_tree(tmp_path, monkeypatch):
    write(tmp_path, {"top.bp": TOP, "identity.bp": IDENTITY, "filing.bp": FILING})
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(stats_cli.command, ["top.bp"])
    assert done.exit_code == 0, done.output
    assert "End to end: customer wait 10min..12min, 5 fail points" in done.output
    assert "\n    filing.bp  scan " in done.output
    report = json.loads(CliRunner().invoke(stats_cli.command, ["-f", "json", "top.bp"]).output)
    assert [b["file"] for b in report["blueprints"]] == ["top.bp", "identity.bp", "filing.bp"]
    assert report["trees"][0]["customer_wait"]["text"] == "10min..12min"


def test_stats_refuses_a_tree_with_a_missing_detail(tmp_path, monkeypatch):
    write(tmp_path, {"top.bp": TOP, "identity.bp": IDENTITY})
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(stats_cli.command, ["top.bp"])
    assert done.exit_code == 1
    assert "error[BP240]" in done.output
