"""Which page of a project's site links to which: each blueprint's page to
the index, to the blueprints it details ("up") and to its details, and the
index's list of every blueprint, each tree from its root with the figures
rolled up to it, each blueprint with its own. Links are
relative paths from one page's folder to another page, percent-encoded."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from urllib.parse import quote

from blueprint.model.types import Blueprint
from blueprint.project.rollup import OwnFigures, TreeFile, TreeStats, own_figures, tree_stats
from blueprint.render.site import PageLink, SiteNav
from blueprint.render.site_index import EntryFigures, IndexEntry, IndexGroup, TreeFigures


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


def _own(figures: TreeFile | OwnFigures) -> EntryFigures:
    return EntryFigures(steps=figures.steps, fail_points=figures.fail_points,
                        high_fail_points=figures.high_fail_points, wait_points=figures.wait_points,
                        wait_min=figures.customer_wait.min_seconds, wait_max=figures.customer_wait.max_seconds)


def _rolled(tree: TreeStats) -> TreeFigures:
    return TreeFigures(files=tree.files, levels=tree.levels, fail_points=tree.fail_points,
                       high_fail_points=tree.high_fail_points, wait_min=tree.customer_wait.min_seconds,
                       wait_max=tree.customer_wait.max_seconds,
                       promise=None if tree.max_wait is None else tree.max_wait.seconds, waits_beyond=tree.waits_beyond)


def index_groups(blueprints: Mapping[str, Blueprint], page_of: Mapping[str, str], index: str,
                 root: str | None = None) -> list[IndexGroup]:
    """Each tree from its root (the project's, or each top with details) with
    its rolled-up figures, then every blueprint in none; each blueprint with its own figures."""
    by_key = {posixpath.normpath(name): name for name in blueprints}
    groups: list[IndexGroup] = []
    listed: set[str] = set()

    def entry(name: str, level: int, figures: TreeFile | OwnFigures) -> IndexEntry:
        listed.add(name)
        return IndexEntry(title=_title(blueprints[name], name), href=link(index, page_of[name]),
                          file=_source(page_of[name], index), level=level, figures=_own(figures))

    for tree in tree_stats(blueprints, root):
        entries = tuple(entry(by_key.get(posixpath.normpath(found.file), found.file), found.level, found)
                        for found in tree.tree)
        groups.append(IndexGroup(title=entries[0].title, figures=_rolled(tree), entries=entries))
    alone = [name for name in blueprints if name not in listed]
    if alone:
        groups.append(IndexGroup(title="", figures=None,
                                 entries=tuple(entry(name, 0, own_figures(blueprints[name])) for name in alone)))
    return groups
