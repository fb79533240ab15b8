"""The language server (`blueprint lsp`): live diagnostics, completion,
hover, navigation, rename, outline, folding, formatting, quick fixes,
semantic highlighting and the SVG of the buffer for a preview, over stdio.

A front-end like the command line: it calls blueprint.api and reads the
stages' results, never reaching into how they are made. pygls and lsprotocol
come with the `lsp` extra; importing this package needs neither, so the
command can say what to install when they are missing.
"""

from __future__ import annotations

import importlib

REQUIRED = ("pygls", "lsprotocol")
INSTALL_HINT = "pip install 'service-blueprint[lsp]'"


def missing_requirements() -> list[str]:
    """The packages the server needs that cannot be imported."""
    missing = []
    for name in REQUIRED:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return missing


def serve_stdio(enabled: frozenset[str], docs_url: str | None, messages: str | None = None) -> None:
    """Run the server on standard input and output until the client stops it."""
    import logging

    from blueprint.lsp.analysis import ServerSettings
    from blueprint.lsp.server import create_server

    # Standard output carries the protocol: whatever is logged goes to stderr,
    # which clients show as the server's log.
    logging.basicConfig(level=logging.WARNING, format="blueprint lsp: %(levelname)s %(name)s: %(message)s")
    create_server(ServerSettings(enabled=enabled, docs_url=docs_url, messages=messages)).start_io()
