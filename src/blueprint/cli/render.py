"""`blueprint render`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from blueprint.config import ConfigError, find_pyproject, load_settings
from blueprint.render import FORMATS, THEMES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _fail_usage(message: str) -> NoReturn:
    click.echo(f"blueprint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


@click.command(name="render")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR…")
@click.option("-o", "--output", metavar="PATH",
              help="File to write (one input), or directory to write into (several inputs); '-' for standard output.")
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS),
              help="Output format (default: from the -o suffix, else svg).")
@click.option("--theme", type=click.Choice(THEMES), default="default", show_default=True, help="Colour theme.")
@click.option("--force", is_flag=True, help="Replace output files that already exist.")
def command(paths, output, output_format, theme, force) -> None:
    """Draw .bp files as SVG, HTML, PNG or Graphviz DOT.

    Without -o each drawing is written beside its input (deposit.bp →
    deposit.svg). With several inputs or a directory, -o names a directory
    (created if missing) and subfolders of a directory argument are kept.
    Every file is checked first: if any has an error, the problems are
    listed and nothing is written. Existing files are replaced only with
    --force. Exit status: 0 when drawn, 1 when an input has errors, 2 on a
    usage or I/O error.

    \b
    Examples:
      blueprint render deposit.bp
      blueprint render deposit.bp -o deposit-dark.png --theme dark
      blueprint render examples/ -o site/ -f html
      blueprint render deposit.bp -f dot -o - | dot -Tpdf > deposit.pdf
    """
    from blueprint.api import check_file, render_result
    from blueprint.files import NoFilesError
    from blueprint.output import (
        OutputExistsError,
        OutputPlanError,
        choose_format,
        existing_destinations,
        plan_outputs,
        write_atomically,
    )
    from blueprint.report import render_report

    try:
        enabled = load_settings(find_pyproject(Path.cwd())).enabled_codes()
        output_format = choose_format(output_format, output)
        planned = plan_outputs(paths, output, output_format)
    except (ConfigError, OutputPlanError, NoFilesError) as error:
        _fail_usage(str(error))

    try:
        results = [check_file(item.source, enabled, name=item.source.as_posix()) for item in planned]
    except OSError as error:
        _fail_usage(f"cannot read {error.filename}: {error.strerror}")
    if any(result.diagnostics for result in results):
        click.echo(render_report(results, "text", color=sys.stderr.isatty()), err=True)
    if not all(result.ok for result in results):
        sys.exit(EXIT_FINDINGS)

    if not force and (present := existing_destinations(planned)):
        names = ", ".join(str(path) for path in present)
        _fail_usage(f"{names} already exist{'s' if len(present) == 1 else ''}; use --force to replace")

    expected: tuple[type[Exception], ...] = ()
    if output_format == "png":
        from blueprint.render.png import PngSupportMissing, PngTooLarge

        expected = (PngSupportMissing, PngTooLarge)
    try:
        drawings = [render_result(result, output_format, theme) for result in results]
    except expected as error:
        _fail_usage(str(error))

    for item, drawing in zip(planned, drawings):
        if item.destination is None:
            _write_stdout(drawing)
            continue
        try:
            item.destination.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(item.destination, drawing, overwrite=force)
        except OutputExistsError as error:
            _fail_usage(f"{error.filename} appeared while rendering; use --force to replace it")
        except OSError as error:
            _fail_usage(f"cannot write {error.filename or item.destination}: {error.strerror or error}")
        click.echo(f"wrote {item.destination}", err=True)
    sys.exit(EXIT_CLEAN)


def _write_stdout(drawing: bytes) -> None:
    try:
        sys.stdout.buffer.write(drawing)
        sys.stdout.buffer.flush()
    except OSError as error:
        # The reader went away (`| head`) or the disk is full: point stdout at
        # nothing so that Python's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _fail_usage(f"cannot write to standard output: {error.strerror or error}")
