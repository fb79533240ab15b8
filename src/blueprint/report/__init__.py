"""Report stage: check results in, text for a terminal or a CI system out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from blueprint.report.machine import to_github, to_json, to_sarif
from blueprint.report.diagnostics import format_diagnostic, summary

if TYPE_CHECKING:
    from blueprint.results import CheckResult


def render_report(results: Sequence[CheckResult], output_format: str, color: bool = False, *,
                  docs_url: str | None = None, source_root: Path | None = None, language: str | None = None) -> str:
    """The report of `results` in `output_format`. SARIF alone uses `docs_url`
    (the documentation site, for links to the rules) and `source_root` (the
    folder file locations are relative to); see blueprint.report.machine.
    The closing line is in `language`, by default the language all the
    results' diagnostics are worded in, or English when they differ."""
    diagnostics = [d for result in results for d in result.diagnostics]
    if output_format == "json":
        return to_json([r.name for r in results], diagnostics)
    if output_format == "github":
        return to_github(diagnostics)
    if output_format == "sarif":
        return to_sarif(diagnostics, docs_url, source_root)
    blocks = [format_diagnostic(d, r.source, color) for r in results for d in r.diagnostics]
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    if language is None:
        worded = {result.messages for result in results}
        language = worded.pop() if len(worded) == 1 else "en"
    return "\n\n".join([*blocks, summary(len(results), errors, warnings, language)])

