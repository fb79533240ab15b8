"""Model stage: statements in, a typed Blueprint out."""

from blueprint.model.build import build

from blueprint.model.types import (
    ACTION_LANES,
    Action,
    Blueprint,
    Cost,
    Duration,
    DurationRange,
    Evidence,
    FailPoint,
    Flow,
    FlowKind,
    Language,
    Lane,
    Line,
    Link,
    Phase,
    Severity,
    State,
    Step,
    WaitPoint,
)

__all__ = [
    "build",
    "ACTION_LANES",
    "Action",
    "Blueprint",
    "Cost",
    "Duration",
    "DurationRange",
    "Evidence",
    "FailPoint",
    "Flow",
    "FlowKind",
    "Language",
    "Lane",
    "Line",
    "Link",
    "Phase",
    "Severity",
    "State",
    "Step",
    "WaitPoint",
]
