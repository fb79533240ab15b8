"""Diagnostics in the reader's language: English, Simplified or Traditional Chinese.

Every text a diagnostic shows (its message and its hint) is a `Say`: one
template per language, with `{name}` blanks filled alike in each. A code
declares its texts beside its declaration (`declare(..., says={...})`) and
reports with them (`CODE.at(file, span, CODE.text("key", name=value), ...)`);
the diagnostic keeps the `Text` (the template and its values) next to the
English message, and `localized` re-words it for a reader of another language.
Codes, positions and levels never change with the language.

A blank's value may be plain text (an ID, a keyword, the user's words: shown
as written), a number, another `Text` (a phrase worded in each language) or
`Choices` (alternatives joined as the language joins them: "a, b or c").
"""

from __future__ import annotations

from typing import NamedTuple

# The languages messages are written in, by the value `lang` gives them.
MESSAGE_LANGUAGES: tuple[str, ...] = ("en", "zh", "zh-Hant")
# Another name a reader may give one (`zh-Hans` is `zh`, as in a .bp file).
MESSAGE_LANGUAGE_ALIASES: dict[str, str] = {"zh-Hans": "zh"}


def message_language(name: str) -> str | None:
    """The message language `name` names (`zh-Hans` is `zh`), or None."""
    name = MESSAGE_LANGUAGE_ALIASES.get(name, name)
    return name if name in MESSAGE_LANGUAGES else None


class Say(NamedTuple):
    """One text in every language the tool speaks."""

    en: str
    zh: str
    zh_hant: str

    def __call__(self, **values: object) -> Text:
        return Text(self, tuple(values.items()))

    def template(self, language: str) -> str:
        return self.zh_hant if language == "zh-Hant" else self.zh if language == "zh" else self.en


class Text(NamedTuple):
    """A `Say` with its blanks' values: a message or hint that can be worded in any language."""

    say: Say
    values: tuple[tuple[str, object], ...] = ()

    def worded(self, language: str = "en") -> str:
        return self.say.template(language).format(**{name: _worded(value, language) for name, value in self.values})


class Choices(NamedTuple):
    """Alternatives, joined as the reader's language joins them."""

    items: tuple[object, ...]
    last: str = "or"  # "and", or "," for a plain list


_JOIN = {"en": (", ", " or ", " and "), "zh": ("、", "或", "和"), "zh-Hant": ("、", "或", "和")}


def _worded(value: object, language: str) -> str:
    if isinstance(value, Text):
        return value.worded(language)
    if isinstance(value, Choices):
        words = [_worded(item, language) for item in value.items]
        comma, either, both = _JOIN[language]
        if len(words) <= 1 or value.last == ",":
            return comma.join(words)
        return comma.join(words[:-1]) + (either if value.last == "or" else both) + words[-1]
    return str(value)


def worded(text: str | Text | None, language: str = "en") -> str | None:
    """A message or hint in `language`; plain text (not yet translated) stays as it is."""
    if isinstance(text, Text):
        return text.worded(language)
    return text


# Phrases more than one code's texts use.
DID_YOU_MEAN = Say(
    en="did you mean '{word}'?",
    zh="是否想写“{word}”？",
    zh_hant="是否想寫「{word}」？",
)
EOL = Say(en="the end of the line", zh="行尾", zh_hant="行尾")
EOL_TEXT = EOL()


def did_you_mean(suggestion: str | None) -> Text | None:
    """The hint naming a near miss, or None."""
    return DID_YOU_MEAN(word=suggestion) if suggestion else None
