"""What `blueprint watch --view/--scenario` draws: the preview's own state, without a server."""

from __future__ import annotations

from pathlib import Path

from blueprint.catalogue import DEFAULT_CODES
from blueprint.watch import Preview

TEXT = ('blueprint "Account"\nscenario walk-in "Walk-in at a branch"\nscenario online "Online application"\n'
        'phase "Apply"\nstep s "Submit"\n  evidence "Form"\n  customer hand "Hands over the form"\n    only walk-in\n'
        '  customer upload "Uploads the form"\n    only online\n  onstage check "Checks the form"\n'
        '  hand -> check\n  upload -> check\n')


def _preview(tmp_path: Path, text: str = TEXT, **choices) -> Preview:
    file = tmp_path / "a.bp"
    file.write_text(text, encoding="utf-8")
    return Preview(file, "a.bp", "default", frozenset(DEFAULT_CODES), **choices)


def test_one_scenario_is_shown_alone(tmp_path):
    view = _preview(tmp_path, scenario="online").start()
    assert not view.broken and view.drawing is not None
    page = view.drawing.decode("utf-8")
    assert "Uploads the form" in page and "Hands over the form" not in page
    assert "Account — Online application" in page


def test_the_overview_is_shown(tmp_path):
    view = _preview(tmp_path, view="overview").start()
    assert not view.broken and view.drawing is not None
    assert "Overview" in view.drawing.decode("utf-8")
    assert "Hands over the form" not in view.drawing.decode("utf-8")


def test_a_scenario_the_file_does_not_declare_is_a_problem_not_an_end(tmp_path):
    preview = _preview(tmp_path, scenario="vip")
    view = preview.start()
    assert view.broken and view.drawing is None
    assert view.problems == "could not draw a.bp: a.bp has no scenario 'vip'; it declares: walk-in, online"
    (tmp_path / "a.bp").write_text(TEXT.replace('scenario online "Online application"\n',
                                                'scenario online "Online application"\nscenario vip "VIP"\n'),
                                   encoding="utf-8")
    again = preview.start()
    assert not again.broken and "Account — VIP" in again.drawing.decode("utf-8")
