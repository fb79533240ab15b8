"""The pages of a project's site (`blueprint render DIR -f html`): the links
each blueprint's page carries to the index, to the blueprints it details
("up") and to its details (the index page: blueprint.render.site_index).

Every link is a relative path between the site's own pages, made by the
API; this module checks each is one (no address, no path from the root)
before writing it, and escapes every title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from blueprint.render.links import XML_ILLEGAL

# A page of the site: a relative path to an .html file, never an address or a path from the root.
_PAGE = re.compile(r"(?![A-Za-z][A-Za-z0-9+.-]*:)(?!/)[^\\\s\"'<>]+\.html")

NAV_CSS = """\
.bp-site{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0 0 .75rem;font-size:.9rem}
.bp-site ul{display:inline;list-style:none;margin:0;padding:0}
.bp-site li{display:inline}
.bp-site li+li::before{content:" · "}
"""


@dataclass(frozen=True)
class PageLink:
    title: str
    href: str


@dataclass(frozen=True)
class SiteNav:
    """Where a page of the site links: the index, the pages of the blueprints
    it details (usually one), and the pages of its details."""

    index: str
    up: tuple[PageLink, ...] = ()
    details: tuple[PageLink, ...] = ()

    def checked(self) -> SiteNav:
        """The same links, with any that is not a relative path to a page of the site left out."""
        return SiteNav(index=self.index if safe_page(self.index) else "",
                       up=tuple(link for link in self.up if safe_page(link.href)),
                       details=tuple(link for link in self.details if safe_page(link.href)))


def safe_page(href: str) -> bool:
    return bool(_PAGE.fullmatch(href)) and "//" not in href and not XML_ILLEGAL.search(href)
