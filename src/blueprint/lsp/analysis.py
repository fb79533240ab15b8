"""One version of an open document, checked: what every feature of the server reads.

A document is checked once per version, through the API, exactly as
`blueprint check` checks a file, and the features (hover, completion,
references, symbols, the preview) read that one result and its index of IDs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import unquote, urlsplit

from blueprint.api import CheckResult, LineCache, check_detail_paths, check_text
from blueprint.catalogue import DEFAULT_CODES
from blueprint.lsp.index import SymbolIndex, index_blueprint
from blueprint.lsp.positions import UTF16, Lines


@dataclass(frozen=True)
class ServerSettings:
    """What the server was started with (`blueprint lsp` reads the project's
    `[tool.blueprint]`) and what the client may change."""

    enabled: frozenset[str] = DEFAULT_CODES
    docs_url: str | None = None
    # How long the server waits after a change before checking, in seconds:
    # a burst of keystrokes is checked once, at its end.
    debounce: float = 0.03
    theme: str = "default"
    # The language of the diagnostics' words; None: each file's own `lang`, as `check` does.
    messages: str | None = None


def display_name(uri: str) -> str:
    """The name a document is reported under: its path for a file, else the URI."""
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return unquote(parts.path)
    return uri


@dataclass
class Analysis:
    uri: str
    version: int | None
    text: str
    result: CheckResult
    encoding: str = UTF16
    _lines: Lines | None = field(default=None, repr=False)

    @property
    def lines(self) -> Lines:
        if self._lines is None:
            self._lines = Lines(self.text, self.encoding)
        return self._lines

    @cached_property
    def index(self) -> SymbolIndex:
        return index_blueprint(self.result.blueprint)


def analyse(uri: str, version: int | None, text: str, settings: ServerSettings, encoding: str = UTF16,
            lines: LineCache | None = None) -> Analysis:
    """Check one version of a document; `lines`, the document's own cache, saves reading unchanged lines again."""
    result = check_text(text, display_name(uri), settings.enabled, lines)
    if urlsplit(uri).scheme == "file" and result.blueprint is not None:
        result = check_detail_paths(result, settings.enabled)  # a missing detail, as `check` says it
    return Analysis(uri=uri, version=version, text=text, result=result, encoding=encoding)
