"""Sphinx extension: the `blueprint` directive draws a .bp file, or a blueprint
written in the page, as an inline SVG figure.

    extensions = ["blueprint.integrations.sphinx"]

    .. blueprint:: diagrams/deposit.bp
       :theme: dark
       :width: 80%
       :caption: Branch cash deposit, as it is today
       :alt: Service blueprint of a cash deposit at a branch counter

Checking and drawing are blueprint.api's; this module only adapts them to
Sphinx. The drawing is made while the page is read, so it is kept with the
page's doctree and redrawn only when the page or its .bp file changes (the
file is noted as a dependency). Every problem goes through Sphinx's logger,
at the .bp file and line (or the page and line, for a blueprint written in
the page, a missing file or a misused directive), so `sphinx-build -W`
fails; the page shows an error box in place of the drawing.

HTML builders embed the SVG in the page. Other builders (LaTeX, text, man…)
cannot, and get the blueprint's source as a highlighted code block instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StateMachine
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from blueprint import __version__
from blueprint.api import CheckResult, UnknownScenario, check_bytes, check_text, read_file
from blueprint.diagnostics import Diagnostic
from blueprint.integrations.detail_links import broken_details, mark_details, resolve_details
from blueprint.integrations.drawn import Drawn, not_a_scenario_id, undeclared_scenario
from blueprint.integrations.figure import (VARIANT_CLASS, drawing_html, fit_control_html, inline_svg, stylesheet,
                                          text_version_html, themes_drawn)
from blueprint.integrations.pygments_lexer import BlueprintLexer
from blueprint.report import embedded as report_text
from blueprint.vocabulary import DEFAULT_VIEW, PAGE_THEMES, SCENARIO_ID, VIEWS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

STYLESHEET = "blueprint.css"
# With :width:, the drawing fills the width asked for (larger or smaller than
# drawn) instead of keeping its own size, down to the stylesheet's floor.
_SIZED_CSS = ".blueprint-figure.blueprint-sized .blueprint-drawing{width:auto}\n" \
             ".blueprint-figure.blueprint-sized svg{width:100%}\n"


class blueprint_drawing(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes in lower case)
    """A checked blueprint, drawn: `drawings` ((theme, SVG ready to go inline)
    pairs: one, or the light and dark drawing of `auto`), `source` (the .bp
    text, for builders that cannot show SVG) and `alt`."""


@dataclass(frozen=True)
class Checked:
    """A checked blueprint and where each of its diagnostics is: for the log
    (absolute, as Sphinx names pages) and for the page (relative to the source
    folder: a published page does not show the build machine's folders)."""

    result: CheckResult
    logged_at: Callable[[Diagnostic], str]
    shown_at: Callable[[Diagnostic], str]
    path: Path | None = None  # the .bp file, for its details' paths; None for a blueprint in the page


def _theme(argument: str) -> str:
    return directives.choice(argument, PAGE_THEMES)


def _view(argument: str) -> str:
    return directives.choice(argument, VIEWS)


def _scenario(argument: str | None) -> str:
    scenario = (argument or "").strip()
    if not SCENARIO_ID.fullmatch(scenario):
        raise ValueError(not_a_scenario_id(scenario))
    return scenario


def _width(argument: str) -> str:
    return directives.length_or_percentage_or_unitless(argument, "px")


class BlueprintDirective(SphinxDirective):
    """`.. blueprint:: PATH` or `.. blueprint::` with the blueprint as content."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True  # a path may hold spaces
    option_spec = {
        "theme": _theme,
        "view": _view,
        "scenario": _scenario,
        "width": _width,
        "caption": directives.unchanged_required,
        "alt": directives.unchanged_required,
        "name": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        if self.arguments and self.content:
            return self._refuse("give a .bp file or the blueprint as content, not both")
        if not self.arguments and not self.content:
            return self._refuse("give a .bp file (`.. blueprint:: diagrams/deposit.bp`) or the blueprint as content")
        checked = self._check_file(self.arguments[0]) if self.arguments else self._check_content()
        if isinstance(checked, str):
            return self._refuse(checked)
        for diagnostic in checked.result.diagnostics:
            self._log(diagnostic, checked.logged_at(diagnostic))
        if checked.path is not None:  # a detail's missing file: drawn all the same, with a warning
            for diagnostic in broken_details(checked.result, checked.path):
                self._log(diagnostic, checked.logged_at(diagnostic))
        if not checked.result.ok:
            return [self._error_box_for(checked)]
        return self._figure(checked.result, checked.path)

    # --- the two sources ---------------------------------------------------

    def _check_file(self, argument: str) -> Checked | str:
        relative, absolute = self.env.relfn2path(argument, self.env.docname)
        # Noted even when missing: the page is then rebuilt until the file exists.
        self.env.note_dependency(relative)
        try:
            data = read_file(absolute)
        except OSError as error:
            return f"cannot read {relative}: {error.strerror or error}"
        return Checked(
            result=check_bytes(relative, data),
            logged_at=lambda d: f"{absolute}:{d.span.line}",
            shown_at=lambda d: f"{relative}:{d.span.line}:{d.span.column}",
            path=Path(absolute).resolve(),
        )

    def _check_content(self) -> Checked:
        page = Path(self.env.doc2path(self.env.docname, False)).as_posix()
        document, _ = self.get_source_info()
        first = self._first_content_line()

        def in_page(diagnostic: Diagnostic) -> tuple[str, int]:
            # Through the state machine, so that a directive in an included file is found there.
            source, line = self.state_machine.get_source_and_line(first + diagnostic.span.line - 1)
            return source or document, line or self.lineno

        return Checked(
            result=check_text("\n".join(self.content) + "\n", name=page),
            logged_at=lambda d: "{}:{}".format(*in_page(d)),
            shown_at=lambda d: f"{page}:{in_page(d)[1]}",
        )

    def _first_content_line(self) -> int:
        """The page line (1-based) of the content's first line.

        reStructuredText counts `content_offset` from the top of the page.
        MyST Markdown runs the directive with a stand-in for docutils' state
        machine and counts it from the directive's own line (`lineno`), as its
        own nested parsing does."""
        if isinstance(self.state_machine, StateMachine):
            return self.content_offset + 1
        return self.lineno + self.content_offset + 1

    # --- what the page gets --------------------------------------------------

    def _figure(self, result: CheckResult, path: Path | None = None) -> list[nodes.Node]:
        theme = self.options.get("theme", "default")
        themes = themes_drawn(theme)  # `auto`: a light and a dark drawing, the page picks one
        prefix = self._id_prefix()
        fonts = self.env.config.blueprint_fonts
        # The options' validators have refused a view or an ID that cannot be one.
        drawn = Drawn(self.options.get("view", DEFAULT_VIEW), self.options.get("scenario"))
        try:
            folder = path.parent if path is not None else None
            drawings = [(each, inline_svg(mark_details(drawn.svg(result, each, fonts, path is not None), folder),
                                          prefix if len(themes) == 1 else f"{prefix}-{each}"))
                        for each in themes]
        except UnknownScenario as error:
            return self._refuse(undeclared_scenario(error, result.name))
        except ValueError as error:  # RenderError and EmbeddingError are ValueErrors
            return self._refuse(f"cannot draw {result.name}: {error}")
        if path is not None:  # the first page (by name) that draws a file is where its parents' tags lead
            drawn = _drawn_on(self.env)
            drawn[str(path)] = min(drawn.get(str(path), self.env.docname), self.env.docname)
        source = result.source.text if result.source else ""
        drawing = blueprint_drawing("", drawings=drawings, source=source, alt=self.options.get("alt", ""))
        kind = "blueprint-auto" if len(themes) > 1 else f"blueprint-theme-{theme}"
        figure = nodes.figure("", drawing, classes=["blueprint-figure", kind])
        if "width" in self.options:
            figure["width"] = self.options["width"]
            figure["classes"].append("blueprint-sized")
        if "caption" in self.options:
            inline, messages = self.state.inline_text(self.options["caption"], self.lineno)
            caption = nodes.caption(self.options["caption"], "", *inline)
            self.set_source_info(caption)
            figure += caption
            figure += messages
        for node in (drawing, figure):
            self.set_source_info(node)
        self.add_name(figure)
        return [figure]

    def _id_prefix(self) -> str:
        """Unique in the page, and across pages for builders that join them
        (singlehtml): the page's name, hashed, and the figure's number in it."""
        page = hashlib.sha256(self.env.docname.encode("utf-8")).hexdigest()[:8]
        return f"blueprint-{page}-{self.env.new_serialno('blueprint')}"

    def _log(self, diagnostic: Diagnostic, where: str) -> None:
        logger.warning(
            report_text.log_line_with_hint(diagnostic),
            location=where,
            type="blueprint",
            subtype="error" if diagnostic.is_error else "practice",
        )

    def _error_box_for(self, checked: Checked) -> nodes.Node:
        errors = checked.result.errors
        return self._error_box(report_text.box_count(checked.result.name, len(errors)),
                               report_text.box_lines(errors, checked.shown_at))

    def _refuse(self, message: str) -> list[nodes.Node]:
        logger.warning(f"blueprint: {message}", location=self.get_location(), type="blueprint", subtype="directive")
        return [self._error_box(message[:1].upper() + message[1:] + ".", None)]

    def _error_box(self, summary: str, details: str | None) -> nodes.Node:
        box = nodes.error("", classes=["blueprint-error"])
        box += nodes.paragraph("", "", nodes.strong("", "Blueprint not drawn."), nodes.Text(" " + summary))
        if details:
            box += nodes.literal_block(details, details, language="text")
        self.set_source_info(box)
        return box


# --- writing -------------------------------------------------------------------


def visit_drawing_html(translator: HTML5Translator, node: blueprint_drawing) -> None:
    # The SVG comes from the renderer (every string in it escaped) with its ids
    # prefixed and its stylesheet scoped by blueprint.integrations.figure.
    paired = len(node["drawings"]) > 1
    builder = translator.builder
    drawn_on = _drawn_on(builder.env)

    def page_of(path: Path) -> str | None:
        target = drawn_on.get(str(path.resolve()))
        return None if target is None else builder.get_relative_uri(builder.current_docname, target)

    for theme, svg in node["drawings"]:
        svg = resolve_details(svg, page_of)
        # A pair's classes tell the stylesheet which drawing suits the page's colour scheme.
        variant = VARIANT_CLASS[theme] if paired else ""
        translator.body.append(drawing_html(svg, variant, alt=node["alt"]) + "\n")
    # Under the drawing, the checkbox that fits it to the column and its text
    # version as a closed disclosure (the light drawing's, when there are two: they say the same).
    translator.body.append(fit_control_html(node["drawings"][0][1]))
    translator.body.append(text_version_html(node["drawings"][0][1]))
    raise nodes.SkipNode


class SourceForOtherBuilders(SphinxPostTransform):
    """Builders that cannot embed SVG get the blueprint's text as a code block,
    with the caption a code block has (a float would not break across pages)."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        if self.app.builder.format == "html":
            return
        for drawing in list(self.document.findall(blueprint_drawing)):
            figure = drawing.parent
            block = nodes.literal_block(drawing["source"], drawing["source"], language="bp")
            block.source, block.line = drawing.source, drawing.line
            captions = [child for child in figure.children if isinstance(child, nodes.caption)]
            if captions:
                # What `.. code-block:: :caption:` makes, so every builder knows it.
                replacement = nodes.container("", *captions, block, literal_block=True,
                                              classes=["literal-block-wrapper"])
            else:
                replacement = block
            replacement["ids"], replacement["names"] = figure["ids"], figure["names"]
            replacement.source, replacement.line = figure.source, figure.line
            figure.replace_self(replacement)


def _drawn_on(env: Any) -> dict[str, str]:
    """Each .bp file a page draws, and the first page (by name) that does, whatever the order pages are
    read in: kept with the environment."""
    if not hasattr(env, "blueprint_drawn_on"):
        env.blueprint_drawn_on = {}
    return env.blueprint_drawn_on


def _forget_page(app: Sphinx, env: Any, docname: str) -> None:
    drawn = _drawn_on(env)
    for path in [path for path, page in drawn.items() if page == docname]:
        del drawn[path]


def _merge_pages(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    drawn = _drawn_on(env)
    for path, page in _drawn_on(other).items():
        drawn[path] = min(drawn.get(path, page), page)


def _write_stylesheet(app: Sphinx) -> None:
    """Put the figure stylesheet in `_static` before any page is written, so
    that HTML, and an EPUB built from it, both carry it."""
    if app.builder.format != "html":
        return
    static = Path(app.builder.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / STYLESHEET).write_text(stylesheet() + _SIZED_CSS, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(blueprint_drawing, html=(visit_drawing_html, None))
    app.add_directive("blueprint", BlueprintDirective)
    # "embed" (the drawings carry their fonts) or "none", as `blueprint render --fonts`.
    app.add_config_value("blueprint_fonts", "embed", "env", types=[str])
    app.add_post_transform(SourceForOtherBuilders)
    # `.. code-block:: bp` (or `blueprint`) highlights as .bp: Pygments alone
    # gives both names to built-in lexers of its own (Android.bp, GNOME Blueprint).
    app.add_lexer("bp", BlueprintLexer)
    app.add_lexer("blueprint", BlueprintLexer)
    app.add_css_file(STYLESHEET)
    app.connect("builder-inited", _write_stylesheet)
    app.connect("env-purge-doc", _forget_page)
    app.connect("env-merge-info", _merge_pages)
    return {"version": __version__, "env_version": 3, "parallel_read_safe": True, "parallel_write_safe": True}
