"""Browser tests: the rendered HTML in a real headless Chromium.

One browser per test session, a fresh tab per test. Without Chromium the
tests skip, except under CI (the CI variable set), where they fail: CI
installs it with .ci/install-browser, so a missing browser there is a bug.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from blueprint.api import check_file
from blueprint.layout import layout
from blueprint.scene import Scene
from blueprint.render.html import render_html
from tests.browser.cdp import Chromium, Page, find_chromium

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.bp"))


@pytest.fixture(scope="session")
def chromium() -> Iterator[Chromium]:
    executable = find_chromium()
    if executable is None:
        message = "chromium is not installed (Debian: apt-get install chromium, or run .ci/install-browser)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must install it before the tests run")
        pytest.skip(message)
    browser = Chromium(executable)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def _tab(chromium: Chromium) -> Iterator[Page]:
    tab = chromium.new_page()
    yield tab
    tab.close()


@pytest.fixture
def page(_tab: Page) -> Page:
    """One tab for all tests (opening a tab costs more than a whole test),
    wiped clean for each: blank page, no emulation, nothing recorded."""
    _tab.reset()
    return _tab


@pytest.fixture(scope="session")
def pages_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pages")


@cache
def example_scene(path: Path) -> Scene:
    result = check_file(path)
    assert result.ok, result.diagnostics
    return layout(result.blueprint)


def write_page(directory: Path, name: str, scene: Scene, theme: str = "default") -> Path:
    target = directory / f"{name}.{theme}.html"
    if not target.exists():
        target.write_text(render_html(scene, theme), encoding="utf-8")
    return target


@cache
def hand_made_scenes() -> ModuleType:
    """The renderer tests' shared hand-made scene module, loaded by path: the
    render tests are not a package, so it cannot be imported by name."""
    spec = importlib.util.spec_from_file_location("hand_made_scene_for_browser",
                                                  ROOT / "tests" / "render" / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
