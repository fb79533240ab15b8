"""A blueprint as an HTML fragment for a page: its inline SVG, or an error box.

The renderer writes standalone SVG documents. Put inline in an HTML page, two
things about such a document change: its <style> element applies to the whole
page, not only to its own drawing, and its ids must be unique in the page. A
page may hold many drawings in different themes (a light and a dark one for
every diagram, to begin with), so each drawing here gets an id prefix of its
own and its stylesheet is scoped to its root element. That is the only change
made to the renderer's output; the drawing itself is blueprint.render's.

Each drawing sits in a scroll region of its own: the stylesheet fits it to
the column but never shrinks it below a readable share of its drawn size
(--blueprint-least-scale in figure.css), so a wide drawing, or any drawing
in a browser zoomed in, scrolls sideways instead. The region can take focus,
so the arrow keys scroll it, and is named by the drawing's title. A checkbox
under it (*Fit to column*) lets a reader who wants the whole at a glance drop
the floor; the stylesheet alone does the work, no script.

Under the drawing, a closed <details> holds its text version: the lines
the renderer wrote into the drawing's <desc> (indented by level), as nested
lists, so a screen-reader or keyboard user can read and follow it, and a
sighted reader sees one line until they open it.

Everything else written here (captions, error text) is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from blueprint.vocabulary import AUTO_THEME, Language
from blueprint.words import WORDS

# Which class shows a drawing of which theme; `auto` figures carry two drawings
# (AUTO_THEMES) and the stylesheet shows the one matching the page's colour scheme.
AUTO_THEMES: tuple[str, ...] = ("default", "dark")
VARIANT_CLASS = {"default": "blueprint-light", "dark": "blueprint-dark", "print": "blueprint-print"}

_XML_PROLOGUE = re.compile(r"\A\s*<\?xml[^>]*\?>\s*")
_ROOT_TAG = re.compile(r"<svg\b")
_STYLE = re.compile(r"(<style>)(.*?)(</style>)", re.DOTALL)
# Attribute values never hold a raw `"` (the renderer escapes it), so these
# match attributes only, never text that merely looks like one.
_ID = re.compile(r'(\sid=")([^"]*)(")')
_URL_REFERENCE = re.compile(r'(\s[a-z][a-z-]*="url\(#)([^)"]*)(\)")')
_ARIA_REFERENCE = re.compile(r'(\saria-(?:labelledby|describedby)=")([^"]*)(")')
_ROOT_LABELLED_BY = re.compile(r'<svg\b[^>]*?\saria-labelledby="([^"]*)"')
_ROOT_WIDTH = re.compile(r'<svg\b[^>]*?\swidth="([0-9]+(?:\.[0-9]+)?)"')
_CSS_RULE = re.compile(r"\s*([^{}]+)\{([^{}]*)\}\s*")
_DESC = re.compile(r"<desc\b[^>]*>(.*?)</desc>", re.DOTALL)
_LANG = re.compile(r'<svg\b[^>]*?\slang="(([a-z]+)[A-Za-z-]*)"')
_WEB_LINK = re.compile(r"https?://\S+")
INDENT = "  "  # a level of the <desc>'s text version (blueprint.render.text_version)
# C0 controls other than tab and newline mean nothing on a page, and STX/ETX
# are what Python-Markdown marks its placeholders with.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


class EmbeddingError(ValueError):
    """The renderer's SVG is not in the shape this module knows how to embed."""


@dataclass(frozen=True)
class Drawing:
    theme: str  # default, dark or print
    svg: str  # the renderer's standalone SVG document


def themes_drawn(theme: str) -> tuple[str, ...]:
    """The renderer's themes a figure in the page theme `theme` holds drawings of."""
    return AUTO_THEMES if theme == AUTO_THEME else (theme,)


def figure_html(drawings: Sequence[Drawing], prefix: str, caption: str | None = None) -> str:
    """A <figure> holding the drawings (one, or the light and dark pair of `auto`).

    `prefix` makes the ids of this figure unique in the page: use a different
    one for every figure of a page (letters, digits and hyphens).
    """
    classes = ["blueprint-figure", "blueprint-auto" if len(drawings) > 1 else f"blueprint-theme-{drawings[0].theme}"]
    parts = [f'<figure class="{" ".join(classes)}">']
    for index, drawing in enumerate(drawings):
        svg = inline_svg(drawing.svg, f"{prefix}-{drawing.theme}")
        # The second drawing of a pair says the same words: keep it out of the
        # site's search index (Material for MkDocs reads this attribute).
        parts.append(drawing_html(svg, VARIANT_CLASS[drawing.theme], search_exclude=index > 0))
    parts.append(fit_control_html(drawings[0].svg))
    text = text_version_html(drawings[0].svg)
    if text:
        parts.append(text)
    if caption:
        parts.append(f"<figcaption>{escape(caption)}</figcaption>")
    parts.append("</figure>")
    return "\n".join(parts)


def drawing_html(svg: str, variant: str = "", alt: str = "", search_exclude: bool = False) -> str:
    """An inline SVG (from `inline_svg`) in its scroll region: focusable so
    that the arrow keys scroll it, named by `alt` or the drawing's title, and
    told the drawing's own width, which the stylesheet's floor is a share of.
    With `alt`, the drawing is one image named by it."""
    classes = " ".join(["blueprint-drawing", *([variant] if variant else [])])
    width = _ROOT_WIDTH.search(svg)
    size = f' style="--blueprint-width:{width[1]}px"' if width else ""
    title = _ROOT_LABELLED_BY.search(svg)
    if alt:
        name = f' aria-label="{escape(alt)}"'
        svg = f'<div role="img" aria-label="{escape(alt)}">{svg}</div>'
    elif title:
        name = f' aria-labelledby="{title[1]}"'  # ids that inline_svg wrote: letters, digits and hyphens
    else:
        name = ""
    exclude = " data-search-exclude" if search_exclude else ""
    return f'<div class="{classes}" role="region" tabindex="0"{name}{size}{exclude}>{svg}</div>'


def fit_control_html(svg: str) -> str:
    """The *Fit to column* checkbox, in the drawing's language; checked, the
    stylesheet lets the figure's drawings shrink to the column whatever their size."""
    return f'<label class="blueprint-fit"{_lang_attribute(svg)}><input type="checkbox"> ' \
           f'{escape(str(_words_of(svg)["fit_column"]))}</label>'


def _words_of(svg: str) -> dict[str, object]:
    language = _LANG.search(svg)
    return WORDS[Language(language[2]) if language and language[2] in ("en", "zh") else Language.EN]


def _lang_attribute(svg: str) -> str:
    language = _LANG.search(svg)
    return f' lang="{escape(language[1])}"' if language else ""


def text_version_html(svg: str) -> str:
    """The drawing's text version as a closed <details>: its summary says
    what it is, its body is the <desc>'s outline as nested lists (web links
    as links). Empty when the drawing carries no outline."""
    found = _DESC.search(svg)
    lines = html.unescape(found[1]).split("\n")[1:] if found else []
    if not lines:
        return ""
    parts = [f'<details class="blueprint-text"{_lang_attribute(svg)}>',
             f"<summary>{escape(str(_words_of(svg)['text_version']))}</summary>"]
    depth = -1
    for line in lines:
        level = (len(line) - len(line.lstrip(" "))) // len(INDENT)
        text = line.strip()
        if not text:
            continue
        if level > depth:
            parts.append("<ul>" * (level - depth))
        else:
            parts.append("</li>" + "</ul></li>" * (depth - level))
        depth = level
        item = f'<a href="{escape(text)}">{escape(text)}</a>' if _WEB_LINK.fullmatch(text) else escape(text)
        parts.append(f"<li>{item}")
    parts.append("</li>" + "</ul></li>" * depth + "</ul>")
    parts.append("</details>")
    return "".join(parts)


def error_box_html(summary: str, details: str) -> str:
    """A visible box saying why a blueprint is not drawn: `summary` (file:line and
    message) in a sentence, `details` (the diagnostics as text) below it."""
    return (
        '<div class="blueprint-error" role="note">\n'
        f'<p class="blueprint-error-summary"><strong>Blueprint not drawn.</strong> {escape(summary)}</p>\n'
        f'<pre class="blueprint-error-details"><code>{escape(details)}</code></pre>\n'
        "</div>"
    )


def style_element() -> str:
    """The stylesheet as a <style> element, for pages that do not link the file."""
    return f"<style>\n{stylesheet()}</style>"


@cache
def stylesheet() -> str:
    """The CSS that sizes figures, picks the light or dark drawing and draws error boxes."""
    return resources.files(__package__).joinpath("figure.css").read_text(encoding="utf-8")


def escape(text: str) -> str:
    return html.escape(_CONTROL.sub("", text), quote=True)


def inline_svg(svg: str, prefix: str) -> str:
    """The SVG document as an element for an HTML page: no XML prologue, every
    id (and every reference to one) prefixed, the stylesheet scoped to the root."""
    svg = _XML_PROLOGUE.sub("", svg, count=1)
    if not _ROOT_TAG.match(svg):
        raise EmbeddingError("the drawing does not start with an <svg> element")
    svg = _ID.sub(lambda m: f"{m[1]}{prefix}-{m[2]}{m[3]}", svg)
    svg = _URL_REFERENCE.sub(lambda m: f"{m[1]}{prefix}-{m[2]}{m[3]}", svg)
    svg = _ARIA_REFERENCE.sub(lambda m: m[1] + " ".join(f"{prefix}-{name}" for name in m[2].split()) + m[3], svg)
    svg = _STYLE.sub(lambda m: m[1] + scoped_css(m[2], f"#{prefix}") + m[3], svg)
    return _ROOT_TAG.sub(f'<svg id="{prefix}"', svg, count=1)


def scoped_css(css: str, scope: str) -> str:
    """Every selector of `css` limited to descendants of `scope`.

    The renderer's stylesheets are flat lists of `selectors{declarations}`;
    anything else (at-rules, comments, nesting) is refused rather than
    guessed at, so a change there shows up in the tests, not on a page.
    """
    rules = []
    position = 0
    while position < len(css):
        match = _CSS_RULE.match(css, position)
        if match is None:
            if css[position:].strip():
                raise EmbeddingError(f"cannot scope the stylesheet near {css[position:position + 40]!r}")
            break
        selectors, declarations = match[1].strip(), match[2]
        if selectors == "@font-face":  # the drawing's own fonts: named for blueprint alone, so page-wide
            rules.append(f"@font-face{{{declarations}}}")
            position = match.end()
            continue
        if any(mark in selectors for mark in ("@", "/*", "(", "\\")):
            raise EmbeddingError(f"cannot scope the selector {selectors!r}")
        scoped = ",".join(f"{scope} {selector.strip()}" for selector in selectors.split(","))
        rules.append(f"{scoped}{{{declarations}}}")
        position = match.end()
    return "\n" + "\n".join(rules) + "\n"
