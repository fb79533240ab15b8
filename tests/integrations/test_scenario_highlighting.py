"""Scenarios in the highlighters: the TextMate grammar of the editors and the
Pygments lexer give `scenario` and `only` their scopes and tokens."""

from __future__ import annotations

from pygments.token import Error, Keyword, Name, Punctuation

from blueprint.integrations.pygments_lexer import BlueprintLexer

from .test_tmgrammar import _scopes_at_start, _scopes_inside

SCENARIO = "variable.other.scenario.blueprint"
KEYWORD = "keyword.other.statement.blueprint"


def test_a_scenario_and_only_open_with_their_ids():
    assert _scopes_at_start('scenario walk-in "Walk-in"') == {"scenario": KEYWORD, "walk-in": SCENARIO}
    assert _scopes_at_start("scenario 线上") == {"scenario": KEYWORD, "线上": SCENARIO}
    assert _scopes_at_start("  only walk-in, online") == {"only": KEYWORD}


def test_segment_after_a_scenario_s_label_is_an_option_and_only_names_scenarios():
    assert _scopes_inside('scenario online "Online"', "segment") == {"segment": "keyword.other.option.blueprint"}
    assert _scopes_inside("only", "walk-in") == {"walk-in": SCENARIO}
    assert _scopes_inside("only", ", online") == {",": "punctuation.separator.scenario.blueprint"}


def test_the_lexer_reads_scenarios_without_an_error():
    text = ('scenario online "Online" segment "Salaried"  # the second\nstep s "S"\n  customer c "C"\n'
            "    only walk-in, 缺件\n")
    tokens = [(kind, value) for kind, value in BlueprintLexer().get_tokens(text) if value.strip()]
    assert not [token for token in tokens if token[0] is Error]
    assert tokens[:5] == [(Keyword, "scenario"), (Name.Variable, "online"), (tokens[2][0], '"'),
                          tokens[3], tokens[4]]
    assert (Keyword, "segment") in tokens
    assert tokens[-4:] == [(Keyword, "only"), (Name.Variable, "walk-in"), (Punctuation, ","), (Name.Variable, "缺件")]
