"""The pages of a project's site (`blueprint render DIR -f html`): the links
each blueprint's page carries to the index, to the blueprints it details
("up") and to its details, and the index page of every blueprint.

Every link is a relative path between the site's own pages, made by the
API; this module checks each is one (no address, no path from the root)
before writing it, and escapes every title."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import jinja2

from markupsafe import Markup

from blueprint.render import templating
from blueprint.render.embedded_fonts import CJK_FAMILY, LATIN_FAMILY, font_face_css, is_cjk
from blueprint.render.links import XML_ILLEGAL
from blueprint.vocabulary import Language
from blueprint.words import WORDS

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


@dataclass(frozen=True)
class IndexEntry:
    title: str
    href: str
    file: str
    level: int  # its depth in its tree: 0 for a root, or for a blueprint in no tree


def safe_page(href: str) -> bool:
    return bool(_PAGE.fullmatch(href)) and "//" not in href and not XML_ILLEGAL.search(href)


@cache
def _index_template() -> jinja2.Template:
    return templating.environment(jinja2.PackageLoader("blueprint.render", "templates")).get_template(
        "site-index.html.j2")


def _index_fonts(lang: Language, texts: list[str]) -> str:
    """@font-face rules for the index's characters (regular and bold: the heading), and the page set in them."""
    hant = "-hant" if lang is Language.ZH_HANT else ""
    used: dict[str, set[str]] = {}
    for char in set("".join(texts)):
        for weight in ("regular", "bold"):
            used.setdefault(f"cjk-{weight}{hant}" if is_cjk(char) else f"latin-{weight}", set()).add(char)
    return font_face_css(used) + f'body{{font-family:"{LATIN_FAMILY}","{CJK_FAMILY}",sans-serif}}\n'


def site_index(entries: list[IndexEntry], lang: Language, fonts: str = "embed") -> str:
    """The index page: every blueprint of the site, each tree from its root,
    indented by level; with `fonts` "embed", carrying its fonts cut down to
    its characters, as the pages do."""
    words = WORDS[lang]
    entries = [entry for entry in entries if safe_page(entry.href)]
    title = str(words["site_title"])
    faces = _index_fonts(lang, [title, *(entry.title + entry.file for entry in entries)]) if fonts == "embed" else ""
    if any(char in faces for char in "<>&"):
        raise AssertionError("font CSS must not contain markup characters")
    return templating.render(_index_template(), lang=lang.value, title=title, entries=entries, faces=Markup(faces))
