"""Every word the tool itself shows a reader, in every blueprint language.

One catalogue, keyed by language, a module per language: the model's default lane and line names,
the words the drawing adds around the user's text (header, legend, card
details, lists, summary, comparison), the words of the HTML page around the
drawing, and a new file's title. Layout and the renderers read the same
entries, so the drawing and its page say a thing the same way. Every language
has exactly the same keys (a test keeps them so).

Values are text, except `lanes` and `lines` (a name per lane and line),
`change_fields` (a name per changed field) and the `..._unit` pairs
(singular, plural).
"""

from __future__ import annotations

from blueprint.vocabulary import Language
from blueprint.words.details import DETAIL_CHANGE_FIELDS, DETAIL_WORDS
from blueprint.words.english import ENGLISH
from blueprint.words.overview import OVERVIEW_WORDS
from blueprint.words.practice import PRACTICE_CHANGE_FIELDS, PRACTICE_WORDS
from blueprint.words.practitioner import PRACTITIONER_CHANGE_FIELDS, PRACTITIONER_WORDS
from blueprint.words.scenarios import SCENARIO_CHANGE_FIELDS, SCENARIO_WORDS
from blueprint.words.simplified import SIMPLIFIED
from blueprint.words.traditional import TRADITIONAL


def _with_practitioner_words(language: Language, words: dict[str, object]) -> dict[str, object]:
    fields = {**words["change_fields"], **PRACTITIONER_CHANGE_FIELDS[language],  # type: ignore[dict-item]
              **PRACTICE_CHANGE_FIELDS[language], **SCENARIO_CHANGE_FIELDS[language],
              **DETAIL_CHANGE_FIELDS[language]}
    return {**words, **PRACTITIONER_WORDS[language], **PRACTICE_WORDS[language], **OVERVIEW_WORDS[language],
            **SCENARIO_WORDS[language], **DETAIL_WORDS[language],
            "change_fields": fields}


WORDS: dict[Language, dict[str, object]] = {
    language: _with_practitioner_words(language, words)
    for language, words in ((Language.EN, ENGLISH), (Language.ZH, SIMPLIFIED), (Language.ZH_HANT, TRADITIONAL))
}
