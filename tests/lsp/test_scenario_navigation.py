"""Scenario IDs, a namespace of their own: hover, definition, references,
highlights and rename, in their `scenario` headers and `only` lists."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from blueprint.api import check_text
from tests.lsp.conftest import at, change, open_document, published
from tests.lsp.test_editing import quick_fixes
from tests.lsp.test_navigation import apply, spots

pytestmark = pytest.mark.asyncio(loop_scope="package")

# `hand` is a scenario and an action: the two never meet.
TEXT = '''blueprint "Account opening"
scenario hand "Walk-in at a branch" segment "Retail customers"
scenario online "Online application"
step submit "Submit documents"
  customer hand "Hands over the documents"
    only hand
  customer upload "Uploads the documents"
    only online
  onstage check "Checks the documents"
  hand -> check
    only hand
  upload -> check
step open "Open the account"
  only hand, online
  backstage record "Records the account"
  check -> record
'''
# 0-based lines and columns of each place a scenario or the action `hand` stands.
SCENARIO_HAND = [(1, 9, 13), (5, 9, 13), (10, 9, 13), (13, 7, 11)]
ACTION_HAND = [(4, 11, 15), (9, 2, 6)]

CHINESE = '''blueprint "开户"
lang zh
scenario 柜台 "柜台办理"
scenario 线上 "线上申请" segment "工薪客户"
step 提交 "提交材料"
  customer 递交 "递交材料"
    only 柜台
  customer 上传 "上传材料"
    only 线上
  onstage 审核 "审核材料"
  递交 -> 审核
    only 柜台
  上传 -> 审核
'''


async def hover_text(client, uri: str, line: int, character: int) -> str | None:
    found = await client.text_document_hover_async(types.HoverParams(**at(uri, line, character)))
    return None if found is None else found.contents.value


async def references(client, uri: str, line: int, character: int, declaration: bool = True):
    return await client.text_document_references_async(types.ReferenceParams(
        **at(uri, line, character), context=types.ReferenceContext(include_declaration=declaration)))


async def test_the_example_checks_clean():
    assert check_text(TEXT).diagnostics == check_text(CHINESE).diagnostics == ()


async def test_hover_on_the_main_scenario_in_its_header_and_in_only(client):
    uri = await open_document(client, TEXT)
    for line, column in [(1, 10), (5, 10), (13, 8)]:
        shown = await hover_text(client, uri, line, column)
        assert shown.startswith("**scenario** `hand`: Walk\\-in at a branch"), (line, shown)
        assert "- segment: Retail customers" in shown
        assert "- the main scenario (declared first)" in shown
        assert "- marked `only` for it: 1 step, 1 action, 1 flow" in shown
        assert "- in it, with what is unmarked: 2 steps, 3 actions, 2 flows" in shown
        assert "**action**" not in shown


async def test_hover_on_another_scenario_names_the_main_one(client):
    uri = await open_document(client, TEXT)
    shown = await hover_text(client, uri, 7, 11)
    assert shown.startswith("**scenario** `online`: Online application")
    assert "segment" not in shown
    assert "- compared with the main scenario, `hand`" in shown
    assert "- marked `only` for it: 1 step, 1 action, 0 flows" in shown
    assert "- in it, with what is unmarked: 2 steps, 3 actions, 2 flows" in shown


async def test_hover_on_the_action_of_the_same_id_is_the_action(client):
    uri = await open_document(client, TEXT)
    shown = await hover_text(client, uri, 4, 12)
    assert shown.startswith("**action** `hand`: Hands over the documents")
    assert "scenario" not in shown


async def test_definition_from_only_is_the_scenario_and_from_a_flow_the_action(client):
    uri = await open_document(client, TEXT)
    for line, column in [(5, 11), (10, 9), (13, 7), (13, 11)]:
        found = await client.text_document_definition_async(types.DefinitionParams(**at(uri, line, column)))
        assert spots(found) == [SCENARIO_HAND[0]], (line, column)
    found = await client.text_document_definition_async(types.DefinitionParams(**at(uri, 13, 14)))
    assert spots(found) == [(2, 9, 15)]
    found = await client.text_document_definition_async(types.DefinitionParams(**at(uri, 9, 3)))
    assert spots(found) == [ACTION_HAND[0]]


async def test_references_and_highlights_stay_in_their_namespace(client):
    uri = await open_document(client, TEXT)
    assert spots(await references(client, uri, 5, 10)) == SCENARIO_HAND
    assert spots(await references(client, uri, 1, 10, declaration=False)) == SCENARIO_HAND[1:]
    assert spots(await references(client, uri, 4, 12)) == ACTION_HAND
    found = await client.text_document_document_highlight_async(types.DocumentHighlightParams(**at(uri, 10, 10)))
    kinds = sorted((h.range.start.line, h.range.start.character, h.kind) for h in found)
    assert kinds == [(1, 9, types.DocumentHighlightKind.Write)] + [
        (line, start, types.DocumentHighlightKind.Read) for line, start, _ in SCENARIO_HAND[1:]]


async def test_rename_of_a_scenario_leaves_the_action_alone(client):
    uri = await open_document(client, TEXT)
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(**at(uri, 13, 8)))
    assert prepared.placeholder == "hand"
    edit = await client.text_document_rename_async(types.RenameParams(**at(uri, 13, 8), new_name="branch"))
    assert spots(types.Location(uri=uri, range=e.range) for e in edit.changes[uri]) == SCENARIO_HAND
    renamed = apply(TEXT, edit.changes[uri])
    assert 'scenario branch "Walk-in' in renamed and "  customer hand " in renamed and "  hand -> check" in renamed
    assert check_text(renamed).diagnostics == ()


async def test_rename_of_the_action_leaves_the_scenario_alone(client):
    uri = await open_document(client, TEXT)
    edit = await client.text_document_rename_async(types.RenameParams(**at(uri, 9, 3), new_name="deliver"))
    assert spots(types.Location(uri=uri, range=e.range) for e in edit.changes[uri]) == ACTION_HAND
    assert check_text(apply(TEXT, edit.changes[uri])).diagnostics == ()


async def test_a_scenario_may_take_the_id_of_an_action(client):
    uri = await open_document(client, TEXT)
    edit = await client.text_document_rename_async(types.RenameParams(**at(uri, 2, 10), new_name="upload"))
    renamed = apply(TEXT, edit.changes[uri])
    assert "scenario upload" in renamed and "    only upload" in renamed and "only hand, upload" in renamed
    assert check_text(renamed).diagnostics == ()


@pytest.mark.parametrize(("new_name", "reason"), [
    ("online", "'online' is already the scenario on line 3"),
    ("only", "'only' is a keyword"),
    ("scenario", "'scenario' is a keyword"),
    ("two words", "'two words' is not an ID"),
    ("-x", "'-x' is not an ID"),
])
async def test_rename_of_a_scenario_refuses_a_taken_name_a_keyword_or_no_id(client, new_name, reason):
    uri = await open_document(client, TEXT)
    with pytest.raises(JsonRpcException) as refused:
        await client.text_document_rename_async(types.RenameParams(**at(uri, 5, 10), new_name=new_name))
    assert reason in refused.value.message


async def test_chinese_scenarios(client):
    uri = await open_document(client, CHINESE)
    shown = await hover_text(client, uri, 8, 9)
    assert shown.startswith("**scenario** `线上`: 线上申请")
    assert "- segment: 工薪客户" in shown and "- compared with the main scenario, `柜台`" in shown
    found = await client.text_document_definition_async(types.DefinitionParams(**at(uri, 11, 10)))
    assert spots(found) == [(2, 9, 11)]
    assert spots(await references(client, uri, 2, 10)) == [(2, 9, 11), (6, 9, 11), (11, 9, 11)]
    edit = await client.text_document_rename_async(types.RenameParams(**at(uri, 6, 10), new_name="网点"))
    renamed = apply(CHINESE, edit.changes[uri])
    assert renamed.count("网点") == 3 and renamed.count("柜台") == 1  # its label
    assert check_text(renamed).diagnostics == ()


async def test_a_file_with_errors(client):
    """A string left open, an `only` naming an undeclared scenario: what can be read is still found."""
    broken = TEXT.replace("    only online\n", "    only onlin\n").replace('step open "Open the account"', 'step open "Open')
    uri = await open_document(client, broken)
    assert [d.code for d in client.diagnostics[uri]] == ["BP102"]
    assert (await hover_text(client, uri, 7, 10)).startswith("`onlin` is not a scenario of this blueprint")
    assert await client.text_document_definition_async(types.DefinitionParams(**at(uri, 7, 10))) == []
    assert spots(await references(client, uri, 1, 10)) == SCENARIO_HAND
    edit = await client.text_document_rename_async(types.RenameParams(**at(uri, 13, 8), new_name="branch"))
    assert spots(types.Location(uri=uri, range=e.range) for e in edit.changes[uri]) == SCENARIO_HAND
    change(client, uri, 2, broken.replace("only onlin", "only online"))
    await published(client, uri, 2)
    shown = await hover_text(client, uri, 7, 10)
    assert shown.startswith("**scenario** `online`") and "- marked `only` for it: 1 step, 1 action, 0 flows" in shown


async def test_a_misspelt_scenario_in_only_has_a_quick_fix(client):
    misspelt = TEXT.replace("only hand, online", "only hand, onlin")
    uri = await open_document(client, misspelt)
    fixes = await quick_fixes(client, uri, "BP230")
    assert [fix.title for fix in fixes] == ["Change to 'online'"]
    fixed = apply(misspelt, fixes[0].edit.changes[uri])
    assert fixed == TEXT
