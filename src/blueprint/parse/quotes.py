"""Curly quotes where a string is expected: how the line reads with straight ones.

Word processors and Chinese input methods turn `"` into “ ” or 「 」. Inside a
string such a character is text like any other (`"the customer’s card"`); in
place of a string's own quotes it is a mistake the checker explains, and this
module writes the line as it was meant, so that the hint can show it and the
parser can still read the statement.
"""

from __future__ import annotations

from dataclasses import dataclass

# Each opening quote and the closing quote that pairs with it.
PAIRS: dict[str, str] = {"\u201c": "\u201d", "\u2018": "\u2019", "\u300c": "\u300d"}
CURLY: frozenset[str] = frozenset(PAIRS) | frozenset(PAIRS.values())


@dataclass(frozen=True)
class Straightened:
    """A line with its curly string quotes made straight, and where the first one stood (1-based)."""

    text: str
    column: int
    quote: str


def _straight_string_end(line: str, start: int) -> int | None:
    """The index of the straight quote closing the string opened at `start`."""
    index = start + 1
    while index < len(line):
        if line[index] == "\\":
            index += 2
            continue
        if line[index] == '"':
            return index
        index += 1
    return None


def _first_closer(line: str, start: int) -> int | None:
    found = [index for index in (line.find(closer, start) for closer in PAIRS.values()) if index >= 0]
    return min(found) if found else None


def _curly_string_end(line: str, start: int) -> int | None:
    """Where the string opened by the curly quote at `start` ends: at its own
    closing quote if the line has one (a closing quote used to open, ”…”,
    pairs with itself), else at a straight one ("text” and “text" both occur)."""
    opener = line[start]
    for closer in (PAIRS.get(opener, opener), '"'):
        index = line.find(closer, start + 1)
        if index >= 0:
            return index
    return None


def straightened(line: str) -> Straightened | None:
    """The line with straight quotes around every string written with curly
    ones (a quote inside such a string escaped), or None when no curly quote
    stands in place of a string's quote."""
    parts: list[str] = []
    first: tuple[int, str] | None = None
    index = 0
    while index < len(line):
        char = line[index]
        if char == "#":
            parts.append(line[index:])
            break
        if char == '"':
            end = _straight_string_end(line, index)
            if end is None:
                end = _first_closer(line, index + 1)  # "text” : opened straight, closed curly
                if end is None:
                    parts.append(line[index:])
                    break
                first = first or (end + 1, line[end])
                parts.append(line[index:end] + '"')
            else:
                parts.append(line[index:end + 1])
            index = end + 1
            continue
        if char in CURLY:
            end = _curly_string_end(line, index)
            if end is None:
                return None
            first = first or (index + 1, char)
            body = line[index + 1:end].replace('"', '\\"')
            parts.append(f'"{body}"')
            index = end + 1
            continue
        parts.append(char)
        index += 1
    if first is None:
        return None
    return Straightened(text="".join(parts), column=first[0], quote=first[1])
