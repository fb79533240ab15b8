"""`blueprint new`: the starter files teach the whole language and check clean."""

from __future__ import annotations

import itertools
import re

import pytest

from blueprint.api import check_text, format_text, render_result, starter
from blueprint.catalogue import CODES
from blueprint.format.lines import LineKind, read_line
from blueprint.model.types import Language
from blueprint.scaffold import ScaffoldError, file_name_for, title_for

from .test_fmt import documented, run, snapshot

ALL_CODES = frozenset(code.code for code in CODES)
COMBINATIONS = list(itertools.product(["en", "zh", "zh-Hant"], ["current", "future"]))
IDS = [f"{lang}-{state}" for lang, state in COMBINATIONS]
STATEMENT_RULES = {
    "title", "description_header", "segment_header", "owner_header", "version_header", "state_header",
    "lang_header", "max_wait_header", "lane_label", "line_label", "phase", "step", "item", "fail", "wait",
    "duration", "cost", "note", "link", "flow",
}  # every alternative of `statement` in grammar/blueprint.lark
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(("lang", "state"), COMBINATIONS, ids=IDS)
def test_starter_checks_clean_with_every_rule_on(lang, state):
    made = starter("account-opening", lang, state)
    result = check_text(made.text, made.file_name, ALL_CODES)
    assert result.diagnostics == ()
    assert result.blueprint.lang.value == lang and result.blueprint.state.value == state


@pytest.mark.parametrize(("lang", "state"), COMBINATIONS, ids=IDS)
def test_starter_is_already_formatted(lang, state):
    made = starter("account-opening", lang, state)
    result = format_text(made.text)
    assert result.ok and not result.changed


@pytest.mark.parametrize(("lang", "state"), COMBINATIONS, ids=IDS)
def test_starter_renders(lang, state):
    made = starter("account-opening", lang, state)
    svg = render_result(check_text(made.text, made.file_name), "svg").decode("utf-8")
    assert "<svg" in svg and "Account opening" in svg


@pytest.mark.parametrize(("lang", "state"), COMBINATIONS, ids=IDS)
def test_starter_shows_every_construct_with_a_comment(lang, state):
    text = starter("account-opening", lang, state).text
    lines = [read_line(line) for line in text.split("\n")]
    statements = [line for line in lines if line.kind is LineKind.STATEMENT]
    assert {line.rule for line in statements} == STATEMENT_RULES
    items = {line.tokens[0] for line in statements if line.rule == "item"}
    assert items == {"evidence", "customer", "onstage", "backstage", "support"}
    flows = [line.tokens for line in statements if line.rule == "flow"]
    assert {token for tokens in flows for token in tokens if "-" in token and ">" in token} == {"->", "-->", "<->"}
    labelled_chains = [tokens for tokens in flows if len(tokens) >= 6 and tokens[3].startswith('"')]
    assert any(tokens[-1].startswith('"') for tokens in labelled_chains), "a chain with a label after each arrow"
    fail = next(line.tokens for line in statements if line.rule == "fail")
    assert "severity" in fail and "recover" in fail
    wait = next(line.tokens for line in statements if line.rule == "wait")
    assert ".." in wait and wait[-1].startswith('"')
    comments = [line for line in lines if line.kind is LineKind.COMMENT]
    assert len(comments) >= 20


def test_chinese_starter_speaks_chinese():
    text = starter("开户", "zh").text
    lines = [read_line(line) for line in text.split("\n")]
    comments = [line.comment for line in lines if line.comment and line.comment != "#"]
    assert comments and all(CJK.search(comment) for comment in comments)
    labels = [token for line in lines for token in line.tokens if token.startswith('"') and token != '"0.1"']
    assert all(CJK.search(label) for label in labels if not label.startswith('"https'))
    assert 'blueprint "开户"' in text and "lang zh" in text


def test_english_starter_speaks_english():
    text = starter("account-opening").text
    assert not CJK.search(text)
    assert 'blueprint "Account opening"' in text and "lang en" in text and "state current" in text


@pytest.mark.parametrize(
    ("name", "file_name", "title"),
    [
        ("cash-deposit", "cash-deposit.bp", "Cash deposit"),
        ("cash_deposit.bp", "cash_deposit.bp", "Cash deposit"),
        ("开户", "开户.bp", "开户"),
        ('say "hi"', 'say "hi".bp', 'Say "hi"'),
        ("-", "-.bp", "New service"),
    ],
)
def test_file_name_and_title(name, file_name, title):
    assert file_name_for(name) == file_name
    assert title_for(file_name_for(name), Language.EN) == title
    made = starter(name)
    assert check_text(made.text, made.file_name, ALL_CODES).diagnostics == ()


@pytest.mark.parametrize("name", ["", " ", ".bp", "flows/deposit", "a\\b", "tab\there"])
def test_names_that_cannot_name_a_file_are_refused(name):
    with pytest.raises(ScaffoldError):
        file_name_for(name)


# --- the command ---------------------------------------------------------------------
def test_new_writes_a_starter_that_checks_clean_strictly(tmp_path):
    result = run("new", "account-opening", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "wrote account-opening.bp\n")
    assert (tmp_path / "account-opening.bp").read_text(encoding="utf-8") == starter("account-opening").text
    checked = run("check", "--strict", "--select", "BP", "account-opening.bp", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (0, "1 file checked: no problems\n")
    assert run("fmt", "--check", "account-opening.bp", cwd=tmp_path).returncode == 0


def test_new_in_chinese_future_into_a_new_folder(tmp_path):
    result = run("new", "开户.bp", "--lang", "zh", "--state", "future", "-o", "drafts/", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "wrote drafts/开户.bp\n")
    text = (tmp_path / "drafts" / "开户.bp").read_text(encoding="utf-8")
    assert text == starter("开户", "zh", "future").text
    assert run("check", "--strict", "--select", "BP", "drafts", cwd=tmp_path).returncode == 0


def test_new_never_overwrites(tmp_path):
    (tmp_path / "deposit.bp").write_text("mine\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run("new", "deposit", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "blueprint: error: deposit.bp already exists; choose another name or move that file first\n"
    assert snapshot(tmp_path) == before


def test_new_refuses_a_path_as_name_and_bad_choices(tmp_path):
    path = run("new", "flows/deposit", cwd=tmp_path)
    assert path.returncode == 2 and "choose the folder with -o DIR" in path.stderr
    assert run("new", "x", "--lang", "fr", cwd=tmp_path).returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_help_lists_new(tmp_path):
    lines = run("--help", cwd=tmp_path).stdout.splitlines()
    assert any(line.split(None, 1) == ["new", "Start a new blueprint from a commented sample."] for line in lines)


def test_new_is_documented_with_a_tested_example():
    documented("new", ["--lang", "--state", "-o", "--output-dir", "-h"])
