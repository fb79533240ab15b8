"""Completion: what may stand at the cursor, in context."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.lsp.conftest import at, change, open_document, published

pytestmark = pytest.mark.asyncio(loop_scope="package")

TEXT = '''blueprint "Cash deposit"
state current

phase "Counter"

step deposit "Deposit"
  customer hand "Hands over cash"
  onstage count "Teller counts"
    cost 12 CNY
  backstage post "Teller posts"

step receipt "Receipt"
  customer take "Takes the receipt"
  hand -> count
'''


async def labels_at(client, uri: str, line: int, character: int) -> list[str]:
    found = await client.text_document_completion_async(types.CompletionParams(**at(uri, line, character)))
    return [item.label for item in found.items]


async def with_line(client, uri: str, version: int, line: int, text: str) -> None:
    """Put `text` in place of the document's line `line` (0-based) and wait until it is checked."""
    lines = TEXT.split("\n")
    lines.insert(line, text)
    change(client, uri, version, "\n".join(lines))
    await published(client, uri, version)


async def test_headers_stand_before_the_first_phase_and_lanes_inside_a_step(client):
    uri = await open_document(client, TEXT)
    before = await labels_at(client, uri, 2, 0)
    assert {"description", "segment", "owner", "lang", "max-wait", "phase", "step"} <= set(before)
    assert "customer" not in before and "hand" not in before
    assert "blueprint" not in before and "state" not in before  # given already, and only once
    await with_line(client, uri, 2, 10, "  ")
    inside = await labels_at(client, uri, 10, 2)
    assert {"customer", "onstage", "backstage", "support", "evidence", "phase", "step"} <= set(inside)
    # after an action: its attributes, and the IDs that start a flow
    assert {"fail", "wait", "duration", "cost", "note", "link", "hand", "count", "post", "take"} <= set(inside)
    assert "description" not in inside


async def test_ids_after_an_arrow_actions_first_then_steps(client):
    uri = await open_document(client, TEXT)
    await with_line(client, uri, 2, 14, "  take -> ")
    found = await client.text_document_completion_async(types.CompletionParams(**at(uri, 14, 10)))
    items = sorted(found.items, key=lambda item: item.sort_text)
    labels = [item.label for item in items]
    # the actions nearest the cursor first (take on line 12, post on 9, count on 7, hand on 6), then the steps
    assert labels == ["take", "post", "count", "hand", "receipt", "deposit"]
    hand = next(item for item in items if item.label == "hand")
    assert hand.detail == "Hands over cash"
    assert hand.kind == types.CompletionItemKind.Function


async def test_a_partly_typed_id_is_replaced_whole(client):
    uri = await open_document(client, TEXT)
    await with_line(client, uri, 2, 14, "  take --> co")
    found = await client.text_document_completion_async(types.CompletionParams(**at(uri, 14, 13)))
    count = next(item for item in found.items if item.label == "count")
    assert count.text_edit.range == types.Range(start=types.Position(line=14, character=11),
                                                end=types.Position(line=14, character=13))


async def test_arrows_after_a_flows_first_id_and_after_a_label(client):
    uri = await open_document(client, TEXT)
    await with_line(client, uri, 2, 14, '  take -> hand "asks" ')
    assert set(await labels_at(client, uri, 14, 7)) == {"->", "-->", "<->"}
    assert set(await labels_at(client, uri, 14, 22)) == {"->", "-->", "<->"}


async def test_recover_takes_action_ids_and_severity_its_levels(client):
    uri = await open_document(client, TEXT)
    await with_line(client, uri, 2, 9, '    fail "Miscount" severity ')
    assert await labels_at(client, uri, 9, 29) == ["low", "medium", "high"]
    await with_line(client, uri, 3, 9, '    fail "Miscount" recover ')
    assert set(await labels_at(client, uri, 9, 28)) == {"hand", "count", "post", "take"}
    await with_line(client, uri, 4, 9, '    fail "Miscount" ')
    assert set(await labels_at(client, uri, 9, 20)) == {"severity", "recover"}
    await with_line(client, uri, 5, 9, '    fail "Miscount" severity low ')
    assert await labels_at(client, uri, 9, 33) == ["recover"]


async def test_each_statement_offers_its_own_options_and_values(client):
    uri = await open_document(client, TEXT)
    await with_line(client, uri, 2, 9, '    pain "Queue" ')
    assert await labels_at(client, uri, 9, 17) == ["severity"]
    await with_line(client, uri, 3, 9, '    idea "Book ahead" ')
    assert await labels_at(client, uri, 9, 22) == ["impact"]
    await with_line(client, uri, 4, 9, '    idea "Book ahead" impact ')
    assert await labels_at(client, uri, 9, 29) == ["low", "medium", "high"]
    await with_line(client, uri, 5, 9, '    confidence ')
    assert await labels_at(client, uri, 9, 15) == ["observed", "assumed", "proposed"]


ROLES = 'blueprint "Roles"\nrole teller "Teller" staff\nchannel wechat "WeChat"\nstep s "S"\n  customer a "A"\n'


async def test_by_offers_the_roles_and_via_the_channels(client):
    uri = await open_document(client, ROLES)
    change(client, uri, 2, ROLES + "    by ")
    await published(client, uri, 2)
    assert await labels_at(client, uri, 5, 7) == ["teller"]
    change(client, uri, 3, ROLES + "    via ")
    await published(client, uri, 3)
    offered = await labels_at(client, uri, 5, 8)
    assert offered[0] == "wechat" and {"branch", "app", "phone"} <= set(offered)


async def test_duration_units_after_a_number(client):
    uri = await open_document(client, TEXT)
    await with_line(client, uri, 2, 9, "    wait 20")
    assert await labels_at(client, uri, 9, 11) == ["20s", "20min", "20h", "20d"]
    await with_line(client, uri, 3, 9, "    duration 5min..1")
    assert await labels_at(client, uri, 9, 20) == ["1s", "1min", "1h", "1d"]
    await with_line(client, uri, 4, 2, "max-wait 1.5")
    assert "1.5h" in await labels_at(client, uri, 2, 12)


async def test_fixed_values_after_their_keywords(client):
    uri = await open_document(client, TEXT)
    await with_line(client, uri, 2, 2, "lane ")
    assert await labels_at(client, uri, 2, 5) == ["evidence", "customer", "onstage", "backstage", "support",
                                                        "preparation", "management"]
    await with_line(client, uri, 3, 2, "line ")
    assert await labels_at(client, uri, 2, 5) == ["interaction", "visibility", "internal",
                                                        "order-penetration", "implementation"]
    await with_line(client, uri, 4, 2, "lang ")
    assert await labels_at(client, uri, 2, 5) == ["en", "zh", "zh-Hant"]
    await with_line(client, uri, 5, 2, "state fu")
    assert await labels_at(client, uri, 2, 8) == ["current", "future"]


async def test_currencies_the_file_already_uses_after_an_amount(client):
    uri = await open_document(client, TEXT)
    await with_line(client, uri, 2, 10, "    cost 5 ")
    assert await labels_at(client, uri, 10, 11) == ["CNY"]


async def test_nothing_inside_a_string_or_a_comment(client):
    uri = await open_document(client, TEXT)
    assert await labels_at(client, uri, 6, 20) == []
    await with_line(client, uri, 2, 2, "# a comment -> ")
    assert await labels_at(client, uri, 2, 15) == []


async def test_a_long_file_offers_the_hundred_nearest_ids_and_asks_again_as_one_types(client):
    lines = ['blueprint "Long"', 'step s "S"'] + [f'  customer a{n} "Action {n}"' for n in range(300)]
    text = "\n".join([*lines, "  a5 -> ", ""])
    uri = await open_document(client, text)
    found = await client.text_document_completion_async(types.CompletionParams(**at(uri, 302, 8)))
    assert found.is_incomplete
    labels = [item.label for item in sorted(found.items, key=lambda item: item.sort_text)]
    assert labels == [f"a{n}" for n in range(299, 199, -1)]
    change(client, uri, 2, text.replace("  a5 -> ", "  a5 -> a1"))
    await published(client, uri, 2)
    found = await client.text_document_completion_async(types.CompletionParams(**at(uri, 302, 10)))
    labels = [item.label for item in sorted(found.items, key=lambda item: item.sort_text)]
    assert labels[:3] == ["a199", "a198", "a197"] and all("1" in label for label in labels)


async def test_completion_past_the_end_of_the_document_is_answered(client):
    uri = await open_document(client, TEXT)
    assert isinstance(await labels_at(client, uri, 400, 80), list)
