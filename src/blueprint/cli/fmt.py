"""`blueprint fmt`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from blueprint.cli.shared import EXIT_CLEAN, EXIT_FINDINGS, fail_usage, write_stdout
from blueprint.cli.config import ConfigError, find_pyproject, load_settings

if TYPE_CHECKING:
    from blueprint.results import CheckResult

STDIN = "-"
_BUG = "this is a bug in blueprint fmt: please report it with the file"


@click.command(name="fmt")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR…")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 and list the files that would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the changes as a unified diff; write nothing.")
@click.option("--brief-errors", is_flag=True,
              help="For a file with errors, say only that it cannot be formatted (for a hook run beside "
                   "blueprint check, which lists them).")
def command(paths, check_only, show_diff, brief_errors) -> None:
    """Rewrite .bp files in the one canonical layout.

    Indentation follows the nesting, tokens are separated by one space,
    every comment is kept and nothing about the blueprint changes. A file
    with errors is not touched: its problems are listed as `blueprint check`
    lists them. Only files that change are written, each in one step.
    `-` reads standard input and writes the result to standard output.
    Exit status: 0 when done (or, with --check or --diff, when nothing would
    change), 1 when a file has errors or would change, 2 on a usage or I/O
    error.

    \b
    Examples:
      blueprint fmt examples/
      blueprint fmt --check flows/
      blueprint fmt --diff deposit.bp
      blueprint fmt - < deposit.bp
    """
    try:
        settings = load_settings(find_pyproject(Path.cwd()))
        enabled = settings.enabled_codes()
    except ConfigError as error:
        fail_usage(str(error))
    if STDIN in paths:
        if len(paths) > 1:
            fail_usage("- (standard input) cannot be combined with other files")
        _format_stdin(enabled, check_only, show_diff, brief_errors, settings.messages)
    _format_files(paths, enabled, check_only, show_diff, brief_errors, settings.messages)


def _report_errors(results: list[CheckResult], brief: bool, messages: str | None) -> None:
    """The problems of files that cannot be formatted, on stderr: as `blueprint
    check` lists them or, brief, one line a file; each in `messages` or in its
    file's own language."""
    from blueprint.report import render_report
    from blueprint.report.formatting import not_formatted

    results = [result.localized(messages) for result in results]
    if brief:
        click.echo("\n".join(not_formatted(result.name, len(result.errors), result.messages) for result in results),
                   err=True)
    else:
        click.echo(render_report(results, "text", color=sys.stderr.isatty()), err=True)


def _format_stdin(enabled: frozenset[str], check_only: bool, show_diff: bool, brief_errors: bool,
                  messages: str | None) -> NoReturn:
    """Standard input formatted to standard output (or its diff, or only the exit status)."""
    from blueprint.api import format_bytes
    from blueprint.parse.decode import read_limited
    from blueprint.format import UnsafeFormatError, unified_diff

    try:
        result = format_bytes("<stdin>", read_limited(sys.stdin.buffer), enabled)
    except UnsafeFormatError as error:
        click.echo(f"blueprint: error: {error}; {_BUG}", err=True)
        sys.exit(EXIT_FINDINGS)
    if not result.ok:
        _report_errors([result.check], brief_errors, messages)
        sys.exit(EXIT_FINDINGS)
    if show_diff:
        click.echo(unified_diff("<stdin>", result.original, result.text), nl=False)
    elif not check_only:
        write_stdout(result.text)
    sys.exit(EXIT_FINDINGS if result.changed and (check_only or show_diff) else EXIT_CLEAN)


def _format_files(paths: tuple[str, ...], enabled: frozenset[str], check_only: bool, show_diff: bool,
                  brief_errors: bool, messages: str | None) -> NoReturn:
    """Every file under `paths` rewritten in place (or its diff shown, or only listed)."""
    from blueprint.api import format_file
    from blueprint.cli.files import NoFilesError, discover
    from blueprint.format import UnsafeFormatError, unified_diff
    from blueprint.report.formatting import formatting_summary

    try:
        files = _each_file_once(discover(paths))
    except NoFilesError as error:
        fail_usage(str(error))

    dry_run = check_only or show_diff
    reports, unsafe, changed, unchanged = [], 0, 0, 0
    languages = set()
    for path in files:
        name = path.as_posix()
        try:
            result = format_file(path, enabled, name=name)
        except OSError as error:
            fail_usage(f"cannot read {error.filename or name}: {error.strerror or error}")
        except UnsafeFormatError as error:
            click.echo(f"blueprint: error: {error}; it is left as it is; {_BUG}", err=True)
            unsafe += 1
            continue
        languages.add(result.check.written_in())
        if not result.ok:
            reports.append(result.check)
            continue
        if not result.changed:
            unchanged += 1
            continue
        changed += 1
        if show_diff:
            click.echo(unified_diff(name, result.original, result.text), nl=False)
        elif check_only:
            click.echo(f"would reformat {name}", err=True)
        else:
            _rewrite(path, result.text.encode("utf-8"))
            click.echo(f"reformatted {name}", err=True)

    if reports:
        _report_errors(reports, brief_errors, messages)
    failed = len(reports) + unsafe
    # The files' own language when they share one (English otherwise), unless one is asked for.
    language = messages or (languages.pop() if len(languages) == 1 else "en")
    click.echo(formatting_summary(changed, unchanged, failed, dry_run, language), err=True)
    sys.exit(EXIT_FINDINGS if failed or (dry_run and changed) else EXIT_CLEAN)


def _each_file_once(paths: list[Path]) -> list[Path]:
    # The same file reached twice (through a link, or `a.bp ./a.bp`) is formatted once.
    unique: dict[Path, Path] = {}
    for path in paths:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _rewrite(path: Path, data: bytes) -> None:
    """Replace a file's content in one step, keeping its permissions and its
    owner, and writing through a symbolic link rather than replacing the
    link. A file the user may not write is refused, though its folder would
    let it be replaced; so is one whose owner could not be kept."""
    from blueprint.cli.output import ReadOnlyError, may_write, write_atomically

    target = path.resolve()
    try:
        status = target.stat()
        if not may_write(target, status):
            raise ReadOnlyError(path)
        write_atomically(target, data, overwrite=True, mode=stat.S_IMODE(status.st_mode),
                         owner=(status.st_uid, status.st_gid))
    except OSError as error:
        fail_usage(f"cannot write {error.filename or path}: {error.strerror or error}")
