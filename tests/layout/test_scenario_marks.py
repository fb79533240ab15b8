"""What scenarios add to the drawing of a whole blueprint: tags on the cards
and arrows of only some scenarios, their key in the legend, and nothing in a
drawing of one scenario."""

from __future__ import annotations

from blueprint.api import check_text
from blueprint.layout import layout
from blueprint.model.projection import scenario_drawing
from blueprint.render.text_version import outline, plain_text

TEXT = '''blueprint "Account"
scenario walk-in "Walk-in at a branch"
scenario online "Online application" segment "Salaried customers"
scenario missing "Documents missing"

step submit "Submit documents"
  evidence "Form"
  customer hand "Hands over the documents"
    only walk-in, missing
  customer upload "Uploads the documents"
    only online
  onstage check "Checks the documents"
  hand -> check "checks"
    only walk-in
  upload -> check
'''


def scene():
    result = check_text(TEXT, "t.bp")
    assert result.errors == [], result.errors
    return result.blueprint, layout(result.blueprint)


def test_cards_of_only_some_scenarios_carry_their_letters():
    _, drawn = scene()
    cards = {card.id: card for card in drawn.cards}
    assert cards["hand"].scenarios == ("walk-in", "missing")
    assert [m.label.content for m in cards["hand"].markers if m.kind == "scenario"] == ["A·C"]
    assert [m.label.content for m in cards["upload"].markers if m.kind == "scenario"] == ["B"]
    assert cards["check"].scenarios == () and not [m for m in cards["check"].markers if m.kind == "scenario"]
    assert any(d.key == "Only in" and d.value == "A Walk-in at a branch · C Documents missing"
               for d in cards["hand"].details)


def test_an_arrow_says_its_scenarios_and_a_narrower_one_shows_its_tag():
    _, drawn = scene()
    arrows = {(a.source, a.target): a for a in drawn.arrows}
    assert arrows[("hand", "check")].scenarios == ("walk-in",)
    # Its ends are in walk-in and missing: the label says it is walk-in only.
    assert " ".join(t.content for t in arrows[("hand", "check")].label) == "checks [A]"
    assert arrows[("upload", "check")].scenarios == ("online",)
    assert arrows[("upload", "check")].label == ()  # its end says it already


def test_the_legend_spells_out_each_tag_and_the_text_version_lists_the_scenarios():
    _, drawn = scene()
    assert [(s.id, s.tag, s.segment) for s in drawn.scenarios] == [
        ("walk-in", "A", None), ("online", "B", "Salaried customers"), ("missing", "C", None)]
    legend = [t.content for t in drawn.texts if t.role == "legend-text"]
    assert "Walk-in at a branch" in legend and "Online application (Salaried customers)" in legend
    assert "No scenario tag: in every scenario" in legend
    text = plain_text(outline(drawn), "en")
    assert text.startswith("Scenarios.\n  A Walk-in at a branch · the main one.\n"
                           "  B Online application · segment: Salaried customers.\n")


def test_a_drawing_of_one_scenario_has_no_tags():
    blueprint, _ = scene()
    drawn = layout(scenario_drawing(blueprint, "missing"))
    assert drawn.title == "Account — Documents missing"
    assert drawn.scenarios == ()
    assert [card.id for card in drawn.cards if card.kind == "action"] == ["hand", "check"]
    assert not [m for card in drawn.cards for m in card.markers if m.kind == "scenario"]
    assert drawn.arrows == ()  # hand -> check is walk-in only


def test_a_blueprint_without_scenarios_draws_as_before():
    drawn = layout(check_text('blueprint "T"\nstep s "S"\n  customer c "C"\n  onstage o "O"\n  c -> o\n').blueprint)
    assert drawn.scenarios == () and all(card.scenarios == () for card in drawn.cards)
    assert "No scenario tag: in every scenario" not in [t.content for t in drawn.texts]


def test_a_step_of_only_some_scenarios_carries_their_tag_under_its_label():
    text = TEXT + 'step back "Come back"\n  only missing\n  customer return "Returns"\n  check -> return\n'
    drawn = layout(check_text(text, "t.bp").blueprint)
    columns = {column.step: column for column in drawn.columns}
    assert columns["submit"].scenario_tag is None and columns["submit"].scenarios == ()
    assert columns["back"].scenarios == ("missing",)
    assert columns["back"].scenario_tag.label.content == "C"
    assert "Only in: C Documents missing." in plain_text(outline(drawn), "en")
