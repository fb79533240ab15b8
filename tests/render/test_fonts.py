"""The fonts SVG, HTML and PNG are drawn with: the faces the layout measured,
cut down to the characters a drawing uses, embedded by default, the same
bytes on every run."""

from __future__ import annotations

import base64
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from blueprint.api import check_file
from blueprint.layout import layout
from blueprint.render import embedded_fonts
from blueprint.render.embedded_fonts import CJK_FAMILY, FACES, LATIN_FAMILY, characters_by_face
from blueprint.render.html import render_html
from blueprint.render.svg import render_svg
from blueprint.scene import scene_data

ROOT = Path(__file__).resolve().parents[2]
FONT_FACE = re.compile(r'@font-face\{font-family:"([^"]+)";font-weight:(\d+);font-style:(\w+);'
                       r'src:url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\)\}')


def scene_of(name: str):
    return layout(check_file(ROOT / "examples" / f"{name}.bp").blueprint)


def embedded(document: str) -> dict[tuple[str, int, str], TTFont]:
    return {(family, int(weight), style): TTFont(io.BytesIO(base64.b64decode(data)))
            for family, weight, style, data in FONT_FACE.findall(document)}


def face_key(family: str, weight: int, style: str) -> str:
    return next(key for key, face in FACES.items() if (face.family, face.weight, face.style) == (family, weight, style))


@pytest.mark.parametrize("name", ["deposit", "card-fraud-alert-zh"])
def test_each_face_carries_exactly_the_characters_it_draws(name: str) -> None:
    scene = scene_of(name)
    fonts = embedded(render_svg(scene))
    used = characters_by_face(scene)
    assert {face_key(*key) for key in fonts} == set(used)
    for key, font in fonts.items():
        mapped = {chr(code) for code in font.getBestCmap()}
        assert mapped == {char for char in used[face_key(*key)] if char != " "} | ({" "} & mapped), key
        assert font["name"].getDebugName(1) == key[0]


def _all_text_nodes(data) -> list[dict]:
    """Every line of text anywhere in a scene's data, whatever node holds it."""
    if isinstance(data, dict):
        own = [data] if "size" in data and "spans" in data else []
        return own + [text for value in data.values() for text in _all_text_nodes(value)]
    if isinstance(data, list):
        return [text for value in data for text in _all_text_nodes(value)]
    return []


@pytest.mark.parametrize("name", ["deposit-future-zh", "complaint-handling", "card-fraud-alert-zh"])
def test_every_bold_chinese_text_of_the_scene_has_its_characters_embedded_bold(name: str) -> None:
    # A text the font cut leaves out is drawn as empty boxes: a recovery tag's
    # bold 补救 was, before the tags were counted.
    scene = scene_of(name)
    bold = characters_by_face(scene).get("cjk-bold", set())
    drawn = {char for text in _all_text_nodes(scene_data(scene)) if text["bold"]
             for span in text["spans"] for char in span["text"] if embedded_fonts.is_cjk(char)}
    assert drawn - bold == set()


def test_chinese_is_embedded_regular_and_bold() -> None:
    fonts = embedded(render_svg(scene_of("card-fraud-alert-zh")))
    assert (CJK_FAMILY, 400, "normal") in fonts and (CJK_FAMILY, 700, "normal") in fonts
    title = "可疑交易提醒与冻结银行卡"  # drawn bold
    assert set(title) <= {chr(code) for code in fonts[(CJK_FAMILY, 700, "normal")].getBestCmap()}


def test_bold_chinese_has_the_simplified_chinese_forms() -> None:
    # The bold font holds every region's glyphs; its default forms are Japanese.
    # 直 and 骨 differ between the two.
    bold = FACES["cjk-bold"]
    source = TTFont(embedded_fonts._font_path(bold), lazy=True)
    japanese = {char: source.getBestCmap()[ord(char)] for char in "直骨"}
    font = TTFont(io.BytesIO(embedded_fonts._cut(bold, "直骨", "")))
    simplified = {char: font.getBestCmap()[ord(char)] for char in "直骨"}
    assert all(simplified[char] != japanese[char] for char in "直骨")
    forms = embedded_fonts.regional_forms(source, {ord(char): japanese[char] for char in "直骨"}, "ZHS ")
    assert {chr(code): glyph for code, glyph in forms.items()} == simplified


def test_traditional_chinese_is_drawn_in_traditional_forms() -> None:
    # 骨 is shaped differently in Taiwan's standard and the mainland's.
    scene = scene_of("branch-queue-zh-Hant")
    faces = embedded_fonts.characters_by_face(scene)
    assert "cjk-regular-hant" in faces and "cjk-bold-hant" in faces
    assert "cjk-regular" not in faces and "cjk-bold" not in faces
    bold = {key: TTFont(io.BytesIO(embedded_fonts._cut(FACES[key], "骨", ""))).getBestCmap()[ord("骨")]
            for key in ("cjk-bold", "cjk-bold-hant")}
    assert bold["cjk-bold"] != bold["cjk-bold-hant"]
    regular = {key: embedded_fonts._cut(FACES[key], "骨", "") for key in ("cjk-regular", "cjk-regular-hant")}
    assert regular["cjk-regular"] != regular["cjk-regular-hant"]
    assert FACES["cjk-regular-hant"].family == FACES["cjk-regular"].family  # measured and named alike


def test_without_fonts_the_drawing_is_the_same_but_names_the_readers_fonts() -> None:
    scene = scene_of("card-fraud-alert-zh")
    with_fonts, without = render_svg(scene), render_svg(scene, fonts="none")
    assert "@font-face" not in without and "Blueprint" not in without
    assert len(without) < len(with_fonts) / 2
    stripped = re.sub(FONT_FACE.pattern + "\\n", "", with_fonts)
    stripped = stripped.replace(f'"{CJK_FAMILY}", ', "").replace(f"&#34;{LATIN_FAMILY}&#34;, ", "")
    assert stripped == without


def test_html_embeds_one_set_of_fonts_for_drawing_and_page() -> None:
    scene = scene_of("card-fraud-alert-zh")
    page = render_html(scene)
    assert page.count("@font-face") == len(embedded(page)) <= len(FACES)
    fonts = embedded(page)
    # The page's own words (the toolbar, the details panel) are in both weights.
    for weight in (400, 700):
        assert set("适应窗口缩放") <= {chr(code) for code in fonts[(CJK_FAMILY, weight, "normal")].getBestCmap()}
    assert "font-src data:" in page
    bare = render_html(scene, fonts="none")
    assert "@font-face" not in bare and "font-src" not in bare


def test_unknown_fonts_option_is_refused() -> None:
    with pytest.raises(ValueError, match="fonts"):
        render_svg(scene_of("deposit"), fonts="some")
    with pytest.raises(ValueError, match="fonts"):
        render_html(scene_of("deposit"), fonts="some")


RENDER = ("import sys; from pathlib import Path; from blueprint.api import check_file, render_result; "
          "sys.stdout.buffer.write(render_result(check_file(Path(sys.argv[1])), sys.argv[2]))")


@pytest.mark.parametrize("output_format", ["svg", "html"])
def test_output_is_byte_identical_across_processes_and_caches(tmp_path: Path, output_format: str) -> None:
    example = ROOT / "examples" / "deposit-future-zh.bp"

    def run(cache: Path) -> bytes:
        environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONHASHSEED": "random"}
        return subprocess.run([sys.executable, "-c", RENDER, str(example), output_format], check=True,
                              capture_output=True, env=environment).stdout

    cold = run(tmp_path / "one")
    warm = run(tmp_path / "one")  # the subsets now come from the cache folder
    other = run(tmp_path / "two")
    assert cold == warm == other
    assert list((tmp_path / "one" / "blueprint").glob("font-*.woff2"))
