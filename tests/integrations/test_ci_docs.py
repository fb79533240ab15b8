"""The GitHub Actions workflows of docs/ci.md: they parse, they install this
package, and the `blueprint` commands they run do what the page says (run
here on the page's sample file and the examples, with the installed command).
The pre-commit configuration of the same page is run in test_precommit.py."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.conftest import EXAMPLES, ROOT
from tests.test_docs import fenced_blocks
from tests.report.test_sarif_schema import assert_valid_sarif

PAGE = ROOT / "docs" / "ci.md"
BLOCKS = fenced_blocks(PAGE)
WORKFLOWS = [b for b in BLOCKS if b.info == "yaml" and "jobs:" in b.text]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def steps(block) -> list[dict]:
    workflow = yaml.safe_load(block.text)
    # YAML 1.1 reads the key `on` as true; GitHub reads it as `on`.
    assert set(workflow.get("on", workflow.get(True))) == {"push", "pull_request"}
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"
    return job["steps"]


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A repository as the workflow sees it: the page's sample file and the examples."""
    (sample,) = [b for b in BLOCKS if b.file]
    (tmp_path / sample.file).write_text(sample.text, encoding="utf-8")
    (tmp_path / "examples").mkdir()
    for path in EXAMPLES:
        shutil.copy(path, tmp_path / "examples" / path.name)
    return tmp_path


def run_step(command: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("NO_COLOR", None)
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True)


def test_the_page_has_both_workflows():
    assert len(WORKFLOWS) == 2


@pytest.mark.parametrize("block", WORKFLOWS, ids=["annotations", "sarif"])
def test_workflow_sets_up_python_and_installs_this_package(block):
    found = steps(block)
    assert found[0] == {"uses": "actions/checkout@v4"}
    assert found[1]["uses"] == "actions/setup-python@v5"
    version = tuple(int(part) for part in found[1]["with"]["python-version"].split("."))
    assert version >= tuple(int(part) for part in PROJECT["requires-python"].removeprefix(">=").split("."))
    assert found[2] == {"run": f"pip install {PROJECT['name']}"}


def test_annotation_workflow_prints_workflow_commands_and_fails_on_errors(checkout):
    (check,) = [s["run"] for s in steps(WORKFLOWS[0]) if s.get("run", "").startswith("blueprint ")]
    assert check == "blueprint check --format github ."
    done = run_step(check, checkout)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines and all(re.fullmatch(r"::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
                                      r"title=BP\d{3} [a-z-]+::.+", line) for line in lines), done.stdout
    assert any(line.startswith("::error file=transfer.bp,line=7,") for line in lines)


def test_sarif_workflow_uploads_the_log_it_writes(checkout):
    workflow_steps = steps(WORKFLOWS[1])
    (check,) = [s["run"] for s in workflow_steps if s.get("run", "").startswith("blueprint ")]
    written = re.fullmatch(r"blueprint check --format sarif \. > (\S+)", check)
    assert written, check
    (upload,) = [s for s in workflow_steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == written.group(1)
    assert upload["if"] == "${{ !cancelled() }}"  # runs after the check step failed
    permissions = yaml.safe_load(WORKFLOWS[1].text)["jobs"]["check"]["permissions"]
    assert permissions["security-events"] == "write"

    done = run_step(check, checkout)
    assert done.returncode == 1, done.stderr
    log = assert_valid_sarif((checkout / written.group(1)).read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert "transfer.bp" in uris
