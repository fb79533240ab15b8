"""Diagnostics for machines: JSON, GitHub workflow commands and SARIF 2.1.0."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote, urljoin

from blueprint import __version__
from blueprint.catalogue import BY_CODE, CODES
from blueprint.diagnostics import Code, Diagnostic

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Where the rule reference is in blueprint's documentation site (docs/rules.md
# built by MkDocs), relative to the site's address: the one place SARIF's
# links to the rules are made from.
RULES_PAGE = "rules/"


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


def _artifact_location(name: str, source_root: Path | None) -> dict[str, str]:
    """Where a file is: relative to %SRCROOT% (the folder the check ran in),
    which code-scanning services map onto the repository, or, for an absolute
    path outside it, as a file: URI of its own."""
    path = Path(os.path.normpath(name))
    if not path.is_absolute():
        return {"uri": _artifact_uri(name), "uriBaseId": "%SRCROOT%"}
    if source_root is not None:
        for inside, root in ((path, source_root), (path.resolve(), source_root.resolve())):
            if inside.is_relative_to(root):
                return {"uri": _artifact_uri(inside.relative_to(root).as_posix()), "uriBaseId": "%SRCROOT%"}
    return {"uri": path.as_uri()}


def rule_anchor(code: Code) -> str:
    """The anchor of a rule's section in the rule reference (`## BP302 wait-exceeds-promise`)."""
    return f"{code.code.lower()}-{code.name}"


def rule_url(code: Code, docs_url: str) -> str:
    """The address of a rule's section in the rule reference of the site at `docs_url`."""
    return urljoin(docs_url, RULES_PAGE) + "#" + rule_anchor(code)


def _rule(code: Code, docs_url: str | None) -> dict:
    rule = {
        "id": code.code,
        "name": code.name,
        "shortDescription": {"text": code.summary},
        "fullDescription": {"text": code.why},
        "defaultConfiguration": {"level": code.level.value, "enabled": code.default_enabled},
        "help": {"text": code.why},
    }
    if docs_url is not None:
        rule["helpUri"] = rule_url(code, docs_url)
    return rule


def to_sarif(diagnostics: Sequence[Diagnostic], docs_url: str | None = None, source_root: Path | None = None) -> str:
    """A SARIF 2.1.0 log of `diagnostics`.

    `docs_url`, the absolute address of blueprint's documentation site, gives
    the tool and each rule their links; SARIF takes only absolute addresses
    there, so without it the log has none. `source_root` is the folder that
    %SRCROOT% stands for: absolute file paths under it are written relative to it.
    """
    rules = [_rule(code, docs_url) for code in CODES]
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
                            "artifactLocation": _artifact_location(d.file, source_root),
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
    driver = {"name": "blueprint", "version": __version__}
    if docs_url is not None:
        driver["informationUri"] = docs_url
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {**driver, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
