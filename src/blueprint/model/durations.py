"""Durations as written in .bp files: `30s`, `5min`, `2h`, `1d`, `1h30min`."""

from __future__ import annotations

import re

UNIT_SECONDS = {"s": 1, "min": 60, "h": 3600, "d": 86400}
# No step of a service takes longer than a year: a longer duration is a slip
# (a unit, a digit too many), and a bound keeps every sum of durations finite.
MAX_DAYS = 366
MAX_SECONDS = MAX_DAYS * UNIT_SECONDS["d"]
_PART = re.compile(r"(\d+(?:\.\d+)?)([^\W\d_]*)")


class DurationError(ValueError):
    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
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
                raise DurationError(
                    f"found the number '{text}' with no unit", f"add a unit: {number}min, {number}h or {number}d"
                )
            raise DurationError(
                f"found the unit '{unit}' in '{text}'; expected s, min, h or d",
                f"write {number}{_closest_unit(unit)}",
            )
        if unit in seen:
            raise DurationError(f"found the unit '{unit}' twice in '{text}'", "write each unit once, e.g. 1h30min")
        seen.add(unit)
        seconds += float(number) * UNIT_SECONDS[unit]
    if position != len(text) or not seen:
        raise DurationError(f"found '{text}', which is not a duration", "write e.g. 30s, 5min, 2h, 1d or 1h30min")
    if seconds > MAX_SECONDS:  # also a number too large for a float, read as infinity
        raise DurationTooLong(
            f"found the duration '{shortened(text)}', longer than a year; durations go up to {MAX_DAYS}d",
            "check the number and the unit (s, min, h, d)",
        )
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
