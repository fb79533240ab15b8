"""Which page of a project's site links to which: each blueprint's page to
the index, to the blueprints it details ("up") and to its details, and the
index's list of every blueprint, each tree from its root. Links are
relative paths from one page's folder to another page, percent-encoded."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from urllib.parse import quote

from blueprint.model.types import Blueprint
from blueprint.project.rollup import tree_stats
from blueprint.render.site import IndexEntry, PageLink, SiteNav


def link(from_page: str, to_page: str) -> str:
    """The relative link from the page at `from_page` to the page at `to_page` (both paths of the site)."""
    return quote(posixpath.relpath(to_page, posixpath.dirname(from_page) or "."), safe="/")


def _source(page: str, index: str) -> str:
    """The .bp file a page draws, as the index names it: relative to the index, as its page is."""
    return posixpath.relpath(page, posixpath.dirname(index) or ".").removesuffix(".html") + ".bp"


def _title(blueprint: Blueprint, name: str) -> str:
    return blueprint.title or posixpath.basename(name)


def page_navigation(name: str, blueprints: Mapping[str, Blueprint], edges: Mapping[str, list[str]],
                    page_of: Mapping[str, str], index: str) -> SiteNav:
    page = page_of[name]
    parents = [parent for parent, children in edges.items() if name in children]
    return SiteNav(
        index=link(page, index),
        up=tuple(PageLink(title=_title(blueprints[parent], parent), href=link(page, page_of[parent]))
                 for parent in parents),
        details=tuple(PageLink(title=_title(blueprints[child], child), href=link(page, page_of[child]))
                      for child in edges[name]),
    )


def index_entries(blueprints: Mapping[str, Blueprint], edges: Mapping[str, list[str]], page_of: Mapping[str, str],
                  index: str, root: str | None = None) -> list[IndexEntry]:
    """Each tree from its root (the project's, or each top with details), then every blueprint in none."""
    by_key = {posixpath.normpath(name): name for name in blueprints}
    entries: list[IndexEntry] = []
    listed: set[str] = set()
    for tree in tree_stats(blueprints, root):
        for found in tree.tree:
            name = by_key.get(posixpath.normpath(found.file), found.file)
            entries.append(IndexEntry(title=_title(blueprints[name], name), href=link(index, page_of[name]),
                                      file=_source(page_of[name], index), level=found.level))
            listed.add(name)
    entries += [IndexEntry(title=_title(blueprint, name), href=link(index, page_of[name]),
                           file=_source(page_of[name], index), level=0)
                for name, blueprint in blueprints.items() if name not in listed]
    return entries
