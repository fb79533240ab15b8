"""A real MkDocs build and a real Sphinx build of pages that draw a
blueprint and one of its details: the tag of the drawn detail links to the
page that draws it, the tag of a detail no page draws links nowhere, and no
placeholder is left in any page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.project.test_checks import IDENTITY, OPEN, RISK, write

pytestmark = pytest.mark.slow  # real MkDocs and Sphinx builds

LINK = re.compile(r'<a href="([^"]*)" xlink:href="[^"]*" class="detail-link" aria-label="([^"]*)"')
FLOWS = {"flows/open.bp": OPEN, "flows/checks/identity.bp": IDENTITY, "flows/risk.bp": RISK}


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_mkdocs_links_a_detail_to_the_page_that_draws_it(tmp_path):
    write(tmp_path / "docs", {**FLOWS,
                              "index.md": "# Opening\n\n![Open an account](flows/open.bp)\n",
                              "checks/identity.md": "# Identity\n\n![Identity check](../flows/checks/identity.bp)\n"})
    (tmp_path / "mkdocs.yml").write_text("site_name: Details\nplugins:\n  - blueprint\n", encoding="utf-8")
    done = run(["mkdocs", "build", "--strict"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    # Twice: the light and the dark drawing (the plugin's theme is auto).
    assert LINK.findall(index) == [("checks/identity/", "Open the detail: checks/identity.bp")] * 2
    assert index.count('class="mark mark-detail"') == 2 * 3  # the step's, the action's and the legend's
    pages = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "site").rglob("*.html"))
    assert "blueprint-detail:" not in pages


def test_sphinx_links_a_detail_to_the_page_that_draws_it(tmp_path):
    write(tmp_path / "docs", {**FLOWS,
                              "conf.py": "extensions = ['blueprint.integrations.sphinx']\n",
                              "index.rst": "Opening\n=======\n\n.. blueprint:: flows/open.bp\n\n"
                                           ".. toctree::\n\n   checks/identity\n",
                              "checks/identity.rst": "Identity\n========\n\n.. blueprint:: ../flows/checks/identity.bp\n"})
    done = run(["sphinx", "-b", "html", "-W", "docs", "out"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert LINK.findall(index) == [("checks/identity.html", "Open the detail: checks/identity.bp")]
    pages = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "out").rglob("*.html"))
    assert "blueprint-detail:" not in pages


def test_mkdocs_warns_of_a_detail_whose_file_is_missing_and_draws_all_the_same(tmp_path):
    write(tmp_path / "docs", {"flows/open.bp": OPEN, "flows/risk.bp": RISK,
                              "index.md": "# Opening\n\n![Open an account](flows/open.bp)\n"})
    (tmp_path / "mkdocs.yml").write_text("site_name: Details\nplugins:\n  - blueprint\n", encoding="utf-8")
    loose = run(["mkdocs", "build"], tmp_path)
    assert loose.returncode == 0, loose.stdout + loose.stderr
    assert "BP240" in loose.stderr and "checks/identity.bp" in loose.stderr and "index.md:3" in loose.stderr
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in index and 'class="mark mark-detail"' in index  # drawn, its tag linking nowhere
    assert run(["mkdocs", "build", "--strict"], tmp_path).returncode != 0


def test_sphinx_warns_of_a_detail_whose_file_is_missing_and_draws_all_the_same(tmp_path):
    write(tmp_path / "docs", {"flows/open.bp": OPEN, "flows/risk.bp": RISK,
                              "conf.py": "extensions = ['blueprint.integrations.sphinx']\n",
                              "index.rst": "Opening\n=======\n\n.. blueprint:: flows/open.bp\n"})
    loose = run(["sphinx", "-b", "html", "docs", "out"], tmp_path)
    assert loose.returncode == 0, loose.stdout + loose.stderr
    assert "BP240" in loose.stderr and "checks/identity.bp" in loose.stderr
    assert "<svg" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert run(["sphinx", "-b", "html", "-W", "docs", "out2"], tmp_path).returncode != 0
