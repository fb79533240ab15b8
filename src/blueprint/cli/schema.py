"""`blueprint schema`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import sys

import click


@click.command(name="schema")
def command() -> None:
    """Print the JSON Schema of the model document.

    The schema describes what `blueprint export` writes and `blueprint
    import` reads (JSON Schema 2020-12), generated from the model itself,
    so it is the same on every run of the same version.

    \b
    Examples:
      blueprint schema > blueprint-model.schema.json
    """
    from blueprint.api import model_schema
    from blueprint.cli.shared import write_stdout

    write_stdout(model_schema())
    sys.exit(0)
