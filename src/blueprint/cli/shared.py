"""What every command shares: exit statuses, the usage-error exit, and writing to stdout."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
STDOUT = "-"


def fail_usage(message: str) -> NoReturn:
    click.echo(f"blueprint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


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
