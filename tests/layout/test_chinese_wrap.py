"""Chinese line breaking as a typesetter would do it: words stay whole, no
character is left alone on a line when a more even wrap exists, and
punctuation that may not start a line never does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint.api import check_file
from blueprint.layout import layout, style
from blueprint.layout.measure import FontMetricsMeasurer
from blueprint.layout.wrap import NO_LINE_START, wrap
from blueprint.layout.word_breaks import inside_words

from ..conftest import EXAMPLES

MEASURER = FontMetricsMeasurer()
CARD_TEXT_WIDTH = style.CARD_W - 2 * style.CARD_PAD_X
CHINESE_EXAMPLES = [path for path in EXAMPLES if path.stem.endswith("-zh")]
# Words the drawings used to split across two lines.
WORDS = ("冻结", "凭证", "须知", "种类", "条款", "网点", "正在", "通知")


def breaks(lines: list[str]) -> list[tuple[str, str]]:
    return [(before[-1], after[0]) for before, after in zip(lines, lines[1:])]


@pytest.mark.parametrize("label, size, italic", [
    ("确认可疑交易，申请立即冻结", style.CARD_SIZE, False),
    ("柜员说明没收规定并出具凭证", style.CARD_SIZE, False),
    ("窗口的高声宣传；没有办理须知", style.EVIDENCE_SIZE, True),
    ("活期存款凭条，没有产品种类栏", style.EVIDENCE_SIZE, True),
    ("客户签字确认存款合同的全部条款", style.CARD_SIZE, False),
])
def test_labels_break_between_words(label: str, size: float, italic: bool) -> None:
    lines = wrap(label, CARD_TEXT_WIDTH, size, MEASURER)
    assert "".join(lines) == label
    for before, after in breaks(lines):
        assert before + after not in WORDS, lines


@pytest.mark.parametrize("path", CHINESE_EXAMPLES, ids=[path.stem for path in CHINESE_EXAMPLES])
def test_no_card_of_the_examples_splits_a_word_or_leaves_a_character_alone(path) -> None:
    scene = layout(check_file(path).blueprint)
    for card in scene.cards:
        lines = [text.content for text in card.lines]
        for before, after in breaks(lines):
            assert before + after not in WORDS, (card.id, lines)
        if len(lines) > 1:
            assert len(lines[-1].rstrip("".join(NO_LINE_START))) > 1, (card.id, lines)


def test_a_word_is_one_piece_whatever_surrounds_it() -> None:
    text = "申请立即冻结银行卡"
    inside = inside_words(text)
    start = text.index("冻结")
    assert start + 1 in inside and start not in inside


def test_backward_matching_prefers_the_longer_last_word() -> None:
    text = "和服务"
    assert inside_words(text) == {2}  # 和 / 服务, not 和服 / 务


# Characters that make no word of the list together: every break is free.
LONE = "鹅桥砖梨猫鞋伞"


@settings(max_examples=200, deadline=None)
@given(length=st.integers(min_value=3, max_value=40), per_line=st.integers(min_value=2, max_value=12))
def test_no_character_is_left_alone_on_the_last_line(length: int, per_line: int) -> None:
    text = "".join(LONE[index % len(LONE)] for index in range(length))
    lines = wrap(text, per_line * 12, 12, MEASURER)
    assert "".join(lines) == text
    assert all(MEASURER.width(line, 12) <= per_line * 12 for line in lines)
    # Greedy lines would be as many; fewer cannot be.
    assert len(lines) == -(-length // per_line)
    if len(lines) > 1:
        assert len(lines[-1]) > 1, lines


PUNCTUATION = "，。、；：？！）」』】》"


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.tuples(st.sampled_from([*WORDS, *LONE]), st.sampled_from(["", *PUNCTUATION])),
                       min_size=2, max_size=20),
       width=st.integers(min_value=36, max_value=200))
def test_full_width_punctuation_never_starts_a_line(pieces: list[tuple[str, str]], width: int) -> None:
    # A word or character and at most one mark after it: three characters
    # at most, that must stay together, and a line takes three.
    text = "".join(word + mark for word, mark in pieces)
    lines = wrap(text, width, 12, MEASURER)
    assert "".join(lines) == text
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START, lines
