"""Quick fixes, read off the hints the checker gives.

- "did you mean 'customer'?" (a lane, a line, a keyword, a value, an ID in
  a flow or a `recover`, a scenario in `only`): put the word it names in
  place of the mistake;
- "write 5min" (a duration's unit, a range written backwards): write that;
- a string opened with a typographic quote (“…”, as word processors type
  them): make the line's quotes straight;
- a chain label in the older form (BP306): move it right after the arrow it
  names, the first, as `blueprint fmt` does.
"""

from __future__ import annotations

import re

from lsprotocol import types

from blueprint.lsp.analysis import Analysis
from blueprint.lsp.diagnostics import SOURCE, hint_of
from blueprint.model.codes import AMBIGUOUS_CHAIN_LABEL
from blueprint.parse.codes import CURLY_QUOTES as CURLY_QUOTES_CODE
from blueprint.parse.quotes import straightened
from blueprint.parse.codes import UNEXPECTED_TOKEN, UNTERMINATED_STRING

_DID_YOU_MEAN = re.compile(r"^did you mean '([^']+)'\?$")
_WRITE = re.compile(r"^write (\S+)$")
# Other glyphs a word processor types in place of `"`, which BP122 does not read as quotes.
LOOSE_QUOTES = "„‟″＂"


def _fix(analysis: Analysis, title: str, diagnostic: types.Diagnostic, edits: list[types.TextEdit],
         preferred: bool = True) -> types.CodeAction:
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                            is_preferred=preferred, edit=types.WorkspaceEdit(changes={analysis.uri: edits}))


def _from_hint(analysis: Analysis, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    hint = hint_of(diagnostic) or ""
    for pattern, title in ((_DID_YOU_MEAN, "Change to '{}'"), (_WRITE, "Write {}")):
        match = pattern.match(hint)
        if match:
            word = match.group(1)
            return [_fix(analysis, title.format(word), diagnostic, [types.TextEdit(range=diagnostic.range, new_text=word)])]
    return []


def _straight_quotes(analysis: Analysis, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    """The line as the parser reads it mended: every string's curly quotes made straight."""
    number = diagnostic.range.start.line
    text = analysis.lines.line(number)
    straight = straightened(text)
    if straight is not None:
        fixed = straight.text
    elif any(char in LOOSE_QUOTES for char in text):  # a `"` a word processor turned into another glyph
        fixed = "".join('"' if char in LOOSE_QUOTES else char for char in text)
    else:
        return []
    whole = types.Range(start=analysis.lines.to_client(number, 0), end=analysis.lines.to_client(number, len(text)))
    return [_fix(analysis, "Use straight quotes (\") on this line", diagnostic, [types.TextEdit(range=whole, new_text=fixed)])]


def _chain_label(analysis: Analysis, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    """Move the lone label at the end of a chain to after the first arrow's target."""
    blueprint = analysis.result.blueprint
    number = diagnostic.range.start.line
    if blueprint is None or diagnostic.range.end.line != number:
        return []
    flows = sorted((f for f in blueprint.flows if f.span.line == number + 1), key=lambda f: f.source_span.column)
    if len(flows) < 2:
        return []
    lines = analysis.lines
    text = lines.line(number)
    _, label_start = lines.from_client(diagnostic.range.start)
    _, label_end = lines.from_client(diagnostic.range.end)
    label = text[label_start:label_end]
    cut_from = len(text[:label_start].rstrip())
    target_end = flows[0].target_span.end_column - 1
    edits = [
        types.TextEdit(range=types.Range(start=lines.to_client(number, target_end), end=lines.to_client(number, target_end)),
                       new_text=" " + label),
        types.TextEdit(range=types.Range(start=lines.to_client(number, cut_from), end=lines.to_client(number, label_end)),
                       new_text=""),
    ]
    return [_fix(analysis, f"Move the label after {flows[0].target}, the arrow it names", diagnostic, edits)]


def code_actions(analysis: Analysis, params: types.CodeActionParams) -> list[types.CodeAction]:
    actions: list[types.CodeAction] = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != SOURCE:
            continue
        actions += _from_hint(analysis, diagnostic)
        if diagnostic.code == AMBIGUOUS_CHAIN_LABEL.code:
            actions += _chain_label(analysis, diagnostic)
        elif diagnostic.code in (CURLY_QUOTES_CODE.code, UNEXPECTED_TOKEN.code, UNTERMINATED_STRING.code):
            actions += _straight_quotes(analysis, diagnostic)
    return actions
