"""The index of the site `render DIR -f html` writes, in a real Chromium:
its figures pass axe in light and dark colours, no text is smaller than
11 px, and the page draws its Chinese in the fonts it carries."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from blueprint.cli import render as render_cli
from blueprint.render.embedded_fonts import CJK_FAMILY, LATIN_FAMILY
from tests.browser.axe_audit import readable, violations

pytestmark = pytest.mark.slow  # a real browser

FOLDER = Path(__file__).resolve().parents[2] / "examples" / "account-opening-zh"
SMALLEST_TEXT = """
Math.min(...[...document.querySelectorAll('body *')]
  .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .map(e => parseFloat(getComputedStyle(e).fontSize)))
"""
# The fonts the page loaded once laid out: a face loads only when some text on the page is set in it.
FONTS_USED = "document.fonts.ready.then(() => [...document.fonts].filter(f => f.status === 'loaded')" \
             ".map(f => f.family.replace(/\"/g, '')))"


@pytest.fixture
def index(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(render_cli.command, [str(FOLDER), "-f", "html", "-o", "site"])
    assert done.exit_code == 0, done.output
    return tmp_path / "site" / "index.html"


def test_the_index_with_its_figures_passes_axe_in_light_and_dark_colours(page, index):
    page.open(index)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert violations(page) == [], f"{scheme}: {readable(violations(page))}"
    page.emulate_media(color_scheme="light")
    assert page.evaluate("document.querySelectorAll('section h2').length") == 1
    assert page.evaluate("document.querySelectorAll('.bp-figures dt').length") == 3  # wait, fail points, beyond


def test_no_text_of_the_index_is_smaller_than_11_px_and_it_is_set_in_its_own_fonts(page, index):
    page.open(index)
    page.settle()
    assert page.evaluate(SMALLEST_TEXT) >= 11
    assert {CJK_FAMILY, LATIN_FAMILY} <= set(page.evaluate(FONTS_USED))
