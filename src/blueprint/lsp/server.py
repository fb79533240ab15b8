"""The language server: the protocol's messages wired to the features.

Each handler finds the check of the document as it stands (blueprint.lsp.
documents) and hands it to the feature's module, which knows nothing of the
protocol's plumbing. A mistake in the file is never an error here: it is a
diagnostic. A mistake in the server is logged, shown in the client's log,
and answered as an internal error; the server goes on.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInternalError
from pygls.lsp.server import LanguageServer

from blueprint import __version__
from blueprint.lsp import code_actions, completion, detail_paths, formatting, hover, navigation, preview, symbols
from blueprint.lsp.analysis import Analysis, ServerSettings
from blueprint.lsp.diagnostics import client_diagnostics
from blueprint.lsp.documents import Documents
from blueprint.lsp.semantic_tokens import LEGEND, semantic_tokens
from blueprint.lsp.settings import updated

log = logging.getLogger(__name__)

REQUEST_FAILED = -32803  # the protocol's code for a request that was valid but could not be carried out
COMPLETION_TRIGGERS = [" ", ">", "-", ".", "\"", "/"]  # quote and slash: a `detail` path


class BlueprintLanguageServer(LanguageServer):
    def __init__(self, settings: ServerSettings) -> None:
        super().__init__("blueprint", __version__)
        self.documents = Documents(self._read, self._publish, settings)

    @property
    def settings(self) -> ServerSettings:
        return self.documents.settings

    def _read(self, uri: str) -> tuple[int | None, str] | None:
        # The workspace keeps documents by the URI with its escapes undone (`%E5%BC%80` as `开`).
        document = self.workspace.text_documents.get(unquote(uri))
        return None if document is None else (document.version, document.source)

    def _publish(self, analysis: Analysis) -> None:
        diagnostics = client_diagnostics(analysis.result.localized(self.settings.messages).diagnostics, analysis.lines, self.settings.docs_url)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=analysis.uri, version=analysis.version, diagnostics=diagnostics))

    def report(self, what: str, error: BaseException) -> None:
        log.error("%s failed", what, exc_info=error)
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Error,
                                                       message=f"blueprint: {what} failed: {error!r}"))


def guarded(server: BlueprintLanguageServer, what: str, answer_errors: bool = True):
    """Log a failure of the handler and, for a request, answer it as an internal error."""

    def wrap(handler: Callable):
        @functools.wraps(handler)
        async def run(*args):
            try:
                return await handler(*args)
            except JsonRpcException:
                raise
            except navigation.RenameRefused as refused:
                raise JsonRpcException(str(refused), code=REQUEST_FAILED) from refused
            except Exception as error:  # noqa: BLE001: whatever breaks, the server goes on
                server.report(what, error)
                if answer_errors:
                    raise JsonRpcInternalError(f"blueprint: {what} failed: {error}") from error
                return None

        return run

    return wrap


def _at(analysis: Analysis, position: types.Position) -> tuple[int, int]:
    return analysis.lines.from_client(position)


def _register_sync(server: BlueprintLanguageServer) -> None:
    documents = server.documents

    @server.feature(types.INITIALIZE)
    @guarded(server, "reading the client's settings", answer_errors=False)
    async def initialize(params: types.InitializeParams) -> None:
        documents.settings = updated(documents.settings, params.initialization_options)
        documents.encoding = str(server.workspace.position_encoding or "utf-16")

    @server.feature(types.INITIALIZED)
    @guarded(server, "watching the blueprint files", answer_errors=False)
    async def initialized(params: types.InitializedParams) -> None:
        # A detail that changes on disk checks again the open documents that name it, where the client can watch.
        workspace = server.client_capabilities.workspace
        watching = workspace.did_change_watched_files if workspace is not None else None
        if watching is not None and watching.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern="**/*.bp")]
            await server.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                id="blueprint-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded(server, "opening a document", answer_errors=False)
    async def did_open(params: types.DidOpenTextDocumentParams) -> None:
        documents.edited(params.text_document.uri, delay=0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded(server, "following a change", answer_errors=False)
    async def did_change(params: types.DidChangeTextDocumentParams) -> None:
        documents.edited(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded(server, "following a change on disk", answer_errors=False)
    async def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            documents.file_changed(change.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded(server, "closing a document", answer_errors=False)
    async def did_close(params: types.DidCloseTextDocumentParams) -> None:
        documents.closed(params.text_document.uri)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    @guarded(server, "changing the settings", answer_errors=False)
    async def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings.get("blueprint") if isinstance(params.settings, dict) else None
        documents.settings = updated(documents.settings, settings)
        documents.forget_all()
        for uri in documents.open_uris():  # as the client wrote them, which the workspace does not keep
            documents.changed(uri, delay=0)


def _register_reading(server: BlueprintLanguageServer) -> None:
    documents = server.documents

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded(server, "hover")
    async def on_hover(params: types.HoverParams) -> types.Hover | None:
        analysis = await documents.current(params.text_document.uri)
        return None if analysis is None else hover.hover(analysis, *_at(analysis, params.position),
                                                         documents.settings.docs_url)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=COMPLETION_TRIGGERS))
    @guarded(server, "completion")
    async def on_completion(params: types.CompletionParams) -> types.CompletionList | None:
        analysis = await documents.current(params.text_document.uri)
        if analysis is None:
            return None
        paths = detail_paths.detail_completions(analysis, *_at(analysis, params.position))
        return paths if paths is not None else completion.completions(analysis, *_at(analysis, params.position))

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded(server, "the outline")
    async def on_symbols(params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        analysis = await documents.current(params.text_document.uri)
        return [] if analysis is None else await documents.run(symbols.document_symbols, analysis)

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    @guarded(server, "folding")
    async def on_folding(params: types.FoldingRangeParams) -> list[types.FoldingRange]:
        analysis = await documents.current(params.text_document.uri)
        return [] if analysis is None else await documents.run(symbols.folding_ranges, analysis)

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, LEGEND)
    @guarded(server, "highlighting")
    async def on_tokens(params: types.SemanticTokensParams) -> types.SemanticTokens:
        analysis = await documents.current(params.text_document.uri)
        # Work over the whole text, as long as a check: on the worker, so the loop keeps answering.
        return types.SemanticTokens(data=[] if analysis is None else await documents.run(semantic_tokens, analysis.lines))


def _register_navigation(server: BlueprintLanguageServer) -> None:
    documents = server.documents

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @guarded(server, "go to definition")
    async def on_definition(params: types.DefinitionParams) -> list[types.Location]:
        analysis = await documents.current(params.text_document.uri)
        if analysis is None:
            return []
        at = _at(analysis, params.position)
        return detail_paths.detail_definition(analysis, *at) or navigation.definition(analysis, *at)

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @guarded(server, "find references")
    async def on_references(params: types.ReferenceParams) -> list[types.Location]:
        analysis = await documents.current(params.text_document.uri)
        if analysis is None:
            return []
        return navigation.references(analysis, *_at(analysis, params.position), params.context.include_declaration)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    @guarded(server, "highlighting an ID")
    async def on_highlight(params: types.DocumentHighlightParams) -> list[types.DocumentHighlight]:
        analysis = await documents.current(params.text_document.uri)
        return [] if analysis is None else navigation.highlights(analysis, *_at(analysis, params.position))

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    @guarded(server, "preparing a rename")
    async def on_prepare_rename(params: types.PrepareRenameParams) -> types.PrepareRenamePlaceholder | None:
        analysis = await documents.current(params.text_document.uri)
        return None if analysis is None else navigation.prepare_rename(analysis, *_at(analysis, params.position))

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    @guarded(server, "rename")
    async def on_rename(params: types.RenameParams) -> types.WorkspaceEdit | None:
        analysis = await documents.current(params.text_document.uri)
        if analysis is None:
            return None
        return navigation.rename(analysis, *_at(analysis, params.position), params.new_name)


def _register_editing(server: BlueprintLanguageServer) -> None:
    documents = server.documents

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @guarded(server, "formatting")
    async def on_format(params: types.DocumentFormattingParams) -> list[types.TextEdit]:
        analysis = await documents.current(params.text_document.uri)
        if analysis is None:
            return []
        return await documents.run(formatting.format_document, analysis, documents.settings)

    @server.feature(types.TEXT_DOCUMENT_RANGE_FORMATTING)
    @guarded(server, "formatting a range")
    async def on_format_range(params: types.DocumentRangeFormattingParams) -> list[types.TextEdit]:
        analysis = await documents.current(params.text_document.uri)
        if analysis is None:
            return []
        return await documents.run(formatting.format_range, analysis, documents.settings, params.range)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    @guarded(server, "quick fixes")
    async def on_code_action(params: types.CodeActionParams) -> list[types.CodeAction]:
        analysis = await documents.current(params.text_document.uri)
        return [] if analysis is None else code_actions.code_actions(analysis, params)

    @server.command(preview.COMMAND)
    @guarded(server, "drawing the preview")
    async def render_svg(*arguments) -> dict[str, object]:
        uri = arguments[0] if arguments and isinstance(arguments[0], str) else None
        analysis = await documents.current(uri) if uri else None
        if analysis is None:
            return {"error": f"{uri or 'no document'} is not open in the language server"}
        theme = preview.theme_asked(arguments[1:], documents.settings.theme)
        return await documents.run(preview.render_svg, analysis, theme)


def create_server(settings: ServerSettings) -> BlueprintLanguageServer:
    server = BlueprintLanguageServer(settings)
    for register in (_register_sync, _register_reading, _register_navigation, _register_editing):
        register(server)
    return server
