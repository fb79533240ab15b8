"""Comparison drawings (`render --compare`): the diff's marks reach the scene,
the SVG shows them in words and shapes, removed things are listed, and a plain
drawing is exactly what it was."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from blueprint.words import WORDS
from blueprint.api import check_file, check_text, diff_results, render_compare, render_result
from blueprint.layout import layout
from blueprint.scene import Scene, scene_data, scene_from_data
from blueprint.render.svg import marks_changes, render_svg
from tests.browser.cdp import Page
from tests.browser.conftest import chromium  # noqa: F401 - the session's browser, a fixture
from tests.browser.page import card_centre, panel

from .conftest import EXAMPLES, ROOT

PAIRS = [("branch-visit-current", "branch-visit-future"), ("mortgage-current", "mortgage-future")]
SVG = "{http://www.w3.org/2000/svg}"
BLUEPRINT = shutil.which("blueprint", path=str(Path(sys.executable).parent)) or "blueprint"
SNAPSHOTS = ROOT / "tests" / "render" / "__snapshots__" / "test_svg"


def checked(name: str):
    result = check_file(ROOT / "examples" / f"{name}.bp")
    assert result.ok, result.diagnostics
    return result


def compared(old: str, new: str) -> tuple[Scene, object]:
    before, after = checked(old), checked(new)
    diff = diff_results(before, after)
    return layout(after.blueprint, compare=diff), diff


def action_nodes(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {node.get("data-action"): node for node in root.iter(f"{SVG}g") if node.get("data-action")}


def badge_word(card: ET.Element) -> str | None:
    badge = card.find(f"{SVG}g[@class]")
    if badge is None or "badge" not in badge.get("class", "").split():
        return None
    return "".join(badge.itertext())


def words(scene: Scene) -> str:
    """Every drawn line of text, joined, so a label wrapped over lines reads whole."""
    return " ".join(text.content for text in scene.texts)


@pytest.mark.parametrize("old, new", PAIRS, ids=[new for _, new in PAIRS])
def test_the_marks_reach_the_scene(old: str, new: str) -> None:
    scene, diff = compared(old, new)
    marks = diff.marks()
    actions = [card for card in scene.cards if card.kind == "action"]
    assert {card.id for card in actions if card.change == "added"} == marks.added_actions
    assert {card.id for card in actions if card.change == "changed"} == marks.changed_actions
    assert all((card.badge is None) == (card.change is None) for card in scene.cards)
    assert all(card.badge.change == card.change for card in actions if card.badge)
    assert {column.step for column in scene.columns if column.change == "added"} == marks.added_steps
    assert {column.step for column in scene.columns if column.change == "changed"} == marks.changed_steps
    introduced = {marker.number for card in actions for marker in card.markers if marker.change == "introduced"}
    assert introduced == marks.introduced_fail_numbers
    assert {item.id for item in scene.removed if item.kind == "step"} == marks.removed_steps
    assert {item.id for item in scene.removed if item.kind == "action"} == marks.removed_actions
    assert marks.added_actions and marks.changed_actions and marks.removed_actions  # the pairs mark all three


@pytest.mark.parametrize("old, new", PAIRS, ids=[new for _, new in PAIRS])
def test_added_and_changed_cards_carry_their_badge_in_the_svg(old: str, new: str) -> None:
    scene, diff = compared(old, new)
    marks = diff.marks()
    svg = render_svg(scene)
    cards = action_nodes(svg)
    for card_id, node in cards.items():
        classes = node.get("class").split()
        if card_id in marks.added_actions:
            assert "change-added" in classes and badge_word(node) == "NEW", card_id
        elif card_id in marks.changed_actions:
            assert "change-changed" in classes and badge_word(node) == "CHANGED", card_id
        else:
            assert not any(name.startswith("change-") for name in classes) and badge_word(node) is None, card_id
    # A new fail point is ringed; the others are not.
    ringed = {marker.get("data-marker") for node in cards.values() for marker in node.iter(f"{SVG}g")
              if marker.get("data-marker") and any(child.get("class") == "mark-new-ring" for child in marker)}
    assert ringed == {f"F{number}" for number in marks.introduced_fail_numbers}
    root = ET.fromstring(svg)
    # The stylesheet knows the marks, and the step heads and the legend carry badges too.
    assert ".card.change-added .card-frame" in svg and ".mark-new-ring" in svg
    badges = ["".join(node.itertext()) for node in root.iter(f"{SVG}g") if "badge" in node.get("class", "").split()]
    assert badges.count("NEW") >= len(marks.added_actions) + len(marks.added_steps)


@pytest.mark.parametrize("old, new", PAIRS, ids=[new for _, new in PAIRS])
def test_the_changes_block_lists_what_was_removed(old: str, new: str) -> None:
    scene, diff = compared(old, new)
    drawn = words(scene)
    assert "Changes from the current state" in drawn
    wait = diff.customer_wait
    assert f"Customer wait: {wait.old.text.replace('..', '–')} → {wait.new.text.replace('..', '–')}" in drawn
    assert f"Customer contacts: {diff.customer_contacts.old} → {diff.customer_contacts.new}" in drawn
    for action in diff.actions.removed:
        assert action.label in drawn, action.id
    for step in diff.steps.removed:
        assert f"{step.label} (step removed)" in drawn, step.id
    for fail in diff.fail_points.resolved:
        assert fail.description in drawn and f"was F{fail.number}" in drawn
    # The same in the SVG's own text, escaped and all.
    svg_text = " ".join(ET.fromstring(render_svg(scene)).itertext())
    for action in diff.actions.removed:
        assert action.label.split()[0] in svg_text


def test_removed_items_carry_their_lane_and_step() -> None:
    scene, diff = compared("mortgage-current", "mortgage-future")
    items = {item.id: item for item in scene.removed}
    assert items["fill"].lane == "customer" and items["fill"].step == "Apply on paper"
    assert items["forward"].lane == "backstage" and items["forward"].step == "Insurance and notary in parallel"
    assert items["apply"].kind == "step" and items["apply"].lane is None


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_a_blueprint_compared_with_itself_shows_no_marks(path: Path) -> None:
    result = check_file(path)
    scene = layout(result.blueprint, compare=diff_results(result, result))
    assert not any(card.change or card.badge for card in scene.cards)
    assert not any(marker.change for card in scene.cards for marker in card.markers)
    assert not any(column.change for column in scene.columns)
    assert scene.badges == () and scene.removed == ()
    assert not marks_changes(scene)
    svg = render_compare(result, result, "svg").decode()
    assert not any(mark in svg for mark in ("change-added", "change-changed", 'class="badge', "mark-new-ring"))
    assert any(WORDS[language]["no_changes"] in svg for language in WORDS)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_the_plain_drawing_is_byte_identical_to_before(path: Path) -> None:
    result = check_file(path)
    plain = render_result(result, "svg", fonts="none").decode("utf-8")
    # The golden SVG the renderer tests keep, written before comparisons existed.
    assert plain == (SNAPSHOTS / f"test_snapshot_of_each_example[{path.stem}].svg").read_text(encoding="utf-8")
    assert plain == render_svg(layout(result.blueprint, compare=None), fonts="none")
    assert not any(mark in plain for mark in ("change-added", "change-changed", 'class="badge', "mark-new-ring"))


def test_plain_scenes_serialise_without_the_comparison_fields() -> None:
    scene = layout(checked("deposit").blueprint)
    dumped = json.dumps(scene_data(scene))
    assert '"change"' not in dumped and '"badge"' not in dumped and '"removed"' not in dumped
    compared_scene, _ = compared("mortgage-current", "mortgage-future")
    again = scene_from_data(json.loads(json.dumps(scene_data(compared_scene))))
    assert again == compared_scene


def test_chinese_badges_and_changes_block() -> None:
    old = 'blueprint "存款"\nlang zh\nstep s "柜台办理"\n  customer c "递交现金"\n  onstage o "柜员点钞"\n  c -> o\n'
    new = ('blueprint "存款"\nlang zh\nstate future\nstep s "柜台办理"\n  customer c "递交现金和存折"\n'
           '  onstage o "柜员点钞"\n  onstage p "柜员打印回单"\n    fail "打印机卡纸" severity low recover o\n'
           '  c -> o -> p\n')
    before, after = check_text(old, "old.bp"), check_text(new, "new.bp")
    assert before.ok and after.ok
    svg = render_compare(before, after, "svg").decode()
    cards = action_nodes(svg)
    assert badge_word(cards["p"]) == "新增" and badge_word(cards["c"]) == "变更" and badge_word(cards["o"]) is None
    scene = layout(after.blueprint, compare=diff_results(before, after))
    assert "相对现状“存款”的变化" in words(scene)
    details = {d.key: d.value for d in next(card for card in scene.cards if card.id == "c").details}
    assert details["变化"] == "有变更：名称"


def test_card_details_say_what_changed() -> None:
    scene, _ = compared("branch-visit-current", "branch-visit-future")
    details = {card.id: {d.key: d.value for d in card.details} for card in scene.cards}
    assert details["qms"]["Change"] == "changed: label, step, link"
    assert details["triage"]["Change"] == "new in this state"
    assert details["kiosk"]["Change"] == "changed: label, step, fail point"


@pytest.mark.parametrize("theme", ["default", "dark", "print"])
def test_marks_survive_every_theme(theme: str) -> None:
    before, after = checked("mortgage-current"), checked("mortgage-future")
    svg = render_compare(before, after, "svg", theme).decode()
    css = re.search(r"<style>(.*?)</style>", svg, re.S).group(1)
    # Not colour alone: heavy versus dashed edges, a dashed CHANGED badge, a dashed ring.
    assert re.search(r"\.change-added \.card-frame\{[^}]*stroke-width:2\.75", css)
    assert re.search(r"\.change-changed \.card-frame\{[^}]*stroke-dasharray", css)
    assert re.search(r"\.badge-changed \.badge-shape\{[^}]*stroke-dasharray", css)
    assert re.search(r"\.mark-new-ring\{[^}]*stroke-dasharray", css)
    if theme == "print":
        colours = set(re.findall(r"#[0-9a-f]{6}", css))
        assert all(colour[1:3] == colour[3:5] == colour[5:7] for colour in colours)


def test_html_and_png_comparisons() -> None:
    before, after = checked("branch-visit-current"), checked("branch-visit-future")
    page = render_compare(before, after, "html").decode()
    assert "change-added" in page and "Changes from the current state" in page
    pytest.importorskip("resvg_py")
    assert render_compare(before, after, "png").startswith(b"\x89PNG")


# --- the command ------------------------------------------------------------------


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([BLUEPRINT, *args], cwd=cwd, capture_output=True, timeout=300,
                          env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    for old, new in PAIRS:
        for name in (old, new):
            shutil.copy(ROOT / "examples" / f"{name}.bp", tmp_path / f"{name}.bp")
    return tmp_path


def test_render_compare_writes_beside_the_new_file(pair: Path) -> None:
    done = run("render", "--compare", "mortgage-current.bp", "mortgage-future.bp", cwd=pair)
    assert (done.returncode, done.stderr.decode()) == (0, "wrote mortgage-future-changes.svg\n")
    expected = render_compare(check_file(pair / "mortgage-current.bp", name="mortgage-current.bp"),
                              check_file(pair / "mortgage-future.bp", name="mortgage-future.bp"), "svg")
    assert (pair / "mortgage-future-changes.svg").read_bytes() == expected
    again = run("render", "--compare", "mortgage-current.bp", "mortgage-future.bp", cwd=pair)
    assert again.returncode == 2 and "already exists; use --force" in again.stderr.decode()
    assert run("render", "--compare", "mortgage-current.bp", "mortgage-future.bp", "--force", cwd=pair).returncode == 0


def test_render_compare_options(pair: Path) -> None:
    done = run("render", "--compare", "branch-visit-current.bp", "branch-visit-future.bp", "-o", "out/",
               "-f", "html", "--theme", "print", cwd=pair)
    assert done.returncode == 0 and done.stderr.decode().endswith("wrote out/branch-visit-future-changes.html\n")
    assert 'data-theme="print"' in (pair / "out" / "branch-visit-future-changes.html").read_text(encoding="utf-8")
    to_stdout = run("render", "--compare", "branch-visit-current.bp", "branch-visit-future.bp", "-o", "-", cwd=pair)
    assert to_stdout.returncode == 0 and b"change-added" in to_stdout.stdout


@pytest.mark.parametrize("args, message", [
    (["--compare", "mortgage-current.bp", "mortgage-future.bp", "-f", "dot"],
     "--compare draws svg, html or png, not dot"),
    (["--compare", "missing.bp", "mortgage-future.bp"], "no such file: missing.bp"),
    (["--compare", "mortgage-current.bp", "mortgage-future.bp", "branch-visit-future.bp"],
     "--compare draws one file: give OLD.bp after --compare and then NEW.bp"),
    (["--compare", "mortgage-current.bp", "mortgage-future.bp", "-o", "mortgage-current.bp"],
     "mortgage-current.bp is an input; refusing to write a drawing over it"),
])
def test_render_compare_usage_errors(pair: Path, args: list[str], message: str) -> None:
    done = run("render", *args, cwd=pair)
    assert (done.returncode, done.stderr.decode()) == (2, f"blueprint: error: {message}\n")


def test_render_compare_refuses_a_file_with_errors(pair: Path) -> None:
    (pair / "bad.bp").write_text('blueprint "T"\nstep s "S"\n  custmer c "C"\n', encoding="utf-8")
    done = run("render", "--compare", "bad.bp", "mortgage-future.bp", cwd=pair)
    assert done.returncode == 1 and "error[BP104]" in done.stderr.decode()
    assert not (pair / "mortgage-future-changes.svg").exists()


# --- in a real browser ----------------------------------------------------------------


@pytest.fixture
def tab(chromium) -> Iterator[Page]:  # noqa: F811 - the imported fixture
    page = chromium.new_page()
    yield page
    page.close()


@pytest.mark.slow  # a real Chromium
def test_the_comparison_page_loads_cleanly_and_says_what_changed(tab: Page, tmp_path: Path) -> None:
    before, after = checked("branch-visit-current"), checked("branch-visit-future")
    html = tmp_path / "changes.html"
    html.write_bytes(render_compare(before, after, "html"))
    tab.emulate_media(reduced_motion="reduce")
    seen, url = tab._loads, html.resolve().as_uri()
    tab.send("Page.navigate", {"url": url})
    while True:  # each look follows a load; the tab's own first about:blank may come late
        tab.browser.wait_until(lambda: tab._loads > seen, "the comparison page")
        seen = tab._loads
        if tab.evaluate(f"location.href === {json.dumps(url)} && document.readyState === 'complete'"):
            break
    tab.settle()
    assert tab.errors == [] and tab.requests == [html.resolve().as_uri()]
    tab.hover(*card_centre(tab, "qms"))
    shown = panel(tab)
    assert shown["visible"] and "changed: label, step, link" in shown["text"]
    frame = tab.evaluate("getComputedStyle(document.querySelector('#card-triage .card-frame')).strokeWidth")
    assert frame == "2.75px"
