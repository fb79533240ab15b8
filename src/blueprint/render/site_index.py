"""The index page of a project's site (`blueprint render DIR -f html`):
every blueprint, each tree from its root, with the figures a steering
committee reads: for each tree, the end-to-end customer wait, its fail
points (how many of high severity) and the waits beyond the root's promise;
for each blueprint, its own steps, fail points and waits, on a muted line.

The figures come worked out (blueprint.project.rollup); this module only
words them in the blueprints' language, durations included (20分钟 in
Chinese, as 20min in English)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import jinja2

from markupsafe import Markup

from blueprint.render import templating
from blueprint.render.embedded_fonts import CJK_FAMILY, LATIN_FAMILY, font_face_css, is_cjk
from blueprint.render.site import safe_page
from blueprint.vocabulary import Language
from blueprint.words import WORDS

_UNIT_SECONDS = (("d", 86400), ("h", 3600), ("min", 60), ("s", 1))


@dataclass(frozen=True)
class EntryFigures:
    """A blueprint's own figures, its details left aside."""

    steps: int
    fail_points: int
    high_fail_points: int
    wait_points: int
    wait_min: float  # its customer wait, in seconds
    wait_max: float


@dataclass(frozen=True)
class IndexEntry:
    title: str
    href: str
    file: str
    level: int  # its depth in its tree: 0 for a root, or for a blueprint in no tree
    figures: EntryFigures


@dataclass(frozen=True)
class TreeFigures:
    """A tree's figures rolled up to its root: the end-to-end service."""

    files: int
    levels: int
    fail_points: int
    high_fail_points: int
    wait_min: float
    wait_max: float
    promise: float | None  # the root's max-wait, in seconds
    waits_beyond: int


@dataclass(frozen=True)
class IndexGroup:
    """A tree (its root's title and figures, then its blueprints), or, without figures, the blueprints in no tree."""

    title: str
    figures: TreeFigures | None
    entries: tuple[IndexEntry, ...]


@dataclass(frozen=True)
class _Figure:
    label: str
    value: str
    note: str = ""  # under the value, smaller
    alert: bool = False


def duration(seconds: float, words: dict[str, object]) -> str:
    """5400 → 1h30min in English, 1小时30分钟 in Chinese."""
    units: dict[str, str] = words["site_units"]  # type: ignore[assignment]
    parts, remaining = [], round(seconds)
    for unit, size in _UNIT_SECONDS:
        count, remaining = divmod(remaining, size)
        if count:
            parts.append(f"{count}{units[unit]}")
    return "".join(parts) or f"0{units['min']}"


def wait_range(low: float, high: float, words: dict[str, object]) -> str:
    first, last = duration(low, words), duration(high, words)
    return first if first == last else f"{first}{words['site_range']}{last}"


def _count(number: int, units: tuple[str, str]) -> str:
    singular, plural = units
    return f"{number} {singular if number == 1 else plural}".strip() if singular else f"{number}{plural}"


def own_line(figures: EntryFigures, words: dict[str, object]) -> tuple[str, str, str]:
    """3 steps, 2 fail points (1 high), 1 wait point, 1min–3min: shown apart, each kept on one line."""
    fails = _count(figures.fail_points, words["fail_unit"])  # type: ignore[arg-type]
    if figures.high_fail_points:
        fails += str(words["site_high_short"]).format(n=figures.high_fail_points)
    waits = str(words["site_no_wait"])
    if figures.wait_points:
        waits = (_count(figures.wait_points, words["wait_unit"])  # type: ignore[arg-type]
                 + f"{words['site_wait_sep']}{wait_range(figures.wait_min, figures.wait_max, words)}")
    return _count(figures.steps, words["step_unit"]), fails, waits  # type: ignore[arg-type]


def tree_figures(figures: TreeFigures, words: dict[str, object]) -> tuple[str, list[_Figure]]:
    """The line under a tree's heading, and its figures: the end-to-end wait, the fail points, any wait beyond."""
    meta = str(words["site_tree_meta"]).format(files=_count(figures.files, words["site_file_unit"]),  # type: ignore
                                               levels=_count(figures.levels, words["site_level_unit"]))  # type: ignore
    high = str(words["site_high"]).format(n=figures.high_fail_points) if figures.high_fail_points else ""
    shown = [_Figure(str(words["site_wait"]), wait_range(figures.wait_min, figures.wait_max, words)),
             _Figure(str(words["site_fails"]), str(words["site_count"]).format(n=figures.fail_points), high,
                     alert=figures.high_fail_points > 0)]
    if figures.promise is not None and figures.waits_beyond:
        shown.append(_Figure(str(words["site_beyond"]).format(limit=duration(figures.promise, words)),
                             str(words["site_count"]).format(n=figures.waits_beyond), alert=True))
    return meta, shown


@cache
def _index_template() -> jinja2.Template:
    return templating.environment(jinja2.PackageLoader("blueprint.render", "templates")).get_template(
        "site-index.html.j2")


def _index_fonts(lang: Language, texts: list[str]) -> str:
    """@font-face rules for the index's characters (regular and bold: the headings), and the page set in them."""
    hant = "-hant" if lang is Language.ZH_HANT else ""
    used: dict[str, set[str]] = {}
    for char in set("".join(texts)):
        for weight in ("regular", "bold"):
            used.setdefault(f"cjk-{weight}{hant}" if is_cjk(char) else f"latin-{weight}", set()).add(char)
    return font_face_css(used) + f'body{{font-family:"{LATIN_FAMILY}","{CJK_FAMILY}",sans-serif}}\n'


def _view(groups: list[IndexGroup], words: dict[str, object]) -> list[dict[str, object]]:
    """What the template shows of each group, every figure worded; no group without a blueprint to link."""
    shown = []
    for group in groups:
        entries = [{"title": entry.title, "href": entry.href, "file": entry.file, "level": entry.level,
                    "parts": own_line(entry.figures, words)} for entry in group.entries if safe_page(entry.href)]
        if not entries:
            continue
        meta, figures = tree_figures(group.figures, words) if group.figures is not None else ("", [])
        shown.append({"title": group.title, "meta": meta, "figures": figures, "entries": entries,
                      "tree": group.figures is not None})
    return shown


def _texts(title: str, groups: list[dict[str, object]]) -> list[str]:
    texts = [title, " · "]  # the template's own: between the parts of a blueprint's line
    for group in groups:
        texts += [str(group["title"]), str(group["meta"])]
        texts += [figure.label + figure.value + figure.note for figure in group["figures"]]  # type: ignore[attr-defined]
        texts += [entry["title"] + entry["file"] + "".join(entry["parts"]) for entry in group["entries"]]  # type: ignore
    return texts


def site_index(groups: list[IndexGroup], lang: Language, fonts: str = "embed") -> str:
    """The index page: each tree from its root with its figures, then the
    blueprints in no tree; with `fonts` "embed", carrying its fonts cut down
    to its characters, as the pages do."""
    words = WORDS[lang]
    title = str(words["site_title"])
    shown = _view(groups, words)
    if any(group["tree"] for group in shown):
        for group in shown:
            if not group["tree"]:
                group["title"] = str(words["site_other"])
    faces = _index_fonts(lang, _texts(title, shown)) if fonts == "embed" else ""
    if any(char in faces for char in "<>&"):
        raise AssertionError("font CSS must not contain markup characters")
    return templating.render(_index_template(), lang=lang.value, title=title, groups=shown, faces=Markup(faces))
