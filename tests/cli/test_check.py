"""`blueprint check` end to end, through the installed console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

BLUEPRINT = shutil.which("blueprint", path=str(Path(sys.executable).parent)) or "blueprint"
GOOD = 'blueprint "T"\nstep s "S"\n  customer c "C"\n  onstage o "O"\n  c -> o\n'
WARN = GOOD + '  support core "Core"\n'
BAD = 'blueprint "T"\nstep s "S"\n  custmer c "C"\n'


def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [BLUEPRINT, *args], cwd=cwd, input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "good.bp").write_text(GOOD, encoding="utf-8")
    (tmp_path / "warn.bp").write_text(WARN, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.bp").write_text(BAD, encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "ignored.bp").write_text("garbage", encoding="utf-8")
    return tmp_path


def test_clean_file_exits_zero(tree):
    result = run("check", "good.bp", cwd=tree)
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 file checked: no problems\n", "")


def test_warnings_pass_unless_strict(tree):
    assert run("check", "warn.bp", cwd=tree).returncode == 0
    assert run("check", "--strict", "warn.bp", cwd=tree).returncode == 1


def test_errors_exit_one_with_full_text_report(tree):
    result = run("check", "sub/bad.bp", cwd=tree)
    assert result.returncode == 1
    assert result.stdout == (
        "sub/bad.bp:3:3: error[BP104]: found the lane 'custmer'; expected customer, onstage, backstage, support, preparation, management or evidence\n"
        "  |\n"
        '3 |   custmer c "C"\n'
        "  |   ^^^^^^^\n"
        "  = hint: did you mean 'customer'?\n"
        "\n"
        "1 file checked: 1 error, 0 warnings\n"
    )


def test_directory_is_searched_and_hidden_folders_skipped(tree):
    result = run("check", "--format", "json", ".", cwd=tree)
    report = json.loads(result.stdout)
    assert report["summary"] == {"files": 3, "errors": 1, "warnings": 1}
    assert {d["file"] for d in report["diagnostics"]} == {"sub/bad.bp", "warn.bp"}
    assert report["diagnostics"][0] == {
        "file": "sub/bad.bp", "line": 3, "column": 3, "end_line": 3, "end_column": 10, "code": "BP104",
        "name": "unknown-lane", "severity": "error",
        "message": "found the lane 'custmer'; expected customer, onstage, backstage, support, preparation, management or evidence",
        "hint": "did you mean 'customer'?",
    }


def test_github_annotations(tree):
    result = run("check", "--format", "github", "sub/bad.bp", "warn.bp", cwd=tree)
    assert result.stdout.splitlines() == [
        "::error file=sub/bad.bp,line=3,col=3,endLine=3,endColumn=10,title=BP104 unknown-lane::"
        "found the lane 'custmer'; expected customer, onstage, backstage, support, preparation, management or evidence%0Ahint: did you mean 'customer'?",
        "::warning file=warn.bp,line=6,col=11,endLine=6,endColumn=15,title=BP304 unconnected-support::"
        "found the support action 'core' connected to no flow%0Ahint: connect it, e.g. SOME_ACTION -> core",
    ]


def test_sarif_report(tree):
    result = run("check", "--format", "sarif", ".", cwd=tree)
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:3] == ["BP100", "BP101", "BP102"]
    first = run_["results"][0]
    assert first["ruleId"] == "BP104" and rules[first["ruleIndex"]]["id"] == "BP104"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 3, "endLine": 3, "endColumn": 10
    }
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sub/bad.bp"


def test_rule_selection_from_flags(tree):
    assert run("check", "--strict", "--ignore", "BP304", "warn.bp", cwd=tree).returncode == 0
    result = run("check", "--extend-select", "BP305", "good.bp", cwd=tree)
    assert "BP305" in result.stdout


def test_rule_selection_from_pyproject(tree):
    (tree / "pyproject.toml").write_text('[tool.blueprint]\nstrict = true\nignore = ["BP304"]\n')
    assert run("check", "warn.bp", cwd=tree).returncode == 0
    (tree / "pyproject.toml").write_text('[tool.blueprint]\nstrict = true\nextend-select = ["BP305"]\n')
    assert run("check", "good.bp", cwd=tree).returncode == 1
    assert run("check", "--no-config", "good.bp", cwd=tree).returncode == 0


@pytest.mark.parametrize(
    "config, message",
    [
        ('[tool.blueprint]\nignore = ["BP201"]\n',
         "'BP201' names only errors; errors always apply, only BP3xx warnings can be selected or ignored"),
        ('[tool.blueprint]\nselect = ["XX1"]\n',
         "'XX1' matches no diagnostic code (codes look like BP302, or a prefix like BP3)"),
        ('[tool.blueprint]\nstrictt = true\n', "strictt: Extra inputs are not permitted"),
    ],
)
def test_bad_configuration_is_a_usage_error(tree, config, message):
    (tree / "pyproject.toml").write_text(config)
    result = run("check", "good.bp", cwd=tree)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_path_is_a_usage_error(tree):
    result = run("check", "nope.bp", cwd=tree)
    assert (result.returncode, result.stderr) == (2, "blueprint: error: no such file or directory: nope.bp\n")


def test_directory_without_blueprints_is_a_usage_error(tmp_path):
    result = run("check", ".", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "blueprint: error: no .bp files in .\n")


def test_unknown_option_is_a_usage_error(tree):
    assert run("check", "--frobnicate", "good.bp", cwd=tree).returncode == 2


def test_stdin(tree):
    result = run("check", "-", cwd=tree, stdin=BAD)
    assert result.returncode == 1
    assert result.stdout.startswith("<stdin>:3:3: error[BP104]")


def test_examples_check_clean_from_the_command_line():
    result = run("check", "examples", cwd=ROOT)
    assert result.returncode == 0, result.stdout
    assert "0 errors" in result.stdout or "no problems" in result.stdout


def test_version_and_help():
    assert run("--version").stdout.startswith("blueprint, version ")
    top = run("--help").stdout
    assert "check" in top and "Service blueprints as code" in top
    check_help = run("check", "--help").stdout
    for option in ("--format", "--strict", "--select", "--extend-select", "--ignore", "--config"):
        assert option in check_help


HANT_BAD = 'blueprint "T"\nlang zh-Hant\nstep s "S"\n  custmer c "C"\n'


def test_messages_follow_the_files_language_unless_one_is_asked_for(tmp_path):
    (tmp_path / "hant.bp").write_text(HANT_BAD, encoding="utf-8")
    (tmp_path / "en.bp").write_text(BAD, encoding="utf-8")
    own = run("check", "hant.bp", cwd=tmp_path)
    assert own.returncode == 1
    assert "hant.bp:4:3: error[BP104]: 泳道「custmer」不存在" in own.stdout
    assert "= hint: 是否想寫「customer」？" in own.stdout
    assert own.stdout.endswith("已檢查 1 個檔案：1 個錯誤，0 個警告\n")
    # Files in two languages: each finding in its own, the closing line in English.
    mixed = run("check", "hant.bp", "en.bp", cwd=tmp_path).stdout
    assert "泳道「custmer」" in mixed and "found the lane 'custmer'" in mixed
    assert mixed.endswith("2 files checked: 2 errors, 0 warnings\n")
    asked = run("check", "--messages", "zh-Hans", "hant.bp", "en.bp", cwd=tmp_path).stdout
    assert asked.count("泳道“custmer”不存在") == 2 and asked.endswith("已检查 2 个文件：2 个错误，0 个警告\n")
    english = run("check", "--messages", "en", "hant.bp", "--format", "json", cwd=tmp_path).stdout
    assert json.loads(english)["diagnostics"][0]["message"].startswith("found the lane 'custmer'")


def test_the_messages_setting_and_a_bad_language(tmp_path):
    (tmp_path / "en.bp").write_text(BAD, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.blueprint]\nmessages = "zh-Hant"\n', encoding="utf-8")
    result = run("check", "en.bp", cwd=tmp_path)
    assert "泳道「custmer」不存在" in result.stdout and result.stdout.endswith("已檢查 1 個檔案：1 個錯誤，0 個警告\n")
    assert run("check", "--messages", "en", "en.bp", cwd=tmp_path).stdout.endswith("1 file checked: 1 error, 0 warnings\n")
    wrong = run("check", "--messages", "fr", "en.bp", cwd=tmp_path)
    assert wrong.returncode == 2 and "'fr' is not a language messages are written in" in wrong.stderr
