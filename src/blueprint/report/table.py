"""Plain-text tables for a terminal, aligned by display width so that Chinese
labels (two columns per character) line up too."""

from __future__ import annotations

from collections.abc import Sequence

from blueprint.report.diagnostics import display_width

GAP = "  "


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def table(rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset(), indent: str = "  ") -> list[str]:
    """Rows as aligned lines; columns in `right` are right-aligned (numbers)."""
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    widths = [max((display_width(row[i]) for row in rows if i < len(row)), default=0) for i in range(columns)]
    lines = []
    for row in rows:
        cells = [_pad(cell, widths[i], i in right) for i, cell in enumerate(row)]
        lines.append((indent + GAP.join(cells)).rstrip())
    return lines


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def and_list(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
