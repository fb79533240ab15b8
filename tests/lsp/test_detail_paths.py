"""A `detail` path: completion of the .bp files beside the document, and go
to definition, which opens the file the path names."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.lsp.conftest import at, published

pytestmark = pytest.mark.asyncio(loop_scope="package")

TEXT = '''blueprint "Open an account"
step apply "Apply"
  detail "checks/identity.bp"
  customer fill "Fills in the form"
  onstage take "Takes the form"
    detail "'''


async def open_file(client, path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="blueprint", version=1, text=text)))
    await published(client, uri, 1)
    return uri


async def test_the_blueprint_files_beside_the_document_complete_a_detail_path(client, tmp_path):
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "identity.bp").write_text('blueprint "Identity check"\n', encoding="utf-8")
    (tmp_path / "card.bp").write_text('blueprint "Card"\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a blueprint\n", encoding="utf-8")
    uri = await open_file(client, tmp_path / "open.bp", TEXT)
    found = await client.text_document_completion_async(types.CompletionParams(**at(uri, 5, 12)))
    assert [item.label for item in found.items] == ["card.bp", "checks/identity.bp"]
    edit = found.items[0].text_edit
    assert (edit.range.start.character, edit.range.end.character) == (12, 12)


async def test_go_to_definition_on_a_detail_path_opens_the_file(client, tmp_path):
    (tmp_path / "checks").mkdir()
    target = tmp_path / "checks" / "identity.bp"
    target.write_text('blueprint "Identity check"\n', encoding="utf-8")
    uri = await open_file(client, tmp_path / "open.bp", TEXT + 'card.bp"\n')
    found = await client.text_document_definition_async(types.DefinitionParams(**at(uri, 2, 14)))
    assert [location.uri for location in found] == [target.resolve().as_uri()]
    missing = await client.text_document_definition_async(types.DefinitionParams(**at(uri, 5, 14)))
    assert missing == []


async def test_detail_is_offered_among_the_attributes_under_an_action(client, tmp_path):
    uri = await open_file(client, tmp_path / "open.bp", TEXT.rsplit("\n", 1)[0] + "\n    \n")
    found = await client.text_document_completion_async(types.CompletionParams(**at(uri, 5, 4)))
    assert "detail" in [item.label for item in found.items]


async def test_a_detail_that_is_not_there_is_reported_as_check_reports_it(client, tmp_path):
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "identity.bp").write_text('blueprint "Identity check"\n', encoding="utf-8")
    uri = await open_file(client, tmp_path / "open.bp", TEXT + 'gone.bp"\n  fill -> take\n')
    found = await published(client, uri, 1)
    assert [(d.code, d.range.start.line, d.range.start.character) for d in found] == [("BP240", 5, 11)]
