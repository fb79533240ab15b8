"""Turning strings into positioned, measured Text lines."""

from __future__ import annotations

from itertools import accumulate

from blueprint.layout.measure import TextMeasurer
from blueprint.layout.wrap import wrap
from blueprint.scene import Text, TextSpan


def line(
    measurer: TextMeasurer, role: str, content: str, x: float, y: float, size: float,
    bold: bool = False, italic: bool = False, anchor: str = "start", width: float | None = None,
) -> Text:
    """One line at baseline `y`, starting at `x` (or centred on / ending at it);
    `width` is its measured width when the caller has it already.

    Runs the Latin font cannot draw get their own span at their measured x, so
    a renderer that shapes each span with one font still matches the measure.
    """
    if width is None:
        width = measurer.width(content, size, bold)
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    runs = measurer.font_runs(content) if hasattr(measurer, "font_runs") else [content]
    if len(runs) == 1:  # most lines: one span, already measured
        spans = (TextSpan(x=round(left, 2), text=content),)
    else:
        offsets = accumulate((measurer.width(run, size, bold) for run in runs[:-1]), initial=0.0)
        spans = tuple(TextSpan(x=round(left + offset, 2), text=run) for run, offset in zip(runs, offsets))
    return Text(role=role, y=round(y, 2), size=size, bold=bold, italic=italic, spans=spans)


def block(
    measurer: TextMeasurer, role: str, content: str, x: float, top: float, width: float, size: float,
    bold: bool = False, italic: bool = False, anchor: str = "start", max_lines: int | None = None,
) -> tuple[list[Text], float]:
    """Wrapped lines whose first line box starts at `top`; returns them and the block's height."""
    widths: dict[str, float] = {}  # each line was measured while wrapping
    lines = wrap(content, width, size, measurer, bold=bold, max_lines=max_lines, widths=widths) or [""]
    height = measurer.line_height(size)
    ascent = measurer.ascent(size)
    texts = [
        line(measurer, role, text, x, top + ascent + index * height, size, bold, italic, anchor, widths.get(text))
        for index, text in enumerate(lines)
        if text
    ]
    return texts, len(lines) * height
