"""`blueprint fmt` end to end, through the installed console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

BLUEPRINT = shutil.which("blueprint", path=str(Path(sys.executable).parent)) or "blueprint"
MESSY = 'blueprint   "T"\r\n# the step\r\nstep s "S"   # first\r\ncustomer c "C"\r\n\r\n\r\nonstage o "O"\r\nc->o\r\n'
TIDY = 'blueprint "T"\n\n# the step\nstep s "S"  # first\n  customer c "C"\n\n  onstage o "O"\n  c -> o\n'
BAD = 'blueprint "T"\nstep s "S"\n  custmer c "C"\n'


def run(*args: str, cwd: Path, stdin: str | bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    done = subprocess.run([BLUEPRINT, *args], cwd=cwd, input=data, capture_output=True, env=env, timeout=120)
    done.stdout, done.stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    return done


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "messy.bp").write_bytes(MESSY.encode("utf-8"))
    (tmp_path / "tidy.bp").write_text(TIDY, encoding="utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file's content, inode and modification time: what a write would change."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_ino, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_rewrites_files_that_change_and_only_those(tree):
    tidy_before = snapshot(tree)["tidy.bp"]
    result = run("fmt", ".", cwd=tree)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "reformatted messy.bp\n1 file reformatted, 1 file left unchanged\n"
    assert (tree / "messy.bp").read_bytes() == TIDY.encode("utf-8")
    assert snapshot(tree)["tidy.bp"] == tidy_before
    assert sorted(p.name for p in tree.iterdir()) == ["messy.bp", "tidy.bp"]  # no temporary files left

    before = snapshot(tree)
    again = run("fmt", "messy.bp", "tidy.bp", cwd=tree)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "2 files left unchanged\n")
    assert snapshot(tree) == before


def test_check_lists_files_that_would_change_and_writes_nothing(tree):
    before = snapshot(tree)
    result = run("fmt", "--check", "messy.bp", "tidy.bp", cwd=tree)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "would reformat messy.bp\n1 file would be reformatted, 1 file already formatted\n"
    assert snapshot(tree) == before
    clean = run("fmt", "--check", "tidy.bp", cwd=tree)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "1 file already formatted\n")


def test_diff_prints_a_unified_diff_and_writes_nothing(tree):
    (tree / "messy.bp").write_text('blueprint  "T"\nstep s "S"\ncustomer c "C"', encoding="utf-8")
    before = snapshot(tree)
    result = run("fmt", "--diff", "messy.bp", "tidy.bp", cwd=tree)
    assert result.returncode == 1
    assert result.stdout == (
        "--- messy.bp\n"
        "+++ messy.bp\n"
        "@@ -1,3 +1,4 @@\n"
        '-blueprint  "T"\n'
        '+blueprint "T"\n'
        "+\n"
        ' step s "S"\n'
        '-customer c "C"\n'
        "\\ No newline at end of file\n"
        '+  customer c "C"\n'
    )
    assert result.stderr == "1 file would be reformatted, 1 file already formatted\n"
    assert snapshot(tree) == before
    clean = run("fmt", "--diff", "tidy.bp", cwd=tree)
    assert (clean.returncode, clean.stdout) == (0, "")


def test_a_file_with_errors_is_left_untouched_and_reported_as_check_reports_it(tree):
    (tree / "bad.bp").write_text(BAD, encoding="utf-8")
    bad_before = snapshot(tree)["bad.bp"]
    checked = run("check", "bad.bp", cwd=tree)
    result = run("fmt", "bad.bp", "messy.bp", cwd=tree)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "reformatted messy.bp\n" + checked.stdout + "1 file reformatted, 1 file not formatted because of errors\n"
    )
    assert snapshot(tree)["bad.bp"] == bad_before
    assert (tree / "messy.bp").read_text(encoding="utf-8") == TIDY


def test_brief_errors_names_a_file_with_errors_without_its_report(tree):
    # What the pre-commit hook runs: blueprint-check lists the errors, fmt must not list them again.
    (tree / "bad.bp").write_text(BAD + '  custmer d "D"\n', encoding="utf-8")
    result = run("fmt", "--brief-errors", "bad.bp", "messy.bp", cwd=tree)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("reformatted messy.bp\n"
                             "bad.bp: not formatted: it has 2 errors (blueprint check lists them)\n"
                             "1 file reformatted, 1 file not formatted because of errors\n")
    piped = run("fmt", "--brief-errors", "-", cwd=tree, stdin=BAD)
    assert (piped.returncode, piped.stdout) == (1, "")
    assert piped.stderr == "<stdin>: not formatted: it has 1 error (blueprint check lists them)\n"


def test_a_file_that_is_not_utf8_is_reported_not_rewritten(tree):
    (tree / "latin.bp").write_bytes('blueprint "Caf\xe9"\n'.encode("latin-1"))
    result = run("fmt", "latin.bp", cwd=tree)
    assert result.returncode == 1
    assert "error[BP100]" in result.stderr
    assert (tree / "latin.bp").read_bytes() == 'blueprint "Caf\xe9"\n'.encode("latin-1")


def test_stdin_is_formatted_to_stdout(tree):
    result = run("fmt", "-", cwd=tree, stdin=MESSY)
    assert (result.returncode, result.stdout, result.stderr) == (0, TIDY, "")
    assert snapshot(tree)["messy.bp"][0] == MESSY.encode("utf-8")


def test_stdin_with_check_or_diff(tree):
    assert run("fmt", "--check", "-", cwd=tree, stdin=TIDY).returncode == 0
    check = run("fmt", "--check", "-", cwd=tree, stdin=MESSY)
    assert (check.returncode, check.stdout) == (1, "")
    diff = run("fmt", "--diff", "-", cwd=tree, stdin='blueprint  "T"\nstep s "S"\n  customer c "C"\n')
    assert diff.returncode == 1
    assert diff.stdout.startswith("--- <stdin>\n+++ <stdin>\n@@ ")


def test_invalid_stdin_prints_diagnostics_to_stderr_and_nothing_to_stdout(tree):
    result = run("fmt", "-", cwd=tree, stdin=BAD)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == run("check", "-", cwd=tree, stdin=BAD).stdout


def test_a_bom_and_crlf_are_dropped(tree):
    (tree / "bom.bp").write_bytes(b"\xef\xbb\xbf" + TIDY.encode("utf-8"))
    assert run("fmt", "--check", "bom.bp", cwd=tree).returncode == 1
    assert run("fmt", "bom.bp", cwd=tree).returncode == 0
    assert (tree / "bom.bp").read_bytes() == TIDY.encode("utf-8")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and symbolic links")
def test_permissions_are_kept_and_a_link_is_written_through(tree):
    (tree / "messy.bp").chmod(0o640)
    (tree / "link.bp").symlink_to("messy.bp")
    result = run("fmt", "link.bp", cwd=tree)
    assert result.returncode == 0, result.stderr
    assert (tree / "link.bp").is_symlink()
    assert (tree / "messy.bp").read_text(encoding="utf-8") == TIDY
    assert (tree / "messy.bp").stat().st_mode & 0o777 == 0o640


def test_a_read_only_file_is_refused_though_its_folder_is_writable(tree):
    # Replacing a file needs only its folder to be writable: without the
    # check, fmt replaced a 0444 file and made it its own. The mode bits say
    # no to everyone, the superuser included.
    (tree / "messy.bp").chmod(0o444)
    before = snapshot(tree)
    result = run("fmt", ".", cwd=tree)
    assert (result.returncode, result.stderr) == (2, "blueprint: error: cannot write messy.bp: the file is read-only\n")
    assert snapshot(tree) == before
    assert (tree / "messy.bp").stat().st_mode & 0o777 == 0o444


def test_a_file_the_system_says_the_user_cannot_write_is_refused(tree, monkeypatch):
    # A file writable by its mode, but not by this user (another owner, an
    # access list): os.access says so. Asked in this process, so that the
    # answer can be the one an ordinary user would get, whoever runs the tests.
    from click.testing import CliRunner

    from blueprint.cli import main

    asked = []

    def access(path, mode, **kwargs):
        asked.append((Path(path).name, mode))
        return mode != os.W_OK

    monkeypatch.chdir(tree)
    monkeypatch.setattr(os, "access", access)
    before = snapshot(tree)
    done = CliRunner().invoke(main, ["fmt", "messy.bp"])
    assert (done.exit_code, done.stderr) == (2, "blueprint: error: cannot write messy.bp: the file is read-only\n")
    assert ("messy.bp", os.W_OK) in asked
    assert snapshot(tree) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="only the superuser can give a file to another user")
def test_the_owner_of_a_rewritten_file_is_kept(tree):
    os.chown(tree / "messy.bp", 4321, 4322)
    result = run("fmt", "messy.bp", cwd=tree)
    assert result.returncode == 0, result.stderr
    status = (tree / "messy.bp").stat()
    assert (status.st_uid, status.st_gid) == (4321, 4322)
    assert (tree / "messy.bp").read_text(encoding="utf-8") == TIDY


def test_usage_errors_exit_two(tree):
    missing = run("fmt", "nope.bp", cwd=tree)
    assert (missing.returncode, missing.stderr) == (2, "blueprint: error: no such file or directory: nope.bp\n")
    mixed = run("fmt", "-", "tidy.bp", cwd=tree, stdin=TIDY)
    assert mixed.returncode == 2 and "cannot be combined" in mixed.stderr
    assert run("fmt", cwd=tree).returncode == 2


def test_help_lists_fmt(tree):
    lines = run("--help", cwd=tree).stdout.splitlines()
    assert any(line.split(None, 1) == ["fmt", "Rewrite .bp files in the one canonical layout."] for line in lines)


# --- the documentation -------------------------------------------------------------
def _section(title: str) -> str:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def documented(command: str, flags: list[str]) -> None:
    """The command's section of docs/cli.md shows it at work and names every
    flag; tests/test_docs.py runs every console block there and compares the output."""
    section = _section(f"blueprint {command}")
    assert f"```console\n$ blueprint {command} " in section
    for flag in flags:
        assert f"`{flag}" in section, flag


def test_fmt_is_documented_with_a_tested_example():
    documented("fmt", ["--check", "--diff", "-h"])
