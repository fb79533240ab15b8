"""The SVG renderer: a Scene in, one standalone SVG document out.

Plain shapes and <text> only (no <foreignObject>), so browsers, Inkscape,
PowerPoint and rsvg-convert all show the same picture. Every string from the
scene goes through the template's autoescaping; ids and class names are
re-encoded here rather than trusted; links survive only as http(s) URLs. The
output depends on nothing but the scene and the theme, so it is byte-stable.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from blueprint.scene import Arrow, Card, Marker, Rect, Rule, Scene
from blueprint.render import templating
from blueprint.render.embedded_fonts import (
    CJK_FAMILY,
    LATIN_FAMILY,
    characters_by_face,
    font_face_css,
    is_cjk,
)
from blueprint.render.detail_views import detail_marks
from blueprint.render.language import language_tag
from blueprint.render.links import XML_ILLEGAL as _XML_ILLEGAL, safe_link
from blueprint.render.text_version import card_name, outline, plain_text
from blueprint.render.overview_theme import overview_css
from blueprint.render.practitioner_theme import detail_css, marks_css, practitioner_css, scenario_css
from blueprint.render.themes import compare_css, get_theme, optional_css, theme_css
from blueprint.vocabulary import FONT_OPTIONS

_ID_SAFE = re.compile(r"[A-Za-z0-9-]")
_CLASS_UNSAFE = re.compile(r"[^a-z0-9-]+")
_FONT_FAMILY_UNSAFE = re.compile(r"[^\w \-.,\"']+")

# Chinese text is drawn from a Simplified Chinese face first: a renderer that
# falls back glyph by glyph (resvg) otherwise takes the first CJK face it has,
# which in the Noto collection is the Japanese one, with Japanese glyph forms.
CJK_FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", '
    '"Microsoft YaHei", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif'
)

ID_PREFIX = "bp"
CARD_RADIUS = 6.0
PILL_RADIUS_MAX = 16.0  # support cards: rounded ends, but not so round that text meets the curve
EVIDENCE_FOLD = 9.0
WAIT_RADIUS = 4.0
CONTROL_RADIUS = 1.0
CHANNEL_RADIUS = 3.0
CIRCLE_STRETCH_MAX = 1.15
ARROW_KINDS = ("handoff", "deferred", "agreement")
LEGEND_FLOW_PREFIX = "legend-arrow-"


def render_svg(scene: Scene, theme: str = "default", fonts: str = "embed", for_page: bool = False,
               detail_suffix: str | None = None) -> str:
    """The scene as one standalone SVG document in `theme` (ValueError if unknown).

    `fonts` "embed" carries the fonts the drawing is drawn with, cut down to
    its characters, so that it looks the same on every machine; "none"
    leaves them out and names fonts the reader may have. (The HTML page and
    the PNG renderer ask for "named": the embedded fonts' names, with the
    fonts brought by the page or handed to the rasteriser.)

    On its own, the drawing carries its text version in its <desc>, and a
    drawing with links is a group whose links are named by their cards; an
    image holds nothing to click. `for_page` draws it for the HTML page,
    which writes the text version and the links beside the drawing: the
    <desc> keeps the summary, and the cards are not links. `detail_suffix`
    (".html" on the page) links each detail tag to its detail's page."""
    get_theme(theme)
    if fonts not in (*FONT_OPTIONS, "named"):
        raise ValueError(f"unknown fonts option {fonts!r}; expected one of: {', '.join(FONT_OPTIONS)}")
    faces = font_face_css(characters_by_face(scene)) if fonts == "embed" else ""
    named = fonts != "none"
    family = f'"{LATIN_FAMILY}", {scene.font_family}' if named else scene.font_family
    cards = [_CardView(card, for_page) for card in scene.cards]
    details = detail_marks(scene, detail_suffix)
    description = scene.description
    if not for_page:
        description += "\n" + plain_text(outline(scene), scene.lang)
    return templating.render(
        _environment().get_template("blueprint.svg.j2"),
        scene=scene,
        theme=theme,
        css=Markup(faces + _trusted_css(theme, marks_changes(scene), named, scene_lanes(scene), uses_practice(scene),
                                        shows_practice(scene), bool(scene.overview), bool(scene.scenarios))
                   + (detail_css(theme) if details else "")),
        font_family=safe_font_family(family),
        title_id=f"{ID_PREFIX}-title",
        desc_id=f"{ID_PREFIX}-desc",
        cards=cards,
        # On the page the script makes the drawing a group of controls itself (its detail links among them).
        linked=any(view.href for view in cards) or (not for_page and any(view.href for view in details)),
        detail_marks=details,
        lang=language_tag(scene),
        description=description,
        arrows=[_ArrowView(arrow, theme) for arrow in scene.arrows],
        rules=[_RuleView(rule, theme) for rule in scene.rules],
        heads=[(kind, end, _head_id(theme, kind, end)) for kind in ARROW_KINDS for end in ("start", "end")],
        step_covers=_step_covers(scene) if for_page else [],
    )


def _step_covers(scene: Scene) -> list[tuple[Rect, str]]:
    """For the page's scenario picker: a patch of background over the head of
    each step of only some scenarios, shown when the chosen one is not among
    them, so that an empty column does not keep its heading."""
    heads = {rect.x: rect for rect in scene.rects if rect.role == "step-head"}
    covers = []
    for column in scene.columns:
        head = heads.get(column.x)
        if column.scenarios and head is not None:
            covers.append((Rect(role="step-cover", x=head.x - 2, y=head.y - 2, width=head.width + 4,
                                height=head.height + 4), " ".join(column.scenarios)))
    return covers


# --- names -------------------------------------------------------------------


def dom_id(prefix: str, raw: str) -> str:
    """A valid, unique XML id for `raw`: ASCII letters, digits and hyphens stay,
    every other character becomes `_<hex code point>_`, so distinct inputs
    never collide (an underscore in `raw` is itself encoded)."""
    if raw.isascii() and raw.replace("-", "").isalnum():  # the usual id: nothing to encode
        return f"{prefix}-{raw}"
    encoded = "".join(char if _ID_SAFE.fullmatch(char) else f"_{ord(char):x}_" for char in raw)
    return f"{prefix}-{encoded}"


def css_class(role: str) -> str:
    """A role string as a CSS class name: lower case, runs of anything but
    letters, digits and hyphens turned into one hyphen."""
    name = _CLASS_UNSAFE.sub("-", role.lower()).strip("-")
    if not name:
        return "role-unnamed"
    return name if name[0].isalpha() else f"role-{name}"


# The template asks for the same few roles, kinds and lanes thousands of times.
_css_class = lru_cache(maxsize=1024)(css_class)


def safe_font_family(family: str) -> str:
    """A font-family list with anything that could end the attribute or smuggle
    CSS (brackets, colons, semicolons, `url(`) taken out."""
    cleaned = _FONT_FAMILY_UNSAFE.sub("", family).strip(" ,")
    return cleaned or "sans-serif"


def _head_id(theme: str, kind: str, end: str) -> str:
    return f"{ID_PREFIX}-{theme}-head-{kind}-{end}"


def marks_changes(scene: Scene) -> bool:
    """Whether the scene is a comparison drawing with something marked (its
    stylesheet then carries the comparison rules; a plain one stays as it was)."""
    return bool(scene.badges) or any(
        card.change or any(marker.change for marker in card.markers) for card in scene.cards)


def scene_lanes(scene: Scene) -> tuple[str, ...]:
    """The lanes the scene draws a band for."""
    return tuple(band.lane for band in scene.lanes)


def uses_practice(scene: Scene) -> bool:
    """Whether the scene draws controls or the like (its stylesheet then carries their rules)."""
    return bool(scene.rows or scene.control_list) or any(card.confidence for card in scene.cards)


def shows_practice(scene: Scene) -> bool:
    """Whether the drawing shows any of the practitioner's marks (roles,
    channels, key steps, decisions), whose rules are added only then."""
    return bool(scene.roles or scene.key_list) or any(
        card.role_line is not None or card.decision_mark is not None for card in scene.cards) or any(
        column.channel_tag is not None for column in scene.columns) or any(
        marker.kind == "channel" for card in scene.cards for marker in card.markers)


def _trusted_css(theme: str, changes: bool = False, named: bool = False, lanes: tuple[str, ...] = (),
                 practice: bool = False, marks: bool = False, overview: bool = False, scenarios: bool = False) -> str:
    # Chinese type has no italic; a machine-slanted ideograph only looks broken.
    stack = f'"{CJK_FAMILY}", {CJK_FONT_STACK}' if named else CJK_FONT_STACK
    css = (theme_css(theme) + optional_css(theme, lanes) + (compare_css(theme) if changes else "")
           + (practitioner_css(theme) if practice else "") + (marks_css(theme) if marks else "")
           + (overview_css(theme) if overview else "") + (scenario_css(theme) if scenarios else "")
           + f".cjk{{font-family:{stack};font-style:normal}}\n")
    # The stylesheet goes out unescaped (so it also works when the SVG is
    # inlined in HTML, where <style> content is never entity-decoded); it is
    # built only from theme constants, and this keeps it that way.
    if any(char in css for char in "<>&"):
        raise AssertionError("theme CSS must not contain markup characters")
    return css


# --- numbers and text ----------------------------------------------------------


@lru_cache(maxsize=4096)
def number(value: float) -> str:
    """Coordinates with at most two decimals, no trailing zeros, never `-0`.

    Kept in a cache: a drawing repeats a few thousand values (column edges,
    lane tops, font sizes) tens of thousands of times."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _xml_text(value: object) -> object:
    if type(value) is str:
        # Printable text has none of the forbidden characters, and almost
        # every value is printable; the search is for the rest.
        return value if value.isprintable() else _XML_ILLEGAL.sub("", value)
    if isinstance(value, str) and not isinstance(value, Markup):
        return _XML_ILLEGAL.sub("", value)
    return value


# --- view objects: what the template draws, precomputed here --------------------


# Plain classes with slots, not dataclasses: a dataclass generates and
# compiles its methods when it is defined, about half a millisecond for each
# of these on every start of the command line.


class _CardView:
    __slots__ = ("card", "id", "lane_class", "href", "name", "tooltip", "frame", "fold")

    def __init__(self, card: Card, for_page: bool = False) -> None:
        links = [link for link in map(safe_link, card.links) if link]
        self.card = card
        self.id = dom_id("card", card.id)
        self.lane_class = f"card-{_css_class(card.lane)}"
        if card.confidence:
            self.lane_class += f" confidence-{_css_class(card.confidence)}"
        self.href = links[0] if links and not for_page else None
        self.name = card_name(card)
        self.tooltip = "\n".join([card.label, *(f"{d.key}: {d.value}" for d in card.details), *links])
        self.frame, self.fold = _card_outline(card)  # SVG path data: the outline, an evidence card's dog-ear


def _card_outline(card: Card) -> tuple[str, str | None]:
    x, y, w, h = card.x, card.y, card.width, card.height
    if card.kind == "evidence":
        # Paper with the top-right corner folded over.
        f = min(EVIDENCE_FOLD, w / 3, h / 3)
        frame = (f"M{number(x)},{number(y)}H{number(x + w - f)}L{number(x + w)},{number(y + f)}"
                 f"V{number(y + h)}H{number(x)}Z")
        fold = f"M{number(x + w - f)},{number(y)}V{number(y + f)}H{number(x + w)}Z"
        return frame, fold
    r = min(h / 2, PILL_RADIUS_MAX) if card.lane == "support" else min(CARD_RADIUS, h / 2, w / 2)
    return _rounded_rect(x, y, w, h, r), None


def _rounded_rect(x: float, y: float, w: float, h: float, r: float) -> str:
    # The edges and where the corner arcs meet the sides, left to right and
    # top to bottom: each formatted once, though the path passes most twice.
    x0, x1, x2, x3 = number(x), number(x + r), number(x + w - r), number(x + w)
    y0, y1, y2, y3 = number(y), number(y + r), number(y + h - r), number(y + h)
    arc = f"A{number(r)},{number(r)} 0 0 1"
    return (f"M{x1},{y0}H{x2}{arc} {x3},{y1}V{y2}{arc} {x2},{y3}"
            f"H{x1}{arc} {x0},{y2}V{y1}{arc} {x1},{y0}Z")


class _ArrowView:
    __slots__ = ("arrow", "id", "kind_class", "path", "head_start", "head_end")

    def __init__(self, arrow: Arrow, theme: str) -> None:
        kind = arrow.kind if arrow.kind in ARROW_KINDS else "handoff"
        self.arrow = arrow
        self.id = dom_id("flow", arrow.id)
        self.kind_class = f"flow-{kind}"
        self.path = "".join(
            f"{'M' if index == 0 else 'L'}{number(point.x)},{number(point.y)}" for index, point in enumerate(arrow.points)
        )
        self.head_start = _head_id(theme, kind, "start") if arrow.head_start else None
        self.head_end = _head_id(theme, kind, "end") if arrow.head_end else None


class _RuleView:
    """Legend samples of flows (`legend-arrow-<kind>`) get the heads of the real thing."""

    __slots__ = ("rule", "head_start", "head_end")

    def __init__(self, rule: Rule, theme: str) -> None:
        self.rule = rule
        self.head_start = self.head_end = None
        kind = rule.role.removeprefix(LEGEND_FLOW_PREFIX)
        if rule.role.startswith(LEGEND_FLOW_PREFIX) and kind in ARROW_KINDS:
            self.head_start = _head_id(theme, kind, "start") if kind == "agreement" else None
            self.head_end = _head_id(theme, kind, "end")


def marker_classes(marker: Marker) -> str:
    classes = [f"mark mark-{_css_class(marker.kind)}"]
    if marker.kind == "fail":
        classes.append(f"severity-{_css_class(marker.severity or 'unrated')}")
    if marker.over_limit:
        classes.append("over-limit")
    return " ".join(classes)


_MARKER_LETTERS = {"fail": "F", "wait": "W", "control": "C", "key": "K"}


def marker_letter(marker: Marker) -> str:
    return _MARKER_LETTERS.get(marker.kind, "")


def marker_corner(marker: Marker) -> float:
    """The corner radius of a badge drawn as a rectangle: a fail badge's ends
    are round, a wait badge's and a channel tag's corners rounded, a control
    badge's and a key badge's nearly square."""
    corners = {"fail": marker.height / 2, "wait": WAIT_RADIUS, "channel": CHANNEL_RADIUS}
    return corners.get(marker.kind, CONTROL_RADIUS)


def marker_is_circle(marker: Marker) -> bool:
    """A fail badge is a circle while its number is short (F1-F9 come out a hair
    wider than tall); F10 and up stretch into a stadium rather than a circle
    spilling over the lines above and below."""
    return marker.kind == "fail" and marker.width <= marker.height * CIRCLE_STRETCH_MAX


def marker_radius(marker: Marker) -> float:
    return max(marker.width, marker.height) / 2


@cache
def _environment() -> Environment:
    environment = templating.environment(
        PackageLoader("blueprint.render", "templates"),
        finalize=_xml_text,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Filters and tests rather than global functions: the template calls them
    # directly, where a global goes through Context.call every time.
    environment.filters.update(
        n=number,
        css_class=_css_class,
        dom_id=dom_id,
        marker_classes=marker_classes,
        marker_radius=marker_radius,
        marker_letter=marker_letter,
        marker_corner=marker_corner,
    )
    environment.tests.update(cjk=is_cjk, circle=marker_is_circle)
    return environment


__all__ = ["render_svg", "dom_id", "css_class", "safe_link", "safe_font_family"]
