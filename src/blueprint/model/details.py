"""`detail "identity-check.bp"`: the blueprint that details the step or
action above. The builder only records the path as written; whether the
file exists, is a blueprint and agrees with its parent is the project
stage's to say (blueprint.project), since it reads other files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blueprint.model.attributes import first_attribute
from blueprint.model.drafts import BlueprintDraft, StepDraft, node
from blueprint.model.practice import first_for_step, step_or_action
from blueprint.model.types import Detail
from blueprint.parse.statements import DetailStatement


def detail(draft: BlueprintDraft, statement: DetailStatement) -> None:
    owner = step_or_action(draft, "detail", statement.span)
    if owner is None:
        return
    if isinstance(owner, StepDraft):
        if not first_for_step(draft, owner, "detail", statement.span):
            return
    elif not first_attribute(draft, owner, "detail", statement.span):
        return
    owner.detail = node(Detail, path=statement.path.text, span=statement.span, path_span=statement.path.span)


HANDLERS: dict[type, Callable[[BlueprintDraft, Any], None]] = {DetailStatement: detail}
