"""Hostile text in a real browser: nothing from user data runs, opens a dialog,
becomes markup, or makes the page fetch anything.

The scene is built by hand because the checker refuses `javascript:` links
in .bp files; a renderer must drop them anyway.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from blueprint.scene import Detail, Scene
from tests.browser.cdp import Page
from tests.browser.conftest import hand_made_scenes, write_page
from tests.browser.page import card_centre, panel

pytestmark = pytest.mark.slow  # a real Chromium

# Each payload, if it ever ran, would open a dialog and mark the window.
PAYLOADS = (
    "<script>alert(1); window.pwned = 1</script>",
    '"/><svg onload="alert(2); window.pwned = 2">',
    "<img src=x onerror=\"alert(3); window.pwned = 3\">",
    "</script><script>alert(4); window.pwned = 4</script><!--",
    "'><iframe srcdoc=\"<script>parent.alert(5)</script>\"></iframe>",
    "]]><style>@import url(https://example.com/x.css)</style>",
)
SCRIPT_LINKS = ("javascript:alert(6)", " JAVASCRIPT:alert(7)", "data:text/html,<script>alert(8)</script>",
                "vbscript:msgbox(9)", "//example.com/protocol-relative")
WEB_LINK = "https://example.com/safe?a=1&b=<2>"


def hostile_scene() -> Scene:
    scene: Scene = hand_made_scenes().build_hand_made_scene()
    cards = []
    for index, card in enumerate(scene.cards):
        payload = PAYLOADS[index % len(PAYLOADS)]
        cards.append(replace(
            card,
            label=f"{payload} {card.label}",
            details=(Detail(key=payload, value=PAYLOADS[(index + 1) % len(PAYLOADS)]),),
            links=(*SCRIPT_LINKS, WEB_LINK) if card.id == "post" else card.links,
        ))
    fails = tuple(replace(fail, description=PAYLOADS[n % len(PAYLOADS)], recovery=PAYLOADS[(n + 2) % len(PAYLOADS)])
                  for n, fail in enumerate(scene.fail_list))
    return replace(scene, cards=tuple(cards), fail_list=fails, title=PAYLOADS[0], description=PAYLOADS[1])


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_page(tmp_path_factory.mktemp("hostile"), "hostile", hostile_scene())


def assert_nothing_ran(page: Page, html: Path) -> None:
    assert page.dialogs == []
    assert page.evaluate("window.pwned === undefined")
    assert page.requests == [html.resolve().as_uri()]
    assert page.errors == []


def test_hostile_page_runs_nothing_and_fetches_nothing(page: Page, hostile_page: Path) -> None:
    page.open(hostile_page)
    assert_nothing_ran(page, hostile_page)
    assert page.evaluate("document.title") == PAYLOADS[0]
    assert page.evaluate("document.querySelector('h1').textContent") == PAYLOADS[0]
    # Exactly the page's own elements: one drawing, two script blocks, no frames or images.
    assert page.evaluate("document.querySelectorAll('svg').length") == 1
    assert page.evaluate("document.querySelectorAll('script').length") == 2
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("Array.from(document.querySelectorAll('*')).flatMap(e => e.getAttributeNames())"
                         ".filter(name => name.startsWith('on'))") == []
    assert page.evaluate("Array.from(document.querySelectorAll('a'))"
                         ".map(a => a.getAttribute('href') ?? a.getAttribute('xlink:href'))"
                         ".filter(href => !/^https:\\/\\//.test(href) && href !== '#bp-text')") == []


def test_hovering_hostile_cards_shows_their_text_as_text(page: Page, hostile_page: Path) -> None:
    page.open(hostile_page)
    scene = hostile_scene()
    for card in scene.cards:
        page.mouse("mouseMoved", 1, 1)
        page.key("Escape")
        page.hover(*card_centre(page, card.id))
        shown = panel(page)
        assert shown["visible"]
        assert card.label in shown["text"]
        for detail in card.details:
            assert detail.key in shown["text"] and detail.value in shown["text"]
        assert page.evaluate("document.getElementById('bp-details').querySelectorAll("
                             "'script, img, svg, iframe, style').length") == 0
    assert_nothing_ran(page, hostile_page)


def test_only_the_web_link_reaches_the_panel(page: Page, hostile_page: Path) -> None:
    page.open(hostile_page)
    page.click(*card_centre(page, "post"))
    assert panel(page)["links"] == [WEB_LINK]
    # The panel's link is a plain new-tab link that does not hand over the page.
    assert page.evaluate("(() => { const a = document.querySelector('#bp-details a');"
                         " return [a.target, a.rel, a.textContent]; })()") == [
        "_blank", "noopener noreferrer", WEB_LINK]
    assert_nothing_ran(page, hostile_page)


def test_a_tampered_data_block_still_cannot_make_a_script_link(page: Page, hostile_page: Path,
                                                              tmp_path: Path) -> None:
    """The script checks links again, so even edited page data yields no javascript: link."""
    tampered = tmp_path / "tampered.html"
    html = hostile_page.read_text(encoding="utf-8")
    # Only the data block changes: the page's script, and so its hash, stay the same.
    tampered.write_text(html.replace("https://example.com/safe?a=1\\u0026b=\\u003c2\\u003e",
                                     "javascript:alert(10)"), encoding="utf-8")
    assert "javascript:alert(10)" in tampered.read_text(encoding="utf-8")
    page.open(tampered)
    page.click(*card_centre(page, "post"))
    assert panel(page)["links"] == []
    assert page.dialogs == [] and page.errors == []
