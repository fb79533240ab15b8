"""A Pygments lexer for .bp files, so that Sphinx, MkDocs (pymdown) and
`pygmentize` highlight blueprints.

Pygments finds it through the `pygments.lexers` entry point of this package,
by the name `service-blueprint` and for files named `*.bp`. It also answers to
`blueprint` and `bp`, but Pygments looks at its built-in lexers before those
of entry points, and two of them already have these names: GNOME's Blueprint
(GTK interface files, `*.blp`) is `blueprint`, Android's Soong (`Android.bp`)
is `bp`. So those two names reach this lexer only where a tool maps them to it:
the Sphinx extension does, and docs/sphinx.md shows the MkDocs setting.

It needs nothing from the rest of the package but its vocabulary (no Lark,
no model): Pygments loads it in processes that only highlight text.

A .bp line is one statement, and its first word says which; the states below
follow that, so a word is coloured by its place in the statement (`customer`
opening a line is a lane, after an arrow it is an action). The keywords,
fixed values and arrows are the vocabulary's (blueprint.vocabulary); the
terminals copy the grammar (grammar/blueprint.lark), and a test keeps them
equal.
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, default, include, words
from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Whitespace,
)

from blueprint import vocabulary
from blueprint.vocabulary import OPTION_KEYWORDS, STATEMENT_KEYWORDS, Language, Lane, Line, RoleKind, Severity, State, Channel  # noqa: F401 (OPTION_KEYWORDS: the words the "fail" state takes)

__all__ = ["BlueprintLexer"]

# The lexer state each statement keyword leads to, where more than text (a
# string, a comment) follows it; any other keyword is followed by text.
_FOLLOWED_BY: dict[str, str | tuple[str, ...]] = {
    "max-wait": "span",
    "wait": "span",
    "duration": "span",
    "state": ("tail", "state-value"),
    "lang": ("tail", "lang-value"),
    "version": ("tail", "version-value"),
    "lane": ("tail", "lane-key"),
    "line": ("tail", "line-key"),
    "step": ("tail", "step-id"),
    "fail": "fail",  # its options, OPTION_KEYWORDS, come only here
    "cost": "cost",
    "control": "control",  # `ref`, an option, comes only here
    "emotion": ("tail", "emotion-value"),
    "metric": "metric",
    "confidence": ("tail", "confidence-value"),
    "pain": "research",  # `severity`, `impact`: the rating of a research note
    "idea": "research",
    "opportunity": "research",
    "role": ("role-kind", "role-id"),
    "by": ("tail", "role-ref"),
    "via": ("tail", "channel-ref"),
    "channel": ("tail", "channel-ref"),
    "scenario": ("scenario-tail", "role-ref"),  # `scenario online "Online" segment "Salaried"`
    "only": "scenario-refs",
}
TEXT_KEYWORDS = tuple(keyword for keyword in STATEMENT_KEYWORDS if keyword not in _FOLLOWED_BY)

# Fixed values of the language.
LANES = vocabulary.names(Lane)
LINES = vocabulary.names(Line)
SEVERITIES = vocabulary.names(Severity)
STATES = vocabulary.names(State)
LANGUAGES = vocabulary.names(Language) + tuple(vocabulary.LANGUAGE_ALIASES)
EMOTIONS = tuple(vocabulary.EMOTION_SCALE)
CONFIDENCES = vocabulary.names(vocabulary.Confidence)
ROLE_KINDS = vocabulary.names(RoleKind)
CHANNELS = vocabulary.names(Channel)
ARROWS = tuple(vocabulary.ARROWS)
RANGE = ".."
SEPARATOR = ","  # between the scenarios of an `only` line

# The grammar's terminals, character for character.
NAME = r"[^\W\d][\w]*(?:-(?![->])\w+)*"
NUMWORD = r"\d+(?:\.\d+)?[^\W\d_]*(?:\d+(?:\.\d+)?[^\W\d_]*)*"
AMOUNT = r"\d[\d,]*(?:\.\d+)?"
VERSION = r"\d[\w.+-]*"
SCORE = r"[+-]?\d+"
VALUE = r"[+-]?\d[\d,]*(?:\.\d+)?"
SPACE = r"[ \t\f\r\v\u00a0\u3000]+"

# A keyword or value is a whole word: not the start of a longer name such as
# `step-up` or `highway`.
_WORD_END = r"(?!\w|-(?![->])\w)"
_ARROW = "|".join(ARROWS)


def _words(values: tuple[str, ...]) -> str:
    return words(values, suffix=_WORD_END)


class BlueprintLexer(RegexLexer):
    """Service blueprints (.bp): statements, lanes, flows, fail and wait points."""

    name = "Service blueprint"
    aliases = ["service-blueprint", "blueprint", "bp"]
    filenames = ["*.bp"]
    mimetypes = ["text/x-service-blueprint"]

    tokens = {
        "root": [
            (SPACE, Whitespace),
            (r"\n", Whitespace),
            (r"#[^\n]*", Comment.Single),
            (_words(TEXT_KEYWORDS), Keyword, "tail"),
            *((_words((keyword,)), Keyword, state) for keyword, state in _FOLLOWED_BY.items()),
            # A name followed by an arrow starts a flow, whatever the name.
            (rf"({NAME})(?=(?:{SPACE})?(?:{_ARROW}))", Name, "flow"),
            # Anything else is an action or a piece of evidence: lane, id, text.
            (_words(LANES), Name.Builtin, ("tail", "action-id")),
            (NAME, Name, ("tail", "action-id")),
            include("tail"),
        ],
        # The end of any statement: its text, a comment, the line end.
        "tail": [
            (SPACE, Whitespace),
            (r"#[^\n]*", Comment.Single),
            (r'"', String.Double, "string"),
            (r"\n", Whitespace, "#pop"),
            (r"[^\s\"#]+", Error),
        ],
        "string": [
            (r'[^"\\\n\r]+', String.Double),
            (r"\\.", String.Escape),
            (r'"', String.Double, "#pop"),
            # An unclosed string ends with its line (the checker reports it).
            (r"\\(?=\n)", Error),
            default("#pop"),
        ],
        "state-value": [
            (SPACE, Whitespace),
            (_words(STATES), Name.Constant, "#pop"),
            (NAME, Name, "#pop"),
            default("#pop"),
        ],
        "lang-value": [
            (SPACE, Whitespace),
            (_words(LANGUAGES), Name.Constant, "#pop"),
            (NAME, Name, "#pop"),
            default("#pop"),
        ],
        "version-value": [
            (SPACE, Whitespace),
            (VERSION, Number, "#pop"),
            default("#pop"),
        ],
        "lane-key": [
            (SPACE, Whitespace),
            (_words(LANES), Name.Builtin, "#pop"),
            (NAME, Name, "#pop"),
            default("#pop"),
        ],
        "line-key": [
            (SPACE, Whitespace),
            (_words(LINES), Name.Builtin, "#pop"),
            (NAME, Name, "#pop"),
            default("#pop"),
        ],
        "step-id": [
            (SPACE, Whitespace),
            (NAME, Name.Label, "#pop"),
            default("#pop"),
        ],
        "action-id": [
            (SPACE, Whitespace),
            (NAME, Name.Function, "#pop"),
            default("#pop"),
        ],
        # `wait 5min..10min "…"`, `duration 2h`, `max-wait 15min`.
        "span": [
            (NUMWORD, Number),
            (r"\.\.", Operator),
            include("tail"),
        ],
        # `fail "…" severity high recover explain`
        "fail": [
            (_words(("severity",)), Keyword, "severity-value"),
            (_words(("recover",)), Keyword, "recover-target"),
            include("tail"),
        ],
        "severity-value": [
            (SPACE, Whitespace),
            (_words(SEVERITIES), Name.Constant, "#pop"),
            (NAME, Name, "#pop"),
            default("#pop"),
        ],
        "recover-target": [
            (SPACE, Whitespace),
            (NAME, Name, "#pop"),
            default("#pop"),
        ],
        # `control "…" ref "…"`
        "control": [
            (_words(("ref",)), Keyword),
            include("tail"),
        ],
        # `emotion -1 "…"` or `emotion annoyed`
        "emotion-value": [
            (SPACE, Whitespace),
            (SCORE, Number, "#pop"),
            (_words(EMOTIONS), Name.Constant, "#pop"),
            (NAME, Name, "#pop"),
            default("#pop"),
        ],
        # `pain "…" severity high`, `idea "…" impact medium`
        "research": [
            (_words(("severity", "impact")), Keyword, "severity-value"),
            include("tail"),
        ],
        "confidence-value": [
            (SPACE, Whitespace),
            (_words(CONFIDENCES), Name.Constant, "#pop"),
            (NAME, Name, "#pop"),
            default("#pop"),
        ],
        # `metric "Abandon rate" 12 "%"`
        "metric": [
            (VALUE, Number),
            include("tail"),
        ],
        # `cost 1,200.50 CNY`
        "cost": [
            (AMOUNT, Number),
            (NAME, Name.Constant),
            include("tail"),
        ],
        # `role agent "Insurance agent" staff`: the ID, the label, the kind.
        "role-id": [
            (SPACE, Whitespace),
            (NAME, Name.Variable, "#pop"),
            default("#pop"),
        ],
        "role-kind": [
            (_words(ROLE_KINDS), Name.Constant),
            (NAME, Name),
            include("tail"),
        ],
        # `via branch "reason"`, `channel wechat "WeChat"`: a built-in channel or a declared one.
        "channel-ref": [
            (SPACE, Whitespace),
            (_words(CHANNELS), Name.Constant, "#pop"),
            (NAME, Name.Variable, "#pop"),
            default("#pop"),
        ],
        # `segment`, after a scenario's label.
        "scenario-tail": [
            (_words(("segment",)), Keyword),
            include("tail"),
        ],
        # `only walk-in, online`
        "scenario-refs": [
            (SPACE, Whitespace),
            (SEPARATOR, Punctuation),
            (NAME, Name.Variable),
            include("tail"),
        ],
        # `by agent` (and a scenario's ID)
        "role-ref": [
            (SPACE, Whitespace),
            (NAME, Name.Variable, "#pop"),
            default("#pop"),
        ],
        # `a -> b "label" --> c <-> d "label"`: a label may follow any target.
        "flow": [
            (words(ARROWS), Operator),
            (NAME, Name),
            include("tail"),
        ],
    }
