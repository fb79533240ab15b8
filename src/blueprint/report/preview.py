"""What the live preview (`blueprint watch`) says about the file it shows:
the headline of each state, in the terminal and over the page, and the
problems that are not diagnostics. Diagnostics themselves are reported as
`blueprint check` reports them (blueprint.report.render_report)."""

from __future__ import annotations

from blueprint.report.table import plural

_KEEPS = "; the page keeps the last good drawing"


def serving(name: str, url: str) -> str:
    return f"Serving {name} at {url} (Ctrl-C to stop)"


STOPPED = "Stopped."


def cannot_read(name: str, error: OSError) -> str:
    return f"cannot read {name}: {error.strerror or str(error)}"


def could_not_draw(name: str, error: Exception) -> str:
    return f"could not draw {name}: {error}"


def unreadable_headline(name: str, kept: bool) -> str:
    return f"{name} cannot be read{_KEEPS if kept else ''}"


def errors_headline(name: str, errors: int, kept: bool) -> str:
    return f"{name} has {plural(errors, 'error')}{_KEEPS if kept else ''}"


def undrawable_headline(name: str, kept: bool) -> str:
    return f"{name} could not be drawn{_KEEPS if kept else ''}"


def drawn_headline(name: str, warnings: int) -> str:
    return f"{name}: {plural(warnings, 'warning')}" if warnings else f"{name}: drawn"
