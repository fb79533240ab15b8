"""Which findings wait until other mistakes are fixed.

A line that cannot be read is dropped, and with it perhaps the action or
flow that the rest of the file refers to: findings such a drop can cause are
held back until the broken line is fixed, so that one typo does not show as
a screenful of errors. Only mistakes that drop a statement hold them back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from blueprint.diagnostics import Diagnostic
from blueprint.model.codes import MISPLACED_STATEMENT, UNKNOWN_LANE
from blueprint.parse.codes import UNEXPECTED_TOKEN, UNTERMINATED_STRING
from blueprint.validate.meaning import EMPTY_STEP
from blueprint.validate.practice import SKIPS_VISIBILITY, UNCONNECTED_SUPPORT
from blueprint.validate.references import FLOW_TO_STEP, UNKNOWN_FLOW_ENDPOINT, UNKNOWN_RECOVERY
from blueprint.validate.scenario_paths import STRANDED_IN_SCENARIO
from blueprint.validate.scenarios import FLOW_OUTSIDE_SCENARIO, NO_SCENARIOS, UNKNOWN_SCENARIO

_DROPS_A_STATEMENT = frozenset(
    code.code for code in (UNEXPECTED_TOKEN, UNTERMINATED_STRING, UNKNOWN_LANE, MISPLACED_STATEMENT)
)
_FOLLOW_ON = frozenset(
    code.code
    for code in (UNKNOWN_FLOW_ENDPOINT, UNKNOWN_RECOVERY, EMPTY_STEP, FLOW_TO_STEP, SKIPS_VISIBILITY, UNCONNECTED_SUPPORT)
)
# A dropped `scenario` line leaves its `only` lines naming nothing; a dropped
# step, action or flow line can leave another part of a scenario without its path.
_FOLLOW_ON |= frozenset(code.code for code in (UNKNOWN_SCENARIO, NO_SCENARIOS, FLOW_OUTSIDE_SCENARIO,
                                               STRANDED_IN_SCENARIO))


def without_follow_ons(findings: Sequence[Diagnostic], earlier: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The validator's `findings`, less those a statement dropped for one of
    the `earlier` diagnostics (the parser's and the builder's) may cause."""
    if any(d.code in _DROPS_A_STATEMENT for d in earlier):
        return [d for d in findings if d.code not in _FOLLOW_ON]
    return list(findings)
