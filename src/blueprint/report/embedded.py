"""Diagnostics as the documentation integrations report them: one line each
for a build log, and the text of the box a page shows in place of a
blueprint it cannot draw.

The Markdown/MkDocs integration and the Sphinx directive say the same things
in the form each tool's users know: MkDocs logs `file:line:col: level[code]:
message`, with the full report in the box; Sphinx puts the location in its
own prefix and lists the errors, with their hints, in the box.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from blueprint.diagnostics import Diagnostic
from blueprint.report.diagnostics import format_diagnostic, headline, location
from blueprint.report.table import plural
from blueprint.source import Source


def log_line(diagnostic: Diagnostic, drawn_in: str | None = None) -> str:
    """`level[code]: message`, and where the blueprint is drawn when that is
    not where it is written (a .bp file referenced from a page)."""
    return headline(diagnostic) + (f" (drawn in {drawn_in})" if drawn_in else "")


def log_line_with_hint(diagnostic: Diagnostic) -> str:
    """`blueprint level[code]: message (hint: ...)`, for a log that gives the location itself."""
    hint = f" (hint: {diagnostic.hint})" if diagnostic.hint else ""
    return f"blueprint {headline(diagnostic)}{hint}"


def box_summary(name: str, errors: Sequence[Diagnostic]) -> str:
    """The first error at its place, and how many more there are."""
    if not errors:  # nothing to draw without an error: an empty or undecodable file
        return f"{name}: nothing to draw"
    first = errors[0]
    summary = f"{location(first)}: {first.message}"
    if len(errors) > 1:
        summary += f" (and {plural(len(errors) - 1, 'more error', 'more errors')})"
    return summary


def box_details(diagnostics: Sequence[Diagnostic], source: Source | None) -> str:
    """Every diagnostic as `blueprint check` prints it, without colour."""
    return "\n\n".join(format_diagnostic(d, source) for d in diagnostics)


def box_count(name: str, errors: int) -> str:
    return f"{name} has {plural(errors, 'error')}."


def box_lines(errors: Sequence[Diagnostic], where: Callable[[Diagnostic], str]) -> str:
    """One line for each error at `where(error)`, its hint on the next."""
    return "\n".join(f"{where(d)}: {headline(d)}" + (f"\n  hint: {d.hint}" if d.hint else "") for d in errors)
