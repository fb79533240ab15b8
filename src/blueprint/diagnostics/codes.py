"""The catalogue of diagnostic codes.

Each code carries a bad and a good example; the rule reference in the docs is
generated from this table and the tests check every example, so the
documentation cannot drift from what the checker does.
BP1xx: syntax. BP2xx: meaning. BP3xx: blueprint practice (warnings).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from blueprint.diagnostics.types import Diagnostic, Level
from blueprint.source import Span


class Code(BaseModel):
    # The catalogue below is built without validation (see _code): the
    # validator is built only if something validates a code.
    model_config = ConfigDict(frozen=True, defer_build=True)

    code: str
    name: str
    level: Level
    summary: str
    why: str
    bad: str
    good: str
    default_enabled: bool = True


_HEAD = 'blueprint "Cash deposit"\n'
_STEP = 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> count\n'

def _code(**fields: object) -> Code:
    """A catalogue entry. This module's own constant data, which the tests
    validate: building it unvalidated keeps pydantic's validators, and the
    plugin lookup that comes with the first of them, off every start."""
    return Code.model_construct(**fields)


CODES: tuple[Code, ...] = (
    # --- BP1xx: syntax -------------------------------------------------------
    _code(
        code="BP100",
        name="unreadable-file",
        level=Level.ERROR,
        summary="The file is not UTF-8 text.",
        why="A .bp file is plain UTF-8 text; binary files or other encodings cannot be read reliably.",
        bad="(a file saved as GBK, or a binary file renamed to .bp)",
        good="(the same file saved as UTF-8)",
    ),
    _code(
        code="BP101",
        name="unexpected-token",
        level=Level.ERROR,
        summary="A line is not a statement the language knows, or has something unexpected in it.",
        why="Each line holds one statement; the message says what was found and which statements or values fit there.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash" "twice"\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash twice"\n',
    ),
    _code(
        code="BP102",
        name="unterminated-string",
        level=Level.ERROR,
        summary='A string has no closing quote on its line.',
        why="Strings cannot span lines; a missing quote would swallow the rest of the statement.",
        bad=_HEAD + 'step deposit "Deposit\n  customer hand "Hands over cash"\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n',
    ),
    _code(
        code="BP103",
        name="bad-duration",
        level=Level.ERROR,
        summary="A duration is not written as a number with a unit (s, min, h, d).",
        why="Durations drive wait-point checks and totals, so their units must be unambiguous.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 20minutes\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 20min\n',
    ),
    _code(
        code="BP104",
        name="unknown-lane",
        level=Level.ERROR,
        summary="A lane name is not one of customer, onstage, backstage, support or evidence.",
        why="A blueprint has exactly four action lanes and the evidence row above them.",
        bad=_HEAD + 'step deposit "Deposit"\n  custmer hand "Hands over cash"\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n',
    ),
    _code(
        code="BP105",
        name="unknown-line",
        level=Level.ERROR,
        summary="A line name is not one of interaction, visibility or internal.",
        why="A blueprint has three lines between its lanes; `line` can only relabel them.",
        bad=_HEAD + 'line visible "Customers cannot see below"\n' + _STEP,
        good=_HEAD + 'line visibility "Customers cannot see below"\n' + _STEP,
    ),
    _code(
        code="BP106",
        name="attribute-without-action",
        level=Level.ERROR,
        summary="An attribute line (fail, wait, duration, cost, note, link) has no action before it in its step.",
        why="Attributes belong to the most recent action of the step; without one there is nothing to attach them to.",
        bad=_HEAD + 'step deposit "Deposit"\n  wait 5min\n  customer hand "Hands over cash"\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 5min\n',
    ),
    _code(
        code="BP107",
        name="unknown-value",
        level=Level.ERROR,
        summary="A keyword value (state, lang, severity) is not one the language knows.",
        why="These values select behaviour (default labels, practice rules, marker styles), so a typo must not pass silently.",
        bad=_HEAD + "state futur\n" + _STEP,
        good=_HEAD + "state future\n" + _STEP,
    ),
    _code(
        code="BP108",
        name="misplaced-statement",
        level=Level.ERROR,
        summary="A statement stands where it cannot: a header after the first phase or step, or an action or evidence outside a step.",
        why="Headers describe the whole blueprint and come first; actions and evidence belong to a step (a column in time).",
        bad=_HEAD + _STEP + "state future\n",
        good=_HEAD + "state future\n" + _STEP,
    ),
    _code(
        code="BP109",
        name="bad-escape",
        level=Level.ERROR,
        summary='A string uses a backslash escape other than \\" or \\\\.',
        why="Only quotes and backslashes need escaping; anything else is probably a mistake (a Windows path, say).",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Scans C:\\new\\slip"\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Scans C:\\\\new\\\\slip"\n',
    ),
    _code(
        code="BP110",
        name="bad-amount",
        level=Level.ERROR,
        summary="A cost amount is not a number.",
        why="Costs are added up across the blueprint, so they must be numbers (thousands separators are fine).",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    cost 1,,2 CNY\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    cost 1,200 CNY\n',
    ),
    _code(
        code="BP111",
        name="reserved-word",
        level=Level.ERROR,
        summary="An ID is a keyword of the language.",
        why="A keyword cannot start a flow line, so an action with that ID could never be connected.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer note "Writes a note"\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer writes "Writes a note"\n',
    ),
    _code(
        code="BP112",
        name="file-too-large",
        level=Level.ERROR,
        summary="The file is larger than the checker reads (8 MiB).",
        why="A blueprint that size is almost certainly not a blueprint; the limit keeps the checker fast and safe.",
        bad="(a 9 MiB file)",
        good="(split the service into several blueprints)",
    ),
    # --- BP2xx: meaning ------------------------------------------------------
    _code(
        code="BP201",
        name="duplicate-id",
        level=Level.ERROR,
        summary="Two steps or actions share an ID.",
        why="Flows and recoveries name actions by ID, so each ID must point at one thing.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage hand "Teller takes the cash"\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage take "Teller takes the cash"\n  hand -> take\n',
    ),
    _code(
        code="BP202",
        name="unknown-flow-endpoint",
        level=Level.ERROR,
        summary="A flow names an action that does not exist.",
        why="A flow joins two actions; a misspelt ID would silently drop an arrow from the diagram.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> cuont\n',
        good=_HEAD + _STEP,
    ),
    _code(
        code="BP203",
        name="unknown-recovery",
        level=Level.ERROR,
        summary="A fail point's `recover` names an action that does not exist.",
        why="The recovery is the fail-safe a designer promises; it must be a real action on the blueprint.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note" recover explian\n  onstage explain "Teller explains"\n  hand -> count -> explain\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note" recover explain\n  onstage explain "Teller explains"\n  hand -> count -> explain\n',
    ),
    _code(
        code="BP204",
        name="reversed-range",
        level=Level.ERROR,
        summary="A duration range's minimum exceeds its maximum.",
        why="`45min..20min` is almost always a swapped range; totals and checks would be wrong.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 45min..20min\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 20min..45min\n',
    ),
    _code(
        code="BP205",
        name="empty-step",
        level=Level.ERROR,
        summary="A step has no action.",
        why="A step is a moment in time in which someone does something; an empty column is a gap in the story.",
        bad=_HEAD + 'step deposit "Deposit"\n  evidence "Deposit slip"\n',
        good=_HEAD + 'step deposit "Deposit"\n  evidence "Deposit slip"\n  customer fill "Fills in the deposit slip"\n',
    ),
    _code(
        code="BP206",
        name="missing-title",
        level=Level.ERROR,
        summary='The file does not start with `blueprint "Title"`.',
        why="The title names the service in every rendering, listing and report.",
        bad='state current\nstep deposit "Deposit"\n  customer hand "Hands over cash"\n',
        good='blueprint "Cash deposit"\nstate current\nstep deposit "Deposit"\n  customer hand "Hands over cash"\n',
    ),
    _code(
        code="BP207",
        name="unsafe-link",
        level=Level.ERROR,
        summary="A link is not an http or https URL.",
        why="Links end up in HTML and SVG; other schemes (javascript:, file:, data:) are unsafe or do not travel.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    link "javascript:alert(1)"\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    link "https://example.com/deposit-policy"\n',
    ),
    _code(
        code="BP208",
        name="repeated-header",
        level=Level.ERROR,
        summary="A header that can appear once (blueprint, description, owner, version, state, lang, max-wait, a lane or line label) appears again.",
        why="Two values for one setting leave the reader guessing which one counts.",
        bad=_HEAD + "state current\nstate future\n" + _STEP,
        good=_HEAD + "state current\n" + _STEP,
    ),
    _code(
        code="BP209",
        name="flow-to-step",
        level=Level.ERROR,
        summary="A flow or recovery names a step or a piece of evidence where an action is needed.",
        why="Arrows join actions, not columns; name the action inside the step.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> deposit\n',
        good=_HEAD + _STEP,
    ),
    _code(
        code="BP210",
        name="self-flow",
        level=Level.ERROR,
        summary="A flow starts and ends at the same action.",
        why="An arrow from an action to itself says nothing a blueprint can draw; use `duration` or a note.",
        bad=_HEAD + _STEP + "  count -> count\n",
        good=_HEAD + _STEP,
    ),
    _code(
        code="BP211",
        name="repeated-attribute",
        level=Level.ERROR,
        summary="An action has a second `duration` or `cost`.",
        why="An action takes one time and one cost; a second line would silently replace the first.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    duration 2min\n    duration 5min\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    duration 2min..5min\n',
    ),
    _code(
        code="BP212",
        name="repeated-flow",
        level=Level.ERROR,
        summary="The same flow (same ends, same kind of arrow) is written twice.",
        why="Two identical arrows are drawn on top of each other and counted twice in contacts and hand-offs.",
        bad=_HEAD + _STEP + "  hand -> count\n",
        good=_HEAD + _STEP,
    ),
    # --- BP3xx: practice -----------------------------------------------------
    _code(
        code="BP301",
        name="skips-visibility",
        level=Level.WARNING,
        summary="A flow joins a customer action directly to a backstage or support action, in either direction.",
        why="The customer only meets the organisation onstage (Bitner 2008); a direct hop hides the encounter that really happens, or shows a self-service channel that belongs onstage.",
        bad=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  backstage post "Posts the deposit"\n  hand -> post\n',
        good=_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  backstage post "Posts the deposit"\n  hand -> count -> post\n',
    ),
    _code(
        code="BP302",
        name="wait-exceeds-promise",
        level=Level.WARNING,
        summary="A wait can last longer than the blueprint's `max-wait`.",
        why="`max-wait` is the wait the service promises; a wait point beyond it is a broken promise to fix or to show on purpose.",
        bad=_HEAD + "max-wait 15min\n" + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 20min..45min\n',
        good=_HEAD + "max-wait 15min\n" + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 5min..10min\n',
    ),
    _code(
        code="BP303",
        name="fail-without-recovery",
        level=Level.WARNING,
        summary="A future-state blueprint has a fail point with no `recover`.",
        why="Shostack's method designs a fail-safe for every fail point; a to-be service should say how it recovers.",
        bad=_HEAD + "state future\n" + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note"\n  hand -> count\n',
        good=_HEAD + "state future\n" + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n    fail "Counterfeit note" recover explain\n  onstage explain "Teller explains the rules"\n  hand -> count -> explain\n',
    ),
    _code(
        code="BP304",
        name="unconnected-support",
        level=Level.WARNING,
        summary="A backstage or support action is connected to no flow.",
        why="Backstage and support work exists to enable the front; one connected to nothing is either missing a flow or not needed.",
        bad=_HEAD + _STEP + '  support core "Core banking system"\n',
        good=_HEAD + _STEP + '  support core "Core banking system"\n  count -> core\n',
    ),
    _code(
        code="BP305",
        name="customer-step-without-evidence",
        level=Level.WARNING,
        summary="A step with a customer action shows no physical evidence.",
        why="The sixth step of building a blueprint adds the evidence the customer sees to every customer action. Off by default; enable it with `extend-select`.",
        bad=_HEAD + _STEP,
        good=_HEAD + 'step deposit "Deposit"\n  evidence "Deposit slip"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> count\n',
        default_enabled=False,
    ),
)

BY_CODE: dict[str, Code] = {code.code: code for code in CODES}


def diagnostic(code: str, file: str, span: Span, message: str, hint: str | None = None) -> Diagnostic:
    """A diagnostic whose level comes from the catalogue, so a code's level is set in one place."""
    # Every argument is already of its field's type (the checker's own values),
    # so the diagnostic is built as is: see blueprint.model.types.Node.
    return Diagnostic.model_construct(code=code, level=BY_CODE[code].level, message=message, file=file, span=span,
                                      hint=hint)
