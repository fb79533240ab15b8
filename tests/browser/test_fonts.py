"""The page draws every character with the fonts it carries: Chromium uses no
font of the machine's for the drawing or the page's own text, so Chinese
shows (not empty boxes) where no Chinese font is installed, and Latin text
is drawn with the very face the layout measured."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.cdp import Page
from tests.browser.conftest import ROOT, example_scene, write_page
from tests.browser.page import card_centre

EXAMPLES = [ROOT / "examples" / name for name in ("deposit.bp", "card-fraud-alert-zh.bp", "notice-deposit-zh.bp")]
TEXT = "svg text, .bp-toolbar button, .bp-hint, #bp-details h3, #bp-details dt, #bp-details dd"


def fonts_used(page: Page, selector: str) -> list[tuple[str, list[dict]]]:
    """For each element matching `selector`, its text and the fonts Chromium drew it with."""
    page.evaluate("document.fonts.ready.then(() => true)")
    page.send("DOM.enable")
    page.send("CSS.enable")
    root = page.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    found = []
    for node in page.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
        text = page.send("DOM.resolveNode", {"nodeId": node})["object"]["objectId"]
        content = page.send("Runtime.callFunctionOn", {"objectId": text, "functionDeclaration":
                                                       "function () { return this.textContent; }",
                                                       "returnByValue": True})["result"]["value"]
        if content.strip():
            found.append((content, page.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]))
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_character_is_drawn_with_an_embedded_font(path: Path, page: Page, pages_dir: Path) -> None:
    scene = example_scene(path)
    page.open(write_page(pages_dir, path.stem, scene))
    page.hover(*card_centre(page, scene.cards[-1].id))  # the details panel's text too
    used = fonts_used(page, TEXT)
    assert len(used) > 50
    families = set()
    for content, fonts in used:
        assert fonts and all(font["isCustomFont"] for font in fonts), (content, fonts)
        # Every glyph came from them (spaces and a few marks aside, no fallback).
        assert sum(font["glyphCount"] for font in fonts) >= len(content.replace(" ", "")) * 0.9, (content, fonts)
        families |= {font["familyName"] for font in fonts}
    expected = {"Blueprint Liberation Sans"} | ({"Blueprint Noto Sans CJK SC"} if scene.lang.startswith("zh") else set())
    assert families == expected
    assert page.errors == []


def test_without_embedded_fonts_the_page_asks_the_machine(page: Page, tmp_path: Path) -> None:
    from blueprint.render.html import render_html

    path = EXAMPLES[1]
    target = tmp_path / "bare.html"
    target.write_text(render_html(example_scene(path), fonts="none"), encoding="utf-8")
    page.open(target)
    used = fonts_used(page, "svg text.title")
    assert used and not any(font["isCustomFont"] for _content, fonts in used for font in fonts)
