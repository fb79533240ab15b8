"""The Pygments lexer for .bp: found through its entry point, no error token
on any real blueprint, the right token for each tricky piece, and word lists
equal to the grammar's and the model's."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import entry_points

import markdown
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Comment, Error, Keyword, Name, Number, Operator, String, Whitespace

from blueprint.integrations import pygments_lexer
from blueprint.integrations.pygments_lexer import BlueprintLexer
from blueprint.model.types import Language, Lane, Line, Severity, State
from tests.conftest import EXAMPLES, ROOT
from tests.test_docs import GOOD

GRAMMAR = (ROOT / "grammar" / "blueprint.lark").read_text(encoding="utf-8")


def tokens(text: str) -> list[tuple[object, str]]:
    """The tokens of `text`, whitespace left out."""
    return [(kind, value) for kind, value in BlueprintLexer().get_tokens(text) if kind not in Whitespace]


# --- found by name ---------------------------------------------------------------
def test_pygments_finds_the_lexer_through_the_entry_point():
    (entry,) = [e for e in entry_points(group="pygments.lexers") if e.name == "blueprint"]
    assert entry.load() is BlueprintLexer
    assert isinstance(get_lexer_by_name("service-blueprint"), BlueprintLexer)
    assert isinstance(get_lexer_for_filename("deposit.bp"), BlueprintLexer)
    assert isinstance(get_lexer_for_filename("开户.bp"), BlueprintLexer)
    assert BlueprintLexer.aliases == ["service-blueprint", "blueprint", "bp"]
    assert BlueprintLexer.filenames == ["*.bp"]


def test_names_pygments_gives_to_other_lexers_are_documented():
    # Pygments tries its built-in lexers before entry points; the names one of
    # them holds are the ones docs/sphinx.md must warn about, no more, no less.
    taken = {alias: type(get_lexer_by_name(alias)) for alias in BlueprintLexer.aliases
             if not isinstance(get_lexer_by_name(alias), BlueprintLexer)}
    assert "service-blueprint" not in taken
    text = " ".join((ROOT / "docs" / "sphinx.md").read_text(encoding="utf-8").split())
    for alias in taken:
        assert f"one called `{alias}`" in text, alias
    for alias in set(BlueprintLexer.aliases) - set(taken) - {"service-blueprint"}:
        assert f"one called `{alias}`" not in text, f"{alias} is no longer taken; update docs/sphinx.md"


def test_bp_fences_highlight_in_markdown_with_the_documented_mapping():
    # Pygments' own lexer for Android.bp files claims the name `bp` first; the
    # mapping docs/sphinx.md gives for pymdownx.highlight hands it to ours.
    block = next(b.text for b in _doc_blocks("sphinx.md") if b.info == "yaml" and "extend_pygments_lang" in b.text)
    extensions = yaml.safe_load(block)["markdown_extensions"]
    names = [next(iter(e)) if isinstance(e, dict) else e for e in extensions]
    configs = {next(iter(e)): e[next(iter(e))] for e in extensions if isinstance(e, dict)}
    html = markdown.markdown('```bp\nstep s "S"\n  customer c "C"\n  c --> d\n```\n',
                             extensions=names, extension_configs=configs)
    assert '<span class="k">step</span>' in html and '<span class="nb">customer</span>' in html
    assert '<span class="o">--&gt;</span>' in html and 'class="err"' not in html


def _doc_blocks(name: str):
    from tests.test_docs import fenced_blocks

    return fenced_blocks(ROOT / "docs" / name)


# --- real blueprints -----------------------------------------------------------------
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_highlights_without_an_error_token(path):
    text = path.read_text(encoding="utf-8")
    found = list(BlueprintLexer(stripnl=False).get_tokens(text))
    assert [(kind, value) for kind, value in found if kind in Error] == []
    assert "".join(value for _, value in found) == text


@pytest.mark.parametrize("block", GOOD, ids=[b.where for b in GOOD])
def test_every_documented_blueprint_highlights_without_an_error_token(block):
    assert [value for kind, value in tokens(block.text) if kind in Error] == []


# --- tricky lines ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("a-->b", [(Name, "a"), (Operator, "-->"), (Name, "b")]),
        ("a->b<->c", [(Name, "a"), (Operator, "->"), (Name, "b"), (Operator, "<->"), (Name, "c")]),
        # A label follows the arrow it names, anywhere in a chain; a `#` in it is no comment.
        ('a -> b "by # hand" --> c "L" # note',
         [(Name, "a"), (Operator, "->"), (Name, "b"), (String.Double, '"'), (String.Double, "by # hand"),
          (String.Double, '"'), (Operator, "-->"), (Name, "c"), (String.Double, '"'), (String.Double, "L"),
          (String.Double, '"'), (Comment.Single, "# note")]),
        ("step-up -> wait-list", [(Name, "step-up"), (Operator, "->"), (Name, "wait-list")]),
        # Lane words are names of actions when a flow starts with them.
        ("customer -> onstage", [(Name, "customer"), (Operator, "->"), (Name, "onstage")]),
        ("  customer 客户到达 \"走进\\\"网点\\\"\\\\\" # 注",
         [(Name.Builtin, "customer"), (Name.Function, "客户到达"), (String.Double, '"'), (String.Double, "走进"),
          (String.Escape, '\\"'), (String.Double, "网点"), (String.Escape, '\\"'), (String.Escape, "\\\\"),
          (String.Double, '"'), (Comment.Single, "# 注")]),
        ("\u3000\u3000支付 <-> 确认 \"双方确认\"",
         [(Name, "支付"), (Operator, "<->"), (Name, "确认"), (String.Double, '"'), (String.Double, "双方确认"),
          (String.Double, '"')]),
        ('evidence "Receipt"', [(Name.Builtin, "evidence"), (String.Double, '"'), (String.Double, "Receipt"),
                                (String.Double, '"')]),
        ('step 开户 "开立账户"', [(Keyword, "step"), (Name.Label, "开户"), (String.Double, '"'),
                               (String.Double, "开立账户"), (String.Double, '"')]),
        ("wait 5min..1.5h", [(Keyword, "wait"), (Number, "5min"), (Operator, ".."), (Number, "1.5h")]),
        ("max-wait 15min", [(Keyword, "max-wait"), (Number, "15min")]),
        ("duration 2h30min", [(Keyword, "duration"), (Number, "2h30min")]),
        ("cost 1,200.50 CNY", [(Keyword, "cost"), (Number, "1,200.50"), (Name.Constant, "CNY")]),
        ("version 1.2.3-beta", [(Keyword, "version"), (Number, "1.2.3-beta")]),
        ("state future", [(Keyword, "state"), (Name.Constant, "future")]),
        ("lang zh", [(Keyword, "lang"), (Name.Constant, "zh")]),
        ('lane support "后台系统"', [(Keyword, "lane"), (Name.Builtin, "support"), (String.Double, '"'),
                                 (String.Double, "后台系统"), (String.Double, '"')]),
        ('line visibility "Seen"', [(Keyword, "line"), (Name.Builtin, "visibility"), (String.Double, '"'),
                                    (String.Double, "Seen"), (String.Double, '"')]),
        ('fail "Note # 2" severity high recover explain',
         [(Keyword, "fail"), (String.Double, '"'), (String.Double, "Note # 2"), (String.Double, '"'),
          (Keyword, "severity"), (Name.Constant, "high"), (Keyword, "recover"), (Name, "explain")]),
        ("# blueprint \"not a statement\"", [(Comment.Single, '# blueprint "not a statement"')]),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_tricky_line(line, expected):
    assert tokens(line) == expected


def test_a_mistake_is_marked_but_the_rest_of_the_file_still_highlights():
    found = tokens('step s "S" extra\n  customer c "unclosed\n  c -> d\n')
    assert (Error, "extra") in found
    assert found[-3:] == [(Name, "c"), (Operator, "->"), (Name, "d")]


@given(st.text(alphabet=st.sampled_from(list('ab客 \t\n"\\#->.,0123456789stepwaitfail\u3000')), max_size=80))
def test_any_text_lexes_without_loss(text):
    found = list(BlueprintLexer(stripnl=False, ensurenl=False).get_tokens(text))
    assert "".join(value for _, value in found) == text


# --- in step with the grammar and the model --------------------------------------------
def test_keywords_and_arrows_are_the_grammars():
    rules = re.sub(r"//[^\n]*", "", GRAMMAR.split("\nNAME:")[0])  # comments quote examples
    literals = set(re.findall(r'"([^"]+)"', rules))
    keywords = {literal for literal in literals if re.fullmatch(r"[a-z][a-z-]*", literal)}
    assert keywords == set(pygments_lexer.STATEMENT_KEYWORDS) | set(pygments_lexer.OPTION_KEYWORDS)
    assert len(pygments_lexer.STATEMENT_KEYWORDS) == len(set(pygments_lexer.STATEMENT_KEYWORDS))
    assert literals - keywords == set(pygments_lexer.ARROWS) | {pygments_lexer.RANGE, pygments_lexer.SEPARATOR}


@pytest.mark.parametrize("terminal", ["NAME", "NUMWORD", "AMOUNT", "VERSION", "SCORE", "VALUE"])
def test_terminals_are_the_grammars(terminal):
    (pattern,) = re.findall(rf"^{terminal}: /(.*)/$", GRAMMAR, flags=re.M)
    assert getattr(pygments_lexer, terminal) == pattern


def test_blanks_are_the_grammars():
    (ignored,) = re.findall(r"^%ignore /(.*)/$", GRAMMAR, flags=re.M)
    assert pygments_lexer.SPACE == ignored


def test_fixed_values_are_the_models():
    assert set(pygments_lexer.LANES) == {lane.value for lane in Lane}
    assert set(pygments_lexer.LINES) == {line.value for line in Line}
    assert set(pygments_lexer.SEVERITIES) == {severity.value for severity in Severity}
    assert set(pygments_lexer.STATES) == {state.value for state in State}
    assert set(pygments_lexer.LANGUAGES) == {language.value for language in Language} | {"zh-Hans"}


def test_the_lexer_needs_neither_lark_nor_the_model():
    # Pygments loads it in processes that only highlight: none of the package's
    # heavy imports may come with it.
    script = (
        "import sys\n"
        "for blocked in ('lark', 'pydantic', 'jinja2', 'click'):\n"
        "    sys.modules[blocked] = None\n"
        "from pygments.lexers import get_lexer_by_name\n"
        "lexer = get_lexer_by_name('service-blueprint')\n"
        "print(type(lexer).__module__, [str(kind) for kind, _ in lexer.get_tokens('step s \"S\"')][:3])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(None, 1) == [
        "blueprint.integrations.pygments_lexer", "['Token.Keyword', 'Token.Text.Whitespace', 'Token.Name.Label']\n"]


def test_a_carriage_return_ends_a_string_as_it_does_for_the_checker():
    # The grammar's strings stop at a carriage return (BP102); the lexer marks
    # what follows as an error rather than colouring it as the string.
    tokens = list(BlueprintLexer().get_tokens('blueprint "A\rB"\n'))
    strings = "".join(value for token, value in tokens if token in String)
    assert "\r" not in strings and "B" not in strings


def test_the_practitioners_statements_are_highlighted():
    text = ('role agent "Insurance agent" staff\nchannel wechat "WeChat"\nstep s "S"\n  via branch "In person"\n'
            '  key "First impression"\n  customer a "A"\n    by agent\n    decision "Approve?"\n')
    found = tokens(text)
    assert (Keyword, "role") in found and (Name.Variable, "agent") in found and (Name.Constant, "staff") in found
    assert (Keyword, "channel") in found and (Name.Variable, "wechat") in found
    assert (Keyword, "via") in found and (Name.Constant, "branch") in found
    assert (Keyword, "key") in found and (Keyword, "decision") in found and (Keyword, "by") in found
    assert not any(kind is Error for kind, _ in found)
