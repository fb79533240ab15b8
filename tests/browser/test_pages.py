"""Every example's HTML page in Chromium: it loads cleanly, fetches nothing, and
its cards, flows and zoom controls do what a reader expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.scene import Scene
from blueprint.render.svg import safe_link
from tests.browser.cdp import Page
from tests.browser.conftest import EXAMPLES, example_scene, write_page
from tests.browser.page import (
    card_box,
    card_centre,
    card_classes,
    card_ids,
    card_opacity,
    frame_opacity,
    flows,
    panel,
    svg_size,
    view_box,
)

pytestmark = pytest.mark.slow  # a real Chromium

DIMMED = 0.5  # opacity below which a card or flow counts as stepped back


@pytest.fixture(params=EXAMPLES, ids=[path.name for path in EXAMPLES])
def example(request: pytest.FixtureRequest, pages_dir: Path, page: Page) -> tuple[Scene, Path]:
    scene = example_scene(request.param)
    html = write_page(pages_dir, request.param.stem, scene)
    page.emulate_media(reduced_motion="reduce")  # no fading, so opacities are final at once
    page.open(html)
    return scene, html


def test_page_loads_without_errors_or_requests(example: tuple[Scene, Path], page: Page) -> None:
    scene, html = example
    assert page.errors == []
    assert page.dialogs == []
    assert page.requests == [html.resolve().as_uri()]
    size = svg_size(page)
    assert size["width"] > 100 and size["height"] > 100
    assert sorted(card_ids(page)) == sorted(card.id for card in scene.cards)
    assert len(flows(page)) == len(scene.arrows)
    assert page.evaluate("document.title") == scene.title
    assert page.evaluate("document.documentElement.lang") == {"en": "en", "zh": "zh-Hans", "zh-Hant": "zh-Hant"}[scene.lang]


def test_diagram_opens_fitted_to_the_window(example: tuple[Scene, Path], page: Page) -> None:
    scene, _ = example
    assert view_box(page) == pytest.approx([0, 0, scene.width, scene.height], abs=0.01)
    available = page.evaluate("document.querySelector('.bp-diagram').clientWidth")
    size = svg_size(page)
    frame = page.evaluate("(() => { const r = document.querySelector('.bp-viewport').getBoundingClientRect();"
                          " return {right: r.right, bottom: r.bottom}; })()")
    window = page.evaluate("({width: innerWidth, height: innerHeight})")
    if page.evaluate("document.querySelector('.bp-viewport').classList.contains('bp-natural')"):
        # Fitted, this drawing would show under half its size: it opens at its
        # own size instead, in a frame that scrolls and is no taller than the window.
        assert size["width"] == pytest.approx(scene.width, abs=1.5)
        box = page.evaluate("(() => { const r = document.querySelector('.bp-viewport').getBoundingClientRect();"
                            " return {top: r.top + scrollY, height: r.height}; })()")
        assert box["height"] <= window["height"]
        fitted = min((available - 2) / scene.width, (window["height"] - box["top"]) / scene.height)
        assert fitted < 0.5 + 0.02
        return
    # The whole drawing is in the window without scrolling, at its own shape,
    # never blown up beyond the drawn size, and as large as that allows: it
    # fills the width or the height.
    assert frame["bottom"] <= window["height"] and frame["right"] <= window["width"]
    assert size["height"] == pytest.approx(size["width"] * scene.height / scene.width, abs=1.5)
    assert size["width"] <= min(available - 2, scene.width) + 0.5
    assert (size["width"] == pytest.approx(min(available - 2, scene.width), abs=1.5)
            or frame["bottom"] == pytest.approx(window["height"], abs=40))


def test_title_and_lists_are_met_once_by_eye_and_once_by_screen_reader(example: tuple[Scene, Path],
                                                                      page: Page) -> None:
    scene, _ = example
    seen = page.evaluate(
        "(() => { const shown = n => { const r = n.getBoundingClientRect(); return r.width > 2 && r.height > 2; };"
        " const hidden = n => n.closest('[aria-hidden=true]') !== null;"
        " const svg = document.querySelector('.bp-viewport svg');"
        " const lists = document.querySelector('.bp-lists');"
        " return {heading: shown(document.querySelector('.bp-header')),"
        " tables: lists && shown(lists) ? lists.querySelectorAll('.bp-table').length : 0,"
        " table_count: document.querySelectorAll('.bp-table').length,"
        " drawn_title: Array.from(svg.querySelectorAll('text.title')).map(n => [shown(n), hidden(n)]),"
        " drawn_lists: Array.from(svg.querySelectorAll('text.points-text, text.points-heading, g.markers .mark'))"
        "   .map(n => [shown(n), hidden(n)])}; })()")
    # The drawing shows them; the page's heading and tables are for screen readers only,
    assert not seen["heading"] and seen["tables"] == 0
    assert seen["table_count"] == (1 if scene.fail_list else 0) + (1 if scene.wait_list else 0)
    # and the drawing's copies are out of the accessibility tree.
    assert seen["drawn_title"] and all(shown and hidden for shown, hidden in seen["drawn_title"])
    if scene.fail_list or scene.wait_list:
        assert seen["drawn_lists"] and all(shown and hidden for shown, hidden in seen["drawn_lists"])
    assert page.evaluate("document.querySelector('h1').textContent") == scene.title


def test_hovering_each_card_shows_its_details(example: tuple[Scene, Path], page: Page) -> None:
    scene, _ = example
    lanes = {band.lane: band.label for band in scene.lanes}
    steps = {column.step: column.label for column in scene.columns}
    for card in scene.cards:
        # Off the diagram first: scrolling the next card into view makes the
        # browser re-hover whatever then lies under a pointer left on the diagram.
        page.mouse("mouseMoved", 1, 1)
        page.key("Escape")
        assert not panel(page)["visible"]
        page.hover(*card_centre(page, card.id))
        shown = panel(page)
        assert shown["visible"], card.id
        assert page.evaluate("document.querySelector('#bp-details h3').textContent") == card.label
        assert lanes[card.lane] in shown["text"]
        assert steps[card.step] in shown["text"]
        for fail in (f for f in scene.fail_list if f.action == card.id and card.kind == "action"):
            assert f"F{fail.number}" in shown["text"] and fail.description in shown["text"]
            if fail.recovery:
                assert fail.recovery in shown["text"]
        for wait in (w for w in scene.wait_list if w.action == card.id and card.kind == "action"):
            assert f"W{wait.number}" in shown["text"] and wait.duration in shown["text"]
        assert shown["links"] == [link for link in card.links if safe_link(link)]
        # Beside the card or below it, never on top of it.
        box = card_box(page, card.id)
        apart = (shown["left"] >= box["left"] + box["width"] or shown["left"] + shown["width"] <= box["left"]
                 or shown["top"] >= box["top"] + box["height"])
        assert apart, (card.id, box, shown)
    assert page.errors == []


def test_clicking_a_card_traces_its_flows(example: tuple[Scene, Path], page: Page) -> None:
    scene, _ = example
    card = max(scene.cards, key=lambda c: sum(c.id in (a.source, a.target) for a in scene.arrows))
    through = [arrow for arrow in scene.arrows if card.id in (arrow.source, arrow.target)]
    ends = {end for arrow in through for end in (arrow.source, arrow.target)} - {card.id}
    assert through, "every example has a card with flows"

    page.click(*card_centre(page, card.id))

    classes = card_classes(page)
    assert "bp-selected" in classes[card.id]
    for other in scene.cards:
        if other.id in ends:
            assert "bp-related" in classes[other.id] and card_opacity(page, other.id) == 1
        elif other.id != card.id:
            # Stepped back by its frame, never by fading its words.
            assert card_opacity(page, other.id) == 1 and frame_opacity(page, other.id) < DIMMED, other.id
    for flow in flows(page):
        if card.id in (flow["source"], flow["target"]):
            assert flow["related"] and float(flow["opacity"]) == 1
        else:
            assert not flow["related"] and float(flow["opacity"]) < DIMMED
    assert panel(page)["visible"]

    # A click on the background lets go; so does Escape.
    frame = page.evaluate("(() => { const v = document.querySelector('.bp-viewport'); v.scrollIntoView();"
                          " const r = v.getBoundingClientRect(); return {left: r.left, top: r.top}; })()")
    page.click(frame["left"] + 6, frame["top"] + 6)
    assert all("bp-selected" not in c and "bp-related" not in c for c in card_classes(page).values())
    assert all(float(flow["opacity"]) == 1 for flow in flows(page))
    page.click(*card_centre(page, card.id))
    assert "bp-selected" in card_classes(page)[card.id]
    page.key("Escape")
    assert "bp-selected" not in card_classes(page)[card.id]
    assert not panel(page)["visible"]
    assert page.errors == []


def _button(page: Page, action: str) -> tuple[float, float]:
    box = page.evaluate(f"(() => {{ const r = document.querySelector('button[data-zoom={action}]')"
                        ".getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    return box[0], box[1]


def test_zoom_buttons_change_the_view(example: tuple[Scene, Path], page: Page) -> None:
    scene, _ = example
    home = view_box(page)
    page.click(*_button(page, "in"))
    once = view_box(page)
    assert once[2] < home[2] and once[3] < home[3]
    page.click(*_button(page, "in"))
    assert view_box(page)[2] < once[2]
    page.click(*_button(page, "out"))
    assert view_box(page)[2] == pytest.approx(once[2], abs=0.05)
    page.click(*_button(page, "reset"))
    assert view_box(page) == pytest.approx(home, abs=0.01)
    # Zooming out stops at the whole picture.
    page.click(*_button(page, "out"))
    assert view_box(page) == pytest.approx(home, abs=0.01)
    assert page.errors == []
