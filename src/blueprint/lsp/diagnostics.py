"""The checker's diagnostics as the editor shows them.

The same code, message, place and hint as `blueprint check` prints; the
hint goes on the message's second line (the protocol has no field for it)
and, as data, back to the server when the editor asks for code actions. The
code links to its rule in the rule reference when the project names its
documentation site (`docs-url`), as SARIF output does.
"""

from __future__ import annotations

from lsprotocol import types

from blueprint.catalogue import BY_CODE
from blueprint.diagnostics import Diagnostic, Level
from blueprint.lsp.positions import Lines
from blueprint.report.machine import rule_url

SOURCE = "blueprint"
HINT_PREFIX = "hint: "

_SEVERITIES = {Level.ERROR: types.DiagnosticSeverity.Error, Level.WARNING: types.DiagnosticSeverity.Warning}


def to_client(diagnostic: Diagnostic, lines: Lines, docs_url: str | None) -> types.Diagnostic:
    message = diagnostic.message
    if diagnostic.hint:
        message += "\n" + HINT_PREFIX + diagnostic.hint
    declaration = BY_CODE.get(diagnostic.code)
    description = None
    if docs_url is not None and declaration is not None:
        description = types.CodeDescription(href=rule_url(declaration, docs_url))
    return types.Diagnostic(
        range=lines.span_range(diagnostic.span),
        severity=_SEVERITIES[diagnostic.level],
        code=diagnostic.code,
        code_description=description,
        source=SOURCE,
        message=message,
        data={"hint": diagnostic.hint} if diagnostic.hint else None,
    )


def client_diagnostics(diagnostics: tuple[Diagnostic, ...], lines: Lines, docs_url: str | None) -> list[types.Diagnostic]:
    return [to_client(d, lines, docs_url) for d in diagnostics]


def hint_of(diagnostic: types.Diagnostic) -> str | None:
    """The hint a diagnostic the server published carries, as the client sends it back."""
    data = diagnostic.data
    if isinstance(data, dict) and isinstance(data.get("hint"), str):
        return data["hint"]
    _, _, hint = diagnostic.message.partition("\n" + HINT_PREFIX)
    return hint or None
