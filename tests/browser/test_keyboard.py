"""The HTML page from the keyboard alone, in Chromium: every stop Tab and
Shift + Tab make from the top of the page, the toolbar's buttons pressed with
Enter and Space, the arrow keys and Escape on a card, each read back from
the browser's accessibility tree (role, name, pressed state) as a screen
reader announces it, with the focus where it should stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.render.text_version import card_name
from blueprint.vocabulary import Language
from blueprint.words import WORDS
from tests.browser.cdp import Page
from tests.browser.conftest import ROOT, example_scene, write_page
from tests.browser.page import active_card, focused, panel, view_box

pytestmark = pytest.mark.slow  # a real Chromium

EXAMPLE = ROOT / "examples" / "deposit.bp"
WORD = WORDS[Language.EN]

# The page's stops before the first card, as (role, name): the toolbar's
# buttons, its link to the text version, the list of keys, the drawing.
TOOLBAR = [("button", WORD[key]) for key in ("zoom_in", "zoom_out", "reset", "natural_size", "pan_left",
                                             "pan_up", "pan_down", "pan_right")]
BEFORE_THE_CARDS = [*TOOLBAR, ("link", WORD["text_version"]), ("DisclosureTriangle", WORD["keyboard"]),
                    ("group", WORD["diagram"])]


def open_example(page: Page, pages_dir: Path) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.open(write_page(pages_dir, EXAMPLE.stem, example_scene(EXAMPLE)))


def stop(page: Page) -> tuple[str, str]:
    node = focused(page)
    return node["role"], node["name"]


def tab_to(page: Page, role: str, name: str) -> None:
    for _ in range(len(BEFORE_THE_CARDS) + len(example_scene(EXAMPLE).cards)):
        page.key("Tab")
        if stop(page) == (role, name):
            return
    raise AssertionError(f"Tab never reached the {role} {name!r}")


def test_tab_stops_from_the_top_of_the_page_and_shift_tab_goes_back(page: Page, pages_dir: Path) -> None:
    open_example(page, pages_dir)
    cards = example_scene(EXAMPLE).cards
    stops = []
    for _ in range(len(BEFORE_THE_CARDS) + 3):
        page.key("Tab")
        stops.append(stop(page))
    assert stops == [*BEFORE_THE_CARDS, *(("button", card_name(card)) for card in cards[:3])]
    assert focused(page)["pressed"] == "false"  # a card is a toggle: tracing or not
    page.key("Tab", shift=True)
    page.key("Tab", shift=True)
    assert active_card(page) == cards[0].id
    page.key("Tab", shift=True)
    assert stop(page) == ("group", WORD["diagram"])
    page.key("Tab", shift=True)
    assert stop(page) == ("DisclosureTriangle", WORD["keyboard"])
    assert page.errors == []


def test_the_toolbar_works_from_the_keyboard_and_keeps_the_focus(page: Page, pages_dir: Path) -> None:
    open_example(page, pages_dir)
    home = view_box(page)
    tab_to(page, "button", WORD["zoom_in"])
    page.key("Enter")
    page.key(" ")
    zoomed = view_box(page)
    assert zoomed[2] < home[2] and stop(page) == ("button", WORD["zoom_in"])
    tab_to(page, "button", WORD["pan_right"])
    page.key("Enter")
    assert view_box(page)[0] > zoomed[0] and stop(page) == ("button", WORD["pan_right"])
    page.key("Tab", shift=True)
    assert stop(page) == ("button", WORD["pan_down"])
    page.key(" ")
    assert view_box(page)[1] > zoomed[1] and stop(page) == ("button", WORD["pan_down"])

    # Fit to window, then natural size: a toggle, announced pressed, where the pan buttons scroll the frame.
    for _ in range(4):
        page.key("Tab", shift=True)
    assert stop(page) == ("button", WORD["reset"])
    page.key("Enter")
    assert view_box(page) == pytest.approx(home)
    page.key("Tab")
    assert stop(page) == ("button", WORD["natural_size"]) and focused(page)["pressed"] == "false"
    page.key("Enter")
    assert focused(page)["pressed"] == "true"
    for _ in range(3):
        page.key("Tab")
    assert stop(page) == ("button", WORD["pan_down"])
    page.key("Enter")  # the drawing is taller than the window: its frame scrolls down
    assert page.evaluate("document.querySelector('.bp-viewport').scrollTop") > 0
    # Fit to window lets natural size go: the toggle is announced not pressed again.
    for _ in range(4):
        page.key("Tab", shift=True)
    assert stop(page) == ("button", WORD["reset"])
    page.key("Enter")
    assert page.evaluate("document.querySelector('.bp-viewport').scrollTop") == 0
    page.key("Tab")
    assert focused(page)["pressed"] == "false"
    assert page.errors == []


def test_arrow_keys_on_a_card_pan_and_escape_hides_its_details(page: Page, pages_dir: Path) -> None:
    open_example(page, pages_dir)
    card = next(card for card in example_scene(EXAMPLE).cards if card.id == "count")
    tab_to(page, "group", WORD["diagram"])
    page.key("+")
    page.key("+")
    tab_to(page, "button", card_name(card))
    assert panel(page)["visible"]
    before = view_box(page)
    page.key("ArrowRight")
    page.key("ArrowDown")
    after = view_box(page)
    assert after[0] > before[0] and after[1] > before[1]
    assert stop(page) == ("button", card_name(card))  # the arrows move the view, not the focus
    page.key("ArrowLeft")
    page.key("ArrowUp")
    assert view_box(page) == pytest.approx(before, abs=0.01)
    # Escape dismisses the details shown on focus (content on focus must be dismissible), focus stays.
    page.key("Escape")
    assert not panel(page)["visible"] and active_card(page) == "count"
    # Tab on from there: the next card, its details shown again.
    page.key("Tab")
    assert active_card(page) != "count" and panel(page)["visible"]
    assert page.errors == []


def test_the_text_version_link_takes_the_focus_to_the_text_version(page: Page, pages_dir: Path) -> None:
    open_example(page, pages_dir)
    tab_to(page, "link", WORD["text_version"])
    page.key("Enter")
    assert stop(page) == ("region", WORD["text_version"])
    top = page.evaluate("document.getElementById('bp-text').getBoundingClientRect().top")
    assert 0 <= top < 40  # scrolled to, its heading at the top of the window
    assert page.errors == []
