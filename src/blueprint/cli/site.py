"""`blueprint render DIR -f html`: a small static site of the folder's
blueprints. Each page links to the index, to the blueprints it details and
to its details; index.html, beside the pages, lists them all, each tree from
its root. Written like every drawing: atomically, and never over a file that
is there without --force."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from blueprint.cli.shared import EXIT_CLEAN, fail_usage

if TYPE_CHECKING:
    from blueprint.cli.output import Planned
    from blueprint.results import CheckResult

INDEX = "index.html"


def is_site(paths: tuple[str, ...], output_format: str) -> bool:
    """Whether the command draws a site: HTML of one folder."""
    return output_format == "html" and len(paths) == 1 and Path(paths[0]).is_dir()


def index_of(paths: tuple[str, ...], output: str | None, planned: list[Planned]) -> Planned:
    """Where the index goes: in the output folder, else in the folder drawn. A usage error if a page goes there."""
    from blueprint.cli.output import Planned

    index = Path(output if output is not None else paths[0]) / INDEX
    if any(item.destination is not None and item.destination.resolve() == index.resolve() for item in planned):
        fail_usage(f"{index} would be both a blueprint's page and the site's index; rename index.bp")
    return Planned(Path(paths[0]), index)


def write_site(results: list[CheckResult], planned: list[Planned], index: Planned, theme: str, fonts: str,
               force: bool, write) -> NoReturn:
    """Draw every page and the index, then write them with `write(destination, data, force)`."""
    from blueprint.api import render_site
    from blueprint.cli.config import ConfigError, find_pyproject, load_settings
    from blueprint.render.embedded_fonts import FontsMissing

    try:
        root = load_settings(find_pyproject(Path.cwd())).root
    except ConfigError as error:
        fail_usage(str(error))
    assert index.destination is not None
    pages = [_posix(item.destination) for item in planned]
    try:
        drawn, index_page = render_site(results, pages, _posix(index.destination), theme, fonts, root)
    except FontsMissing as error:
        fail_usage(str(error))
    for item, page in zip(planned, drawn):
        write(item.destination, page, force)
    write(index.destination, index_page, force)
    click.echo(f"site: open {index.destination}", err=True)
    sys.exit(EXIT_CLEAN)


def _posix(path: Path | None) -> str:
    assert path is not None
    return path.as_posix()
