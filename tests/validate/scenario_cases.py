"""Pinned cases of the scenario codes (BP230-BP233, BP320, BP321) and of the
path rules found in one scenario only, shared with test_diagnostics."""

from __future__ import annotations

HEAD = 'blueprint "T"\nscenario walk "Walk-in"\nscenario web "Online"\n'
EVIDENCE = '  evidence "Form"\n'

# (input, code, line, column, message, hint)
SCENARIO_CASES = [
    (HEAD + 'step s "S"\n' + EVIDENCE + '  customer c "C"\n    only wlk\n  onstage o "O"\n  c -> o\n', "BP230", 7, 10,
     "found the scenario 'wlk' in 'only', but no scenario has that ID", "did you mean 'walk'?"),
    (HEAD + 'scenario web "Web"\nstep s "S"\n' + EVIDENCE + '  customer c "C"\n    only walk, web\n  onstage o "O"\n'
     '  c -> o\n', "BP231", 4, 10,
     "found the scenario 'web' declared again; it was first declared on line 3",
     "give this scenario another ID, or remove one declaration"),
    ('blueprint "T"\nstep s "S"\n' + EVIDENCE + '  customer c "C"\n    only walk\n  onstage o "O"\n  c -> o\n', "BP232",
     5, 10, "found 'only walk', but this blueprint declares no scenario",
     'declare the scenarios among the headers: scenario walk "Label"'),
    (HEAD + 'step s "S"\n' + EVIDENCE + '  customer c "C"\n    only walk\n  onstage o "O"\n  c -> o\n    only web\n',
     "BP233", 10, 10, "found the flow c -> o marked for the scenario 'web', but 'c' is not in it",
     "mark 'c' for that scenario too, or name only the scenarios both ends are in"),
    (HEAD + 'step s "S"\n' + EVIDENCE + '  customer c "C"\n  onstage o "O"\n  c -> o\n    only walk\n', "BP320", 3, 10,
     "found the scenario 'web' (Online), but no 'only' line names it",
     "write 'only web' under the steps, actions or flows of its path, or remove it"),
    (HEAD + 'step s "S"\n' + EVIDENCE + '  customer c "C"\n  onstage o "O"\n  onstage p "P"\n    only web\n'
     '  c -> o\n    only walk\n  c -> p\n', "BP321", 7, 11,
     "found the action 'o' with no flow in scenario 'web'; its flows belong to other scenarios",
     "connect it there too, or mark it 'only' for the scenarios it has a path in"),
]

# A path rule's finding in some scenarios only names them.
IN_SCENARIO_CASES = [
    (HEAD + 'step s "S"\n' + EVIDENCE + '  customer c "C"\n    only walk\nstep t "T"\n' + EVIDENCE + '  customer d "D"\n'
     '  onstage o "O"\n  d -> o\n', "BP205", 4, 6,
     "in scenario 'web': found the step 's' with no action",
     'add what someone does in this step, e.g. customer ID "Label"'),
    (HEAD + 'step s "S"\n' + EVIDENCE + '  customer c "C"\n    fail "Lost" recover r\n  onstage r "R"\n    only walk\n'
     '  c -> r\n', "BP203", 7, 25,
     "in scenario 'web': found 'r' as a recovery, but no action has that ID", "define the action, or fix the ID"),
]
