"""Pan, zoom, keyboard, colour scheme and print on one example page in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.render.themes import PALETTES
from tests.browser.cdp import Page
from tests.browser.conftest import ROOT, example_scene, write_page
from tests.browser.page import card_centre, card_classes, frame_opacity, panel, view_box

pytestmark = pytest.mark.slow  # a real Chromium

EXAMPLE = ROOT / "examples" / "deposit.bp"


def open_example(page: Page, pages_dir: Path, theme: str = "default") -> list[float]:
    page.emulate_media(reduced_motion="reduce")
    page.open(write_page(pages_dir, EXAMPLE.stem, example_scene(EXAMPLE), theme))
    return view_box(page)


def viewport_point(page: Page, fx: float, fy: float) -> tuple[float, float]:
    """A point at fractions (fx, fy) of the diagram's frame, scrolled into view."""
    box = page.evaluate("(() => { const v = document.querySelector('.bp-viewport'); v.scrollIntoView();"
                        " const r = v.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()")
    return box[0] + box[2] * fx, box[1] + box[3] * fy


def tab_to(page: Page, action: str) -> None:
    """Press Tab until the card for `action` has focus (each card is one stop)."""
    for _ in range(len(example_scene(EXAMPLE).cards) + 1):
        if page.evaluate("document.activeElement.getAttribute('data-action')") == action:
            return
        page.key("Tab")
    raise AssertionError(f"Tab never reached {action}")


def test_dragging_pans_a_zoomed_view_and_is_not_a_click(page: Page, pages_dir: Path) -> None:
    home = open_example(page, pages_dir)
    page.evaluate("document.querySelector('button[data-zoom=in]').click()")
    page.evaluate("document.querySelector('button[data-zoom=in]').click()")
    zoomed = view_box(page)
    start = card_centre(page, "count")  # the drag starts on a card...
    page.drag(start, (start[0] - 150, start[1] - 60))
    panned = view_box(page)
    assert panned[0] > zoomed[0] and panned[1] > zoomed[1]
    assert panned[2:] == pytest.approx(zoomed[2:])
    # ...and selects nothing, since it was a drag.
    assert not any("bp-selected" in classes for classes in card_classes(page).values())
    # The view never leaves the drawing.
    page.drag(viewport_point(page, 0.2, 0.2), viewport_point(page, 0.95, 0.95), steps=10)
    assert view_box(page)[:2] == pytest.approx(home[:2], abs=0.01)
    assert page.errors == []


def test_ctrl_wheel_zooms_at_the_pointer_and_plain_wheel_scrolls(page: Page, pages_dir: Path) -> None:
    home = open_example(page, pages_dir)
    x, y = viewport_point(page, 0.25, 0.5)
    page.wheel(x, y, 120)
    assert view_box(page) == pytest.approx(home)
    page.wheel(x, y, -240, ctrl=True)
    zoomed = view_box(page)
    assert zoomed[2] < home[2]
    # The point under the pointer stays put: a quarter across before, a quarter across after.
    assert zoomed[0] + 0.25 * zoomed[2] == pytest.approx(home[0] + 0.25 * home[2], abs=1.0)
    page.wheel(x, y, 2400, ctrl=True)
    assert view_box(page) == pytest.approx(home, abs=0.01)
    assert page.errors == []


def test_keyboard_alone_reaches_everything(page: Page, pages_dir: Path) -> None:
    home = open_example(page, pages_dir)
    page.evaluate("document.querySelector('.bp-viewport').focus()")
    page.key("+")
    zoomed = view_box(page)
    assert zoomed[2] < home[2]
    page.key("ArrowRight")
    page.key("ArrowDown")
    moved = view_box(page)
    assert moved[0] > zoomed[0] and moved[1] > zoomed[1]
    page.key("0")
    assert view_box(page) == pytest.approx(home)

    page.key("Tab")  # the first card
    focused = page.evaluate("document.activeElement.getAttribute('data-evidence') ??"
                            " document.activeElement.getAttribute('data-action')")
    assert focused == example_scene(EXAMPLE).cards[0].id
    assert panel(page)["visible"]
    tab_to(page, "count")
    page.key("Enter")
    classes = card_classes(page)
    assert "bp-selected" in classes["count"] and "bp-related" in classes["hand"]
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
    page.key("Escape")
    assert "bp-selected" not in card_classes(page)["count"]
    assert page.errors == []


def colours(page: Page) -> dict[str, str]:
    return page.evaluate(
        "(() => ({page: getComputedStyle(document.documentElement).backgroundColor,"
        " drawing: getComputedStyle(document.querySelector('.bp-viewport .background')).fill,"
        " card: getComputedStyle(document.querySelector('.bp-viewport .card-customer .card-frame')).fill}))()"
    )


def rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


@pytest.mark.parametrize("theme, scheme, expected", [
    ("default", "light", "default"),
    ("default", "dark", "dark"),
    ("dark", "light", "dark"),
    ("print", "dark", "print"),
])
def test_colour_scheme(page: Page, pages_dir: Path, theme: str, scheme: str, expected: str) -> None:
    open_example(page, pages_dir, theme)
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    palette = PALETTES[expected]
    assert colours(page) == {"page": rgb(palette.background), "drawing": rgb(palette.background),
                             "card": rgb(palette.card_fill)}
    assert page.errors == []


def test_print_shows_the_whole_drawing_and_no_controls(page: Page, pages_dir: Path) -> None:
    home = open_example(page, pages_dir)
    page.evaluate("document.querySelector('button[data-zoom=in]').click()")
    page.click(*card_centre(page, "count"))
    assert "bp-selected" in card_classes(page)["count"]
    # Printing fires beforeprint, which emulated print media does not: fire it too.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print", color_scheme="dark", reduced_motion="reduce")
    assert view_box(page) == pytest.approx(home)
    shown = page.evaluate(
        "(() => ({toolbar: getComputedStyle(document.querySelector('.bp-toolbar')).display,"
        " heading: getComputedStyle(document.querySelector('.bp-header')).display,"
        " details: getComputedStyle(document.getElementById('bp-details')).display,"
        " svg: document.querySelector('.bp-viewport svg').getBoundingClientRect().width,"
        " body: document.body.clientWidth,"
        " dimmed: Array.from(document.querySelectorAll('.bp-viewport .card'))"
        "   .filter(c => getComputedStyle(c).opacity !== '1').length,"
        " tables: document.querySelector('.bp-lists').getBoundingClientRect().width,"
        " page: getComputedStyle(document.documentElement).backgroundColor}))()"
    )
    # The drawing carries its own title; the page's heading would only repeat it.
    assert shown["toolbar"] == "none" and shown["details"] == "none" and shown["heading"] == "none"
    assert shown["svg"] == pytest.approx(shown["body"], abs=2)
    assert shown["dimmed"] == 0
    assert not any("bp-selected" in classes for classes in card_classes(page).values())
    assert shown["tables"] <= 1  # the drawing carries the fail and wait lists on paper too
    assert shown["page"] == rgb(PALETTES["default"].background)  # paper stays white in dark mode
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert view_box(page)[2] < home[2]
    assert page.errors == []


def test_tabbing_to_a_card_out_of_view_brings_it_into_view(page: Page, pages_dir: Path) -> None:
    open_example(page, pages_dir)
    for _ in range(4):
        page.evaluate("document.querySelector('button[data-zoom=in]').click()")
    page.evaluate("document.querySelector('.bp-viewport').focus()")
    page.key("0")
    for _ in range(4):
        page.key("+")
    tab_to(page, "archive")
    inside = page.evaluate(
        "(() => { const v = document.querySelector('.bp-viewport').getBoundingClientRect();"
        " const c = document.activeElement.getBoundingClientRect();"
        " return c.left >= v.left && c.right <= v.right && c.top >= v.top && c.bottom <= v.bottom; })()")
    assert inside
    assert panel(page)["visible"]
    assert page.errors == []


def test_the_role_picker_highlights_one_roles_actions(page: Page, pages_dir: Path) -> None:
    loan = ROOT / "examples" / "installment-loan.bp"
    page.emulate_media(reduced_motion="reduce")
    page.open(write_page(pages_dir, loan.stem, example_scene(loan)))
    page.evaluate("(() => { const s = document.querySelector('select.bp-role'); s.value = 'credit';"
                  " s.dispatchEvent(new Event('change')); })()")
    matched = sorted(card for card, classes in card_classes(page).items() if "bp-role-match" in classes)
    assert matched == ["book", "examine", "investigate", "release", "schedule"]
    assert frame_opacity(page, "consult") < 0.5 < frame_opacity(page, "examine")
    page.evaluate("(() => { const s = document.querySelector('select.bp-role'); s.value = '';"
                  " s.dispatchEvent(new Event('change')); })()")
    assert not any("bp-role-match" in classes for classes in card_classes(page).values())
    assert frame_opacity(page, "consult") == 1
    assert page.errors == []
