"""Every diagnostic code: its message, position and hint, pinned verbatim."""

from __future__ import annotations

import pytest

from blueprint.api import check_bytes, check_text
from blueprint.catalogue import CODES
from blueprint.report.diagnostics import format_diagnostic
from tests.project.test_checks import PINNED_ACROSS_FILES

from .scenario_cases import IN_SCENARIO_CASES, SCENARIO_CASES

ALL = frozenset(code.code for code in CODES)
HEAD = 'blueprint "T"\n'
STEP = 'step s "S"\n  customer c "C"\n  onstage o "O"\n  c -> o\n'

# (input, code, line, column, message, hint)
CASES = [
    (HEAD + 'step s "S"\n  customer c "C" "twice"\n', "BP101", 3, 18,
     'found the string "twice"; expected the end of the line',
     "one statement per line: join the strings, or start a new line"),
    (HEAD + "stpe s \"S\"\n", "BP101", 2, 1,
     "found 'stpe' at the start of a line; it is neither a keyword nor a lane", "did you mean 'step'?"),
    (HEAD + "-> a\n", "BP101", 2, 1,
     "found the arrow -> at the start of a line; it does not start a statement",
     "a line starts with a keyword (blueprint, phase, step, evidence, fail, wait, duration, cost, note, link, …), "
     "a lane (customer, onstage, backstage, support) or a flow (a -> b)"),
    (HEAD + 'step s "S"\n  customer c "C"\n    fail "x" sevrity high\n', "BP101", 4, 14,
     "found 'sevrity'; expected recover, severity or the end of the line", "did you mean 'severity'?"),
    (HEAD + 'step s "S"\n  customer c "C"\n  c ->\n', "BP101", 4, 7,
     "found the end of the line; expected an ID", None),
    (HEAD + 'step s "S"\n  customer c "C" @\n', "BP101", 3, 18,
     "found the character '@'; expected the end of the line", None),
    (HEAD + 'step s "S\n  customer c "C"\n', "BP102", 2, 8,
     "found a string with no closing quote; a string ends on the line it starts",
     'add the closing " (write a quote inside a string as \\")'),
    (HEAD + 'step s "S"\n  customer c "C"\n    wait 20minutes\n', "BP103", 4, 10,
     "found the unit 'minutes' in '20minutes'; expected s, min, h or d", "write 20min"),
    (HEAD + 'step s "S"\n  customer c "C"\n    wait 5 min\n', "BP103", 4, 10,
     "found the duration '5 min' with a space inside; a duration is a number with its unit attached", "write 5min"),
    (HEAD + 'step s "S"\n  customer c "C"\n    duration 20\n', "BP103", 4, 14,
     "found the number '20' with no unit", "add a unit: 20min, 20h or 20d"),
    (HEAD + "max-wait 1h1h\n" + STEP, "BP103", 2, 10,
     "found the unit 'h' twice in '1h1h'", "write each unit once, e.g. 1h30min"),
    (HEAD + 'step s "S"\n  custmer c "C"\n', "BP104", 3, 3,
     "found the lane 'custmer'; expected customer, onstage, backstage, support, preparation, management or evidence",
     "did you mean 'customer'?"),
    (HEAD + 'lane front "Front"\n' + STEP, "BP104", 2, 6,
     "found the lane 'front'; expected customer, onstage, backstage, support, preparation, management or evidence", None),
    (HEAD + 'line visible "V"\n' + STEP, "BP105", 2, 6,
     "found the line 'visible'; expected interaction, visibility, internal, order-penetration or implementation", "did you mean 'visibility'?"),
    (HEAD + 'step s "S"\n  wait 5min\n  customer c "C"\n', "BP106", 3, 3,
     "found 'wait' with no action in this step; it attaches to the action above it",
     'write the action first, e.g. customer ID "Label", then indent this line under it'),
    (HEAD + 'note "n"\n' + STEP, "BP106", 2, 1,
     "found 'note' with no action before the first step; it attaches to the action above it",
     'write the action first, e.g. customer ID "Label", then indent this line under it'),
    (HEAD + 'step s 「S」\n  customer c "C"\n', "BP122", 2, 8,
     "found the curly quote 「 where a string's quote belongs; a string is written between straight quotes \"…\"",
     'write straight quotes: step s "S"'),
    (HEAD + 'lane management "Head office"\n' + STEP, "BP313", 2, 1,
     "found a label for the lane management, but no action stands in the management lane; "
     "it is drawn only when one does",
     'add an action to it under a step (management ID "Label"), or delete this line'),
    (HEAD + STEP + '  preparation p "P"\n  o -> p\n', "BP314", 7, 3,
     "found a flow from the onstage action 'o' into the preparation action 'p'; "
     "what an order sets off belongs above the line of order penetration",
     "move 'p' to the support lane, or turn the flow round if 'p' feeds 'o'"),
    (HEAD + "state futur\n" + STEP, "BP107", 2, 7,
     "found 'futur' as a state; expected current or future", "did you mean 'future'?"),
    (HEAD + "lang fr\n" + STEP, "BP107", 2, 6, "found 'fr' as a language; expected en, zh (or zh-Hans) or zh-Hant", None),
    (HEAD + 'step s "S"\n  customer c "C"\n    fail "x" severity hi\n', "BP107", 4, 23,
     "found 'hi' as a severity; expected low, medium or high", "did you mean 'high'?"),
    (HEAD + STEP + "state future\n", "BP108", 6, 1,
     "found the header 'state' after the first phase or step; headers describe the whole blueprint",
     "move it up, next to the blueprint title"),
    ("state future\n" + HEAD + STEP, "BP108", 2, 1,
     "found the blueprint title after other statements; it must be the first statement",
     "move this line to the top of the file"),
    (HEAD + 'customer c "C"\n' + STEP, "BP108", 2, 1,
     "found the customer action before any step; actions and evidence belong to a step",
     'open a step first: step ID "Label"'),
    (HEAD + 'step s "S"\n  customer c "a\\tb"\n', "BP109", 3, 16,
     'found the escape \\t in a string; only \\" and \\\\ are escapes', "write a backslash as \\\\"),
    (HEAD + 'step s "S"\n  customer c "C"\n    cost 1,,2 CNY\n', "BP110", 4, 10,
     "found the amount '1,,2'; expected a number such as 25, 1200.50 or 1,200.50",
     "commas may only separate thousands"),
    (HEAD + 'step s "S"\n  customer note "C"\n', "BP111", 3, 12,
     "found the keyword 'note' used as an ID; a flow could never name it", "choose another ID, e.g. note_1"),
    (HEAD + 'step s "S"\n  customer c "C"\n    wait 5min..400d\n', "BP113", 4, 16,
     "found the duration '400d', longer than a year; durations go up to 366d",
     "check the number and the unit (s, min, h, d)"),
    (HEAD + 'step s "S"\n  customer c "C"\n    cost 2,000,000,000,000 CNY\n', "BP114", 4, 10,
     "found the amount '2,000,000,000,000'; a cost goes up to 1,000,000,000,000",
     "check the number of digits; write the cost of this one action"),
    (HEAD + 'step s "S"\n  customer c "C"\n  onstage c "O"\n', "BP201", 4, 11,
     "found the ID 'c' again; the action on line 3 already uses it",
     "IDs are shared by steps, actions and evidence; rename one of them"),
    (HEAD + 'step s "S"\n  customer s "C"\n', "BP201", 3, 12,
     "found the ID 's' again; the step on line 2 already uses it",
     "IDs are shared by steps, actions and evidence; rename one of them"),
    (HEAD + 'step s "S"\n  customer hand "C"\n  onstage count "O"\n  hand -> cuont\n', "BP202", 5, 11,
     "found 'cuont' as a flow's end, but no action has that ID", "did you mean 'count'?"),
    (HEAD + 'step s "S"\n  customer c "C"\n  onstage o "O"\n    fail "x" recover zzz\n  c -> o\n', "BP203", 5, 22,
     "found 'zzz' as a recovery, but no action has that ID", "define the action, or fix the ID"),
    (HEAD + 'step s "S"\n  customer c "C"\n    wait 45min..20min\n', "BP204", 4, 10,
     "found the range 45min..20min, whose minimum (45min) exceeds its maximum (20min)", "write 20min..45min"),
    (HEAD + 'step s "S"\n  evidence "E"\n', "BP205", 2, 6,
     "found the step 's' with no action", 'add what someone does in this step, e.g. customer ID "Label"'),
    ('step s "S"\n  customer c "C"\n', "BP206", 1, 1,
     'found no blueprint title; a .bp file starts with blueprint "Title"',
     'add a first line such as blueprint "Branch cash deposit"'),
    (HEAD + 'step s "S"\n  customer c "C"\n    link "javascript:alert(1)"\n', "BP207", 4, 10,
     "found a link with the scheme 'javascript:'; links must be http:// or https:// addresses",
     "link to a web page, e.g. https://example.com/policy"),
    (HEAD + 'step s "S"\n  customer c "C"\n    link "www.example.com"\n', "BP207", 4, 10,
     "found a link with no scheme; links must be http:// or https:// addresses",
     "link to a web page, e.g. https://example.com/policy"),
    (HEAD + "state current\nstate future\n" + STEP, "BP208", 3, 1,
     "found a second 'state'; it was already set on line 2", "keep one of them"),
    (HEAD + 'step s "S"\n  customer c "C"\n    duration 2min\n    cost 5\n    duration 5min\n', "BP211", 6, 5,
     "found a second 'duration' for the action 'c'; it was already set on line 4",
     "keep one line; a range such as 2min..5min covers both"),
    (HEAD + 'step s "S"\n  customer c "C"\n  onstage o "O"\n    fail "x" recover c recover o\n  c -> o\n', "BP211", 5, 32,
     "found a second 'recover' in this fail point; it already has recover c", "keep one"),
    (HEAD + 'step s "S"\n  evidence slip "Slip"\n  customer c "C"\n  onstage o "O"\n  c -> slip\n  c -> o\n', "BP209", 6, 8,
     "found the evidence 'slip' as a flow's end; a flow's end must be an action",
     "evidence is what the customer sees; connect the action that shows it"),
    (HEAD + STEP + "  c -> o\n", "BP212", 6, 8,
     "found the flow c -> o again; it is already on line 5", "remove one of them"),
    (HEAD + 'step s "S"\n  evidence c "Slip"\n  customer c "C"\n', "BP201", 4, 12,
     "found the ID 'c' again; the evidence on line 3 already uses it",
     "IDs are shared by steps, actions and evidence; rename one of them"),
    (HEAD + 'step s "S"\n  customer c "C"\n  onstage o "O"\n  c -> s\n', "BP209", 5, 8,
     "found the step 's' as a flow's end; a flow's end must be an action",
     "name one of the step's actions instead"),
    (HEAD + STEP + "  o -> o\n", "BP210", 6, 8,
     "found a flow from 'o' to itself", "remove it, or give the action a duration or a note instead"),
    (HEAD + 'step s "S"\n  customer c "C"\n  backstage b "B"\n  c -> b\n', "BP301", 5, 3,
     "found a flow between the customer action 'c' and the backstage action 'b'; it skips the line of visibility",
     "route it through the onstage action (person or screen) the customer actually meets"),
    (HEAD + "max-wait 15min\n" + 'step s "S"\n  customer c "C"\n    wait 20min..45min\n', "BP302", 5, 10,
     "found a wait of up to 45min (W1); the blueprint promises at most 15min (max-wait)",
     "shorten the wait, or keep it to show the broken promise on purpose"),
    (HEAD + "state future\n" + 'step s "S"\n  customer c "C"\n    fail "x"\n', "BP303", 5, 5,
     "found the fail point F1 with no recovery in a future-state blueprint",
     "add recover ACTION naming the action that puts things right"),
    (HEAD + STEP + '  support core "Core"\n', "BP304", 6, 11,
     "found the support action 'core' connected to no flow", "connect it, e.g. SOME_ACTION -> core"),
    (HEAD + 'step s "S"\n  customer c "C"\n  onstage o "O"\n  backstage b "B"\n  c -> o --> b "by \\"hand\\""\n',
     "BP306", 6, 16,
     "found a label at the end of a chain of 2 arrows; it names the first arrow (c -> o), not the last",
     'if it names c -> o, move it right after o (blueprint fmt does this); '
     'if it names o --> b, end the chain at o and write o --> b "by \\"hand\\"" on a line of its own'),
    (HEAD + STEP, "BP305", 2, 6,
     "found the step 's' with a customer action but no physical evidence",
     'add what the customer sees or touches: evidence "…"'),
    # What a practitioner adds: controls, emotion, metrics, research notes.
    (HEAD + 'control "Dual control"\nstep s "S"\n  customer c "C"\n', "BP118", 2, 1,
     "found 'control' before the first step; it belongs to a step or an action, the nearest one above it",
     'open a step first (step ID "Label"), then write this line under it or under one of its actions'),
    (HEAD + 'step s "S"\n  metric "Volume" 1,,2\n  customer c "C"\n', "BP119", 3, 19,
     "found the value '1,,2'; expected a number such as 12, 1,200 or -4.5",
     "commas may only separate thousands; a number goes up to 1,000,000,000,000"),
    (HEAD + 'step s "S"\n  customer c "C"\n    control "Dual control"\n    control "dual control"\n', "BP220", 5, 5,
     "found the control \"dual control\" again on the action 'c'; it is already on line 4",
     "keep one line; if both apply, say what differs (e.g. the rule each one comes from)"),
    (HEAD + 'step s "S"\n  emotion 5\n  customer c "C"\n', "BP221", 3, 11,
     "found the emotion score 5; a score goes from -2 (frustrated) to +2 (delighted)",
     "rescale it: -2, -1, 0, +1 or +2, or a word: frustrated, annoyed, neutral, pleased, delighted"),
    (HEAD + 'step s "S"\n  metric "Volume"\n  customer c "C"\n', "BP222", 3, 3,
     "found the metric \"Volume\" on the step 's' with no number",
     'write its value after the name, e.g. metric "Volume" 12 "%"; if it is still to be measured, '
     "write it as a question"),
    (HEAD + 'phase "P"\n  metric "Volume" 3\n  metric "Volume" 4\nstep s "S"\n  customer c "C"\n', "BP223", 4, 3,
     'found the metric "Volume" again on the phase "P"; it is already on line 3',
     "keep one line; a different measure needs a different name (e.g. with its period)"),
    (HEAD + 'step s "S"\n  question "Why?"\n  question "Why?"\n  customer c "C"\n', "BP224", 4, 3,
     "found the question \"Why?\" again on the step 's'; it is already on line 3", "keep one line"),
    (HEAD + 'step s "S"\n  emotion frustrated\n  customer c "C"\n', "BP310", 3, 3,
     "found the customer frustrated at the step 's' with no pain point, fail point or wait",
     'say what hurts: pain "…" severity high under the step, or a fail or wait on the action'),
    (HEAD + 'phase "P"\n  emotion -1\nstep s "S"\n  customer c "C"\n', "BP118", 3, 3,
     "found 'emotion' right under a phase; it belongs to a step, the nearest one above it",
     'open a step first (step ID "Label"), then write this line under it or under one of its actions'),
    (HEAD + 'step s "S"\n  customer c "C"\n    pain "Slow" severity high\n    pain "slow"\n', "BP224", 5, 5,
     "found the pain \"slow\" again on the action 'c'; it is already on line 4",
     "keep one line, with the higher severity or impact of the two"),
    # The practitioner's words that BP107 and BP211 report.
    (HEAD + 'step s "S"\n  emotion nuetral\n  customer c "C"\n', "BP107", 3, 11,
     "found 'nuetral' as an emotion; expected a score from -2 to +2 or one of frustrated, annoyed, neutral, pleased, "
     "delighted", "did you mean 'neutral'?"),
    (HEAD + 'step s "S"\n  customer c "C"\n    idea "Faster" impact hgh\n', "BP107", 4, 26,
     "found 'hgh' as an impact; expected low, medium or high", "did you mean 'high'?"),
    (HEAD + 'step s "S"\n  customer c "C"\n    confidence asumed\n', "BP107", 4, 16,
     "found 'asumed' as a confidence; expected observed, assumed or proposed", "did you mean 'assumed'?"),
    (HEAD + 'step s "S"\n  emotion 1\n  emotion 2\n  customer c "C"\n', "BP211", 4, 3,
     "found a second 'emotion' for the step 's'; it was already set on line 3",
     "keep one line: a step has one emotion; say the rest in its note"),
    # Roles, channels, key steps and decisions.
    (HEAD + 'role clerk "Clerk" staff\nstep s "S"\n  customer c "C"\n  onstage o "O"\n    by clrek\n  c -> o\n',
     "BP213", 6, 8, "found the role 'clrek' for the action 'o', but no role has that ID", "did you mean 'clerk'?"),
    (HEAD + 'role clerk "Clerk" staff\nrole core "Core" system\nstep s "S"\n  customer c "C"\n  onstage o "O"\n'
     '    by clerk\n  c -> o\n', "BP307", 3, 6, "found the role 'core' (Core), but no action is performed by it",
     "write 'by core' under its actions, or remove the role"),
    (HEAD + 'step s "S"\n  key "First"\n  key\n  customer c "C"\n  onstage o "O"\n  c -> o\n', "BP211", 4, 3,
     "found a second 'key' for the step 's'; it was already set on line 3", "keep one line"),
    (HEAD + 'step s "S"\n  customer c "C"\n  onstage o "O"\n    decision "Open?"\n  onstage y "Y"\n  c -> o\n'
     '  o -> y "yes"\n', "BP215", 5, 5, "found a decision at the action 'o', but only one flow leaves it, to 'y'",
     'write a labelled flow for each way out, e.g. o -> OTHER_ACTION "declined"'),
    (HEAD + 'step s "S"\n  customer c "C"\n  onstage o "O"\n    decision\n  onstage y "Y"\n  onstage n "N"\n'
     '  c -> o\n  o -> y "yes"\n  o -> n\n', "BP216", 10, 8,
     "found the branch o -> n of a decision without a label", 'say when the process goes this way: o -> n "…"'),
    (HEAD + 'channel wechat "WeChat"\nstep s "S"\n  via wechta\n  customer c "C"\n  onstage o "O"\n  c -> o\n',
     "BP214", 4, 7, "found the channel 'wechta', which is neither built in nor declared", "did you mean 'wechat'?"),
    (HEAD + 'step s "S"\n  via app\n  customer c "C"\n  onstage o "O"\n  c -> o\nstep t "T"\n  customer d "D"\n'
     '    via branch\n  o -> d\n', "BP308", 9, 5,
     "found the customer switching from 'app' (c) to 'branch' (d) within one phase, with no reason given",
     'say why the customer must switch: via branch "reason", or keep the channel'),
    (HEAD + 'role clerk "Clerk" staff\nstep s "S"\n  customer c "C"\n    by clerk\n  onstage o "O"\n  c -> o\n',
     "BP309", 5, 8, "found the staff role 'clerk' performing 'c' in the customer lane",
     "move the action to the lane of whoever performs it, or name the right role"),
    (HEAD + 'key "First"\nstep s "S"\n  customer c "C"\n', "BP106", 2, 1,
     "found 'key' before the first step; it belongs to the step or action above it",
     'open a step first: step ID "Label", then write key under it'),
    (HEAD + 'role clerk "Clerk" boss\nstep s "S"\n  customer c "C"\n    by clerk\n', "BP107", 2, 20,
     "found 'boss' as a role's kind; expected staff, system, partner or customer", None),
]
CASES += SCENARIO_CASES + IN_SCENARIO_CASES


@pytest.mark.parametrize("text, code, line, column, message, hint", CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_message_and_position_are_pinned(text, code, line, column, message, hint):
    found = [d for d in check_text(text, "t.bp", ALL).diagnostics if d.code == code]
    assert [(d.span.line, d.span.column, d.message, d.hint) for d in found] == [(line, column, message, hint)]


def test_every_code_has_a_pinned_case():
    pinned = {case[1] for case in CASES} | {"BP100", "BP112"}  # those two: tests/parse/test_bad_input.py
    pinned |= PINNED_ACROSS_FILES  # the codes of detail references: tests/project/test_checks.py
    assert pinned == ALL


@pytest.mark.parametrize("code", [c for c in CODES if not c.bad.startswith("(")], ids=lambda c: c.code)
def test_catalogue_examples_show_the_rule(code):
    """The bad example of each code (shown in the rule reference) triggers it; the good one is clean."""
    enabled = ALL
    bad = check_text(code.bad, "bad.bp", enabled)
    good = check_text(code.good, "good.bp", enabled)
    assert code.code in {d.code for d in bad.diagnostics}
    assert [d for d in good.diagnostics if d.code != "BP305" or code.code == "BP305"] == []


def test_all_mistakes_in_a_file_are_collected():
    text = (
        'blueprint "T"\nstate futur\nstep s "S"\n  custmer a "A"\n  customer c "C"\n'
        '    wait 5 min\n    wait 9min..2min\n  onstage o "O"\n  c -> o -> zz\n  o "stray"\n'
    )
    codes = [d.code for d in check_text(text).diagnostics]
    assert codes == ["BP107", "BP104", "BP103", "BP204", "BP104"]


def test_caret_snippet_under_chinese_text_lines_up(snapshot):
    text = 'blueprint "存款"\nstep 办理 "柜台办理"\n  customer 交款 "递交现金"\n  交款 -> 点钞\n'
    result = check_text(text, "存款.bp")
    assert "\n\n".join(format_diagnostic(d, result.source) for d in result.diagnostics) == snapshot


def test_caret_snippet_for_a_long_line_is_cut_around_the_mark(snapshot):
    text = 'blueprint "T"\nstep s "S"\n  customer c "' + "x" * 500 + '" @\n'
    [diagnostic] = check_text(text, "long.bp").diagnostics
    rendered = format_diagnostic(diagnostic, check_text(text, "long.bp").source)
    assert max(len(line) for line in rendered.splitlines()) < 160
    assert rendered == snapshot


def test_unreadable_file_is_reported_not_raised():
    result = check_bytes("gbk.bp", 'blueprint "存款"\n'.encode("gbk"))
    [d] = result.diagnostics
    assert (d.code, d.span.line, d.span.column, d.message) == (
        "BP100", 1, 12, "found a byte (0xb4) that is not UTF-8"
    )


def test_actions_under_a_broken_step_line_are_not_also_misplaced():
    text = 'blueprint "T"\nstep 1a "x"\n  customer c "C"\n  onstage o "O"\n  c -> o\n'
    assert [d.code for d in check_text(text).diagnostics] == ["BP101"]


def test_a_reserved_word_id_does_not_hide_other_findings():
    text = 'blueprint "T"\nstep s "S"\n  customer note "C"\n  onstage o "O"\n  o -> nowhere\n'
    assert [d.code for d in check_text(text).diagnostics] == ["BP111", "BP202"]


def test_the_texts_of_a_blueprint_a_page_cannot_draw():
    from blueprint.report import embedded

    result = check_text(HEAD + 'step s "S"\n  custmer c "C"\n  onstage o "O"\n  sprt x "X"\n', name="p.md")
    first, second = result.errors
    assert embedded.log_line(first) == f"error[{first.code}]: {first.message}"
    assert embedded.log_line(first, "guide.md:4") == f"error[{first.code}]: {first.message} (drawn in guide.md:4)"
    assert embedded.box_summary("p.md", [first]) == f"p.md:3:3: {first.message}"
    assert embedded.box_summary("p.md", [first, second]) == f"p.md:3:3: {first.message} (and 1 more error)"
    assert embedded.box_summary("p.md", [first, second, first]).endswith(" (and 2 more errors)")
    assert embedded.box_summary("p.md", []) == "p.md: nothing to draw"
    assert embedded.box_count("p.md", 1) == "p.md has 1 error."
    assert embedded.box_count("p.md", 2) == "p.md has 2 errors."
    lines = embedded.box_lines([first], lambda d: f"at {d.span.line}")
    assert lines == f"at 3: error[{first.code}]: {first.message}" + (f"\n  hint: {first.hint}" if first.hint else "")
    assert embedded.log_line_with_hint(first).startswith(f"blueprint error[{first.code}]: {first.message}")
    assert embedded.box_details(result.diagnostics, result.source) == "\n\n".join(
        format_diagnostic(d, result.source) for d in result.diagnostics)
