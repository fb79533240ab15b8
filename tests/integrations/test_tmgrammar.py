"""The VS Code extension's TextMate grammar (editors/vscode/syntaxes/) names
every word of the notation: it is what scripts/gen_tmgrammar.py writes from
the vocabulary, and each keyword, lane, line, state, language, severity and
arrow gets its scope. The regular expressions are read here with Python's
`re`, which reads them as Oniguruma does; the extension's own grammar tests
(editors/vscode/test/grammar/) run them in VS Code's engine."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from blueprint import vocabulary
from blueprint.vocabulary import ARROWS, KEYWORDS, OPTION_KEYWORDS, STATEMENT_KEYWORDS, STATEMENT_OPTIONS, Language, Lane, Line, Severity, State

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR_FILE = ROOT / "editors" / "vscode" / "syntaxes" / "blueprint.tmLanguage.json"


def _load_generator():
    spec = importlib.util.spec_from_file_location("gen_tmgrammar", ROOT / "scripts" / "gen_tmgrammar.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GRAMMAR = json.loads(GRAMMAR_FILE.read_text(encoding="utf-8"))


def _compiled(regex: str) -> re.Pattern[str]:
    """`regex` in Python's `re`, which has no `\\G` (where a Markdown block hands
    a line over to the grammar); at the start of a line it is `^`."""
    return re.compile(regex.replace("(?:^|\\G)", "^"))


def _statement_rules() -> list[dict]:
    return [rule for rule in GRAMMAR["patterns"] if "begin" in rule]


def _scopes_at_start(line: str) -> dict[str, str]:
    """The scopes the first statement rule that matches `line` gives its words
    ({word: scope}), as VS Code picks the first rule that matches."""
    for rule in _statement_rules():
        match = _compiled(rule["begin"]).match(line)
        if match:
            return {
                match.group(int(number)): capture["name"]
                for number, capture in rule["beginCaptures"].items()
                if match.group(int(number)) is not None
            }
    return {}


def _scopes_inside(statement: str, text: str) -> dict[str, str]:
    """The scopes the rules inside the statement opened by `statement` give
    the words at the start of `text`."""
    rule = next(rule for rule in _statement_rules() if _compiled(rule["begin"]).match(statement))
    for pattern in rule["patterns"]:
        if "match" not in pattern:
            continue
        match = _compiled(pattern["match"]).match(text)
        if not match:
            continue
        if "name" in pattern:
            return {match.group(0): pattern["name"]}
        return {
            match.group(int(number)): capture["name"]
            for number, capture in pattern["captures"].items()
            if match.group(int(number)) is not None
        }
    return {}


def test_the_grammar_is_what_the_generator_writes():
    expected = _load_generator().render()
    actual = GRAMMAR_FILE.read_text(encoding="utf-8")
    assert actual == expected, "the TextMate grammar is out of date: run python scripts/gen_tmgrammar.py"


def test_the_generator_checks_an_out_of_date_grammar(tmp_path, monkeypatch, capsys):
    generator = _load_generator()
    stale = tmp_path / "blueprint.tmLanguage.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(generator, "OUTPUT", stale)
    monkeypatch.setattr(generator, "REPO_ROOT", tmp_path)
    assert generator.main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err


@pytest.mark.parametrize("keyword", STATEMENT_KEYWORDS)
def test_every_statement_keyword_is_a_keyword_at_the_start_of_a_line(keyword):
    for line in (f"{keyword} x", f'  {keyword} "x"', f"\t{keyword}"):
        assert _scopes_at_start(line).get(keyword, "").startswith("keyword.other.statement"), line


@pytest.mark.parametrize("keyword", STATEMENT_KEYWORDS)
def test_a_name_that_starts_with_a_keyword_is_no_keyword(keyword):
    scopes = _scopes_at_start(f'  {keyword}s-x thing "x"')
    assert not any(scope.startswith("keyword") for scope in scopes.values())


OPTIONS = [(keyword, option) for keyword, options in STATEMENT_OPTIONS.items() for option in options]


def test_the_grammar_has_every_keyword_of_the_vocabulary():
    # The statements, then the options each takes: together, KEYWORDS.
    assert set(OPTION_KEYWORDS) | set(STATEMENT_KEYWORDS) == set(KEYWORDS)
    assert {option for _, option in OPTIONS} == set(OPTION_KEYWORDS)
    found = {word for keyword in STATEMENT_KEYWORDS for word in _scopes_at_start(f"{keyword} x")}
    found |= {word for keyword, option in OPTIONS for word in _scopes_inside(f'{keyword} "x"', f"{option} x")}
    assert set(KEYWORDS) <= found


@pytest.mark.parametrize(("keyword", "option"), OPTIONS)
def test_the_options_of_a_statement_are_keywords(keyword, option):
    assert _scopes_inside(f'{keyword} "x"', f"{option} x")[option] == "keyword.other.option.blueprint"


@pytest.mark.parametrize(("line", "word", "scope"), [
    ('pain "Queue" severity high', "high", "constant.language.severity.blueprint"),
    ('idea "Book by app" impact medium', "medium", "constant.language.impact.blueprint"),
    ("emotion -2", "-2", "constant.numeric.score.blueprint"),
    ("emotion annoyed", "annoyed", "constant.language.emotion.blueprint"),
    ("confidence assumed", "assumed", "constant.language.confidence.blueprint"),
])
def test_the_practitioner_s_values_are_constants(line, word, scope):
    keyword, rest = line.split(" ", 1)
    scopes = _scopes_at_start(line)
    if word not in scopes:
        scopes = _scopes_inside(f'{keyword} "x"', rest.rsplit('" ', 1)[-1])
    assert scopes[word] == scope


def test_a_metric_s_value_is_a_number():
    assert _scopes_inside('metric "Volume"', "1,200") == {"1,200": "constant.numeric.metric.blueprint"}


@pytest.mark.parametrize("severity", vocabulary.names(Severity))
def test_every_severity_is_a_constant(severity):
    assert _scopes_inside('fail "x"', f"severity {severity}")[severity] == "constant.language.severity.blueprint"


@pytest.mark.parametrize("lane", vocabulary.names(Lane))
def test_every_lane_is_a_lane_in_an_action_and_in_a_lane_label(lane):
    assert _scopes_at_start(f'  {lane} id "x"')[lane] == "support.type.lane.blueprint"
    assert _scopes_at_start(f'lane {lane} "x"')[lane] == "support.type.lane.blueprint"


@pytest.mark.parametrize("line", vocabulary.names(Line))
def test_every_line_is_a_line_in_a_line_label(line):
    assert _scopes_at_start(f'line {line} "x"')[line] == "support.type.line.blueprint"


@pytest.mark.parametrize(
    ("keyword", "values", "scope"),
    [
        ("state", vocabulary.names(State), "constant.language.state.blueprint"),
        ("lang", vocabulary.names(Language), "constant.language.lang.blueprint"),
    ],
)
def test_every_state_and_language_is_a_constant(keyword, values, scope):
    for value in values:
        assert _scopes_at_start(f"{keyword} {value}")[value] == scope


@pytest.mark.parametrize(("arrow", "kind"), list(ARROWS.items()))
def test_every_arrow_is_an_operator_of_its_kind(arrow, kind):
    assert _scopes_at_start(f"a {arrow} b") == {"a": "variable.other.action.blueprint"}
    assert _scopes_inside(f"a {arrow} b", arrow) == {arrow: f"keyword.operator.arrow.{kind.value}.blueprint"}


def test_names_are_the_grammar_s_names():
    # Chinese ids, inner hyphens; a hyphen before an arrow ends the name.
    assert _scopes_at_start('  customer 读短信 "读到提醒"')["读短信"] == "entity.name.function.action.blueprint"
    assert _scopes_at_start("atm-queue->teller") == {"atm-queue": "variable.other.action.blueprint"}
    assert _scopes_at_start("  交易监控　-> 短信平台") == {"交易监控": "variable.other.action.blueprint"}



@pytest.mark.parametrize(("line", "scopes"), [
    ('role agent "Insurance agent" staff', {"role": "keyword.other.statement.blueprint",
                                            "agent": "variable.other.role.blueprint"}),
    ("by agent", {"by": "keyword.other.statement.blueprint", "agent": "variable.other.role.blueprint"}),
    ('via app "Only the app shows the bill"', {"via": "keyword.other.statement.blueprint",
                                                "app": "constant.language.channel.blueprint"}),
    ("via wechat", {"via": "keyword.other.statement.blueprint", "wechat": "variable.other.channel.blueprint"}),
    ('channel wechat "WeChat"', {"channel": "keyword.other.statement.blueprint",
                                 "wechat": "variable.other.channel.blueprint"}),
    ('channel branch "Sub-branch"', {"channel": "keyword.other.statement.blueprint",
                                     "branch": "constant.language.channel.blueprint"}),
    ('key "First impression"', {"key": "keyword.other.statement.blueprint"}),
    ('decision "Approve?"', {"decision": "keyword.other.statement.blueprint"}),
])
def test_roles_channels_key_steps_and_decisions_open_with_their_ids(line, scopes):
    assert _scopes_at_start(line) == scopes


@pytest.mark.parametrize("kind", vocabulary.names(vocabulary.RoleKind))
def test_every_role_kind_after_a_role_s_label_is_a_constant(kind):
    assert _scopes_inside('role agent "Agent"', kind) == {kind: "constant.language.role-kind.blueprint"}


def test_a_role_s_kind_outside_the_list_is_a_plain_name():
    """As `state` takes any name: the checker, not the editor, says it is unknown (BP107)."""
    assert _scopes_inside('role agent "Agent"', "boss") == {"boss": "variable.other.role-kind.blueprint"}
