"""The text version of a drawing, built from its scene, and the language tag."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from blueprint.api import check_file
from blueprint.integrations.figure import text_version_html
from blueprint.layout import layout
from blueprint.render.language import language_tag
from blueprint.render.svg import render_svg
from blueprint.render.text_version import card_name, outline, plain_text

ROOT = Path(__file__).resolve().parents[2]


def deposit():
    return layout(check_file(ROOT / "examples" / "deposit.bp").blueprint)


def test_phases_hold_steps_in_order_and_steps_hold_lanes_and_cards() -> None:
    scene = deposit()
    entries = outline(scene)
    assert [entry.text for entry in entries] == ["Phase: Arrive", "Phase: Transact"]
    steps = [step.text for phase in entries for step in phase.children]
    assert steps == [f"Step {n} of 4: {column.label}" for n, column in enumerate(scene.columns, 1)]
    first = entries[0].children[0]
    assert [lane.text for lane in first.children] == ["Physical evidence", "Customer actions", "Onstage actions"]
    cards = {entry.card for phase in entries for step in phase.children for lane in step.children
             for entry in lane.children}
    assert cards == {card.id for card in scene.cards}


def test_a_card_says_its_points_and_flows_in_words() -> None:
    text = plain_text(outline(deposit()), "en")
    assert "Fail point F3: Counterfeit note found · severity: high · recovery: Teller explains" in text
    assert "Wait point W1: 20min–45min · beyond the promised 15min" in text
    assert "Hands off to Teller posts the deposit in the core banking terminal (Backstage actions" in text
    assert "Handed over from Hands over the cash and the passbook (Customer actions" in text
    assert "Puts right fail point F3." in text
    assert "Comes later (deferred) from" in text and "Agrees both ways with" in text


def test_a_cards_name_is_what_it_shows() -> None:
    count = next(card for card in deposit().cards if card.id == "count")
    assert card_name(count) == "Teller counts the cash and checks the passbook F3"
    cut = replace(count, lines=count.lines[:1])  # a label the drawing cuts short keeps its full text in brackets
    assert card_name(cut) == "Teller counts the cash and F3 (Teller counts the cash and checks the passbook)"


def test_chinese_is_tagged_by_its_script() -> None:
    scene = layout(check_file(ROOT / "examples" / "deposit-future-zh.bp").blueprint)
    assert language_tag(scene) == "zh-Hans"
    traditional = replace(scene, title="銀行櫃檯存款", cards=tuple(replace(card, label="這個時間還會過來") for card in scene.cards))
    assert language_tag(traditional) == "zh-Hant"
    assert language_tag(deposit()) == "en"


def test_a_documentation_figure_turns_the_desc_into_nested_lists() -> None:
    details = text_version_html(render_svg(deposit(), fonts="none"))
    assert details.startswith('<details class="blueprint-text" lang="en"><summary>Text version</summary><ul><li>')
    assert details.count("<ul>") == details.count("</ul>") and details.count("<li>") == details.count("</li>")
    assert "<li>Step 1 of 4: Enter the branch.<ul>" in details


PRACTICE = """blueprint "Loan decision"
role officer "Loan officer" staff
channel wechat "WeChat mini-program"

step apply "Apply"
  via wechat "Forms are filled in on the phone"
  key "First impression"
  customer fill "Fills in the form"
  onstage check "Officer checks the form"
    by officer
    decision "Complete?"
    via counter
  onstage offer "Officer makes the offer"
  onstage ask "Officer asks for the missing papers"
  fill -> check
  check -> offer "complete"
  check -> ask "papers missing"
"""


def test_roles_channels_keys_and_decisions_are_said_in_words() -> None:
    from blueprint.api import check_text

    scene = layout(check_text(PRACTICE, "practice.bp").blueprint)
    text = plain_text(outline(scene), "en")
    assert "Channel: WeChat mini-program · Forms are filled in on the phone." in text
    assert "Key step K1: First impression." in text
    assert "Role: Loan officer (staff)." in text
    assert "Channel: Counter." in text
    assert ("Decision: Complete? · branches: complete → Officer makes the offer, "
            "papers missing → Officer asks for the missing papers.") in text
    check = next(card for card in scene.cards if card.id == "check")
    assert card_name(check) == "Officer checks the form Complete? Counter Loan officer"
