"""The drawing of a blueprint with details: a Detail tag on each detailed
step and action, explained in the legend only when used, a link to the
detail's page on the HTML page (never on a path of another form), and the
site `render DIR -f html` writes."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from blueprint.api import check_text, render_result
from blueprint.cli import render as render_cli
from tests.project.test_checks import IDENTITY, OPEN, RISK, write

LINK = re.compile(r'<a href="([^"]*)" xlink:href="[^"]*" class="detail-link" aria-label="([^"]*)"')


def drawn(text: str, output_format: str) -> str:
    return render_result(check_text(text, "open.bp"), output_format, fonts="none").decode("utf-8")


def test_the_svg_tags_each_detailed_step_and_action_and_the_legend_says_what_the_tag_means():
    svg = drawn(OPEN, "svg")
    assert svg.count('class="mark mark-detail"') == 3  # the step, the action, the legend's sample
    assert "Detailed in a blueprint of its own" in svg
    assert LINK.search(svg) is None  # a drawing on its own links nowhere: the tag says there is more
    plain = drawn(OPEN.replace('  detail "checks/identity.bp"\n', "").replace('    detail "risk.bp"\n', ""), "svg")
    assert "mark-detail" not in plain and "Detailed in" not in plain


def test_the_html_page_links_each_tag_to_the_details_page():
    assert LINK.findall(drawn(OPEN, "html")) == [("risk.html", "Open the detail: risk.bp"),
                                                ("checks/identity.html", "Open the detail: checks/identity.bp")]


def test_a_detail_path_of_another_form_gets_no_link_and_every_path_is_escaped():
    for path in ("javascript:alert(1).bp", "/etc/x.bp", "https://example.org/x.bp", "a\\\\b.bp"):
        assert LINK.findall(drawn(OPEN.replace('"risk.bp"', f'"{path}"'), "html"))[0][0] == "checks/identity.html"
    page = drawn(OPEN.replace('"risk.bp"', '"风险 \\"评分\\".bp"'), "html")
    assert LINK.findall(page)[0] == ("%E9%A3%8E%E9%99%A9%20%22%E8%AF%84%E5%88%86%22.html",
                                     "Open the detail: 风险 &#34;评分&#34;.bp")


def test_render_dir_writes_a_site_of_linked_pages_with_an_index(tmp_path, monkeypatch):
    write(tmp_path, {"flows/open.bp": OPEN, "flows/checks/identity.bp": IDENTITY, "flows/risk.bp": RISK,
                     "flows/lone.bp": IDENTITY.replace("Identity check", "Lone")})
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(render_cli.command, ["flows", "-f", "html", "-o", "site", "--fonts", "none"])
    assert done.exit_code == 0, done.output
    site = tmp_path / "site"
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")) == [
        "checks/identity.html", "index.html", "lone.html", "open.html", "risk.html"]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<li class="bp-level-(\d+)"><a href="([^"]+)">([^<]+)</a>', index) == [
        ("0", "open.html", "Open an account"), ("1", "checks/identity.html", "Identity check"),
        ("1", "risk.html", "Risk scoring"), ("0", "lone.html", "Lone")]
    identity = (site / "checks" / "identity.html").read_text(encoding="utf-8")
    assert '<a href="../index.html">All blueprints</a>' in identity
    assert '<a href="../open.html" rel="up">Open an account</a>' in identity
    opened = (site / "open.html").read_text(encoding="utf-8")
    assert '<a href="checks/identity.html">Identity check</a>' in opened and "rel=\"up\"" not in opened
    first = {p: p.read_bytes() for p in site.rglob("*.html")}

    again = CliRunner().invoke(render_cli.command, ["flows", "-f", "html", "-o", "site", "--fonts", "none"])
    assert again.exit_code == 2 and "use --force to replace" in again.output
    forced = CliRunner().invoke(render_cli.command, ["flows", "-f", "html", "-o", "site", "--fonts", "none", "--force"])
    assert forced.exit_code == 0
    assert {p: p.read_bytes() for p in site.rglob("*.html")} == first  # byte for byte, run after run
