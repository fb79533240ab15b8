"""The findings across files, each with real files: a missing detail, a
malformed path, a cycle, a detail whose lanes contradict its parent, a
detail with errors and a file the root does not reach; pinned in English
and in Chinese. And the command: checking one file follows its details,
checking a folder reads each file once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from blueprint.api import check_file, check_project, check_with_details, project_facts
from blueprint.catalogue import DEFAULT_CODES
from blueprint.cli import check as check_cli

ALL = DEFAULT_CODES | {"BP340", "BP341"}

OPEN = '''blueprint "Open an account"

step apply "Apply"
  detail "checks/identity.bp"
  customer fill "Fills in the form"
  onstage take "Takes the form"
  backstage score "Scores the risk"
    detail "risk.bp"
  fill -> take -> score
'''
IDENTITY = '''blueprint "Identity check"

step show "Show the ID"
  customer hand "Hands over the ID card"
  onstage read "Reads the chip"
  hand -> read
'''
RISK = '''blueprint "Risk scoring"

step score "Score"
  backstage rules "Runs the rules"
  support bureau "Credit bureau answers"
  rules -> bureau
'''
PINNED_ACROSS_FILES = frozenset({"BP240", "BP241", "BP242", "BP243", "BP244", "BP340", "BP341"})


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def findings(folder: Path, *names: str, root: str | None = None, language: str = "en") -> list[tuple]:
    checked = []
    for name in names:
        result = check_file(folder / name, ALL, name=(folder / name).as_posix())
        checked.append((result.localized(language), project_facts(result)))
    results = check_project(checked, ALL, None if root is None else (folder / root).as_posix())
    return [(Path(d.file).relative_to(folder).as_posix(), d.span.line, d.span.column, d.code, d.message, d.hint)
            for result in results for d in result.diagnostics]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, {"open.bp": OPEN, "checks/identity.bp": IDENTITY, "risk.bp": RISK})
    return tmp_path


def test_a_sound_tree_has_no_findings_and_each_file_is_read_once(project):
    results = check_project([(check_file(project / "open.bp"), project_facts(check_file(project / "open.bp")))], ALL)
    assert [Path(r.name).name for r in results] == ["open.bp", "identity.bp", "risk.bp"]
    assert [d for r in results for d in r.diagnostics] == []


def test_a_missing_detail(project):
    (project / "risk.bp").unlink()
    assert findings(project, "open.bp") == [
        ("open.bp", 8, 12, "BP240", f"the detail 'risk.bp' does not exist (looked for {project.as_posix()}/risk.bp)",
         "a detail's path is relative to the file that names it")]


@pytest.mark.parametrize("path, problem", [
    ("checks\\\\identity.bp", "is not a relative path with forward slashes"),
    ("/srv/identity.bp", "is not a relative path with forward slashes"),
    ("https://example.org/identity.bp", "is not a relative path with forward slashes"),
    ("checks/identity.txt", "is not a .bp file"),
])
def test_a_detail_path_of_the_wrong_form(project, path, problem):
    write(project, {"open.bp": OPEN.replace('"checks/identity.bp"', f'"{path}"')})
    written = path.replace("\\\\", "\\")
    assert findings(project, "open.bp") == [
        ("open.bp", 4, 10, "BP241", f"the detail '{written}' {problem}",
         'write it relative to this file, with forward slashes: detail "checks/identity-check.bp"')]


def test_a_cycle_is_reported_once_with_its_way(project):
    write(project, {"checks/identity.bp": IDENTITY.replace('  onstage read "Reads the chip"\n',
                                                           '  onstage read "Reads the chip"\n    detail "../open.bp"\n')})
    found = findings(project, "open.bp")
    assert [f[:4] for f in found] == [("checks/identity.bp", 6, 12, "BP242")]
    assert found[0][4] == (f"this detail closes a cycle: {project.as_posix()}/open.bp → {project.as_posix()}/checks/"
                           f"identity.bp → {project.as_posix()}/open.bp")


def test_in_the_editor_a_cycle_shows_at_the_documents_own_reference_that_leads_back(project):
    write(project, {"checks/identity.bp": IDENTITY.replace('  onstage read "Reads the chip"\n',
                                                           '  onstage read "Reads the chip"\n    detail "../open.bp"\n')})
    result = check_file(project / "open.bp", ALL, name=(project / "open.bp").as_posix())
    loaded = []

    def load(name: str):
        loaded.append(Path(name).relative_to(project).as_posix())
        return project_facts(check_file(name, ALL))

    shown, read = check_with_details(result, load, ALL)
    assert [(d.span.line, d.span.column, d.code) for d in shown.diagnostics] == [(4, 10, "BP242")]
    base = project.as_posix()
    assert shown.diagnostics[0].message == (f"this detail closes a cycle: {base}/open.bp → {base}/checks/identity.bp"
                                            f" → {base}/open.bp")
    assert loaded == ["checks/identity.bp", "risk.bp"]
    assert [Path(name).relative_to(project).as_posix() for name in read] == loaded


def test_in_the_editor_a_cycle_further_down_is_its_own_files_and_not_the_documents(project):
    write(project, {"risk.bp": RISK.replace('  support bureau "Credit bureau answers"\n',
                                            '  support bureau "Credit bureau answers"\n    detail "loop.bp"\n'),
                    "loop.bp": RISK.replace('  backstage rules "Runs the rules"\n',
                                            '  backstage rules "Runs the rules"\n    detail "risk.bp"\n')})
    result = check_file(project / "open.bp", ALL, name=(project / "open.bp").as_posix())
    shown, _ = check_with_details(result, lambda name: project_facts(check_file(name, ALL)), ALL)
    assert shown.diagnostics == ()
    assert [f[:4] for f in findings(project, "open.bp")] == [("loop.bp", 5, 12, "BP242")]  # check: where it closes


def test_a_backstage_detail_with_customer_actions_contradicts_its_parent(project):
    write(project, {"risk.bp": RISK.replace('  backstage rules', '  customer answer "Answers questions"\n'
                                                                  '  onstage ask "Asks"\n  backstage rules')})
    assert findings(project, "open.bp") == [
        ("open.bp", 8, 12, "BP243",
         "'score' is behind the line of visibility, but its detail 'risk.bp' has customer actions (answer)",
         "draw the customer's part in this blueprint, or detail a step the customer takes part in")]


def test_a_customer_only_step_detailed_without_the_customer_is_a_practice_finding(project):
    write(project, {"open.bp": OPEN.replace('  customer fill "Fills in the form"\n',
                                            '  customer fill "Fills in the form"\n    detail "risk.bp"\n')})
    assert [f[:4] for f in findings(project, "open.bp")] == [("open.bp", 6, 12, "BP340")]


def test_a_detail_with_errors_is_reported_in_its_file_and_at_the_reference(project):
    write(project, {"risk.bp": RISK.replace("backstage rules", "backstge rules")})
    found = findings(project, "open.bp")
    assert [f[:4] for f in found] == [("open.bp", 8, 12, "BP244"), ("risk.bp", 4, 3, "BP104")]
    assert found[0][4] == "the detail 'risk.bp' has an error of its own, reported in that file"


def test_with_a_root_a_file_it_does_not_reach_is_an_orphan(project):
    write(project, {"lone.bp": IDENTITY})
    found = findings(project, "checks/identity.bp", "lone.bp", "open.bp", "risk.bp", root="open.bp")
    assert found == [("lone.bp", 1, 1, "BP341", f"this blueprint is not reached from the project's root "
                      f"{project.as_posix()}/open.bp",
                      "name it with `detail` under the step it details, or remove it from the project")]


def test_the_findings_speak_chinese(project):
    (project / "risk.bp").unlink()
    found = findings(project, "open.bp", language="zh")
    assert found[0][4] == f"细化蓝图“risk.bp”不存在（查找的是 {project.as_posix()}/risk.bp）"


def test_checking_one_file_reports_a_missing_detail_and_the_details_own_findings(project, monkeypatch):
    write(project, {"risk.bp": RISK.replace("backstage rules", "backstge rules"),
                    "checks/identity.bp": IDENTITY.replace('"Show the ID"', '"Show the ID"\n  detail "gone.bp"')})
    monkeypatch.chdir(project)
    done = CliRunner().invoke(check_cli.command, ["--no-config", "--format", "json", "open.bp"])
    assert done.exit_code == 1
    found = [(d["file"], d["code"]) for d in json.loads(done.output)["diagnostics"]]
    # identity.bp's missing detail is a finding across files, not an error of its own: open.bp does not repeat it.
    assert found == [("open.bp", "BP244"), ("checks/identity.bp", "BP240"), ("risk.bp", "BP104")]


def test_checking_a_folder_reads_each_file_once_with_the_root_from_blueprint_toml(project, monkeypatch):
    write(project, {"lone.bp": IDENTITY, "blueprint.toml": 'root = "open.bp"\n'})
    monkeypatch.chdir(project)
    done = CliRunner().invoke(check_cli.command, ["--format", "json", "--extend-select", "BP341", "."])
    report = json.loads(done.output)
    assert [(d["file"], d["code"]) for d in report["diagnostics"]] == [("lone.bp", "BP341")]
    assert done.exit_code == 0


def test_a_root_that_names_no_file_is_a_usage_error(project, monkeypatch):
    write(project, {"blueprint.toml": 'root = "gone.bp"\n'})
    monkeypatch.chdir(project)
    done = CliRunner().invoke(check_cli.command, ["."])
    assert done.exit_code == 2
    assert "root = 'gone.bp' names no .bp file" in done.output
