"""Completion of scenarios: after `only`, and after each comma of its list."""

from __future__ import annotations

import pytest
from lsprotocol import types

from tests.lsp.conftest import at, change, open_document, published

pytestmark = pytest.mark.asyncio(loop_scope="package")

SCENARIOS = ('blueprint "Scenarios"\nscenario walk-in "Walk-in"\nscenario online "Online"\nscenario 缺件 "Missing"\n'
             'step s "S"\n  customer a "A"\n')


async def labels_at(client, uri: str, line: int, character: int) -> list[str]:
    found = await client.text_document_completion_async(types.CompletionParams(**at(uri, line, character)))
    return [item.label for item in found.items]


async def test_only_offers_the_declared_scenarios_not_yet_named(client):
    uri = await open_document(client, SCENARIOS)
    change(client, uri, 2, SCENARIOS + "    only ")
    await published(client, uri, 2)
    assert await labels_at(client, uri, 6, 9) == ["walk-in", "online", "缺件"]
    change(client, uri, 3, SCENARIOS + "    only walk-in, ")
    await published(client, uri, 3)
    assert await labels_at(client, uri, 6, 18) == ["online", "缺件"]
    change(client, uri, 4, SCENARIOS + "    only walk-in ")
    await published(client, uri, 4)
    assert await labels_at(client, uri, 6, 17) == []  # a comma first


async def test_scenario_is_a_header_and_only_an_attribute(client):
    uri = await open_document(client, SCENARIOS)
    change(client, uri, 2, SCENARIOS.replace("step s", "sc\nstep s"))
    await published(client, uri, 2)
    assert "scenario" in await labels_at(client, uri, 4, 2)
    change(client, uri, 3, SCENARIOS + "    on")
    await published(client, uri, 3)
    assert "only" in await labels_at(client, uri, 6, 6)
