"""What `blueprint fmt` reports after a run: one line counting the files it
changed (or would change), left as they were, and could not format; and,
when asked to be brief, one line for each file it could not format."""

from __future__ import annotations

from blueprint.report.table import plural


def formatting_summary(changed: int, unchanged: int, failed: int, dry_run: bool) -> str:
    parts = []
    if changed:
        parts.append(f"{plural(changed, 'file')} {'would be reformatted' if dry_run else 'reformatted'}")
    if unchanged:
        parts.append(f"{plural(unchanged, 'file')} {'already formatted' if dry_run else 'left unchanged'}")
    if failed:
        parts.append(f"{plural(failed, 'file')} not formatted because of errors")
    return ", ".join(parts)


def not_formatted(name: str, errors: int) -> str:
    return f"{name}: not formatted: it has {plural(errors, 'error')} (blueprint check lists them)"
