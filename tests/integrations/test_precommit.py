"""The pre-commit hooks (.pre-commit-hooks.yaml), run by the real pre-commit on
a temporary Git repository with a good, a badly laid out and a broken .bp file.

pre-commit installs the hooks as it would for a user: it clones this
repository and pip-installs the package into a fresh virtual environment,
fetching the dependencies from PyPI (nothing else is fetched). That takes a
while, once per test. What it clones:

- `pre-commit try-repo` takes HEAD plus the changes to tracked files that are
  not committed yet (untracked files are left out: `git add` a new file for
  it to be part of the hooks);
- the configuration of docs/ci.md names a `rev`, here HEAD: the committed state.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import blueprint
from blueprint.api import check_text, format_text
from tests.conftest import ROOT
from tests.test_docs import fenced_blocks

pytestmark = pytest.mark.slow  # a real pre-commit run

if shutil.which("git") is None or not (ROOT / ".git").exists():
    pytest.skip("the hooks are installed from this Git repository; this is no Git checkout",
                allow_module_level=True)

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
DOCUMENTED_REPO = "https://github.com/your-org/blueprint"  # the placeholder docs/ci.md tells readers to replace

# Valid, but not in the canonical layout: blueprint-fmt rewrites it.
LOOSE = 'blueprint "Transfer"\nstep send   "Send money"\n    customer pay "Pays"\n    onstage   ok "Confirms"\n    pay->ok\n'
# Canonical, with one misspelt lane; fixing the lane leaves it canonical.
BROKEN = 'blueprint "Card"\n\nstep block "Block the card"\n  custmer call "Calls the bank"\n'
FIXED = BROKEN.replace("custmer", "customer")
# Not a .bp file: the hooks must not see it.
NOTES = "custmer is not a lane\n"


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def hook_status(output: str, name: str) -> str | None:
    found = re.search(rf"^{re.escape(name)}\.+(Passed|Failed|\(no files to check\)Skipped)$", output, re.M)
    return found.group(1) if found else None


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    folder = tmp_path / "journeys"
    (folder / "flows").mkdir(parents=True)
    git("init", "-q", cwd=folder)
    (folder / "flows" / "transfer.bp").write_text(LOOSE, encoding="utf-8")
    (folder / "flows" / "card.bp").write_text(BROKEN, encoding="utf-8")
    (folder / "notes.md").write_text(NOTES, encoding="utf-8")
    git("add", "-A", cwd=folder)
    return folder


def test_the_samples_are_what_they_say():
    assert check_text(LOOSE).ok and format_text(LOOSE).changed
    assert check_text(BROKEN).errors
    assert check_text(FIXED).ok and not format_text(FIXED).changed


def test_the_hooks_are_defined_as_documented():
    assert [hook["id"] for hook in HOOKS] == ["blueprint-check", "blueprint-fmt"]
    for hook in HOOKS:
        assert (hook["language"], hook["files"]) == ("python", r"\.bp$")
    assert [hook["entry"] for hook in HOOKS] == ["blueprint check", "blueprint fmt --brief-errors"]


def test_try_repo_runs_both_hooks_on_the_bp_files(repository: Path, tmp_path: Path):
    done = pre_commit("try-repo", str(ROOT), "--all-files", cwd=repository, home=tmp_path / "cache")
    output = done.stdout
    assert done.returncode == 1, output + done.stderr
    assert hook_status(output, "blueprint check") == "Failed", output
    assert hook_status(output, "blueprint fmt") == "Failed", output
    # blueprint-check: the broken file, at its line, and nothing about the good one;
    # blueprint-fmt only says it cannot format it, rather than list its errors again.
    assert output.count("flows/card.bp:4:3: error[BP104]: found the lane 'custmer'") == 1, output
    assert output.count("custmer call") == 1, output
    assert "flows/card.bp: not formatted: it has 1 error (blueprint check lists them)" in output
    assert "transfer.bp:" not in output and "notes.md" not in output
    # blueprint-fmt: the loose file rewritten in place, the broken one left alone.
    assert "files were modified by this hook" in output
    assert (repository / "flows" / "transfer.bp").read_text(encoding="utf-8") == format_text(LOOSE).text
    assert (repository / "flows" / "card.bp").read_text(encoding="utf-8") == BROKEN
    assert (repository / "notes.md").read_text(encoding="utf-8") == NOTES


def test_the_documented_configuration_works(repository: Path, tmp_path: Path):
    (block,) = [b.text for b in fenced_blocks(ROOT / "docs" / "ci.md") if b.info == "yaml" and "repos:" in b.text]
    config = yaml.safe_load(block)
    (entry,) = config["repos"]
    assert entry["repo"] == DOCUMENTED_REPO
    assert entry["rev"] == f"v{blueprint.__version__}"
    assert [hook["id"] for hook in entry["hooks"]] == [hook["id"] for hook in HOOKS]
    # Only the two values the page tells readers to replace are replaced.
    entry["repo"], entry["rev"] = str(ROOT), git("rev-parse", "HEAD", cwd=ROOT)
    (repository / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git("add", ".pre-commit-config.yaml", cwd=repository)
    home = tmp_path / "cache"

    first = pre_commit("run", "--all-files", cwd=repository, home=home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "flows/card.bp:4:3: error[BP104]" in first.stdout
    assert (repository / "flows" / "transfer.bp").read_text(encoding="utf-8") == format_text(LOOSE).text

    # Fixed, staged, run again (the hooks' environment is installed by now).
    (repository / "flows" / "card.bp").write_text(FIXED, encoding="utf-8")
    git("add", "-A", cwd=repository)
    second = pre_commit("run", "--all-files", cwd=repository, home=home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert hook_status(second.stdout, "blueprint check") == "Passed"
    assert hook_status(second.stdout, "blueprint fmt") == "Passed"
