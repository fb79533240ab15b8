"""The files a `detail` names: completion of the .bp files beside the
document while its path is typed, and go to definition on the path, which
opens the file it names. Only a document saved as a file has a folder to
look in; any other has neither."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from lsprotocol import types

from blueprint.lsp.analysis import Analysis
from blueprint.lsp.positions import span_contains

# `detail "` and the path typed so far, up to the cursor.
_OPEN_PATH = re.compile(r'^\s*detail\s+"([^"\\]*)$')
# Enough for a project's blueprints; a folder holding more is not one.
MAX_FILES = 200


def _folder(analysis: Analysis) -> Path | None:
    parts = urlsplit(analysis.uri)
    if parts.scheme != "file":
        return None
    return Path(unquote(parts.path)).parent


def _blueprint_files(folder: Path, itself: str) -> list[str]:
    """The .bp files under `folder`, as POSIX paths relative to it, in a stable order."""
    found: list[str] = []
    for path in sorted(folder.rglob("*.bp")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.name == itself:
            continue
        found.append(PurePosixPath(*relative.parts).as_posix())
        if len(found) >= MAX_FILES:
            break
    return found


def detail_completions(analysis: Analysis, line: int, column: int) -> types.CompletionList | None:
    """The .bp files of the document's folder while a `detail` path is typed; None elsewhere."""
    typed = _OPEN_PATH.match(analysis.lines.line(line)[:column])
    if typed is None:
        return None
    folder = _folder(analysis)
    if folder is None or not folder.is_dir():
        return types.CompletionList(is_incomplete=False, items=[])
    start = column - len(typed.group(1))
    replaced = types.Range(start=analysis.lines.to_client(line, start), end=analysis.lines.to_client(line, column))
    itself = Path(unquote(urlsplit(analysis.uri).path)).name
    items = [types.CompletionItem(label=path, kind=types.CompletionItemKind.File, sort_text=f"{index:04d}",
                                  text_edit=types.TextEdit(range=replaced, new_text=path))
             for index, path in enumerate(_blueprint_files(folder, itself))]
    return types.CompletionList(is_incomplete=False, items=items)


def detail_definition(analysis: Analysis, line: int, column: int) -> list[types.Location]:
    """The file a `detail` path under the cursor names, when it exists."""
    blueprint, folder = analysis.result.blueprint, _folder(analysis)
    if blueprint is None or folder is None:
        return []
    owners = [owner for step in blueprint.steps for owner in (step, *step.actions)]
    for owner in owners:
        if owner.detail is not None and span_contains(owner.detail.path_span, line, column):
            target = folder / owner.detail.path
            if not target.is_file():
                return []
            start = types.Position(line=0, character=0)
            return [types.Location(uri=target.resolve().as_uri(), range=types.Range(start=start, end=start))]
    return []
