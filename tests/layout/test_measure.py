"""Tests for blueprint.layout.measure: real font metrics and label wrapping.

Expected widths are hard-coded advance sums read from LiberationSans-Regular
and -Bold 2.1.5 with fontTools (hmtx table), so a wrong or stale metrics file
fails here. Measuring at size 2048 (the font's units per em) gives font units.
"""

from __future__ import annotations

import os
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint.layout import measure
from blueprint.layout import wrap as line_wrap
from blueprint.layout.measure import ELLIPSIS, FontMetricsMeasurer, TextMeasurer
from blueprint.layout.wrap import NO_LINE_END, NO_LINE_START, wrap

UNITS_PER_EM = 2048
METRICS_DIR = os.path.join(os.path.dirname(measure.__file__), "metrics")


@pytest.fixture(scope="module")
def measurer() -> FontMetricsMeasurer:
    return FontMetricsMeasurer()


class FixedMeasurer:
    """A fake measurer: 1 px per narrow character, 2 px per wide one, 0 per mark.

    Makes wrap results predictable, and proves wrap takes any TextMeasurer.
    """

    def width(self, text: str, size: float, bold: bool = False) -> float:
        total = 0
        for char in text:
            if unicodedata.category(char) in ("Mn", "Me", "Cf"):
                continue
            total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        return total * size

    def line_height(self, size: float) -> float:
        return 1.2 * size

    def ascent(self, size: float) -> float:
        return 0.8 * size


# --- widths -----------------------------------------------------------------

# (text, bold, advance sum in font units) from fontTools' hmtx of the TTFs.
FONT_ADVANCES = [
    ("Hello", False, 4667),
    ("Hello", True, 5007),
    ("Customer calls the bank", False, 21969),
    ("Customer calls the bank", True, 23673),
    ("Wait time: 3–5 days", False, 17984),
    ("Wait time: 3–5 days", True, 19008),
    ("naïve café", False, 9450),
    ("naïve café", True, 9905),
    ("Привет", False, 6920),
    ("Привет", True, 7383),
    (ELLIPSIS, False, 2048),
    ("W", False, 1933),
    ("i", False, 455),
    ("i", True, 569),
]


@pytest.mark.parametrize(("text", "bold", "units"), FONT_ADVANCES)
def test_width_is_the_sum_of_the_font_advances(measurer: FontMetricsMeasurer, text: str, bold: bool, units: int) -> None:
    assert measurer.width(text, UNITS_PER_EM, bold) == units
    assert measurer.width(text, 14, bold) == pytest.approx(units * 14 / UNITS_PER_EM)


def test_width_scales_linearly_with_size(measurer: FontMetricsMeasurer) -> None:
    assert measurer.width("Hello", 28) == pytest.approx(2 * measurer.width("Hello", 14))
    assert measurer.width("", 14) == 0


def test_kerning_that_narrows_text_is_ignored(measurer: FontMetricsMeasurer) -> None:
    # "AV" kerns tighter in the font; the plain sum is the safe upper bound.
    assert measurer.width("AV", UNITS_PER_EM) == 1366 + 1366


def test_kerning_that_widens_text_is_added(measurer: FontMetricsMeasurer) -> None:
    # Liberation's GPOS kerns r + ’ by +76 units; "user’s" is 5463 units unkerned.
    assert measurer.width("user’s", UNITS_PER_EM) == 5463 + 76
    assert measurer.width("user’s", UNITS_PER_EM, bold=True) == 6034 + 76
    assert measurer.width("users", UNITS_PER_EM) == 1139 + 1024 + 1139 + 682 + 1024
    # A combining mark between the pair does not stop a shaper from kerning it.
    assert measurer.width("r\u0301’", UNITS_PER_EM) == 682 + 0 + 455 + 76


@pytest.mark.parametrize("bold", [False, True])
@pytest.mark.parametrize("text", ["中", "文字", "服务蓝图", "，。、：", "（「」）", "カタカナ", "ひらがな", "한국어", "ＡＢＣ"])
def test_cjk_and_fullwidth_characters_are_one_em(measurer: FontMetricsMeasurer, text: str, bold: bool) -> None:
    assert measurer.width(text, 16, bold) == 16 * len(text)


def test_mixed_latin_and_cjk_add_up(measurer: FontMetricsMeasurer) -> None:
    python_units = 1366 + 1024 + 569 + 1139 + 1139 + 1139
    assert measurer.width("Python", UNITS_PER_EM) == python_units
    assert measurer.width("使用Python编程", UNITS_PER_EM) == 4 * UNITS_PER_EM + python_units
    assert measurer.width("Hello 世界", UNITS_PER_EM) == 4667 + 569 + 2 * UNITS_PER_EM


def test_bold_is_wider_than_regular(measurer: FontMetricsMeasurer) -> None:
    for text in ["Customer calls the bank", "Hello", "abcdefghijklmnopqrstuvwxyz"]:
        assert measurer.width(text, 14, bold=True) > measurer.width(text, 14)


@pytest.mark.parametrize(
    "mark",
    [
        "\u0301",  # combining acute, in the font with advance 0
        "\u0308",  # combining diaeresis
        "\u094d",  # Devanagari virama, not in the font
        "\u3099",  # combining kana voiced mark, East Asian Wide yet zero width
        "\u20e3",  # combining enclosing keycap
        "\u200b",  # zero width space
        "\u200d",  # zero width joiner
        "\ufe0e",  # variation selector-15 (text presentation)
        "\u2060",  # word joiner
    ],
)
def test_combining_marks_and_zero_width_characters_take_no_width(measurer: FontMetricsMeasurer, mark: str) -> None:
    assert measurer.width(mark, 14) == 0
    assert measurer.width("e" + mark, 14) == measurer.width("e", 14)


def test_uncovered_characters_get_a_conservative_width(measurer: FontMetricsMeasurer) -> None:
    one_em = 20.0
    for char in ["ก", "ع", "क", "ሀ", "\ue000"]:  # Thai, Arabic, Devanagari, Ethiopic, private use
        assert measurer.width(char, 20) >= one_em, char
    # Emoji: Noto Color Emoji advances 1.245 em, so emoji take 1.25 em.
    for emoji in ["😀", "🚀", "⌚", "\U0001f1e8"]:  # the last is regional indicator C, half a flag
        assert measurer.width(emoji, 20) == 25.0, emoji
    # U+FE0F makes a font-covered or narrow character an emoji.
    assert measurer.width("❤\ufe0f", 20) == 25.0
    assert measurer.width("1\ufe0f\u20e3", 20) == 25.0


def test_no_character_measures_zero_unless_it_is_a_mark_or_format_character(measurer: FontMetricsMeasurer) -> None:
    for code_point in range(0x20, 0x3000):
        char = chr(code_point)
        if unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc"):
            continue
        assert measurer.width(char, 14) > 0, f"U+{code_point:04X}"


def test_vertical_metrics_are_the_fonts_hhea_values(measurer: FontMetricsMeasurer) -> None:
    assert measurer.ascent(UNITS_PER_EM) == 1854
    assert measurer.descent(UNITS_PER_EM) == 434
    assert measurer.line_height(UNITS_PER_EM) == 1854 + 434 + 67
    assert measurer.line_height(10) == pytest.approx(11.499, abs=1e-3)


def test_font_runs_separate_what_the_latin_font_draws_from_fallback_text(measurer: FontMetricsMeasurer) -> None:
    assert measurer.font_runs("使用Python编程") == ["使用", "Python", "编程"]
    assert measurer.font_runs("你好“世界”") == ["你好", "“", "世界", "”"]
    assert measurer.font_runs("cafe\u0301 中\u3099 ok") == ["cafe\u0301 ", "中\u3099", " ok"]
    assert measurer.font_runs("Hello") == ["Hello"]
    assert measurer.font_runs("") == []


def test_font_metrics_measurer_satisfies_the_protocol(measurer: FontMetricsMeasurer) -> None:
    assert isinstance(measurer, TextMeasurer)
    assert isinstance(FixedMeasurer(), TextMeasurer)


def test_metrics_load_once_and_fast() -> None:
    assert measure._load_font_metrics() is measure._load_font_metrics()
    timings = []
    for _ in range(5):
        measure._load_font_metrics.cache_clear()
        start = time.perf_counter()
        measure._load_font_metrics()
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.010, f"loading the metrics took {min(timings) * 1000:.1f} ms"


def test_shipped_metrics_are_small_and_licensed() -> None:
    assert os.path.getsize(os.path.join(METRICS_DIR, "liberation-sans.json")) < 200_000
    with open(os.path.join(METRICS_DIR, "LICENSE"), encoding="utf-8") as file:
        notice = file.read()
    assert "SIL OPEN FONT LICENSE Version 1.1" in notice
    assert "Red Hat" in notice


# --- wrapping: behaviour (with a fake measurer, so results are exact) --------

FIXED = FixedMeasurer()


def test_latin_breaks_at_spaces() -> None:
    lines = wrap("The quick brown fox jumps over the lazy dog", 10, 1, FIXED)
    # Greedy lines would leave "dog" alone: the last line takes the word before it.
    assert lines == ["The quick", "brown fox", "jumps over", "the", "lazy dog"]


def test_latin_last_line_is_not_one_short_word_alone() -> None:
    assert wrap("damage agreed on site", 15, 1, FIXED) == ["damage agreed", "on site"]
    # A long last word is not left behind, and lines stay greedy.
    assert wrap("one two three", 7, 1, FIXED) == ["one two", "three"]
    # No wrap in as many lines gives the last word company: the greedy one stands.
    assert wrap("abcdefghij xy", 10, 1, FIXED) == ["abcdefghij", "xy"]
    # Whole words move, never the pieces of one.
    assert wrap("abcd efghij xy", 10, 1, FIXED) == ["abcd", "efghij xy"]
    assert wrap("see a/b/c/d/e xy", 13, 1, FIXED) == ["see", "a/b/c/d/e xy"]


def test_whitespace_collapses() -> None:
    assert wrap("  many   spaces\there \t ", 100, 1, FIXED) == ["many spaces here"]
    assert wrap(" \n\t ", 100, 1, FIXED) == []
    assert wrap("", 100, 1, FIXED) == []


def test_no_break_space_keeps_words_together() -> None:
    assert wrap("weighs 10\u00a0kg", 8, 1, FIXED) == ["weighs", "10\u00a0kg"]


def test_newline_forces_a_break() -> None:
    assert wrap("Line one\nLine two", 100, 1, FIXED) == ["Line one", "Line two"]
    assert wrap("first\r\nsecond\n\nfourth", 100, 1, FIXED) == ["first", "second", "", "fourth"]


def test_breaks_after_hyphens_and_slashes() -> None:
    assert wrap("state-of-the-art", 9, 1, FIXED) == ["state-of-", "the-art"]
    assert wrap("see docs/guide/setup", 12, 1, FIXED) == ["see docs/", "guide/setup"]


def test_cjk_breaks_between_any_two_characters() -> None:
    # No two of these characters make a word together.
    assert wrap("鹅桥砖梨猫鞋", 6, 1, FIXED) == ["鹅桥砖", "梨猫鞋"]


def test_cjk_words_stay_whole_unless_wider_than_a_line() -> None:
    assert wrap("我们使用中文写作", 6, 1, FIXED) == ["我们", "使用", "中文", "写作"]
    assert wrap("我们使用中文写作", 2, 1, FIXED) == ["我", "们", "使", "用", "中", "文", "写", "作"]


def test_kinsoku_closing_punctuation_never_starts_a_line() -> None:
    assert wrap("你好，世界。再见", 4, 1, FIXED) == ["你", "好，", "世", "界。", "再见"]


def test_kinsoku_opening_punctuation_never_ends_a_line() -> None:
    assert wrap("他说（很好）", 6, 1, FIXED) == ["他说", "（很", "好）"]


def test_latin_word_inside_chinese_stays_whole() -> None:
    assert wrap("我们使用Python编程", 10, 1, FIXED) == ["我们使用", "Python编程"]
    assert wrap("请联系Customer Service团队", 16, 1, FIXED) == ["请联系Customer", "Service团队"]


def test_ascii_closing_punctuation_after_cjk_stays_attached() -> None:
    lines = wrap("他们来了, 然后走了!", 8, 1, FIXED)
    assert all(line[0] not in NO_LINE_START for line in lines)


def test_unbreakable_long_word_is_broken_at_characters(measurer: FontMetricsMeasurer) -> None:
    word = "Donaudampfschifffahrtsgesellschaftskapitaensmuetze" * 4  # 200 characters
    assert len(word) == 200
    lines = wrap(word, 120, 14, measurer)
    assert len(lines) > 1
    assert "".join(lines) == word
    assert all(measurer.width(line, 14) <= 120 for line in lines)


def test_long_url_breaks_at_slashes_first(measurer: FontMetricsMeasurer) -> None:
    url = "https://example.com/customers/onboarding/identity-verification/step-3"
    lines = wrap(f"See {url} for details", 150, 12, measurer)
    assert all(measurer.width(line, 12) <= 150 for line in lines)
    assert "".join(lines).replace(" ", "") == f"See{url}fordetails"
    assert any(line.endswith("/") for line in lines)


def test_max_lines_ends_the_last_line_with_an_ellipsis(measurer: FontMetricsMeasurer) -> None:
    text = "Customer calls the bank to report a lost card and asks for a replacement " * 3
    lines = wrap(text, 100, 14, measurer, max_lines=2)
    assert len(lines) == 2
    assert lines[-1].endswith(ELLIPSIS)
    assert not lines[-1].endswith(" " + ELLIPSIS)
    assert all(measurer.width(line, 14) <= 100 for line in lines)


def test_max_lines_with_bold_cjk(measurer: FontMetricsMeasurer) -> None:
    text = "客户致电银行报告银行卡丢失，并要求补办新卡。" * 3
    lines = wrap(text, 90, 15, measurer, bold=True, max_lines=3)
    assert len(lines) == 3
    assert lines[-1].endswith(ELLIPSIS)
    assert all(measurer.width(line, 15, True) <= 90 for line in lines)


def test_max_lines_leaves_fitting_text_alone() -> None:
    assert wrap("one two three", 7, 1, FIXED, max_lines=2) == ["one two", "three"]
    assert wrap("one\ntwo\nthree", 10, 1, FIXED, max_lines=2) == ["one", "two…"]


def test_ellipsis_replaces_the_end_when_the_line_is_full() -> None:
    assert wrap("abcdefgh ijkl", 8, 1, FIXED, max_lines=1) == ["abcdefg…"]


def test_impossible_widths_are_rejected() -> None:
    with pytest.raises(ValueError):
        wrap("W", 0.5, 1, FIXED)
    with pytest.raises(ValueError):
        wrap("text", 10, 1, FIXED, max_lines=0)


def test_kinsoku_holds_for_real_metrics_at_many_widths(measurer: FontMetricsMeasurer) -> None:
    text = "我们在（客户服务）中心处理投诉：首先记录问题，然后分配给专员。“满意吗？”他问。"
    for max_width in range(40, 400, 7):
        lines = wrap(text, max_width, 14, measurer)
        assert "".join(lines) == text
        for index, line in enumerate(lines):
            assert measurer.width(line, 14) <= max_width
            if index > 0:
                assert line[0] not in NO_LINE_START, (max_width, lines)
            if index < len(lines) - 1:
                assert line[-1] not in NO_LINE_END, (max_width, lines)


# --- wrapping: properties ----------------------------------------------------

SAMPLE_CHARACTERS = list(
    "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 -/.,;:!?()[]'\"’“” éüñ"
    "服务蓝图客户银行，。、；：？！（）「」『』【】《》…—"
    "カタカナひらがな한국어ＡＢＣ"
    "\u0301\u0308\u200b\u200d\ufe0f\u00a0\u3000\n\t"
    "😀🚀❤👍🏽🇨🇳ก่ع"
)
any_character = st.one_of(st.sampled_from(SAMPLE_CHARACTERS), st.characters(codec="utf-8"))
word = st.text(alphabet=any_character, min_size=1, max_size=25)
label_text = st.one_of(
    st.text(alphabet=any_character, max_size=200),
    st.lists(word, max_size=30).map(" ".join),
)
font_size = st.sampled_from([9.0, 12.0, 14.0, 17.5, 24.0])
# The widest single character (Liberation's Ѡ, 1.338 em) must fit on a line;
# narrow widths make many lines, which is where wrapping goes wrong.
width_in_em = st.floats(min_value=1.4, max_value=16.0)


def non_space(text: str) -> str:
    return "".join(char for char in text if not char.isspace())


@settings(max_examples=300, deadline=None)
@given(text=label_text, size=font_size, em=width_in_em, bold=st.booleans())
def test_wrapped_lines_fit_and_lose_nothing(text: str, size: float, em: float, bold: bool) -> None:
    measurer = FontMetricsMeasurer()
    max_width = em * size
    lines = wrap(text, max_width, size, measurer, bold=bold)
    for line in lines:
        assert measurer.width(line, size, bold) <= max_width, (line, max_width)
        assert line == line.strip(" ")
    assert non_space("".join(lines)) == non_space(text)
    assert all("".join(measurer.font_runs(line)) == line for line in lines)


@settings(max_examples=200, deadline=None)
@given(text=label_text, size=font_size, em=width_in_em, bold=st.booleans(), max_lines=st.integers(1, 4))
def test_truncated_lines_fit_and_end_in_an_ellipsis(
    text: str, size: float, em: float, bold: bool, max_lines: int
) -> None:
    measurer = FontMetricsMeasurer()
    max_width = em * size
    full = wrap(text, max_width, size, measurer, bold=bold)
    lines = wrap(text, max_width, size, measurer, bold=bold, max_lines=max_lines)
    assert len(lines) <= max_lines
    for line in lines:
        assert measurer.width(line, size, bold) <= max_width, (line, max_width)
    if len(full) > max_lines:
        assert lines[-1].endswith(ELLIPSIS)
        assert lines[:-1] == full[: max_lines - 1]
    else:
        assert lines == full



# The word-by-word path for simple text (most labels) must break exactly where
# the cluster-by-cluster path does.
SIMPLE_SAMPLES = list("ab-/(),.:;!?%[]{}'\"1éßøŁšжЖї") + ["\u2010", "\u2013", "\u2014", "‘", "’", "“", "”", "…", "‼", "\u00a0", "·"]
simple_word = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x24F, exclude_characters="\xad"), min_size=1, max_size=12)
simple_word_with_breaks = st.text(alphabet=st.sampled_from(SIMPLE_SAMPLES), min_size=1, max_size=8)


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.one_of(simple_word, simple_word_with_breaks), min_size=1, max_size=12))
def test_the_word_by_word_path_breaks_exactly_where_the_general_path_does(words: list[str]) -> None:
    paragraph = " ".join(words)
    assert line_wrap._SIMPLE_TEXT.fullmatch(paragraph)
    fast = [(atom.text, atom.spaced) for atom in line_wrap._word_atoms(paragraph)]
    general = [(atom.text, atom.spaced) for atom in line_wrap._cluster_atoms(paragraph)]
    assert fast == general


def test_every_simple_character_is_a_narrow_cluster_of_its_own() -> None:
    simple = [chr(code) for code in range(0x3000) if line_wrap._SIMPLE_TEXT.fullmatch(chr(code))]
    assert len(simple) > 1100
    for char in simple:
        assert not line_wrap._extends_cluster(char, "a"), f"U+{ord(char):04X} joins the cluster before it"
        assert not line_wrap._is_wide(char), f"U+{ord(char):04X} is wide"
        assert char != line_wrap.ZERO_WIDTH_SPACE
    for joining in ("\u00ad", "\u0301", "\u0483", "\u200b", "\u200d", "\u202e", "\u2060", "服", "😀"):
        assert not line_wrap._SIMPLE_TEXT.fullmatch(joining)
