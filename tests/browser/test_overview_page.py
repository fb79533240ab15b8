"""The overview drawing's HTML page in Chromium: axe-core finds nothing
against the WCAG A and AA rules (text contrast on the columns, the cards and
the badges included) in any theme, and the text version says each phase."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.api import check_file
from blueprint.layout import layout_overview
from blueprint.render.themes import PALETTES
from tests.browser.axe_audit import readable, violations
from tests.browser.cdp import Page
from tests.browser.conftest import ROOT, write_page

pytestmark = pytest.mark.slow  # a real Chromium

EXAMPLES = ("sme-account-opening", "card-fraud-alert-zh", "branch-queue-zh-Hant")


@pytest.mark.parametrize("theme", tuple(PALETTES))
@pytest.mark.parametrize("name", EXAMPLES)
def test_an_overview_page_passes_axe(page: Page, pages_dir: Path, name: str, theme: str) -> None:
    scene = layout_overview(check_file(ROOT / "examples" / f"{name}.bp").blueprint)
    page.open(write_page(pages_dir, f"{name}-overview", scene, theme))
    assert violations(page) == [], readable(violations(page))
    headings = page.evaluate("[...document.querySelectorAll('h3')].map(h => h.textContent.trim())")
    assert len([h for h in headings if h.startswith(("Phase", "第"))]) == len(scene.overview), headings
    assert page.errors == []
