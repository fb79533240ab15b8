"""fmt lays out scenarios: `scenario` with the headers, `only` under what it
marks (the step, the action, or one level under a flow line), one space
after each comma; and it never changes which parts belong to which scenario."""

from __future__ import annotations

from blueprint.api import check_text, format_text
from blueprint.format import meaning_of

UNTIDY = '''blueprint "Account"
  scenario walk-in "Walk-in"
scenario   online "Online"   segment "Salaried"
step submit "Submit"
      only walk-in,online
  evidence "Form"
  customer hand "Hands over"
  only walk-in
  customer upload "Uploads"
        only online
  onstage check "Checks"
  hand -> check
only walk-in
  upload -> check
step back "Come back"
      only walk-in
  evidence "Receipt"
  customer return "Returns"

check -> return
only walk-in
'''

TIDY = '''blueprint "Account"
scenario walk-in "Walk-in"
scenario online "Online" segment "Salaried"

step submit "Submit"
  only walk-in, online
  evidence "Form"
  customer hand "Hands over"
    only walk-in
  customer upload "Uploads"
    only online
  onstage check "Checks"
  hand -> check
    only walk-in
  upload -> check

step back "Come back"
  only walk-in
  evidence "Receipt"
  customer return "Returns"

check -> return
  only walk-in
'''


def test_only_is_indented_under_what_it_marks():
    formatted = format_text(UNTIDY)
    assert formatted.text == TIDY
    assert format_text(formatted.text).changed is False


def test_formatting_keeps_every_part_in_its_scenarios():
    before = check_text(UNTIDY).blueprint
    after = check_text(format_text(UNTIDY).text).blueprint
    assert meaning_of(before) == meaning_of(after)
    assert [flow.scenarios for flow in after.flows] == [("walk-in",), (), ("walk-in",)]


def test_a_second_only_on_a_flow_line_is_reported_not_formatted():
    result = format_text(UNTIDY.replace("only walk-in\n  upload", "only walk-in\n    only online\n  upload"))
    assert result.text is None
    assert [d.code for d in result.check.errors] == ["BP211"]
