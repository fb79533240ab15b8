"""`blueprint render --scenario ID`: one scenario drawn alone."""

from __future__ import annotations

from .test_render import err, run

TEXT = ('blueprint "Account"\nscenario walk-in "Walk-in at a branch"\nscenario online "Online application"\n'
        'step s "Submit"\n  evidence "Form"\n  customer hand "Hands over the form"\n    only walk-in\n'
        '  customer upload "Uploads the form"\n    only online\n  onstage check "Checks the form"\n'
        '  hand -> check\n  upload -> check\n')


def test_a_scenario_is_drawn_alone_with_its_label_in_the_title(tmp_path):
    (tmp_path / "a.bp").write_text(TEXT, encoding="utf-8")
    result = run("render", "a.bp", "--scenario", "online", "-o", "online.svg", cwd=tmp_path)
    assert result.returncode == 0, err(result)
    drawing = (tmp_path / "online.svg").read_text(encoding="utf-8")
    assert "Uploads the form" in drawing and "Hands over the form" not in drawing
    assert "Account — Online application" in drawing
    whole = run("render", "a.bp", "-o", "all.svg", cwd=tmp_path)
    assert whole.returncode == 0
    assert "Hands over the form" in (tmp_path / "all.svg").read_text(encoding="utf-8")


def test_an_unknown_scenario_is_a_usage_error_naming_the_declared_ones(tmp_path):
    (tmp_path / "a.bp").write_text(TEXT, encoding="utf-8")
    result = run("render", "a.bp", "--scenario", "onlin", "-o", "x.svg", cwd=tmp_path)
    assert result.returncode == 2
    assert "a.bp has no scenario 'onlin'; it declares: walk-in, online" in err(result)
    assert not (tmp_path / "x.svg").exists()


def test_a_scenario_drawn_without_an_output_name_is_named_after_it(tmp_path):
    (tmp_path / "a.bp").write_text(TEXT, encoding="utf-8")
    assert run("render", "a.bp", cwd=tmp_path).returncode == 0
    result = run("render", "a.bp", "--scenario", "online", cwd=tmp_path)
    assert result.returncode == 0, err(result)
    assert "Uploads the form" in (tmp_path / "a-online.svg").read_text(encoding="utf-8")
    assert "Hands over the form" in (tmp_path / "a.svg").read_text(encoding="utf-8")
    overview = run("render", "a.bp", "--scenario", "walk-in", "--view", "overview", cwd=tmp_path)
    assert overview.returncode == 0, err(overview)
    assert (tmp_path / "a-overview-walk-in.svg").exists()


def test_a_scenario_option_that_is_no_id_is_a_usage_error(tmp_path):
    (tmp_path / "a.bp").write_text(TEXT, encoding="utf-8")
    result = run("render", "a.bp", "--scenario", "../online", cwd=tmp_path)
    assert result.returncode == 2
    assert "'../online' is not a scenario ID" in err(result)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.bp"]
