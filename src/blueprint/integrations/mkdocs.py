"""The MkDocs plugin: `plugins: [blueprint]` and blueprints draw themselves.

It adds the Markdown extension (blueprint.integrations.markdown), makes
```blueprint a superfences custom fence when the site uses superfences, links
the small stylesheet figures need, and per page tells the extension which file
it is reading, so that messages carry file:line and `![](x.bp)` references
resolve relative to the page. A blueprint with errors is a WARNING in the log
(so `mkdocs build --strict` fails) and an error box in the page.

Drawings are cached by content hash (blueprint.integrations.drawings), in
memory and in `cache_dir`; `mkdocs serve` watches the folders of blueprint
files that lie outside the docs folder.
"""

from __future__ import annotations

import logging
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from mkdocs.config import config_options as options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from blueprint.integrations.detail_links import resolve_details
from blueprint.integrations.drawings import DrawingCache
from blueprint.integrations.embed import THEMES, Embedder, Problem, display_name
from blueprint.vocabulary import FONT_OPTIONS
from blueprint.integrations.figure import stylesheet
from blueprint.integrations.markdown import BlueprintExtension, PageSource, fence_blueprint, validate_blueprint

log = logging.getLogger("mkdocs.plugins.blueprint")

STYLESHEET_URI = "assets/blueprint/blueprint.css"
SUPERFENCES = "pymdownx.superfences"
# Names a user may have listed the extension under; the plugin adds its own.
_EXTENSION_NAMES = frozenset({"blueprint", "blueprint.markdown", "blueprint.integrations.markdown"})


class BlueprintPluginConfig(Config):
    theme = options.Choice(THEMES, default="auto")
    fonts = options.Choice(FONT_OPTIONS, default="embed")
    cache = options.Type(bool, default=True)
    cache_dir = options.Type(str, default=".cache/blueprint")
    allow_dirs = options.ListOfItems(options.Type(str), default=[])


class BlueprintPlugin(BasePlugin[BlueprintPluginConfig]):
    def __init__(self) -> None:
        self.extension: BlueprintExtension | None = None
        self.cache = DrawingCache()
        self.outside_docs: set[Path] = set()  # folders of blueprint files mkdocs serve does not watch itself
        self.page_of: dict[Path, str] = {}  # each blueprint file drawn, and the URL of the first page that draws it
        self.dirty = False

    # Having on_startup keeps one plugin object for all the builds of `mkdocs serve`.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = _project_folder(config)
        folder = (project / self.config.cache_dir) if self.config.cache else None
        self.cache = DrawingCache(folder)
        self.page_of = {}
        uses_superfences = SUPERFENCES in config.markdown_extensions
        # The extension's own fences stay on beside superfences: they take the
        # fences at the margin first, whatever their header looks like, and
        # superfences still finds the ones nested in admonitions, tabs and lists.
        self.extension = BlueprintExtension(theme=self.config.theme, fonts=self.config.fonts, stylesheet=False)
        self.extension.embedder = Embedder(theme=self.config.theme, cache=self.cache, report=self._report,
                                           fonts=self.config.fonts)

        listed = [name for name in config.markdown_extensions if isinstance(name, str) and name in _EXTENSION_NAMES]
        if listed:
            log.info("blueprint: the plugin adds the blueprint Markdown extension itself; "
                     "its settings come from the plugin's (remove %s from markdown_extensions)", ", ".join(listed))
        config.markdown_extensions = [
            name for name in config.markdown_extensions if not (isinstance(name, str) and name in _EXTENSION_NAMES)
        ]
        config.markdown_extensions.append(self.extension)
        if uses_superfences:
            _add_custom_fence(config)
        if STYLESHEET_URI not in config.extra_css:
            config.extra_css.append(STYLESHEET_URI)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if files.get_file_from_path(STYLESHEET_URI) is None:  # a site may bring its own
            files.append(File.generated(config, STYLESHEET_URI, content=stylesheet()))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.extension is not None
        project = _project_folder(config)
        docs = Path(config.docs_dir).resolve()
        source = page.file.abs_src_path
        path = Path(source).resolve() if source else docs.joinpath(*PurePosixPath(page.file.src_uri).parts)
        try:
            text = page.file.content_string
        except (OSError, UnicodeDecodeError, TypeError):
            text = markdown
        self.extension.page = PageSource(
            name=display_name(path, project),
            text=text,
            folder=path.parent,
            site_root=docs,
            allowed=(project, docs, *((project / extra).resolve() for extra in self.config.allow_dirs)),
            display_root=project,
        )
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.extension is not None
        docs = Path(config.docs_dir).resolve()
        for path in self.extension.embedder.files_read:
            if not path.is_relative_to(docs):
                self.outside_docs.add(path.parent)
        for path in self.extension.embedder.drawn:
            self.page_of.setdefault(path, page.url)
        self.extension.embedder.drawn.clear()
        self.extension.page = None
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Every page's content is made before any page is written, so each detail's page is known by now.
        return resolve_details(output, lambda path: self._link(path, page))

    def _link(self, path: Path, page: Page) -> str | None:
        target = self.page_of.get(path.resolve())
        return None if target is None else get_relative_url(target or ".", page.url or ".")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        total = self.cache.drawn + self.cache.reused
        if total:
            log.info("blueprint: %d drawing%s: %d drawn, %d from the cache", total, "" if total == 1 else "s",
                     self.cache.drawn, self.cache.reused)
        if not self.dirty:  # a dirty build skips unchanged pages, whose drawings must stay
            self.cache.prune()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        for folder in sorted(self.outside_docs):
            # Not recursive: a blueprint beside mkdocs.yml must not make the cache folder a trigger.
            server.watch(str(folder), recursive=False)
        return server

    def _report(self, problem: Problem) -> None:
        if problem.error:
            log.warning("blueprint: %s", problem)
        else:
            log.info("blueprint: %s", problem)


def _project_folder(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: relative settings and names in messages start there."""
    if config.config_file_path:
        return Path(config.config_file_path).resolve().parent
    return Path.cwd().resolve()


def _add_custom_fence(config: MkDocsConfig) -> None:
    settings = dict(config.mdx_configs.get(SUPERFENCES) or {})
    fences = list(settings.get("custom_fences") or [])
    if not any(fence.get("name") == "blueprint" for fence in fences):
        fences.append({"name": "blueprint", "class": "blueprint", "format": fence_blueprint,
                       "validator": validate_blueprint})
    settings["custom_fences"] = fences
    config.mdx_configs[SUPERFENCES] = settings
