"""Interactive HTML: one self-contained page around the SVG drawing.

The page carries the SVG inline plus its own CSS and a little JavaScript
(details on hover or focus, flow tracing on click, pan and zoom), and the fail
and wait points as tables. Nothing is fetched: a Content-Security-Policy
allows no network at all and lets run only the style and script blocks
written here, named by their SHA-256 hashes. User strings reach the page only
through autoescaped templates and an escaped JSON block that the script reads
with textContent.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from blueprint.scene import Card, Scene
from blueprint.render import templating
from blueprint.render.detail_views import detail_marks
from blueprint.render.site import NAV_CSS, SiteNav
from blueprint.render.embedded_fonts import CJK_FAMILY, LATIN_FAMILY, characters_by_face, font_face_css, is_cjk
from blueprint.render.language import language_tag
from blueprint.render.links import safe_link
from blueprint.render.svg import dom_id, render_svg, safe_font_family, scene_lanes, shows_practice, uses_practice
from blueprint.render.text_version import card_name, outline, plain_text
from blueprint.render.overview_theme import overview_css
from blueprint.render.practitioner_theme import detail_css, marks_css, practitioner_css, scenario_css
from blueprint.render.themes import Theme, get_theme, optional_css, theme_css
from blueprint.vocabulary import FONT_OPTIONS, Language, Severity
from blueprint.words import WORDS

_HERE = Path(__file__).parent
SEVERITIES = frozenset(severity.value for severity in Severity)

# The words the page's script shows, by the names it reads them by: the
# catalogue's, except where the page words a thing its own way (see blueprint.words).
_SCRIPT_WORDS: tuple[tuple[str, str], ...] = (
    ("lane", "lane"), ("step", "step"), ("phase", "phase"), ("fail_points", "fail_points"),
    ("wait_points", "wait_points"), ("links", "links"), ("severity", "page_severity"),
    ("recovery", "page_recovery"), ("over_limit", "over_limit"), ("colon", "colon"),
)

# What the page shows above the drawing and below it (the body's padding, the
# toolbar, the frame and a margin), in CSS px: the drawing fits the rest of
# the window's height.
FIT_CHROME_HEIGHT = 130
FIT_MIN_WIDTH = 360
# What the page's buttons show besides words: zoom and pan.
PAGE_SYMBOLS = "+−←↑↓→"


# Theme colours the page furniture (panel, tables, buttons) is painted with.
_PAGE_COLOURS: dict[str, str] = {
    "page": "background",
    "ink": "text",
    "muted": "text_muted",
    "title": "title",
    "rule": "separator",
    "surface": "head_fill",
    "raised": "card_fill",
    "accent": "link",
    "fail": "fail",
    "fail-on": "fail_on",
    "wait": "wait",
    "wait-face": "wait_face",
    "wait-text": "wait_text",
    "over-fill": "wait_over_fill",
    "over-text": "wait_over_text",
}

# An XML declaration means nothing inside HTML (the parser would keep it as a comment).
_XML_PROLOGUE = re.compile(r"\A\s*<\?xml[^>]*\?>\s*")
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_POINT_KEY = re.compile(r"(?:^|\s)([FW])(\d+)$")
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def render_html(scene: Scene, theme: str = "default", fonts: str = "embed", site: SiteNav | None = None) -> str:
    """The scene as one self-contained interactive HTML page (ValueError for
    an unknown theme or fonts option). `fonts` "embed" carries the fonts of
    the drawing and of the page's own text, cut down to the characters used,
    so the page reads the same on every machine; "none" names fonts the
    reader may have. `site`: the links of a page of a project's site (see
    blueprint.render.site)."""
    get_theme(theme)
    if fonts not in FONT_OPTIONS:
        raise ValueError(f"unknown fonts option {fonts!r}; expected one of: {', '.join(FONT_OPTIONS)}")
    svg = render_svg(scene, theme, "named" if fonts == "embed" else "none", for_page=True, detail_suffix=".html")
    return html_page(scene, svg, theme, fonts, site)


def html_page(scene: Scene, svg: str, theme: str = "default", fonts: str = "none",
              site: SiteNav | None = None) -> str:
    """The page around an already drawn `svg` of `scene` (with `fonts`
    "embed", one drawn with fonts "named"; drawn `for_page`, so that its
    cards are not links: the page's text version carries them)."""
    palette = get_theme(theme)
    svg = _XML_PROLOGUE.sub("", svg, count=1)
    strings = WORDS[Language(scene.lang)]
    data = _script_json(_page_data(scene, strings))
    css = _page_css(palette, theme, scene.width, scene.height, scene_lanes(scene), uses_practice(scene),
                    shows_practice(scene), bool(scene.overview), bool(scene.scenarios))
    text_version = outline(scene)
    site = site.checked() if site is not None else None
    css += NAV_CSS if site is not None else ""
    if theme == "default" and detail_marks(scene, None):  # the tags' own colours, as the lanes' in the dark
        css += "@media screen and (prefers-color-scheme: dark){\n" + _scoped(detail_css("dark"), ".bp-viewport") + "}\n"
    if fonts == "embed":
        words = [word for word in strings.values() if isinstance(word, str)]
        titles = [link.title for link in (*site.up, *site.details)] if site is not None else []
        css += _page_fonts(scene, [data, scene.title, scene.description, plain_text(text_version, scene.lang),
                                   PAGE_SYMBOLS, *words, *titles])
    script = _static("blueprint.js")
    return templating.render(
        _template(),
        lang=language_tag(scene),
        theme=theme,
        color_scheme={"default": "light dark", "dark": "dark", "print": "light"}.get(theme, "light"),
        csp=_content_security_policy(css, script, svg, fonts == "embed"),
        title=scene.title,
        description=scene.description,
        css=css,
        script=script,
        svg=svg,
        data=data,
        strings=strings,
        severity_words={severity: strings[severity] for severity in sorted(SEVERITIES)},
        fail_list=scene.fail_list,
        wait_list=scene.wait_list,
        max_wait=scene.max_wait,
        text_version=text_version,
        text_id=_text_id,
        roles=scene.roles,
        overview=bool(scene.overview),
        scenarios=scene.scenarios,
        site=site,
    )


# -- the pieces -----------------------------------------------------------------


@cache
def _template() -> jinja2.Template:
    environment = templating.environment(
        jinja2.FileSystemLoader(_HERE / "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template("blueprint.html.j2")


@cache
def _static(name: str) -> str:
    return (_HERE / "static" / name).read_text(encoding="utf-8")


def _page_fonts(scene: Scene, page_texts: list[str]) -> str:
    """@font-face rules for the drawing and the page around it, and the page's
    text set in them. The page's own text (the details panel, the tables)
    may be regular or bold, so each of its characters goes into both."""
    used = characters_by_face(scene)
    hant = "-hant" if scene.lang == "zh-Hant" else ""  # the faces characters_by_face chose
    for char in set("".join(page_texts)):
        for weight in ("regular", "bold"):
            key = f"cjk-{weight}{hant}" if is_cjk(char) else f"latin-{weight}"
            used.setdefault(key, set()).add(char)
    return (font_face_css(used)
            + f'body{{font-family:"{LATIN_FAMILY}","{CJK_FAMILY}",{safe_font_family(scene.font_family)}}}\n')


def _page_css(palette: Theme, theme: str, width: float, height: float, lanes: tuple[str, ...] = (),
              practice: bool = False, marks: bool = False, overview: bool = False, scenarios: bool = False) -> str:
    # On screen, the whole drawing in the window when the page opens: as wide
    # as the page allows, no taller than the window below the toolbar (never
    # so small that a tall drawing shrinks below FIT_MIN_WIDTH), and never
    # blown up past the drawn size: a two-step blueprint at twice its size
    # reads as a poster. On paper it takes the page.
    fitted = f"calc((100vh - {FIT_CHROME_HEIGHT}px) * {round(width / height, 4):g})"
    natural = (f"@media screen{{.bp-viewport{{max-width:min({round(width, 2) + 2:g}px,"
               f"max({FIT_MIN_WIDTH}px,{fitted}))}}}}\n")
    sheets = [_variables(":root", palette), _static("blueprint.css"), natural]
    if theme == "default":
        # The SVG's own (light) sheet comes later in the page; scoped one
        # class deeper, these dark rules win over it all the same.
        dark = get_theme("dark")
        sheets.append(
            "@media screen and (prefers-color-scheme: dark){\n"
            + _variables(":root", dark)
            + _scoped(theme_css("dark") + optional_css("dark", lanes) + (practitioner_css("dark") if practice else "")
                      + (marks_css("dark") if marks else "") + (overview_css("dark") if overview else "")
                      + (scenario_css("dark") if scenarios else ""),
                      ".bp-viewport")
            + "}\n"
        )
    return "".join(sheets)


def _variables(selector: str, palette: Theme) -> str:
    declarations = "".join(f"--bp-{name}:{getattr(palette, field)};" for name, field in _PAGE_COLOURS.items())
    return f"{selector}{{{declarations}}}\n"


def _scoped(css: str, scope: str) -> str:
    """`css` with every selector prefixed by `scope`, which raises its specificity."""

    def prefix(rule: re.Match[str]) -> str:
        selectors = ",".join(f"{scope} {selector.strip()}" for selector in rule.group(1).split(","))
        return f"{selectors}{{{rule.group(2)}}}"

    return _CSS_RULE.sub(prefix, css)


def _content_security_policy(css: str, script: str, svg: str, fonts: bool = False) -> str:
    styles = [css, *(_text_content(block) for block in _STYLE_BLOCK.findall(svg))]
    attributes = sorted({html.unescape(a or b) for a, b in _STYLE_ATTRIBUTE.findall(svg)})
    style_sources = [_hash(text) for text in dict.fromkeys(styles)]
    if attributes:
        # style="" attributes need 'unsafe-hashes' to be allowed by hash; still
        # only these exact declarations, never arbitrary inline style.
        style_sources += ["'unsafe-hashes'", *(_hash(text) for text in attributes)]
    return "; ".join((
        "default-src 'none'",
        f"style-src {' '.join(style_sources)}",
        f"script-src {_hash(script)}",
        # The page's own fonts, embedded as data: URLs; nothing is fetched.
        *(["font-src data:"] if fonts else []),
        "base-uri 'none'",
        "form-action 'none'",
    ))


def _text_content(style_block: str) -> str:
    # Inside inline SVG the HTML parser drops CDATA markers from the text it hashes.
    return style_block.replace("<![CDATA[", "").replace("]]>", "")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _page_data(scene: Scene, strings: dict[str, Any]) -> dict[str, Any]:
    # The catalogue's lane names stand in for any lane the scene does not name.
    lanes = {**{lane.value: name for lane, name in strings["lanes"].items()},
             **{band.lane: band.label for band in scene.lanes}}
    columns = {column.step: column for column in scene.columns}
    fails: dict[str, list[dict[str, Any]]] = {}
    for fail in scene.fail_list:
        fails.setdefault(fail.action, []).append({
            "number": fail.number, "description": fail.description,
            "severity": strings.get(fail.severity, fail.severity) if fail.severity else None,
            "severityKey": fail.severity if fail.severity in SEVERITIES else None,
            "recovery": fail.recovery,
        })
    waits: dict[str, list[dict[str, Any]]] = {}
    for wait in scene.wait_list:
        waits.setdefault(wait.action, []).append({
            "number": wait.number, "duration": wait.duration, "description": wait.description,
            "overLimit": wait.over_limit,
        })
    return {
        "strings": {name: strings[key] for name, key in _SCRIPT_WORDS},
        "maxWait": scene.max_wait,
        "cards": [_card_data(card, lanes, columns, fails, waits) for card in scene.cards],
    }


def _card_data(card: Card, lanes: dict[str, str], columns: dict[str, Any],
               fails: dict[str, list[dict[str, Any]]], waits: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    column = columns.get(card.step)
    own_fails = fails.get(card.id, []) if card.kind == "action" else []
    own_waits = waits.get(card.id, []) if card.kind == "action" else []
    # The panel shows this card's fail and wait points in full below its
    # facts; a detail that only restates one of them ("Fail point F2") goes.
    shown = {("F", fail["number"]) for fail in own_fails} | {("W", wait["number"]) for wait in own_waits}
    details = [detail for detail in card.details if _point_named(detail.key) not in shown]
    return {
        "id": card.id,
        "kind": card.kind,
        "label": card.label,
        "name": card_name(card),
        "describedBy": _text_id(card.id),
        "lane": lanes.get(card.lane, card.lane),
        "step": column.label if column else card.step,
        "phase": column.phase if column else None,
        "details": [[detail.key, detail.value] for detail in details],
        "fails": own_fails,
        "waits": own_waits,
        "links": [link for link in card.links if safe_link(link)],
    }


def _text_id(card_id: str) -> str:
    """The id of a card's entry in the page's text version."""
    return dom_id("bp-text", card_id)


def _point_named(key: str) -> tuple[str, int] | None:
    match = _POINT_KEY.search(key)
    return (match.group(1), int(match.group(2))) if match else None


def _script_json(data: Any) -> str:
    """JSON that cannot end its <script> element or open a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
