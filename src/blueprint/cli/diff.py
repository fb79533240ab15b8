"""`blueprint diff`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command(name="diff")
@click.argument("old", metavar="OLD.bp")
@click.argument("new", metavar="NEW.bp")
@click.option("-f", "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
def command(old, new, output_format) -> None:
    """Compare two states of a service, typically current and future.

    Lists steps and actions added, removed and changed (matched by ID, with
    what changed), fail points resolved and introduced (matched by action
    and description), and the change in customer wait, customer contacts,
    hand-offs and total duration. `-` reads one of the two from standard
    input. Exit status: 0 when compared, whether or not anything changed;
    1 when either file has errors; 2 on a usage or I/O error.

    \b
    Examples:
      blueprint diff branch-current.bp branch-future.bp
      blueprint diff --format json v1/deposit.bp deposit.bp > changes.json
    """
    from blueprint.analysis.diff_result import DiffReport
    from blueprint.analysis.diff_text import format_diff
    from blueprint.api import check_bytes, check_file, diff_results
    from blueprint.cli.shared import EXIT_CLEAN, EXIT_FINDINGS, STDOUT, fail_usage, write_stdout
    from blueprint.config import ConfigError, find_pyproject, load_settings
    from blueprint.report import render_report

    if old == STDOUT and new == STDOUT:
        fail_usage("only one of OLD and NEW can be read from standard input")
    try:
        enabled = load_settings(find_pyproject(Path.cwd())).enabled_codes()
        results = [
            check_bytes("<stdin>", sys.stdin.buffer.read(), enabled) if name == STDOUT else check_file(name, enabled)
            for name in (old, new)
        ]
    except ConfigError as error:
        fail_usage(str(error))
    except OSError as error:
        fail_usage(f"cannot read {error.filename}: {error.strerror or error}")
    if not all(result.ok for result in results):
        click.echo(render_report(results, "text", color=sys.stderr.isatty()), err=True)
        sys.exit(EXIT_FINDINGS)
    before, after = results
    diff = diff_results(before, after)
    if output_format == "json":
        write_stdout(DiffReport(diff=diff).model_dump_json(indent=2) + "\n")
    else:
        write_stdout(format_diff(diff, before.blueprint, after.blueprint) + "\n")
    sys.exit(EXIT_CLEAN)
