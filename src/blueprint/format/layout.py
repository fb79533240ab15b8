"""The canonical layout of a .bp file, line by line.

- Headers, `phase` and `step` at column 0; evidence and actions indented two
  spaces; attribute lines (`fail`, `wait`, `duration`, `cost`, `note`,
  `link`, `by`, `decision`) four; `role` and `channel` stand with the
  headers. A line that belongs to a step or an action (`control`, a research
  note, `key`, `via`, `only`) is indented two before the step's first action
  (the step's) and four after; an `only` under a flow line, one level under
  the flow. A flow inside a step is indented two; flows with no step open
  (before the first step, right after a `phase`, or in the closing block after
  the last step's actions, separated from them by a blank line) stand at 0.
- Tokens are separated by one space, except that a range is written
  `20min..45min` and a comma follows its word (`only walk-in, online`). Every token is kept exactly as written: IDs, durations,
  amounts, versions, and strings (the language has only the escapes `\\"` and
  `\\\\`, both needed, so a string is already minimally escaped).
- A chain written in the older form, one label at the end of the line
  (`a -> b -> c "L"`), gets its label moved right after the first arrow's
  target (`a -> b "L" -> c`): the arrow that label has always named (BP306).
- No alignment across lines: editing one line never moves another.
- A full-line comment takes the indentation of the statement after it (column
  0 at the end of the file); a trailing comment stays on its line, two spaces
  after the statement. Comment text is kept; trailing whitespace is dropped.
- One blank line before every `step` and `phase` (before the comments written
  directly above it, which belong to it); elsewhere the author's blank lines
  are kept, a run of them shortened to one; none at the start or the end.
- Lines end in LF; the file ends with one; a byte order mark is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from blueprint.format.lines import LineKind, RawLine, read_line

INDENT = "  "
TRAILING_COMMENT_GAP = "  "
RANGE_JOIN = ".."

_OPENS_A_COLUMN = frozenset({"step", "phase"})
# The indentation level of every kind of statement (the grammar's rule names);
# a flow's is the level inside a step: with no step open it stands at 0.
LEVELS = {
    **dict.fromkeys(
        ["title", "description_header", "segment_header", "owner_header", "state_header", "lang_header",
         "version_header", "max_wait_header", "lane_label", "line_label", "phase", "step"],
        0,
    ),
    "item": 1,
    "flow": 1,
    **dict.fromkeys(["fail", "wait", "duration", "cost", "note", "link"], 2),
    # The practitioner's statements: declarations are headers, the rest attributes.
    "role_decl": 0,
    "by": 2,
    "decision": 2,
    "channel_decl": 0,
    "scenario_decl": 0,
}
# A step's own lines, wherever in the step they stand, and a phase's: one level under it.
LEVELS |= dict.fromkeys(["emotion", "metric"], 1)
LEVELS |= {"confidence": 2}  # an action's, as its other attributes
# Lines that belong to the step above them until its first action, then to
# that action: indented one level under a step, two under an action.
# `only` is one of them, and marks a flow line too: under one it is indented one level under the flow.
ONLY = "only"
STEP_OR_ACTION = frozenset({"control", "pain", "idea", "opportunity", "question", "key", "via", ONLY})
STEP_OR_ACTION |= {"detail"}


def canonical_text(text: str) -> str:
    """`text`, which must be a .bp file without errors, in the canonical layout."""
    lines = [read_line(line) for line in text.removeprefix("\ufeff").split("\n")]
    levels = _levels(lines)
    blank_before = _blank_line_before(lines)
    out: list[str] = []
    pending_blank = False
    for index, line in enumerate(lines):
        if line.kind is LineKind.BLANK:
            pending_blank = True
            continue
        if out and (pending_blank or blank_before[index]):
            out.append("")
        pending_blank = False
        out.append(INDENT * levels[index] + _written(line))
    return "\n".join(out) + "\n" if out else ""


def _written(line: RawLine) -> str:
    if line.kind is LineKind.COMMENT:
        return line.comment or ""
    tokens = _chain_label_placed(line.tokens) if line.rule == "flow" else line.tokens
    text = ""
    for previous, token in zip((None, *tokens), tokens):
        glued = previous is None or RANGE_JOIN in (previous, token) or token == ","  # `only a, b`
        text += token if glued else " " + token
    if line.comment:
        text += TRAILING_COMMENT_GAP + line.comment
    return text


def _chain_label_placed(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A flow's tokens, with the lone label of an older-form chain moved to
    the arrow it names, the first. A flow alternates IDs and arrows, each
    target perhaps followed by its label (a string token, in quotes)."""
    labels = [index for index, token in enumerate(tokens) if token.startswith('"')]
    if len(tokens) - len(labels) < 5 or labels != [len(tokens) - 1]:
        return tokens  # a single arrow, no label, or labels already where they belong
    return (*tokens[:3], tokens[-1], *tokens[3:-1])


def _levels(lines: Sequence[RawLine]) -> list[int]:
    """The indentation level of every line (blank lines get 0)."""
    statements = [i for i, line in enumerate(lines) if line.kind is LineKind.STATEMENT]
    last_non_flow = max((i for i in statements if lines[i].rule not in ("flow", ONLY)), default=-1)
    levels = [0] * len(lines)
    step_open = action_open = False
    flow_level: int | None = None  # the level of the flow line last written, until a step or an action follows
    previous = -1
    for index in statements:
        rule = lines[index].rule
        blank_since_statement = any(lines[j].kind is LineKind.BLANK for j in range(previous + 1, index))
        previous = index
        if rule in ("step", "phase"):
            step_open, action_open, flow_level = rule == "step", False, None
        elif rule == "item":
            action_open = action_open or lines[index].tokens[0] != "evidence"
            flow_level = None if lines[index].tokens[0] != "evidence" else flow_level
            levels[index] = LEVELS[rule]
        elif rule == ONLY and flow_level is not None:
            levels[index] = flow_level + 1
        elif rule in STEP_OR_ACTION:
            levels[index] = 2 if action_open else 1
        elif rule == "flow":
            if index > last_non_flow and blank_since_statement:
                step_open = False  # the closing block of flows between steps
            levels[index] = LEVELS["flow"] if step_open else 0
            flow_level = levels[index]
        else:
            levels[index] = LEVELS.get(rule, 0)
            if rule == "item" and lines[index].tokens[0] != "evidence":
                action_open = True
    # A full-line comment is indented like the statement it introduces.
    following = 0
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].kind is LineKind.STATEMENT:
            following = levels[index]
        elif lines[index].kind is LineKind.COMMENT:
            levels[index] = following
    return levels


def _blank_line_before(lines: Sequence[RawLine]) -> list[bool]:
    """True where a blank line must come first: a `step` or `phase`, or the
    first of the comment lines written directly above one."""
    wanted = [False] * len(lines)
    for index, line in enumerate(lines):
        if line.kind is not LineKind.STATEMENT or line.rule not in _OPENS_A_COLUMN:
            continue
        start = index
        while start > 0 and lines[start - 1].kind is LineKind.COMMENT:
            start -= 1
        wanted[start] = True
    return wanted
