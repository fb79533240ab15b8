"""`theme: auto` in headless Chromium: the figure stylesheet shows the dark
drawing whenever the page is dark, by whichever switch its theme uses, and the
light one otherwise.

A page says it is dark or light with an attribute (Material for MkDocs, the
MkDocs theme, Furo, the PyData and Book themes each have their own) or says
nothing and follows the reader's system setting (prefers-color-scheme).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.api import check_text, render_result
from blueprint.integrations.figure import Drawing, error_box_html, figure_html, style_element, themes_drawn
from blueprint.render.themes import get_theme
from tests.browser.cdp import Page
from tests.browser.conftest import _tab, chromium, page  # noqa: F401 (the browser fixtures, shared)

BLUEPRINT = """\
blueprint "Card activation"
step activate "Activate the card"
  customer open "Opens the app and scans the card"
  onstage app "App asks for the PIN"
  open -> app
"""

# (what the case is, attributes of <html>, of <body>, the system's setting, the drawing expected)
SWITCHES = [
    ("no mark, light system", "", "", "light", "light"),
    ("no mark, dark system", "", "", "dark", "dark"),
    ("Furo auto, dark system", "", 'data-theme="auto"', "dark", "dark"),
    ("Furo auto, light system", "", 'data-theme="auto"', "light", "light"),
    ("Furo dark", "", 'data-theme="dark"', "light", "dark"),
    ("Furo light on a dark system", "", 'data-theme="light"', "dark", "light"),
    ("PyData dark", 'data-theme="dark"', "", "light", "dark"),
    ("PyData light on a dark system", 'data-theme="light"', "", "dark", "light"),
    ("Material slate", "", 'data-md-color-scheme="slate"', "light", "dark"),
    ("Material default on a dark system", "", 'data-md-color-scheme="default"', "dark", "light"),
    ("MkDocs dark", 'data-bs-theme="dark"', "", "light", "dark"),
    ("MkDocs light on a dark system", 'data-bs-theme="light"', "", "dark", "light"),
]


@pytest.fixture(scope="module")
def figure() -> str:
    result = check_text(BLUEPRINT)
    drawings = [Drawing(theme, render_result(result, "svg", theme).decode("utf-8")) for theme in themes_drawn("auto")]
    return figure_html(drawings, "blueprint-1") + "\n" + error_box_html("page.md:3", "page.md:3: a mistake")


def rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.parametrize(("html_attributes", "body_attributes", "system", "expected"),
                         [case[1:] for case in SWITCHES], ids=[case[0] for case in SWITCHES])
def test_the_page_s_colour_scheme_picks_the_drawing(figure: str, page: Page, tmp_path: Path,  # noqa: F811
                                                      html_attributes: str, body_attributes: str, system: str,
                                                      expected: str):
    document = tmp_path / "page.html"
    document.write_text(f'<!doctype html>\n<html {html_attributes}><head><meta charset="utf-8">{style_element()}'
                        f"</head>\n<body {body_attributes}>\n{figure}\n</body></html>\n", encoding="utf-8")
    page.emulate_media(color_scheme=system)
    page.open(document)
    shown = page.evaluate(
        "Array.from(document.querySelectorAll('.blueprint-drawing')).filter(d => d.getBoundingClientRect().height > 0)"
        ".map(d => ({classes: d.className, background: getComputedStyle(d.querySelector('.background')).fill}))"
    )
    theme = {"light": "default", "dark": "dark"}[expected]
    assert shown == [{"classes": f"blueprint-drawing blueprint-{expected}", "background": rgb(get_theme(theme).background)}]
    # The error box's heading is red that reads on the page's background.
    heading = page.evaluate("getComputedStyle(document.querySelector('.blueprint-error strong')).color")
    assert heading == {"light": rgb("#c62828"), "dark": rgb("#ff8a80")}[expected]
