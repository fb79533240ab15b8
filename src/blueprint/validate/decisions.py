"""BP215, BP216: decisions (`decision`) and their branches, the flows that leave them."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, Say, declare
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
    says={
        "few": Say(en="found a decision at the action '{action}', but {found}",
                   zh="行为“{action}”是决策点，但{found}",
                   zh_hant="行為「{action}」是決策點，但{found}"),
        "none": Say(en="no flow leaves it", zh="没有任何连线从它出发", zh_hant="沒有任何連線從它出發"),
        "one": Say(en="only one flow leaves it, to '{target}'", zh="只有一条连线从它出发，通往“{target}”",
                   zh_hant="只有一條連線從它出發，通往「{target}」"),
        "each_way": Say(en='write a labelled flow for each way out, e.g. {action} -> OTHER_ACTION "declined"',
                        zh='为每个去向写一条带标签的连线，如 {action} -> OTHER_ACTION "拒绝"',
                        zh_hant='為每個去向寫一條帶標籤的連線，如 {action} -> OTHER_ACTION "拒絕"'),
    },
)

UNLABELLED_BRANCH = declare(
    code="BP216",
    name="unlabelled-branch",
    level=Level.ERROR,
    summary="A flow that leaves a decision has no label.",
    why="The label says when the process takes that branch (approved, declined, documents missing); without it the reader cannot tell the branches apart.",
    bad=EXAMPLE_HEAD + _STEP + '  check -> offer "approved"\n  check -> decline\n',
    good=EXAMPLE_HEAD + _STEP + '  check -> offer "approved"\n  check -> decline "declined"\n',
    says={
        "unlabelled": Say(en="found the branch {action} -> {target} of a decision without a label",
                          zh="决策的分支 {action} -> {target} 没有标签",
                          zh_hant="決策的分支 {action} -> {target} 沒有標籤"),
        "say_when": Say(en='say when the process goes this way: {action} -> {target} "…"',
                        zh='写明流程何时走这条分支：{action} -> {target} "…"',
                        zh_hant='寫明流程何時走這條分支：{action} -> {target} "…"'),
    },
)


@rule(TOO_FEW_BRANCHES, UNLABELLED_BRANCH)
def decision_branches(blueprint: Blueprint) -> Iterator[Diagnostic]:
    for action in blueprint.actions():
        if action.decision is None:
            continue
        branches = blueprint.branches(action.id)
        if len(branches) < 2:
            found = (TOO_FEW_BRANCHES.text("none") if not branches
                     else TOO_FEW_BRANCHES.text("one", target=branches[0].target))
            yield TOO_FEW_BRANCHES.at(
                blueprint.source_name,
                action.decision.span,
                TOO_FEW_BRANCHES.text("few", action=action.id, found=found),
                hint=TOO_FEW_BRANCHES.text("each_way", action=action.id),
            )
        for flow in branches:
            if flow.label is None:
                yield UNLABELLED_BRANCH.at(
                    blueprint.source_name,
                    flow.target_span,
                    UNLABELLED_BRANCH.text("unlabelled", action=action.id, target=flow.target),
                    hint=UNLABELLED_BRANCH.text("say_when", action=action.id, target=flow.target),
                )
