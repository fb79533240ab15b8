"""The Python-Markdown extension and the superfences fence, in plain
`markdown.markdown(...)`: drawings inline, error boxes escaped, ids unique,
styles scoped, file references confined, output deterministic."""

from __future__ import annotations

import html
import logging
import re
import shutil
from pathlib import Path

import markdown
import pytest

from blueprint.integrations import drawn as drawn_module
from blueprint.integrations.drawings import DrawingCache, clear_memory, drawing_key
from blueprint.integrations.embed import THEMES
from blueprint.integrations.figure import EmbeddingError, inline_svg, scoped_css
from blueprint.integrations.markdown import BlueprintExtension, fence_blueprint, parse_info, validate_blueprint
from blueprint.render.themes import theme_css
from tests.conftest import EXAMPLES, ROOT

DOCS_PAGE = ROOT / "docs" / "mkdocs.md"

TINY = 'blueprint "Tiny"\nstep a "A"\n  customer x "Does"\n  onstage y "Helps"\n  x -> y\n'
TYPO = 'blueprint "Typo"\nstep a "A"\n  custmer x "Does"\n'
HOSTILE_LINE = "  custmer x \"</code></pre><script>alert(1)</script><img src=x onerror=alert(2)>\x02wzxhzdk:0\x03\""
HOSTILE = f'blueprint "Hostile"\nstep a "A"\n{HOSTILE_LINE}\n'
SUPERFENCES = {"pymdownx.superfences": {"custom_fences": [
    {"name": "blueprint", "class": "blueprint", "format": fence_blueprint, "validator": validate_blueprint},
]}}


def fence(text: str, info: str = "blueprint") -> str:
    return f"```{info}\n{text}```\n"


def convert(text: str, extensions: list | None = None, **config: object) -> str:
    configs = {"blueprint": config} if config else {}
    return markdown.markdown(text, extensions=extensions or ["blueprint"], extension_configs=configs)


def without_svg(page: str) -> str:
    """The page with every drawing cut out: what is left is what this integration wrote itself."""
    return re.sub(r"<svg\b.*?</svg>", "[svg]", page, flags=re.DOTALL)


def error_boxes(page: str) -> list[str]:
    return re.findall(r'<div class="blueprint-error".*?</div>', page, flags=re.DOTALL)


# --- fences ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["blueprint", "blueprint.markdown", "blueprint.integrations.markdown"])
def test_a_fence_becomes_the_inline_svg(name):
    page = convert("# Title\n\n" + fence(TINY), extensions=[name])
    assert '<figure class="blueprint-figure blueprint-theme-default">' in page
    assert page.count("<svg") == 1 and '<svg id="blueprint-1-default"' in page
    assert "<title id=\"blueprint-1-default-bp-title\">Tiny</title>" in page
    assert "<?xml" not in page and "<pre" not in page
    assert "<p><figure" not in page  # a block of its own, not inside a paragraph


def test_other_fences_stay_code_even_when_they_show_a_blueprint_fence():
    shown = "````markdown\n" + fence(TINY) + "````\n\n" + fence("print(1)\n", "python")
    page = convert(shown, extensions=["blueprint", "fenced_code"])
    assert "<svg" not in page
    assert "```blueprint" in page and "print(1)" in page


@pytest.mark.parametrize("info", ["blueprint theme=print", 'blueprint theme="print"', "{ .blueprint theme=print }"])
def test_a_fence_chooses_its_theme(info):
    page = convert(fence(TINY, info))
    assert '<svg id="blueprint-1-print"' in page and "theme-print" in page


def test_theme_auto_draws_light_and_dark():
    page = convert(fence(TINY), theme="auto")
    assert '<figure class="blueprint-figure blueprint-auto">' in page
    assert ('<div class="blueprint-drawing blueprint-light" role="region" tabindex="0"'
            ' aria-labelledby="blueprint-1-default-bp-title" style="--blueprint-width:788px">'
            '<svg id="blueprint-1-default"') in page
    assert ('<div class="blueprint-drawing blueprint-dark" role="region" tabindex="0"'
            ' aria-labelledby="blueprint-1-dark-bp-title" style="--blueprint-width:788px" data-search-exclude>'
            '<svg id="blueprint-1-dark"') in page
    # One checkbox under the pair fits whichever is shown to the column.
    assert page.count('<label class="blueprint-fit" lang="en"><input type="checkbox"> Fit to column</label>') == 1


@pytest.mark.parametrize(("info", "message"), [
    ("blueprint theme=neon", "unknown theme 'neon'"),
    ("blueprint colour=red", "unknown blueprint fence option colour"),
    ("blueprint print", "unknown blueprint fence option print"),
])
def test_a_bad_fence_option_is_an_error_box_and_a_warning(info, message, caplog):
    page = convert("Text.\n\n" + fence(TINY, info), page_name="guide.md")
    assert "<svg" not in page
    [box] = error_boxes(page)
    assert "guide.md:3: " in box and html.escape(message, quote=True) in box
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [f"guide.md:3: {message}"
                                                                                        + _option_tail(message)]


def _option_tail(message: str) -> str:
    if message.startswith("unknown theme"):
        return "; expected one of: auto, default, dark, print"
    return "; expected theme, view, scenario"


def test_an_invalid_fence_is_an_error_box_with_the_page_line(caplog):
    page = convert("# Guide\n\nSome text.\n\n" + fence(TYPO), page_name="guide.md")
    assert "<svg" not in page
    [box] = error_boxes(page)
    # The fence opens on line 5, so the misspelt lane is on line 8 of the page.
    assert "<strong>Blueprint not drawn.</strong> guide.md:8:3: found the lane &#x27;custmer&#x27;" in box
    assert "guide.md:8:3: error[BP104]" in box
    assert "8 |   custmer x &quot;Does&quot;" in box  # the snippet, numbered as in the page
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["guide.md:8:3: error[BP104]: found the lane 'custmer'; "
                        "expected customer, onstage, backstage, support, preparation, management or evidence"]


def test_hostile_text_in_an_error_box_is_escaped():
    page = convert(fence(HOSTILE), page_name='<img src=x onerror=alert(3)>.md')
    [box] = error_boxes(page)
    assert "<script" not in page and "<img" not in page and "onerror=alert(2)>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in box
    assert "&lt;img src=x onerror=alert(3)&gt;.md:4:3" in box
    assert "\x02" not in page and "\x03" not in page  # Python-Markdown's placeholder marks
    # The escaped box has exactly the structure written, nothing the text opened or closed.
    assert box.count("<pre") == 1 and box.count("</pre>") == 1 and box.count("<code>") == 1


def test_practice_warnings_draw_and_are_logged_as_information(caplog):
    caplog.set_level(logging.INFO, logger="blueprint.integrations")
    text = (ROOT / "examples" / "deposit.bp").read_text(encoding="utf-8")
    page = convert(fence(text), page_name="guide.md")
    assert "<svg" in page and not error_boxes(page)
    infos = [r.getMessage() for r in caplog.records if r.name == "blueprint.integrations"]
    assert infos and all(r.levelno == logging.INFO for r in caplog.records if r.name == "blueprint.integrations")
    assert infos[0].startswith("guide.md:21:10: warning[BP302]")  # line 20 of the file, one line down the page


# --- many drawings on one page ---------------------------------------------------------


def test_ids_are_unique_and_styles_scoped_with_many_drawings_in_every_theme():
    page = convert("\n".join(fence(TINY, f"blueprint theme={theme}") for theme in THEMES) + fence(TINY))
    ids = re.findall(r'\sid="([^"]*)"', page)
    assert len(ids) == len(set(ids)) and len(ids) > 20
    for reference in re.findall(r'url\(#([^)]*)\)', page) + [
            name for names in re.findall(r'aria-(?:labelledby|describedby)="([^"]*)"', page) for name in names.split()]:
        assert reference in ids
    for match in re.finditer(r'<svg id="([^"]+)".*?<style>(.*?)</style>', page, flags=re.DOTALL):
        root, css = match.groups()
        for rule in filter(None, css.split("\n")):
            if rule.startswith("@font-face{"):  # the drawing's own fonts, named for blueprint alone
                continue
            assert all(selector.startswith(f"#{root} ") for selector in rule.split("{")[0].split(",")), rule


@pytest.mark.parametrize("theme", ["default", "dark", "print"])
def test_every_theme_stylesheet_can_be_scoped(theme):
    css = theme_css(theme)
    scoped = scoped_css(css, "#x")
    assert scoped.count("{") == css.count("{")


@pytest.mark.parametrize("css", ["@media print{a{b:c}}", "a{b:c}/* note */", ":is(a,b){c:d}", "a{b:c"])
def test_a_stylesheet_it_cannot_scope_is_refused(css):
    with pytest.raises(EmbeddingError):
        scoped_css(css, "#x")


def test_text_that_looks_like_an_id_is_left_alone():
    svg = ('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text id="t">'
           'url(#t) id=&#34;t&#34;</text><path marker-end="url(#t)"/></svg>')
    assert inline_svg(svg, "p") == ('<svg id="p" xmlns="http://www.w3.org/2000/svg"><text id="p-t">'
                                    'url(#t) id=&#34;t&#34;</text><path marker-end="url(#p-t)"/></svg>')


def test_the_stylesheet_comes_once_per_document_unless_turned_off():
    two = fence(TINY) + "\n" + fence(TINY)
    assert convert(two).count("<style>\n/* Blueprint drawings") == 1
    assert "/* Blueprint drawings" not in convert(two, stylesheet=False)


def test_converting_twice_gives_the_same_page():
    text = fence(TINY) + "\n" + fence(TYPO) + "\n" + fence(TINY, "blueprint theme=dark")
    first = convert(text, theme="auto")
    clear_memory()
    assert convert(text, theme="auto") == first
    md = markdown.Markdown(extensions=["blueprint"])
    assert md.convert(text) == md.reset().convert(text)


# --- file references --------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "flows").mkdir()
    shutil.copy(ROOT / "examples" / "deposit.bp", tmp_path / "flows" / "deposit.bp")
    (tmp_path / "flows" / "typo.bp").write_text(TYPO, encoding="utf-8")
    return tmp_path


def test_an_image_reference_draws_the_file(folder):
    page = convert('# Flows\n\n![Deposit](flows/deposit.bp "Today <at> the branch")\n', base_dir=str(folder))
    assert "<p><figure" not in page and "<img" not in page
    assert '<svg id="blueprint-1-default"' in page and ">Branch cash deposit</title>" in page
    assert "<figcaption>Today &lt;at&gt; the branch</figcaption>" in page


def test_a_leading_slash_starts_at_the_base_folder(folder):
    assert "<svg" in convert("![Deposit](/flows/deposit.bp)\n", base_dir=str(folder))


def test_an_image_in_running_text_is_drawn_in_place(folder):
    page = convert("Before ![Deposit](flows/deposit.bp) after.\n", base_dir=str(folder), stylesheet=False)
    assert re.search(r"<p>Before <figure.*</figure> after\.</p>", page, flags=re.DOTALL)


def test_an_invalid_file_shows_its_own_file_and_line(folder, caplog):
    page = convert("# Flows\n\n![Typo](flows/typo.bp)\n", base_dir=str(folder), page_name="flows.md")
    [box] = error_boxes(page)
    assert "flows/typo.bp:3:3: found the lane" in box and "3 |   custmer" in box
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["flows/typo.bp:3:3: error[BP104]: found the lane 'custmer'; expected customer, onstage, "
                        "backstage, support, preparation, management or evidence (drawn in flows.md:3)"]


@pytest.mark.parametrize(("reference", "message"), [
    ("flows/missing.bp", "cannot read flows/missing.bp: no such file"),
    ("../outside.bp", "cannot draw ../outside.bp: it is outside the folders blueprints are read from"),
    ("flows/../../outside.bp", "it is outside the folders blueprints are read from"),
    ("flows", None),  # not a .bp file: an ordinary image
])
def test_a_reference_that_cannot_be_drawn_is_an_error_box(folder, reference, message, caplog):
    (folder.parent / "outside.bp").write_text(TINY, encoding="utf-8")
    page = convert(f"Text.\n\n![Flow]({reference})\n", base_dir=str(folder), page_name="flows.md")
    if message is None:
        assert "<img" in page and not error_boxes(page)
        return
    [box] = error_boxes(page)
    assert "flows.md:3: " in box and message in box and "<svg" not in page
    assert str(folder) not in page  # never a path of the machine that built it
    assert any(message in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


def test_a_symbolic_link_loop_is_an_error_box(folder):
    (folder / "loop.bp").symlink_to("loop.bp")
    page = convert("![Loop](loop.bp)\n", base_dir=str(folder), page_name="flows.md")
    [box] = error_boxes(page)
    assert "flows.md:1: cannot draw loop.bp: its path cannot be resolved" in box
    assert str(folder) not in page


def test_a_failure_around_drawing_is_an_error_box_too(folder, monkeypatch):
    # Fault injection: a bug in reading the page must cost one box, not the build.
    from blueprint.integrations import markdown as markdown_module

    def broken(*args, **kwargs):
        raise RuntimeError(f"failed in {folder}")

    monkeypatch.setattr(markdown_module, "resolve_reference", broken)
    page = convert("![Deposit](flows/deposit.bp)\n\n" + fence(TINY), base_dir=str(folder), page_name="flows.md")
    [box] = error_boxes(page)
    assert "flows.md: internal error (RuntimeError); see the debug log" in box and str(folder) not in page
    assert page.count("<svg") == 1  # the fence still draws


@pytest.mark.parametrize("reference", ["https://example.com/deposit.bp", "//example.com/deposit.bp",
                                       "data:text/plain,x.bp"])
def test_remote_references_are_never_fetched(folder, reference):
    page = convert(f"![Deposit]({reference})\n", base_dir=str(folder))
    assert "<img" in page and "<svg" not in page and not error_boxes(page)


def test_attr_list_gives_a_reference_its_theme(folder):
    page = convert("![Deposit](flows/deposit.bp){ theme=dark }\n", extensions=["attr_list", "blueprint"],
                   base_dir=str(folder))
    assert '<svg id="blueprint-1-dark"' in page


# --- superfences -----------------------------------------------------------------------


def test_the_superfences_fence_works_without_the_extension():
    page = markdown.markdown("!!! note\n    ```blueprint\n    " + TINY.replace("\n", "\n    ") + "```\n",
                             extensions=["admonition", "pymdownx.superfences"], extension_configs=SUPERFENCES)
    assert re.search(r'<div class="admonition note">.*<figure class="blueprint-figure.*<svg id="blueprint-1-default"',
                     page, flags=re.DOTALL)


def test_the_superfences_fence_uses_the_extension_settings_and_finds_nested_lines(caplog):
    text = ("# Guide\n\n" + fence(TINY, 'blueprint theme="dark"')
            + "\n!!! note\n    ```blueprint\n    " + TYPO.replace("\n", "\n    ") + "```\n")
    page = markdown.markdown(text, extensions=["admonition", "blueprint", "pymdownx.superfences"],
                             extension_configs={**SUPERFENCES, "blueprint": {"page_name": "guide.md", "theme": "print"}})
    assert '<svg id="blueprint-1-dark"' in page
    [box] = error_boxes(page)
    assert "guide.md:15:3: found the lane" in box  # the nested block's third line is page line 15


def test_the_validator_keeps_known_options_and_flags_the_rest():
    options: dict = {}
    assert validate_blueprint("blueprint", {"theme": "print", "size": "big"}, options, {}, None)
    assert options == {"theme": "print", "unknown": ["size"]}


def test_fence_info_strings():
    assert parse_info("blueprint") == ("blueprint", {}, [])
    assert parse_info("blueprint theme='dark'") == ("blueprint", {"theme": "dark"}, [])
    assert parse_info("{.blueprint theme=print}") == ("blueprint", {"theme": "print"}, [])
    assert parse_info("python") == ("python", {}, [])
    assert parse_info('blueprint theme=dark "x') == ("blueprint", {"theme": "dark"}, ['"x'])


# --- the cache and failures in drawing ------------------------------------------------------


def test_the_cache_keeps_drawings_by_content_and_theme(tmp_path):
    from blueprint.api import check_text

    result = check_text(TINY)
    clear_memory()
    first = DrawingCache(tmp_path)
    svg = first.svg(result, TINY, "default")
    assert (first.drawn, first.reused) == (1, 0)
    assert (tmp_path / f"{drawing_key(TINY, 'default')}.svg").read_text(encoding="utf-8") == svg
    assert first.svg(result, TINY, "default") == svg and first.reused == 1
    clear_memory()
    later = DrawingCache(tmp_path)  # a later process: memory empty, the folder kept
    assert later.svg(result, TINY, "default") == svg and (later.drawn, later.reused) == (0, 1)
    assert len({drawing_key(TINY, "default"), drawing_key(TINY, "dark"), drawing_key(TINY + " ", "default")}) == 3
    later.svg(result, TINY, "dark")
    (tmp_path / ("0" * 64 + ".svg")).write_text("old", encoding="utf-8")
    (tmp_path / "notes.svg").write_text("not ours", encoding="utf-8")
    assert DrawingCache(tmp_path).prune() == 3  # a new build that used nothing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.svg"]


def test_an_unwritable_cache_folder_costs_only_a_redraw(tmp_path):
    from blueprint.api import check_text

    blocked = tmp_path / "file"
    blocked.write_text("in the way", encoding="utf-8")
    clear_memory()
    cache = DrawingCache(blocked / "cache")
    assert cache.svg(check_text(TINY), TINY, "default").startswith("<?xml")


def test_a_failure_while_drawing_is_an_error_box_not_a_traceback(monkeypatch, caplog):
    # Fault injection: nothing in the renderer fails on purpose, so make it.
    def broken(*args, **kwargs):
        raise RuntimeError("renderer <bug>")

    clear_memory()
    monkeypatch.setattr(drawn_module, "render_result", broken)
    page = convert(fence(TINY), page_name="guide.md")
    [box] = error_boxes(page)
    assert "could not draw guide.md: internal error (RuntimeError: renderer &lt;bug&gt;)" in box
    assert "Traceback" not in page
    assert any("internal error" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


def test_every_example_draws(tmp_path):
    for example in EXAMPLES:
        shutil.copy(example, tmp_path / example.name)
    text = "\n\n".join(f"![{path.stem}]({path.name})" for path in EXAMPLES) + "\n"
    page = convert(text, base_dir=str(tmp_path), theme="auto")
    assert page.count("<svg") == 2 * len(EXAMPLES) and not error_boxes(page)


# --- the documentation's plain-Markdown samples ------------------------------------------------


def _python_samples() -> list[str]:
    text = DOCS_PAGE.read_text(encoding="utf-8")
    return re.findall(r"^(`{3,})python\n(.*?)^\1$", text, flags=re.MULTILINE | re.DOTALL)


def test_the_documented_python_samples_run(tmp_path, monkeypatch):
    samples = [code for _, code in _python_samples()]
    assert len(samples) == 2
    monkeypatch.chdir(tmp_path)
    (tmp_path / "flows").mkdir()
    shutil.copy(ROOT / "examples" / "deposit.bp", tmp_path / "flows" / "deposit.bp")
    guide = "# Guide\n\n" + fence(TINY) + "\n![Deposit](flows/deposit.bp)\n"
    (tmp_path / "guide.md").write_text(guide, encoding="utf-8")
    namespace: dict = {}
    exec(compile(samples[0], "docs/mkdocs.md", "exec"), namespace)  # noqa: S102 (our own documentation)
    written = (tmp_path / "guide.html").read_text(encoding="utf-8")
    assert written.count("<svg") == 2 and not error_boxes(written)
    exec(compile(samples[1], "docs/mkdocs.md", "exec"), namespace)  # noqa: S102
    assert namespace["html"].count("<svg") == 2


def test_the_documented_extension_options_are_the_real_ones():
    text = DOCS_PAGE.read_text(encoding="utf-8")
    section = text[text.index("## In plain Markdown"):]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    assert documented == list(BlueprintExtension().config)


def test_drawings_carry_their_fonts_unless_told_not_to():
    text = (ROOT / "examples" / "deposit-future-zh.bp").read_text(encoding="utf-8")
    fence = f"```blueprint\n{text}```\n"
    embedded = convert(fence)
    assert embedded.count("@font-face{") >= 2 and '"Blueprint Noto Sans CJK SC"' in embedded
    bare = convert(fence, fonts="none")
    assert "@font-face" not in bare and "Blueprint Noto Sans CJK SC" not in bare
    assert drawing_key(text, "default", "embed") != drawing_key(text, "default", "none")
    with pytest.raises(ValueError, match="fonts"):
        BlueprintExtension(fonts="all")
