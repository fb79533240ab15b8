"""What every command shares: exit statuses, the usage-error exit, checking
the inputs, and writing reports and data to stdout."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from blueprint.results import CheckResult

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
STDOUT = "-"
STDIN_NAME = "<stdin>"  # the name standard input is checked and reported under


def fail_usage(message: str) -> NoReturn:
    click.echo(f"blueprint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def describe_os_error(error: OSError, verb: str = "cannot use", path: object = None) -> str:
    """`cannot read PATH: File name too long`: what the system refused, and on which path."""
    name = error.filename if error.filename is not None else path
    reason = error.strerror or str(error)
    return reason if name is None else f"{verb} {name}: {reason}"


def write_stdout(data: str | bytes) -> None:
    """Write to standard output; a reader that goes away early (`| head`) or a
    full disk is a usage error, not a traceback."""
    try:
        sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
        sys.stdout.buffer.flush()
    except OSError as error:
        # Point stdout at nothing so that Python's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        fail_usage(f"cannot write to standard output: {error.strerror or error}")


def emit(results: Sequence[CheckResult], output_format: str, color: bool = False, docs_url: str | None = None) -> None:
    """Print the report of `results` in `output_format` on standard output
    (nothing when it is empty). File locations in SARIF are relative to the
    current folder, which is where a CI job checks its repository out."""
    from blueprint.report import render_report

    text = render_report(results, output_format, color, docs_url=docs_url, source_root=Path.cwd())
    if text:
        click.echo(text)


def check_inputs(inputs: Sequence[Path | str], enabled: Iterable[str], show_warnings: bool) -> list[CheckResult]:
    """Check every input (a Path is a file; the string "-" is standard input)
    before a command uses any of them. An input that cannot be read is a usage
    error. When any has an error, every problem goes to stderr and the command
    exits 1; with `show_warnings`, the warnings of inputs that can go on are
    shown too."""
    from blueprint.api import check_bytes, check_file
    from blueprint.parse.decode import read_limited
    from blueprint.report import render_report

    enabled = frozenset(enabled)
    results = []
    for source in inputs:
        try:
            results.append(check_bytes(STDIN_NAME, read_limited(sys.stdin.buffer), enabled) if source == STDOUT
                           else check_file(source, enabled))
        except OSError as error:
            fail_usage(f"cannot read {error.filename or source}: {error.strerror or error}")
    failed = not all(result.ok for result in results)
    results = [result.localized() for result in results]  # each in its file's language
    if failed or (show_warnings and any(result.diagnostics for result in results)):
        click.echo(render_report(results, "text", color=sys.stderr.isatty()), err=True)
    if failed:
        sys.exit(EXIT_FINDINGS)
    return results
