"""`blueprint import`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import sys

import click


@click.command(name="import")
@click.argument("path", metavar="MODEL.json")
@click.option("-o", "--output", metavar="FILE", help="The .bp file to write (default: standard output).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def command(path, output, force) -> None:
    """Write a .bp file from a JSON model document.

    The document is what `blueprint export` writes, or what another tool
    generated following `blueprint schema`; positions, F and W numbers and
    other fields that follow from the rest may be left out. It is validated
    against the model, and the .bp text is checked before anything is
    written: each problem is reported with its JSON path, and nothing is
    written. `-` reads standard input. Exit status: 0 when written, 1 when
    the document has problems, 2 on a usage or I/O error.

    \b
    Examples:
      blueprint import deposit.json -o deposit.bp
      generate-blueprint | blueprint import - > deposit.bp
    """
    from blueprint.api import import_model
    from blueprint.cli.shared import EXIT_CLEAN, EXIT_FINDINGS, STDOUT, fail_usage, write_stdout
    from blueprint.cli.export import write_file
    from blueprint.exchange.importer import MAX_DOCUMENT_BYTES
    from blueprint.parse.decode import read_limited
    from blueprint.report.import_problems import format_problems

    try:
        if path == STDOUT:
            data = read_limited(sys.stdin.buffer, MAX_DOCUMENT_BYTES)
        else:
            with open(path, "rb") as stream:
                data = read_limited(stream, MAX_DOCUMENT_BYTES)
    except OSError as error:
        fail_usage(f"cannot read {error.filename or path}: {error.strerror or error}")
    name = "<stdin>" if path == STDOUT else path
    to_file = output is not None and output != STDOUT
    result = import_model(data, source_name=name, output_name=output if to_file else "<stdout>")
    if result.text is None:
        click.echo(format_problems(name, result.problems), err=True)
        sys.exit(EXIT_FINDINGS)
    if to_file:
        write_file(output, result.text, force, (path,))
    else:
        write_stdout(result.text)
    sys.exit(EXIT_CLEAN)
