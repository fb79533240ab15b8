"""Generate the TextMate grammar of the VS Code extension,
editors/vscode/syntaxes/blueprint.tmLanguage.json, from the notation's
vocabulary (blueprint.vocabulary) and the terminals of grammar/blueprint.lark
(as the Pygments lexer copies them).

The keywords, lanes, lines, states, languages, severities and arrows are the
vocabulary's, so a word added there reaches the editor by running this script;
tests/integrations/test_tmgrammar.py fails when the committed grammar differs
from what this script writes, or when it misses a word of the vocabulary:

    python scripts/gen_tmgrammar.py          # rewrite the grammar
    python scripts/gen_tmgrammar.py --check  # exit 1 if it is out of date

The same run rewrites the word lists of the Emacs mode
(editors/emacs/blueprint-mode.el), so both editors learn a new word at once.

A .bp line is one statement and its first word says which, so each statement
is one rule from its first word to the end of the line, as in the Pygments
lexer (blueprint.integrations.pygments_lexer). The regular expressions are
written for Oniguruma (what VS Code runs) and read the same in Python's `re`,
which the tests use to check them, but for `\\G`: a statement starts at the
start of a line or where a Markdown block inside a list hands the line over
(syntaxes/blueprint.markdown.tmLanguage.json injects this grammar into the
fenced blocks of Markdown files).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from blueprint import vocabulary
from blueprint.integrations.pygments_lexer import AMOUNT, NAME, NUMWORD, VERSION
from blueprint.vocabulary import ARROWS, OPTION_KEYWORDS, STATEMENT_KEYWORDS, STATEMENT_OPTIONS, Language, Lane, Line, Severity, State

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "editors" / "vscode" / "syntaxes" / "blueprint.tmLanguage.json"
EMACS_MODE = REPO_ROOT / "editors" / "emacs" / "blueprint-mode.el"
SCOPE = "source.blueprint"

# The grammar's terminals are the Pygments lexer's, which a test holds to
# grammar/blueprint.lark. The blanks are written as the characters themselves,
# which both regex engines read alike, rather than as escapes only one knows.
BLANK = "[ \t\f\r\v\u00a0\u3000]"
# A keyword or value is a whole word, not the start of `step-up` or `highway`.
WORD_END = r"(?!\w|-(?![->])\w)"
START = rf"(?:^|\G){BLANK}*"

# Statement keywords followed by nothing but text (strings and a comment).
SPAN_KEYWORDS = ("max-wait", "wait", "duration")
VALUE_KEYWORDS = ("state", "lang", "version", "lane", "line", "step", "cost", "emotion", "metric", "confidence",
                  "role", "by", "channel", "via", "scenario", "only", *STATEMENT_OPTIONS)
TEXT_KEYWORDS = tuple(k for k in STATEMENT_KEYWORDS if k not in SPAN_KEYWORDS + VALUE_KEYWORDS)

KEYWORD_SCOPE = "keyword.other.statement.blueprint"
OPTION_SCOPE = "keyword.other.option.blueprint"
ACTION_SCOPE = "variable.other.action.blueprint"
ARROW_SCOPES = {arrow: f"keyword.operator.arrow.{kind.value}.blueprint" for arrow, kind in ARROWS.items()}


def _either(words: tuple[str, ...]) -> str:
    """A regex matching any of `words` as a whole word, longest first."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")" + WORD_END


def _keyword(word: str) -> str:
    return rf"{START}({word}){WORD_END}"


def _value(keyword: str, known: tuple[str, ...], scope: str) -> dict:
    """`keyword value …`: a known value gets `scope`, any other name none."""
    return _statement(
        rf"{_keyword(keyword)}(?:{BLANK}+(?:({_either(known)})|({NAME})))?",
        {"1": {"name": KEYWORD_SCOPE}, "2": {"name": scope}},
        [{"include": "#tail"}],
    )


def _statement(begin: str, captures: dict, patterns: list[dict]) -> dict:
    """A statement: from its first words to the end of its line."""
    return {"begin": begin, "beginCaptures": captures, "end": "$", "patterns": patterns}


def _text_statements() -> dict:
    return _statement(
        rf"{START}({_either(TEXT_KEYWORDS)})",
        {"1": {"name": KEYWORD_SCOPE}},
        [{"include": "#tail"}],
    )


def _span_statements() -> dict:
    """`wait 5min..10min "…"`, `duration 2h`, `max-wait 15min`."""
    return _statement(
        rf"{START}({_either(SPAN_KEYWORDS)})",
        {"1": {"name": KEYWORD_SCOPE}},
        [
            {"match": NUMWORD, "name": "constant.numeric.duration.blueprint"},
            {"match": r"\.\.", "name": "keyword.operator.range.blueprint"},
            {"include": "#tail"},
        ],
    )


def _option(option: str) -> dict:
    """An option and what it takes: a severity, an impact, a recovering action or a string."""
    known = {"severity": (vocabulary.names(Severity), "constant.language.severity.blueprint"),
             "impact": (vocabulary.names(vocabulary.Impact), "constant.language.impact.blueprint")}
    if option in known:
        values, scope = known[option]
        taken = rf"(?:{BLANK}+(?:({_either(values)})|({NAME})))?"
        return {"match": rf"(?<![\w-])({option}){WORD_END}{taken}",
                "captures": {"1": {"name": OPTION_SCOPE}, "2": {"name": scope}}}
    if option == "recover":
        return {"match": rf"(?<![\w-])({option}){WORD_END}(?:{BLANK}+({NAME}))?",
                "captures": {"1": {"name": OPTION_SCOPE}, "2": {"name": ACTION_SCOPE}}}
    return {"match": rf"(?<![\w-])({option}){WORD_END}", "name": OPTION_SCOPE}  # `ref "…"`: the string follows


def _with_options(keyword: str, options: tuple[str, ...]) -> dict:
    """`fail "…" severity high recover explain`, `control "…" ref "…"`: options only after their statement."""
    return _statement(_keyword(keyword), {"1": {"name": KEYWORD_SCOPE}},
                      [*(_option(option) for option in options), {"include": "#tail"}])


def _practitioner_values() -> list[dict]:
    """`emotion -1 "…"` or `emotion annoyed`, `metric "…" 1,200 "…"`, `confidence assumed`."""
    score = r"[+-]?\d+"
    return [
        _statement(
            rf"{_keyword('emotion')}(?:{BLANK}+(?:({score})|({_either(tuple(vocabulary.EMOTION_SCALE))})|({NAME})))?",
            {"1": {"name": KEYWORD_SCOPE}, "2": {"name": "constant.numeric.score.blueprint"},
             "3": {"name": "constant.language.emotion.blueprint"}},
            [{"include": "#tail"}],
        ),
        _statement(
            _keyword("metric"), {"1": {"name": KEYWORD_SCOPE}},
            [{"match": r"(?<![\w.])[+-]?\d[\d,]*(?:\.\d+)?(?![\w.])", "name": "constant.numeric.metric.blueprint"},
             {"include": "#tail"}],
        ),
        _value("confidence", vocabulary.names(vocabulary.Confidence), "constant.language.confidence.blueprint"),
    ]


def _roles_and_channels() -> list[dict]:
    """`role agent "…" staff`, `by agent`, `channel wechat "…"`, `via app "…"`: a role's or a
    channel's ID after the keyword (a built-in channel a constant), a role's kind after its label."""
    role = "variable.other.role.blueprint"
    channels = (vocabulary.names(vocabulary.Channel), "constant.language.channel.blueprint")
    return [
        _statement(
            rf"{_keyword('role')}(?:{BLANK}+({NAME}))?", {"1": {"name": KEYWORD_SCOPE}, "2": {"name": role}},
            [{"match": rf"(?<![\w-]){_either(vocabulary.names(vocabulary.RoleKind))}",
              "name": "constant.language.role-kind.blueprint"},
             # Another word is a kind the checker does not know (BP107), not out of place.
             {"match": rf"(?<![\w-]){NAME}", "name": "variable.other.role-kind.blueprint"},
             {"include": "#tail"}],
        ),
        _statement(rf"{_keyword('by')}(?:{BLANK}+({NAME}))?", {"1": {"name": KEYWORD_SCOPE}, "2": {"name": role}},
                   [{"include": "#tail"}]),
        *(_statement(
            rf"{_keyword(keyword)}(?:{BLANK}+(?:({_either(channels[0])})|({NAME})))?",
            {"1": {"name": KEYWORD_SCOPE}, "2": {"name": channels[1]}, "3": {"name": "variable.other.channel.blueprint"}},
            [{"include": "#tail"}],
        ) for keyword in ("channel", "via")),
    ]


def _scenarios() -> list[dict]:
    """`scenario online "…" segment "…"`, `only walk-in, online`: a scenario's ID after the keyword."""
    scenario = "variable.other.scenario.blueprint"
    return [
        _statement(
            rf"{_keyword('scenario')}(?:{BLANK}+({NAME}))?", {"1": {"name": KEYWORD_SCOPE}, "2": {"name": scenario}},
            [{"match": rf"(?<![\w-])segment{WORD_END}", "name": OPTION_SCOPE}, {"include": "#tail"}],
        ),
        _statement(
            _keyword("only"), {"1": {"name": KEYWORD_SCOPE}},
            [{"match": rf"(?<![\w-]){NAME}", "name": scenario},
             {"match": ",", "name": "punctuation.separator.scenario.blueprint"},
             {"include": "#tail"}],
        ),
    ]


def _other_statements() -> list[dict]:
    return [
        _value("state", vocabulary.names(State), "constant.language.state.blueprint"),
        _value("lang", vocabulary.names(Language), "constant.language.lang.blueprint"),
        _statement(
            rf"{_keyword('version')}(?:{BLANK}+({VERSION}))?",
            {"1": {"name": KEYWORD_SCOPE}, "2": {"name": "constant.numeric.version.blueprint"}},
            [{"include": "#tail"}],
        ),
        _value("lane", vocabulary.names(Lane), "support.type.lane.blueprint"),
        _value("line", vocabulary.names(Line), "support.type.line.blueprint"),
        _statement(
            rf"{_keyword('step')}(?:{BLANK}+({NAME}))?",
            {"1": {"name": KEYWORD_SCOPE}, "2": {"name": "entity.name.section.step.blueprint"}},
            [{"include": "#tail"}],
        ),
        *(_with_options(keyword, options) for keyword, options in STATEMENT_OPTIONS.items()),
        *_practitioner_values(),
        *_roles_and_channels(),
        *_scenarios(),
        _statement(
            _keyword("cost"),
            {"1": {"name": KEYWORD_SCOPE}},
            [
                {"match": AMOUNT, "name": "constant.numeric.amount.blueprint"},
                {"match": NAME, "name": "support.constant.currency.blueprint"},
                {"include": "#tail"},
            ],
        ),
    ]


def _arrow_alternatives() -> str:
    return "|".join(sorted(ARROWS, key=len, reverse=True))


def _flow() -> dict:
    """`a -> b "label" --> c <-> d`: a name followed by an arrow starts a flow."""
    arrows = [
        {"match": arrow, "name": scope}
        for arrow, scope in sorted(ARROW_SCOPES.items(), key=lambda item: len(item[0]), reverse=True)
    ]
    return _statement(
        rf"{START}({NAME})(?={BLANK}*(?:{_arrow_alternatives()}))",
        {"1": {"name": ACTION_SCOPE}},
        [*arrows, {"match": NAME, "name": ACTION_SCOPE}, {"include": "#tail"}],
    )


def _item() -> dict:
    """An action (`customer arrive "…"`) or a piece of evidence (`evidence "…"`)."""
    return _statement(
        rf"{START}(?:({_either(vocabulary.names(Lane))})|({NAME}))(?:{BLANK}+({NAME}))?",
        {
            "1": {"name": "support.type.lane.blueprint"},
            "2": {"name": "variable.other.lane.blueprint"},
            "3": {"name": "entity.name.function.action.blueprint"},
        },
        [{"include": "#tail"}],
    )


def _repository() -> dict:
    return {
        "comment": {
            "match": "(#).*$",
            "name": "comment.line.number-sign.blueprint",
            "captures": {"1": {"name": "punctuation.definition.comment.blueprint"}},
        },
        "string": {
            "begin": '"',
            "beginCaptures": {"0": {"name": "punctuation.definition.string.begin.blueprint"}},
            # A string ends on its line: an unclosed one stops there.
            "end": '(")|$',
            "endCaptures": {"1": {"name": "punctuation.definition.string.end.blueprint"}},
            "name": "string.quoted.double.blueprint",
            "patterns": [
                {"match": r'\\["\\]', "name": "constant.character.escape.blueprint"},
                {"match": r"\\.?", "name": "invalid.illegal.escape.blueprint"},
            ],
        },
        # The end of any statement: its text, a comment; anything else is out of place.
        "tail": {
            "patterns": [
                {"include": "#comment"},
                {"include": "#string"},
                {"match": r"[^\s\"#]+", "name": "invalid.illegal.unexpected.blueprint"},
            ]
        },
    }


def grammar() -> dict:
    """The grammar as a JSON-ready dict; depends on the vocabulary alone."""
    statements = [_text_statements(), _span_statements(), *_other_statements(), _flow(), _item()]
    return {
        "comment": "Generated by scripts/gen_tmgrammar.py from blueprint.vocabulary; do not edit.",
        "name": "Service Blueprint",
        "scopeName": SCOPE,
        "fileTypes": ["bp"],
        "patterns": [{"include": "#comment"}, *statements],
        "repository": _repository(),
    }


def render() -> str:
    return json.dumps(grammar(), indent=2) + "\n"


def emacs_lists() -> dict[str, tuple[str, ...]]:
    return {
        "blueprint-statement-keywords": STATEMENT_KEYWORDS,
        "blueprint-option-keywords": OPTION_KEYWORDS,
        "blueprint-lanes": vocabulary.names(Lane),
        "blueprint-lines": vocabulary.names(Line),
        "blueprint-values": vocabulary.names(State) + vocabulary.names(Language) + vocabulary.names(Severity),
    }


def _elisp_words(words: tuple[str, ...]) -> str:
    """`("a" "b" ...)`, wrapped under the list's opening at 90 columns."""
    lines, line = [], ""
    for word in (f'"{word}"' for word in words):
        if line and len(line) + len(word) > 84:
            lines.append(line)
            line = ""
        line = f"{line} {word}" if line else word
    return "(" + "\n    ".join([*lines, line]) + ")"


def render_emacs_mode(text: str) -> str:
    """The Emacs mode with each word list (`(defconst NAME '(...)`) the vocabulary's."""
    for name, words in emacs_lists().items():
        pattern = re.compile(rf"(\(defconst {re.escape(name)}\s+')\([^)]*\)")
        listed = _elisp_words(words)
        text, found = pattern.subn(lambda match, listed=listed: match.group(1) + listed, text)
        if found != 1:
            raise SystemExit(f"{EMACS_MODE.name} declares {name} {found} times, not once")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed grammar is out of date")
    arguments = parser.parse_args(argv)
    emacs = EMACS_MODE.read_text(encoding="utf-8")
    outputs = {OUTPUT: render(), EMACS_MODE: render_emacs_mode(emacs)}
    if arguments.check:
        stale = [path for path, text in outputs.items()
                 if (path.read_text(encoding="utf-8") if path.exists() else "") != text]
        for path in stale:
            print(f"{path.relative_to(REPO_ROOT)} is out of date: run python scripts/gen_tmgrammar.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
