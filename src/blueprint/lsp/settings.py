"""The settings a client may send: at start-up (`initializationOptions`) or
later (`workspace/didChangeConfiguration`, under `blueprint`).

    {"docsUrl": "https://docs.example.org/blueprint/", "debounceMs": 30, "theme": "dark", "messages": "zh-Hant"}

Each is optional; what the client does not send keeps the value the server
was started with (`blueprint lsp` reads `docs-url` from the project's
`[tool.blueprint]`, as `check` does). A value that cannot be used is
ignored and logged, never fatal.
"""

from __future__ import annotations

import dataclasses
import logging
from urllib.parse import urlsplit

from blueprint.diagnostics.texts import message_language
from blueprint.lsp.analysis import ServerSettings
from blueprint.vocabulary import THEMES

log = logging.getLogger(__name__)

MAX_DEBOUNCE_MS = 2000


def _docs_url(value: object) -> str | None:
    if not isinstance(value, str):
        raise ValueError("docsUrl must be a string")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"docsUrl '{value}' is not the http(s) address of a site")
    return value if value.endswith("/") else value + "/"


def _debounce(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= MAX_DEBOUNCE_MS:
        raise ValueError(f"debounceMs must be a number of milliseconds from 0 to {MAX_DEBOUNCE_MS}")
    return value / 1000


def _messages(value: object) -> str | None:
    language = message_language(value) if isinstance(value, str) else None
    if value is not None and language is None:
        raise ValueError("messages must be en, zh, zh-Hans or zh-Hant, or null for each file's own lang")
    return language


def _theme(value: object) -> str:
    if value not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}")
    return str(value)


_READERS = {"docsUrl": ("docs_url", _docs_url), "debounceMs": ("debounce", _debounce), "theme": ("theme", _theme),
            "messages": ("messages", _messages)}


def updated(settings: ServerSettings, options: object) -> ServerSettings:
    """`settings` with what `options` (a client's JSON object, or None) changes."""
    if not isinstance(options, dict):
        return settings
    changes = {}
    for key, (field, read) in _READERS.items():
        if key not in options:
            continue
        try:
            changes[field] = read(options[key])
        except ValueError as error:
            log.warning("setting ignored: %s", error)
    return dataclasses.replace(settings, **changes)
