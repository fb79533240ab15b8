"""A page of the site `render DIR -f html` writes, in a real Chromium: a
click on a Detail tag is left to open the detail's page (the page's script
keeps other links in the drawing from opening on a click, which traces the
card instead), and the page it names is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from blueprint.cli import render as render_cli
from tests.browser.cdp import Page

pytestmark = pytest.mark.slow  # a real browser

FOLDER = Path(__file__).resolve().parents[2] / "examples" / "account-opening-zh"
# Below the page's own handlers: notes whether the page let the click through,
# then stops it, so the test stays on the page whatever the page did.
WATCH = """
window.clicks = [];
document.addEventListener("click", function (event) {
  var link = event.target.closest("a");
  window.clicks.push([link ? link.getAttribute("href") : null, event.defaultPrevented]);
  event.preventDefault();
});
"""


def centre_of(page: Page, selector: str) -> tuple[float, float]:
    box = page.evaluate(f"(() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect();"
                        " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
    return box[0], box[1]


def test_a_click_on_a_detail_tag_is_left_to_open_the_details_page(page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(render_cli.command, [str(FOLDER), "-f", "html", "-o", "site", "--fonts", "none"])
    assert done.exit_code == 0, done.output
    page.resize(1400, 900)
    page.open(tmp_path / "site" / "open-account.html")
    page.evaluate("document.querySelector('[data-zoom=natural]').click()")  # the drawing at its own size
    page.settle()
    page.evaluate(WATCH)
    page.click(*centre_of(page, 'a.detail-link[href="identity-check.html"] .mark-shape'))
    page.click(*centre_of(page, ".bp-site a"))  # the site's own links, above the drawing
    assert page.evaluate("window.clicks") == [["identity-check.html", False], ["index.html", False]]
    assert (tmp_path / "site" / "identity-check.html").is_file()


def test_the_sites_pages_and_index_pass_axe(page, tmp_path, monkeypatch):
    from tests.browser.axe_audit import readable, violations

    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(render_cli.command, [str(FOLDER), "-f", "html", "-o", "site"])
    assert done.exit_code == 0, done.output
    for name in ("index.html", "open-account.html", "risk-rating.html"):
        page.open(tmp_path / "site" / name)
        assert violations(page) == [], f"{name}: {readable(violations(page))}"
