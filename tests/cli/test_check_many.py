"""`blueprint check` over many files: checked in parallel when there are many,
with the same results in the same order as one by one."""

from __future__ import annotations

import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from blueprint.catalogue import DEFAULT_CODES
from blueprint.cli import check as check_cli
from blueprint.cli.check import PARALLEL_FROM, available_cpus, check_files
from blueprint.cli.config import FORMATS
from blueprint.cli.files import discover
from blueprint.report import render_report

from ..conftest import EXAMPLES

BLUEPRINT = shutil.which("blueprint", path=str(Path(sys.executable).parent)) or "blueprint"
MANY = 3 * PARALLEL_FROM


def clean(n: int) -> str:
    return f'blueprint "Journey {n}"\nstep s "S"\n  customer c "C"\n  onstage o "O"\n  c -> o\n'


def warned(n: int) -> str:
    return clean(n) + '  support core "Core"\n'  # connected to nothing: a warning


def broken(n: int) -> str:
    return f'blueprint "Broken {n}"\nstep s "S"\n  custmer c "C{n}"\n'


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Many files, good, warned and broken mixed, in folders, with the examples
    (long files next to short ones, so workers finish out of order)."""
    makers = (clean, warned, broken, clean, clean)
    for n in range(MANY):
        folder = tmp_path / f"team{n % 4}"
        folder.mkdir(exist_ok=True)
        (folder / f"journey{n:03d}.bp").write_text(makers[n % len(makers)](n), encoding="utf-8")
    for path in EXAMPLES:
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def names(tree: Path) -> list[str]:
    return [str(path) for path in discover([str(tree)])]


def test_results_and_their_order_do_not_depend_on_the_number_of_workers(tree):
    files = names(tree)
    assert len(files) >= PARALLEL_FROM
    alone = check_files(files, DEFAULT_CODES, workers=1)
    for workers in (2, 3, 5):
        together = check_files(files, DEFAULT_CODES, workers=workers)
        assert [r.name for r, _ in together] == files
        assert together == alone
    assert {bool(r.errors) for r, _ in alone} == {True, False} and any(r.warnings for r, _ in alone)


def test_a_few_files_are_checked_in_this_process(tree, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a few files")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    files = names(tree)[: PARALLEL_FROM - 1]
    assert [r.name for r, _ in check_files(files, DEFAULT_CODES, workers=8)] == files


def test_without_process_support_the_files_are_checked_one_by_one(tree, monkeypatch):
    def unsupported(*args, **kwargs):
        raise NotImplementedError("no sem_open here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", unsupported)
    files = names(tree)
    assert check_files(files, DEFAULT_CODES, workers=4) == check_files(files, DEFAULT_CODES, workers=1)


def test_an_unreadable_file_stops_the_check_as_it_does_one_by_one(tree):
    files = names(tree)
    unreadable = tree / "folder.bp"
    unreadable.mkdir()  # named like a blueprint, but a directory: reading it fails
    files.insert(len(files) // 2, str(unreadable))
    for workers in (1, 3):
        with pytest.raises(IsADirectoryError) as raised:
            check_files(files, DEFAULT_CODES, workers=workers)
        assert raised.value.filename == str(unreadable)


@pytest.mark.parametrize("output_format", FORMATS)
def test_the_command_prints_the_same_whatever_the_cpus(tree, monkeypatch, output_format):
    runs = []
    for cpus in (1, 4):
        monkeypatch.setattr(check_cli, "available_cpus", lambda cpus=cpus: cpus)
        done = CliRunner().invoke(check_cli.command, ["--no-config", "--format", output_format, str(tree)])
        runs.append((done.exit_code, done.output))
    assert runs[0] == runs[1]
    assert runs[0][0] == 1


def test_the_installed_command_checks_a_tree_in_input_order(tree, monkeypatch):
    """The real console script, with as many workers as this machine has CPUs,
    prints what checking the files one by one, in order, gives."""
    done = subprocess.run([BLUEPRINT, "check", "--no-config", "--format", "json", "."], cwd=tree,
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 1, done.stderr
    monkeypatch.chdir(tree)
    files = [str(path) for path in discover(["."])]
    one_by_one = render_report([r for r, _ in check_files(files, DEFAULT_CODES, workers=1)], "json")
    assert json.loads(done.stdout) == json.loads(one_by_one)
    reported = [d["file"] for d in json.loads(done.stdout)["diagnostics"]]
    assert reported == sorted(reported, key=files.index)


# What a check of one file loads: the pool's machinery is for many files only.
LOADED_BY_ONE_CHECK = """\
import sys
from blueprint.cli import main
try:
    main(["check", "--format", "json", sys.argv[1]])
except SystemExit as stop:
    status = stop.code
print(status, *sorted(name for name in sys.modules
                      if name == "concurrent.futures.process" or name.split(".")[0] == "multiprocessing"),
      file=sys.stderr)
"""


@pytest.mark.parametrize("many", [False, True], ids=["one file", "many files"])
def test_checking_one_file_does_not_load_the_process_pool(tree, many):
    # A fresh interpreter, as a pre-commit hook or an editor starts one for each
    # check: the pool's modules cost start-up time and are needed only for many files.
    # Many files do load them, which shows that the probe sees what it looks for.
    if many and available_cpus() < 2:
        pytest.skip("one CPU: many files are checked in this process too")
    target = str(tree) if many else str(tree / "team0" / "journey000.bp")
    done = subprocess.run([sys.executable, "-c", LOADED_BY_ONE_CHECK, target], capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"})
    status, *loaded = done.stderr.split()
    assert status == ("1" if many else "0"), done.stderr
    if many:
        assert "concurrent.futures.process" in loaded and "multiprocessing" in loaded, loaded
    else:
        assert loaded == [], loaded
