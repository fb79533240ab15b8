"""Linking a drawing's detail tags to the page of a documentation site that
draws the detail, when the site draws it.

A drawing for a site is made with its tags linked to the .bp path each
names (blueprint.api.render_result with `detail_links`). When it is placed
in a page, each link becomes a placeholder naming the detail's file on disk
(`mark_details`); once the site knows which page draws which file, each
placeholder becomes the relative link to that page, or, for a detail no page
draws, the tag stays without a link (`resolve_details`). A placeholder never
reaches a reader: a drawing with no file to resolve against loses its links.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from blueprint.api import CheckResult, check_detail_paths
from blueprint.diagnostics import Diagnostic

PLACEHOLDER = "blueprint-detail:"
# A detail tag's link as the SVG renderer writes it (blueprint.svg.j2).
_LINK = re.compile(r'<a href="([^"]*)" xlink:href="[^"]*" class="detail-link" aria-label="([^"]*)">(.*?)</a>', re.S)


def _unlinked(match: re.Match[str]) -> str:
    return f'<g aria-hidden="true">{match.group(3)}</g>'


def mark_details(svg: str, folder: Path | None) -> str:
    """The drawing with each detail link naming its file (the .bp path taken
    from `folder`, the folder of the blueprint drawn), or with none without one."""
    if folder is None:
        return _LINK.sub(_unlinked, svg)

    def placeholder(match: re.Match[str]) -> str:
        target = os.path.normpath(folder.joinpath(*PurePosixPath(unquote(match.group(1))).parts))
        href = PLACEHOLDER + quote(Path(target).as_posix(), safe="/")
        return f'<a href="{href}" xlink:href="{href}" class="detail-link" aria-label="{match.group(2)}">{match.group(3)}</a>'

    return _LINK.sub(placeholder, svg)


def resolve_details(html: str, page_of: Callable[[Path], str | None]) -> str:
    """The page with each placeholder link turned into the link `page_of`
    gives for its file, or into a plain tag when it gives none."""
    if PLACEHOLDER not in html:
        return html

    def resolved(match: re.Match[str]) -> str:
        href = match.group(1)
        target = page_of(Path(unquote(href[len(PLACEHOLDER):]))) if href.startswith(PLACEHOLDER) else None
        if target is None:
            return _unlinked(match)
        safe = quote(target, safe="/#%.-_~")
        return f'<a href="{safe}" xlink:href="{safe}" class="detail-link" aria-label="{match.group(2)}">{match.group(3)}</a>'

    return _LINK.sub(resolved, html)


def broken_details(result: CheckResult, path: Path) -> list[Diagnostic]:
    """What is wrong with the paths of the details the blueprint at `path`
    names (a missing file, a malformed path), said of the file as `result`
    names it, without reading the details. A page still shows the drawing,
    its tag linking nowhere; the build reports these so that a strict one
    fails, as `blueprint check` would."""
    if not result.ok or result.blueprint is None:
        return []
    before = set(result.diagnostics)
    # Named from the working folder when it holds the file, so that "looked for" reads as the user wrote it.
    try:
        relative = os.path.relpath(path)
    except ValueError:  # on another drive than the working folder
        relative = ".."
    name = path.as_posix() if relative.startswith("..") else Path(relative).as_posix()
    checked = check_detail_paths(result.model_copy(update={"name": name}))
    return [diagnostic.model_copy(update={"file": result.name})
            for diagnostic in checked.diagnostics if diagnostic not in before]
