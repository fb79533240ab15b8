"""`blueprint render`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from blueprint.cli.shared import EXIT_CLEAN, check_inputs, describe_os_error, fail_usage, write_stdout
from blueprint.cli.config import ConfigError, find_pyproject, load_settings
from blueprint.render import FONT_OPTIONS, FORMATS, THEMES
from blueprint.vocabulary import DEFAULT_VIEW, SCENARIO_ID, SCENARIO_ID_SHAPE, VIEWS

if TYPE_CHECKING:
    from blueprint.cli.output import Planned

COMPARE_FORMATS: tuple[str, ...] = ("svg", "html", "png")  # DOT carries no marks
COMPARE_NAME_SUFFIX = "-changes"  # deposit.bp -> deposit-changes.svg
VIEW_NAME_SUFFIX = {"full": "", "overview": "-overview"}  # deposit.bp -> deposit-overview.svg


@click.command(name="render")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR…")
@click.option("-o", "--output", metavar="PATH",
              help="File to write (one input), or directory to write into (several inputs); '-' for standard output.")
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS),
              help="Output format (default: from the -o suffix, else svg).")
@click.option("--theme", type=click.Choice(THEMES), default="default", show_default=True, help="Colour theme.")
@click.option("--fonts", type=click.Choice(FONT_OPTIONS), default="embed", show_default=True,
              help="SVG and HTML: carry the fonts the drawing is drawn with, cut down to the characters used "
                   "(embed), or leave them out for the smallest files and name fonts the reader may have (none).")
@click.option("--force", is_flag=True, help="Replace output files that already exist.")
@click.option("--compare", "compare_with", metavar="OLD.bp",
              help="Draw FILE with what changed since OLD.bp marked (svg, html or png; "
                   "default output: FILE-changes.svg beside FILE).")
@click.option("--view", type=click.Choice(VIEWS), default=DEFAULT_VIEW, show_default=True,
              help="full: every lane, card and flow; overview: one page with a column per phase, its key steps "
                   "and its fail and wait figures (default output: FILE-overview.svg beside FILE).")
@click.option("--scenario", metavar="ID",
              help="Draw one scenario of the blueprint alone (an ID its 'scenario' lines declare).")
def command(paths, output, output_format, theme, fonts, force, compare_with, view, scenario) -> None:
    """Draw .bp files as SVG, HTML, PNG or Graphviz DOT.

    Without -o each drawing is written beside its input (deposit.bp →
    deposit.svg). With several inputs or a directory, -o names a directory
    (created if missing) and subfolders of a directory argument are kept.
    Every file is checked first: if any has an error, the problems are
    listed and nothing is written. Existing files are replaced only with
    --force. Exit status: 0 when drawn, 1 when an input has errors, 2 on a
    usage or I/O error.

    With --compare OLD.bp, FILE (one file) is drawn with what changed since
    OLD.bp marked: new and changed cards and steps, new fail points, and a
    list of what was removed.

    With --view overview, each file is drawn on one page: a column per
    phase with its key steps and its fail and wait figures. With --scenario
    ID, the drawing shows that scenario's steps, actions and flows only.

    \b
    Examples:
      blueprint render deposit.bp
      blueprint render deposit.bp -o deposit-dark.png --theme dark
      blueprint render deposit.bp -o deposit.svg --fonts none
      blueprint render examples/ -o site/ -f html
      blueprint render deposit.bp -f dot -o - | dot -Tpdf > deposit.pdf
      blueprint render --compare branch-current.bp branch-future.bp
      blueprint render mortgage.bp --view overview -f png
      blueprint render account-opening.bp --scenario online -o online.svg
    """
    if compare_with is not None:
        _render_compare(compare_with, paths, output, output_format, theme, fonts, force, view)
    from blueprint.cli.files import NoFilesError
    from blueprint.cli.output import OutputPlanError, choose_format, plan_outputs

    try:
        enabled = load_settings(find_pyproject(Path.cwd())).enabled_codes()
        output_format = choose_format(output_format, output)
        planned = plan_outputs(paths, output, output_format, name_suffix=_name_suffix(view, scenario))
    except (ConfigError, OutputPlanError, NoFilesError) as error:
        fail_usage(str(error))
    except OSError as error:  # the inputs were found: it is the output the system refuses
        fail_usage(describe_os_error(error, "cannot write", output))

    results = check_inputs([item.source for item in planned], enabled, show_warnings=True)
    index = _site_index(paths, output, output_format, planned, view, scenario)
    if not force:
        _refuse_to_replace(planned + index)
    if index:
        from blueprint.cli.site import write_site

        write_site(results, planned, index[0], theme, fonts, force, _write_file)

    _write_all(planned, _drawings(results, output_format, theme, fonts, view, scenario), force)
    sys.exit(EXIT_CLEAN)


def _write_all(planned: list[Planned], drawings: list[bytes], force: bool) -> None:
    for item, drawing in zip(planned, drawings):
        if item.destination is None:
            write_stdout(drawing)
        else:
            _write_file(item.destination, drawing, force)


def _site_index(paths: tuple[str, ...], output: str | None, output_format: str, planned: list[Planned], view: str,
                scenario: str | None) -> list[Planned]:
    """The index page of the site, when the command draws one (the full HTML
    drawings of one folder, linked to each other), else nothing."""
    from blueprint.cli.site import index_of, is_site

    if view != "full" or scenario is not None or not is_site(paths, output_format):
        return []
    return [index_of(paths, output, planned)]


def _name_suffix(view: str, scenario: str | None) -> str:
    """What a default output name adds to its input's stem: deposit.bp ->
    deposit-overview.svg, account.bp --scenario online -> account-online.svg,
    so that no view or scenario replaces the whole drawing."""
    from blueprint.cli.output import OutputPlanError

    if scenario is not None and not SCENARIO_ID.fullmatch(scenario):
        raise OutputPlanError(f"'{scenario}' is not a scenario ID ({SCENARIO_ID_SHAPE})")
    return VIEW_NAME_SUFFIX[view] + (f"-{scenario}" if scenario else "")


def _drawings(results: list, output_format: str, theme: str, fonts: str, view: str,
              scenario: str | None) -> list[bytes]:
    """Every checked file drawn in `view` (one scenario of each, with
    `scenario`); a usage error for what the user must fix (an undeclared
    scenario, a missing font or PNG package, a picture too large)."""
    from blueprint.api import UnknownScenario, render_overview, render_result

    draw = render_overview if view == "overview" else render_result
    try:
        return [draw(result, output_format, theme, fonts, scenario) for result in results]
    except (UnknownScenario, *_render_errors(output_format)) as error:
        fail_usage(str(error))


def _refuse_to_replace(planned: list[Planned]) -> None:
    """A usage error when any destination exists already (replaced only with --force)."""
    from blueprint.cli.output import existing_destinations

    try:
        present = existing_destinations(planned)
    except OSError as error:
        fail_usage(describe_os_error(error, "cannot write"))
    if present:
        names = ", ".join(str(path) for path in present)
        fail_usage(f"{names} already exist{'s' if len(present) == 1 else ''}; use --force to replace")


def _render_errors(output_format: str) -> tuple[type[Exception], ...]:
    """What drawing can fail with that is the user's to fix (PNG support or a
    font package missing, a picture too large)."""
    if output_format == "dot":
        return ()
    from blueprint.render.embedded_fonts import FontsMissing

    if output_format != "png":
        return (FontsMissing,)
    from blueprint.render.png import PngSupportMissing, PngTooLarge

    return (PngSupportMissing, PngTooLarge, FontsMissing)


def _write_file(destination: Path, drawing: bytes, force: bool) -> None:
    from blueprint.cli.output import OutputExistsError, write_atomically

    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(destination, drawing, overwrite=force)
    except OutputExistsError as error:
        fail_usage(f"{error.filename} appeared while rendering; use --force to replace it")
    except OSError as error:
        fail_usage(f"cannot write {error.filename or destination}: {error.strerror or error}")
    click.echo(f"wrote {destination}", err=True)


def _render_compare(old: str, paths: tuple[str, ...], output: str | None, output_format: str | None, theme: str,
                    fonts: str, force: bool, view: str = DEFAULT_VIEW) -> NoReturn:
    """`render --compare OLD.bp NEW.bp`: one drawing of NEW with its changes since OLD marked."""
    if view != DEFAULT_VIEW:
        fail_usage("--compare draws the full view; leave out --view")
    from blueprint.api import render_compare
    from blueprint.cli.files import NoFilesError
    from blueprint.cli.output import OutputPlanError, choose_format, plan_outputs

    if len(paths) != 1:
        fail_usage("--compare draws one file: give OLD.bp after --compare and then NEW.bp")
    new = Path(paths[0])
    try:
        enabled = load_settings(find_pyproject(Path.cwd())).enabled_codes()
        output_format = choose_format(output_format, output)
    except (ConfigError, OutputPlanError) as error:
        fail_usage(str(error))
    except OSError as error:
        fail_usage(describe_os_error(error, "cannot write", output))
    if output_format not in COMPARE_FORMATS:
        fail_usage(f"--compare draws {', '.join(COMPARE_FORMATS[:-1])} or {COMPARE_FORMATS[-1]}, not {output_format}")
    for path in (old, paths[0]):
        try:
            if not Path(path).is_file():
                fail_usage(f"no such file: {path}" if not Path(path).exists() else f"{path} is not a file")
        except OSError as error:
            fail_usage(describe_os_error(error, "cannot read", path))
    try:
        [planned] = plan_outputs(paths, output, output_format, name_suffix=COMPARE_NAME_SUFFIX,
                                 also_read=[Path(old)])
    except (OutputPlanError, NoFilesError) as error:
        fail_usage(str(error))
    except OSError as error:
        fail_usage(describe_os_error(error, "cannot write", output))

    results = check_inputs([Path(old), new], enabled, show_warnings=True)
    if not force:
        _refuse_to_replace([planned])

    try:
        drawing = render_compare(results[0], results[1], output_format, theme, fonts)
    except _render_errors(output_format) as error:
        fail_usage(str(error))
    if planned.destination is None:
        write_stdout(drawing)
    else:
        _write_file(planned.destination, drawing, force)
    sys.exit(EXIT_CLEAN)
