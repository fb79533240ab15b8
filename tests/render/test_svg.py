"""Tests for the SVG renderer and its themes, against real parsers and rsvg-convert."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ATTRIBUTE_BREAKOUT_LABEL, MIXED_LABEL, SAFE_LINK, SCRIPT_LABEL, UNSAFE_LINK
from hypothesis import given
from hypothesis import strategies as st
from syrupy.extensions.image import SVGImageSnapshotExtension

from blueprint.api import check_file
from blueprint.layout import layout
from blueprint.scene import Scene
from blueprint.render.svg import css_class, dom_id, render_svg, safe_link
from blueprint.render.themes import PALETTES, get_theme, theme_css

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.bp"))
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACE_URIS = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink")
# Everything the renderer may emit; anything else in the output was injected.
ALLOWED_ELEMENTS = {"svg", "title", "desc", "defs", "style", "marker", "g", "a", "rect", "circle", "path", "line",
                    "text", "tspan"}
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def svg(hand_made_scene: Scene) -> str:
    return render_svg(hand_made_scene)


@pytest.fixture(scope="module")
def root(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def elements(root: ET.Element, name: str) -> list[ET.Element]:
    return list(root.iter(SVG + name))


def card_group(root: ET.Element, action: str) -> ET.Element:
    (group,) = [g for g in elements(root, "g") if g.get("data-action") == action]
    return group


def drawn_text(element: ET.Element) -> str:
    return "".join("".join(t.itertext()) for t in element.iter(SVG + "text"))


def svg_snapshot(snapshot):
    return snapshot.use_extension(SVGImageSnapshotExtension)


# --- the document --------------------------------------------------------------


def test_is_one_standalone_svg_document(svg: str, root: ET.Element, hand_made_scene: Scene) -> None:
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    assert root.tag == SVG + "svg"
    assert root.get("viewBox") == "0 0 840 900"
    assert (root.get("width"), root.get("height")) == ("840", "900")
    assert root.get(XML_LANG) == hand_made_scene.lang


def test_title_and_description_are_wired_for_screen_readers(root: ET.Element, hand_made_scene: Scene) -> None:
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert title.text == hand_made_scene.title
    # The description is the summary, then the text version: every card, in order.
    summary, *outline = desc.text.split("\n")
    assert summary == hand_made_scene.description
    described = "\n".join(outline)
    positions = [described.index(" ".join(card.label.split())) for card in hand_made_scene.cards]
    assert positions and all(position >= 0 for position in positions)


def test_a_drawing_with_links_is_a_group_of_named_links(root: ET.Element, hand_made_scene: Scene) -> None:
    """No link inside an image: with links, the drawing is a group whose
    links carry their card's name and whose other content is hidden from
    screen readers (the <desc> says it in words)."""
    assert root.get("role") == "group"
    links = root.findall(f".//{SVG}a")
    linked = [card for card in hand_made_scene.cards if any(safe_link(link) for link in card.links)]
    assert len(links) == len(linked) > 0
    for link, card in zip(links, linked):
        assert link.get("aria-label").startswith(" ".join(card.lines[0].content.split()))
    shown = [group for group in root if group.tag == SVG + "g" and group.get("aria-hidden") != "true"]
    assert [group.get("class") for group in shown] == ["cards"]
    cards = shown[0].findall(f"./{SVG}g")
    assert cards and all(card.get("aria-hidden") == "true" for card in cards)


def test_a_drawing_without_links_is_one_image(hand_made_scene: Scene) -> None:
    scene = replace(hand_made_scene, cards=tuple(replace(card, links=()) for card in hand_made_scene.cards))
    root = ET.fromstring(render_svg(scene, fonts="none"))
    assert root.get("role") == "img"
    assert root.find(f".//{SVG}a") is None
    assert not [element for element in root.iter() if element.get("aria-hidden")]


def test_the_html_pages_drawing_has_no_links_and_a_short_description(hand_made_scene: Scene) -> None:
    root = ET.fromstring(render_svg(hand_made_scene, fonts="none", for_page=True))
    assert root.find(f".//{SVG}a") is None
    assert root.find(SVG + "desc").text == hand_made_scene.description


def test_draws_plain_svg_elements_only(root: ET.Element) -> None:
    names = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert names <= ALLOWED_ELEMENTS
    assert "foreignObject" not in names


EMBEDDED_FONT = re.compile(r"url\(data:font/woff2;base64,[A-Za-z0-9+/=]+\)")


def test_fetches_nothing_from_the_network(svg: str) -> None:
    # The embedded fonts are data, not fetched; their base64 may spell anything.
    assert EMBEDDED_FONT.search(svg)
    svg = EMBEDDED_FONT.sub("", svg)
    remaining = svg
    for uri in NAMESPACE_URIS:
        remaining = remaining.replace(f'"{uri}"', '""')
    remaining = remaining.replace(SAFE_LINK.replace("&", "&amp;"), "")
    assert "http" not in remaining
    assert "@import" not in remaining
    assert re.findall(r"url\(([^)]*)\)", svg) and all(ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", svg))


def label_spans(group: ET.Element) -> list[tuple[float, str]]:
    """The (x, text) of every span of a card's label, badges left out."""
    return [(float(tspan.get("x")), tspan.text) for text in group.findall(SVG + "text") for tspan in text]


def test_every_text_span_is_drawn_at_its_own_x(root: ET.Element, hand_made_scene: Scene) -> None:
    for card in hand_made_scene.cards:
        group = root.find(f".//{SVG}g[@id='{dom_id('card', card.id)}']")
        assert label_spans(group) == [(span.x, span.text) for line in card.lines for span in line.spans]
    for text in elements(root, "text"):
        assert text.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def test_chinese_runs_ask_for_a_simplified_chinese_face(root: ET.Element, svg: str) -> None:
    group = card_group(root, "交款")
    spans = {t.text: t.get("class") for t in group.iter(SVG + "tspan")}
    assert spans == {"递交现金和存折": "cjk", " (passbook)": None, "W2 5min": None}
    assert '.cjk{font-family:"Blueprint Noto Sans CJK SC", "Noto Sans CJK SC"' in svg


# --- hostile input ---------------------------------------------------------------


def test_a_script_label_is_shown_as_text(svg: str, root: ET.Element) -> None:
    group = card_group(root, "take")
    assert group.find(SVG + "title").text.startswith(SCRIPT_LABEL)
    assert SCRIPT_LABEL in drawn_text(group)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "<script" not in svg


def test_an_attribute_breakout_label_stays_inside_its_text(svg: str, root: ET.Element) -> None:
    group = card_group(root, "kiosk")
    assert group.find(SVG + "title").text == ATTRIBUTE_BREAKOUT_LABEL
    assert " ".join(text for _, text in label_spans(group)).split() == ATTRIBUTE_BREAKOUT_LABEL.split()
    assert "]]>" not in svg
    assert "<svg onload" not in svg
    for element in root.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib)
        assert element.tag.removeprefix(SVG).lower() not in ("script", "svg") or element is root


def test_only_http_links_become_links(svg: str, root: ET.Element) -> None:
    anchors = elements(root, "a")
    assert [(a.get("href"), a.get(XLINK_HREF)) for a in anchors] == [(SAFE_LINK, SAFE_LINK)]
    assert anchors[0].find(SVG + "g").get("data-action") == "qms"
    assert UNSAFE_LINK not in svg
    assert "javascript" not in svg.lower()


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,<b>x</b>",
    "vbscript:x", "file:///etc/passwd", "//evil.example/x", "http://", "https:/nohost", "ftp://example.com",
    "http://exa mple.com", "http://example.com/\x00", "/relative/path",
])
def test_unsafe_links_are_dropped(url: str) -> None:
    assert safe_link(url) is None


@pytest.mark.parametrize("url", ["http://example.com", "HTTPS://Example.com/a?b=1&c=2#top", "https://例子.中国/路径"])
def test_http_links_are_kept(url: str) -> None:
    assert safe_link(url) == url


def test_characters_xml_forbids_are_dropped(hand_made_scene: Scene) -> None:
    card = hand_made_scene.cards[0]
    bad = "bell\x07 escape\x1b nul\x00 \ufffe"
    scene = replace(hand_made_scene, title=bad,
                    cards=(replace(card, label=bad, id="x\x00y"), *hand_made_scene.cards[1:]))
    root = ET.fromstring(render_svg(scene))
    assert root.find(SVG + "title").text == "bell escape nul "


def test_a_hostile_font_family_cannot_reach_css_or_the_network(hand_made_scene: Scene) -> None:
    scene = replace(hand_made_scene, font_family='x"/><script>; } * { fill: url(http://evil/) }')
    svg = render_svg(scene)
    root = ET.fromstring(svg)
    assert not set(root.get("font-family")) & set("<>{};:()/")
    assert "url(http" not in svg


def test_roles_become_safe_class_names() -> None:
    assert css_class("lane-customer") == "lane-customer"
    assert css_class('Evil" onload="x') == "evil-onload-x"
    assert css_class("泳道") == "role-unnamed"
    assert css_class("2nd") == "role-2nd"


@given(st.text(max_size=20), st.text(max_size=20))
def test_card_ids_are_valid_and_distinct(first: str, second: str) -> None:
    assert NCNAME.fullmatch(dom_id("card", first))
    if first != second:
        assert dom_id("card", first) != dom_id("card", second)


def test_cards_and_flows_carry_their_identity(root: ET.Element, hand_made_scene: Scene) -> None:
    groups = {g.get("id"): g for g in elements(root, "g") if g.get("id")}
    for card in hand_made_scene.cards:
        group = groups[dom_id("card", card.id)]
        attribute = "data-evidence" if card.kind == "evidence" else "data-action"
        assert group.get(attribute) == card.id
        assert group.find(SVG + "title").text.split("\n")[0] == card.label
    assert groups["card-_4ea4__6b3e_"].get("data-action") == "交款"
    for arrow in hand_made_scene.arrows:
        group = groups[dom_id("flow", arrow.id)]
        assert (group.get("data-source"), group.get("data-target")) == (arrow.source, arrow.target)
        assert f"flow-{arrow.kind}" in group.get("class").split()
    assert len(groups) == len(hand_made_scene.cards) + len(hand_made_scene.arrows)


def test_flow_heads_follow_the_kind(root: ET.Element) -> None:
    marker_ids = {marker.get("id") for marker in elements(root, "marker")}
    for group in elements(root, "g"):
        if "flow" not in group.get("class", "").split():
            continue
        (line,) = group.findall(SVG + "path")
        ends = [line.get(name) for name in ("marker-start", "marker-end")]
        if "flow-agreement" in group.get("class"):
            assert all(ends)
        else:
            assert ends[0] is None and ends[1]
        for end in filter(None, ends):
            assert end.removeprefix("url(#").removesuffix(")") in marker_ids


def test_every_halo_lies_under_every_flow_line(root: ET.Element) -> None:
    """A halo drawn after another flow's line would cut it at the crossing."""
    paths = list(root.iter(SVG + "path"))
    halos = [i for i, path in enumerate(paths) if "flow-halo" in path.get("class", "")]
    lines = [i for i, path in enumerate(paths) if "flow-line" in path.get("class", "")]
    assert halos and lines and max(halos) < min(lines)
    assert all(paths[i].get("marker-end") is None for i in halos)


def test_badges_show_severity_and_the_wait_limit(root: ET.Element) -> None:
    badges = {g.get("data-marker"): g.get("class").split() for g in card_group(root, "take").iter(SVG + "g")
              if g.get("data-marker")}
    assert badges == {"W1": ["mark", "mark-wait", "over-limit"], "F2": ["mark", "mark-fail", "severity-low"]}
    high = [g for g in card_group(root, "点钞").iter(SVG + "g") if g.get("data-marker") == "F3"][0]
    assert "severity-high" in high.get("class") and high.find(SVG + "circle") is not None


def test_the_same_scene_gives_the_same_bytes(hand_made_scene: Scene, svg: str) -> None:
    assert render_svg(hand_made_scene) == svg
    script = (
        "import sys; from conftest import build_hand_made_scene; from blueprint.render.svg import render_svg; "
        "sys.stdout.buffer.write(render_svg(build_hand_made_scene()).encode('utf-8'))"
    )
    outputs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
        outputs.append(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, check=True).stdout)
    assert outputs[0] == outputs[1] == svg.encode("utf-8")


# --- themes ----------------------------------------------------------------------


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_every_theme_renders_a_valid_document(hand_made_scene: Scene, theme: str) -> None:
    root = ET.fromstring(render_svg(hand_made_scene, theme))
    assert f"theme-{theme}" in root.get("class").split()


def test_an_unknown_theme_names_the_valid_ones(hand_made_scene: Scene) -> None:
    with pytest.raises(ValueError, match="default, dark, print"):
        render_svg(hand_made_scene, "neon")
    with pytest.raises(ValueError, match="default, dark, print"):
        theme_css("neon")


def test_the_print_theme_is_pure_grey(hand_made_scene: Scene) -> None:
    colours = re.findall(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b", render_svg(hand_made_scene, "print"))
    assert colours
    for colour in colours:
        if len(colour) == 3:
            colour = "".join(c * 2 for c in colour)
        red, green, blue = (colour[i:i + 2] for i in (0, 2, 4))
        assert red == green == blue, colour
    assert all(value.startswith("#") for value in get_theme("print").colours().values())


def style_of(css: str, *selectors: str) -> dict[str, str]:
    """The declarations for exactly these selectors, later rules winning (the
    cascade as it applies here: each selector is more specific than the last)."""
    declarations: dict[str, str] = {}
    for wanted in selectors:
        for selector_list, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
            if wanted in (s.strip() for s in selector_list.split(",")):
                declarations.update(d.split(":", 1) for d in body.split(";") if d)
    return declarations


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_fail_and_wait_badges_differ_without_colour(theme: str) -> None:
    """Shape tells F from W (circle vs rounded rectangle, in the template);
    fill and ring weight tell the severities apart, whatever the colours."""
    css = theme_css(theme)
    fail = {severity: style_of(css, ".mark-fail .mark-shape", f".mark-fail.severity-{severity} .mark-shape")
            for severity in ("high", "medium", "low", "unrated")}
    assert fail["high"]["fill"] == fail["medium"]["stroke"] != fail["medium"]["fill"]
    assert float(fail["medium"]["stroke-width"]) >= 2 * float(fail["low"]["stroke-width"])
    assert fail["unrated"] == fail["low"]
    wait = style_of(css, ".mark-wait .mark-shape")
    over = style_of(css, ".mark-wait .mark-shape", ".mark-wait.over-limit .mark-shape")
    assert over["fill"] != wait["fill"]
    assert float(over["stroke-width"]) >= 2 * float(wait["stroke-width"])


# --- the real consumer -----------------------------------------------------------


@pytest.mark.skipif(shutil.which("rsvg-convert") is None,
                    reason="rsvg-convert is not installed (Debian package librsvg2-bin; CI installs it)")
@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_rsvg_convert_draws_it(hand_made_scene: Scene, theme: str) -> None:
    result = subprocess.run(["rsvg-convert", "--format", "png"], input=render_svg(hand_made_scene, theme).encode(),
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    png = result.stdout
    assert png.startswith(PNG_SIGNATURE)
    assert struct.unpack(">II", png[16:24]) == (840, 900)


# --- snapshots (look at the picture before updating one) -------------------------


# The snapshots pin the drawing; the embedded fonts, which would fill them
# with base64, are pinned by test_fonts.py (the same document less the fonts).


def test_snapshot_of_the_hand_made_scene(hand_made_scene: Scene, snapshot) -> None:
    assert render_svg(hand_made_scene, fonts="none") == svg_snapshot(snapshot)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_snapshot_of_each_example(path: Path, snapshot) -> None:
    result = check_file(path)
    assert result.ok
    svg = render_svg(layout(result.blueprint), fonts="none")
    ET.fromstring(svg)
    assert svg == svg_snapshot(snapshot)
