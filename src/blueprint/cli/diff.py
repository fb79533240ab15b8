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
@click.option("--scenario", metavar="ID", help="Compare one scenario, declared in both files, alone.")
def command(old, new, output_format, scenario) -> None:
    """Compare two states of a service, typically current and future.

    Lists steps and actions added, removed and changed (matched by ID, with
    what changed), fail points resolved and introduced (matched by action
    and description), and the change in customer wait, customer contacts,
    hand-offs and total duration. `-` reads one of the two from standard
    input. With --scenario ID, each file's steps, actions and flows of that
    scenario are compared. Exit status: 0 when compared, whether or not anything changed;
    1 when either file has errors; 2 on a usage or I/O error.

    \b
    Examples:
      blueprint diff branch-current.bp branch-future.bp
      blueprint diff --format json v1/deposit.bp deposit.bp > changes.json
      blueprint diff v1/account-opening.bp account-opening.bp --scenario online
    """
    from blueprint.analysis.diff_result import DiffReport
    from blueprint.report.diff import format_diff
    from blueprint.api import UnknownScenario, diff_results
    from blueprint.cli.shared import EXIT_CLEAN, STDOUT, check_inputs, fail_usage, write_stdout
    from blueprint.cli.config import ConfigError, find_pyproject, load_settings

    if old == STDOUT and new == STDOUT:
        fail_usage("only one of OLD and NEW can be read from standard input")
    try:
        enabled = load_settings(find_pyproject(Path.cwd())).enabled_codes()
    except ConfigError as error:
        fail_usage(str(error))
    before, after = check_inputs([name if name == STDOUT else Path(name) for name in (old, new)], enabled,
                                 show_warnings=False)
    try:
        diff = diff_results(before, after, scenario)
    except UnknownScenario as error:
        fail_usage(str(error))
    if output_format == "json":
        write_stdout(DiffReport(diff=diff).model_dump_json(indent=2) + "\n")
    else:
        write_stdout(format_diff(diff, before.blueprint, after.blueprint) + "\n")
    sys.exit(EXIT_CLEAN)
