"""Tests for the interactive HTML renderer, read back with a real HTML parser.

What the page does in a browser is tested in tests/browser; here: that it is
one self-contained document, that user text cannot turn into markup or
script, that the Content-Security-Policy matches what the page carries, and
that the output is stable.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ATTRIBUTE_BREAKOUT_LABEL, SAFE_LINK, SCRIPT_LABEL, UNSAFE_LINK

from blueprint.api import check_file
from blueprint.layout import layout
from blueprint.scene import Detail, Scene, scene_data
from blueprint.render import render
from blueprint.render.html import html_page, render_html
from blueprint.render.themes import PALETTES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.bp"))
BREAKOUT = "</script><script>alert(1)</script><!--<script>"


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.text = ""


class Document(HTMLParser):
    """Every element with its attributes and own text, in document order."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.doctype = ""
        self._open: list[Element] = []
        self.feed(markup)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag not in {"meta", "br", "input", "link", "img", "path", "rect", "circle", "line"}:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def all(self, tag: str) -> list[Element]:
        return [element for element in self.elements if element.tag == tag]

    def first(self, tag: str) -> Element:
        return self.all(tag)[0]

    def one(self, tag: str, **attrs: str) -> Element:
        (found,) = [e for e in self.all(tag) if all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]
        return found


def hostile(scene: Scene) -> Scene:
    """The shared scene with hostile text in every other place user text can reach."""
    cards = []
    for card in scene.cards:
        if card.id == "post":
            card = replace(
                card,
                label=BREAKOUT,
                details=(Detail(key=SCRIPT_LABEL, value=ATTRIBUTE_BREAKOUT_LABEL),
                         Detail(key="Note", value="<img src=x onerror=alert(1)>")),
                links=(UNSAFE_LINK, "JavaScript:alert(2)", "data:text/html,<script>alert(3)</script>",
                       "https://example.com/ok?a=<b>&c=\"d\""),
            )
        cards.append(card)
    return replace(scene, cards=tuple(cards), title=BREAKOUT, description=ATTRIBUTE_BREAKOUT_LABEL)


@pytest.fixture(scope="module")
def page(hand_made_scene: Scene) -> str:
    return render_html(hand_made_scene)


@pytest.fixture(scope="module")
def document(page: str) -> Document:
    return Document(page)


@pytest.fixture(scope="module")
def hostile_page(hand_made_scene: Scene) -> str:
    return render_html(hostile(hand_made_scene))


def page_data(document: Document) -> dict:
    return json.loads(document.one("script", type="application/json").text)


def test_is_one_html5_document(document: Document, hand_made_scene: Scene, page: str) -> None:
    assert page.startswith("<!DOCTYPE html>\n")
    assert document.doctype == "DOCTYPE html"
    assert document.one("html").attrs["lang"] == "en"
    assert document.one("meta", charset="utf-8")
    assert document.first("title").text == hand_made_scene.title
    assert document.one("h1").text == hand_made_scene.title
    assert hand_made_scene.description in page
    assert len(document.all("svg")) == 1
    assert "<?xml" not in page  # the SVG's XML declaration means nothing inside HTML


EMBEDDED_FONT = re.compile(r"url\(data:font/woff2;base64,[A-Za-z0-9+/=]+\)")


def test_fetches_nothing(document: Document, hand_made_scene: Scene) -> None:
    assert not [e.tag for e in document.elements if e.tag in {"link", "img", "iframe", "object", "embed", "image",
                                                              "use", "foreignobject", "audio", "video", "source"}]
    assert not [e.tag for e in document.elements if "src" in e.attrs]
    hrefs = [e.attrs.get("href") or e.attrs.get("xlink:href") for e in document.all("a")]
    assert set(hrefs) <= {SAFE_LINK, "#bp-text"}  # the text version's links, and the way to it
    code = [b for b in document.all("style") + document.all("script") if b.attrs.get("type") != "application/json"]
    for block in code:
        # The embedded fonts are the only URLs: data, not fetched.
        text = EMBEDDED_FONT.sub("", block.text)
        assert "@import" not in text
        assert not re.search(r"url\((?!#)", text)
        # The script names the web protocols once, to check links against them.
        text = text.replace('"http:"', "").replace('"https:"', "")
        assert not re.search(r"(?:https?|ftp|wss?):|//[a-z0-9]", text)


def test_content_security_policy_allows_exactly_what_the_page_carries(document: Document) -> None:
    policy = document.one("meta", http_equiv="Content-Security-Policy").attrs["content"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";")}
    assert directives["default-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"] and directives["form-action"] == ["'none'"]

    def hashed(text: str) -> str:
        return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"

    scripts = [s for s in document.all("script") if s.attrs.get("type") != "application/json"]
    assert directives["script-src"] == [hashed(s.text) for s in scripts]
    assert directives["style-src"] == [hashed(s.text) for s in document.all("style")]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    # The policy comes before everything it governs.
    tags = [e.tag for e in document.elements]
    assert tags.index("meta") < tags.index("style")


def test_hostile_text_stays_text(hostile_page: str) -> None:
    document = Document(hostile_page)
    assert [s.attrs.get("type") for s in document.all("script")] == ["application/json", None]
    assert len(document.all("svg")) == 1
    assert not document.all("img")
    assert not [(e.tag, name) for e in document.elements for name in e.attrs if name.startswith("on")]
    assert document.first("title").text == BREAKOUT
    assert document.one("h1").text == BREAKOUT
    assert ATTRIBUTE_BREAKOUT_LABEL in document.one("p", **{"class": "bp-lede"}).text


def test_data_block_cannot_end_its_script(hostile_page: str, hand_made_scene: Scene) -> None:
    document = Document(hostile_page)
    raw = document.one("script", type="application/json").text
    assert not set(raw) & set("<>&")
    assert "\\u003c/script\\u003e" in raw
    data = json.loads(raw)
    (post,) = [card for card in data["cards"] if card["id"] == "post"]
    assert post["label"] == BREAKOUT
    assert post["details"] == [[SCRIPT_LABEL, ATTRIBUTE_BREAKOUT_LABEL], ["Note", "<img src=x onerror=alert(1)>"]]
    assert post["links"] == ["https://example.com/ok?a=<b>&c=\"d\""]


def test_only_web_links_survive(hostile_page: str, document: Document) -> None:
    assert "javascript:" not in hostile_page.lower()
    assert "data:text/html" not in hostile_page
    links = {card["id"]: card["links"] for card in page_data(document)["cards"]}
    assert links["qms"] == [SAFE_LINK]
    assert links["post"] == []  # it had only UNSAFE_LINK


def test_card_data_for_the_details_panel(document: Document, hand_made_scene: Scene) -> None:
    cards = {card["id"]: card for card in page_data(document)["cards"]}
    assert list(cards) == [card.id for card in hand_made_scene.cards]
    take = cards["take"]
    assert take["label"] == SCRIPT_LABEL
    assert take["lane"] == "Customer actions"
    assert take["fails"] == [{"number": 2, "description": "Ticket letters are not explained", "severity": "low",
                              "severityKey": "low", "recovery": None}]
    assert take["waits"] == [{"number": 1, "duration": "20min–45min", "description": "Waits in the hall",
                              "overLimit": True}]
    # A detail that restates a fail point shown in full is left out.
    assert cards["triage"]["details"] == []
    assert cards["点钞"]["details"] == [["Duration", "5min"]]
    assert cards["enter.evidence1"]["kind"] == "evidence" and cards["enter.evidence1"]["fails"] == []


def test_fail_and_wait_tables(document: Document, hand_made_scene: Scene) -> None:
    rows = [e for e in document.all("tr") if "data-action" in e.attrs]
    fails = rows[:len(hand_made_scene.fail_list)]
    waits = rows[len(hand_made_scene.fail_list):]
    assert [r.attrs["data-action"] for r in fails] == [f.action for f in hand_made_scene.fail_list]
    assert [r.attrs["data-action"] for r in waits] == [w.action for w in hand_made_scene.wait_list]
    assert "F3" in fails[2].text and "发现假币" in fails[2].text and "high" in fails[2].text
    assert SCRIPT_LABEL in fails[1].text
    assert waits[0].attrs.get("class") == "bp-over-limit" and "over the limit" in waits[0].text
    assert waits[1].attrs.get("class") is None and "over the limit" not in waits[1].text
    assert "Maximum wait: 15min" in document.one("p", **{"class": "bp-max-wait"}).text


def test_no_tables_without_fail_or_wait_points(hand_made_scene: Scene) -> None:
    bare = Document(render_html(replace(hand_made_scene, fail_list=(), wait_list=())))
    assert not bare.all("table")


def test_dark_colours_follow_the_system_only_for_the_default_theme(hand_made_scene: Scene) -> None:
    pages = {theme: render_html(hand_made_scene, theme) for theme in PALETTES}
    assert "(prefers-color-scheme: dark)" in pages["default"]
    assert f"--bp-page:{PALETTES['dark'].background}" in pages["default"]
    for theme in ("dark", "print"):
        assert "prefers-color-scheme" not in pages[theme]
        assert f"--bp-page:{PALETTES[theme].background}" in pages[theme]
    assert 'name="color-scheme" content="dark"' in pages["dark"]
    assert 'data-theme="print"' in pages["print"]


def test_unknown_theme_is_refused(hand_made_scene: Scene) -> None:
    with pytest.raises(ValueError, match="unknown theme"):
        render_html(hand_made_scene, "neon")


def test_render_dispatches_html_as_utf8(hand_made_scene: Scene, page: str) -> None:
    assert render(hand_made_scene, "html") == page.encode("utf-8")


def test_chinese_page(examples_dir: Path) -> None:
    scene = layout(check_file(examples_dir / "deposit-future-zh.bp").blueprint)
    document = Document(render_html(scene))
    assert document.one("html").attrs["lang"] == "zh-Hans"
    assert document.first("title").text == "柜台存款(目标状态)"
    assert [h.text for h in document.all("h2")] == ["文字版本", "失误点", "等待点"]
    assert document.one("button", **{"data-zoom": "reset"}).text == "适应窗口"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_renders(path: Path) -> None:
    scene = layout(check_file(path).blueprint)
    document = Document(render_html(scene))
    assert len(page_data(document)["cards"]) == len(scene.cards)
    assert len([r for r in document.all("tr") if "data-action" in r.attrs]) == len(scene.fail_list) + len(
        scene.wait_list)


def test_same_scene_same_bytes_in_another_process(hand_made_scene: Scene, page: str) -> None:
    program = ("import json, sys; from blueprint.scene import scene_from_data;"
               "from blueprint.render.html import render_html;"
               "sys.stdout.buffer.write(render_html(scene_from_data(json.load(sys.stdin.buffer))).encode('utf-8'))")
    outputs = set()
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", program], input=json.dumps(scene_data(hand_made_scene)).encode(),
                              capture_output=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.add(done.stdout)
    assert outputs == {page.encode("utf-8")}


def test_page_around_the_drawing(hand_made_scene: Scene, snapshot) -> None:
    """The page itself, with the drawing, stylesheet and script (tested on their own) cut out."""
    markup = html_page(hand_made_scene, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')
    markup = re.sub(r"(<style>|<script>).*?(</style>|</script>)", r"\1…\2", markup, flags=re.DOTALL)
    markup = re.sub(r"sha256-[A-Za-z0-9+/=]+", "sha256-…", markup)
    assert markup == snapshot
