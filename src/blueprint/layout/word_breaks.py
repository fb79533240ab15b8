"""Chinese words that a line break keeps whole.

Chinese may break between any two characters, but a break inside a word
(冻/结, 凭/证, 须/知) makes the reader put the word back together across the
lines. A run of Han characters is split into words by the shipped word list
(wordlist/zh-words.txt, about twenty thousand common words; see
scripts/gen_cjk_words.py), and the line breaker keeps each word on one line
where it can. A segmentation library would know more words but costs tens
of megabytes and most of a second to load; for choosing where a line of a
label breaks, the common words are what matter. The list is read on the
first Chinese text wrapped, never for Latin text.
"""

from __future__ import annotations

import os
import re
from functools import cache

MAX_WORD = 4  # the longest word in the list
_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
WORD_LIST = os.path.join(os.path.dirname(__file__), "wordlist", "zh-words.txt")


@cache
def _words() -> frozenset[str]:
    with open(WORD_LIST, encoding="utf-8") as file:
        return frozenset(file.read().split())


def has_han_run(text: str) -> bool:
    """Whether `text` has two Han characters in a row (only then can a word be split)."""
    return _HAN_RUN.search(text) is not None


def inside_words(text: str) -> frozenset[int]:
    """The indices i of `text` where text[i - 1] and text[i] belong to one word."""
    words = _words()
    inside: set[int] = set()
    for run in _HAN_RUN.finditer(text):
        start = run.start()
        for first, last in _segment(run.group(), words):
            inside.update(range(start + first + 1, start + last))
    return frozenset(inside)


def _segment(run: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """The words of `run` as (start, end) pairs: the fewest pieces, single
    characters counting as pieces; among as few, the longest last word
    (backward maximum matching, which errs less than forward on Chinese:
    和服务 is 和/服务, not 和服/务)."""
    pieces = [0] + [len(run) + 1] * len(run)  # fewest pieces that make run[:end]
    back = [0] * (len(run) + 1)
    for end in range(1, len(run) + 1):
        for length in range(min(MAX_WORD, end), 0, -1):
            start = end - length
            if length > 1 and run[start:end] not in words:
                continue
            if pieces[start] + 1 < pieces[end]:
                pieces[end], back[end] = pieces[start] + 1, start
    spans: list[tuple[int, int]] = []
    end = len(run)
    while end > 0:
        spans.append((back[end], end))
        end = back[end]
    return [span for span in reversed(spans) if span[1] - span[0] > 1]
