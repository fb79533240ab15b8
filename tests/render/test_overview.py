"""The overview drawing through every renderer: SVG (with its text version in
<desc>, escaped, styled in every theme), the HTML page, DOT's graph of phases,
and the pinned pictures of an English and a Chinese example."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from syrupy.extensions.image import SVGImageSnapshotExtension

from blueprint.api import check_file, check_text, render_overview
from blueprint.layout import layout, layout_overview
from blueprint.render import THEMES, render
from blueprint.render.svg import render_svg

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
SNAPSHOT_EXAMPLES = ("sme-account-opening", "card-fraud-alert-zh")
HOSTILE = """blueprint "<script>alert(1)</script> & co"
phase "</text><svg onload=alert(1)>"
step s "A & <b>B</b>"
  key "\\"/><script>x</script>"
  customer c "Asks"
    fail "x" severity high
"""


def _overview(name: str):
    return layout_overview(check_file(ROOT / "examples" / f"{name}.bp").blueprint)


@pytest.mark.parametrize("name", SNAPSHOT_EXAMPLES)
def test_snapshot_of_an_overview(name: str, snapshot) -> None:
    svg = render_svg(_overview(name), fonts="none")
    ET.fromstring(svg)
    assert svg == snapshot.use_extension(SVGImageSnapshotExtension)


def test_the_desc_carries_the_summary_and_a_phase_by_phase_text_version() -> None:
    scene = _overview("installment-loan")
    desc = ET.fromstring(render_svg(scene, fonts="none")).find(SVG + "desc").text
    summary, *lines = desc.split("\n")
    assert summary == scene.description
    assert lines[:6] == [
        "Phase 1 of 3: Apply.",
        "  Steps: Ask at the loan zone, Apply with documents.",
        "  Key steps: Apply with documents.",
        "  Fail points: 1 · worst: medium.",
        "  Waits: none.",
        "Phase 2 of 3: Decide.",
    ]
    assert "  No key step." in lines


def test_every_user_string_is_escaped() -> None:
    result = check_text(HOSTILE)
    assert result.ok
    for output_format in ("svg", "html"):
        drawn = render_overview(result, output_format, fonts="none").decode()
        assert "<script>alert" not in drawn and "<script>x" not in drawn and "<b>" not in drawn
        assert "<svg onload" not in drawn
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in drawn
    ET.fromstring(render_overview(result, "svg", fonts="none"))


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_styles_the_overview(theme: str) -> None:
    svg = render_svg(_overview("installment-loan"), theme, fonts="none")
    style = ET.fromstring(svg).find(f"{SVG}defs/{SVG}style").text
    for role in ("overview-column", "overview-step", "overview-note", "mark-key"):
        assert f".{role}" in style, role


def test_a_full_drawing_carries_no_overview_rules() -> None:
    svg = render_svg(layout(check_file(ROOT / "examples" / "installment-loan.bp").blueprint), fonts="none")
    assert ".overview-column" not in svg


def test_the_html_page_shows_the_overview_and_its_text_version() -> None:
    page = render(_overview("card-fraud-alert-zh"), "html", fonts="none").decode()
    assert 'lang="zh-Hans"' in page or 'lang="zh' in page
    assert "第 1 阶段（共 3 个）：收到提醒" in page
    assert "overview-column" in page


def test_dot_draws_the_phases_as_a_chain_of_summaries() -> None:
    dot = render(_overview("installment-loan"), "dot").decode()
    assert dot.startswith("digraph overview {")
    assert '"phase 1" -> "phase 2"' in dot and '"phase 2" -> "phase 3"' in dot
    assert "Phase 1 of 3: Apply\\lSteps: Ask at the loan zone, Apply with documents\\l" in dot
    assert "Fail points: 2 · worst: high" in dot


def test_the_overview_is_byte_stable() -> None:
    result = check_file(ROOT / "examples" / "mortgage-future.bp")
    assert render_overview(result, "svg") == render_overview(result, "svg")


def test_png_draws_the_overview_at_twice_its_size() -> None:
    import struct

    scene = _overview("card-fraud-alert-zh")
    png = render(scene, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", png[16:24]) == (round(scene.width * 2), round(scene.height * 2))


def test_the_overview_scene_survives_its_plain_data() -> None:
    from blueprint.scene import scene_data, scene_from_data

    scene = _overview("sme-account-opening")
    data = scene_data(scene)
    assert [phase["label"] for phase in data["overview"]] == ["Enquire", "Verify", "Use"]
    again = scene_from_data(data)
    assert render_svg(again, fonts="none") == render_svg(scene, fonts="none")
    assert "overview" not in scene_data(layout(check_file(ROOT / "examples" / "deposit.bp").blueprint))


def test_the_html_page_of_an_overview_offers_no_cards_to_tab_to() -> None:
    page = render(_overview("installment-loan"), "html", fonts="none").decode()
    assert '<p class="bp-hint" id="bp-hint">+/− or Ctrl + wheel to zoom · arrow keys or drag to pan</p>' in page
    assert "Tab, Shift + Tab" not in page and "trace the flows" not in page
    full = render(layout(check_file(ROOT / "examples" / "installment-loan.bp").blueprint), "html", fonts="none")
    assert b"Tab, Shift + Tab" in full
