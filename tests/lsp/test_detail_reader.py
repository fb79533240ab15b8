"""What the server keeps of the detail files it reads: a file on disk is
checked again only when its modification time or size changes, and a file
open in the editor is read as the editor holds it."""

from __future__ import annotations

import os

from blueprint.api import file_key
from blueprint.catalogue import DEFAULT_CODES
from blueprint.lsp import details
from blueprint.lsp.details import DetailReader

CLEAN = 'blueprint "Identity check"\nstep read "Read"\n  customer show "Shows the card"\n'
BROKEN = CLEAN.replace("customer", "custmer ")  # the same size


def counting(monkeypatch) -> list[str]:
    checked: list[str] = []
    real = details.check_file

    def check_file(name, enabled):
        checked.append(name)
        return real(name, enabled)

    monkeypatch.setattr(details, "check_file", check_file)
    return checked


def test_a_file_on_disk_is_checked_again_only_when_its_time_or_size_changes(monkeypatch, tmp_path):
    checked = counting(monkeypatch)
    path = tmp_path / "identity.bp"
    path.write_text(CLEAN, encoding="utf-8")
    reader = DetailReader()
    load = reader.loader({}, DEFAULT_CODES)
    assert load(str(path)).errors == 0
    assert load(str(path)).errors == 0
    assert checked == [str(path)]
    status = path.stat()
    path.write_text(BROKEN, encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # same time, same size: taken as unchanged
    assert load(str(path)).errors == 0
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))
    assert load(str(path)).errors == 1
    assert checked == [str(path), str(path)]


def test_a_file_open_in_the_editor_is_read_as_the_editor_holds_it(monkeypatch, tmp_path):
    checked = counting(monkeypatch)
    path = tmp_path / "identity.bp"
    path.write_text(CLEAN, encoding="utf-8")
    reader = DetailReader()
    opened = {file_key(str(path)): (4, BROKEN)}
    assert reader.loader(opened, DEFAULT_CODES)(str(path)).errors == 1
    assert reader.loader(opened, DEFAULT_CODES)(str(path)).errors == 1
    assert checked == []
    assert reader.loader({}, DEFAULT_CODES)(str(path)).errors == 0  # closed: the file again
