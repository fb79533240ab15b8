"""Accessibility of the HTML page and of drawings on a documentation site, in Chromium.

axe-core checks every example page in every theme, and an MkDocs site
drawing every example, against the WCAG 2.0, 2.1 and 2.2 A and AA rules;
the keyboard tests press keys and read what the browser's accessibility
tree then says (the names and descriptions a screen reader announces).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from blueprint.render.text_version import card_name
from blueprint.render.themes import PALETTES
from tests.browser.axe_audit import readable, violations
from tests.browser.cdp import Page
from tests.browser.conftest import EXAMPLES, ROOT, example_scene, write_page
from tests.browser.page import active_card, card_box, card_classes, focused, panel, view_box
from tests.browser.screenshots import ZOOMED

pytestmark = pytest.mark.slow  # a real Chromium

THEMES = tuple(PALETTES)
LINKED = ROOT / "examples" / "insurance-claim-agent.bp"  # cards with web links


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_page_passes_axe(page: Page, pages_dir: Path, path: Path, theme: str) -> None:
    page.open(write_page(pages_dir, path.stem, example_scene(path), theme))
    assert violations(page) == [], readable(violations(page))
    # Tracing a card changes the drawing's look: still no violation.
    page.evaluate("document.querySelector('.bp-viewport [data-action]').dispatchEvent("
                  "new MouseEvent('click', {bubbles: true}))")
    assert page.evaluate("document.querySelector('.bp-viewport svg').classList.contains('bp-tracing')")
    assert violations(page) == [], readable(violations(page))
    assert page.errors == []


def test_a_standalone_drawing_with_links_passes_axe(page: Page, pages_dir: Path) -> None:
    from blueprint.render.svg import render_svg

    target = pages_dir / "linked.svg"
    target.write_text(render_svg(example_scene(LINKED)), encoding="utf-8")
    page.open(target)
    assert page.evaluate("document.documentElement.getAttribute('role')") == "group"
    assert violations(page) == [], readable(violations(page))


# --- what the accessibility tree says ----------------------------------------------------


def open_page(page: Page, pages_dir: Path, path: Path, theme: str = "default") -> None:
    page.emulate_media(reduced_motion="reduce")
    page.open(write_page(pages_dir, path.stem, example_scene(path), theme))


def test_tab_reaches_the_cards_in_order_and_each_is_announced_with_its_marks(page: Page, pages_dir: Path) -> None:
    path = ROOT / "examples" / "deposit.bp"
    open_page(page, pages_dir, path)
    scene = example_scene(path)
    page.evaluate("document.querySelector('.bp-viewport').focus()")
    assert focused(page)["role"] == "group"
    seen = []
    for _ in scene.cards:
        page.key("Tab")
        seen.append(active_card(page))
        node = focused(page)
        card = next(card for card in scene.cards if card.id == seen[-1])
        assert node["role"] == "button" and node["name"] == card_name(card)
        assert all(f"{marker.label.content}" in node["name"] for marker in card.markers)
        # Described by its entry in the text version: its facts and flows, always in the page.
        assert node["description"].startswith(" ".join(card.label.split()))
        for marker in card.markers:
            point = f"{'F' if marker.kind == 'fail' else 'W'}{marker.number}"
            assert re.search(rf"\b{point}\b", node["description"])
    assert seen == [card.id for card in scene.cards]
    counted = next(card for card in scene.cards if card.id == "count")
    assert "F3" in card_name(counted)


def test_enter_traces_escape_stops_and_the_pressed_state_is_announced(page: Page, pages_dir: Path) -> None:
    path = ROOT / "examples" / "deposit.bp"
    open_page(page, pages_dir, path)
    page.evaluate("document.querySelector('.bp-viewport').focus()")
    while active_card(page) != "count":
        page.key("Tab")
    assert focused(page)["pressed"] == "false"
    page.key("Enter")
    assert "bp-selected" in card_classes(page)["count"]
    assert focused(page)["pressed"] == "true"
    page.key(" ")
    assert "bp-selected" not in card_classes(page)["count"]
    page.key("Enter")
    page.key("Escape")
    assert "bp-selected" not in card_classes(page)["count"] and focused(page)["pressed"] == "false"
    assert active_card(page) == "count"  # focus stays where it was
    assert page.errors == []


def test_arrow_keys_and_the_pan_buttons_pan(page: Page, pages_dir: Path) -> None:
    open_page(page, pages_dir, ROOT / "examples" / "deposit.bp")
    home = view_box(page)
    page.evaluate("document.querySelector('.bp-viewport').focus()")
    page.key("+")
    page.key("ArrowRight")
    zoomed = view_box(page)
    assert zoomed[0] > home[0]
    page.evaluate("document.querySelector('button[data-pan=left]').focus()")
    page.key("Enter")
    assert view_box(page)[0] < zoomed[0]
    page.evaluate("document.querySelector('button[data-pan=down]').click()")
    assert view_box(page)[1] > zoomed[1]
    assert page.errors == []


def test_natural_size_scrolls_and_browser_zoom_enlarges_the_drawing(page: Page, pages_dir: Path) -> None:
    path = ROOT / "examples" / "branch-visit-current.bp"
    open_page(page, pages_dir, path)
    scene = example_scene(path)
    fitted = page.evaluate("document.querySelector('.bp-viewport svg').getBoundingClientRect().width")
    assert fitted < scene.width  # opens fitted to the window
    page.evaluate("document.querySelector('.bp-viewport').focus()")
    page.key("1")
    natural = page.evaluate("(() => { const v = document.querySelector('.bp-viewport');"
                            " return [v.querySelector('svg').getBoundingClientRect().width, v.scrollWidth > v.clientWidth,"
                            " document.querySelector('button[data-zoom=natural]').getAttribute('aria-pressed')]; })()")
    assert natural[0] == pytest.approx(scene.width, abs=1) and natural[1] and natural[2] == "true"
    left = page.evaluate("document.querySelector('.bp-viewport').scrollLeft")
    page.key("ArrowRight")  # at natural size, the frame scrolls
    assert page.evaluate("document.querySelector('.bp-viewport').scrollLeft") > left
    page.key("0")
    assert page.evaluate("document.querySelector('.bp-viewport svg').getBoundingClientRect().width") \
        == pytest.approx(fitted, abs=1)
    # Browser zoom (a larger device pixel ratio, then a resize) lets the fitted drawing go.
    page.send("Emulation.setDeviceMetricsOverride",
              {"width": 640, "height": 430, "deviceScaleFactor": 2, "mobile": False})
    page.settle()
    width = page.evaluate("document.querySelector('.bp-viewport svg').getBoundingClientRect().width")
    assert width == pytest.approx(scene.width, abs=1)
    assert page.errors == []


def opened_at(page: Page, pages_dir: Path, path: Path, width: int, height: int, scale: int) -> dict[str, Any]:
    """The drawing's frame and size as the page opens in a window of `width` x
    `height` CSS px at device scale `scale`: a browser zoomed to 200 % before
    the page opened shows it in half the CSS px at twice the scale."""
    page.send("Emulation.setDeviceMetricsOverride",
              {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False})
    open_page(page, pages_dir, path)
    return page.evaluate(
        "(() => { const v = document.querySelector('.bp-viewport'); const s = v.querySelector('svg');"
        " return {natural: v.classList.contains('bp-natural'), width: s.getBoundingClientRect().width,"
        " frame: v.getBoundingClientRect().height, window: innerHeight, ratio: devicePixelRatio,"
        " pressed: document.querySelector('button[data-zoom=natural]').getAttribute('aria-pressed')}; })()")


@pytest.mark.parametrize("path", [ROOT / "examples" / "deposit.bp", ROOT / "examples" / "deposit-future-zh.bp"],
                         ids=["deposit", "deposit-future-zh"])
def test_a_page_opened_zoomed_to_200_percent_opens_at_natural_size(page: Page, pages_dir: Path, path: Path) -> None:
    scene = example_scene(path)
    # Unzoomed, in a window of 1280 x 860, the page opens fitted, the drawing shrunk to the window.
    unzoomed = opened_at(page, pages_dir, path, 1280, 860, 1)
    assert not unzoomed["natural"] and unzoomed["pressed"] == "false"
    assert unzoomed["width"] < scene.width
    # At 200 %, fitting would halve the drawing again (card text at 6 px or less): natural size instead.
    zoomed = opened_at(page, pages_dir, path, 640, 430, 2)
    assert zoomed["ratio"] == 2
    assert zoomed["natural"] and zoomed["pressed"] == "true"
    assert zoomed["width"] == pytest.approx(scene.width, abs=1)  # every word at its drawn size
    # The frame scrolls and is no taller than the window, so both its scroll bars fit in view;
    # the arrow keys scroll it both ways.
    assert zoomed["frame"] <= zoomed["window"]
    page.evaluate("document.querySelector('.bp-viewport').focus()")
    page.key("ArrowDown")
    page.key("ArrowRight")
    assert page.evaluate("(() => { const v = document.querySelector('.bp-viewport');"
                         " return [v.scrollTop > 0, v.scrollLeft > 0]; })()") == [True, True]
    # Fit to window still shows the whole drawing.
    page.key("0")
    assert page.evaluate("document.querySelector('.bp-viewport svg').getBoundingClientRect().width") \
        < zoomed["width"] / 2
    # A screen of twice the density at 100 % (the same device scale, the full window) opens fitted:
    # only the window's size in CSS px decides.
    dense = opened_at(page, pages_dir, path, 1280, 860, 2)
    assert not dense["natural"] and dense["width"] == pytest.approx(unzoomed["width"], abs=1)
    assert page.errors == []


def overlap(one: dict[str, float], other: dict[str, float]) -> bool:
    return (one["left"] < other["left"] + other["width"] and other["left"] < one["left"] + one["width"]
            and one["top"] < other["top"] + other["height"] and other["top"] < one["top"] + one["height"])


def test_at_200_percent_the_details_panel_never_covers_the_card_in_focus(page: Page, pages_dir: Path) -> None:
    """In a short window the panel goes above the card when there is no room
    below it, and it follows the card when the frame scrolls under it."""
    path = ROOT / "examples" / "deposit.bp"
    page.send("Emulation.setDeviceMetricsOverride", ZOOMED)
    open_page(page, pages_dir, path)
    page.evaluate("document.querySelector('.bp-viewport').focus()")
    placed = set()
    for card in example_scene(path).cards:
        page.key("Tab")
        assert active_card(page) == card.id
        shown, box = panel(page), card_box(page, card.id)
        assert shown["visible"] and not overlap(shown, box), (card.id, shown, box)
        placed.add("above" if shown["top"] < box["top"] else "below or beside")
    assert placed == {"above", "below or beside"}  # the window was short enough to need both
    before = card_box(page, card.id)
    page.key("ArrowLeft")  # the frame scrolls; the card moves and its panel with it
    after, shown = card_box(page, card.id), panel(page)
    assert after["left"] > before["left"] and not overlap(shown, after)
    assert page.errors == []


def test_every_link_is_a_few_keys_away(page: Page, pages_dir: Path) -> None:
    """From the top of the page: Tab to the text version's link, Enter, Tab to the first card link."""
    open_page(page, pages_dir, LINKED)
    scene = example_scene(LINKED)
    links = [link for card in scene.cards for link in card.links]
    assert links
    presses = 0
    while page.evaluate("document.activeElement.getAttribute('href')") != "#bp-text":
        page.key("Tab")
        presses += 1
        assert presses < 12
    page.key("Enter")
    page.key("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == links[0]
    reached = page.evaluate("Array.from(document.querySelectorAll('#bp-text a')).map(a => a.getAttribute('href'))")
    assert reached == links
    # No link sits inside the drawing, where it would be a control inside an image.
    assert page.evaluate("document.querySelectorAll('.bp-viewport a').length") == 0
    assert page.errors == []


def test_tracing_never_fades_text(page: Page, pages_dir: Path) -> None:
    """Unrelated cards step back by their frames; their words keep 4.5:1."""
    open_page(page, pages_dir, ROOT / "examples" / "deposit.bp")
    page.evaluate("document.querySelector('.bp-viewport').focus()")
    while active_card(page) != "count":
        page.key("Tab")
    page.key("Enter")
    faded = page.evaluate(
        "Array.from(document.querySelectorAll('.bp-viewport .card:not(.bp-selected):not(.bp-related) text'))"
        ".filter(t => { let n = t; while (n && n.nodeType === 1) { if (getComputedStyle(n).opacity !== '1') return true;"
        " n = n.parentNode; } return false; }).length")
    assert faded == 0
    assert page.errors == []
