"""The Sphinx extension in real builds: `sphinx-build` on small projects in a
temporary folder, the built pages opened in headless Chromium.

The main project's page draws a .bp file and a blueprint written in the page,
in two themes; the broken project adds a page with a .bp file with a mistake,
a mistake in a directive's content, a missing file and a wrong option.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from blueprint.api import check_text
from blueprint.render.themes import get_theme
from tests.browser.cdp import Chromium
from tests.browser.conftest import chromium  # noqa: F401 (the session's browser, a fixture)
from tests.browser.page import assert_quiet, text_versions
from tests.conftest import ROOT
from tests.test_docs import fenced_blocks

pytestmark = pytest.mark.slow  # real Sphinx builds and a real Chromium

CONF = 'project = "Journeys"\nextensions = ["blueprint.integrations.sphinx"]\n'

JOURNEY = """\
blueprint "Open a savings account"
description "A customer opens a savings account in the app."

phase "Apply"
step apply "Apply"
  evidence "Account opening screen"
  customer fill "Fills in the form"
  onstage app "App checks the form"
  support core "Core banking opens the account"
  fill -> app -> core
"""

INLINE = """\
blueprint "存款"
lang zh
step 存 "存入现金"
  customer 递交 "递交现金"
  onstage 点钞 "柜员点钞"
  递交 -> 点钞
"""

INDEX = """\
Journeys
========

.. blueprint:: diagrams/journey.bp
   :caption: Opening a *savings* account
   :alt: Savings account opening, one step
   :name: savings

Written in the page:

.. blueprint::
   :theme: dark
   :width: 60%

""" + textwrap.indent(INLINE, "   ")

BROKEN_FILE = 'blueprint "Broken"\nstep s "S"\n  custmer c "C"\n'

BROKEN_PAGE = """\
Broken
======

.. blueprint:: diagrams/broken.bp

.. blueprint::

   blueprint "Broken inline"
   step s "S"
     custmer c "C"

.. blueprint:: diagrams/missing.bp

.. blueprint:: diagrams/journey.bp
   :theme: neon
"""
# Lines of BROKEN_PAGE where each problem is.
BROKEN_INLINE_LINE = BROKEN_PAGE.splitlines().index('     custmer c "C"') + 1
MISSING_LINE = BROKEN_PAGE.splitlines().index(".. blueprint:: diagrams/missing.bp") + 1
NEON_LINE = BROKEN_PAGE.splitlines().index(".. blueprint:: diagrams/journey.bp") + 1


def write_project(folder: Path, pages: dict[str, str], files: dict[str, str] | None = None) -> Path:
    source = folder / "src"
    (source / "diagrams").mkdir(parents=True)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "diagrams" / "journey.bp").write_text(JOURNEY, encoding="utf-8")
    for name, text in {**pages, **(files or {})}.items():
        (source / name).write_text(text, encoding="utf-8")
    return source.resolve()


def sphinx_build(source: Path, *options: str, builder: str = "html") -> subprocess.CompletedProcess:
    output = source.parent / "out" / builder
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-N", *options, str(source), str(output)],
        capture_output=True, text=True,
    )


def page(source: Path, name: str, builder: str = "html", suffix: str = ".html") -> str:
    return (source.parent / "out" / builder / f"{name}{suffix}").read_text(encoding="utf-8")


def rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The main project, built once with warnings as errors."""
    source = write_project(tmp_path_factory.mktemp("sphinx"), {"index.rst": INDEX})
    done = sphinx_build(source, "-W", "-q")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return source.resolve()


def test_the_samples_are_valid():
    for text in (JOURNEY, INLINE):
        result = check_text(text)
        assert result.ok and not result.diagnostics, result.diagnostics
    assert check_text(BROKEN_FILE).errors


# --- HTML ----------------------------------------------------------------------
def test_html_embeds_the_svg_in_the_page(built: Path):
    html = page(built, "index")
    figures = re.findall(r'<figure class="([^"]*)"([^>]*)>(.*?)</figure>', html, re.S)
    assert len(figures) == 2
    (path_classes, path_attributes, path_figure), (inline_classes, inline_attributes, inline_figure) = figures

    assert path_classes.split()[:2] == ["blueprint-figure", "blueprint-theme-default"]
    assert 'id="savings"' in path_attributes
    drawing, caption = path_figure.split("<figcaption>")
    # Under the drawing, before the caption, its text version: a closed disclosure in its language.
    drawing, text_version = drawing.split('<details class="blueprint-text" lang="en">')
    # The drawing in its scroll region, which takes focus and is named by the :alt: text, as the image is.
    assert re.search('<div class="blueprint-drawing" role="region" tabindex="0" aria-label="Savings account opening,'
                     ' one step" style="--blueprint-width:[0-9.]+px"><div role="img" aria-label="Savings account'
                     ' opening, one step"><svg ', drawing)
    assert "Open a savings account" in drawing
    assert re.search(r'</svg>\s*</div></div>\s*<label class="blueprint-fit" lang="en"><input type="checkbox"> '
                     r'Fit to column</label>$', drawing)
    assert "<li>Step 1 of 1: Apply.<ul>" in text_version and "Hands off to App checks the form" in text_version
    assert "Opening a <em>savings</em> account" in caption

    assert inline_classes.split()[:3] == ["blueprint-figure", "blueprint-theme-dark", "blueprint-sized"]
    assert 'style="width: 60%"' in inline_attributes
    assert "存入现金" in inline_figure and "柜员点钞" in inline_figure and "<figcaption>" not in inline_figure
    assert inline_figure.count('<details class="blueprint-text" lang="zh-Hans">') == 1

    assert "<?xml" not in html
    assert "_static/blueprint.css" in html and (built.parent / "out/html/_static/blueprint.css").is_file()


def test_every_id_on_the_page_is_unique(built: Path):
    # Two drawings on one page: their cards, arrow heads and titles must not share ids.
    ids = Counter(re.findall(r'\sid="([^"]+)"', page(built, "index")))
    assert ids and [i for i, n in ids.items() if n > 1] == []


def test_the_drawings_are_visible_in_a_browser(built: Path, chromium: Chromium):  # noqa: F811
    tab = chromium.new_page(1200, 900)
    try:
        tab.open(built.parent / "out" / "html" / "index.html")
        boxes = tab.evaluate(
            "Array.from(document.querySelectorAll('.blueprint-drawing svg')).map(svg => {"
            " const r = svg.getBoundingClientRect(), region = svg.closest('.blueprint-drawing'),"
            " frame = region.getBoundingClientRect(),"
            " column = svg.closest('figure').parentElement.getBoundingClientRect();"
            " return {width: r.width, height: r.height,"
            "  left: frame.left - column.left, right: column.right - frame.right,"
            "  drawn: parseFloat(svg.getAttribute('width')), frame: frame.width,"
            "  scrolls: region.scrollWidth > region.clientWidth,"
            "  column: column.width, title: getComputedStyle(svg.querySelector('.title')).fill}; })"
        )
        assert len(boxes) == 2
        for box in boxes:
            assert box["width"] > 100 and box["height"] > 50, box
            # The region stays in the column; a drawing wider than it scrolls there.
            assert box["left"] >= 0 and box["right"] >= 0, f"the drawing's region overflows the text column: {box}"
            assert box["scrolls"] == (box["width"] > box["frame"] + 0.5), box
        light, dark = boxes
        # :width: 60%, or the floor the stylesheet keeps every drawing at, whichever is wider.
        assert dark["width"] == pytest.approx(max(0.6 * dark["column"], dark["drawn"] * 10 / 12), rel=0.02)
        # Each drawing's stylesheet stays in its drawing.
        assert (light["title"], dark["title"]) == (rgb(get_theme("default").title), rgb(get_theme("dark").title))
        assert tab.errors == []
        assert all(url.startswith("file://") for url in tab.requests), tab.requests
    finally:
        tab.close()


@pytest.mark.parametrize("theme", ["furo", "alabaster"])
def test_the_text_version_under_a_figure_is_one_quiet_line(tmp_path: Path, chromium: Chromium, theme: str):  # noqa: F811
    source = write_project(tmp_path, {"index.rst": INDEX})
    (source / "conf.py").write_text(CONF + f'html_theme = "{theme}"\n', encoding="utf-8")
    done = sphinx_build(source, "-W", "-q")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    tab = chromium.new_page(1200, 900)
    try:
        tab.open(source.parent / "out" / "html" / "index.html")
        found = text_versions(tab)
        assert len(found) == 2
        assert_quiet(found)
        assert tab.errors == []
    finally:
        tab.close()


# --- problems ------------------------------------------------------------------
@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index = INDEX + "\n.. toctree::\n\n   broken\n"
    return write_project(tmp_path_factory.mktemp("sphinx-broken"), {"index.rst": index, "broken.rst": BROKEN_PAGE},
                         {"diagrams/broken.bp": BROKEN_FILE})


def test_strict_build_fails_at_the_file_and_line_of_each_problem(broken: Path):
    done = sphinx_build(broken, "-W", "--keep-going", "-q")
    assert done.returncode != 0
    warnings = done.stderr.splitlines()
    lane = ("WARNING: blueprint error[BP104]: found the lane 'custmer'; expected customer, onstage, backstage, "
            "support, preparation, management or evidence (hint: did you mean 'customer'?) [blueprint.error]")
    expected = [
        f"{broken / 'diagrams' / 'broken.bp'}:3: {lane}",
        f"{broken / 'broken.rst'}:{BROKEN_INLINE_LINE}: {lane}",
        f"{broken / 'broken.rst'}:{MISSING_LINE}: WARNING: blueprint: cannot read diagrams/missing.bp: "
        "No such file or directory [blueprint.directive]",
    ]
    for line in expected:
        assert line in warnings, done.stderr
    # docutils itself refuses an unknown theme, as for any directive option.
    assert f'{broken / "broken.rst"}:{NEON_LINE}: ERROR: Error in "blueprint" directive:' in warnings
    assert "invalid option value: (option: \"theme\"; value: 'neon')" in warnings


def test_the_page_shows_an_error_box_in_place_of_each_broken_drawing(broken: Path):
    done = sphinx_build(broken, "-q")
    assert done.returncode == 0, done.stderr
    html = page(broken, "broken")
    assert html.count('<div class="blueprint-error admonition error">') == 3
    text = re.sub(r"<[^>]+>", "", html).replace("&#39;", "'")
    assert "Blueprint not drawn. diagrams/broken.bp has 1 error." in text
    assert "diagrams/broken.bp:3:3: error[BP104]: found the lane 'custmer'" in text
    assert "Blueprint not drawn. broken.rst has 1 error." in text
    assert f"broken.rst:{BROKEN_INLINE_LINE}: error[BP104]: found the lane 'custmer'" in text
    assert "Blueprint not drawn. Cannot read diagrams/missing.bp: No such file or directory." in text
    assert "<svg" not in html
    # The published page names files as the project does, never the build machine's folders.
    assert str(broken.parent) not in html


def test_a_changed_bp_file_redraws_only_the_pages_that_draw_it(tmp_path: Path):
    index = INDEX + "\n.. toctree::\n\n   plain\n"
    source = write_project(tmp_path, {"index.rst": index, "plain.rst": "Plain\n=====\n\nNo drawing.\n"})
    assert sphinx_build(source, "-W").returncode == 0
    (source / "diagrams" / "journey.bp").write_text(JOURNEY.replace("Open a savings", "Open a deposit"), "utf-8")
    again = sphinx_build(source, "-W")
    assert again.returncode == 0, again.stderr
    # Sphinx may prefix progress lines with terminal codes (an erase-line under
    # CI, even with -N), so compare the lines as a reader sees them.
    plain = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", again.stdout)
    read = [line for line in plain.splitlines() if line.startswith("reading sources...")]
    assert read and all(line.endswith(" index") for line in read), again.stdout
    assert "Open a deposit account" in page(source, "index")


def test_parallel_build_is_declared_safe(tmp_path: Path):
    # Sphinx reads in parallel from six pages on, and warns (an error with -W)
    # about any extension that does not say it is safe.
    pages = {f"page{n}.rst": INDEX.replace("Journeys\n========", f"Page {n}\n======").replace(":name: savings", f":name: savings-{n}")
             for n in range(8)}
    toctree = "Pages\n=====\n\n.. toctree::\n\n" + "".join(f"   page{n}\n" for n in range(8))
    source = write_project(tmp_path, {"index.rst": toctree, **pages})
    done = sphinx_build(source, "-W", "-q", "-j", "2")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    for n in range(8):
        assert page(source, f"page{n}").count('<div class="blueprint-drawing"') == 2


# --- other builders ------------------------------------------------------------
def test_text_builder_gets_the_source_and_caption(built: Path):
    done = sphinx_build(built, "-W", "-q", builder="text")
    assert done.returncode == 0, done.stderr
    text = page(built, "index", "text", ".txt")
    assert "Opening a *savings* account" in text
    for line in JOURNEY.splitlines():
        assert line in text
    assert "柜员点钞" in text


def test_latex_builder_gets_a_captioned_code_block(built: Path):
    done = sphinx_build(built, "-W", "-q", builder="latex")
    assert done.returncode == 0, done.stderr
    tex = next((built.parent / "out" / "latex").glob("*.tex")).read_text(encoding="utf-8")
    assert r"\sphinxSetupCaptionForVerbatim{Opening a \sphinxstyleemphasis{savings} account}" in tex
    assert r"\begin{sphinxVerbatim}" in tex and "Open a savings account" in tex


# --- the documentation -----------------------------------------------------------
DOC = ROOT / "docs" / "sphinx.md"


def doc_samples() -> tuple[dict[str, str], list[str], list[str]]:
    """The files the page names (<!-- file: NAME -->), its other rst and text blocks."""
    blocks = fenced_blocks(DOC)
    files = {b.file: b.text for b in blocks if b.file}
    return files, [b.text for b in blocks if b.info == "rst" and not b.file], \
        [b.text for b in blocks if b.info == "text"]


def test_documented_warning_is_what_a_build_prints(tmp_path: Path):
    files, rst, shown = doc_samples()
    source = tmp_path.resolve() / "docs"
    source.mkdir()
    for name, text in files.items():
        (source / name).write_text(text, encoding="utf-8")
    broken_directive = next(block for block in rst if "broken.bp" in block)
    (source / "broken.rst").write_text("Broken\n======\n\n" + broken_directive, encoding="utf-8")
    (source / "index.rst").write_text(files["index.rst"] + "\n.. toctree::\n\n   broken\n", encoding="utf-8")
    done = sphinx_build(source, "-W", "--keep-going", "-q")
    assert done.returncode != 0
    (warning,) = [line for block in shown for line in block.splitlines() if "WARNING" in line and "broken.bp" in line]
    assert warning.replace("…/", f"{source}/") in done.stderr.splitlines(), done.stderr


def test_documented_suppress_warnings_lets_a_strict_build_draw_a_broken_promise(tmp_path: Path):
    promise = JOURNEY.replace('description "', 'max-wait 5min\ndescription "').replace(
        '  customer fill "Fills in the form"\n', '  customer fill "Fills in the form"\n    wait 20min\n')
    assert [d.code for d in check_text(promise).diagnostics] == ["BP302"]
    source = write_project(tmp_path, {"index.rst": INDEX},
                           {"diagrams/journey.bp": promise})
    done = sphinx_build(source, "-W", "-q")
    assert done.returncode != 0 and "[blueprint.practice]" in done.stderr
    line = next(line for block in fenced_blocks(DOC) if block.info == "python" and "suppress_warnings" in block.text
                for line in block.text.splitlines())
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(line + "\n")
    done = sphinx_build(source, "-W", "-q")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert "<svg" in page(source, "index")


def test_documented_code_block_is_highlighted_without_errors(tmp_path: Path):
    _, rst, _ = doc_samples()
    block = next(block for block in rst if block.startswith(".. code-block:: bp"))
    source = write_project(tmp_path, {"index.rst": "Code\n====\n\n" + block})
    done = sphinx_build(source, "-W", "-q")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    html = page(source, "index")
    assert '<div class="highlight-bp notranslate">' in html
    assert '<span class="k">step</span>' in html and '<span class="nb">customer</span>' in html
    assert 'class="err"' not in html


# --- MyST Markdown ----------------------------------------------------------------
MYST_PAGE = """\
# Only

A blueprint written in a Markdown page, below a few lines of text
so that its lines in the page differ from its own.

```{blueprint}
:theme: dark

blueprint "Broken inline"
step s "S"
  custmer c "C"
```
"""
MYST_LINE = MYST_PAGE.splitlines().index('  custmer c "C"') + 1


def test_myst_markdown_page_reports_the_page_line(tmp_path: Path):
    # MyST runs the directive with a line count of its own (from the
    # directive's line, not the page's top); the page line must come out all the same.
    source = write_project(tmp_path, {"index.rst": "Index\n=====\n\n.. toctree::\n\n   only\n",
                                      "only.md": MYST_PAGE})
    (source / "conf.py").write_text(CONF.replace('extensions = [', 'extensions = ["myst_parser", '), "utf-8")
    done = sphinx_build(source, "-W", "--keep-going", "-q")
    assert done.returncode != 0
    assert f"{source / 'only.md'}:{MYST_LINE}: WARNING: blueprint error[BP104]" in done.stderr, done.stderr
    text = re.sub(r"<[^>]+>", "", page(source, "only")).replace("&#39;", "'")
    assert f"only.md:{MYST_LINE}: error[BP104]: found the lane 'custmer'" in text


def test_documented_myst_page_builds_without_warnings(tmp_path: Path):
    files, _, _ = doc_samples()
    source = tmp_path.resolve() / "docs"
    source.mkdir()
    for name, text in files.items():
        (source / name).write_text(text, encoding="utf-8")
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('extensions = ["myst_parser", *extensions]\n')
    (source / "index.rst").write_text(files["index.rst"] + "\n.. toctree::\n\n   journeys\n", encoding="utf-8")
    done = sphinx_build(source, "-W", "-q")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    html = page(source, "journeys")
    assert html.count('<div class="blueprint-drawing"') == 2
    assert "Cash deposit at the counter, as it is today" in html and "Card activation" in html


# --- dark mode ----------------------------------------------------------------------
AUTO_PAGE = """\
Journeys
========

.. blueprint:: diagrams/journey.bp
   :theme: auto
   :alt: Savings account opening, one step
"""


def test_theme_auto_follows_furo_s_light_dark_and_auto_modes(tmp_path: Path, chromium: Chromium):  # noqa: F811
    source = write_project(tmp_path, {"index.rst": AUTO_PAGE})
    (source / "conf.py").write_text(CONF + 'html_theme = "furo"\n', encoding="utf-8")
    done = sphinx_build(source, "-W", "-q")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    html = page(source, "index")
    assert '<figure class="blueprint-figure blueprint-auto ' in html
    assert html.count('<div class="blueprint-drawing blueprint-light" role="region"') == 1
    assert html.count('<div class="blueprint-drawing blueprint-dark" role="region"') == 1

    shown_js = ("[document.body.dataset.theme, Array.from(document.querySelectorAll('.blueprint-drawing'))"
                ".filter(d => d.getBoundingClientRect().height > 0)"
                ".map(d => getComputedStyle(d.querySelector('.background')).fill)]")
    background = {"light": rgb(get_theme("default").background), "dark": rgb(get_theme("dark").background)}
    tab = chromium.new_page(1200, 900)
    try:
        for system in ("light", "dark"):
            tab.emulate_media(color_scheme=system)
            tab.open(built_page := source.parent / "out" / "html" / "index.html")
            tab.evaluate("localStorage.clear()")  # Furo keeps the reader's last choice; start from auto
            tab.open(built_page)
            seen = {}
            for _ in range(3):  # Furo's toggle goes round auto, dark and light (in an order of its own)
                mode, shown = tab.evaluate(shown_js)
                seen[mode] = shown
                tab.evaluate("document.querySelector('.theme-toggle').click()")
                tab.settle()
            assert seen == {"auto": [background[system]], "dark": [background["dark"]],
                            "light": [background["light"]]}, (system, seen)
        assert tab.errors == []
    finally:
        tab.close()
