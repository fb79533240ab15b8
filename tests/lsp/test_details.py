"""The findings across files, in the editor: an open document's details are
read (as the editor holds them when they are open, else from disk) and the
document gets what `blueprint check` says of it, again whenever a detail
changes."""

from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types

from blueprint.api import check_file, check_project, project_facts
from tests.lsp.conftest import PATIENCE, change, published

pytestmark = pytest.mark.asyncio(loop_scope="package")


def overview(path: str, lane: str = "onstage") -> str:
    return f'''blueprint "Open an account"
step apply "Apply"
  customer fill "Fills in the form"
  {lane} take "Takes the form"
    detail "{path}"
  fill -> take
'''


CLEAN_DETAIL = '''blueprint "Identity check"
step read "Read the ID card"
  customer show "Shows the ID card"
  onstage scan "Clerk scans the chip"
  show -> scan
'''
BROKEN_DETAIL = CLEAN_DETAIL.replace("customer show", "custmer show")
BACKSTAGE_DETAIL = '''blueprint "Risk scoring"
step rules "Apply the rules"
  backstage screen "Engine screens the lists"
  support bureau "Bureau returns the record"
  screen -> bureau
'''


async def open_file(client, path, text: str | None = None, version: int = 1) -> str:
    """Open `path` in the editor, with `text` (else what the file holds), and wait for its diagnostics."""
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="blueprint", version=version,
        text=path.read_text(encoding="utf-8") if text is None else text)))
    await published(client, uri, version)
    return uri


def close(client, uri: str) -> None:
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))


async def latest(client, uri: str, settled) -> list[types.Diagnostic]:
    """The diagnostics last published for `uri`, once they satisfy `settled` (waiting for a new check)."""

    async def wait() -> list[types.Diagnostic]:
        while True:
            found = [params for params in getattr(client, "published", []) if params.uri == uri]
            if found and settled(found[-1].diagnostics):
                return list(found[-1].diagnostics)
            await asyncio.sleep(0.005)

    return await asyncio.wait_for(wait(), PATIENCE)


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


def across_files(diagnostics) -> list[str]:
    """The codes of the findings across files (BP24x, BP34x) only."""
    return [d.code for d in diagnostics if d.code[:4] in ("BP24", "BP34")]


def as_check_says(path) -> list[tuple]:
    """What `blueprint check FILE` reports in FILE, in the editor's terms (0-based places)."""
    result = check_file(path, name=str(path))
    checked = check_project([(result, project_facts(result))])[0]
    return [(d.code, d.span.line - 1, d.span.column - 1, d.message + (f"\nhint: {d.hint}" if d.hint else ""))
            for d in checked.diagnostics]


def shown(diagnostics) -> list[tuple]:
    return [(d.code, d.range.start.line, d.range.start.character, d.message) for d in diagnostics]


async def test_a_cycle_across_two_files_is_shown_at_the_reference_that_leads_back(client, tmp_path):
    (tmp_path / "a.bp").write_text(overview("b.bp"), encoding="utf-8")
    (tmp_path / "b.bp").write_text(overview("a.bp"), encoding="utf-8")
    uri = await open_file(client, tmp_path / "a.bp")
    found = client.diagnostics[uri]
    assert [(d.code, d.range.start.line, d.range.start.character) for d in found] == [("BP242", 4, 11)]
    a, b = tmp_path / "a.bp", tmp_path / "b.bp"
    assert found[0].message.splitlines()[0] == f"this detail closes a cycle: {a} → {b} → {a}"
    # `check` reports the same cycle where it closes, in b.bp; opened, b.bp shows it at its own reference.
    assert [d[0] for d in as_check_says(a)] == []
    other = await open_file(client, b)
    assert codes(client.diagnostics[other]) == ["BP242"]
    # Breaking the cycle in the editor clears it in both, without saving.
    change(client, other, 2, CLEAN_DETAIL)
    assert await latest(client, uri, lambda found: not found) == []
    close(client, other)
    assert codes(await latest(client, uri, lambda found: found)) == ["BP242"]  # closed unsaved: the file again


async def test_a_backstage_part_detailed_with_customer_actions_is_reported_as_check_reports_it(client, tmp_path):
    (tmp_path / "identity.bp").write_text(CLEAN_DETAIL, encoding="utf-8")
    (tmp_path / "open.bp").write_text(overview("identity.bp", lane="backstage"), encoding="utf-8")
    uri = await open_file(client, tmp_path / "open.bp")
    assert "BP243" in codes(client.diagnostics[uri])
    assert shown(client.diagnostics[uri]) == as_check_says(tmp_path / "open.bp")
    assert any("'take' is behind the line of visibility" in d.message for d in client.diagnostics[uri])


async def test_a_detail_fixed_in_the_editor_clears_its_finding_without_saving(client, tmp_path):
    detail = tmp_path / "identity.bp"
    detail.write_text(BROKEN_DETAIL, encoding="utf-8")
    (tmp_path / "open.bp").write_text(overview("identity.bp"), encoding="utf-8")
    uri = await open_file(client, tmp_path / "open.bp")
    assert codes(client.diagnostics[uri]) == ["BP244"]
    assert shown(client.diagnostics[uri]) == as_check_says(tmp_path / "open.bp")
    detail_uri = await open_file(client, detail)
    assert "BP104" in codes(client.diagnostics[detail_uri])
    change(client, detail_uri, 2, CLEAN_DETAIL)
    assert await latest(client, uri, lambda found: not found) == []
    assert detail.read_text(encoding="utf-8") == BROKEN_DETAIL  # not saved
    change(client, detail_uri, 3, BROKEN_DETAIL)
    assert codes(await latest(client, uri, lambda found: found)) == ["BP244"]
    close(client, detail_uri)


async def test_a_detail_changed_on_disk_checks_the_documents_that_name_it_again(client, tmp_path):
    detail = tmp_path / "scoring.bp"
    detail.write_text(BROKEN_DETAIL, encoding="utf-8")
    uri = await open_file(client, tmp_path / "open.bp", overview("scoring.bp", lane="backstage"))
    assert across_files(client.diagnostics[uri]) == ["BP244"]
    detail.write_text(BACKSTAGE_DETAIL, encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=detail.as_uri(), type=types.FileChangeType.Changed)]))
    assert await latest(client, uri, lambda found: not across_files(found)) != []  # BP301 stays: its own


async def test_a_chinese_file_name_is_followed_and_named_as_check_names_it(client, tmp_path):
    (tmp_path / "核验").mkdir()
    (tmp_path / "核验" / "身份核验.bp").write_text(BROKEN_DETAIL, encoding="utf-8")
    (tmp_path / "开户.bp").write_text(overview("核验/身份核验.bp"), encoding="utf-8")
    uri = await open_file(client, tmp_path / "开户.bp")
    assert codes(client.diagnostics[uri]) == ["BP244"]
    assert "核验/身份核验.bp" in client.diagnostics[uri][0].message
    assert shown(client.diagnostics[uri]) == as_check_says(tmp_path / "开户.bp")


async def test_a_missing_detail_is_reported_and_clears_once_the_file_is_written(client, tmp_path):
    uri = await open_file(client, tmp_path / "open.bp", overview("gone.bp"))
    (tmp_path / "open.bp").write_text(overview("gone.bp"), encoding="utf-8")
    assert codes(client.diagnostics[uri]) == ["BP240"]
    assert shown(client.diagnostics[uri]) == as_check_says(tmp_path / "open.bp")
    (tmp_path / "gone.bp").write_text(CLEAN_DETAIL, encoding="utf-8")
    change(client, uri, 2, overview("gone.bp") + "\n")  # the next keystroke finds it
    assert await latest(client, uri, lambda found: not found) == []
