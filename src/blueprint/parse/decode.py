"""Bytes to text: the one place that decides what a readable .bp file is."""

from __future__ import annotations

from blueprint.diagnostics import Diagnostic
from blueprint.parse.codes import FILE_TOO_LARGE, UNREADABLE_FILE
from blueprint.source import Source, Span

MAX_BYTES = 8 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


def decode(name: str, data: bytes) -> tuple[Source | None, list[Diagnostic]]:
    """A Source, or the reason there is none. A BOM and CRLF line ends are accepted."""
    if len(data) > MAX_BYTES:
        return None, [
            FILE_TOO_LARGE.at(
                name,
                Span.point(1, 1),
                f"found a file of {len(data) / 1048576:.1f} MiB; the checker reads files up to 8 MiB",
                hint="split the service into several blueprints",
            )
        ]
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if b"\x00" in data:
        return None, [_unreadable(name, data, data.index(b"\x00"), "found a NUL byte: this looks like a binary file")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [_unreadable(name, data, error.start, f"found a byte (0x{data[error.start]:02x}) that is not UTF-8")]
    return Source.model_construct(name=name, text=text), []


def _unreadable(name: str, data: bytes, offset: int, message: str) -> Diagnostic:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return UNREADABLE_FILE.at(
        name,
        Span.point(line, column),
        message,
        hint="save the file as UTF-8 text (most editors offer this under 'Save with encoding')",
    )
