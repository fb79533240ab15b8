"""`blueprint render` end to end, through the installed console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from blueprint.cli.render import FORMATS as CLI_FORMATS
from blueprint.cli.render import THEMES as CLI_THEMES
from blueprint.render import FORMATS, THEMES

from ..conftest import ROOT

BLUEPRINT = shutil.which("blueprint", path=str(Path(sys.executable).parent)) or "blueprint"
GOOD = 'blueprint "Deposit"\nstep s "Hand over cash"\n  customer c "Hands over the cash"\n  onstage o "Teller counts it"\n  c -> o\n'
CHINESE = 'blueprint "存款"\nlang zh\nstep s "柜台办理"\n  customer c "递交现金"\n  onstage o "柜员点钞"\n  c -> o\n'
WARN = GOOD + '  support core "Core"\n'
BAD = 'blueprint "T"\nstep s "S"\n  custmer c "C"\n'
BAD_REPORT = (
    "bad.bp:3:3: error[BP104]: found the lane 'custmer'; expected customer, onstage, backstage, support, preparation, management or evidence\n"
    "  |\n"
    '3 |   custmer c "C"\n'
    "  |   ^^^^^^^\n"
    "  = hint: did you mean 'customer'?\n"
    "\n"
    "2 files checked: 1 error, 0 warnings\n"
)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([BLUEPRINT, *args], cwd=cwd, capture_output=True, env=env, timeout=300)


def out(result: subprocess.CompletedProcess) -> str:
    return result.stdout.decode("utf-8")


def err(result: subprocess.CompletedProcess) -> str:
    return result.stderr.decode("utf-8")


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(tmp_path, "deposit.bp", GOOD)
    write(tmp_path, "branch/deposit.bp", GOOD.replace("Deposit", "Branch deposit"))
    write(tmp_path, "branch/zh/存款.bp", CHINESE)
    return tmp_path


def test_cli_choices_are_the_renderers():
    assert (CLI_FORMATS, CLI_THEMES) == (FORMATS, THEMES)


def test_single_file_is_written_beside_it(tree):
    result = run("render", "deposit.bp", cwd=tree)
    assert (result.returncode, out(result), err(result)) == (0, "", "wrote deposit.svg\n")
    assert (tree / "deposit.svg").read_text(encoding="utf-8").lstrip().startswith(("<svg", "<?xml"))


def test_chinese_file_name_and_labels(tree):
    result = run("render", "branch/zh/存款.bp", "-f", "dot", cwd=tree)
    assert (result.returncode, err(result)) == (0, "wrote branch/zh/存款.dot\n")
    assert '"递交现金"' in (tree / "branch/zh/存款.dot").read_text(encoding="utf-8")


def test_output_file_and_format_from_its_suffix(tree):
    result = run("render", "deposit.bp", "-o", "site/page.html", cwd=tree)
    assert (result.returncode, err(result)) == (0, "wrote site/page.html\n")
    assert "<html" in (tree / "site/page.html").read_text(encoding="utf-8").lower()


def test_format_flag_wins_over_the_default(tree):
    assert run("render", "deposit.bp", "-f", "dot", "-o", "graph", cwd=tree).returncode == 0
    assert (tree / "graph").read_text(encoding="utf-8").startswith("digraph blueprint {")


def test_flag_and_suffix_that_disagree_exit_two(tree):
    result = run("render", "deposit.bp", "-f", "png", "-o", "out.svg", cwd=tree)
    assert result.returncode == 2
    assert err(result) == "blueprint: error: -o out.svg looks like svg, but the format asked for is png\n"
    assert not (tree / "out.svg").exists()


def test_several_files_into_a_directory(tree):
    result = run("render", "deposit.bp", "branch/zh/存款.bp", "-o", "out", "-f", "dot", cwd=tree)
    assert result.returncode == 0, err(result)
    assert err(result) == "wrote out/deposit.dot\nwrote out/存款.dot\n"
    assert sorted(files(tree / "out")) == ["deposit.dot", "存款.dot"]


def test_directory_input_mirrors_subfolders(tree):
    result = run("render", ".", "-o", "site", "--theme", "dark", cwd=tree)
    assert result.returncode == 0, err(result)
    assert sorted(files(tree / "site")) == ["branch/deposit.svg", "branch/zh/存款.svg", "deposit.svg"]
    assert out(result) == ""


def test_directory_input_without_output_writes_beside_each(tree):
    result = run("render", "branch", "-f", "dot", cwd=tree)
    assert result.returncode == 0, err(result)
    assert err(result) == "wrote branch/deposit.dot\nwrote branch/zh/存款.dot\n"


def test_same_named_files_given_directly_are_refused(tree):
    result = run("render", "deposit.bp", "branch/deposit.bp", "-o", "out", cwd=tree)
    assert result.returncode == 2
    assert "would both be written to out/deposit.svg" in err(result)
    assert not (tree / "out").exists()


def test_standard_output(tree):
    before = files(tree)
    result = run("render", "deposit.bp", "-f", "dot", "-o", "-", cwd=tree)
    assert (result.returncode, err(result)) == (0, "")
    assert out(result).startswith("digraph blueprint {")
    assert files(tree) == before


def test_invalid_input_writes_nothing_and_reports_like_check(tree):
    write(tree, "more/bad.bp", BAD)
    write(tree, "more/good.bp", GOOD)
    before = files(tree)
    result = run("render", "good.bp", "bad.bp", "-o", "../site", cwd=tree / "more")
    assert result.returncode == 1
    assert out(result) == ""
    assert err(result) == BAD_REPORT
    assert files(tree) == before
    assert not (tree / "site").exists()


def test_warnings_are_shown_but_do_not_block(tree):
    write(tree, "warn.bp", WARN)
    result = run("render", "warn.bp", cwd=tree)
    assert result.returncode == 0
    assert "warning[BP304]" in err(result) and err(result).endswith("wrote warn.svg\n")
    assert out(result) == ""


def test_existing_output_is_not_replaced_without_force(tree):
    (tree / "branch/zh/存款.svg").write_bytes(b"mine")
    before = files(tree)
    result = run("render", "branch", cwd=tree)
    assert result.returncode == 2
    assert err(result) == "blueprint: error: branch/zh/存款.svg already exists; use --force to replace\n"
    assert files(tree) == before


def test_force_replaces(tree):
    (tree / "deposit.svg").write_bytes(b"mine")
    result = run("render", "deposit.bp", "--force", cwd=tree)
    assert (result.returncode, err(result)) == (0, "wrote deposit.svg\n")
    assert (tree / "deposit.svg").read_bytes() != b"mine"
    assert sorted(files(tree)) == ["branch/deposit.bp", "branch/zh/存款.bp", "deposit.bp", "deposit.svg"]


def test_force_writes_through_a_symbolic_link_to_its_target(tree):
    # The drawing replaces the file the link points to, in that file's
    # folder; the link stays a link (it used to become a plain file, and the
    # target was left as it was).
    (tree / "site").mkdir()
    (tree / "site/deposit.svg").write_bytes(b"old")
    (tree / "site/deposit.svg").chmod(0o640)
    (tree / "deposit.svg").symlink_to("site/deposit.svg")
    refused = run("render", "deposit.bp", cwd=tree)
    assert (refused.returncode, err(refused)) == (2, "blueprint: error: deposit.svg already exists; use --force to replace\n")
    result = run("render", "deposit.bp", "--force", cwd=tree)
    assert (result.returncode, err(result)) == (0, "wrote deposit.svg\n")
    assert os.readlink(tree / "deposit.svg") == "site/deposit.svg"
    assert (tree / "site/deposit.svg").read_bytes().startswith(b"<?xml")
    assert sorted(path.name for path in (tree / "site").iterdir()) == ["deposit.svg"]  # no temporary left


def test_a_link_that_points_nowhere_counts_as_a_file_and_force_creates_its_target(tree):
    (tree / "deposit.svg").symlink_to("drawings/deposit.svg")
    (tree / "drawings").mkdir()
    refused = run("render", "deposit.bp", cwd=tree)
    assert (refused.returncode, err(refused)) == (2, "blueprint: error: deposit.svg already exists; use --force to replace\n")
    assert not (tree / "drawings/deposit.svg").exists()
    result = run("render", "deposit.bp", "--force", cwd=tree)
    assert result.returncode == 0, err(result)
    assert (tree / "deposit.svg").is_symlink() and (tree / "drawings/deposit.svg").read_bytes().startswith(b"<?xml")


def test_input_is_never_overwritten_even_with_force(tree):
    result = run("render", "deposit.bp", "-o", "deposit.bp", "--force", cwd=tree)
    assert result.returncode == 2
    assert "deposit.bp is an input" in err(result)
    assert (tree / "deposit.bp").read_text(encoding="utf-8") == GOOD


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "pdf"), "Invalid value for '-f' / '--format': 'pdf' is not one of 'svg', 'html', 'png', 'dot'."),
        (("--theme", "neon"), "Invalid value for '--theme': 'neon' is not one of 'default', 'dark', 'print'."),
    ],
)
def test_unknown_format_or_theme_exits_two_without_traceback(tree, args, message):
    result = run("render", "deposit.bp", *args, cwd=tree)
    assert result.returncode == 2
    assert message in err(result)
    assert "Traceback" not in err(result)
    assert not (tree / "deposit.svg").exists()


def test_missing_input_exits_two(tree):
    result = run("render", "nope.bp", cwd=tree)
    assert (result.returncode, err(result)) == (2, "blueprint: error: no such file or directory: nope.bp\n")


def test_stdout_needs_a_single_file(tree):
    result = run("render", "branch", "-o", "-", cwd=tree)
    assert result.returncode == 2
    assert "give a single input file" in err(result)
    assert out(result) == ""


@pytest.mark.parametrize("output_format", ["svg", "html", "dot"])
def test_output_is_byte_identical_across_runs(tmp_path, output_format):
    first = run("render", str(ROOT / "examples"), "-o", str(tmp_path / "one"), "-f", output_format, cwd=tmp_path)
    second = run("render", str(ROOT / "examples"), "-o", str(tmp_path / "two"), "-f", output_format, cwd=tmp_path)
    assert first.returncode == second.returncode == 0, err(first)
    one, two = files(tmp_path / "one"), files(tmp_path / "two")
    site_index = 1 if output_format == "html" else 0  # a folder drawn as HTML is a site, with its index.html
    assert len(one) == len(list((ROOT / "examples").rglob("*.bp"))) + site_index
    assert one == two


def test_help_lists_the_command_and_its_options(tree):
    assert "render" in out(run("--help", cwd=tree))
    text = out(run("render", "--help", cwd=tree))
    for option in ("--output", "--format", "--theme", "--force", "Examples:"):
        assert option in text


def test_png(tree):
    pytest.importorskip("resvg_py", reason="PNG output needs the png extra")
    first = run("render", "branch/zh/存款.bp", "-o", "one.png", cwd=tree)
    second = run("render", "branch/zh/存款.bp", "-o", "two.png", cwd=tree)
    assert (first.returncode, err(first)) == (0, "wrote one.png\n")
    assert (tree / "one.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert (tree / "one.png").read_bytes() == (tree / "two.png").read_bytes()


def test_png_without_the_extra_exits_two_with_the_install_hint(tree, tmp_path_factory):
    # A module that fails to import stands in for the missing rasteriser.
    shadow = tmp_path_factory.mktemp("without-png")
    (shadow / "resvg_py.py").write_text("raise ImportError(\"No module named 'resvg_py'\", name='resvg_py')\n")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(shadow)}
    result = subprocess.run([BLUEPRINT, "render", "deposit.bp", "-f", "png"], cwd=tree, capture_output=True,
                            env=env, timeout=300)
    assert result.returncode == 2
    assert err(result).startswith("blueprint: error: PNG output needs the optional png extra (resvg_py is missing)")
    assert "pip install" in err(result) and "Traceback" not in err(result)
    assert not (tree / "deposit.png").exists()
