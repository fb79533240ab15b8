"""Bytes to text: the one place that decides what a readable .bp file is."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from blueprint.diagnostics import Diagnostic, Text
from blueprint.parse.codes import FILE_TOO_LARGE, UNREADABLE_FILE
from blueprint.source import Source, Span

MAX_BYTES = 8 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


def read_limited(stream: BinaryIO, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` + 1 bytes: enough to tell that the input is over the
    limit, without reading all of a device or a pipe that never ends."""
    return stream.read(limit + 1)


def read_file(path: str | Path) -> bytes:
    """A file's bytes, or its first MAX_BYTES + 1; OSError is the caller's."""
    with open(path, "rb") as stream:
        return read_limited(stream)


def decode(name: str, data: bytes) -> tuple[Source | None, list[Diagnostic]]:
    """A Source, or the reason there is none. A BOM and CRLF line ends are accepted."""
    if len(data) > MAX_BYTES:
        return None, [
            FILE_TOO_LARGE.at(
                name,
                Span.point(1, 1),
                FILE_TOO_LARGE.text("large"),
                hint=FILE_TOO_LARGE.text("split"),
            )
        ]
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if b"\x00" in data:
        return None, [_unreadable(name, data, data.index(b"\x00"), UNREADABLE_FILE.text("nul"))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [_unreadable(name, data, error.start, UNREADABLE_FILE.text("byte", byte=f"{data[error.start]:02x}"))]
    return Source.model_construct(name=name, text=text), []


def _unreadable(name: str, data: bytes, offset: int, message: Text) -> Diagnostic:
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return UNREADABLE_FILE.at(
        name,
        Span.point(line, column),
        message,
        hint=UNREADABLE_FILE.text("save"),
    )
