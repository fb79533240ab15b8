"""Drawings in documentation sites at 100 % and at 200 % browser zoom.

Real builds (Material for MkDocs, the MkDocs theme, Furo, alabaster) of a
page that draws a medium (`deposit`) and a wide (`branch-visit-current`)
example and a blueprint of one card, opened in headless Chromium in a
1280 x 860 window at 100 %, and zoomed to 200 % (the same window: half the
CSS px at twice the device scale). What a reader gets:

- card text never under 10 CSS px (drawn at 12): at 200 % the drawing is
  twice as large on screen as at 100 %, not shrunk back to a column that
  narrowed in CSS px;
- a drawing that fits the column at that size is fitted to it, one that
  does not scrolls sideways inside its region, which stays in the column;
- the region takes focus, is named by the drawing's title and scrolls with
  the arrow keys;
- *Fit to column* shows the whole drawing in the column, and back.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser.axe_audit import readable, violations
from tests.browser.cdp import Page
from tests.browser.conftest import _tab, chromium, page  # noqa: F401 (the browser fixtures, shared)
from tests.browser.page import embedded_drawings, focused
from tests.conftest import ROOT
from tests.integrations.test_mkdocs import MATERIAL, build, log_of
from tests.integrations.test_sphinx import CONF, sphinx_build

pytestmark = pytest.mark.slow  # real MkDocs and Sphinx builds and a real Chromium

LEAST_CARD_TEXT = 10.0  # CSS px; the drawings' card text is 12 px
FILES = ("deposit.bp", "branch-visit-current.bp")
TITLES = ["Branch cash deposit", "Branch visit at peak hour", "Tiny"]
TINY = 'blueprint "Tiny"\nstep a "A"\n  customer x "Does"\n  onstage y "Helps"\n  x -> y\n'
MARKDOWN = ("# Examples\n\nThe column's width, in words.\n\n![deposit](flows/deposit.bp)\n\n"
            f"![branch visit](flows/branch-visit-current.bp)\n\n```blueprint\n{TINY}```\n")
RST = ("Examples\n========\n\nThe column's width, in words.\n\n"
       + "".join(f".. blueprint:: flows/{name}\n   :theme: auto\n\n" for name in FILES)
       + ".. blueprint::\n   :theme: auto\n\n" + "".join(f"   {line}\n" for line in TINY.splitlines()))
MKDOCS_THEME = "site_name: Plain\ntheme:\n  name: mkdocs\nplugins:\n  - blueprint:\n      theme: auto\n"
SITES = ("material", "mkdocs", "furo", "alabaster")
WINDOWS = {  # a 1280 x 860 window at 100 % and at 200 %
    "100": {"width": 1280, "height": 860, "deviceScaleFactor": 1, "mobile": False},
    "200": {"width": 640, "height": 430, "deviceScaleFactor": 2, "mobile": False},
}


def mkdocs_site(folder: Path, config: str) -> Path:
    (folder / "docs" / "flows").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    (folder / "docs" / "index.md").write_text(MARKDOWN, encoding="utf-8")
    for name in FILES:
        shutil.copy(ROOT / "examples" / name, folder / "docs" / "flows" / name)
    done = build(folder, "--strict")
    assert done.returncode == 0, log_of(done)
    return folder / "site" / "index.html"


def sphinx_site(folder: Path, theme: str) -> Path:
    source = folder / "src"
    (source / "flows").mkdir(parents=True)
    # The examples break their promised waits on purpose (BP302).
    conf = CONF + f'html_theme = "{theme}"\nsuppress_warnings = ["blueprint.practice"]\n'
    (source / "conf.py").write_text(conf, encoding="utf-8")
    (source / "index.rst").write_text(RST, encoding="utf-8")
    for name in FILES:
        shutil.copy(ROOT / "examples" / name, source / "flows" / name)
    done = sphinx_build(source, "-W", "-q")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return folder / "out" / "html" / "index.html"


def build_site(theme: str, folder: Path) -> Path:
    """The page, built in `folder` with `theme` (one of SITES)."""
    if theme == "material":
        return mkdocs_site(folder, MATERIAL.replace("- blueprint{options}", "- blueprint:\n      theme: auto"))
    if theme == "mkdocs":
        return mkdocs_site(folder, MKDOCS_THEME)
    return sphinx_site(folder, theme)


@pytest.fixture(scope="module", params=SITES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built page, in one theme."""
    return build_site(request.param, tmp_path_factory.mktemp(request.param))


def open_at(page: Page, site: Path, zoom: str) -> None:
    page.reset(WINDOWS[zoom]["width"], WINDOWS[zoom]["height"])
    page.send("Emulation.setDeviceMetricsOverride", WINDOWS[zoom])
    page.emulate_media(color_scheme="light")
    page.open(site)


def tab_to(page: Page, selector: str, title: str) -> None:
    """Press Tab from the top of the page until the element matching `selector`
    in the figure of the drawing called `title` has focus."""
    for _ in range(60):
        page.key("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r}) && document.activeElement"
                         f".closest('figure').querySelector('svg title').textContent === {title!r}"):
            return
    pytest.fail(f"Tab never reached {selector} of {title}")


@pytest.mark.parametrize("zoom", WINDOWS)
def test_card_text_stays_readable_and_what_does_not_fit_scrolls(site: Path, page: Page, zoom: str) -> None:
    open_at(page, site, zoom)
    drawings = embedded_drawings(page)
    assert [drawing["title"] for drawing in drawings] == TITLES
    for drawing in drawings:
        assert drawing["card_text"] >= LEAST_CARD_TEXT - 0.01, drawing
        # Its own size if the column has room, the column's width if not, never under the floor.
        floor = drawing["drawn"] * LEAST_CARD_TEXT / 12
        assert drawing["shown"] == pytest.approx(max(floor, min(drawing["drawn"], drawing["region"])), abs=0.5), drawing
        assert drawing["left"] >= -0.5 and drawing["right"] >= -0.5, f"the region overflows the column: {drawing}"
        assert drawing["scrolls"] == (drawing["shown"] > drawing["region"] + 0.5), drawing
    deposit, wide, tiny = drawings
    assert wide["scrolls"]  # 2233 px drawn: wider than any column at 10 px card text
    if zoom == "100":
        assert not tiny["scrolls"]  # the narrowest drawing fits every column at 100 %
    else:
        assert deposit["scrolls"]


def test_the_region_is_named_and_scrolls_with_the_arrow_keys(site: Path, page: Page) -> None:
    open_at(page, site, "200")
    tab_to(page, ".blueprint-drawing", "Branch cash deposit")
    assert focused(page)["role"] == "region" and focused(page)["name"] == "Branch cash deposit"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"  # focus shows
    # The browser scrolls smoothly: wait for the scroll to start (or for a second's worth of frames).
    page.evaluate("(window.blueprintScrolled = new Promise(done => { let frames = 0;"
                  " document.activeElement.addEventListener('scroll', done, {once: true});"
                  " const count = () => (++frames > 60 ? done() : requestAnimationFrame(count)); count(); }), true)")
    page.key("ArrowRight")
    page.evaluate("window.blueprintScrolled")
    assert page.evaluate("document.activeElement.scrollLeft") > 0


def test_fit_to_column_shows_the_whole_drawing(site: Path, page: Page) -> None:
    open_at(page, site, "200")
    tab_to(page, ".blueprint-fit input", "Branch visit at peak hour")
    assert focused(page)["role"] == "checkbox" and focused(page)["name"] == "Fit to column"
    page.key(" ")
    page.settle()
    deposit, wide, tiny = embedded_drawings(page)
    assert not wide["scrolls"] and wide["shown"] == pytest.approx(wide["region"], abs=0.5)
    assert deposit["scrolls"]  # each figure has its own checkbox
    page.key(" ")
    page.settle()
    assert embedded_drawings(page)[1]["scrolls"]


def test_zoomed_figures_pass_axe(site: Path, page: Page) -> None:
    """Within the page's content (the theme's own furniture is not ours to judge)."""
    open_at(page, site, "200")
    content = "document.querySelector('.md-content, [role=main], .body, article') || document"
    found = violations(page, content)
    assert found == [], readable(found)
