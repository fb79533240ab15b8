"""The wheel ships the grammar, and the package installed from it reads that copy.

In a source checkout the grammar is read from the top-level grammar/ folder; an
installed package has no such folder, so the wheel must carry the file inside
the package and blueprint.parse.grammar must find it there.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow  # builds the wheel

GRAMMAR = ROOT / "grammar" / "blueprint.lark"
PACKAGED = "blueprint/grammar/blueprint.lark"
MARKER = "// read from the unpacked wheel\n"

PROBE = """
import importlib.resources, json
import blueprint
from blueprint.api import check_text
from blueprint.parse.grammar import grammar_text
packaged = importlib.resources.files("blueprint").joinpath("grammar").joinpath("blueprint.lark")
result = check_text('blueprint "T"\\nstep s "S"\\n  customer c "C"\\n  onstage o "O"\\n  c -> o\\n')
print(json.dumps({
    "package": blueprint.__file__,
    "packaged": str(packaged),
    "is_file": packaged.is_file(),
    "grammar": grammar_text(),
    "checks": result.ok and not result.diagnostics,
}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    assert importlib.util.find_spec("hatchling") is not None, (
        "hatchling is needed to build the wheel without build isolation: pip install -e '.[test]'"
    )
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    [path] = out.glob("*.whl")
    return path


def test_wheel_ships_the_grammar_byte_for_byte(wheel):
    with zipfile.ZipFile(wheel) as archive:
        assert PACKAGED in archive.namelist()
        assert archive.read(PACKAGED) == GRAMMAR.read_bytes()


def test_wheel_holds_the_package_and_no_compiled_files(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "blueprint/__init__.py" in names
    assert "blueprint/parse/grammar.py" in names
    assert not [name for name in names if name.endswith(".pyc") or "__pycache__" in name]
    assert [name for name in names if name.endswith(".dist-info/entry_points.txt")]


def test_unpacked_wheel_reads_its_own_grammar(wheel, tmp_path):
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    grammar = unpacked / PACKAGED
    # Mark the packaged copy, so that reading it is told apart from reading the checkout's.
    original = grammar.read_text(encoding="utf-8")
    grammar.write_text(original + MARKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    env.pop("PYTHONHOME", None)
    probe = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert Path(found["package"]).resolve().is_relative_to(unpacked.resolve())
    assert Path(found["packaged"]).resolve() == grammar.resolve()
    assert found["is_file"] is True
    assert found["grammar"] == original + MARKER
    assert found["checks"] is True
