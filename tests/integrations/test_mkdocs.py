"""The MkDocs plugin in real builds: `mkdocs build` run on small sites in a
temporary folder, the pages read back, and the built pages opened in headless
Chromium (the harness of tests/browser).

Builds run as separate processes, as a user runs them, so each starts with an
empty memory cache: what a second build reuses comes from the cache folder.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from blueprint.integrations.figure import stylesheet
from blueprint.integrations.mkdocs import BlueprintPluginConfig
from blueprint.render.themes import get_theme
from tests.browser.cdp import Page
from tests.browser.page import assert_quiet, text_versions
from tests.browser.conftest import _tab, chromium, page  # noqa: F401 (the browser fixtures, shared)
from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow  # real MkDocs builds and a real Chromium

DOCS_PAGE = ROOT / "docs" / "mkdocs.md"
GALLERY = ROOT / "docs" / "gallery.md"

TINY = 'blueprint "Tiny"\nstep a "A"\n  customer x "Does"\n  onstage y "Helps"\n  x -> y\n'
TYPO = 'blueprint "Typo"\nstep a "A"\n  custmer x "Does"\n'
PAYLOAD = "</code></pre><script>alert(1); window.pwned = 1</script><img src=x onerror='alert(2); window.pwned = 2'>"

MATERIAL = """\
site_name: Test site
theme:
  name: material
  font: false
  palette:
    - scheme: default
      toggle: {icon: material/weather-night, name: Switch to dark}
    - scheme: slate
      toggle: {icon: material/weather-sunny, name: Switch to light}
plugins:
  - blueprint{options}
markdown_extensions:
  - admonition
  - attr_list
  - pymdownx.superfences
"""

INDEX = f"""\
# Deposits

A fenced blueprint, a referenced file and a fence in an admonition.

```blueprint
{TINY}```

![Branch cash deposit](flows/deposit.bp "The deposit <today>")

!!! note
    ```blueprint theme="print"
    {TINY.replace(chr(10), chr(10) + '    ')}```
"""

BROKEN = f"""\
# Broken

```blueprint
blueprint "Hostile"
step a "A"
  custmer x "{PAYLOAD}"
```

![Typo](flows/typo.bp)
"""


def make_site(folder: Path, config: str = MATERIAL, options: str = "", broken: bool = False) -> Path:
    (folder / "docs" / "flows").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(config.replace("{options}", options), encoding="utf-8")
    (folder / "docs" / "index.md").write_text(INDEX, encoding="utf-8")
    shutil.copy(ROOT / "examples" / "deposit.bp", folder / "docs" / "flows" / "deposit.bp")
    if broken:
        (folder / "docs" / "broken.md").write_text(BROKEN, encoding="utf-8")
        (folder / "docs" / "flows" / "typo.bp").write_text(TYPO, encoding="utf-8")
    return folder


def build(site: Path, *args: str, config: str = "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", config, *args], cwd=site, env=env,
                          capture_output=True, text=True)


def log_of(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout + done.stderr


def page_html(site: Path, name: str = "index.html") -> str:
    return (site / "site" / name).read_text(encoding="utf-8")


def drawings(page_text: str) -> list[str]:
    return re.findall(r'<svg id="(blueprint-[^"]+)"', page_text)


def error_boxes(page_text: str) -> list[str]:
    return re.findall(r'<div class="blueprint-error".*?</div>', page_text, flags=re.DOTALL)


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("good"))
    done = build(site, "--strict")
    assert done.returncode == 0, log_of(done)
    return site


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("broken"), broken=True)
    done = build(site)  # without --strict: the site is written, warnings and all
    assert done.returncode == 0, log_of(done)
    return site


# --- what a build writes --------------------------------------------------------------


def test_a_strict_build_draws_fences_references_and_nested_fences(good_site):
    page = page_html(good_site)
    # The fence and the file in the light and the dark theme (auto), the nested fence in print.
    # (Numbers go by when a drawing is made: superfences finds the nested fence before images are read.)
    assert drawings(page) == ["blueprint-1-default", "blueprint-1-dark", "blueprint-3-default",
                              "blueprint-3-dark", "blueprint-2-print"]
    assert ">Tiny</title>" in page and ">Branch cash deposit</title>" in page
    assert "<figcaption>The deposit &lt;today&gt;</figcaption>" in page
    assert "flows/deposit.bp" not in page.replace("docs/flows/deposit.bp", "")  # no <img>, no link
    assert '<div class="admonition note">' in page and not error_boxes(page)
    assert 'href="assets/blueprint/blueprint.css"' in page
    assert (good_site / "site" / "assets" / "blueprint" / "blueprint.css").read_text(encoding="utf-8") == stylesheet()


def test_an_invalid_blueprint_fails_a_strict_build_with_its_file_and_line(tmp_path):
    site = make_site(tmp_path, broken=True)
    done = build(site, "--strict")
    log = log_of(done)
    assert done.returncode != 0
    assert ("WARNING -  blueprint: docs/broken.md:6:3: error[BP104]: found the lane 'custmer'; "
            "expected customer, onstage, backstage, support, preparation, management or evidence") in log
    assert ("WARNING -  blueprint: docs/flows/typo.bp:3:3: error[BP104]: found the lane 'custmer'; "
            "expected customer, onstage, backstage, support, preparation, management or evidence (drawn in docs/broken.md:9)") in log
    assert "Aborted with 2 warnings in strict mode!" in log
    assert "Traceback" not in log


def test_without_strict_the_page_shows_escaped_error_boxes(broken_site):
    page = page_html(broken_site, "broken/index.html")
    fence_box, file_box = error_boxes(page)
    assert "<strong>Blueprint not drawn.</strong> docs/broken.md:6:3: found the lane" in fence_box
    # The snippet is cut around the mistake; what it shows of the payload is text.
    assert html.escape('"</code></pre><script>alert(1); window.pwned = 1', quote=True) in fence_box
    assert "<strong>Blueprint not drawn.</strong> docs/flows/typo.bp:3:3: found the lane" in file_box
    assert "3 |   custmer x &quot;Does&quot;" in file_box
    assert "<script>alert" not in page and "onerror='alert" not in page
    assert str(broken_site) not in page  # no path of the machine that built it


def test_a_second_build_reuses_every_drawing_and_writes_the_same_page(tmp_path):
    site = make_site(tmp_path)
    first = build(site)
    assert "blueprint: 5 drawings: 5 drawn, 0 from the cache" in log_of(first)
    cached = sorted((site / ".cache" / "blueprint").glob("*.svg"))
    assert len(cached) == 5
    page = page_html(site)
    second = build(site)
    assert "blueprint: 5 drawings: 0 drawn, 5 from the cache" in log_of(second)
    assert page_html(site) == page
    assert sorted((site / ".cache" / "blueprint").glob("*.svg")) == cached


def test_a_changed_blueprint_is_redrawn_and_its_old_drawings_pruned(tmp_path):
    site = make_site(tmp_path)
    build(site)
    before = {path.name for path in (site / ".cache" / "blueprint").glob("*.svg")}
    deposit = site / "docs" / "flows" / "deposit.bp"
    deposit.write_text(deposit.read_text(encoding="utf-8").replace("Branch cash deposit", "Counter deposit"),
                       encoding="utf-8")
    done = build(site)
    assert "blueprint: 5 drawings: 2 drawn, 3 from the cache" in log_of(done)
    assert ">Counter deposit</title>" in page_html(site)
    after = {path.name for path in (site / ".cache" / "blueprint").glob("*.svg")}
    assert len(after) == 5 and len(after - before) == 2  # the old deposit drawings are gone


def test_plugin_options_theme_and_cache(tmp_path):
    site = make_site(tmp_path, options=":\n      theme: dark\n      cache: false")
    done = build(site, "--strict")
    assert done.returncode == 0, log_of(done)
    # A fence's own theme wins over the site's.
    assert drawings(page_html(site)) == ["blueprint-1-dark", "blueprint-3-dark", "blueprint-2-print"]
    assert not (site / ".cache").exists()


def test_a_bad_plugin_option_is_a_configuration_error(tmp_path):
    site = make_site(tmp_path, options=":\n      theme: neon")
    done = build(site)
    assert done.returncode != 0 and "theme" in log_of(done) and "neon" in log_of(done)


def test_the_mkdocs_theme_without_superfences_draws_fences_too(tmp_path):
    site = make_site(tmp_path, config="site_name: Plain\nplugins:\n  - blueprint\n")
    done = build(site, "--strict")
    assert done.returncode == 0, log_of(done)
    page = page_html(site)
    assert drawings(page)[:2] == ["blueprint-1-default", "blueprint-1-dark"]
    assert ">Branch cash deposit</title>" in page


def test_a_listed_extension_is_left_to_the_plugin(tmp_path):
    config = MATERIAL + "  - blueprint\n"
    site = make_site(tmp_path, config=config)
    done = build(site, "--strict")
    assert done.returncode == 0, log_of(done)
    assert "the plugin adds the blueprint Markdown extension itself" in log_of(done)
    assert len(drawings(page_html(site))) == 5


def test_references_outside_the_project_need_allow_dirs(tmp_path):
    outside = tmp_path / "shared"
    outside.mkdir()
    (outside / "tiny.bp").write_text(TINY, encoding="utf-8")
    site = make_site(tmp_path / "project")
    (site / "docs" / "shared.md").write_text("# Shared\n\n![Tiny](../../shared/tiny.bp)\n", encoding="utf-8")
    refused = build(site, "--strict")
    assert refused.returncode != 0
    assert ("blueprint: docs/shared.md:3: cannot draw ../../shared/tiny.bp: "
            "it is outside the folders blueprints are read from") in log_of(refused)

    (site / "mkdocs.yml").write_text(MATERIAL.replace("{options}", ":\n      allow_dirs: [../shared]"),
                                     encoding="utf-8")
    allowed = build(site, "--strict")
    assert allowed.returncode == 0, log_of(allowed)
    assert ">Tiny</title>" in page_html(site, "shared/index.html")


def test_serve_watches_the_folders_of_blueprints_outside_the_docs(tmp_path):
    """`mkdocs serve` watches the docs folder itself; the plugin adds the
    folders of referenced files elsewhere (a real server object, not started)."""
    from mkdocs.commands.build import build as build_site

    site = make_site(tmp_path / "project")
    (site / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "deposit.bp", site / "examples" / "deposit.bp")
    (site / "docs" / "gallery.md").write_text("![Deposit](../examples/deposit.bp)\n", encoding="utf-8")
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    config.plugins.on_startup(command="serve", dirty=False)
    build_site(config)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "out"))
    server = config.plugins.on_serve(server, config=config, builder=lambda: None)
    assert list(server._watched_paths) == [str((site / "examples").resolve())]


# --- the documentation ----------------------------------------------------------------


_MARKED = re.compile(r"^<!-- (?P<kind>file|build log|error box): (?P<name>\S+) -->\n(?P<fence>`{3,})\w*\n"
                     r"(?P<text>.*?)^(?P=fence)$", flags=re.MULTILINE | re.DOTALL)


def documented(kind: str) -> dict[str, str]:
    text = DOCS_PAGE.read_text(encoding="utf-8")
    return {m["name"]: m["text"] for m in _MARKED.finditer(text) if m["kind"] == kind}


def test_the_documented_site_builds_and_its_typo_reads_as_documented(tmp_path):
    files = documented("file")
    assert {"mkdocs.yml", "mkdocs-options.yml", "docs/index.md", "docs/flows.md", "docs/typo.md"} <= set(files)
    (tmp_path / "docs" / "flows").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "deposit.bp", tmp_path / "docs" / "flows" / "deposit.bp")
    for name, text in files.items():
        if name != "docs/typo.md":
            (tmp_path / name).write_text(text, encoding="utf-8")
    for config in ("mkdocs.yml", "mkdocs-options.yml"):
        done = build(tmp_path, "--strict", config=config)
        assert done.returncode == 0, log_of(done)
    assert ">The deposit today, at a busy branch</figcaption>" in page_html(tmp_path, "flows/index.html")
    assert ">Branch cash deposit</title>" in page_html(tmp_path)

    (tmp_path / "docs" / "typo.md").write_text(files["docs/typo.md"], encoding="utf-8")
    strict = build(tmp_path, "--strict")
    assert strict.returncode != 0
    assert documented("build log")["docs/typo.md"].strip() in log_of(strict)
    build(tmp_path)
    [box] = error_boxes(page_html(tmp_path, "typo/index.html"))
    shown = html.unescape(re.sub(r"<[^>]+>", "", box)).strip()
    assert shown == documented("error box")["docs/typo.md"].strip()


def test_the_documented_plugin_options_are_the_real_ones():
    text = DOCS_PAGE.read_text(encoding="utf-8")
    section = text[text.index("### Options"):text.index("### Mistakes")]
    assert re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE) == [key for key, _ in BlueprintPluginConfig._schema]
    sample = documented("file")["mkdocs-options.yml"]
    for key, option in BlueprintPluginConfig._schema:
        default = option.default
        shown = "[]" if default == [] else {True: "true", False: "false"}.get(default, default)
        assert f"      {key}: {shown}\n" in sample


def test_the_gallery_draws_every_example():
    referenced = re.findall(r"^!\[[^\]]*\]\(\.\./examples/([^)]+\.bp)\)$", GALLERY.read_text(encoding="utf-8"),
                            flags=re.MULTILINE)
    assert sorted(referenced) == sorted(path.name for path in EXAMPLES)


def test_the_project_documentation_builds_strictly(tmp_path):
    """The project's own site, as CI builds it (the drawings cache goes to the
    project's .cache folder, as for any build of the site)."""
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert done.returncode == 0, log_of(done)
    gallery = (tmp_path / "site" / "gallery" / "index.html").read_text(encoding="utf-8")
    assert len(drawings(gallery)) == 2 * len(EXAMPLES) and not error_boxes(gallery)


# --- in the browser --------------------------------------------------------------------------


def figures(page: Page) -> list[dict]:
    """Every drawing on the page: its id, its size on screen and its background's fill."""
    return page.evaluate(
        "Array.from(document.querySelectorAll('.blueprint-figure svg')).map(svg => {"
        " const box = svg.getBoundingClientRect(); const background = svg.querySelector('.background');"
        " return {id: svg.id, width: box.width, height: box.height,"
        "         fill: background ? getComputedStyle(background).fill : null}; })"
    )


def shown(page: Page) -> dict[str, dict]:
    return {figure["id"]: figure for figure in figures(page) if figure["width"] > 0 and figure["height"] > 0}


def rgb(colour: str) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def test_the_drawings_show_and_follow_the_palette_toggle(good_site, page):
    page.open(good_site / "site" / "index.html")
    page.evaluate("localStorage.clear()")  # Material keeps the palette chosen before; start from the light one
    page.reset()
    page.open(good_site / "site" / "index.html")
    assert page.errors == [] and page.dialogs == []
    assert all(url.startswith(("file:", "data:")) for url in page.requests), page.requests  # nothing fetched
    light = shown(page)
    assert sorted(light) == ["blueprint-1-default", "blueprint-2-print", "blueprint-3-default"]
    assert all(figure["width"] > 200 and figure["height"] > 100 for figure in light.values())
    # Each drawing keeps its own theme's colours: the styles of the others on the page do not reach it.
    assert light["blueprint-1-default"]["fill"] == rgb(get_theme("default").background)

    toggle = page.evaluate("(() => { const r = document.querySelector('label[for=\"__palette_1\"]')"
                           ".getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    page.click(*toggle)
    page.settle()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    dark = shown(page)
    assert sorted(dark) == ["blueprint-1-dark", "blueprint-2-print", "blueprint-3-dark"]
    assert dark["blueprint-1-dark"]["fill"] == rgb(get_theme("dark").background)
    assert dark["blueprint-3-dark"]["width"] == pytest.approx(light["blueprint-3-default"]["width"])


def test_the_mkdocs_theme_in_dark_mode_shows_the_dark_drawings(tmp_path, page):
    site = make_site(tmp_path, config="site_name: Plain\ntheme:\n  name: mkdocs\n  color_mode: dark\n"
                                      "plugins:\n  - blueprint\n")
    assert build(site, "--strict").returncode == 0
    page.open(site / "site" / "index.html")
    assert page.evaluate("document.documentElement.getAttribute('data-bs-theme')") == "dark"
    assert sorted(shown(page)) == ["blueprint-1-dark", "blueprint-2-dark"]


@pytest.mark.parametrize("config", [MATERIAL, "site_name: Plain\ntheme:\n  name: mkdocs\nplugins:\n  - blueprint\n"],
                         ids=["material", "mkdocs"])
def test_the_text_version_under_a_figure_is_one_quiet_line(tmp_path, page, config):
    """Material dresses every <details> as an admonition (a bordered, shadowed
    box with a tinted title, an icon and a chevron) and the MkDocs theme as a
    card; under a figure, the text version stays one plain line with the
    browser's disclosure triangle, and opens to lists aligned to the start
    even in Material's centred figure."""
    site = make_site(tmp_path, config=config)
    assert build(site, "--strict").returncode == 0
    page.open(site / "site" / "index.html")
    page.evaluate("localStorage.clear()")  # Material keeps the palette chosen before; start from the light one
    page.open(site / "site" / "index.html")
    assert_quiet(text_versions(page))
    first = "document.querySelector('figure details.blueprint-text')"
    page.evaluate(f"{first}.querySelector('summary').focus()")
    page.key("Enter")
    assert page.evaluate(f"{first}.open")
    assert page.evaluate(f"getComputedStyle({first}.querySelector('li')).textAlign") in ("start", "left")


def test_error_boxes_show_and_nothing_in_them_runs(broken_site, page):
    page.open(broken_site / "site" / "broken" / "index.html")
    boxes = page.evaluate(
        "Array.from(document.querySelectorAll('.blueprint-error')).map(box => {"
        " const r = box.getBoundingClientRect(); return {width: r.width, height: r.height, text: box.textContent}; })"
    )
    assert len(boxes) == 2 and all(box["width"] > 200 and box["height"] > 40 for box in boxes)
    assert "docs/broken.md:6:3" in boxes[0]["text"] and "<script>alert(1); window.pwned = 1" in boxes[0]["text"]
    assert "docs/flows/typo.bp:3:3" in boxes[1]["text"]
    assert page.dialogs == [] and page.evaluate("typeof window.pwned") == "undefined"
    assert all(url.startswith(("file:", "data:")) for url in page.requests), page.requests


# --- accessibility --------------------------------------------------------------------------


def test_embedded_drawings_pass_axe_and_expose_their_text_version(tmp_path, page):
    """Every example on a Material site, light and dark (theme auto) and in
    print, checked by axe-core against WCAG 2.0-2.2 A and AA; each figure
    holds its text version in a closed <details>."""
    from tests.browser.axe_audit import readable, violations

    # The page's content: the theme's own furniture (its footer's grey) is not ours to judge.
    CONTENT = "document.querySelector('.md-content')"

    # Material colours links on its dark palette by the palette's primary
    # colour; a palette that names none keeps the light one's indigo, 2.3:1 on slate.
    site = make_site(tmp_path, config=MATERIAL.replace("- scheme: slate", "- scheme: slate\n      primary: indigo"))
    for path in EXAMPLES:
        shutil.copy(path, site / "docs" / "flows" / path.name)
    references = "\n\n".join(f"![{path.stem}](flows/{path.name})" for path in EXAMPLES)
    (site / "docs" / "index.md").write_text(f"# Examples\n\n{references}\n", encoding="utf-8")
    printed = "\n\n".join(f"![{path.stem}](flows/{path.name}){{ theme=print }}" for path in EXAMPLES)
    (site / "docs" / "print.md").write_text(f"# Printed\n\n{printed}\n", encoding="utf-8")
    done = build(site, "--strict")
    assert done.returncode == 0, log_of(done)

    page.open(site / "site" / "index.html")
    page.evaluate("localStorage.clear()")  # Material keeps the palette chosen before; start from the light one
    page.open(site / "site" / "index.html")
    assert page.evaluate("document.querySelectorAll('figure details.blueprint-text:not([open])').length") \
        == len(EXAMPLES)
    found = violations(page, CONTENT)
    assert found == [], readable(found)
    # The site's own dark palette, switched as a reader does, by its toggle.
    toggle = page.evaluate("(() => { const r = document.querySelector('label[for=\"__palette_1\"]')"
                           ".getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    page.click(*toggle)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.evaluate("document.querySelectorAll('details.blueprint-text').forEach(d => d.open = true)")
    page.evaluate("new Promise(done => setTimeout(done, 500))")  # the theme's links fade to their new colour
    found = violations(page, CONTENT)
    assert found == [], readable(found)
    page.open(site / "site" / "print" / "index.html")
    found = violations(page, CONTENT)
    assert found == [], readable(found)
    # (Material's search asks for its index, which a file: page may not fetch; nothing of ours fails.)
    assert [entry for entry in page.errors if entry.source == "exception"] == []
