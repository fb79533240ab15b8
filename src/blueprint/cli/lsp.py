"""`blueprint lsp`: a thin adapter from the command line to blueprint.lsp."""

from __future__ import annotations

from pathlib import Path

import click

from blueprint.cli.config import ConfigError, find_pyproject, load_settings
from blueprint.cli.shared import fail_usage


@click.command(name="lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default, and the only way).")
def command(stdio) -> None:
    """Run the language server for editors, over standard input and output.

    An editor starts it and talks to it; it is not meant to be run by hand.
    It checks every open .bp file as it is typed (with the rules chosen in
    the project's [tool.blueprint], and links to the rule reference when
    docs-url is set there), reading the detail files each one names as
    `blueprint check` does, and offers completion, hover, go to definition,
    references, rename, the outline, folding, formatting, quick fixes,
    semantic highlighting and the SVG for a live preview. Exit status: 0
    when the editor stops it, 2 when the `lsp` extra is missing or the
    settings are wrong.

    \b
    Install the extra with:
      pip install 'service-blueprint[lsp]'
    """
    from blueprint.lsp import INSTALL_HINT, missing_requirements

    missing = missing_requirements()
    if missing:
        fail_usage(f"the language server needs {' and '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
                   f"not installed; install them with: {INSTALL_HINT}")
    try:
        settings = load_settings(find_pyproject(Path.cwd()))
        enabled = settings.enabled_codes()
    except ConfigError as error:
        fail_usage(str(error))

    from blueprint.lsp import serve_stdio

    serve_stdio(frozenset(enabled), settings.docs_url, settings.messages)
