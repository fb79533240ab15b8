"""`blueprint watch`: a thin adapter from the command line to blueprint.watch."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from blueprint.cli.shared import EXIT_CLEAN, describe_os_error, fail_usage
from blueprint.cli.config import ConfigError, find_pyproject, load_settings
from blueprint.vocabulary import DEFAULT_VIEW, THEMES, VIEWS


@click.command(name="watch")
@click.argument("path", metavar="FILE")
@click.option("--port", type=click.IntRange(0, 65535), metavar="N",
              help="Port on 127.0.0.1 (default: 8000, or the first free one after it; 0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default web browser.")
@click.option("--theme", type=click.Choice(THEMES), default="default", show_default=True, help="Colour theme.")
@click.option("--view", type=click.Choice(VIEWS), default=DEFAULT_VIEW, show_default=True,
              help="full: every lane, card and flow; overview: one page with a column per phase.")
@click.option("--scenario", metavar="ID", help="Show one scenario of the blueprint alone.")
def command(path, port, open_browser, theme, view, scenario) -> None:
    """Show FILE in the browser and redraw it on every save.

    Serves the HTML drawing on 127.0.0.1 only and prints its address. The
    page reloads by itself within a second of each save. While the file has
    errors (or is missing), the page keeps the last good drawing and shows
    the problems over it, as `blueprint check` prints them. --view and
    --scenario choose what is drawn, as they do for `blueprint render`; a
    scenario the file does not declare is shown as a problem until it does.
    Ctrl-C stops it.
    Exit status: 0 when stopped, 2 on a usage error (no such file, port in
    use).

    \b
    Examples:
      blueprint watch deposit.bp
      blueprint watch deposit.bp --open --theme dark
      blueprint watch deposit.bp --port 0
      blueprint watch account-opening.bp --scenario online --view overview
    """
    from blueprint.watch import PortInUse, Preview, bind, run

    file = Path(path)
    try:
        if not file.exists():
            fail_usage(f"no such file: {path}")
        if file.is_dir():
            fail_usage(f"{path} is a directory; watch one .bp file")
    except OSError as error:
        fail_usage(describe_os_error(error, "cannot read", path))
    try:
        enabled = load_settings(find_pyproject(Path.cwd())).enabled_codes()
    except ConfigError as error:
        fail_usage(str(error))

    preview = Preview(file, file.as_posix(), theme, frozenset(enabled), view, scenario)
    try:
        preview.start()
        server = bind(preview, port)
    except PortInUse as error:
        fail_usage(f"{error.strerror}; choose another with --port, or --port 0 for any free one")
    except OSError as error:
        fail_usage(f"cannot listen on 127.0.0.1: {error.strerror or error}")
    except KeyboardInterrupt:
        sys.exit(EXIT_CLEAN)
    run(preview, server, say=click.echo, report=lambda text: click.echo(text, err=True), open_browser=open_browser)
    sys.exit(EXIT_CLEAN)
