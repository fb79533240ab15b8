"""`blueprint check`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from blueprint.cli.shared import EXIT_CLEAN, EXIT_FINDINGS, emit, fail_usage
from blueprint.cli.config import FORMATS, ConfigError, Settings, find_pyproject, load_settings


if TYPE_CHECKING:
    from blueprint.project import FileFacts
    from blueprint.results import CheckResult

# Below this many files a pool of processes costs more to start than it saves;
# and no worker is started for fewer than half as many.
PARALLEL_FROM = 16
FILES_PER_WORKER = PARALLEL_FROM // 2
# Chunks of files handed to each worker: enough files in a chunk to keep the
# hand-over cheap, few enough that the last chunks still spread over every worker.
CHUNKS_PER_WORKER = 4


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip().upper() for part in value.split(",") if part.strip())


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
@click.option("--messages", metavar="LANG",
              help="Language of diagnostics and the summary: en, zh (or zh-Hans) or zh-Hant "
                   "(default: each file's own lang).")
@click.option("--docs-url", metavar="URL",
              help="Address of the blueprint documentation site, for the rule links in SARIF.")
def command(paths, output_format, strict, select, extend_select, ignore, config_path, no_config, messages,
            docs_url) -> None:
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
    from blueprint.api import check_bytes
    from blueprint.parse.decode import read_limited
    from blueprint.cli.files import NoFilesError, discover

    try:
        settings = Settings.model_construct() if no_config else load_settings(config_path or find_pyproject(Path.cwd()))
        settings = settings.merged(
            format=output_format,
            strict=strict,
            select=_codes(select),
            extend_select=_codes(extend_select),
            ignore=_codes(ignore),
            docs_url=docs_url,
            messages=messages,
        )
        enabled = settings.enabled_codes()
    except ConfigError as error:
        fail_usage(str(error))

    results = []
    try:
        files = [str(f) for f in discover(p for p in paths if p != "-")]
        for _ in (p for p in paths if p == "-"):
            results.append(for_report(check_bytes("<stdin>", read_limited(sys.stdin.buffer), enabled),
                                      settings.messages))
        checked = check_files(files, enabled, workers=available_cpus(), messages=settings.messages)
        results.extend(with_details(checked, enabled, settings.root, settings.messages))
    except NoFilesError as error:
        fail_usage(str(error))
    except OSError as error:
        fail_usage(f"cannot read {error.filename}: {error.strerror}")

    emit(results, settings.format, color=sys.stdout.isatty(), docs_url=settings.docs_url)
    failing = any(r.errors for r in results) or (settings.strict and any(r.warnings for r in results))
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


# --- checking many files ----------------------------------------------------------


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def for_report(result: CheckResult, messages: str | None = None) -> CheckResult:
    """The result without its blueprint model, which no report uses: the model
    is most of what a worker would send back, and unpickling it in the parent
    would cost as much as the check itself. Every path drops it, so results
    are the same whether files were checked in one process or in many.
    Its diagnostics are worded in `messages`, or in the file's own language,
    which only the model knows."""
    return result.localized(messages).model_copy(update={"blueprint": None})


def check_one(name: str, enabled: frozenset[str], messages: str | None = None) -> tuple[CheckResult, FileFacts]:
    """A file's result for the report, and the facts its `detail` references are checked with."""
    from blueprint.api import check_file, project_facts

    result = check_file(name, enabled)
    return for_report(result, messages), project_facts(result)


def with_details(checked: Sequence[tuple[CheckResult, FileFacts]], enabled: Iterable[str], root: str | None,
                 messages: str | None) -> list[CheckResult]:
    """The results with the findings across files, then those of the files
    only a `detail` led to (each read once)."""
    from blueprint.api import check_project

    results = check_project(checked, enabled, root)
    return results[:len(checked)] + [for_report(result, messages) for result in results[len(checked):]]


def check_files(names: Sequence[str], enabled: Iterable[str], workers: int = 1,
                messages: str | None = None) -> list[tuple[CheckResult, FileFacts]]:
    """Check files, in parallel when there are many and more than one worker,
    and return the results in the order of `names` whatever the order the
    workers finish in. Each process builds the parser once (it is cached),
    then reuses it for every file it is handed. An OSError for a file (the
    first in input order) is raised as it would be when checking one by one."""
    enabled = frozenset(enabled)
    if workers <= 1 or len(names) < PARALLEL_FROM:
        return [check_one(name, enabled, messages) for name in names]
    workers = min(workers, len(names) // FILES_PER_WORKER)
    chunk = max(1, len(names) // (workers * CHUNKS_PER_WORKER))
    # Imported here: most runs check too few files for a pool, and the import
    # is a noticeable part of every start.
    from concurrent.futures import ProcessPoolExecutor

    try:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_leave_interrupts_to_the_parent)
    except (NotImplementedError, ImportError, OSError):  # no process semaphores on this system
        return [check_one(name, enabled, messages) for name in names]
    with pool:
        try:
            # map() yields in input order, so output order never depends on timing.
            return list(pool.map(check_one, names, [enabled] * len(names), [messages] * len(names), chunksize=chunk))
        except BaseException:
            # A file that cannot be read, or Ctrl-C: the files still queued are not checked.
            pool.shutdown(cancel_futures=True)
            raise


def _leave_interrupts_to_the_parent() -> None:
    # Ctrl-C reaches every process of the terminal's group; the parent stops
    # the pool, and a worker must not print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
