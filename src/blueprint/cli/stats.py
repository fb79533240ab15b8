"""`blueprint stats`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from blueprint.results import CheckResult


@click.command(name="stats")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR…")
@click.option("-f", "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--scenario", metavar="ID", help="Count one scenario of the blueprint alone.")
def command(paths, output_format, scenario) -> None:
    """Count what blueprints hold: steps, actions, contacts, fail points, waits.

    \b
    For each file:
    - actions per lane; steps, actions, fail points and customer wait per phase;
    - flows across each line: customer contacts across the line of interaction,
      hand-offs across the line of visibility and of internal interaction;
    - fail points by severity, and how many have a recovery;
    - the customer wait per step and in total, compared with max-wait;
    - total duration and cost;
    - in a blueprint with scenarios, each scenario's steps, contacts, fail
      points and waits, compared with the first declared (the main one);
    - for blueprints with details (read too), each tree's figures rolled up
      to its root: the end-to-end customer wait and fail points, per level.

    Ranges add up as min..max. Directories are searched for *.bp files; `-`
    reads standard input. Every file is checked first: if any has an error,
    the problems are listed instead. Exit status: 0 when counted, 1 when a
    file has errors, 2 on a usage or I/O error.

    \b
    Examples:
      blueprint stats deposit.bp
      blueprint stats --format json examples/ > stats.json
      blueprint stats account-opening.bp --scenario online
    """
    from blueprint.analysis.stats import StatsReport
    from blueprint.report.stats import format_stats_report
    from blueprint.api import UnknownScenario, stats_result, tree_stats_result
    from blueprint.project.rollup import ProjectStatsReport
    from blueprint.report.tree_stats import format_trees
    from blueprint.cli.shared import EXIT_CLEAN, STDOUT, check_inputs, fail_usage, write_stdout
    from blueprint.cli.config import ConfigError, find_pyproject, load_settings
    from blueprint.cli.files import NoFilesError, discover

    try:
        enabled = load_settings(find_pyproject(Path.cwd())).enabled_codes()
        inputs = [p for p in paths if p == STDOUT][:1] + list(discover(p for p in paths if p != STDOUT))
    except (ConfigError, NoFilesError) as error:
        fail_usage(str(error))
    results = check_inputs(inputs, enabled, show_warnings=False)
    results, root = with_details(results, enabled)
    try:
        figures = [stats_result(result, scenario) for result in results]
    except UnknownScenario as error:
        fail_usage(str(error))
    trees = tree_stats_result(results, root)
    if output_format == "json":
        report = ProjectStatsReport(blueprints=figures, trees=trees) if trees else StatsReport(blueprints=figures)
        write_stdout(report.model_dump_json(indent=2) + "\n")
    else:
        write_stdout("\n\n\n".join([format_stats_report(figures), *([format_trees(trees)] if trees else [])]) + "\n")
    sys.exit(EXIT_CLEAN)


def with_details(results: list[CheckResult], enabled: frozenset[str]) -> tuple[list[CheckResult], str | None]:
    """The results and those of the files their details lead to, and the
    project's root; a finding across files that is an error stops the
    command as an error in a file does."""
    from blueprint.api import check_project, project_facts
    from blueprint.cli.config import find_pyproject, load_settings
    from blueprint.cli.shared import EXIT_FINDINGS, STDIN_NAME
    from blueprint.report import render_report

    root = load_settings(find_pyproject(Path.cwd())).root
    files = [result for result in results if result.name != STDIN_NAME]
    checked = check_project([(result, project_facts(result)) for result in files], enabled, root)
    if any(result.errors for result in checked):
        click.echo(render_report([r.localized() for r in checked], "text", color=sys.stderr.isatty()), err=True)
        sys.exit(EXIT_FINDINGS)
    return [result for result in results if result.name == STDIN_NAME] + checked, root
