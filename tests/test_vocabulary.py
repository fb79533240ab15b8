"""The notation's fixed words are declared once (blueprint.vocabulary); every
stage that names them agrees with that declaration."""

import re
from typing import get_args

from lark import Lark
from lark.lexer import PatternStr

from blueprint import scene
from blueprint.integrations.embed import THEMES as PAGE_THEMES
from blueprint.render import THEMES as RENDER_THEMES
from blueprint.render.themes import PALETTES
from blueprint.parse.grammar import grammar_text
from blueprint.vocabulary import (
    ACTION_LANES,
    ARROWS,
    KEYWORDS,
    OPTION_KEYWORDS,
    STATEMENT_KEYWORDS,
    THEMES,
    FlowKind,
    Language,
    Lane,
    Severity,
)


def values(enum):
    return tuple(member.value for member in enum)


def test_every_theme_has_one_palette_and_every_front_end_offers_the_same_themes():
    assert tuple(PALETTES) == THEMES
    assert RENDER_THEMES == THEMES
    assert PAGE_THEMES == ("auto", *THEMES)


def test_the_scene_names_the_same_values_as_the_model():
    hints = {
        "severity": (scene.Marker, Severity),
        "kind": (scene.Arrow, FlowKind),
        "lane": (scene.Card, Lane),
        "lang": (scene.Scene, Language),
    }
    for field, (node, enum) in hints.items():
        annotation = scene_annotation(node, field)
        assert set(values(enum)) <= set(literal_values(annotation)), (node.__name__, field)
        assert set(literal_values(annotation)) - {None} == set(values(enum)), (node.__name__, field)
    assert set(literal_values(scene_annotation(scene.RemovedItem, "lane"))) - {None} == set(values(ACTION_LANES))


def test_the_keywords_are_the_grammars():
    parser = Lark(grammar_text(), parser="lalr")
    literals = {t.name: t.pattern.value for t in parser.terminals if isinstance(t.pattern, PatternStr)}
    keywords = {name: word for name, word in literals.items() if re.fullmatch(r"[a-z][a-z-]*", word)}
    # Every keyword opens a statement, or an option (`fail "…" severity high`, `control "…" ref "…"`).
    opening = {(rule.origin.name, keywords[rule.expansion[0].name])
               for rule in parser.rules if rule.expansion and rule.expansion[0].name in keywords}
    assert sorted(KEYWORDS) == sorted(keywords.values())
    assert KEYWORDS == STATEMENT_KEYWORDS + OPTION_KEYWORDS
    assert set(OPTION_KEYWORDS) == {word for origin, word in opening if origin.endswith("_option")}
    assert set(STATEMENT_KEYWORDS) == {word for origin, word in opening if not origin.endswith("_option")}


def test_the_arrows_are_the_grammars():
    (arrow_rule,) = re.findall(r"^ARROW: (.*)$", grammar_text(), flags=re.M)
    assert sorted(ARROWS) == sorted(re.findall(r'"([^"]+)"', arrow_rule))
    assert set(ARROWS.values()) == set(FlowKind)


def scene_annotation(node, field):
    import typing

    # Each class's annotations in the namespace of the module that defines it (the scene is a package).
    return typing.get_type_hints(node)[field]


def literal_values(annotation):
    found = []
    for argument in get_args(annotation) or (annotation,):
        if argument is type(None):
            found.append(None)
        elif get_args(argument):
            found.extend(literal_values(argument))
        else:
            found.append(argument)
    return found


def test_a_scenario_id_from_outside_a_file_is_what_the_grammar_reads_as_a_name():
    from blueprint.vocabulary import SCENARIO_ID

    terminal = next(t for t in Lark(grammar_text(), parser="lalr").terminals if t.name == "NAME")
    name = re.compile(terminal.pattern.to_regexp())
    samples = ["online", "walk-in", "vip_2", "线上", "臨櫃-補件", "a-b-c", "2nd", "-x", "x-", "a--b", "a->b",
               "../online", "two words", "", "x.y", "_x"]
    assert [bool(SCENARIO_ID.fullmatch(s)) for s in samples] == [bool(name.fullmatch(s)) for s in samples]
