"""Hover: an action's place in the blueprint; a diagnostic's rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.conftest import at, open_document

pytestmark = pytest.mark.asyncio(loop_scope="package")

DEPOSIT = (Path(__file__).resolve().parents[2] / "examples" / "deposit.bp").read_text(encoding="utf-8")


def line_of(text: str, start: str) -> int:
    return next(number for number, line in enumerate(text.split("\n")) if line.strip().startswith(start))


async def hover_text(client, uri: str, line: int, character: int) -> str | None:
    found = await client.text_document_hover_async(types.HoverParams(**at(uri, line, character)))
    return None if found is None else found.contents.value


async def test_an_action_shows_its_lane_step_flows_points_duration_and_cost(client):
    text = DEPOSIT.replace("    duration 5min\n", "    duration 5min\n    cost 1,200 CNY\n")
    uri = await open_document(client, text)
    line = line_of(text, "onstage count")
    shown = await hover_text(client, uri, line, 11)
    assert shown.startswith("**action** `count`: Teller counts the cash and checks the passbook")
    assert "- lane: Onstage actions (`onstage`)" in shown
    assert "- step: `counter` Deposit at the counter" in shown
    assert "- flows in: `hand` ->" in shown
    assert "- flows out: -> `post`" in shown
    assert "- **F3** (high): Counterfeit note found, recovered by `explain`" in shown
    assert "- duration: 5min" in shown
    assert "- cost: 1,200 CNY" in shown


async def test_a_wait_point_is_numbered_as_the_drawing_numbers_it(client):
    uri = await open_document(client, DEPOSIT)
    shown = await hover_text(client, uri, line_of(DEPOSIT, "customer take"), 12)
    assert "- **W1** 20min..45min: Waits in the hall with about twenty people ahead" in shown
    assert "- **F2**: Ticket letters \\(A/B/D\\) are not explained" in shown


async def test_a_fail_or_wait_line_shows_its_number(client):
    uri = await open_document(client, DEPOSIT)
    shown = await hover_text(client, uri, line_of(DEPOSIT, "wait 20min"), 6)
    assert shown == "**W1** of `take`: 20min..45min: Waits in the hall with about twenty people ahead"
    shown = await hover_text(client, uri, line_of(DEPOSIT, 'fail "Counterfeit'), 6)
    assert shown == "**F3** of `count` (high): Counterfeit note found"


async def test_hover_on_a_reference_describes_what_it_names(client):
    uri = await open_document(client, DEPOSIT)
    line = line_of(DEPOSIT, "stamp --> file")
    shown = await hover_text(client, uri, line, 13)
    assert shown.startswith("**action** `file`")
    recover_line = line_of(DEPOSIT, 'fail "Counterfeit')
    shown = await hover_text(client, uri, recover_line, len(DEPOSIT.split("\n")[recover_line]) - 2)
    assert shown.startswith("**action** `explain`") and "- recovers: F3" in shown


async def test_a_step_lists_its_phase_and_actions(client):
    uri = await open_document(client, DEPOSIT)
    shown = await hover_text(client, uri, line_of(DEPOSIT, "step counter"), 7)
    assert shown.startswith("**step** `counter`: Deposit at the counter")
    assert "- phase: Transact" in shown
    assert "- actions: `hand`, `count`, `explain`, `post`, `core`" in shown


async def test_a_diagnostic_shows_its_rule_and_link(client):
    text = DEPOSIT.replace("  arrive -> triage", "  arrive -> triag")
    uri = await open_document(client, text)
    shown = await hover_text(client, uri, line_of(text, "arrive -> triag"), 14)
    assert "`triag` is not defined in this blueprint" in shown
    assert "**BP202 unknown-flow-endpoint** (error): " in shown
    assert "(https://docs.example.org/blueprint/rules/#bp202-unknown-flow-endpoint)" in shown


async def test_user_text_is_shown_as_text_not_markdown(client):
    text = 'blueprint "X"\nstep s "S"\n  customer a "<b>*bold*</b> [link](http://x)"\n'
    uri = await open_document(client, text)
    shown = await hover_text(client, uri, 2, 11)
    assert "\\<b\\>\\*bold\\*\\</b\\> \\[link\\]\\(http://x\\)" in shown


async def test_nothing_over_a_plain_word_or_past_the_end(client):
    uri = await open_document(client, DEPOSIT)
    assert await hover_text(client, uri, 0, 3) is None
    assert await hover_text(client, uri, 999, 0) is None
