"""Questions the browser tests ask a rendered blueprint page, answered by the page itself."""

from __future__ import annotations

import json
from typing import Any

from tests.browser.cdp import Page

CARD_SELECTOR = ".bp-viewport [data-action], .bp-viewport [data-evidence]"


def card_ids(page: Page, actions_only: bool = False) -> list[str]:
    selector = ".bp-viewport [data-action]" if actions_only else CARD_SELECTOR
    return page.evaluate(
        f"Array.from(document.querySelectorAll({json.dumps(selector)}))"
        ".map(n => n.getAttribute('data-action') ?? n.getAttribute('data-evidence'))"
    )


def _card(card_id: str) -> str:
    """A JS expression for the card node with `card_id`, found without building a selector from it."""
    return (f"Array.from(document.querySelectorAll({json.dumps(CARD_SELECTOR)}))"
            f".find(n => (n.getAttribute('data-action') ?? n.getAttribute('data-evidence')) === {json.dumps(card_id)})")


def card_box(page: Page, card_id: str) -> dict[str, float]:
    """The card's frame on screen, in CSS px of the viewport."""
    return page.evaluate(
        f"(() => {{ const r = {_card(card_id)}.querySelector('.card-frame').getBoundingClientRect();"
        " return {left: r.left, top: r.top, width: r.width, height: r.height}; })()"
    )


def card_centre(page: Page, card_id: str) -> tuple[float, float]:
    """A point inside the card near the top of its frame, after scrolling it into view if need be."""
    page.evaluate(f"{_card(card_id)}.scrollIntoView({{block: 'nearest', inline: 'nearest'}})")
    box = card_box(page, card_id)
    return box["left"] + box["width"] / 2, box["top"] + min(12.0, box["height"] / 2)


def card_classes(page: Page) -> dict[str, list[str]]:
    return page.evaluate(
        f"Object.fromEntries(Array.from(document.querySelectorAll({json.dumps(CARD_SELECTOR)}))"
        ".map(n => [n.getAttribute('data-action') ?? n.getAttribute('data-evidence'), Array.from(n.classList)]))"
    )


def flows(page: Page) -> list[dict[str, Any]]:
    return page.evaluate(
        "Array.from(document.querySelectorAll('.bp-viewport [data-source][data-target]')).map(n => ({"
        " source: n.getAttribute('data-source'), target: n.getAttribute('data-target'),"
        " related: n.classList.contains('bp-related'), opacity: getComputedStyle(n).opacity}))"
    )


def card_opacity(page: Page, card_id: str) -> float:
    return float(page.evaluate(f"getComputedStyle({_card(card_id)}).opacity"))


def frame_opacity(page: Page, card_id: str) -> float:
    """How much of the card's frame shows: its stroke's opacity."""
    return float(page.evaluate(f"getComputedStyle({_card(card_id)}.querySelector('.card-frame')).strokeOpacity"))


def panel(page: Page) -> dict[str, Any]:
    """The details panel as shown: visible, its text, its links and where it is."""
    return page.evaluate(
        "(() => { const p = document.getElementById('bp-details'); const r = p.getBoundingClientRect();"
        " return {visible: !p.hidden && r.width > 0 && r.height > 0, text: p.textContent,"
        " links: Array.from(p.querySelectorAll('a')).map(a => a.getAttribute('href')),"
        " left: r.left, top: r.top, width: r.width, height: r.height}; })()"
    )


def view_box(page: Page) -> list[float]:
    return [float(v) for v in page.evaluate(
        "document.querySelector('.bp-viewport svg').getAttribute('viewBox')").split()]


def svg_size(page: Page) -> dict[str, float]:
    return page.evaluate(
        "(() => { const r = document.querySelector('.bp-viewport svg').getBoundingClientRect();"
        " return {width: r.width, height: r.height}; })()"
    )


def text_versions(page: Page) -> list[dict[str, Any]]:
    """How each figure's text version (its <details class="blueprint-text">)
    looks in a documentation site's page: its box (borders, shadow, fills), the
    theme's icons drawn before and after its summary, the summary's marker
    (display list-item: the browser's disclosure triangle) and weight, the
    text's alignment, and the height it takes, against its summary's line."""
    return page.evaluate(
        "Array.from(document.querySelectorAll('figure details.blueprint-text')).map(d => {"
        " const s = d.querySelector('summary'); const box = getComputedStyle(d); const title = getComputedStyle(s);"
        " const sides = ['Top', 'Right', 'Bottom', 'Left'];"
        " return {open: d.open, border: sides.reduce((sum, side) => sum + parseFloat(box['border' + side + 'Width']), 0),"
        " shadow: box.boxShadow, fills: [box.backgroundColor, title.backgroundColor],"
        " icons: [getComputedStyle(s, '::before').content, getComputedStyle(s, '::after').content],"
        " marker: title.display, weight: title.fontWeight, align: box.textAlign,"
        " height: d.getBoundingClientRect().height, line: s.getBoundingClientRect().height}; })"
    )


def assert_quiet(found: list[dict[str, Any]]) -> None:
    """Each closed text version is one plain line: no box, no tint, no icon,
    the browser's own disclosure triangle, text aligned to the start."""
    assert found
    for look in found:
        assert not look["open"]
        assert look["border"] == 0 and look["shadow"] == "none", look
        assert look["fills"] == ["rgba(0, 0, 0, 0)", "rgba(0, 0, 0, 0)"], look
        assert look["icons"] == ["none", "none"], look
        assert look["marker"] == "list-item" and int(look["weight"]) < 600, look
        assert look["align"] in ("start", "left"), look
        assert look["height"] == look["line"] and look["line"] < 40, look


def focused(page: Page) -> dict[str, Any]:
    """The accessibility tree's node for the focused element: its role, name,
    description and pressed state, as a screen reader announces them."""
    element = page.send("Runtime.evaluate", {"expression": "document.activeElement"})["result"]["objectId"]
    backend = page.send("DOM.describeNode", {"objectId": element})["node"]["backendNodeId"]
    node = page.send("Accessibility.getPartialAXTree", {"backendNodeId": backend, "fetchRelatives": False})["nodes"][0]
    properties = {item["name"]: item["value"].get("value") for item in node.get("properties", [])}
    assert properties.get("focused") or properties.get("focusable"), node
    return {"role": node["role"]["value"], "name": node.get("name", {}).get("value", ""),
            "description": node.get("description", {}).get("value", ""),
            "pressed": properties.get("pressed")}


def active_card(page: Page) -> str | None:
    return page.evaluate("document.activeElement.getAttribute('data-action') ??"
                         " document.activeElement.getAttribute('data-evidence')")


def embedded_drawings(page: Page) -> list[dict[str, Any]]:
    """Every drawing shown in a documentation site's page: its title, its
    drawn and shown width, the size in CSS px its card text is shown at,
    its scroll region's box against the text column, and whether it scrolls."""
    return page.evaluate(
        "Array.from(document.querySelectorAll('.blueprint-figure .blueprint-drawing'))"
        ".filter(d => d.getBoundingClientRect().height > 0).map(d => {"
        " const svg = d.querySelector('svg'); const text = svg.querySelector('.card-text');"
        " const region = d.getBoundingClientRect();"
        " const column = d.closest('figure').parentElement.getBoundingClientRect();"
        " return {title: svg.querySelector('title').textContent, drawn: parseFloat(svg.getAttribute('width')),"
        " shown: svg.getBoundingClientRect().width,"
        " card_text: parseFloat(text.getAttribute('font-size')) * text.getScreenCTM().a,"
        " left: region.left - column.left, right: column.right - region.right, region: region.width,"
        " column: column.width, scrolls: d.scrollWidth > d.clientWidth}; })"
    )
