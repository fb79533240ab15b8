"""From a blueprint in a Markdown page to the HTML that takes its place.

Shared by the Markdown extension and the MkDocs plugin: check the blueprint
(blueprint.api), draw it through the cache, and either return the figure or
an error box, reporting every diagnostic with its file and line. Nothing here
raises for a bad blueprint, a missing file or a bug in drawing: errors are
data, shown in the page and handed to the reporter.
"""

from __future__ import annotations

import logging
import os
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from blueprint.api import CheckResult, UnknownScenario, check_bytes, check_text, read_file
from blueprint.diagnostics import Diagnostic
from blueprint.vocabulary import PAGE_THEMES
from blueprint.integrations.detail_links import broken_details, mark_details
from blueprint.integrations.drawings import DrawingCache
from blueprint.integrations.drawn import Drawn, undeclared_scenario
from blueprint.integrations.figure import Drawing, error_box_html, figure_html, themes_drawn
from blueprint.report import embedded as report_text
from blueprint.report.diagnostics import location

log = logging.getLogger("blueprint.integrations")

THEMES: tuple[str, ...] = PAGE_THEMES
BLUEPRINT_SUFFIX = ".bp"


@dataclass(frozen=True)
class Problem:
    """Something for the build log: where (file:line:column, as far as known),
    what, and whether it kept a blueprint from being drawn."""

    where: str
    message: str
    error: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Reporter = Callable[[Problem], None]


def log_problem(problem: Problem) -> None:
    """The default reporter: errors as logging warnings, the rest as information."""
    log.log(logging.WARNING if problem.error else logging.INFO, "%s", problem)


class BadReference(ValueError):
    """An image reference that cannot name a blueprint file to draw."""


@dataclass
class Embedder:
    """Turns blueprints into figures with one theme, cache and reporter."""

    theme: str = "default"
    cache: DrawingCache = field(default_factory=DrawingCache)
    fonts: str = "embed"  # or "none": as `blueprint render --fonts`
    report: Reporter = log_problem
    files_read: set[Path] = field(default_factory=set)  # what `mkdocs serve` should watch
    drawn: list[Path] = field(default_factory=list)  # the files drawn, in order: a site links details to their pages

    # -- the two kinds of blueprint in a page --------------------------------

    def fenced(self, text: str, name: str, first_line: int | None, prefix: str, theme: str | None = None,
               drawn: Drawn = Drawn(), fence_at: str | None = None) -> str:
        """The HTML for a fenced blueprint whose first line is `first_line` of
        the page called `name` (None when it could not be found there), drawn
        as `drawn` says; a problem that is not a diagnostic (an undeclared
        scenario) is reported at `fence_at` (page:line), or else at `name`."""
        if first_line is None:
            result = check_text(text, name=name)
        else:
            # Blank lines in front put every diagnostic at its line in the page,
            # snippet included; they change nothing else about the blueprint.
            result = check_text("\n" * (first_line - 1) + text, name=name)
        return self._figure(result, text, prefix, theme, caption=None, context=None, path=None, drawn=drawn,
                            at=fence_at or name)

    def file(self, path: Path, name: str, prefix: str, referenced_at: str, theme: str | None = None,
             caption: str | None = None, drawn: Drawn = Drawn()) -> str:
        """The HTML for the blueprint file at `path`, shown as `name` in messages
        and referenced from `referenced_at` (page:line)."""
        self.files_read.add(path)
        try:
            data = read_file(path)
        except OSError as error:
            reason = "no such file" if isinstance(error, FileNotFoundError) else (error.strerror or str(error))
            return self.problem(referenced_at, f"cannot read {name}: {reason}")
        result = check_bytes(name, data)
        for diagnostic in broken_details(result, path):  # drawn all the same, reported as a warning
            self.report(Problem(location(diagnostic), report_text.log_line(diagnostic, referenced_at)))
        text = result.source.text if result.source is not None else ""
        return self._figure(result, text, prefix, theme, caption, context=referenced_at, path=path,
                            drawn=drawn, at=referenced_at)

    def problem(self, where: str, message: str) -> str:
        """Report a problem that is not a diagnostic (a missing file, a bad
        option) and return its error box."""
        self.report(Problem(where, message))
        return error_box_html(f"{where}: {message}", f"{where}: {message}")

    # -- the work ---------------------------------------------------------------

    def _figure(self, result: CheckResult, text: str, prefix: str, theme: str | None, caption: str | None,
                context: str | None, path: Path | None, drawn: Drawn, at: str) -> str:
        """`context`: where a blueprint file is drawn, for its diagnostics
        (None: in the page); `path`: the blueprint's file, whose folder its
        details' paths start from (None: no file), noted as drawn once it is;
        `at`: where other problems are reported."""
        theme = theme or self.theme
        if theme not in THEMES:
            return self.problem(at, unknown_theme(theme))
        for diagnostic in result.diagnostics:
            self.report(_problem_of(diagnostic, context))
        if not result.ok:
            return error_box_html(report_text.box_summary(result.name, result.errors),
                                  report_text.box_details(result.diagnostics, result.source))
        folder = path.parent if path is not None else None
        try:
            drawings = [Drawing(each, mark_details(self.cache.svg(result, text, each, self.fonts, drawn,
                                                                  folder is not None), folder))
                        for each in themes_drawn(theme)]
            figure = figure_html(drawings, prefix, caption)
        except UnknownScenario as error:  # the page asks for a scenario the blueprint does not declare
            return self.problem(at, undeclared_scenario(error, result.name))
        except Exception as error:  # a bug in drawing: shown and reported, never a traceback in the page
            log.debug("blueprint: drawing %s failed", result.name, exc_info=True)
            return self.problem(at, f"could not draw {result.name}: internal error ({type(error).__name__}: {error})")
        if path is not None:  # where a site's detail tags lead: a page that shows the drawing, not an error box
            self.drawn.append(path)
        return figure


def unknown_theme(theme: str) -> str:
    return f"unknown theme {theme!r}; expected one of: {', '.join(THEMES)}"


def _problem_of(diagnostic: Diagnostic, context: str | None) -> Problem:
    return Problem(location(diagnostic), report_text.log_line(diagnostic, context), error=diagnostic.is_error)


# -- image references --------------------------------------------------------------


def blueprint_path(reference: str) -> str | None:
    """The local path an image reference names, if it names a .bp file (a URL
    with a scheme or host is never ours: nothing is fetched)."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    return path if path.lower().endswith(BLUEPRINT_SUFFIX) else None


def resolve_reference(path: str, page_folder: Path, site_root: Path, allowed: Sequence[Path]) -> Path:
    """The file `path` names: relative to the page's folder, or to `site_root`
    when it starts with `/`. It must lie inside one of the `allowed` folders."""
    if "\0" in path:
        raise BadReference("the path holds a NUL character")
    pure = PurePosixPath(path)
    start = site_root if pure.is_absolute() else page_folder
    target = Path(os.path.normpath(start.joinpath(*pure.parts[1:] if pure.is_absolute() else pure.parts)))
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links
        raise BadReference("its path cannot be resolved") from None
    if not any(resolved.is_relative_to(folder.resolve()) for folder in allowed):
        raise BadReference("it is outside the folders blueprints are read from")
    return resolved


def display_name(path: Path, root: Path) -> str:
    """`path` relative to `root`, with forward slashes (never an absolute path)."""
    return posixpath.normpath(Path(os.path.relpath(path, root)).as_posix())
