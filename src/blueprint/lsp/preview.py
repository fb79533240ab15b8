"""The drawing of the buffer as it stands, for an editor's live preview.

The command `blueprint.renderSvg` answers with the SVG `blueprint render`
would write for the buffer's text, and with the 0-based line of every card:
the SVG names each card by ID (`data-action`, `data-evidence`, `data-step`)
but says nothing of the source, so a preview that jumps to a card's line
looks the ID up in `lines`. A buffer that does not check is not drawn: the
answer says why, and the diagnostics are already in the editor.
"""

from __future__ import annotations

from blueprint.api import RenderError, render_result
from blueprint.lsp.analysis import Analysis
from blueprint.model.types import Blueprint
from blueprint.vocabulary import THEMES

COMMAND = "blueprint.renderSvg"


def card_lines(blueprint: Blueprint) -> dict[str, int]:
    """The 0-based line of every card and step, by the ID the SVG gives it."""
    lines: dict[str, int] = {}
    for step in blueprint.steps:
        lines.setdefault(step.id, step.span.line - 1)
        for number, evidence in enumerate(step.evidence, start=1):
            # The drawing names evidence without an ID after its step, as the layout does.
            lines.setdefault(evidence.id or f"{step.id}.evidence{number}", evidence.span.line - 1)
        for action in step.actions:
            lines.setdefault(action.id, action.span.line - 1)
    return lines


def theme_asked(options: tuple[object, ...], default: str) -> str:
    """The theme a preview asks for in its optional second argument.

    An editor in a dark colour theme asks for `{"theme": "dark"}` so that its
    preview shows the project's own dark drawing; anything else falls back to
    the server's `theme` setting.
    """
    if options and isinstance(options[0], dict) and options[0].get("theme") in THEMES:
        return str(options[0]["theme"])
    return default


def render_svg(analysis: Analysis, theme: str) -> dict[str, object]:
    result = analysis.result
    errors = len(result.errors)
    if not result.ok or result.blueprint is None:
        return {"error": f"{errors} error{'' if errors == 1 else 's'} in {result.name}; fix {'it' if errors == 1 else 'them'} to draw the blueprint"}
    try:
        svg = render_result(result, "svg", theme=theme).decode("utf-8")
    except RenderError as error:
        return {"error": str(error)}
    return {"svg": svg, "lines": card_lines(result.blueprint)}
