"""Line wrapping for card labels: where a text may break, and the lines that
fit a width as measured by a TextMeasurer (blueprint.layout.measure).

Latin text breaks at spaces and after in-word dashes and slashes; Chinese
breaks between characters, keeps common words whole (blueprint.layout.
word_breaks) and obeys basic kinsoku; lines are then balanced so that no
line is left holding one Chinese character when a more even wrap exists,
and a last line holding one short Latin word takes the word before it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from blueprint.layout import word_breaks
from blueprint.layout.measure import ELLIPSIS, TextMeasurer


# Basic kinsoku: characters that may not start a line (closing brackets and
# quotes, sentence punctuation, iteration marks, small kana, prolonged sound
# mark) and characters that may not end one (opening brackets and quotes).
NO_LINE_START = frozenset(
    "，。、；：？！）」』】》〉〕〗〙〛｝］｠’”〞〟・…‥々ゝゞヽヾー"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "｡｣､･ｰ．％‼⁇⁈⁉"
    ",.;:?!)]}%‰°℃"
)
NO_LINE_END = frozenset("（「『【《〈〔〖〘〚｛［｟‘“〝｢([{¿¡")
# A line may end after these inside a word ("state-of-the-art", URLs).
BREAK_AFTER = frozenset("-\u2010\u2013\u2014/")
ZERO_WIDTH_SPACE = "\u200b"
ZERO_WIDTH_JOINER = "\u200d"

_FORCED_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
# Whitespace other than the no-break spaces, which must keep their words together.
_COLLAPSIBLE_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")


# Text in which every character is a cluster of its own and none is wide:
# Latin and Cyrillic letters without combining marks, and the general
# punctuation block (dashes, quotes, bullets, "…"), leaving out the soft
# hyphen and the bidi controls (format characters, which join a cluster).
# Such text may only break at a space or after an in-word dash or slash, so
# it is split word by word; a test checks every character of the class.
_SIMPLE_TEXT = re.compile("[\x00-\xac\xae-\u02ff\u0400-\u0482\u048a-\u052f\u2010-\u2029\u202f-\u205e]*")


def _is_regional_indicator(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _extends_cluster(char: str, cluster: str) -> bool:
    """Whether `char` belongs to the cluster before it (never split the two)."""
    if cluster == " " or char == ZERO_WIDTH_SPACE:
        return False
    if cluster.endswith(ZERO_WIDTH_JOINER):
        return True
    if unicodedata.category(char) in ("Mn", "Me", "Mc", "Cf"):
        return True
    if "\U0001f3fb" <= char <= "\U0001f3ff":  # emoji skin-tone modifiers
        return True
    return _is_regional_indicator(char) and len(cluster) == 1 and _is_regional_indicator(cluster)


def _clusters(text: str) -> list[str]:
    """Split into user-perceived characters: base plus marks, joiners, modifiers."""
    if _SIMPLE_TEXT.fullmatch(text):
        return list(text)
    clusters: list[str] = []
    for char in text:
        if clusters and _extends_cluster(char, clusters[-1]):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _is_wide(cluster: str) -> bool:
    return unicodedata.east_asian_width(cluster[0]) in ("W", "F")


def _may_break_between(before_previous: str | None, previous: str, current: str, spaced: bool) -> bool:
    """Whether a line may end after `previous` and start at `current`.

    `spaced` says a collapsed space separates them; `before_previous` is the
    cluster adjacent to `previous` on its left, if any (no space between).
    """
    if current[0] in NO_LINE_START or previous[0] in NO_LINE_END:
        return False
    if spaced or previous == ZERO_WIDTH_SPACE:
        return True
    if _is_wide(previous) or _is_wide(current):
        return True  # CJK breaks between any two characters
    if previous in BREAK_AFTER and before_previous is not None:
        # After "-" only before a letter ("COVID-19" stays whole); after "/"
        # not inside "//".
        return current[0].isalpha() if previous != "/" else current != "/"
    return False


class _Atom:
    """A run that must stay on one line, and whether a space precedes it.

    A Chinese word is one atom with `parts`, its characters as atoms of their
    own: the word stays whole unless it is wider than a line by itself."""

    __slots__ = ("text", "spaced", "parts")

    def __init__(self, text: str, spaced: bool) -> None:
        self.text = text
        self.spaced = spaced
        self.parts: list[_Atom] | None = None


def _whole(parts: list[_Atom]) -> _Atom:
    if len(parts) == 1:
        return parts[0]
    atom = _Atom(parts[0].text + "".join((" " if part.spaced else "") + part.text for part in parts[1:]),
                 parts[0].spaced)
    atom.parts = parts
    return atom


def _atoms(paragraph: str) -> list[_Atom]:
    """The unbreakable runs of a collapsed paragraph (single spaces, no
    leading or trailing space)."""
    return _word_atoms(paragraph) if _SIMPLE_TEXT.fullmatch(paragraph) else _cluster_atoms(paragraph)


def _cluster_atoms(paragraph: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    parts: list[_Atom] = []  # of the atom being made
    previous: str | None = None
    before_previous: str | None = None
    spaced = False
    # Chinese words stay whole: where both sides are one word, a break
    # opportunity only separates the parts of one atom.
    joined = word_breaks.inside_words(paragraph) if word_breaks.has_han_run(paragraph) else frozenset()
    index = 0
    for cluster in _clusters(paragraph):
        index += len(cluster)
        if cluster == " ":
            spaced = True
            continue
        if previous is None:
            parts = [_Atom(cluster, False)]
        elif not _may_break_between(before_previous, previous, cluster, spaced):
            parts[-1].text += (" " if spaced else "") + cluster
        elif index - len(cluster) in joined:
            parts.append(_Atom(cluster, spaced))
        else:
            atoms.append(_whole(parts))
            parts = [_Atom(cluster, spaced)]
        before_previous = None if spaced else previous
        previous, spaced = cluster, False
    if parts:
        atoms.append(_whole(parts))
    return atoms


def _word_atoms(paragraph: str) -> list[_Atom]:
    """`_atoms` for simple text (see _SIMPLE_TEXT), word by word instead of
    cluster by cluster: most labels are simple, and wrapping is the layout's
    largest cost. The property tests hold it equal to the general path."""
    atoms: list[_Atom] = []
    for word in paragraph.split(" "):
        pieces = _word_pieces(word) if not BREAK_AFTER.isdisjoint(word) else (word,)
        first = pieces[0]
        if not atoms:
            atoms.append(_Atom(first, False))
        elif first[0] in NO_LINE_START or atoms[-1].text[-1] in NO_LINE_END:
            atoms[-1].text += " " + first
        else:
            atoms.append(_Atom(first, True))
        if len(pieces) > 1:  # most words are one piece: no generator to make for them
            atoms.extend(_Atom(piece, False) for piece in pieces[1:])
    return atoms


def _word_pieces(word: str) -> list[str]:
    """A simple word split where `_may_break_between` allows it without a space."""
    pieces: list[str] = []
    start = 0
    for index in range(2, len(word)):
        previous, current = word[index - 1], word[index]
        if previous not in BREAK_AFTER or current in NO_LINE_START or previous in NO_LINE_END:
            continue
        if current.isalpha() if previous != "/" else current != "/":
            pieces.append(word[start:index])
            start = index
    pieces.append(word[start:])
    return pieces


def _split_to_fit(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Break a run wider than the line between clusters (code points if even a
    cluster is too wide), so that every piece fits."""
    pieces: list[str] = []
    piece = ""
    for cluster in _clusters(text):
        for unit in [cluster] if fits(cluster) else list(cluster):
            if fits(piece + unit):
                piece += unit
                continue
            if not fits(unit):
                raise ValueError(f"max_width is narrower than the character {unit!r}")
            pieces.append(piece)
            piece = unit
    pieces.append(piece)
    return [stripped for p in pieces if (stripped := p.strip(" "))]


def _fill_lines(atoms: list[_Atom], fits: Callable[[str], bool]) -> list[str]:
    """Greedy fill; each candidate line is measured whole, so kerning across
    atoms and any measurer's own rounding are honoured exactly."""
    lines: list[str] = []
    line = ""
    for atom in atoms:
        if line:
            candidate = line + (" " if atom.spaced else "") + atom.text
            if fits(candidate):
                line = candidate
                continue
            lines.append(line)
        if fits(atom.text):
            line = atom.text
        else:
            *full, line = (_fill_lines(atom.parts, fits) if atom.parts else _split_to_fit(atom.text, fits)) or [""]
            lines.extend(full)
    if line:
        lines.append(line)
    return lines


def _is_orphan(line: str) -> bool:
    """Whether `line` is one CJK character alone (with any punctuation that
    may not start a line after it): a last line that looks left behind."""
    clusters = _clusters(line)
    while len(clusters) > 1 and clusters[-1][0] in NO_LINE_START:
        clusters.pop()
    return len(clusters) == 1 and _is_wide(clusters[0])


def _is_short_cjk(line: str, paragraph: str, fits: Callable[[str], bool]) -> bool:
    """Whether `line`, the last of a Chinese paragraph, takes less than a third
    of the width (it fits three times over): the lines of a Chinese label or
    heading then read better evened out (确认可疑交易，/ 申请立即冻结, not
    确认可疑交易，申请立即 / 冻结). Latin text keeps its greedy lines."""
    return any(map(_is_wide, paragraph)) and fits(line * 3)


def _is_widow(line: str, fits: Callable[[str], bool]) -> bool:
    """Whether `line`, the last of a Latin paragraph, is one short word alone
    (it fits twice over): it looks left behind (damage agreed on / site), and
    with the word before it reads better (damage agreed / on site)."""
    return " " not in line and fits(line + " " + line)


def _balanced(atoms: list[_Atom], filled: list[str], fits_within: Callable[[str, float], bool],
              max_width: float) -> list[str]:
    """The lines of `atoms` at the narrowest width that still takes no more
    lines than `filled`, so that the last line gets its share of the text;
    when even that leaves one character alone, the last line takes as few
    more atoms as it needs (鹅 / 桥砖, not 鹅桥 / 砖); `filled` itself if no
    wrap in as many lines avoids it."""
    best, narrow, wide = filled, max_width / 2, max_width
    for _ in range(10):  # to about a thousandth of the width
        width = (narrow + wide) / 2
        try:
            trial = _fill_lines(atoms, lambda text: fits_within(text, width))
        except ValueError:  # narrower than a character of the text
            trial = None
        if trial is not None and len(trial) <= len(filled):
            best, wide = trial, width
        else:
            narrow = width
    if not _is_orphan(best[-1]):
        return best
    def fits(text: str) -> bool:
        return fits_within(text, max_width)

    for taken in range(2, len(atoms)):
        last = _fill_lines(atoms[-taken:], fits)
        if len(last) > 1:
            break
        if not _is_orphan(last[0]):
            head = _fill_lines(atoms[:-taken], fits)
            return head + last if len(head) + 1 <= len(filled) else filled
    return filled


def _without_widow(atoms: list[_Atom], filled: list[str], fits: Callable[[str], bool]) -> list[str]:
    """Latin lines whose last holds the word before the widow too (damage
    agreed / on site), the lines before it filled again; `filled` if that
    takes more lines. Whole words move, so no word is split that the greedy
    lines kept whole ("state-of-the-art", "</b>")."""
    starts = [index for index, atom in enumerate(atoms) if atom.spaced]
    if len(starts) < 2:
        return filled
    last = _fill_lines(atoms[starts[-2]:], fits)
    head = _fill_lines(atoms[:starts[-2]], fits)
    return head + last if len(last) == 1 and len(head) + 1 <= len(filled) else filled


def _with_ellipsis(line: str, fits: Callable[[str], bool]) -> str:
    """`line` shortened as needed so that it plus "…" fits."""
    clusters = _clusters(line)
    while clusters:
        kept = "".join(clusters).rstrip()
        if kept and kept[-1] not in NO_LINE_END and fits(kept + ELLIPSIS):
            return kept + ELLIPSIS
        clusters.pop()
    return ELLIPSIS


def _fit_test(measurer: TextMeasurer, size: float, bold: bool, max_width: float,
              widths: dict[str, float] | None) -> Callable[[str], bool]:
    """Whether a text fits in `max_width`; one that fits leaves its width in `widths`, if given."""

    def fits(candidate: str) -> bool:
        width = measurer.width(candidate, size, bold)
        if not width <= max_width:
            return False
        if widths is not None:
            widths[candidate] = width
        return True

    return fits


def _paragraph_lines(collapsed: str, fits: Callable[[str], bool], measurer: TextMeasurer, size: float,
                     bold: bool, max_width: float) -> list[str]:
    """The lines of one collapsed, non-empty paragraph."""
    # What greedy filling would give, without measuring every prefix only to keep it (a text is
    # never narrower than a prefix of it); not tried where it can hardly fit, at 0.4 em a character.
    if len(collapsed) * size * 0.4 <= max_width and fits(collapsed):
        return [collapsed]
    # Simple text (most labels) has no wide character: Latin words, split word by word.
    simple = _SIMPLE_TEXT.fullmatch(collapsed) is not None
    atoms = _word_atoms(collapsed) if simple else _cluster_atoms(collapsed)
    filled = _fill_lines(atoms, fits)
    if len(filled) > 1 and simple and _is_widow(filled[-1], fits):
        return _without_widow(atoms, filled, fits)
    if len(filled) > 1 and not simple and (_is_orphan(filled[-1]) or _is_short_cjk(filled[-1], collapsed, fits)):
        return _balanced(atoms, filled, lambda text, width: measurer.width(text, size, bold) <= width, max_width)
    return filled


def wrap(
    text: str,
    max_width: float,
    size: float,
    measurer: TextMeasurer,
    bold: bool = False,
    max_lines: int | None = None,
    widths: dict[str, float] | None = None,
) -> list[str]:
    """Break `text` into lines no wider than `max_width` px at font size `size`.

    Whitespace collapses to single spaces; "\\n" (also "\\r\\n", U+2028/9)
    forces a break and a blank line in the text stays a blank line. Latin
    breaks at spaces and after in-word hyphens and slashes; CJK between any
    two characters, except that closing punctuation never starts a line and
    opening punctuation never ends one. A run wider than a whole line is
    broken between characters. With `max_lines`, text beyond it is dropped and
    the last kept line ends in "…". Blank text gives [].

    Raises ValueError if `max_lines` < 1, or if `max_width` is narrower than a
    single character of the text (or than "…" when truncating), since no line
    could then fit.

    `widths`, if given, receives the width of each text found to fit as it
    was measured, so that the caller need not measure the lines again.
    """
    if max_lines is not None and max_lines < 1:
        raise ValueError(f"max_lines must be at least 1, got {max_lines}")

    fits = _fit_test(measurer, size, bold, max_width, widths)
    lines: list[str] = []
    stripped = text.strip()
    if not stripped:
        return lines
    for paragraph in _FORCED_BREAK.split(stripped):
        collapsed = _COLLAPSIBLE_SPACE.sub(" ", paragraph).strip(" ")
        if not collapsed:
            lines.append("")
            continue
        lines.extend(_paragraph_lines(collapsed, fits, measurer, size, bold, max_width))
        if max_lines is not None and len(lines) > max_lines:
            break

    if max_lines is not None and len(lines) > max_lines:
        if not fits(ELLIPSIS):
            raise ValueError(f"max_width {max_width} is narrower than {ELLIPSIS!r}")
        lines = lines[:max_lines]
        lines[-1] = _with_ellipsis(lines[-1], fits)
    return lines
