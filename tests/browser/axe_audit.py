"""axe-core, the accessibility rule engine, run inside a page of the test browser.

The engine is vendored (tests/browser/axe/axe.min.js, axe-core 4.14.1 from
the npm registry, MPL-2.0, licence header kept) so that no test downloads
anything. It is evaluated through the DevTools protocol, which the page's
Content-Security-Policy does not govern, and asked for the WCAG 2.0, 2.1
and 2.2 rules of levels A and AA.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from tests.browser.cdp import Page

AXE = Path(__file__).parent / "axe" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")


@cache
def _engine() -> str:
    return AXE.read_text(encoding="utf-8")


def violations(page: Page, context: str = "document") -> list[dict[str, Any]]:
    """What axe finds wrong on the open page (within `context`, a JS
    expression), each as its rule, impact and the elements concerned."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_engine() + ";true")
    options = {"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}, "resultTypes": ["violations"]}
    found = page.evaluate(
        f"axe.run({context}, {json.dumps(options)}).then(r => r.violations.map(v => ({{"
        " id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})))"
    )
    return found


def readable(found: list[dict[str, Any]]) -> str:
    lines = []
    for violation in found:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node['target']}: {node['summary']}" for node in violation["nodes"])
    return "\n".join(lines)
