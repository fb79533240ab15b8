"""Render stage: a positioned Scene in, the bytes of one output format out.

Each renderer is imported only when its format is asked for, so drawing SVG
never loads the PNG rasteriser (an optional extra) or Graphviz.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from blueprint.vocabulary import FONT_OPTIONS, THEMES

if TYPE_CHECKING:  # the front-ends read FORMATS without paying for the scene's models
    from blueprint.scene import Scene

FORMATS: tuple[str, ...] = ("svg", "html", "png", "dot")




def render(scene: Scene, output_format: str, theme: str = "default", fonts: str = "embed",
           detail_suffix: str | None = None) -> bytes:
    """The scene drawn as `output_format` (one of FORMATS) in `theme` (one of THEMES).

    Text formats come back as UTF-8. DOT carries structure, not colour, so it
    ignores the theme (which must still be a valid one). `fonts` (one of
    FONT_OPTIONS) says whether SVG and HTML carry the fonts they are drawn
    with ("embed") or only name them ("none"); PNG is always drawn with them.
    """
    if output_format not in FORMATS:
        raise ValueError(f"unknown format {output_format!r}; expected one of: {', '.join(FORMATS)}")
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; expected one of: {', '.join(THEMES)}")
    if fonts not in FONT_OPTIONS:
        raise ValueError(f"unknown fonts option {fonts!r}; expected one of: {', '.join(FONT_OPTIONS)}")
    if output_format == "svg":
        from blueprint.render.svg import render_svg

        return _utf8(render_svg(scene, theme, fonts, detail_suffix=detail_suffix))
    if output_format == "html":
        from blueprint.render.html import render_html

        return _utf8(render_html(scene, theme, fonts))
    if output_format == "png":
        from blueprint.render.png import render_png

        return render_png(scene, theme)
    if scene.overview:  # a summary of phases, not the graph of cards and flows
        from blueprint.render.dot_overview import render_overview_dot

        return render_overview_dot(scene).encode("utf-8")
    from blueprint.render.dot import render_dot

    return render_dot(scene).encode("utf-8")


def _utf8(drawing: str | bytes) -> bytes:
    return drawing.encode("utf-8") if isinstance(drawing, str) else drawing


__all__ = ["FORMATS", "THEMES", "FONT_OPTIONS", "render"]
