"""`blueprint render --view overview` end to end, through the installed console script."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from blueprint.api import check_file, render_overview, render_result
from blueprint.render import THEMES

from ..conftest import ROOT
from .test_render import GOOD, err, files, run, write

KEYED = GOOD.replace('step s "Hand over cash"\n', 'phase "Pay in"\nstep s "Hand over cash"\n  key "First touch"\n')


def test_the_overview_is_written_beside_the_input_with_an_overview_suffix(tmp_path: Path) -> None:
    source = write(tmp_path, "deposit.bp", KEYED)
    result = run("render", "deposit.bp", "--view", "overview", cwd=tmp_path)
    assert result.returncode == 0, err(result)
    assert sorted(files(tmp_path)) == ["deposit-overview.svg", "deposit.bp"]
    assert err(result) == f"wrote {Path('deposit-overview.svg')}\n"
    drawn = (tmp_path / "deposit-overview.svg").read_bytes()
    assert drawn == render_overview(check_file(source, name="deposit.bp"), "svg")
    assert "Key steps" in "".join(ET.fromstring(drawn).itertext())


def test_the_full_view_is_the_default_and_keeps_its_name(tmp_path: Path) -> None:
    source = write(tmp_path, "deposit.bp", KEYED)
    assert run("render", "deposit.bp", cwd=tmp_path).returncode == 0
    assert run("render", "deposit.bp", "--view", "full", "--force", cwd=tmp_path).returncode == 0
    assert sorted(files(tmp_path)) == ["deposit.bp", "deposit.svg"]
    assert (tmp_path / "deposit.svg").read_bytes() == render_result(check_file(source, name="deposit.bp"), "svg")


def test_an_overview_and_the_full_drawing_stand_side_by_side(tmp_path: Path) -> None:
    write(tmp_path, "deposit.bp", KEYED)
    assert run("render", "deposit.bp", cwd=tmp_path).returncode == 0
    assert run("render", "deposit.bp", "--view", "overview", cwd=tmp_path).returncode == 0
    assert sorted(files(tmp_path)) == ["deposit-overview.svg", "deposit.bp", "deposit.svg"]


def test_a_directory_gets_an_overview_of_each_file(tmp_path: Path) -> None:
    write(tmp_path, "in/a.bp", KEYED)
    write(tmp_path, "in/sub/b.bp", KEYED)
    result = run("render", "in", "-o", "out", "--view", "overview", "-f", "html", cwd=tmp_path)
    assert result.returncode == 0, err(result)
    assert sorted(name for name in files(tmp_path) if name.startswith("out/")) == [
        "out/a-overview.html", "out/sub/b-overview.html"]


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_and_both_font_options_draw_an_overview(tmp_path: Path, theme: str) -> None:
    write(tmp_path, "deposit.bp", KEYED)
    for fonts in ("embed", "none"):
        result = run("render", "deposit.bp", "--view", "overview", "--theme", theme, "--fonts", fonts, "-o", "-",
                     cwd=tmp_path)
        assert result.returncode == 0, err(result)
        svg = result.stdout.decode()
        assert f"theme-{theme}" in svg and ".overview-column" in svg
        assert ("@font-face" in svg) is (fonts == "embed")


def test_dot_of_an_overview_is_the_graph_of_phases(tmp_path: Path) -> None:
    write(tmp_path, "deposit.bp", KEYED)
    result = run("render", "deposit.bp", "--view", "overview", "-f", "dot", "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, err(result)
    assert result.stdout.decode().startswith("digraph overview {")


def test_an_example_in_chinese(tmp_path: Path) -> None:
    result = run("render", str(ROOT / "examples" / "card-fraud-alert-zh.bp"), "--view", "overview", "-o", "-",
                 cwd=tmp_path)
    assert result.returncode == 0, err(result)
    text = "".join(ET.fromstring(result.stdout).itertext())
    assert "关键作业环节" in text and "失误点" in text and "等待点" in text


def test_an_overview_of_a_file_with_errors_writes_nothing(tmp_path: Path) -> None:
    write(tmp_path, "bad.bp", 'blueprint "T"\nstep s "S"\n  custmer c "C"\n')
    result = run("render", "bad.bp", "--view", "overview", cwd=tmp_path)
    assert result.returncode == 1
    assert "BP104" in err(result) and sorted(files(tmp_path)) == ["bad.bp"]


def test_an_unknown_view_and_a_compared_overview_are_usage_errors(tmp_path: Path) -> None:
    write(tmp_path, "a.bp", KEYED)
    write(tmp_path, "b.bp", KEYED)
    unknown = run("render", "a.bp", "--view", "summary", cwd=tmp_path)
    assert unknown.returncode == 2 and "'full', 'overview'" in err(unknown)
    compared = run("render", "--compare", "a.bp", "b.bp", "--view", "overview", cwd=tmp_path)
    assert compared.returncode == 2
    assert "--compare draws the full view; leave out --view" in err(compared)
    assert sorted(files(tmp_path)) == ["a.bp", "b.bp"]
