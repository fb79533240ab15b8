"""`blueprint new`: a thin adapter from the command line to blueprint.api."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from blueprint.vocabulary import DEFAULT_LANGUAGE, DEFAULT_STATE, Language, State, names
from blueprint.cli.shared import EXIT_CLEAN, fail_usage


@click.command(name="new")
@click.argument("name")
@click.option("--lang", type=click.Choice(names(Language)), default=DEFAULT_LANGUAGE.value, show_default=True,
              help="Language of the sample labels and comments.")
@click.option("--state", type=click.Choice(names(State)), default=DEFAULT_STATE.value, show_default=True,
              help="current: the service as it runs today; future: as it should be.")
@click.option("-o", "--output-dir", "directory", metavar="DIR", default=".",
              help="Folder to create NAME.bp in (made if missing; default: the current folder).")
def command(name, lang, state, directory) -> None:
    """Start a new blueprint: write NAME.bp with a commented sample.

    The sample shows every statement of the language once, with a short
    comment on each, and checks clean. `.bp` is added to NAME if missing. An
    existing file is never replaced. Exit status: 0 when written, 2 on a
    usage or I/O error (including an existing file).

    \b
    Examples:
      blueprint new cash-deposit
      blueprint new 开户 --lang zh --state future -o flows/
    """
    from blueprint.api import starter
    from blueprint.cli.output import OutputExistsError, write_atomically
    from blueprint.scaffold import ScaffoldError

    try:
        made = starter(name, lang, state)
    except ScaffoldError as error:
        fail_usage(str(error))
    destination = Path(directory) / made.file_name
    try:
        if destination.exists() or destination.is_symlink():
            fail_usage(f"{destination} already exists; choose another name or move that file first")
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(destination, made.text.encode("utf-8"), overwrite=False)
    except OutputExistsError:
        fail_usage(f"{destination} already exists; choose another name or move that file first")
    except OSError as error:
        fail_usage(f"cannot write {error.filename or destination}: {error.strerror or error}")
    click.echo(f"wrote {destination}", err=True)
    sys.exit(EXIT_CLEAN)
