"""`blueprint export`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from blueprint.cli.shared import EXIT_CLEAN, STDOUT, check_inputs, fail_usage, write_stdout


def write_file(output: str, text: str, force: bool, inputs: tuple[str, ...]) -> None:
    """Write `text` to `output` atomically; never over an input, never over a file without --force."""
    from blueprint.cli.output import OutputExistsError, write_atomically

    destination = Path(output)
    if any(name != STDOUT and Path(name).resolve() == destination.resolve() for name in inputs):
        fail_usage(f"{output} is an input; refusing to write over it")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(destination, text.encode("utf-8"), overwrite=force)
    except OutputExistsError:
        fail_usage(f"{output} already exists; use --force to replace it")
    except OSError as error:
        fail_usage(f"cannot write {error.filename or output}: {error.strerror or error}")
    click.echo(f"wrote {output}", err=True)


@click.command(name="export")
@click.argument("path", metavar="FILE")
@click.option("-f", "--format", "output_format", type=click.Choice(["json"]), default="json", show_default=True,
              help="Output format.")
@click.option("-o", "--output", metavar="FILE", help="File to write (default: standard output).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def command(path, output_format, output, force) -> None:
    """Write the model of a .bp file as JSON.

    The document holds the checked model with the place of everything in
    the source (line and column), under "format": "blueprint-model" and
    "version": 1; `blueprint schema` describes it and `blueprint import`
    turns it back into a .bp file. A file with errors is not exported: its
    problems are listed and nothing is written. Exit status: 0 when
    exported, 1 when the file has errors, 2 on a usage or I/O error.

    \b
    Examples:
      blueprint export deposit.bp > deposit.json
      blueprint export deposit.bp -o build/deposit.json --force
    """
    from blueprint.api import export_result
    from blueprint.cli.config import ConfigError, find_pyproject, load_settings

    try:
        enabled = load_settings(find_pyproject(Path.cwd())).enabled_codes()
    except ConfigError as error:
        fail_usage(str(error))
    [result] = check_inputs([path if path == STDOUT else Path(path)], enabled, show_warnings=False)
    document = export_result(result)
    if output is None or output == STDOUT:
        write_stdout(document)
    else:
        write_file(output, document, force, (path,))
    sys.exit(EXIT_CLEAN)
