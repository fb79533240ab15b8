"""The HTML page's scenario picker: choosing a scenario hides what is not in
it (cards, flows, their labels and recovery tags), keyboard alone, and the
page stays free of axe violations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.axe_audit import readable, violations
from tests.browser.cdp import Page
from tests.browser.conftest import ROOT, example_scene, write_page

pytestmark = pytest.mark.slow  # a real Chromium

EXAMPLE = ROOT / "examples" / "account-opening-scenarios.bp"
SHOWN = ("(() => Array.from(document.querySelectorAll('.bp-viewport [data-action]'))"
         ".filter(n => getComputedStyle(n).display !== 'none').map(n => n.getAttribute('data-action')).sort())()")
FLOWS_SHOWN = ("(() => Array.from(document.querySelectorAll('.bp-viewport .flow'))"
               ".filter(n => getComputedStyle(n).display !== 'none').length)()")

COVERED = ("(() => Array.from(document.querySelectorAll('.bp-viewport .bp-step-cover'))"
           ".filter(n => getComputedStyle(n).display !== 'none').map(n => n.getAttribute('data-scenarios')))()")


def choose(page: Page, scenario: str) -> None:
    page.evaluate("(() => { const s = document.querySelector('select.bp-scenario'); s.value = '" + scenario + "';"
                  " s.dispatchEvent(new Event('change')); })()")


def test_the_scenario_picker_shows_one_scenario_and_all_again(page: Page, pages_dir: Path) -> None:
    scene = example_scene(EXAMPLE)
    page.open(write_page(pages_dir, EXAMPLE.stem, scene))
    every = sorted(card.id for card in scene.cards if card.kind == "action")
    assert page.evaluate(SHOWN) == every
    choose(page, "online")
    online = sorted(card.id for card in scene.cards if card.kind == "action"
                    and (not card.scenarios or "online" in card.scenarios))
    assert page.evaluate(SHOWN) == online
    assert "ticket" not in online and "selfie" in online
    evidence = ("Array.from(document.querySelectorAll('.bp-viewport [data-evidence]'))"
                ".filter(n => getComputedStyle(n).display !== 'none').length")
    assert page.evaluate(evidence) == 4  # the step of the missing papers is not in it
    assert page.evaluate(FLOWS_SHOWN) < len(scene.arrows)
    assert page.evaluate(COVERED) == ["missing"]  # the heading of the step of the missing papers is covered
    # The scenario picker is not the role picker: nothing is dimmed as if a role "online" were highlighted.
    assert "bp-role-highlight" not in page.evaluate("document.querySelector('.bp-viewport svg').getAttribute('class')")
    assert violations(page) == [], readable(violations(page))
    choose(page, "missing")
    assert page.evaluate(COVERED) == []
    choose(page, "")
    assert page.evaluate(COVERED) == []
    assert page.evaluate(SHOWN) == every
    assert page.evaluate(FLOWS_SHOWN) == len(scene.arrows)
    assert page.errors == []


def test_the_picker_is_reached_and_used_with_the_keyboard(page: Page, pages_dir: Path) -> None:
    page.open(write_page(pages_dir, EXAMPLE.stem, example_scene(EXAMPLE)))
    for _ in range(30):
        page.key("Tab")
        if page.evaluate("document.activeElement.classList.contains('bp-scenario')"):
            break
    else:
        raise AssertionError("Tab never reached the scenario picker")
    page.key("ArrowDown")  # a select changes with the arrow keys
    assert page.evaluate("document.querySelector('select.bp-scenario').value") == "walk-in"
    assert "start" not in page.evaluate(SHOWN)
