"""A real client talking to `blueprint lsp` over stdio: one server for all the tests here
(each opens its documents under URIs of its own)."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

BLUEPRINT = shutil.which("blueprint", path=str(Path(sys.executable).parent)) or "blueprint"
# How long a test waits for the server before it fails instead of hanging.
PATIENCE = 60.0


def make_client() -> LanguageClient:
    """The test client, keeping every diagnostics notification with its version."""
    client = LanguageClient()

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published = [*getattr(client, "published", []), params]

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish})
    return client


SERVER = ClientServerConfig(server_command=[BLUEPRINT, "lsp"], client_factory=make_client)


@pytest_lsp.fixture(config=SERVER, scope="package")
async def client(lsp_client: LanguageClient):
    capabilities = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            document_symbol=types.DocumentSymbolClientCapabilities(hierarchical_document_symbol_support=True),
            rename=types.RenameClientCapabilities(prepare_support=True),
        ),
        workspace=types.WorkspaceClientCapabilities(configuration=True),
    )
    options = {"docsUrl": "https://docs.example.org/blueprint", "debounceMs": 10}
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities,
                                                                         initialization_options=options))
    lsp_client.server_capabilities = result.capabilities
    yield
    await lsp_client.shutdown_session()


_counter = iter(range(1, 1_000_000))


def new_uri(name: str = "doc") -> str:
    return f"file:///project/{name}-{next(_counter)}.bp"


async def published(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics the server publishes for `version` of `uri` (waiting for them)."""

    async def wait() -> list[types.Diagnostic]:
        while True:
            for params in reversed(getattr(client, "published", [])):
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)
            await asyncio.sleep(0.005)

    return await asyncio.wait_for(wait(), PATIENCE)


async def open_document(client: LanguageClient, text: str, name: str = "doc") -> str:
    """Open `text` under a new URI and wait for its first diagnostics; the URI."""
    uri = new_uri(name)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="blueprint", version=1, text=text)))
    await published(client, uri, 1)
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    """Replace the whole text (what a client without incremental sync sends)."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def at(uri: str, line: int, character: int) -> dict:
    return {"text_document": types.TextDocumentIdentifier(uri=uri),
            "position": types.Position(line=line, character=character)}
