"""Hostile input and a hostile file system, for every command: endless input
is read only as far as its limit, and every operating-system error (a name
too long, a path that is not a folder) is a usage error, exit status 2,
never a traceback."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.cli import main

BLUEPRINT = shutil.which("blueprint", path=str(Path(sys.executable).parent)) or "blueprint"
GOOD = 'blueprint "T"\nstep s "S"\n  customer c "C"\n  onstage o "O"\n  c -> o\n'
# Address space for a command: far more than it needs, far less than reading
# an endless input to its end would take.
MEMORY = 1 << 30


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(*args: str, cwd: Path, stdin: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    with open(stdin or os.devnull, "rb") as given:
        done = subprocess.run([BLUEPRINT, *args], cwd=cwd, stdin=given, capture_output=True, env=env, timeout=300,
                              preexec_fn=_limit_memory)
    assert "Traceback" not in done.stderr.decode("utf-8", "replace")
    return done


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "good.bp").write_text(GOOD, encoding="utf-8")
    return tmp_path


# --- endless input ------------------------------------------------------------------

ZERO = Path("/dev/zero")
TOO_LARGE = "error[BP112]: found more than 8 MiB; the checker reads files up to 8 MiB"


ENDLESS = [
    (("check", str(ZERO)), False, TOO_LARGE),
    (("check", "-"), True, TOO_LARGE),
    (("fmt", "-"), True, TOO_LARGE),
    (("stats", "-"), True, TOO_LARGE),
    (("diff", "good.bp", "-"), True, TOO_LARGE),
    (("export", "-"), True, TOO_LARGE),
    (("render", str(ZERO), "-o", "drawing.svg"), False, TOO_LARGE),
    (("import", str(ZERO)), False, "found more than 64 MiB; import reads model documents up to 64 MiB"),
    (("import", "-"), True, "found more than 64 MiB; import reads model documents up to 64 MiB"),
]


@pytest.mark.skipif(not ZERO.exists(), reason="the system has no /dev/zero")
@pytest.mark.parametrize("args, from_stdin, says", ENDLESS, ids=[" ".join(case[0]) for case in ENDLESS])
def test_endless_input_is_read_only_up_to_the_limit(tree, args, from_stdin, says):
    done = run(*args, cwd=tree, stdin=ZERO if from_stdin else None)
    assert done.returncode == 1
    assert says in done.stderr.decode("utf-8") + done.stdout.decode("utf-8")
    assert sorted(path.name for path in tree.iterdir()) == ["good.bp"]


# --- names the file system refuses -----------------------------------------------------

LONG = "x" * 300  # over the 255 bytes a file name may take on most file systems
TOO_LONG = "File name too long"

REFUSED_NAMES = [
    ("render", "good.bp", "-o", f"{LONG}.svg"),
    ("render", "good.bp", "-o", f"{LONG}/"),
    ("render", "--compare", "good.bp", "copy.bp", "-o", f"{LONG}.svg"),
    ("render", "--compare", f"{LONG}.bp", "good.bp"),
    ("render", f"{LONG}.bp"),
    ("fmt", f"{LONG}.bp"),
    ("stats", f"{LONG}.bp"),
    ("watch", f"{LONG}.bp", "--port", "0"),
    ("new", LONG),
    ("new", "deposit", "-o", LONG),
    ("check", f"{LONG}.bp"),
    ("diff", f"{LONG}.bp", "good.bp"),
    ("export", "good.bp", "-o", f"{LONG}.json"),
    ("import", f"{LONG}.json"),
    ("import", "good.json", "-o", f"{LONG}.bp"),
]


@pytest.mark.parametrize("args", REFUSED_NAMES, ids=[" ".join(args).replace(LONG, "LONG") for args in REFUSED_NAMES])
def test_a_name_the_file_system_refuses_is_a_usage_error(tree, args):
    (tree / "copy.bp").write_text(GOOD, encoding="utf-8")
    (tree / "good.json").write_bytes(run("export", "good.bp", cwd=tree).stdout)
    before = sorted(path.name for path in tree.iterdir())
    done = run(*args, cwd=tree)
    assert done.returncode == 2
    message = done.stderr.decode("utf-8")
    assert message.startswith("blueprint: error: cannot ") and message.endswith(f": {TOO_LONG}\n")
    assert sorted(path.name for path in tree.iterdir()) == before


def test_a_path_through_a_file_is_a_usage_error(tree):
    done = run("render", "good.bp", "-o", "good.bp/drawing.svg", "--force", cwd=tree)
    assert (done.returncode, done.stderr.decode("utf-8")) == (
        2, "blueprint: error: cannot write good.bp: File exists\n")


# Names of any length, in one to three parts: "付" takes three bytes, so a part
# of a hundred of them is already over the limit.
PART = st.tuples(st.sampled_from(["x", "付", "a-b"]), st.integers(1, 300)).map(lambda part: part[0] * part[1])
PATH = st.lists(PART, min_size=1, max_size=3).map("/".join)
USES = [
    lambda path: ("check", path), lambda path: ("fmt", path), lambda path: ("stats", path),
    lambda path: ("diff", "good.bp", path), lambda path: ("watch", path, "--port", "0"),
    lambda path: ("export", "good.bp", "-o", path), lambda path: ("import", path),
    lambda path: ("import", "good.json", "-o", path), lambda path: ("render", "good.bp", "-f", "dot", "-o", path),
    lambda path: ("render", "good.bp", "-f", "dot", "-o", path + "/"),
    lambda path: ("render", "--compare", "good.bp", "good.bp", "-o", path + ".svg"),
    lambda path: ("new", path), lambda path: ("new", "deposit", "-o", path),
]


def _too_long(path: str) -> bool:
    return any(len(part.encode("utf-8")) > 255 for part in path.split("/"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PATH, st.sampled_from(USES))
def test_any_path_length_is_handled_or_a_usage_error(tmp_path_factory, path, use):
    runner = CliRunner()
    with contextlib.chdir(tmp_path_factory.mktemp("lengths")):
        Path("good.bp").write_text(GOOD, encoding="utf-8")
        Path("good.json").write_bytes(runner.invoke(main, ["export", "good.bp"]).stdout_bytes)
        done = runner.invoke(main, list(use(path)))
    assert isinstance(done.exception, SystemExit | None), done.exception
    assert done.exit_code in (0, 1, 2)
    if _too_long(path):  # too long, or a missing folder before the long part: either way, said plainly
        assert done.exit_code == 2 and done.stderr.startswith("blueprint: error: "), done.stderr
        assert done.stderr.count("\n") == 1
