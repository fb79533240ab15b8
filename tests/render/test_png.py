"""Tests for the PNG renderer: real resvg, only the fonts the package ships."""

from __future__ import annotations

import math
import os
import re
import struct
import subprocess
import sys
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest
from conftest import text_line

from blueprint.api import check_file
from blueprint.layout import layout
from blueprint.layout.measure import FONT_STACK
from blueprint.scene import Rect, Scene, Text
from blueprint.render import render
from blueprint.render.png import (
    INSTALL_HINT,
    LATIN_FONTS,
    MAX_PIXELS,
    PNG_MODULES,
    PngSupportMissing,
    PngTooLarge,
    rasterise,
    render_png,
)
from blueprint.render.svg import render_svg

ROOT = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG_SIGNATURE)
    assert png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def one_line_scene(*texts: Text) -> Scene:
    return Scene(width=160, height=40, title="t", description="d", lang="en", font_family=FONT_STACK,
                 rects=(Rect(role="background", x=0, y=0, width=160, height=40),), texts=texts)


def test_is_a_png_of_the_scene_size_times_the_scale(hand_made_scene: Scene) -> None:
    assert png_size(render_png(hand_made_scene, scale=1)) == (840, 900)
    assert png_size(render_png(hand_made_scene)) == (1680, 1800)


def test_a_fractional_scene_size_rounds_to_the_nearest_pixel() -> None:
    scene = layout(check_file(ROOT / "examples" / "deposit.bp").blueprint)
    width, height = png_size(render_png(scene, scale=1.5))
    assert abs(width - scene.width * 1.5) <= 1 and abs(height - scene.height * 1.5) <= 1


@pytest.mark.parametrize("theme", ["default", "dark", "print"])
def test_every_theme_rasterises(hand_made_scene: Scene, theme: str) -> None:
    assert png_size(render_png(hand_made_scene, theme, scale=0.5)) == (420, 450)


def test_the_render_entry_point_gives_png(hand_made_scene: Scene) -> None:
    assert render(hand_made_scene, "png").startswith(PNG_SIGNATURE)


def test_the_same_scene_gives_the_same_bytes(hand_made_scene: Scene) -> None:
    first = render_png(hand_made_scene, scale=1)
    assert render_png(hand_made_scene, scale=1) == first
    script = (
        "import sys; from conftest import build_hand_made_scene; from blueprint.render.png import render_png; "
        "sys.stdout.buffer.write(render_png(build_hand_made_scene(), scale=1))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "977",
           "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
    assert subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, check=True).stdout == first


# --- fonts: with system fonts off, only what we ship can draw text ------------------


def test_latin_text_is_drawn_in_each_shipped_face() -> None:
    blank = render_png(one_line_scene(), scale=1)
    regular = render_png(one_line_scene(text_line("card-text", "Deposit", 4, 24, 16)), scale=1)
    bold = render_png(one_line_scene(text_line("card-text", "Deposit", 4, 24, 16, bold=True)), scale=1)
    italic = render_png(one_line_scene(text_line("card-text", "Deposit", 4, 24, 16, italic=True)), scale=1)
    assert len({blank, regular, bold, italic}) == 4


def test_chinese_text_is_drawn_in_the_simplified_chinese_face() -> None:
    # 直 and 骨 are drawn differently in the Japanese and Chinese faces of Noto Sans CJK.
    svg = render_svg(one_line_scene(text_line("card-text", "直骨", 4, 24, 16)), fonts="none")
    assert '.cjk{font-family:"Noto Sans CJK SC"' in svg
    drawn = rasterise(svg)
    assert drawn != render_png(one_line_scene(), scale=1)
    assert drawn != rasterise(svg.replace('.cjk{font-family:"Noto Sans CJK SC"', '.cjk{font-family:"Noto Sans CJK JP"'))


def test_the_fonts_ship_with_their_licence() -> None:
    fonts = files("blueprint.render").joinpath("fonts")
    for name in LATIN_FONTS:
        assert fonts.joinpath(name).read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType
    assert "SIL Open Font License" in fonts.joinpath("LICENSE").read_text(encoding="utf-8")


# --- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize("modules", [("resvg_py",), ("noto_cjk_sans_otc",), ("resvg_py", "noto_cjk_sans_otc")])
def test_a_missing_extra_names_every_missing_module_and_how_to_install_it(hand_made_scene: Scene, monkeypatch,
                                                                          modules: tuple[str, ...]) -> None:
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)  # what `import` meets when the package is absent
    with pytest.raises(PngSupportMissing) as caught:
        render_png(hand_made_scene)
    assert isinstance(caught.value, ImportError)
    verb = "is" if len(modules) == 1 else "are"
    assert f"PNG output needs the optional png extra ({' and '.join(modules)} {verb} missing)" in str(caught.value)
    assert str(caught.value).endswith(f"install it with: {INSTALL_HINT}")


def test_the_install_hint_works_from_pypi_and_from_a_checkout() -> None:
    # The extra's name, as a user installing the package and as one working in this repository type it.
    assert "pip install 'service-blueprint[png]'" in INSTALL_HINT and "pip install -e '.[png]'" in INSTALL_HINT
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["name"] == "service-blueprint"
    # ...and installing it brings every module PNG output needs: the extra's and the package's own fonts.
    def modules(requirements: list[str]) -> set[str]:
        return {re.split(r"[<>=!~ \[]", requirement)[0].replace("-", "_") for requirement in requirements}

    extra = modules(pyproject["project"]["optional-dependencies"]["png"])
    assert "resvg_py" in extra and set(PNG_MODULES) <= extra | modules(pyproject["project"]["dependencies"])


@pytest.mark.parametrize("scale", [0, -1, math.nan, math.inf])
def test_a_scale_must_be_positive(hand_made_scene: Scene, scale: float) -> None:
    with pytest.raises(ValueError, match="scale"):
        render_png(hand_made_scene, scale=scale)


def test_a_drawing_too_big_to_rasterise_is_refused_before_drawing(hand_made_scene: Scene) -> None:
    scale = math.sqrt(MAX_PIXELS / (hand_made_scene.width * hand_made_scene.height)) * 1.01
    with pytest.raises(PngTooLarge, match="smaller scale"):
        render_png(hand_made_scene, scale=scale)


def test_an_unknown_theme_is_a_value_error(hand_made_scene: Scene) -> None:
    with pytest.raises(ValueError, match="default, dark, print"):
        render_png(hand_made_scene, "neon")
