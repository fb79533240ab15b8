"""Text measurement for card labels (their wrapping: blueprint.layout.wrap).

Widths come from real font metrics (Liberation Sans, shipped as a small data
file), so a label measured here fits its card when rendered with the SVG font
stack `FONT_STACK`. Every rule below errs wide: an estimate that is too large
costs a little white space, one that is too small clips text.
"""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any, Protocol, runtime_checkable


# Liberation Sans is metric-compatible with Arial and Helvetica (same advance
# widths), so whichever of the three the viewer has, Latin text renders at the
# measured width. CJK falls through to a CJK font, measured as 1 em below.
FONT_STACK = (
    '"Liberation Sans", Arial, Helvetica, "Noto Sans CJK SC", "Source Han Sans SC", '
    '"PingFang SC", "Microsoft YaHei", sans-serif'
)
ELLIPSIS = "\u2026"

METRICS_FILE = "liberation-sans.json"

# Full-width characters (East Asian Width W/F) the Latin font lacks take 1 em.
# Checked against Noto Sans CJK (all 20 faces of the Regular and Bold .ttc,
# fonts-noto-cjk 20220127, via `scripts/gen_font_metrics.py --check-cjk`): of
# 43,158 W/F code points, 31,754 advance exactly 1 em (ideographs, kana,
# full-width punctuation), 11,391 advance 0.92 em (Hangul), 13 are narrower
# and none is wider; WenQuanYi Micro Hei gives 1 em to all but 24 (0.5 em).
# 1 em is therefore exact for Chinese and an upper bound for Korean.
WIDE_ADVANCE_EM = 1.0
# Uncovered symbols (category So: emoji, pictographs, dingbats) take more:
# Noto Color Emoji advances every glyph 2550/2048 = 1.245 em, wider than 1 em.
EMOJI_ADVANCE_EM = 1.25
EMOJI_PRESENTATION_SELECTOR = "\ufe0f"

# Format characters (ZWJ, ZWSP, bidi marks) and combining marks (which include
# the variation selectors) add no width of their own.
ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})


@runtime_checkable
class TextMeasurer(Protocol):
    """What the layout needs to know about text; injected so tests can fake it."""

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Advance width of `text` on one line, in px at font size `size` px."""
        ...

    def line_height(self, size: float) -> float:
        """Baseline-to-baseline distance for consecutive lines, in px."""
        ...

    def ascent(self, size: float) -> float:
        """Distance from the top of a line box to its baseline, in px."""
        ...


class _AdvanceTable(dict[str, int]):
    """Advance in font units per character.

    Holds the font's own advances; characters it lacks are resolved by rule on
    first use and cached, so `sum(map(table.__getitem__, text))` stays a C loop.
    """

    def __init__(self, covered: dict[str, int], fallback: int, space: int, units_per_em: int) -> None:
        super().__init__(covered)
        self._fallback = fallback
        self._space = space
        self._wide = math.ceil(WIDE_ADVANCE_EM * units_per_em)
        self.emoji_advance = math.ceil(EMOJI_ADVANCE_EM * units_per_em)

    def __missing__(self, char: str) -> int:
        advance = self._uncovered_advance(char)
        self[char] = advance
        return advance

    def _uncovered_advance(self, char: str) -> int:
        category = unicodedata.category(char)
        if category in ZERO_WIDTH_CATEGORIES:
            return 0
        if category == "Cc":
            # SVG collapses tabs and newlines into spaces; other controls vanish.
            return self._space if char.isspace() else 0
        if category == "So":
            return self.emoji_advance
        if unicodedata.east_asian_width(char) in ("W", "F"):
            return self._wide
        # Other scripts: the widest Latin-1 letter (Æ, 1 em) bounds nearly all
        # letters of alphabetic scripts in common fonts.
        return self._fallback


# Plain slotted classes rather than dataclasses: the dataclass decorator
# costs about a millisecond per class at import, on the CLI's cold path.
class _Face:
    __slots__ = ("advances", "widening_pairs", "pair_finder", "pair_ends")

    def __init__(
        self, advances: _AdvanceTable, widening_pairs: dict[str, int], pair_finder: re.Pattern[str] | None
    ) -> None:
        self.advances = advances
        # Kerning pairs that *widen* text, keyed by the two characters.
        self.widening_pairs = widening_pairs
        # Finds candidate pairs, skipping combining marks between them as a shaper does.
        self.pair_finder = pair_finder
        # The second characters of those pairs: text with none of them (most
        # Latin labels) needs no search for pairs.
        self.pair_ends = frozenset(pair[1] for pair in widening_pairs)

    def units(self, text: str) -> int:
        """Width of `text` in font units.

        Advances are summed without kerning; browsers and resvg do kern, and
        nearly all kerning pairs narrow text (a safe over-estimate), but
        Liberation also has ~80 pairs that widen it ("r’" in "user’s", some
        Cyrillic, Greek and Hebrew). Those are added, so the result is an
        upper bound whether the renderer kerns or not.
        """
        total = sum(map(self.advances.__getitem__, text))
        if self.pair_finder is not None and not self.pair_ends.isdisjoint(text):
            for left, right in self.pair_finder.findall(text):
                total += self.widening_pairs.get(left + right, 0)
        if EMOJI_PRESENTATION_SELECTOR in text:
            total += self._emoji_presentation_extra(text)
        return total

    def _emoji_presentation_extra(self, text: str) -> int:
        """U+FE0F turns the preceding character (❤, ☺, a digit in a keycap) into
        an emoji drawn by the emoji font, however the Latin font measures it."""
        extra = 0
        for index in range(1, len(text)):
            if text[index] == EMOJI_PRESENTATION_SELECTOR:
                extra += max(0, self.advances.emoji_advance - self.advances[text[index - 1]])
        return extra


class _FontMetrics:
    __slots__ = ("units_per_em", "ascent", "descent", "line_gap", "regular", "bold", "covered")

    def __init__(
        self, units_per_em: int, ascent: int, descent: int, line_gap: int, regular: _Face, bold: _Face
    ) -> None:
        self.units_per_em = units_per_em
        self.ascent = ascent
        self.descent = descent
        self.line_gap = line_gap
        self.regular = regular
        self.bold = bold
        # Characters the font draws itself (both faces cover the same set);
        # taken before any lookup caches an uncovered character in the table.
        self.covered = frozenset(regular.advances)


def _character_class(chars: Iterable[str]) -> str:
    """A regex class for `chars`, written as ranges: fewer items compile faster."""
    code_points = sorted({ord(char) for char in chars})
    items: list[str] = []
    start = previous = code_points[0]
    for code_point in [*code_points[1:], -1]:
        if code_point != previous + 1:
            first, last = re.escape(chr(start)), re.escape(chr(previous))
            items.append(first if start == previous else f"{first}-{last}")
            start = code_point
        previous = code_point
    return "[" + "".join(items) + "]"


def _build_face(record: dict[str, Any], units_per_em: int) -> _Face:
    covered: dict[str, int] = {}
    for first, *advances in record["advances"]:
        covered.update(zip(map(chr, range(first, first + len(advances))), advances))
    table = _AdvanceTable(covered, record["fallback_advance"], covered[" "], units_per_em)
    pairs = {chr(left) + chr(right): extra for left, right, extra in record["positive_kerning"]}
    finder = None
    if pairs:
        marks = [c for c, adv in covered.items() if adv == 0 and unicodedata.category(c) in ("Mn", "Me")]
        between = _character_class(marks) + "*" if marks else ""
        finder = re.compile(
            f"(?=({_character_class(p[0] for p in pairs)}){between}({_character_class(p[1] for p in pairs)}))"
        )
    return _Face(table, pairs, finder)


@cache
def _load_font_metrics() -> _FontMetrics:
    """Read the shipped table once per process (a few ms; the tests hold it under 10)."""
    # A plain open() beside this module: importlib.resources on a namespace
    # package costs over a millisecond of the CLI's cold start.
    with open(os.path.join(os.path.dirname(__file__), "metrics", METRICS_FILE), encoding="utf-8") as file:
        raw = json.load(file)
    units_per_em = raw["units_per_em"]
    return _FontMetrics(
        units_per_em=units_per_em,
        ascent=raw["ascent"],
        descent=raw["descent"],
        line_gap=raw["line_gap"],
        regular=_build_face(raw["faces"]["regular"], units_per_em),
        bold=_build_face(raw["faces"]["bold"], units_per_em),
    )


class FontMetricsMeasurer:
    """Measures text with Liberation Sans (= Arial/Helvetica) advance widths.

    Vertical metrics are the font's hhea values, which browsers and resvg use
    for line boxes: ascent 0.905 em, descent 0.212 em, line gap 0.033 em, so a
    line is 1.149 em. CJK glyphs from a fallback font fit inside that box (the
    ink of Noto Sans CJK ideographs spans 0.88 em up to 0.12 em down), so
    mixed lines need no extra height.
    """

    def __init__(self) -> None:
        self._metrics = _load_font_metrics()

    def width(self, text: str, size: float, bold: bool = False) -> float:
        face = self._metrics.bold if bold else self._metrics.regular
        return face.units(text) * size / self._metrics.units_per_em

    def line_height(self, size: float) -> float:
        metrics = self._metrics
        return (metrics.ascent + metrics.descent + metrics.line_gap) * size / metrics.units_per_em

    def ascent(self, size: float) -> float:
        return self._metrics.ascent * size / self._metrics.units_per_em

    def descent(self, size: float) -> float:
        """Distance from the baseline down to the bottom of the glyph box, in px."""
        return self._metrics.descent * size / self._metrics.units_per_em

    def font_runs(self, text: str) -> list[str]:
        """Split `text` into maximal runs that Liberation Sans does / does not draw.

        For renderers that must give each run its own text chunk (a <tspan>
        with an explicit x, the width of the text before it). resvg needs this:
        it shapes a whole chunk with one font, and when a fallback font covers
        every character of a mixed chunk it draws the Latin letters with it
        too, wider than measured here (with Noto Sans CJK, "使用Python" comes
        out 0.2 em wider and “ ” take 1 em). Browsers fall back per character.
        Zero-width characters stay in the run of the character they follow.
        """
        covered = self._metrics.covered
        if text and covered.issuperset(text):
            return [text]
        runs: list[str] = []
        run_is_covered = False
        for char in text:
            if runs and unicodedata.category(char) in ZERO_WIDTH_CATEGORIES:
                runs[-1] += char
                continue
            is_covered = char in covered
            if runs and is_covered == run_is_covered:
                runs[-1] += char
            else:
                runs.append(char)
                run_is_covered = is_covered
        return runs
