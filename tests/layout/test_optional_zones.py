"""The optional zones (preparation, management): drawn, listed and counted
only when a blueprint puts an action in them, each under its own line."""

from __future__ import annotations

import pytest

from blueprint.analysis.stats import blueprint_stats
from blueprint.api import check_text
from blueprint.layout import layout
from blueprint.render import render
from blueprint.render.text_version import outline, plain_text

CORE = 'step s "S"\n  customer c "C"\n  onstage o "O"\n  backstage b "B"\n  support u "U"\n  c -> o -> b -> u\n'


def blueprint(extra: str = "", head: str = 'blueprint "T"\n'):
    result = check_text(head + CORE + extra)
    assert result.errors == []
    return result.blueprint


def drawn_lines(scene) -> list[str]:
    """The lines drawn across the lanes; each also has a sample in the legend."""
    roles = [rule.role for rule in scene.rules if rule.role.startswith("line-")]
    assert all(roles.count(role) == 2 for role in roles)
    return list(dict.fromkeys(roles))


def test_a_blueprint_without_them_draws_the_four_lanes_and_three_lines():
    scene = layout(blueprint())
    assert [band.lane for band in scene.lanes] == ["customer", "onstage", "backstage", "support"]
    assert drawn_lines(scene) == ["line-interaction", "line-visibility", "line-internal"]
    svg = render(scene, "svg").decode()
    assert "lane-preparation" not in svg and "dash-long-dash" not in svg


@pytest.mark.parametrize(("extra", "lanes", "lines"), [
    ('  preparation p "P"\n  p --> u\n', ["preparation"], ["line-order-penetration"]),
    ('  management m "M"\n  m --> u\n', ["management"], ["line-implementation"]),
    ('  management m "M"\n  preparation p "P"\n  m --> p --> u\n', ["preparation", "management"],
     ["line-order-penetration", "line-implementation"]),
])
def test_each_zone_is_drawn_under_support_with_its_line_when_used(extra, lanes, lines):
    scene = layout(blueprint(extra))
    assert [band.lane for band in scene.lanes] == ["customer", "onstage", "backstage", "support", *lanes]
    assert drawn_lines(scene) == ["line-interaction", "line-visibility", "line-internal", *lines]
    svg = render(scene, "svg").decode()
    for lane in lanes:
        assert f".lane-{lane}{{" in svg  # its band's colour comes with it
    for line in lines:
        assert f'class="{line} ' in svg


def test_zones_are_labelled_in_every_language_and_relabelled_like_the_others():
    extra = '  preparation p "P"\n  management m "M"\n  m --> p --> u\n'
    for lang, lane, line in (("en", "Preparation activities", "Line of implementation"),
                             ("zh", "准备活动", "执行分界线"), ("zh-Hant", "準備活動", "執行分界線")):
        scene = layout(blueprint(extra, f'blueprint "T"\nlang {lang}\n'))
        assert lane in [band.label for band in scene.lanes]
        assert line in render(scene, "svg", fonts="none").decode()
    relabelled = blueprint(extra, 'blueprint "T"\nlane preparation "Vault"\nline implementation "Plans above"\n')
    scene = layout(relabelled)
    assert "Vault" in [band.label for band in scene.lanes]
    assert "Plans above" in render(scene, "svg", fonts="none").decode()


def test_the_text_version_dot_and_stats_name_the_zones():
    bp = blueprint('  preparation p "Stocks the float"\n  p --> o\n')
    scene = layout(bp)
    assert "Preparation activities" in plain_text(outline(scene), scene.lang)
    assert "cluster_preparation" in render(scene, "dot").decode()
    figures = blueprint_stats(bp)
    assert [count.lane.value for count in figures.lanes] == ["customer", "onstage", "backstage", "support",
                                                             "preparation"]
    crossings = {crossing.line.value: crossing.flows for crossing in figures.line_crossings}
    assert crossings == {"interaction": 1, "visibility": 2, "internal": 2, "order-penetration": 1}
    assert [count.lane.value for count in blueprint_stats(blueprint()).lanes] == [
        "customer", "onstage", "backstage", "support"]
