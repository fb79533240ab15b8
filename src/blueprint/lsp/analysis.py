"""One version of an open document, checked: what every feature of the server reads.

A document is checked once per version, through the API, exactly as
`blueprint check` checks a file, its details followed (blueprint.lsp.
details), and the features (hover, completion,
references, symbols, the preview) read that one result and its index of IDs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import unquote, urlsplit

from blueprint.api import CheckResult, LineCache, check_text, check_with_details, file_key
from blueprint.catalogue import DEFAULT_CODES
from blueprint.lsp.details import DetailReader, OpenTexts
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
    # The check of the document alone, before the findings across files: what
    # a change in a detail checks again with, the document unchanged.
    own: CheckResult | None = None
    details_read: frozenset[str] = frozenset()  # the keys of the files its details led to
    details_seen: dict[str, tuple[int | None, str]] = field(default_factory=dict)  # those open then, as they were
    generation: int = 0  # how many times a detail changed under this version
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
            lines: LineCache | None = None, reader: DetailReader | None = None, opened: OpenTexts | None = None,
            own: CheckResult | None = None) -> Analysis:
    """Check one version of a document; `lines`, the document's own cache, saves reading unchanged lines again.

    A saved document's details are read through `reader` (what is open in
    the editor as `opened` holds it); `own`, the document's check when only
    a detail changed, saves checking the document itself again."""
    result = own if own is not None else check_text(text, display_name(uri), settings.enabled, lines)
    analysis = Analysis(uri=uri, version=version, text=text, result=result, encoding=encoding, own=result)
    if urlsplit(uri).scheme == "file" and result.blueprint is not None:
        reader = reader if reader is not None else DetailReader()
        load = reader.loader(opened or {}, settings.enabled)
        reader.kept(file_key(result.name), version, text, result)
        analysis.result, read = check_with_details(result, load, settings.enabled)
        analysis.details_read = frozenset(file_key(name) for name in read)
    return analysis
