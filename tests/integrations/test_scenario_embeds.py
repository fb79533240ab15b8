"""One scenario in documentation: a Markdown (MkDocs) fence, an image
reference and a Sphinx directive with `scenario` draw that scenario alone
(its overview, with `view` overview too); a scenario the blueprint does not
declare, or a value that cannot be a scenario ID, is an error in place."""

from __future__ import annotations

import html
import logging
from pathlib import Path

import markdown
import pytest

from blueprint.integrations.drawings import DrawingCache, drawing_key
from blueprint.integrations.drawn import BadDrawnOption, Drawn
from blueprint.integrations.embed import Embedder
from blueprint.api import check_text
from tests.integrations.test_markdown import SUPERFENCES, convert, error_boxes, fence
from tests.conftest import ROOT
from tests.integrations.test_sphinx import page, sphinx_build, write_project
from tests.test_docs import fenced_blocks

ACCOUNT = """\
blueprint "Account"
scenario online "Online application"
scenario branch "At a branch"

phase "Apply"
step apply "Apply"
  key "First contact"
  customer upload "Uploads papers"
    only online
  customer visit "Visits a counter"
    only branch
  onstage check "Checks papers"
  upload -> check
  visit -> check
"""

CHINESE = ACCOUNT.replace("online", "线上").replace("branch", "网点")


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]


@pytest.mark.parametrize("info", ['blueprint scenario="online"', "blueprint scenario=online",
                                  "{ .blueprint scenario=online theme=dark }"])
def test_a_fence_draws_one_scenario_alone(info):
    page_html = convert(fence(ACCOUNT, info))
    assert page_html.count("<svg") == 1
    assert "Uploads papers" in page_html and "Visits a counter" not in page_html
    assert "Account — Online application" in page_html  # the scenario's drawing is titled with its label


def test_without_a_scenario_a_fence_draws_every_one():
    page_html = convert(fence(ACCOUNT))
    assert "Uploads papers" in page_html and "Visits a counter" in page_html


def test_a_fence_draws_the_overview_of_one_scenario():
    page_html = convert(fence(ACCOUNT, 'blueprint view="overview" scenario="branch"'))
    assert "overview-column" in page_html and "Account — At a branch" in page_html
    assert "Online application" not in page_html


def test_superfences_pass_the_scenario_on():
    drawn = markdown.markdown(fence(ACCOUNT, 'blueprint scenario="branch"'), extensions=["pymdownx.superfences"],
                              extension_configs=SUPERFENCES)
    assert "Visits a counter" in drawn and "Uploads papers" not in drawn


def test_a_scenario_with_a_chinese_id():
    page_html = convert(fence(CHINESE, "blueprint scenario=网点"))
    assert "Visits a counter" in page_html and "Uploads papers" not in page_html


def test_an_undeclared_scenario_is_an_error_box_and_a_warning_at_the_fence(caplog):
    page_html = convert("Text.\n\n" + fence(ACCOUNT, 'blueprint scenario="walk-in"'), page_name="guide.md")
    assert "<svg" not in page_html
    [box] = error_boxes(page_html)
    message = "no scenario 'walk-in' in guide.md; it declares: online, branch"
    assert html.escape(message, quote=True) in box
    assert warnings(caplog) == [f"guide.md:3: {message}"]


def test_a_scenario_of_a_blueprint_that_declares_none(caplog):
    plain = 'blueprint "Plain"\nstep a "A"\n  customer x "Does"\n'
    page_html = convert(fence(plain, "blueprint scenario=online"), page_name="guide.md")
    assert "<svg" not in page_html
    assert warnings(caplog) == ["guide.md:1: no scenario 'online' in guide.md; it declares none"]


@pytest.mark.parametrize(("info", "message"), [
    ('blueprint scenario="two words"', "'two words' is not a scenario ID"),
    ("blueprint scenario=../online", "'../online' is not a scenario ID"),
    ("blueprint scenario=", "the scenario option names no scenario"),
    ("blueprint scenario", "the scenario option names no scenario"),
])
def test_a_value_that_cannot_be_a_scenario_id_is_an_error_box(caplog, info, message):
    page_html = convert("Text.\n\n" + fence(ACCOUNT, info), page_name="guide.md")
    assert "<svg" not in page_html
    [box] = error_boxes(page_html)
    assert html.escape(message, quote=True) in box
    [warning] = warnings(caplog)
    assert warning.startswith(f"guide.md:3: {message}") and "a letter, then letters, digits, _ or single -" in warning


def test_an_image_reference_draws_one_scenario(tmp_path: Path, caplog):
    (tmp_path / "account.bp").write_text(ACCOUNT, encoding="utf-8")
    text = ("![A](account.bp){ scenario=online }\n\n![A](account.bp){ scenario=branch view=overview }\n\n"
            "![A](account.bp){ scenario=walk-in }\n\n![A](account.bp){ scenario='a b' }\n")
    page_html = convert(text, extensions=["attr_list", "blueprint"], base_dir=str(tmp_path), page_name="guide.md")
    first, second = page_html.split("<svg")[1:3]
    assert "Uploads papers" in first and "Visits a counter" not in first
    assert "overview-column" in second and "Account — At a branch" in second
    undeclared, malformed = error_boxes(page_html)
    assert "no scenario &#x27;walk-in&#x27; in account.bp; it declares: online, branch" in undeclared
    assert "&#x27;a b&#x27; is not a scenario ID" in malformed
    assert [line.split(": ")[0] for line in warnings(caplog)] == ["guide.md:5", "guide.md:7"]


def test_the_cache_keeps_the_scenarios_apart():
    keys = {drawing_key(ACCOUNT, "default", "embed", drawn) for drawn in (
        Drawn(), Drawn(scenario="online"), Drawn(scenario="branch"), Drawn("overview"),
        Drawn("overview", "online"))}
    assert len(keys) == 5
    cache = DrawingCache()
    result = check_text(ACCOUNT)
    online = cache.svg(result, ACCOUNT, "default", drawn=Drawn(scenario="online"))
    branch = cache.svg(result, ACCOUNT, "default", drawn=Drawn(scenario="branch"))
    assert "Uploads papers" in online and "Uploads papers" not in branch and cache.drawn == 2


@pytest.mark.parametrize(("view", "scenario"), [("summary", None), ("full", "a b"), ("full", "")])
def test_a_drawn_value_refuses_what_names_no_drawing(view, scenario):
    with pytest.raises(BadDrawnOption):
        Drawn(view, scenario)


# --- real Sphinx builds -------------------------------------------------------------


def _indented(text: str) -> str:
    return "\n".join("   " + line if line else "" for line in text.splitlines())


@pytest.mark.slow
def test_a_sphinx_directive_draws_one_scenario(tmp_path: Path):
    index = (f"Accounts\n========\n\n.. blueprint:: diagrams/account.bp\n   :scenario: online\n\n"
             f".. blueprint::\n   :scenario: branch\n   :view: overview\n\n{_indented(ACCOUNT)}\n")
    source = write_project(tmp_path, {"index.rst": index}, {"diagrams/account.bp": ACCOUNT})
    done = sphinx_build(source, "-W", "-q")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    first, second = page(source, "index").split("<svg")[1:3]
    assert "Uploads papers" in first and "Visits a counter" not in first
    assert "overview-column" in second and "Account — At a branch" in second and "Online application" not in second


@pytest.mark.slow
def test_a_sphinx_directive_refuses_an_undeclared_scenario_and_a_malformed_one(tmp_path: Path):
    index = ("Accounts\n========\n\n.. blueprint:: diagrams/account.bp\n   :scenario: walk-in\n\n"
             ".. blueprint:: diagrams/account.bp\n   :scenario: two words\n")
    source = write_project(tmp_path, {"index.rst": index}, {"diagrams/account.bp": ACCOUNT})
    done = sphinx_build(source, "-q")
    lines = done.stderr.splitlines()
    undeclared = "index.rst:4: WARNING: blueprint: no scenario 'walk-in' in diagrams/account.bp; " \
                 "it declares: online, branch [blueprint.directive]"
    assert any(line.endswith(undeclared) for line in lines), done.stderr
    # As an unknown view is: docutils refuses the option's value, at the directive's line.
    assert 'index.rst:7: ERROR: Error in "blueprint" directive:' in done.stderr
    assert "'two words' is not a scenario ID (a letter, then letters, digits, _ or single -)" in done.stderr
    built = page(source, "index")
    assert "<svg" not in built
    # The box's paragraph goes through Sphinx's smart quotes.
    assert "No scenario ‘walk-in’ in diagrams/account.bp; it declares: online, branch." in built


# --- a real MkDocs build ------------------------------------------------------------

SITE = """\
site_name: Accounts
plugins:
  - blueprint:
      theme: default
      cache: false
markdown_extensions:
  - admonition
  - attr_list
  - pymdownx.superfences
"""


@pytest.mark.slow
def test_an_mkdocs_site_draws_one_scenario_and_reports_an_undeclared_one(tmp_path: Path):
    from tests.integrations.test_mkdocs import build, log_of, page_html

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(SITE, encoding="utf-8")
    (tmp_path / "docs" / "account.bp").write_text(ACCOUNT, encoding="utf-8")
    nested = ACCOUNT.replace("\n", "\n    ")
    (tmp_path / "docs" / "index.md").write_text(
        f"# Accounts\n\n![Account](account.bp){{ scenario=online }}\n\n"
        f'!!! note\n    ```blueprint scenario="branch"\n    {nested}```\n', encoding="utf-8")
    done = build(tmp_path, "--strict")
    assert done.returncode == 0, log_of(done)
    reference, fenced = page_html(tmp_path).split("<svg")[1:3]
    assert "Uploads papers" in reference and "Visits a counter" not in reference
    assert "Visits a counter" in fenced and "Uploads papers" not in fenced

    (tmp_path / "docs" / "walk-in.md").write_text("# Walk-in\n\n![Account](account.bp){ scenario=walk-in }\n",
                                                  encoding="utf-8")
    strict = build(tmp_path, "--strict")
    assert strict.returncode != 0
    message = "no scenario 'walk-in' in docs/account.bp; it declares: online, branch"
    assert f"WARNING -  blueprint: docs/walk-in.md:3: {message}" in log_of(strict)
    assert build(tmp_path).returncode == 0
    built = page_html(tmp_path, "walk-in/index.html")
    assert "<svg" not in built and html.escape(message, quote=True) in built


# --- the documentation's examples, built -----------------------------------------------


def _documented(page_name: str, info: str, holding: str) -> str:
    return next(block.text for block in fenced_blocks(ROOT / "docs" / page_name)
                if block.info == info and holding in block.text)


@pytest.mark.slow
def test_the_documented_sphinx_example_draws_each_scenario_and_reports_an_undeclared_one(tmp_path: Path):
    account = _documented("sphinx.md", "bp", 'scenario walk-in "Walk-in at a branch"')
    directives = _documented("sphinx.md", "rst", ":scenario: walk-in")
    source = write_project(tmp_path, {"index.rst": "Accounts\n========\n\n" + directives}, {"account.bp": account})
    done = sphinx_build(source, "-W", "-q")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    walk_in, online = page(source, "index").split("<svg")[1:3]
    assert "Hands over the documents" in walk_in and "Uploads the documents" not in walk_in
    assert "overview-column" in online and "Current account — Online application" in online

    (source / "index.rst").write_text("Accounts\n========\n\n.. blueprint:: account.bp\n   :scenario: branch\n",
                                      encoding="utf-8")
    done = sphinx_build(source, "-q")
    warning = _documented("sphinx.md", "text", "no scenario 'branch'").strip()
    assert warning.replace("…/", f"{source}/") in done.stderr.splitlines(), done.stderr


@pytest.mark.slow
def test_the_documented_mkdocs_example_draws_each_scenario_and_reports_an_undeclared_one(tmp_path: Path):
    from tests.integrations.test_mkdocs import build, log_of, page_html

    config = _documented("mkdocs.md", "yaml", "  - blueprint\n")
    (tmp_path / "docs" / "flows").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(config + "markdown_extensions:\n  - attr_list\n", encoding="utf-8")
    account = _documented("mkdocs.md", "bp", 'scenario walk-in "Walk-in at a branch"')
    (tmp_path / "docs" / "flows" / "account.bp").write_text(account, encoding="utf-8")
    references = _documented("mkdocs.md", "markdown", "{ scenario=walk-in }")
    (tmp_path / "docs" / "index.md").write_text("# Accounts\n\n" + references, encoding="utf-8")
    done = build(tmp_path, "--strict")
    assert done.returncode == 0, log_of(done)
    walk_in, online = page_html(tmp_path).split("<figure")[1:3]  # each with its light and dark drawing
    assert "Hands over the documents" in walk_in and "Uploads the documents" not in walk_in
    assert "overview-column" in online and "Current account — Online application" in online

    (tmp_path / "docs" / "accounts.md").write_text("# Branch\n\n![Branch](flows/account.bp){ scenario=branch }\n",
                                                   encoding="utf-8")
    strict = build(tmp_path, "--strict")
    assert strict.returncode != 0
    assert _documented("mkdocs.md", "text", "no scenario 'branch'").strip() in log_of(strict)


def test_a_file_shown_as_an_error_box_is_not_where_detail_tags_lead(tmp_path: Path):
    (tmp_path / "account.bp").write_text(ACCOUNT, encoding="utf-8")
    embedder = Embedder(report=lambda problem: None)
    path = tmp_path / "account.bp"
    embedder.file(path, "account.bp", "blueprint-1", "guide.md:3", drawn=Drawn(scenario="walk-in"))
    assert embedder.drawn == []
    embedder.file(path, "account.bp", "blueprint-2", "guide.md:5", drawn=Drawn(scenario="online"))
    assert embedder.drawn == [path]
