"""Diagnostics for machines: JSON, GitHub workflow commands and SARIF 2.1.0."""

from __future__ import annotations

import json
from collections.abc import Sequence
from urllib.parse import quote

from blueprint import __version__
from blueprint.catalogue import BY_CODE, CODES
from blueprint.diagnostics import Diagnostic

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def to_json(files: Sequence[str], diagnostics: Sequence[Diagnostic]) -> str:
    records = [
        {
            "file": d.file,
            "line": d.span.line,
            "column": d.span.column,
            "end_line": d.span.end_line,
            "end_column": d.span.end_column,
            "code": d.code,
            "name": BY_CODE[d.code].name,
            "severity": d.level.value,
            "message": d.message,
            "hint": d.hint,
        }
        for d in diagnostics
    ]
    summary = {
        "files": len(files),
        "errors": sum(d.is_error for d in diagnostics),
        "warnings": sum(not d.is_error for d in diagnostics),
    }
    return json.dumps({"version": 1, "diagnostics": records, "summary": summary}, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub Actions workflow commands; each becomes an annotation on the pull request."""
    lines = []
    for d in diagnostics:
        span = d.span
        properties = ",".join(
            [
                f"file={_escape_property(d.file)}",
                f"line={span.line}",
                f"col={span.column}",
                f"endLine={span.end_line}",
                f"endColumn={span.end_column}",
                f"title={_escape_property(d.code + ' ' + BY_CODE[d.code].name)}",
            ]
        )
        message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
        lines.append(f"::{d.level.value} {properties}::{_escape_data(message)}")
    return "\n".join(lines)


def _artifact_uri(name: str) -> str:
    return quote(name.replace("\\", "/").removeprefix("./"), safe="/")


def to_sarif(diagnostics: Sequence[Diagnostic]) -> str:
    rules = [
        {
            "id": code.code,
            "name": code.name,
            "shortDescription": {"text": code.summary},
            "fullDescription": {"text": code.why},
            "defaultConfiguration": {"level": code.level.value, "enabled": code.default_enabled},
            "help": {"text": f"{code.why} See the rule reference (docs/rules.md) for a bad and a good example."},
        }
        for code in CODES
    ]
    index = {code.code: position for position, code in enumerate(CODES)}
    results = []
    for d in diagnostics:
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": d.level.value,
                "message": {"text": message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _artifact_uri(d.file), "uriBaseId": "%SRCROOT%"},
                            "region": {
                                "startLine": d.span.line,
                                "startColumn": d.span.column,
                                "endLine": d.span.end_line,
                                "endColumn": d.span.end_column,
                            },
                        }
                    }
                ],
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "blueprint",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
