"""The overview in documentation: a Markdown (MkDocs) fence and a Sphinx
directive with `view: overview` draw the one-page overview instead of the
full blueprint; a view they do not know is an error in place."""

from __future__ import annotations

import hashlib
import html
import logging
from pathlib import Path

import markdown
import pytest

from blueprint.integrations.drawings import drawing_code_fingerprint, drawing_key
from blueprint.integrations.drawn import Drawn
from tests.integrations.test_markdown import SUPERFENCES, convert, error_boxes, fence
from tests.integrations.test_sphinx import page, sphinx_build, write_project

PHASED = 'blueprint "Tiny"\nphase "Start"\nstep a "A"\n  key "Why"\n  customer x "Does"\n  onstage y "Helps"\n  x -> y\n'


@pytest.mark.parametrize("info", ["blueprint view=overview", "{ .blueprint view=overview theme=dark }"])
def test_a_fence_can_draw_the_overview(info):
    page_html = convert(fence(PHASED, info))
    assert page_html.count("<svg") == 1 and "overview-column" in page_html
    assert "Phase 1 of 1: Start" in page_html  # the text version, phase by phase


def test_superfences_pass_the_view_on():
    drawn = markdown.markdown(fence(PHASED, 'blueprint view="overview"'), extensions=["pymdownx.superfences"],
                              extension_configs=SUPERFENCES)
    assert "overview-column" in drawn


def test_without_a_view_a_fence_draws_the_full_blueprint():
    assert "overview-column" not in convert(fence(PHASED)) and "lane-customer" in convert(fence(PHASED))


def test_an_unknown_view_is_an_error_box_and_a_warning(caplog):
    page_html = convert("Text.\n\n" + fence(PHASED, "blueprint view=summary"), page_name="guide.md")
    assert "<svg" not in page_html
    [box] = error_boxes(page_html)
    message = "unknown view 'summary'; expected full or overview"
    assert html.escape(message, quote=True) in box
    assert f"guide.md:3: {message}" in [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_the_cache_keeps_the_views_apart_and_the_full_view_keeps_its_old_key():
    overview, full = drawing_key(PHASED, "default", "embed", Drawn("overview")), drawing_key(PHASED, "default")
    assert overview != full
    assert drawing_key(PHASED, "default", "embed", Drawn("full")) == full
    # The key as it was before views were chosen: the code's fingerprint, the theme, the fonts and the text.
    before = hashlib.sha256(b"".join(part.encode() + b"\0" for part in
                                     (drawing_code_fingerprint(), "default", "embed", PHASED))).hexdigest()
    assert full == before


@pytest.mark.slow  # a real Sphinx build
def test_a_sphinx_directive_can_draw_the_overview(tmp_path: Path):
    body = "\n".join("   " + line for line in PHASED.splitlines())
    index = f"Journeys\n========\n\n.. blueprint::\n   :view: overview\n\n{body}\n\n.. blueprint:: diagrams/journey.bp\n"
    source = write_project(tmp_path, {"index.rst": index})
    done = sphinx_build(source, "-W", "-q")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    built = page(source, "index")
    assert built.count("overview-column") >= 1 and "Phase 1 of 1: Start" in built
    assert built.count("<svg") == 2


@pytest.mark.slow
def test_a_sphinx_directive_refuses_an_unknown_view(tmp_path: Path):
    body = "\n".join("   " + line for line in PHASED.splitlines())
    source = write_project(tmp_path, {"index.rst": f"T\n=\n\n.. blueprint::\n   :view: summary\n\n{body}\n"})
    done = sphinx_build(source, "-q")
    assert "summary" in done.stderr and "full" in done.stderr and "overview" in done.stderr


def test_an_image_reference_can_draw_the_overview(tmp_path: Path):
    (tmp_path / "tiny.bp").write_text(PHASED, encoding="utf-8")
    text = "![Tiny](tiny.bp){ view=overview }\n\n![Tiny](tiny.bp)\n\n![Tiny](tiny.bp){ view=poster }\n"
    page_html = convert(text, extensions=["attr_list", "blueprint"], base_dir=str(tmp_path))
    assert page_html.count("<svg") == 2 and page_html.count("overview-column") >= 1
    [box] = error_boxes(page_html)
    assert "unknown view &#x27;poster&#x27;; expected full or overview" in box
