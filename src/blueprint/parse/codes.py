"""The codes the parse stage reports: a file that cannot be read, a line that is not a statement.

BP101 and BP103 are also reported by the model builder, for words the
grammar accepts but the language does not know; BP211 is also reported by
the validator, for an action's duration or cost given twice (see
blueprint.validate.repeats). Each code is declared once, here, beside the
lowest stage that reports it.
"""

from __future__ import annotations

from blueprint.diagnostics import EXAMPLE_HEAD, Level, declare

UNREADABLE_FILE = declare(
    code="BP100",
    name="unreadable-file",
    level=Level.ERROR,
    summary="The file is not UTF-8 text.",
    why="A .bp file is plain UTF-8 text; binary files or other encodings cannot be read reliably.",
    bad="(a file saved as GBK, or a binary file renamed to .bp)",
    good="(the same file saved as UTF-8)",
)

UNEXPECTED_TOKEN = declare(
    code="BP101",
    name="unexpected-token",
    level=Level.ERROR,
    summary="A line is not a statement the language knows, or has something unexpected in it.",
    why="Each line holds one statement; the message says what was found and which statements or values fit there.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash" "twice"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash twice"\n',
)

UNTERMINATED_STRING = declare(
    code="BP102",
    name="unterminated-string",
    level=Level.ERROR,
    summary='A string has no closing quote on its line.',
    why="Strings cannot span lines; a missing quote would swallow the rest of the statement.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit\n  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n',
)

BAD_DURATION = declare(
    code="BP103",
    name="bad-duration",
    level=Level.ERROR,
    summary="A duration is not written as a number with a unit (s, min, h, d).",
    why="Durations drive wait-point checks and totals, so their units must be unambiguous.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 20minutes\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 20min\n',
)

BAD_ESCAPE = declare(
    code="BP109",
    name="bad-escape",
    level=Level.ERROR,
    summary='A string uses a backslash escape other than \\" or \\\\.',
    why="Only quotes and backslashes need escaping; anything else is probably a mistake (a Windows path, say).",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Scans C:\\new\\slip"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Scans C:\\\\new\\\\slip"\n',
)

FILE_TOO_LARGE = declare(
    code="BP112",
    name="file-too-large",
    level=Level.ERROR,
    summary="The file is larger than the checker reads (8 MiB).",
    why="A blueprint that size is almost certainly not a blueprint; the limit keeps the checker fast and safe.",
    bad="(a 9 MiB file)",
    good="(split the service into several blueprints)",
)

# Raised here for a fail point's `severity` or `recover` given twice; the
# documentation shows the case a writer meets most, an action's duration.
REPEATED_ATTRIBUTE = declare(
    code="BP211",
    name="repeated-attribute",
    level=Level.ERROR,
    summary="An action has a second `duration` or `cost`.",
    why="An action takes one time and one cost; a second line would silently replace the first.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    duration 2min\n    duration 5min\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    duration 2min..5min\n',
)

CURLY_QUOTES = declare(
    code="BP122",
    name="curly-quotes",
    level=Level.ERROR,
    summary="A string is written between curly quotes (“ ” ‘ ’ 「 」) instead of straight ones.",
    why="A string opens and closes with the straight quote `\"`; word processors and Chinese input methods "
        "often type curly ones instead. Inside a string curly quotes are ordinary text.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand “Hands over cash”\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n',
)

CODES = (UNREADABLE_FILE, UNEXPECTED_TOKEN, UNTERMINATED_STRING, BAD_DURATION, BAD_ESCAPE, FILE_TOO_LARGE,
         REPEATED_ATTRIBUTE, CURLY_QUOTES)
