"""What a documentation build says of a drawn file's details: only what their
paths say (a missing file, a malformed path), never a guess about a file it
did not read."""

from __future__ import annotations

from pathlib import Path

from blueprint.api import check_file
from blueprint.integrations.detail_links import broken_details

PARENT = ('blueprint "Open"\nstep s "Apply"\n  customer fill "Fills in the form"\n    detail "{path}"\n'
          '  onstage check "Checks the form"\n  fill -> check\n')
DETAIL = 'blueprint "Form"\nstep s "Form"\n  backstage store "Stores the form"\n'


def _broken(folder: Path, path: str) -> list[tuple[str, str]]:
    parent = folder / "open.bp"
    parent.write_text(PARENT.format(path=path), encoding="utf-8")
    result = check_file(parent, name="docs/open.bp")
    return [(diagnostic.code, diagnostic.file) for diagnostic in broken_details(result, parent)]


def test_a_missing_detail_is_named_in_the_file_as_the_page_names_it(tmp_path):
    assert _broken(tmp_path, "form.bp") == [("BP240", "docs/open.bp")]


def test_a_malformed_path_is_named(tmp_path):
    assert [code for code, _ in _broken(tmp_path, "form.txt")] == ["BP241"]


def test_a_detail_that_is_there_says_nothing_even_without_a_customer(tmp_path):
    # The detail is not read: BP340 (no customer in the detail of a customer's action) is check's to say.
    (tmp_path / "form.bp").write_text(DETAIL, encoding="utf-8")
    assert _broken(tmp_path, "form.bp") == []
