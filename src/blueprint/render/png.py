"""The PNG renderer: the SVG drawing rasterised by resvg, with fonts we ship.

resvg is a self-contained wheel (no system library), and it is handed every
font file explicitly with system fonts switched off, so a PNG comes out the
same on every machine: the faces an SVG would embed (see embedded_fonts:
Liberation Sans, the font the layout measured, and Noto Sans CJK SC, regular
and bold), cut down to the drawing's characters, and behind them the whole
of Liberation Sans and of the Noto Sans CJK collection. resvg comes with the
optional `png` extra.
"""

from __future__ import annotations

import importlib
import math
import os
import re
import tempfile
from contextlib import ExitStack
from importlib.resources import as_file, files

from blueprint.scene import Scene
from blueprint.render.embedded_fonts import characters_by_face, subset
from blueprint.render.svg import render_svg

# Both ways in: from PyPI, and from a checkout of the project (where the
# package's name would fetch the released one instead of the code at hand).
INSTALL_HINT = "pip install 'service-blueprint[png]' (in a checkout of blueprint: pip install -e '.[png]')"
# The modules PNG output needs: the rasteriser (the `png` extra) and the CJK
# fonts it is handed (a dependency of the package, so installing the extra
# brings them back too).
PNG_MODULES = ("resvg_py", "noto_cjk_sans_otc")
# Italic too: the layout sets evidence and the names of the lines in italic.
LATIN_FONTS = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf")
LATIN_FAMILY = "Liberation Sans"
# A blueprint of a few hundred steps at scale 2 is still far below this; the
# cap turns a runaway size into an error instead of gigabytes of memory.
MAX_PIXELS = 150_000_000


class PngSupportMissing(ImportError):
    """The optional packages PNG output needs are not installed."""


class PngTooLarge(ValueError):
    """The drawing at the requested scale would be too big to rasterise."""


def render_png(scene: Scene, theme: str = "default", scale: float = 2.0) -> bytes:
    """The scene as PNG bytes, `scale` device pixels per scene pixel.

    Raises PngSupportMissing (an ImportError) without the `png` extra,
    PngTooLarge for a scale that would exceed MAX_PIXELS, ValueError for a
    non-positive scale or an unknown theme.
    """
    if not math.isfinite(scale) or scale <= 0:
        raise ValueError(f"scale must be a positive number, got {scale!r}")
    pixels = math.ceil(scene.width * scale) * math.ceil(scene.height * scale)
    if pixels > MAX_PIXELS:
        raise PngTooLarge(
            f"the drawing would be {pixels:,} pixels at scale {scale:g}, more than {MAX_PIXELS:,}; "
            "use a smaller scale or SVG output"
        )
    # The drawing names the faces it is drawn with, and gets them as files cut
    # down to its characters: the same fonts an SVG or HTML page embeds.
    faces = {key: subset(key, "".join(sorted(chars)), "") for key, chars in characters_by_face(scene).items()}
    return rasterise(render_svg(scene, theme, fonts="named"), scale, [data for data in faces.values() if data])


def rasterise(svg: str, scale: float = 1.0, faces: list[bytes] | None = None) -> bytes:
    """PNG bytes of an SVG document drawn with the shipped fonts only, and
    `faces` (OpenType fonts as bytes) before them."""
    resvg_py, cjk_font = _load_rasteriser()
    svg = _scaled(svg, scale)
    with ExitStack() as stack:
        fonts_dir = files("blueprint.render").joinpath("fonts")
        font_files = [str(stack.enter_context(as_file(fonts_dir.joinpath(name)))) for name in LATIN_FONTS]
        font_files.append(str(stack.enter_context(as_file(cjk_font))))
        if faces:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="blueprint-fonts-"))
            for index, data in enumerate(faces):
                path = os.path.join(folder, f"face-{index}.otf")
                with open(path, "wb") as file:
                    file.write(data)
                font_files.insert(index, path)
        png = resvg_py.svg_to_bytes(
            svg_string=svg,
            zoom=1.0,
            skip_system_fonts=True,
            font_files=font_files,
            font_family=LATIN_FAMILY,
            sans_serif_family=LATIN_FAMILY,
        )
    return bytes(png)


_ROOT_SIZE = re.compile(r'(<svg\b[^>]*?\swidth=")([\d.]+)("[^>]*?\sheight=")([\d.]+)(")')


def _scaled(svg: str, scale: float) -> str:
    """The document with its outer size multiplied by `scale` (the viewBox
    keeps the drawing's own units). resvg rounds a fractional size up before
    it zooms, so zooming a drawing 906.5 high by 1.5 would give 1361 pixels
    rather than 1360: scaling the size first rounds once, at the end."""

    def scale_size(match: re.Match[str]) -> str:
        width, height = float(match[2]) * scale, float(match[4]) * scale
        return f"{match[1]}{width:.4f}{match[3]}{height:.4f}{match[5]}"

    return _ROOT_SIZE.sub(scale_size, svg, count=1)


def _load_rasteriser():
    loaded, missing = {}, []
    for name in PNG_MODULES:  # every one, so that one install fixes everything
        try:
            loaded[name] = importlib.import_module(name)
        except ImportError as error:
            missing.append(error.name or name)
    if missing:
        names = " and ".join(missing)
        raise PngSupportMissing(f"PNG output needs the optional png extra ({names} {'is' if len(missing) == 1 else 'are'}"
                                f" missing); install it with: {INSTALL_HINT}", name=missing[0])
    return loaded["resvg_py"], loaded["noto_cjk_sans_otc"].FONT_PATH


__all__ = ["render_png", "rasterise", "PngSupportMissing", "PngTooLarge", "MAX_PIXELS", "INSTALL_HINT", "PNG_MODULES"]
