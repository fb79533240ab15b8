"""Durations as written in .bp files: `30s`, `5min`, `2h`, `1d`, `1h30min`."""

from __future__ import annotations

import re

from blueprint.diagnostics import Choices, Text
from blueprint.model.codes import DURATION_TOO_LONG
from blueprint.parse.codes import BAD_DURATION

UNIT_SECONDS = {"s": 1, "min": 60, "h": 3600, "d": 86400}
# No step of a service takes longer than a year: a longer duration is a slip
# (a unit, a digit too many), and a bound keeps every sum of durations finite.
MAX_DAYS = 366
MAX_SECONDS = MAX_DAYS * UNIT_SECONDS["d"]
_PART = re.compile(r"(\d+(?:\.\d+)?)([^\W\d_]*)")


class DurationError(ValueError):
    """What is wrong with a duration, as the texts a diagnostic shows (see blueprint.diagnostics.texts)."""

    def __init__(self, message: Text, hint: Text) -> None:
        super().__init__(message.worded())
        self.message = message
        self.hint = hint


class DurationTooLong(DurationError):
    """A well-written duration longer than MAX_SECONDS."""


def parse_duration(text: str) -> float:
    """Seconds in `text`; raises DurationError saying what is wrong."""
    seconds = 0.0
    seen: set[str] = set()
    position = 0
    for match in _PART.finditer(text):
        if match.start() != position:
            break
        number, unit = match.groups()
        position = match.end()
        if unit not in UNIT_SECONDS:
            if not unit:
                raise DurationError(BAD_DURATION.text("no_unit", written=text),
                                    BAD_DURATION.text("add_unit", fixed=Choices((f"{number}min", f"{number}h",
                                                                                 f"{number}d"))))
            raise DurationError(
                BAD_DURATION.text("unit", unit=unit, written=text, units=Choices(("s", "min", "h", "d"))),
                BAD_DURATION.text("write", fixed=f"{number}{_closest_unit(unit)}"),
            )
        if unit in seen:
            raise DurationError(BAD_DURATION.text("twice", unit=unit, written=text), BAD_DURATION.text("once"))
        seen.add(unit)
        seconds += float(number) * UNIT_SECONDS[unit]
    if position != len(text) or not seen:
        raise DurationError(BAD_DURATION.text("not_duration", written=text), BAD_DURATION.text("examples"))
    if seconds > MAX_SECONDS:  # also a number too large for a float, read as infinity
        raise DurationTooLong(DURATION_TOO_LONG.text("long", written=shortened(text), days=MAX_DAYS),
                              DURATION_TOO_LONG.text("check"))
    return seconds


def shortened(text: str, keep: int = 24) -> str:
    """`text` as a message quotes it: a runaway number cut down to its start."""
    return text if len(text) <= keep else f"{text[:keep]}… ({len(text)} characters)"


def _closest_unit(unit: str) -> str:
    lowered = unit.lower()
    for prefix, canonical in (("mi", "min"), ("m", "min"), ("s", "s"), ("h", "h"), ("d", "d"), ("分", "min"), ("小时", "h"), ("秒", "s"), ("天", "d")):
        if lowered.startswith(prefix):
            return canonical
    return "min"


def format_seconds(seconds: float) -> str:
    """The shortest canonical spelling: 5400 → `1h30min`."""
    if seconds <= 0:
        return "0min"
    parts: list[str] = []
    remaining = round(seconds)
    for unit in ("d", "h", "min", "s"):
        size = UNIT_SECONDS[unit]
        count, remaining = divmod(remaining, size)
        if count:
            parts.append(f"{count}{unit}")
    # Under half a second rounds to nothing: shown as it is, never as "".
    return "".join(parts) or f"{seconds:g}s"
