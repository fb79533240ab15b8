"""The public API: one function per job, chaining the stages.

parse → model → validate (→ layout → render, in later modules). The CLI and
every integration call these and nothing deeper.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from blueprint.catalogue import DEFAULT_CODES
from blueprint.diagnostics import Diagnostic, Level
from blueprint.model.build import build
from blueprint.model.projection import UnknownScenario, project_both, scenario_drawing  # noqa: F401 (UnknownScenario: what render_result raises)
from blueprint.model.types import Blueprint
from blueprint.parse.incremental import LineCache, parse_again
from blueprint.parse.parser import parse
from blueprint.parse.decode import decode, read_file
from blueprint.parse.gcpause import paused
from blueprint.results import CheckResult, FormatResult, InvalidBlueprintError, RenderError
from blueprint.source import Source
from blueprint.validate import validate
from blueprint.validate.policy import without_follow_ons
from blueprint.vocabulary import DEFAULT_LANGUAGE, DEFAULT_STATE

# The public API: the jobs, and the results they return (blueprint.results).
__all__ = [
    "CheckResult",
    "FormatResult",
    "LineCache",
    "InvalidBlueprintError",
    "RenderError",
    "check_source",
    "check_bytes",
    "check_text",
    "check_file",
    "render_result",
    "format_source",
    "format_bytes",
    "format_text",
    "format_file",
    "starter",
    "stats_result",
    "diff_results",
    "export_result",
    "model_schema",
    "import_model",
    "render_compare",
    "render_overview",
    "read_file",
    "project_facts",
    "check_project",
    "tree_stats_result",
    "render_site",
    "check_with_details",
    "file_key",
]


def check_source(source: Source, enabled: Iterable[str] = DEFAULT_CODES, lines: LineCache | None = None) -> CheckResult:
    """Check a decoded text. `lines`, kept from the check of an earlier
    version of the same text, saves reading again the lines that did not
    change (an editor checks after every edit); the result is the same."""
    enabled = frozenset(enabled)
    # The statements and the model are large and acyclic: the collector would
    # rescan them during validation for nothing. The statements are dropped
    # (when _checked returns) before it runs again, so its first pass after
    # the pause covers the model alone.
    with paused():
        blueprint, diagnostics = _checked(source, enabled, lines)
    return CheckResult.model_construct(name=source.name, source=source, blueprint=blueprint, diagnostics=diagnostics)


def _checked(source: Source, enabled: frozenset[str], lines: LineCache | None) -> tuple[Blueprint, tuple[Diagnostic, ...]]:
    parsed = parse(source) if lines is None else parse_again(source, lines)
    blueprint, structural = build(source.name, parsed.statements)
    findings = without_follow_ons(validate(blueprint, enabled), (*parsed.diagnostics, *structural))
    diagnostics = sorted((*parsed.diagnostics, *structural, *findings), key=Diagnostic.sort_key)
    return blueprint, tuple(d for d in diagnostics if d.code in enabled or d.level is Level.ERROR)


def check_bytes(name: str, data: bytes, enabled: Iterable[str] = DEFAULT_CODES) -> CheckResult:
    source, problems = decode(name, data)
    if source is None:
        return CheckResult.model_construct(name=name, source=None, blueprint=None, diagnostics=tuple(problems))
    return check_source(source, enabled)


def check_text(text: str, name: str = "<string>", enabled: Iterable[str] = DEFAULT_CODES,
               lines: LineCache | None = None) -> CheckResult:
    return check_source(Source(name=name, text=text.removeprefix("\ufeff")), enabled, lines)


def check_file(path: str | Path, enabled: Iterable[str] = DEFAULT_CODES, name: str | None = None) -> CheckResult:
    """Check a file on disk; OSError (missing, unreadable) is the caller's to report."""
    path = Path(path)
    return check_bytes(name or path.as_posix(), read_file(path), enabled)


def render_result(result: CheckResult, output_format: str, theme: str = "default", fonts: str = "embed",
                  scenario: str | None = None, detail_links: bool = False) -> bytes:
    """The drawing of a checked blueprint as `svg`, `html`, `png` or `dot`
    bytes; SVG and HTML carry their fonts unless `fonts` is "none". With a
    `scenario`, the drawing of that scenario alone (UnknownScenario if the
    blueprint does not declare it). With `detail_links`, the SVG's detail
    tags link to the .bp path each names (a documentation site resolves it
    to the page that draws that file)."""
    if not result.ok or result.blueprint is None:
        raise RenderError(f"{result.name} has errors; fix them before rendering")
    from blueprint.layout import layout
    from blueprint.render import render

    blueprint = result.blueprint if scenario is None else scenario_drawing(result.blueprint, scenario)
    # Layout builds a large, acyclic scene: the collector would rescan it for nothing.
    with paused():
        return render(layout(blueprint), output_format, theme, fonts, ".bp" if detail_links else None)


# --- formatting (blueprint fmt) -------------------------------------------------
def format_source(source: Source, enabled: Iterable[str] = DEFAULT_CODES, original: str | None = None) -> FormatResult:
    """Format a decoded file (`original`: its text as given, if that differs,
    e.g. by a BOM). A file with errors is not formatted: the result holds its
    diagnostics. Raises UnsafeFormatError if the canonical text would mean
    something else (a formatter bug; nothing must be written then)."""
    from blueprint.format import UnreadableLine, UnsafeFormatError, canonical_text, meaning_of

    original = source.text if original is None else original
    checked = check_source(source, enabled)
    if not checked.ok or checked.blueprint is None:
        return FormatResult(check=checked, original=original)
    try:
        text = canonical_text(source.text)
    except UnreadableLine as error:
        raise UnsafeFormatError(f"formatting {source.name} failed: {error}") from error
    again = check_source(Source(name=source.name, text=text), enabled)
    if again.errors or again.blueprint is None or meaning_of(again.blueprint) != meaning_of(checked.blueprint):
        raise UnsafeFormatError(f"formatting {source.name} would change what it means")
    return FormatResult(check=checked, original=original, text=text)


def format_bytes(name: str, data: bytes, enabled: Iterable[str] = DEFAULT_CODES) -> FormatResult:
    source, problems = decode(name, data)
    if source is None:
        return FormatResult(check=CheckResult(name=name, source=None, blueprint=None, diagnostics=tuple(problems)))
    return format_source(source, enabled, original=data.decode("utf-8"))


def format_text(text: str, name: str = "<string>", enabled: Iterable[str] = DEFAULT_CODES) -> FormatResult:
    return format_source(Source(name=name, text=text.removeprefix("\ufeff")), enabled, original=text)


def format_file(path: str | Path, enabled: Iterable[str] = DEFAULT_CODES, name: str | None = None) -> FormatResult:
    """Format a file on disk (nothing is written); OSError is the caller's to report."""
    path = Path(path)
    return format_bytes(name or path.as_posix(), read_file(path), enabled)


# --- scaffolding (blueprint new) ------------------------------------------------
def starter(name: str, lang: str = DEFAULT_LANGUAGE.value, state: str = DEFAULT_STATE.value) -> Starter:
    """The commented starter blueprint for NAME: its file name (`.bp` added if
    missing) and text. Raises ScaffoldError for a NAME that cannot name a file."""
    from blueprint.model.types import Language, State
    from blueprint.scaffold import make_starter

    return make_starter(name, Language(lang), State(state))


# --- exchange and analysis (blueprint export, schema, import, stats, diff) -------
if TYPE_CHECKING:
    from blueprint.analysis.diff_result import BlueprintDiff
    from blueprint.analysis.stats import BlueprintStats
    from blueprint.exchange.importer import ImportResult
    from blueprint.scaffold import Starter


def _valid_blueprint(result: CheckResult) -> Blueprint:
    if not result.ok or result.blueprint is None:
        raise InvalidBlueprintError(f"{result.name} has errors; fix them first")
    return result.blueprint


def stats_result(result: CheckResult, scenario: str | None = None) -> BlueprintStats:
    """The figures of a checked blueprint (see blueprint.analysis.stats); with
    a `scenario`, of that scenario alone (UnknownScenario if not declared)."""
    from blueprint.analysis.stats import blueprint_stats

    blueprint = _valid_blueprint(result)
    if scenario is not None:
        return blueprint_stats(scenario_drawing(blueprint, scenario), scenario)
    return blueprint_stats(blueprint)


def diff_results(old: CheckResult, new: CheckResult, scenario: str | None = None) -> BlueprintDiff:
    """What changed from one checked blueprint to another (see
    blueprint.analysis.diff); with a `scenario`, in that scenario of each
    (UnknownScenario if either does not declare it)."""
    from blueprint.analysis.diff import diff_blueprints

    before, after = _valid_blueprint(old), _valid_blueprint(new)
    if scenario is not None:
        before, after = project_both(before, after, scenario)
    return diff_blueprints(before, after)


def export_result(result: CheckResult) -> str:
    """The model of a checked blueprint as a JSON document (`"format": "blueprint-model"`)."""
    from blueprint.exchange.document import to_json

    return to_json(_valid_blueprint(result))


def model_schema() -> str:
    """The JSON Schema of the document export_result writes and import_model reads."""
    from blueprint.exchange.schema import schema_json

    return schema_json()


def import_model(data: bytes, source_name: str = "<stdin>", output_name: str = "<import>") -> ImportResult:
    """The .bp text for a JSON model document, checked before it is returned,
    or the problems with the document, each at its JSON path."""
    from blueprint.exchange.importer import import_document

    return import_document(data, _read_back, source_name, output_name)


def _read_back(name: str, data: bytes) -> tuple[Blueprint | None, list[Diagnostic]]:
    result = check_bytes(name, data)
    return result.blueprint, result.errors


# --- comparison drawings (blueprint render --compare) ------------------------------
def render_compare(old_result: CheckResult, new_result: CheckResult, output_format: str,
                   theme: str = "default", fonts: str = "embed") -> bytes:
    """The drawing of the new blueprint with what changed since the old one
    marked (from `diff_results(old, new).marks()`): new and changed cards and
    steps carry a badge and a distinct edge, new fail points a ring, and a
    Changes block lists the counts, the customer's wait and contacts before →
    after, and what was removed. Raises InvalidBlueprintError when either has
    errors."""
    from blueprint.layout import layout
    from blueprint.render import render

    diff = diff_results(old_result, new_result)
    with paused():
        return render(layout(_valid_blueprint(new_result), compare=diff), output_format, theme, fonts)


# --- overview drawings (blueprint render --view overview) ---------------------------
def render_overview(result: CheckResult, output_format: str, theme: str = "default", fonts: str = "embed",
                    scenario: str | None = None) -> bytes:
    """The one-page overview of a checked blueprint: its phases as columns,
    each with its key steps and its fail and wait figures (worst severity,
    longest wait, waits beyond the promise). DOT gives the same summary as a
    graph of phases. With a `scenario`, the overview of that scenario alone
    (UnknownScenario if not declared). Raises RenderError when the blueprint
    has errors."""
    if not result.ok or result.blueprint is None:
        raise RenderError(f"{result.name} has errors; fix them before rendering")
    from blueprint.layout import layout_overview
    from blueprint.render import render

    blueprint = result.blueprint if scenario is None else scenario_drawing(result.blueprint, scenario)
    return render(layout_overview(blueprint), output_format, theme, fonts)


# --- projects of many files (detail references) ------------------------------------
if TYPE_CHECKING:
    from blueprint.project import FileFacts
    from blueprint.project.rollup import TreeStats


def project_facts(result: CheckResult) -> FileFacts:
    """What the project stage needs of a checked file: small enough to keep
    when the model itself is dropped (a worker process sends it back)."""
    from blueprint.project import file_facts

    return file_facts(result.name, result.blueprint, len(result.errors))


def check_project(checked: Sequence[tuple[CheckResult, FileFacts]], enabled: Iterable[str] = DEFAULT_CODES,
                  root: str | None = None) -> list[CheckResult]:
    """The checked files with the findings across their `detail` references
    added, then the check of each file a detail led to that was not among
    them (each file is read once). With `root`, the project's root blueprint
    (read too if not among them), a file it does not reach is a finding."""
    from blueprint.project import check_project as project_findings, file_key

    enabled = frozenset(enabled)
    reached: dict[str, CheckResult] = {}

    def load(name: str) -> FileFacts:
        reached[name] = check_file(name, enabled)
        return project_facts(reached[name])

    given = [facts for _, facts in checked]
    if root is not None and file_key(root) not in {file_key(facts.name) for facts in given}:
        given.insert(0, load(root))
    _, found = project_findings(given, load, root)
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in found:
        if diagnostic.code in enabled or diagnostic.level is Level.ERROR:
            by_file.setdefault(diagnostic.file, []).append(diagnostic)
    results = [result for result, _ in checked] + list(reached.values())
    return [_with_findings(result, by_file.get(result.name, ())) for result in results]


def check_detail_paths(result: CheckResult) -> CheckResult:
    """The result with the paths of its `detail` references checked, their
    form and that each file is there, without reading those files (the name
    must be the file's path): what a documentation build says of a drawing
    whose tags would link nowhere."""
    from blueprint.project import FileFacts, findings_of_file
    from blueprint.project.codes import BAD_DETAIL_PATH, MISSING_DETAIL

    def unread(name: str) -> FileFacts:
        return FileFacts(name=name, title="")  # not read: only what the paths say is said

    _, found = findings_of_file(project_facts(result), unread)
    return _with_findings(result, [d for d in found if d.code in (MISSING_DETAIL.code, BAD_DETAIL_PATH.code)])


def check_with_details(result: CheckResult, load: Callable[[str], FileFacts],
                       enabled: Iterable[str] = DEFAULT_CODES) -> tuple[CheckResult, list[str]]:
    """The result with the findings across files that belong to it, as an
    editor shows them, and the names of the files its details led to. Each
    file is read through `load` (an editor serves its unsaved text, or what
    it kept of a file it read before); a cycle through the file is reported
    at its own reference (the name must be the file's path)."""
    from blueprint.project import findings_of_file

    enabled = frozenset(enabled)
    project, found = findings_of_file(project_facts(result), load)
    read = [project.named(key).name for key in project.reached]
    return _with_findings(result, [d for d in found if d.code in enabled or d.level is Level.ERROR]), read


def file_key(name: str) -> str:
    """One key per file on disk, however its name was written: how the project tells files apart."""
    from blueprint.project import file_key as key

    return key(name)


def _with_findings(result: CheckResult, found: Iterable[Diagnostic]) -> CheckResult:
    found = [diagnostic.localized(result.messages) for diagnostic in found]
    if not found:
        return result
    diagnostics = tuple(sorted((*result.diagnostics, *found), key=Diagnostic.sort_key))
    return result.model_copy(update={"diagnostics": diagnostics})


def tree_stats_result(results: Sequence[CheckResult], root: str | None = None) -> list[TreeStats]:
    """The figures of each tree of the checked blueprints, rolled up to its
    root: from `root`, or else from each blueprint with details that no other
    one names (see blueprint.project.rollup)."""
    from blueprint.project.rollup import tree_stats

    return tree_stats({result.name: _valid_blueprint(result) for result in results}, root)


def render_site(results: Sequence[CheckResult], pages: Sequence[str], index: str, theme: str = "default",
                fonts: str = "embed", root: str | None = None) -> tuple[list[bytes], bytes]:
    """The HTML pages of a project's blueprints (`pages[i]`, the path of the
    page of `results[i]`) linked to one another, and the index page (at
    `index`): each page links to the index, to the pages of the blueprints
    it details and to its details' pages; the index lists every blueprint,
    each tree from its root with its rolled-up figures, and each blueprint's
    own figures. Links are relative paths between the pages."""
    from blueprint.layout import layout
    from blueprint.render.html import render_html
    from blueprint.render.site_index import site_index
    from blueprint.project.rollup import detail_edges
    from blueprint.project.site import index_groups, page_navigation

    blueprints = {result.name: _valid_blueprint(result) for result in results}
    page_of = dict(zip(blueprints, pages))
    edges = detail_edges(blueprints)
    drawn = []
    with paused():
        for name, blueprint in blueprints.items():
            site = page_navigation(name, blueprints, edges, page_of, index)
            drawn.append(render_html(layout(blueprint), theme, fonts, site).encode("utf-8"))
    groups = index_groups(blueprints, page_of, index, root)
    lang = next(iter(blueprints.values())).lang if blueprints else DEFAULT_LANGUAGE
    return drawn, site_index(groups, lang, fonts).encode("utf-8")
