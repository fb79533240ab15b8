"""The shared vocabulary of stats and diff: time ranges, and which of the
blueprint's lines a flow crosses.

A line lies between two lanes, so a flow crosses it when its two ends lie on
different sides of it: a flow from a customer action to a backstage action
crosses both the line of interaction and the line of visibility. Evidence
holds no actions, so flows never touch it.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, computed_field, field_serializer

from blueprint.model.durations import format_seconds
from blueprint.model.types import Action, Blueprint, DurationRange, Flow, Lane, Line
from blueprint.vocabulary import ACTION_LANES, LINE_ABOVE

# Depth of each action lane, top to bottom; a line lies just above the lane of its depth.
LANE_DEPTH: dict[Lane, int] = {lane: depth for depth, lane in enumerate(ACTION_LANES)}
# A line sits just above its lane: a flow between two lanes crosses the lines between their depths.
LINE_DEPTH: dict[Line, int] = {line: LANE_DEPTH[lane] for lane, line in LINE_ABOVE.items()}


def _number(value: float) -> int | float:
    # 300.0 reads as 300 in JSON; fractions (1.5s) stay as they are.
    return int(value) if float(value).is_integer() else value


class TimeRange(BaseModel):
    """A length of time known to lie between `min_seconds` and `max_seconds`."""

    model_config = ConfigDict(frozen=True)

    min_seconds: float
    max_seconds: float

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """`5min..10min`, or `5min` when both ends are equal."""
        low, high = format_seconds(self.min_seconds), format_seconds(self.max_seconds)
        return low if low == high else f"{low}..{high}"

    @field_serializer("min_seconds", "max_seconds")
    def _whole(self, value: float) -> int | float:
        return _number(value)

    @classmethod
    def zero(cls) -> TimeRange:
        return cls(min_seconds=0, max_seconds=0)

    @classmethod
    def of(cls, duration: DurationRange) -> TimeRange:
        return cls(min_seconds=duration.min.seconds, max_seconds=duration.max.seconds)

    @classmethod
    def total(cls, ranges: Iterable[DurationRange]) -> TimeRange:
        """Ranges one after another: the minima add up, and so do the maxima."""
        ranges = list(ranges)
        return cls(
            min_seconds=sum(r.min.seconds for r in ranges),
            max_seconds=sum(r.max.seconds for r in ranges),
        )


class Length(BaseModel):
    """One length of time, as written and in seconds (max-wait)."""

    model_config = ConfigDict(frozen=True)

    seconds: float
    text: str

    @field_serializer("seconds")
    def _whole(self, value: float) -> int | float:
        return _number(value)


def lines_between(first: Lane, second: Lane) -> tuple[Line, ...]:
    """The lines a flow between these two lanes crosses, top to bottom."""
    low, high = sorted((LANE_DEPTH[first], LANE_DEPTH[second]))
    return tuple(line for line in Line if low < LINE_DEPTH[line] <= high)


def flows_crossing(blueprint: Blueprint) -> dict[Line, list[Flow]]:
    """Each line with the flows that cross it (a flow may cross several)."""
    actions: dict[str, Action] = blueprint.action_index()
    crossing: dict[Line, list[Flow]] = {line: [] for line in Line}
    for flow in blueprint.flows:
        source, target = actions.get(flow.source), actions.get(flow.target)
        if source is None or target is None:
            continue
        for line in lines_between(source.lane, target.lane):
            crossing[line].append(flow)
    return crossing
