"""Watching one file by polling it: standard library only, the same on every
system.

Each poll compares the file's signature (modification time, size, inode,
device) with the one before. A change is read only once the file has held
still for one poll, so a save caught half-written is not read; the file is
read again if it changed while being read. What was read counts as new only
when its content differs from the last read (a touch or an unchanged save
is not a change).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from blueprint.parse.decode import read_file

Signature = tuple[object, ...]


class PolledFile:
    """One file and what is known of it since the last read. Not thread-safe:
    one thread polls it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: Signature | None = None  # the file's signature at the last poll
        self._settled = True  # the signature held still and the file was read since
        self._content: bytes | None = None  # the SHA-256 of what was last read; None: it could not be read

    def read_now(self) -> bytes | OSError:
        """The file as it is now (the error, when it cannot be read); a later
        poll reads it again if it was being written meanwhile."""
        self._seen = self._signature()
        self._settled = True
        data = self._read(force=True)
        assert data is not None  # a forced read always returns what it read
        return data

    def poll(self) -> bytes | OSError | None:
        """Look at the file once: its new content (or the error reading it)
        when it changed and has held still since the previous poll, else None."""
        signature = self._signature()
        if signature != self._seen:
            self._seen, self._settled = signature, False
            return None
        if self._settled:
            return None
        self._settled = True
        return self._read()

    def _signature(self) -> Signature:
        try:
            stat = self.path.stat()
        except OSError as error:
            return ("unreadable", error.errno)
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_dev)

    def _read(self, force: bool = False) -> bytes | OSError | None:
        try:
            data: bytes | OSError = read_file(self.path)
        except OSError as error:
            data = error
        if self._signature() != self._seen:
            # Written to while being read: read it again once it holds still.
            self._seen, self._settled = self._signature(), False
            if not force:
                return None
        content = hashlib.sha256(data).digest() if isinstance(data, bytes) else None
        if not force and content == self._content:
            return None  # touched, saved unchanged, or still unreadable: nothing new
        self._content = content
        return data
