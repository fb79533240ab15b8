"""The codes the model builder reports: words the grammar accepts but the
language does not know (a lane, a line, a state), statements that stand
where they cannot, and a statement written in a form that is easy to misread
(BP306). Whether the blueprint then makes sense is the validator's to say
(blueprint.validate).
"""

from __future__ import annotations

from blueprint.diagnostics import EXAMPLE_HEAD, EXAMPLE_STEP, Level, declare

UNKNOWN_LANE = declare(
    code="BP104",
    name="unknown-lane",
    level=Level.ERROR,
    summary="A lane name is not one of customer, onstage, backstage, support or evidence.",
    why="A blueprint has exactly four action lanes and the evidence row above them.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  custmer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n',
)

UNKNOWN_LINE = declare(
    code="BP105",
    name="unknown-line",
    level=Level.ERROR,
    summary="A line name is not one of interaction, visibility or internal.",
    why="A blueprint has three lines between its lanes; `line` can only relabel them.",
    bad=EXAMPLE_HEAD + 'line visible "Customers cannot see below"\n' + EXAMPLE_STEP,
    good=EXAMPLE_HEAD + 'line visibility "Customers cannot see below"\n' + EXAMPLE_STEP,
)

ATTRIBUTE_WITHOUT_ACTION = declare(
    code="BP106",
    name="attribute-without-action",
    level=Level.ERROR,
    summary="An attribute line (fail, wait, duration, cost, note, link) has no action before it in its step.",
    why="Attributes belong to the most recent action of the step; without one there is nothing to attach them to.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  wait 5min\n  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 5min\n',
)

UNKNOWN_VALUE = declare(
    code="BP107",
    name="unknown-value",
    level=Level.ERROR,
    summary="A keyword value (state, lang, severity) is not one the language knows.",
    why="These values select behaviour (default labels, practice rules, marker styles), so a typo must not pass silently.",
    bad=EXAMPLE_HEAD + "state futur\n" + EXAMPLE_STEP,
    good=EXAMPLE_HEAD + "state future\n" + EXAMPLE_STEP,
)

MISPLACED_STATEMENT = declare(
    code="BP108",
    name="misplaced-statement",
    level=Level.ERROR,
    summary="A statement stands where it cannot: a header after the first phase or step, or an action or evidence outside a step.",
    why="Headers describe the whole blueprint and come first; actions and evidence belong to a step (a column in time).",
    bad=EXAMPLE_HEAD + EXAMPLE_STEP + "state future\n",
    good=EXAMPLE_HEAD + "state future\n" + EXAMPLE_STEP,
)

BAD_AMOUNT = declare(
    code="BP110",
    name="bad-amount",
    level=Level.ERROR,
    summary="A cost amount is not a number.",
    why="Costs are added up across the blueprint, so they must be numbers (thousands separators are fine).",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    cost 1,,2 CNY\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    cost 1,200 CNY\n',
)

RESERVED_WORD = declare(
    code="BP111",
    name="reserved-word",
    level=Level.ERROR,
    summary="An ID is a keyword of the language.",
    why="A keyword cannot start a flow line, so an action with that ID could never be connected.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer note "Writes a note"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer writes "Writes a note"\n',
)

DURATION_TOO_LONG = declare(
    code="BP113",
    name="duration-too-long",
    level=Level.ERROR,
    summary="A duration (wait, duration or max-wait) is longer than a year (366d).",
    why="No step of a service takes a year: a longer duration is a slip of a digit or a unit, and would swamp "
        "every total it is added to.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 500d\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    wait 5d\n',
)

AMOUNT_TOO_LARGE = declare(
    code="BP114",
    name="amount-too-large",
    level=Level.ERROR,
    summary="A cost amount is larger than 1,000,000,000,000.",
    why="A cost is what one action costs; an amount beyond a trillion is a slip of digits, and amounts "
        "are added up, so they must stay exact.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    cost 12,000,000,000,000 CNY\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n    cost 12 CNY\n',
)

AMBIGUOUS_CHAIN_LABEL = declare(
    code="BP306",
    name="ambiguous-chain-label",
    level=Level.WARNING,
    summary="A chain of arrows has one label, at the end of the line; it names the chain's first arrow.",
    why="In the older form `a -> b -> c \"label\"` the label belongs to `a -> b`, yet it reads as the label of "
        "`b -> c`, the arrow it stands next to. Write each label right after the arrow it names: "
        "`a -> b \"label\" -> c`; `blueprint fmt` rewrites the older form so, keeping its meaning.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n'
        '  backstage post "Teller posts the deposit"\n  hand -> count -> post "over the counter"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n'
         '  backstage post "Teller posts the deposit"\n  hand -> count "over the counter" -> post\n',
)

CODES = (UNKNOWN_LANE, UNKNOWN_LINE, ATTRIBUTE_WITHOUT_ACTION, UNKNOWN_VALUE, MISPLACED_STATEMENT, BAD_AMOUNT,
         RESERVED_WORD, DURATION_TOO_LONG, AMOUNT_TOO_LARGE, AMBIGUOUS_CHAIN_LABEL)

# --- what a practitioner adds to a phase, step or action (controls, emotion,
# metrics, research notes, confidence) ----------------------------------------

ANNOTATION_WITHOUT_STEP = declare(
    code="BP118",
    name="annotation-without-step",
    level=Level.ERROR,
    summary="A control, emotion, metric, research note or confidence line stands where it has nothing to attach to.",
    why="These lines say something about the phase, step or action above them: a control, emotion or research "
        "note needs a step, a metric a phase or a step, a confidence an action.",
    bad=EXAMPLE_HEAD + 'control "Identity check under AML rules"\n' + EXAMPLE_STEP,
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  control "Identity check under AML rules"\n'
         '  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> count\n',
)

EMOTION_OUT_OF_RANGE = declare(
    code="BP221",
    name="emotion-out-of-range",
    level=Level.ERROR,
    summary="An emotion score is outside -2..+2.",
    why="The emotion curve has five levels, from -2 (frustrated) through 0 (neutral) to +2 (delighted); a score "
        "beyond them cannot be drawn, and is usually a slip of a 10-point or 100-point scale.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  emotion -5 "Queue out of the door"\n'
        '  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  emotion -2 "Queue out of the door"\n'
         '  customer hand "Hands over cash"\n    wait 20min\n',
)

BAD_NUMBER = declare(
    code="BP119",
    name="bad-number",
    level=Level.ERROR,
    summary="A metric's value is not a number.",
    why="A metric is compared between states and blueprints, so its value must be a number; commas may only "
        "separate thousands.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  metric "Deposits per day" 1,,200\n'
        '  customer hand "Hands over cash"\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  metric "Deposits per day" 1,200\n'
         '  customer hand "Hands over cash"\n',
)

CODES += (ANNOTATION_WITHOUT_STEP, EMOTION_OUT_OF_RANGE, BAD_NUMBER)
