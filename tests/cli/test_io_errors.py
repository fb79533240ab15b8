"""Hostile input and a hostile file system, for every command: endless input
is read only as far as its limit, and every operating-system error (a name
too long, a path that is not a folder) is a usage error, exit status 2,
never a traceback."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
