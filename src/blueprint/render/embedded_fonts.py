"""The fonts a drawing is drawn with, cut down to the characters it uses.

The layout measures Latin text with Liberation Sans (bundled in render/fonts)
and Chinese as one em a character, which is what Noto Sans CJK SC draws. So
that SVG, HTML and PNG draw exactly what was measured, whatever fonts the
reader has, each face the drawing uses is subset to its characters with
fontTools and embedded (SVG and HTML, as WOFF2 in @font-face rules) or
handed to the rasteriser (PNG, as OpenType files). The faces get names of
their own (FAMILIES), so a different version of the font on the reader's
machine can never stand in for them.

Chinese comes from the Noto Sans CJK packages on PyPI: Regular is the
Simplified Chinese face of noto-cjk-sans-otc; Bold comes from
noto-cjk-sans-jp-bold, whose font holds the glyphs of every region, with its
Simplified Chinese forms (the `locl` feature for ZHS) mapped in, so that a
bold heading and a regular label show the same forms. A blueprint written in
Traditional Chinese (`lang zh-Hant`) is drawn with the Traditional Chinese
face and forms (ZHT) instead, under the same family name: the characters are
as wide, and a reader in Taiwan or Hong Kong sees the shapes of their script.

Subsetting is deterministic (the fonts' own timestamps are kept, WOFF2 is
Brotli with fixed settings), and its results are kept, keyed by the font
and the characters, in memory and in the user's cache folder, so that
drawing the same characters again costs neither fontTools' import nor the
subsetting.
"""

from __future__ import annotations

import base64
import hashlib
import os
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from blueprint.scene import Scene, Text
from blueprint.usercache import cache_folder

LATIN_FAMILY = "Blueprint Liberation Sans"
CJK_FAMILY = "Blueprint Noto Sans CJK SC"
_FONTS_DIR = os.path.join(os.path.dirname(__file__), "fonts")
# Part of every cache key: a change to how faces are cut must not meet old results.
_SUBSET_VERSION = "1"


class Face(NamedTuple):
    family: str
    weight: int
    style: str  # "normal" or "italic"
    file: str  # the package's font file: a path in this package, or "<package>:<attribute>"
    number: int  # the font's index in a collection, else 0
    forms: str  # the font's `locl` forms to map in: "ZHS " (Simplified), "ZHT " (Traditional), or none


FACES: dict[str, Face] = {
    "latin-regular": Face(LATIN_FAMILY, 400, "normal", "LiberationSans-Regular.ttf", 0, ""),
    "latin-bold": Face(LATIN_FAMILY, 700, "normal", "LiberationSans-Bold.ttf", 0, ""),
    "latin-italic": Face(LATIN_FAMILY, 400, "italic", "LiberationSans-Italic.ttf", 0, ""),
    "cjk-regular": Face(CJK_FAMILY, 400, "normal", "noto_cjk_sans_otc:FONT_PATH", 2, ""),
    "cjk-bold": Face(CJK_FAMILY, 700, "normal", "noto_cjk_sans_jp_bold:FONT_PATH", 0, "ZHS "),
    # The same family in Traditional Chinese forms (the collection's TC face), for `lang zh-Hant`.
    "cjk-regular-hant": Face(CJK_FAMILY, 400, "normal", "noto_cjk_sans_otc:FONT_PATH", 3, ""),
    "cjk-bold-hant": Face(CJK_FAMILY, 700, "normal", "noto_cjk_sans_jp_bold:FONT_PATH", 0, "ZHT "),
}


class FontsMissing(ImportError):
    """fontTools or a font package is not installed."""


# --- what a drawing uses --------------------------------------------------------


def scene_texts(scene: Scene) -> Iterator[Text]:
    yield from scene.texts
    for card in scene.cards:
        yield from card.lines
        for marker in card.markers:
            yield marker.label
        if card.badge is not None:
            yield card.badge.label
    for arrow in scene.arrows:
        yield from arrow.label
    for marker in scene.markers:
        yield marker.label
    for badge in scene.badges:
        yield badge.label
    for tag in scene.recoveries:
        yield tag.label


def is_cjk(text: str) -> bool:
    if text.isascii():  # most spans: the layout gives CJK runs spans of their own
        return False
    # No ASCII character is wide, and skipping them spares most of the lookups
    # in a long Latin line with a dot or a dash in it.
    return any(
        unicodedata.east_asian_width(char) in ("W", "F") and unicodedata.category(char) != "So"
        for char in text if not char.isascii()
    )


def characters_by_face(scene: Scene) -> dict[str, set[str]]:
    """The characters each face draws in the scene's SVG: a span the SVG
    marks as Chinese is drawn by the CJK face (never slanted), any other by
    the Latin face of its weight and style."""

    # The spans of each face joined, then one set of each: a drawing of a
    # thousand actions has tens of thousands of spans.
    runs: dict[str, list[str]] = {key: [] for key in FACES}
    script = "-hant" if scene.lang == "zh-Hant" else ""
    for text in scene_texts(scene):
        latin = runs["latin-bold" if text.bold else "latin-italic" if text.italic else "latin-regular"]
        for span in text.spans:
            if span.text.isascii() or not is_cjk(span.text):
                latin.append(span.text)
            else:
                runs[("cjk-bold" if text.bold else "cjk-regular") + script].append(span.text)
    return {key: set("".join(texts)) for key, texts in runs.items() if texts}


# --- the fonts ------------------------------------------------------------------


def font_face_css(used: dict[str, set[str]]) -> str:
    """@font-face rules embedding, as WOFF2, each face in `used` cut down to its characters."""
    rules = []
    for key in FACES:
        chars = used.get(key)
        data = subset(key, "".join(sorted(chars)), "woff2") if chars else b""
        if not data:
            continue
        face = FACES[key]
        rules.append(
            f'@font-face{{font-family:"{face.family}";font-weight:{face.weight};font-style:{face.style};'
            f'src:url(data:font/woff2;base64,{base64.b64encode(data).decode("ascii")}) format("woff2")}}\n'
        )
    return "".join(rules)


@lru_cache(maxsize=64)
def subset(key: str, chars: str, flavor: str) -> bytes:
    """Face `key` with only the glyphs of `chars` (sorted, no repeats), as
    WOFF2 (`flavor` "woff2") or OpenType (""); b"" when the face draws none
    of them."""
    # The face itself, not only its name, is part of the key: a face that
    # changes (another font, region or forms) must not meet its old cuts.
    digest = hashlib.sha256(f"{_SUBSET_VERSION}\0{FACES[key]}\0{flavor}\0{chars}".encode()).hexdigest()
    folder = cache_folder()
    path = os.path.join(folder, f"font-{digest}.{flavor or 'otf'}") if folder else None
    if path is not None:
        try:
            with open(path, "rb") as file:
                return file.read()
        except OSError:
            pass
    data = _cut(FACES[key], chars, flavor)
    if path is not None:
        try:
            temporary = f"{path}.{os.getpid()}.tmp"
            with open(temporary, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except OSError:
            pass
    return data


def _cut(face: Face, chars: str, flavor: str) -> bytes:
    try:
        from fontTools import subset as fonttools_subset
        from fontTools.ttLib import TTFont
    except ImportError as error:  # pragma: no cover - a dependency of the package
        raise FontsMissing(f"embedding fonts needs fontTools ({error})") from error
    import io

    # recalcTimestamp=False keeps the font's own dates: the output must not
    # depend on when it was made.
    font = TTFont(_font_path(face), fontNumber=face.number, recalcTimestamp=False, lazy=True)
    cmap = font.getBestCmap()
    wanted = [ord(char) for char in chars if ord(char) in cmap]
    if not wanted:
        return b""
    glyphs = {code: cmap[code] for code in wanted}
    if face.forms:
        glyphs = regional_forms(font, glyphs, face.forms)
    options = fonttools_subset.Options()
    options.layout_features = ["kern"] if face.family == LATIN_FAMILY else []
    options.name_IDs = []
    options.hinting = False
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]  # a font editor's timestamp
    options.recalc_timestamp = False
    options.flavor = flavor or None
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(glyphs=sorted(set(glyphs.values())))
    subsetter.subset(font)
    _point_cmap(font, glyphs)
    _name(font, face)
    out = io.BytesIO()
    font.flavor = flavor or None
    font.save(out, reorderTables=False)
    return out.getvalue()


def _font_path(face: Face) -> str:
    if ":" not in face.file:
        return os.path.join(_FONTS_DIR, face.file)
    package, attribute = face.file.split(":")
    try:
        module = __import__(package)
    except ImportError as error:
        name = package.replace("_", "-")
        raise FontsMissing(f"drawing Chinese needs the {name} package; install it with: pip install {name}, "
                           "or draw without embedded fonts (--fonts none)") from error
    return str(getattr(module, attribute))


def regional_forms(font, glyphs: dict[int, str], language: str) -> dict[int, str]:
    """`glyphs` with each glyph the font's `locl` feature replaces for
    `language` (an OpenType language tag: "ZHS " Simplified, "ZHT " Traditional Chinese) replaced."""
    table = font["GSUB"].table
    lookups: set[int] = set()
    for script in table.ScriptList.ScriptRecord:
        for record_language in script.Script.LangSysRecord:
            if record_language.LangSysTag == language:
                for index in record_language.LangSys.FeatureIndex:
                    record = table.FeatureList.FeatureRecord[index]
                    if record.FeatureTag == "locl":
                        lookups.update(record.Feature.LookupListIndex)
    mapping: dict[str, str] = {}
    for index in sorted(lookups):
        lookup = table.LookupList.Lookup[index]
        for subtable in lookup.SubTable:
            if lookup.LookupType == 7:  # extension
                subtable = subtable.ExtSubTable
            if getattr(subtable, "LookupType", lookup.LookupType) == 1:
                for source, target in subtable.mapping.items():
                    mapping.setdefault(source, target)
    return {code: mapping.get(glyph, glyph) for code, glyph in glyphs.items()}


def _point_cmap(font, glyphs: dict[int, str]) -> None:
    """Make the subset's character map send each character to its chosen glyph."""
    if not any(table.isUnicode() for table in font["cmap"].tables):
        # Every character of the subset takes a regional form: the subsetter,
        # which kept only those glyphs, left no character map to point.
        from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

        for platform, encoding, layout in ((0, 3, 4), (3, 1, 4), (0, 4, 12), (3, 10, 12)):
            table = CmapSubtable.newSubtable(layout)
            table.platformID, table.platEncID, table.language, table.cmap = platform, encoding, 0, {}
            font["cmap"].tables.append(table)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap = {code: glyph for code, glyph in glyphs.items() if code <= 0xFFFF or table.format >= 12}


def _name(font, face: Face) -> None:
    """Give the subset the family name the drawing asks for, so that a
    rasteriser that matches fonts by name finds it."""
    from fontTools.ttLib.tables._n_a_m_e import table__n_a_m_e

    subfamily = {(400, "normal"): "Regular", (700, "normal"): "Bold", (400, "italic"): "Italic"}[
        (face.weight, face.style)]
    names = table__n_a_m_e()
    names.names = []
    postscript = f"{face.family}-{subfamily}".replace(" ", "")
    for name_id, value in ((1, face.family), (2, subfamily), (4, f"{face.family} {subfamily}"), (6, postscript)):
        names.setName(value, name_id, 3, 1, 0x409)
    font["name"] = names
