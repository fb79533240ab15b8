"""`blueprint check`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from blueprint.config import FORMATS, ConfigError, Settings, find_pyproject, load_settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


def _fail_usage(message: str) -> None:
    click.echo(f"blueprint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


@click.command(name="check")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR…")
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS), help="Output format (default: text).")
@click.option("--strict/--no-strict", default=None,
              help="Exit 1 on warnings too, not only on errors (--no-strict overrides strict = true in pyproject.toml).")
@click.option("--select", metavar="CODES", help="Comma-separated warnings (codes or prefixes) to report instead of the defaults, e.g. BP3.")
@click.option("--extend-select", metavar="CODES", help="Warnings to report on top of the selection, e.g. BP305.")
@click.option("--ignore", metavar="CODES", help="Warnings not to report, e.g. BP304.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="pyproject.toml to read [tool.blueprint] from (default: the nearest one above the current folder).")
@click.option("--no-config", is_flag=True, help="Ignore pyproject.toml.")
def command(paths, output_format, strict, select, extend_select, ignore, config_path, no_config) -> None:
    """Check .bp files and report every problem.

    Directories are searched for *.bp files; `-` reads standard input. Exit
    status: 0 when clean (warnings allowed unless --strict), 1 when there are
    findings, 2 on a usage or I/O error. Defaults come from [tool.blueprint]
    in pyproject.toml.

    \b
    Examples:
      blueprint check examples/
      blueprint check --strict --format sarif flows/ > blueprint.sarif
      blueprint check --extend-select BP305 deposit.bp
    """
    from blueprint.api import check_bytes, check_file
    from blueprint.files import NoFilesError, discover
    from blueprint.report import emit

    try:
        settings = Settings() if no_config else load_settings(config_path or find_pyproject(Path.cwd()))
        settings = settings.merged(
            format=output_format,
            strict=strict,
            select=_codes(select),
            extend_select=_codes(extend_select),
            ignore=_codes(ignore),
        )
        enabled = settings.enabled_codes()
    except ConfigError as error:
        _fail_usage(str(error))

    results = []
    try:
        files = [p for p in paths if p == "-"] + [str(f) for f in discover(p for p in paths if p != "-")]
        for name in files:
            if name == "-":
                results.append(check_bytes("<stdin>", sys.stdin.buffer.read(), enabled))
            else:
                results.append(check_file(name, enabled))
    except NoFilesError as error:
        _fail_usage(str(error))
    except OSError as error:
        _fail_usage(f"cannot read {error.filename}: {error.strerror}")

    emit(results, settings.format, color=sys.stdout.isatty())
    failing = any(r.errors for r in results) or (settings.strict and any(r.warnings for r in results))
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)
