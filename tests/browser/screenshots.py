"""Screenshots of rendered HTML pages, for looking at what the renderer makes.

    python -m tests.browser.screenshots OUT_DIR [EXAMPLE.bp ...]

For each example (by default deposit.bp and deposit-future-zh.bp) it writes
the page in light and dark colours, with a card hovered, with a card clicked,
zoomed in, and as printed (media "print"), and the page as a reader whose
browser is zoomed to 200 % meets it from the keyboard, all as PNG files in
OUT_DIR.
"""

from __future__ import annotations

import sys
from pathlib import Path

from blueprint.api import check_file, render_result
from tests.browser.cdp import Chromium, Page, find_chromium
from tests.browser.page import card_centre, card_ids

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EXAMPLES = ("deposit.bp", "deposit-future-zh.bp")


def shoot(page: Page, html: Path, out: Path) -> list[Path]:
    stem = html.stem
    shots = []
    page.open(html)
    shots.append(page.screenshot(out / f"{stem}-light.png", full_page=True))
    page.emulate_media(color_scheme="dark")
    shots.append(page.screenshot(out / f"{stem}-dark.png", full_page=True))
    page.emulate_media(color_scheme="light")
    ids = card_ids(page)
    page.hover(*card_centre(page, _richest_card(page)))
    shots.append(page.screenshot(out / f"{stem}-hover.png"))
    page.click(*card_centre(page, _busiest_card(page, ids)))
    page.mouse("mouseMoved", 4, 4)
    page.settle()
    shots.append(page.screenshot(out / f"{stem}-click.png"))
    page.emulate_media(color_scheme="dark")
    shots.append(page.screenshot(out / f"{stem}-click-dark.png"))
    page.emulate_media(color_scheme="light")
    page.key("Escape")
    for _ in range(3):
        page.evaluate("document.querySelector('button[data-zoom=in]').click()")
    page.settle()
    shots.append(page.screenshot(out / f"{stem}-zoomed.png"))
    page.key("0")  # printing resets the view itself (beforeprint); emulated print media does not
    page.emulate_media(media="print")
    shots.append(page.screenshot(out / f"{stem}-print.png", full_page=True))
    page.emulate_media()
    return shots


# A window of 1280 x 860 with the browser zoomed to 200 %: half the CSS px, twice the device scale.
ZOOMED = {"width": 640, "height": 430, "deviceScaleFactor": 2, "mobile": False}


def shoot_zoomed(page: Page, html: Path, out: Path) -> list[Path]:
    """In light and dark colours, at 200 %: the page as it opens, the second
    card reached by Tab with its details, a card Tab reaches low in the window,
    its flows traced and the view moved by the arrow keys, and the text version
    reached by the toolbar's link."""
    stem = html.stem
    shots = []
    for scheme in ("light", "dark"):
        page.reset(ZOOMED["width"], ZOOMED["height"])
        page.send("Emulation.setDeviceMetricsOverride", ZOOMED)
        page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
        page.open(html)
        shots.append(page.screenshot(out / f"{stem}-200-{scheme}-open.png"))
        page.evaluate("document.querySelector('.bp-viewport').focus()")
        page.key("Tab")
        page.key("Tab")
        shots.append(page.screenshot(out / f"{stem}-200-{scheme}-tab.png"))
        for _ in range(len(card_ids(page))):  # on to a card low in the window
            if page.evaluate("document.activeElement.getBoundingClientRect().bottom > innerHeight * 0.6"):
                break
            page.key("Tab")
        shots.append(page.screenshot(out / f"{stem}-200-{scheme}-tab-low.png"))
        page.key("Enter")
        for _ in range(3):
            page.key("ArrowRight")
        shots.append(page.screenshot(out / f"{stem}-200-{scheme}-traced-panned.png"))
        page.key("Escape")
        page.evaluate("document.querySelector('.bp-text-link').focus()")
        page.key("Enter")
        shots.append(page.screenshot(out / f"{stem}-200-{scheme}-text.png"))
    page.reset()
    return shots


def _richest_card(page: Page) -> str:
    """The card whose details panel has the most to say."""
    return page.evaluate(
        "(() => { const cards = JSON.parse(document.getElementById('bp-data').textContent).cards;"
        " const size = c => c.details.length + 2 * (c.fails.length + c.waits.length) + c.links.length;"
        " return cards.reduce((best, c) => size(c) > size(best) ? c : best).id; })()"
    )


def _busiest_card(page: Page, ids: list[str]) -> str:
    """The card with the most flows, so the trace has something to show."""
    counts = page.evaluate(
        "(() => { const n = {}; document.querySelectorAll('[data-source]').forEach(f => {"
        " for (const k of ['data-source', 'data-target']) { const v = f.getAttribute(k); n[v] = (n[v] || 0) + 1; } });"
        " return n; })()"
    )
    return max(ids, key=lambda card: (counts.get(card, 0), -ids.index(card)))


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip())
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    names = argv[1:] or DEFAULT_EXAMPLES
    executable = find_chromium()
    if executable is None:
        print("chromium is not installed", file=sys.stderr)
        return 1
    browser = Chromium(executable)
    try:
        page = browser.new_page()
        for name in names:
            source = Path(name) if Path(name).exists() else ROOT / "examples" / name
            html = out / f"{source.stem}.html"
            html.write_bytes(render_result(check_file(source), "html"))
            for shot in [*shoot(page, html, out), *shoot_zoomed(page, html, out)]:
                print(shot)
            if page.errors:
                print(f"{source.name}: page errors: {page.errors}", file=sys.stderr)
        page.close()
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
