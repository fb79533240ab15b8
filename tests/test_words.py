"""The one catalogue of the words the tool shows (blueprint.words): every
language says every entry, in the same shape, with the same blanks to fill."""

from __future__ import annotations

import subprocess
import sys
from string import Formatter

import pytest

from blueprint.vocabulary import Language, Lane, Line, Severity, State
from blueprint.words import WORDS

ENGLISH = WORDS[Language.EN]
OTHERS = [language for language in Language if language is not Language.EN]


def test_every_language_has_a_catalogue_and_nothing_else_has_one():
    assert list(WORDS) == list(Language)


@pytest.mark.parametrize("language", OTHERS, ids=lambda language: language.value)
def test_every_language_has_exactly_the_same_keys(language):
    words = WORDS[language]
    assert set(words) == set(ENGLISH)
    for key, english in ENGLISH.items():
        assert type(words[key]) is type(english), key
        if isinstance(english, dict):
            assert set(words[key]) == set(english), key
        if isinstance(english, tuple):
            assert len(words[key]) == len(english), key


@pytest.mark.parametrize("language", OTHERS, ids=lambda language: language.value)
def test_every_language_fills_the_same_blanks(language):
    for key, english in ENGLISH.items():
        if isinstance(english, str):
            assert blanks(WORDS[language][key]) == blanks(english), key


def test_the_fixed_words_of_the_notation_are_all_named():
    for language, words in WORDS.items():
        assert list(words["lanes"]) == list(Lane), language
        assert list(words["lines"]) == list(Line), language
        for severity in Severity:
            assert words[severity.value], (language, severity)
        for state in State:
            assert words[state.value] and words[f"from_{state.value}"], (language, state)


def test_every_entry_says_something():
    for language, words in WORDS.items():
        for key, value in words.items():
            texts = value.values() if isinstance(value, dict) else [value] if isinstance(value, str) else []
            assert all(text.strip() or key.endswith("join") for text in texts), (language, key)


def test_the_catalogue_is_a_leaf():
    # The renderers read it and must not reach the model, so it loads no stage.
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, blueprint.words; print(' '.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    assert {name for name in loaded if name.startswith("blueprint")} == {
        "blueprint", "blueprint.vocabulary", "blueprint.words", "blueprint.words.details", "blueprint.words.english",
        "blueprint.words.overview", "blueprint.words.practice", "blueprint.words.practitioner",
        "blueprint.words.scenarios", "blueprint.words.simplified", "blueprint.words.traditional"}
    assert "pydantic" not in loaded


def blanks(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in Formatter().parse(text) if name is not None)
