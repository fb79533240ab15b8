"""Generate the font-metrics table that `blueprint.layout.measure` ships with.

Reads Liberation Sans Regular and Bold with fontTools and writes
src/blueprint/layout/metrics/liberation-sans.json: vertical metrics, advance
widths for every code point the font maps, and the font's *positive* kerning
pairs (see measure.py for why only those). The runtime never opens a font
file; this script is the only place that does.

Usage (fonts found through fontconfig unless given explicitly):

    python scripts/gen_font_metrics.py [--regular TTF] [--bold TTF]
    python scripts/gen_font_metrics.py --check-cjk NotoSansCJK-Regular.ttc

On Debian the fonts come from `apt-get install fonts-liberation2`;
`fonts-noto-cjk` provides a CJK font for --check-cjk.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTCollection, TTFont

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "src" / "blueprint" / "layout" / "metrics" / "liberation-sans.json"
FAMILY = "Liberation Sans"
FORMAT_VERSION = 1


def find_font_file(style: str) -> Path:
    """Ask fontconfig for the file of FAMILY in `style` (no hard-coded paths)."""
    pattern = f"{FAMILY}:style={style}"
    found = subprocess.run(
        ["fc-match", "--format=%{file}", pattern], check=True, capture_output=True, text=True
    ).stdout.strip()
    if not found:
        sys.exit(f"fontconfig found no file for {pattern!r}; pass it explicitly")
    return Path(found)


def advance_runs(font: TTFont) -> list[list[int]]:
    """Advance widths as runs of consecutive code points: [first_cp, adv, adv, ...].

    Liberation Sans maps ~2,300 code points in ~125 contiguous blocks, so runs
    drop the per-entry code point and keep the file small without any custom
    decoding beyond a loop.
    """
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    runs: list[list[int]] = []
    previous = -2
    for code_point in sorted(cmap):
        advance = metrics[cmap[code_point]][0]
        if code_point == previous + 1:
            runs[-1].append(advance)
        else:
            runs.append([code_point, advance])
        previous = code_point
    return runs


def positive_kerning_pairs(font: TTFont) -> list[list[int]]:
    """[left_cp, right_cp, extra_units] for every GPOS pair that *widens* text.

    Only pair-adjustment lookups (type 2) change advances. Liberation uses
    format 1 (glyph pairs) only; class-based format 2 is rejected loudly so a
    future font version cannot silently drop pairs.
    """
    glyph_to_code_points: dict[str, list[int]] = {}
    for code_point, glyph in font.getBestCmap().items():
        glyph_to_code_points.setdefault(glyph, []).append(code_point)

    extra_by_pair: dict[tuple[str, str], int] = {}
    for lookup in font["GPOS"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            if lookup.LookupType == 9:  # extension wrapper
                subtable = subtable.ExtSubTable
            if subtable.LookupType != 2:
                continue
            if subtable.Format != 1:
                raise SystemExit("class-based kerning (PairPos format 2) is not supported")
            for first, pair_set in zip(subtable.Coverage.glyphs, subtable.PairSet):
                for record in pair_set.PairValueRecord:
                    extra = sum(
                        getattr(value, "XAdvance", 0) or 0
                        for value in (getattr(record, "Value1", None), getattr(record, "Value2", None))
                        if value is not None
                    )
                    key = (first, record.SecondGlyph)
                    # First lookup that kerns a pair wins, as in a shaper.
                    extra_by_pair.setdefault(key, extra)

    pairs = [
        [left, right, extra]
        for (first, second), extra in extra_by_pair.items()
        if extra > 0
        for left in glyph_to_code_points.get(first, [])
        for right in glyph_to_code_points.get(second, [])
    ]
    return sorted(pairs)


def widest_latin1_letter(font: TTFont) -> int:
    """Advance used for characters the font lacks: the widest Latin-1 letter (Æ, 1 em)."""
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    return max(
        metrics[cmap[cp]][0] for cp in range(0x41, 0x100) if cp in cmap and chr(cp).isalpha()
    )


def face_record(font: TTFont) -> dict[str, Any]:
    return {
        "fallback_advance": widest_latin1_letter(font),
        "advances": advance_runs(font),
        "positive_kerning": positive_kerning_pairs(font),
    }


def check_same_vertical_metrics(regular: TTFont, bold: TTFont) -> None:
    def vertical(font: TTFont) -> tuple[int, int, int, int]:
        hhea = font["hhea"]
        return font["head"].unitsPerEm, hhea.ascent, hhea.descent, hhea.lineGap

    if vertical(regular) != vertical(bold):
        raise SystemExit("regular and bold differ in vertical metrics; the format assumes one set")


def build_table(regular_path: Path, bold_path: Path) -> dict[str, Any]:
    regular, bold = TTFont(regular_path), TTFont(bold_path)
    for font in (regular, bold):
        family = font["name"].getDebugName(1)
        if family != FAMILY:
            raise SystemExit(f"{font.reader.file.name}: family is {family!r}, expected {FAMILY!r}")
    check_same_vertical_metrics(regular, bold)
    name = regular["name"]
    hhea = regular["hhea"]
    # hhea metrics: what browsers on Linux/macOS and resvg use for line boxes;
    # Liberation's OS/2 win metrics are identical (1854/434), so Windows agrees.
    return {
        "format": FORMAT_VERSION,
        "family": FAMILY,
        "font_version": name.getDebugName(5),
        "copyright": name.getDebugName(0),
        "license": name.getDebugName(13),
        "units_per_em": regular["head"].unitsPerEm,
        "ascent": hhea.ascent,
        "descent": -hhea.descent,
        "line_gap": hhea.lineGap,
        "faces": {"regular": face_record(regular), "bold": face_record(bold)},
    }


def report_cjk_advances(collection_path: Path) -> None:
    """Print the advance distribution of East-Asian Wide/Fullwidth characters.

    Evidence for measure.py's "wide = 1 em" rule: the advance must never
    exceed 1 em, or labels with CJK text would overflow.
    """
    if collection_path.suffix.lower() in (".ttc", ".otc"):
        fonts = TTCollection(collection_path, lazy=True).fonts
    else:
        fonts = [TTFont(collection_path, lazy=True)]
    for font in fonts:
        units_per_em = font["head"].unitsPerEm
        metrics = font["hmtx"]
        advances: Counter[float] = Counter()
        for code_point, glyph in font.getBestCmap().items():
            if unicodedata.east_asian_width(chr(code_point)) in ("W", "F"):
                advances[metrics[glyph][0] / units_per_em] += 1
        print(f"{font['name'].getDebugName(4)}: advances in em -> count {dict(sorted(advances.items()))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regular", type=Path, help="LiberationSans-Regular.ttf")
    parser.add_argument("--bold", type=Path, help="LiberationSans-Bold.ttf")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check-cjk", type=Path, metavar="FONT", help="only report CJK advances of FONT")
    args = parser.parse_args()

    if args.check_cjk:
        report_cjk_advances(args.check_cjk)
        return
    table = build_table(args.regular or find_font_file("Regular"), args.bold or find_font_file("Bold"))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    # Compact separators: the file is data for a program, not for reading.
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode()):,} bytes)")


if __name__ == "__main__":
    main()
