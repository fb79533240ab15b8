"""Screenshots of drawings embedded in documentation sites, for looking at them.

    python -m tests.integrations.embed_screenshots OUT_DIR

Builds the page of tests/integrations/test_embedded_zoom.py (`deposit.bp`,
`branch-visit-current.bp` and a one-card blueprint) with Material for
MkDocs, the MkDocs theme, Furo and alabaster, and shoots it in a 1280 x 860
window at 100 % and at 200 %, in light and dark colours (alabaster has no
dark colours): the first drawing, the wide one, the first drawing's frame
with focus after the arrow keys scrolled it, and the wide one with *Fit to
column* checked. PNG files in OUT_DIR, named theme-zoom-colours-what.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.browser.cdp import Chromium, Page, find_chromium
from tests.integrations.test_embedded_zoom import SITES, WINDOWS, build_site

FIGURES = "Array.from(document.querySelectorAll('.blueprint-figure'))"
SHOWN = "Array.from(document.querySelectorAll('.blueprint-drawing')).filter(d => d.offsetHeight > 0)"


def open_in(page: Page, site: Path, theme: str, zoom: str, scheme: str) -> None:
    """The page at `zoom`, in the colours `scheme` as each theme is told them."""
    page.reset(WINDOWS[zoom]["width"], WINDOWS[zoom]["height"])
    page.send("Emulation.setDeviceMetricsOverride", WINDOWS[zoom])
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")  # Furo follows the system
    page.open(site)
    if theme == "material":
        page.evaluate("localStorage.clear()")  # Material keeps the palette chosen before
        page.open(site)
        if scheme == "dark":
            page.evaluate("document.querySelector('label[for=\"__palette_1\"]').click()")
    if theme == "mkdocs":
        page.evaluate(f"document.documentElement.setAttribute('data-bs-theme', {scheme!r})")
    page.settle()


def shoot(page: Page, site: Path, theme: str, out: Path) -> list[Path]:
    shots = []
    for zoom in WINDOWS:
        for scheme in ("light", "dark") if theme != "alabaster" else ("light",):
            stem = f"{theme}-{zoom}-{scheme}"
            open_in(page, site, theme, zoom, scheme)
            page.evaluate(f"{FIGURES}[0].scrollIntoView({{behavior: 'instant'}})")
            shots.append(page.screenshot(out / f"{stem}-first.png"))
            page.evaluate(f"{FIGURES}[1].scrollIntoView({{behavior: 'instant'}})")
            shots.append(page.screenshot(out / f"{stem}-wide.png"))
            page.evaluate(f"{SHOWN}[0].focus()")
            page.key("Tab", shift=True)  # focus arrives from the keyboard, so the frame shows
            page.key("Tab")
            for _ in range(5):
                page.key("ArrowRight")
            page.evaluate("document.activeElement.scrollIntoView({block: 'start', behavior: 'instant'})")
            shots.append(page.screenshot(out / f"{stem}-focus.png"))
            page.evaluate(f"{FIGURES}[1].querySelector('.blueprint-fit input').click()")
            page.evaluate(f"{FIGURES}[1].scrollIntoView({{behavior: 'instant'}})")
            shots.append(page.screenshot(out / f"{stem}-wide-fitted.png"))
    return shots


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip())
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    executable = find_chromium()
    if executable is None:
        print("chromium is not installed", file=sys.stderr)
        return 1
    browser = Chromium(executable)
    try:
        page = browser.new_page()
        with tempfile.TemporaryDirectory() as folder:
            for theme in SITES:
                site = build_site(theme, Path(folder) / theme)
                for shot in shoot(page, site, theme, out):
                    print(shot)
        page.close()
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
