"""BP215, BP216: decisions (`decision`) and their branches, the flows that leave them."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, declare
from blueprint.model.types import Blueprint
from blueprint.validate.registry import rule

_STEP = ('step review "Review"\n  onstage submit "Officer submits the file"\n  backstage check "Underwriter decides"\n'
         '    decision "Approve?"\n  onstage offer "Offers the loan"\n  onstage decline "Explains the refusal"\n'
         '  submit -> check\n')

TOO_FEW_BRANCHES = declare(
    code="BP215",
    name="too-few-branches",
    level=Level.ERROR,
    summary="A decision has fewer than two branches (flows that leave its action).",
    why="A decision is where the process takes one of several ways; with one way out it is an ordinary action, and a missing branch is usually the path nobody designed (the refusal, the missing document).",
    bad=EXAMPLE_HEAD + _STEP + '  check -> offer "approved"\n',
    good=EXAMPLE_HEAD + _STEP + '  check -> offer "approved"\n  check -> decline "declined"\n',
)

UNLABELLED_BRANCH = declare(
    code="BP216",
    name="unlabelled-branch",
    level=Level.ERROR,
    summary="A flow that leaves a decision has no label.",
    why="The label says when the process takes that branch (approved, declined, documents missing); without it the reader cannot tell the branches apart.",
    bad=EXAMPLE_HEAD + _STEP + '  check -> offer "approved"\n  check -> decline\n',
    good=EXAMPLE_HEAD + _STEP + '  check -> offer "approved"\n  check -> decline "declined"\n',
)


@rule(TOO_FEW_BRANCHES, UNLABELLED_BRANCH)
def decision_branches(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for action in blueprint.actions():
        if action.decision is None:
            continue
        branches = blueprint.branches(action.id)
        if len(branches) < 2:
            found = "no flow leaves it" if not branches else f"only one flow leaves it, to '{branches[0].target}'"
            yield TOO_FEW_BRANCHES.at(
                blueprint.source_name,
                action.decision.span,
                f"found a decision at the action '{action.id}', but {found}",
                hint=f'write a labelled flow for each way out, e.g. {action.id} -> OTHER_ACTION "declined"',
            )
        for flow in branches:
            if flow.label is None:
                yield UNLABELLED_BRANCH.at(
                    blueprint.source_name,
                    flow.target_span,
                    f"found the branch {action.id} -> {flow.target} of a decision without a label",
                    hint=f'say when the process goes this way: {action.id} -> {flow.target} "…"',
                )
