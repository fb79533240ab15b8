"""Blueprints in Python-Markdown: ```blueprint fences and `![](file.bp)` images.

    import markdown
    html = markdown.markdown(text, extensions=["blueprint"])

A fenced block with the info string `blueprint` becomes the drawing, inline
SVG; so does an image whose source is a local `.bp` file, read relative to
`base_dir`. A blueprint with errors becomes an error box in the page (and a
logged warning with file:line). With pymdownx.superfences the fence can be a
custom fence instead (it then also works inside admonitions, tabs and lists):

    custom_fences = [{"name": "blueprint", "class": "blueprint",
                      "format": fence_blueprint, "validator": validate_blueprint}]

The MkDocs plugin (blueprint.integrations.mkdocs) sets all of this up itself.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from blueprint.integrations.drawings import DrawingCache
from blueprint.integrations.embed import (
    THEMES,
    BadReference,
    Embedder,
    blueprint_path,
    display_name,
    log,
    resolve_reference,
    unknown_theme,
)
from blueprint.integrations.drawn import BadDrawnOption, Drawn
from blueprint.integrations.figure import style_element
from blueprint.integrations.page_lines import FENCE_OPENING, PageLines
from blueprint.vocabulary import DEFAULT_VIEW, FONT_OPTIONS

FENCE_LANGUAGE = "blueprint"
FENCE_OPTIONS = ("theme", "view", "scenario")

_OPTION = re.compile(r"""\s*(?P<key>[A-Za-z][\w-]*)(?:=(?P<value>"[^"]*"|'[^']*'|[^\s"']*))?\s*""")


@dataclass(frozen=True)
class PageSource:
    """The document being converted, as far as messages and file references go."""

    name: str  # how messages name it, e.g. docs/guide.md
    text: str  # as written (front matter included), to tell the line a block is on
    folder: Path  # relative image references start here
    site_root: Path  # where a reference starting with / starts
    allowed: tuple[Path, ...]  # referenced files must lie inside one of these
    display_root: Path  # messages name referenced files relative to this


class _Document:
    """What one conversion keeps: the page, where its lines are, and the
    figures numbered so far (their ids must be unique in the page)."""

    def __init__(self, page: PageSource) -> None:
        self.page = page
        self.lines = PageLines(page.text)
        self.figures = 0
        self.styled = False

    def next_prefix(self) -> str:
        self.figures += 1
        return f"blueprint-{self.figures}"


class BlueprintExtension(Extension):
    """The Python-Markdown extension (`extensions=["blueprint"]`)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "theme": ["default", "Theme of the drawings: auto, default, dark or print (default: default)."],
            "base_dir": [".", "Folder that image references are read relative to, and never outside of."],
            "page_name": ["<markdown>", "What messages call the Markdown document."],
            "fences": [True, "Turn ```blueprint fences into drawings (off when superfences does it)."],
            "stylesheet": [True, "Put a <style> element before the first drawing of a document."],
            "cache_dir": ["", "Folder to keep drawings in between runs; empty: in memory only."],
            "fonts": ["embed", "Carry the drawings' fonts (embed) or leave them out (none)."],
        }
        super().__init__(**kwargs)
        theme = self.getConfig("theme")
        if theme not in THEMES:
            raise ValueError(f"blueprint: {unknown_theme(theme)}")
        fonts = self.getConfig("fonts")
        if fonts not in FONT_OPTIONS:
            raise ValueError(f"blueprint: unknown fonts option {fonts!r}; expected one of: {', '.join(FONT_OPTIONS)}")
        cache_dir = self.getConfig("cache_dir")
        self.embedder = Embedder(theme=theme, cache=DrawingCache(Path(cache_dir) if cache_dir else None),
                                 fonts=fonts)
        # Set by the MkDocs plugin before each page; plain Markdown uses the settings above.
        self.page: PageSource | None = None
        self._document: _Document | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # Before whitespace normalisation (30): see the page as written.
        md.preprocessors.register(_DocumentStart(md, self), "blueprint_document", 35)
        if self.getConfig("fences"):
            # After whitespace normalisation, before fenced_code and superfences (25).
            md.preprocessors.register(_FencePreprocessor(md, self), "blueprint_fence", 26)
        # After attr_list (8), which may give an image a theme; before MkDocs
        # checks image sources (0), which would report a .bp file as a bad link.
        md.treeprocessors.register(_ImageTreeprocessor(md, self), "blueprint_image", 7)

    def reset(self) -> None:
        self._document = None

    # -- used by the processors and the superfences hooks ----------------------

    def start_document(self, text: str) -> None:
        base = Path(self.getConfig("base_dir")).resolve()
        self._document = _Document(self.page or PageSource(
            name=self.getConfig("page_name"), text=text, folder=base, site_root=base, allowed=(base,),
            display_root=base))

    @property
    def document(self) -> _Document:
        if self._document is None:  # a superfences fence outside a conversion started here
            self.start_document("")
        assert self._document is not None
        return self._document

    def fence_html(self, text: str, options: dict[str, str], unknown: list[str]) -> str:
        """The HTML for one ```blueprint fence; never raises."""
        return self._guarded(lambda: self._fence_html(text, options, unknown))

    def image_html(self, path: str, reference: str, theme: str | None, caption: str | None,
                   view: str | None = None, scenario: str | None = None) -> str:
        """The HTML for one `![](file.bp)` image; never raises."""
        return self._guarded(lambda: self._image_html(path, reference, theme, caption, view, scenario))

    def _guarded(self, make: Callable[[], str]) -> str:
        try:
            return make()
        except Exception as error:  # a bug here must cost one box, not the build, and show no traceback
            log.debug("blueprint: embedding failed", exc_info=True)
            where = self._document.page.name if self._document else self.getConfig("page_name")
            # The type only: the message may name folders of the machine that builds the page.
            return self.embedder.problem(where, f"internal error ({type(error).__name__}); see the debug log")

    def _fence_html(self, text: str, options: dict[str, str], unknown: list[str]) -> str:
        document = self.document
        first_line = document.lines.block_line(text)
        name = document.page.name
        fence_at = f"{name}:{first_line - 1}" if first_line and first_line > 1 else name
        if first_line is None:  # its lines will be counted from the block's own first line
            name = f"{name} (a blueprint block)"
        prefix = document.next_prefix()
        if unknown:
            html = self.embedder.problem(fence_at, f"unknown blueprint fence option {', '.join(unknown)}; "
                                                   f"expected {', '.join(FENCE_OPTIONS)}")
        elif "theme" in options and options["theme"] not in THEMES:
            html = self.embedder.problem(fence_at, unknown_theme(options["theme"]))
        else:
            try:
                drawn = Drawn(options.get("view", DEFAULT_VIEW), options.get("scenario"))
            except BadDrawnOption as error:
                html = self.embedder.problem(fence_at, str(error))
            else:
                html = self.embedder.fenced(text, name, first_line, prefix, options.get("theme"), drawn, fence_at)
        return self._styled(html)

    def _image_html(self, path: str, reference: str, theme: str | None, caption: str | None, view: str | None,
                    scenario: str | None) -> str:
        document = self.document
        page = document.page
        line = document.lines.reference_line(reference)
        referenced_at = f"{page.name}:{line}" if line else page.name
        prefix = document.next_prefix()
        if theme is not None and theme not in THEMES:
            return self._styled(self.embedder.problem(referenced_at, unknown_theme(theme)))
        try:
            drawn = Drawn(view or DEFAULT_VIEW, scenario)
            target = resolve_reference(path, page.folder, page.site_root, page.allowed)
        except BadDrawnOption as error:
            return self._styled(self.embedder.problem(referenced_at, str(error)))
        except BadReference as error:
            return self._styled(self.embedder.problem(referenced_at, f"cannot draw {path}: {error}"))
        name = display_name(target, page.display_root)
        return self._styled(self.embedder.file(target, name, prefix, referenced_at, theme, caption, drawn))

    def _styled(self, html: str) -> str:
        document = self.document
        if self.getConfig("stylesheet") and not document.styled:
            document.styled = True
            return f"{style_element()}\n{html}"
        return html


class _DocumentStart(Preprocessor):
    def __init__(self, md: Markdown, extension: BlueprintExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.start_document("\n".join(lines).replace("\r\n", "\n").replace("\r", "\n"))
        return lines


class _FencePreprocessor(Preprocessor):
    """```blueprint fences at the left margin (superfences also finds nested ones)."""

    def __init__(self, md: Markdown, extension: BlueprintExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            opening = FENCE_OPENING.match(lines[index])
            if opening is None:
                out.append(lines[index])
                index += 1
                continue
            fence = opening.group("fence")
            closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
            end = next((i for i in range(index + 1, len(lines)) if closing.match(lines[i])), None)
            if end is None:  # never closed: Markdown's business, not ours
                out.extend(lines[index:])
                break
            language, options, unknown = parse_info(opening.group("info"))
            if language != FENCE_LANGUAGE:  # another fence, perhaps one that shows a blueprint fence as code
                out.extend(lines[index:end + 1])
            else:
                html = self.extension.fence_html("\n".join(lines[index + 1:end]), options, unknown)
                out.extend(["", self.md.htmlStash.store(html), ""])
            index = end + 1
        return out


class _ImageTreeprocessor(Treeprocessor):
    """`![alt](file.bp "caption")`: the image becomes the drawing."""

    def __init__(self, md: Markdown, extension: BlueprintExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for image in list(root.iter("img")):
            reference = image.get("src", "")
            path = blueprint_path(reference)
            if path is None or image not in parents:
                continue
            html = self.extension.image_html(path, reference, image.get("theme"), image.get("title"),
                                             image.get("view"), image.get("scenario"))
            _replace(parents[image], image, self.md.htmlStash.store(html))


def _replace(parent: etree.Element, image: etree.Element, placeholder: str) -> None:
    """Put `placeholder` where `image` was. An image alone in its paragraph
    takes the paragraph's place (a figure cannot sit inside a <p>)."""
    tail = image.tail or ""
    alone = parent.tag == "p" and len(parent) == 1 and not (parent.text or "").strip() and not tail.strip()
    index = list(parent).index(image)
    parent.remove(image)
    if alone:
        parent.text = placeholder
    elif index == 0:
        parent.text = (parent.text or "") + placeholder + tail
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + placeholder + tail


def parse_info(info: str) -> tuple[str, dict[str, str], list[str]]:
    """The language, known options and unknown option names of a fence's info
    string: `blueprint theme=print` or `{ .blueprint theme=print }`."""
    info = info.strip()
    if info.startswith("{") and info.endswith("}"):
        info = info[1:-1].strip()
    language, _, rest = info.partition(" ")
    language = language.removeprefix(".")
    options: dict[str, str] = {}
    unknown: list[str] = []
    position = 0
    rest = rest.strip()
    while position < len(rest):
        match = _OPTION.match(rest, position)
        if match is None or match.end() == position:
            unknown.append(rest[position:].split()[0])
            break
        key, value = match.group("key"), (match.group("value") or "").strip("\"'")
        if key in FENCE_OPTIONS:
            options[key] = value
        else:
            unknown.append(key)
        position = match.end()
    return language, options, unknown


# -- pymdownx.superfences ----------------------------------------------------------


def validate_blueprint(language: str, inputs: dict[str, str], options: dict[str, Any], attrs: dict[str, str],
                       md: Markdown) -> bool:
    """Superfences validator: keeps the known options; the formatter turns the
    rest into an error box (rejecting them would show the fence as code)."""
    for key, value in inputs.items():
        if key in FENCE_OPTIONS:
            options[key] = value
        else:
            options.setdefault("unknown", []).append(key)
    return True


def fence_blueprint(source: str, language: str, css_class: str, options: dict[str, Any], md: Markdown,
                    **kwargs: Any) -> str:
    """Superfences formatter: the drawing, or the error box, for one fence."""
    unknown = list(options.get("unknown", []))
    known = {key: str(value) for key, value in options.items() if key in FENCE_OPTIONS}
    return _extension_of(md).fence_html(source, known, unknown)


def _extension_of(md: Markdown) -> BlueprintExtension:
    """The extension registered on `md`; registers a default one (with its
    settings' defaults) when superfences is used without it."""
    for extension in md.registeredExtensions:
        if isinstance(extension, BlueprintExtension):
            return extension
    extension = BlueprintExtension()
    md.registerExtension(extension)
    extension.start_document("\n".join(getattr(md, "lines", None) or []))
    return extension


def makeExtension(**kwargs: Any) -> BlueprintExtension:  # noqa: N802 (Python-Markdown's name)
    return BlueprintExtension(**kwargs)


__all__ = ["BlueprintExtension", "PageSource", "fence_blueprint", "makeExtension", "validate_blueprint"]
