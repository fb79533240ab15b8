"""Turning strings into positioned, measured Text lines."""

from __future__ import annotations

from itertools import accumulate
from weakref import WeakKeyDictionary

from blueprint.layout.measure import TextMeasurer
from blueprint.layout.wrap import wrap
from blueprint.scene import Text, TextSpan

# The lines of every text wrapped so far, with their measured widths, by the
# measurer that measured them and the exact wrapping asked for. The layout
# makes one measurer per drawing, so this keeps one drawing's wraps, and lets
# them go with it. A blueprint says many things more than once (a kind of
# evidence, a hand-off, an action its steps repeat); each is wrapped once.
Wrapped = tuple[tuple[str, ...], dict[str, float]]
_WRAPPED: WeakKeyDictionary[TextMeasurer, dict[tuple, Wrapped]] = WeakKeyDictionary()


def wrapped(measurer: TextMeasurer, content: str, width: float, size: float, bold: bool = False,
            max_lines: int | None = None) -> Wrapped:
    """`wrap`'s lines of `content`, and the width of each line measured while wrapping."""
    key = (content, width, size, bold, max_lines)
    try:
        memo = _WRAPPED.get(measurer)
        if memo is None:
            memo = _WRAPPED[measurer] = {}
    except TypeError:  # a measurer that cannot be weakly referenced or hashed: no memory
        memo = {}
    found = memo.get(key)
    if found is None:
        widths: dict[str, float] = {}
        lines = tuple(wrap(content, width, size, measurer, bold=bold, max_lines=max_lines, widths=widths))
        found = memo[key] = (lines, {text: widths[text] for text in lines if text in widths})
    return found


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
    lines, widths = wrapped(measurer, content, width, size, bold, max_lines)  # each line measured while wrapping
    lines = lines or ("",)
    height = measurer.line_height(size)
    ascent = measurer.ascent(size)
    texts = [
        line(measurer, role, text, x, top + ascent + index * height, size, bold, italic, anchor, widths.get(text))
        for index, text in enumerate(lines)
        if text
    ]
    return texts, len(lines) * height
