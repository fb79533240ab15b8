"""`blueprint stats`, `diff`, `export`, `schema` and `import` end to end, through the installed console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from blueprint.api import check_file, model_schema
from blueprint.exchange.positions import without_positions

BLUEPRINT = shutil.which("blueprint", path=str(Path(sys.executable).parent)) or "blueprint"
GOOD = 'blueprint "T"\nmax-wait 5min\nstep s "S"\n  customer c "C"\n    wait 2min..8min\n  onstage o "O"\n  c -> o\n'
FUTURE = 'blueprint "T"\nstate future\nstep s "S"\n  customer c "C"\n  onstage o "O"\n    duration 1min\n  c -> o\n'
BAD = 'blueprint "T"\nstep s "S"\n  custmer c "C"\n'
BAD_REPORT = (
    "bad.bp:3:3: error[BP104]: found the lane 'custmer'; expected customer, onstage, backstage, support, preparation, management or evidence\n"
    "  |\n"
    '3 |   custmer c "C"\n'
    "  |   ^^^^^^^\n"
    "  = hint: did you mean 'customer'?\n"
    "\n"
)


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run([BLUEPRINT, *args], cwd=cwd, input=stdin, capture_output=True, env=env, timeout=120)
    assert "Traceback" not in done.stderr.decode("utf-8", "replace")
    return done


def out(done: subprocess.CompletedProcess) -> str:
    return done.stdout.decode("utf-8")


def err(done: subprocess.CompletedProcess) -> str:
    return done.stderr.decode("utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "good.bp").write_text(GOOD, encoding="utf-8")
    (tmp_path / "future.bp").write_text(FUTURE, encoding="utf-8")
    (tmp_path / "bad.bp").write_text(BAD, encoding="utf-8")
    return tmp_path


# --- stats -----------------------------------------------------------------------
def test_stats_text(tree):
    done = run("stats", "good.bp", cwd=tree)
    assert (done.returncode, err(done)) == (0, "")
    assert out(done).startswith("T\ngood.bp · current state · max-wait 5min\n\n0 phases, 1 step, 2 actions,")
    assert "  max-wait 5min: W1 (up to 8min) exceeds it; the total exceeds it at worst\n" in out(done)


def test_stats_json_for_several_files_and_a_directory(tree, examples_dir):
    done = run("stats", "--format", "json", "good.bp", str(examples_dir), cwd=tree)
    assert done.returncode == 0
    report = json.loads(out(done))
    assert (report["format"], report["version"]) == ("blueprint-stats", 1)
    assert len(report["blueprints"]) == 1 + len(list(examples_dir.rglob("*.bp")))  # the folders' too
    # The example whose steps name details makes a tree; no other example names one.
    assert [Path(tree["root"]).name for tree in report["trees"]] == ["open-account.bp"]
    assert report["blueprints"][0]["customer_wait"]["total"] == {"min_seconds": 120, "max_seconds": 480, "text": "2min..8min"}


def test_stats_reads_standard_input(tree):
    done = run("stats", "-", cwd=tree, stdin=GOOD.encode())
    assert done.returncode == 0 and "<stdin> · current state" in out(done)


def test_stats_of_a_file_with_errors_lists_them_and_exits_one(tree):
    done = run("stats", "good.bp", "bad.bp", cwd=tree)
    assert (done.returncode, out(done)) == (1, "")
    # The report is check's, warnings of the good file included.
    assert BAD_REPORT in err(done) and "good.bp:5:10: warning[BP302]" in err(done)
    assert err(done).endswith("\n2 files checked: 1 error, 1 warning\n")


def test_stats_usage_errors_exit_two(tree):
    assert run("stats", "missing.bp", cwd=tree).returncode == 2
    assert run("stats", "--format", "yaml", "good.bp", cwd=tree).returncode == 2
    assert run("stats", cwd=tree).returncode == 2


# --- diff ------------------------------------------------------------------------
def test_diff_exits_zero_with_or_without_differences(tree):
    same = run("diff", "good.bp", "good.bp", cwd=tree)
    assert same.returncode == 0 and out(same).endswith("\n\nNo differences (1 step and 2 actions compared).\n")
    changed = run("diff", "good.bp", "future.bp", cwd=tree)
    assert changed.returncode == 0
    assert "  state: current → future\n  max-wait removed: 5min\n" in out(changed)
    assert "  changed  c  wait removed: 2min..8min\n" in out(changed)


def test_diff_json(tree):
    done = run("diff", "--format", "json", "good.bp", "future.bp", cwd=tree)
    report = json.loads(out(done))
    assert (report["format"], report["version"]) == ("blueprint-diff", 1)
    assert report["diff"]["customer_wait"]["old"]["text"] == "2min..8min"
    assert [a["id"] for a in report["diff"]["actions"]["changed"]] == ["c", "o"]


def test_diff_on_both_example_pairs(examples_dir, tmp_path):
    for old, new in (("branch-visit-current.bp", "branch-visit-future.bp"), ("mortgage-current.bp", "mortgage-future.bp")):
        done = run("diff", str(examples_dir / old), str(examples_dir / new), cwd=tmp_path)
        assert done.returncode == 0 and "Customer wait" in out(done)


def test_diff_errors(tree):
    bad = run("diff", "good.bp", "bad.bp", cwd=tree)
    assert (bad.returncode, out(bad)) == (1, "")
    assert BAD_REPORT in err(bad)
    assert run("diff", "good.bp", "missing.bp", cwd=tree).returncode == 2
    assert run("diff", "good.bp", cwd=tree).returncode == 2
    both = run("diff", "-", "-", cwd=tree, stdin=b"")
    assert both.returncode == 2 and "only one of OLD and NEW" in err(both)


# --- numbers beyond their bounds --------------------------------------------------
HUGE = GOOD.replace("wait 2min..8min", "wait 2min..1" + "0" * 300 + "s") + "    cost 1" + "0" * 300 + " CNY\n"


@pytest.mark.parametrize("args", [
    ("check", "huge.bp"),
    ("stats", "huge.bp"),
    ("diff", "good.bp", "huge.bp"),
    ("render", "--compare", "good.bp", "huge.bp", "-o", "changes.svg"),
    ("export", "huge.bp"),
])
def test_a_huge_wait_or_cost_is_an_error_for_every_command(tree, args):
    # A parsable number of hundreds of digits used to check clean, then crash
    # the commands that add durations up, or export as null.
    (tree / "huge.bp").write_text(HUGE, encoding="utf-8")
    done = run(*args, cwd=tree)
    assert done.returncode == 1
    report = err(done) + out(done)
    assert "error[BP113]" in report and "error[BP114]" in report
    assert not (tree / "changes.svg").exists()


# --- export and schema -------------------------------------------------------------
def test_export_to_standard_output_and_to_a_file(tree):
    printed = run("export", "good.bp", cwd=tree)
    assert printed.returncode == 0
    document = json.loads(out(printed))
    assert (document["format"], document["version"]) == ("blueprint-model", 1)
    written = run("export", "good.bp", "-o", "out/good.json", cwd=tree)
    assert (written.returncode, out(written), err(written)) == (0, "", "wrote out/good.json\n")
    assert (tree / "out" / "good.json").read_text(encoding="utf-8") == out(printed)


def test_export_never_overwrites_without_force(tree):
    (tree / "good.json").write_text("keep me", encoding="utf-8")
    refused = run("export", "good.bp", "-o", "good.json", cwd=tree)
    assert (refused.returncode, err(refused)) == (2, "blueprint: error: good.json already exists; use --force to replace it\n")
    assert (tree / "good.json").read_text(encoding="utf-8") == "keep me"
    assert run("export", "good.bp", "-o", "good.json", "--force", cwd=tree).returncode == 0
    assert json.loads((tree / "good.json").read_text(encoding="utf-8"))["format"] == "blueprint-model"
    over_input = run("export", "good.bp", "-o", "good.bp", "--force", cwd=tree)
    assert over_input.returncode == 2 and (tree / "good.bp").read_text(encoding="utf-8") == GOOD


def test_export_of_a_file_with_errors_writes_nothing(tree):
    done = run("export", "bad.bp", "-o", "bad.json", cwd=tree)
    assert (done.returncode, err(done)) == (1, BAD_REPORT + "1 file checked: 1 error, 0 warnings\n")
    assert not (tree / "bad.json").exists()


def test_schema_is_printed_the_same_every_time(tree):
    first, second = run("schema", cwd=tree), run("schema", cwd=tree)
    assert first.returncode == 0 and out(first) == out(second) == model_schema()
    assert json.loads(out(first))["properties"]["format"]["const"] == "blueprint-model"


# --- import ------------------------------------------------------------------------
def test_export_then_import_gives_back_the_blueprint(tree, examples_dir):
    for path in (examples_dir / "card-fraud-alert-zh.bp", examples_dir / "mortgage-future.bp"):
        assert run("export", str(path), "-o", "model.json", "--force", cwd=tree).returncode == 0
        done = run("import", "model.json", "-o", "back.bp", "--force", cwd=tree)
        assert (done.returncode, err(done)) == (0, "wrote back.bp\n")
        assert run("check", "back.bp", cwd=tree).returncode == 0
        again = run("export", "back.bp", cwd=tree)
        exported = json.loads((tree / "model.json").read_text(encoding="utf-8"))
        assert without_positions(json.loads(out(again))) == without_positions(exported)


def test_import_to_standard_output_and_from_standard_input(tree):
    model = out(run("export", "good.bp", cwd=tree)).encode()
    done = run("import", "-", cwd=tree, stdin=model)
    assert done.returncode == 0
    assert out(done) == (
        'blueprint "T"\nstate current\nmax-wait 5min\n\nstep s "S"\n  customer c "C"\n    wait 2min..8min\n'
        '  onstage o "O"\n  c -> o\n'
    )


def test_import_refuses_to_overwrite_without_force(tree):
    model = tree / "model.json"
    model.write_text(out(run("export", "good.bp", cwd=tree)), encoding="utf-8")
    refused = run("import", "model.json", "-o", "future.bp", cwd=tree)
    assert (refused.returncode, err(refused)) == (2, "blueprint: error: future.bp already exists; use --force to replace it\n")
    assert (tree / "future.bp").read_text(encoding="utf-8") == FUTURE
    assert run("import", "model.json", "-o", "future.bp", "--force", cwd=tree).returncode == 0
    assert check_file(tree / "future.bp").blueprint.max_wait.text == "5min"


def test_a_bad_document_is_reported_at_its_json_path_and_nothing_is_written(tree):
    document = json.loads(out(run("export", "good.bp", cwd=tree)))
    document["blueprint"]["steps"][0]["actions"][0]["lane"] = "cusotmer"
    (tree / "model.json").write_text(json.dumps(document), encoding="utf-8")
    done = run("import", "model.json", "-o", "new.bp", cwd=tree)
    assert (done.returncode, out(done)) == (1, "")
    assert err(done) == (
        "model.json: error: $.blueprint.steps[0].actions[0].lane: Input should be 'evidence', 'customer', "
        "'onstage', 'backstage', 'support', 'preparation' or 'management' (found \"cusotmer\")\n"
        "\n"
        "model.json: not imported (1 problem); nothing was written\n"
    )
    assert not (tree / "new.bp").exists()


def test_a_document_whose_bp_would_not_check_is_not_written(tree):
    document = json.loads(out(run("export", "good.bp", cwd=tree)))
    document["blueprint"]["flows"][0]["target"] = "nobody"
    (tree / "model.json").write_text(json.dumps(document), encoding="utf-8")
    done = run("import", "model.json", "-o", "new.bp", cwd=tree)
    assert done.returncode == 1
    assert err(done).startswith(
        "model.json: error: $.blueprint.flows[0]: found 'nobody' as a flow's end, but no action has that ID\n"
        "  = as .bp: c -> nobody\n"
    )
    assert not (tree / "new.bp").exists()


def test_import_usage_errors(tree):
    (tree / "broken.json").write_text("{", encoding="utf-8")
    broken = run("import", "broken.json", cwd=tree)
    assert broken.returncode == 1 and "$: not valid JSON" in err(broken)
    assert run("import", "missing.json", cwd=tree).returncode == 2
    assert run("import", "good.bp", "-o", "good.bp", cwd=tree).returncode == 1  # not JSON: never reaches the write


@pytest.mark.parametrize("name", ["stats", "diff", "export", "schema", "import"])
def test_help_has_examples(name, tmp_path):
    done = run(name, "--help", cwd=tmp_path)
    assert done.returncode == 0 and "Examples:" in out(done)


def test_top_level_help_lists_the_commands(tmp_path):
    listing = out(run("--help", cwd=tmp_path))
    for name in ("stats", "diff", "export", "schema", "import"):
        assert f"\n  {name} " in listing

