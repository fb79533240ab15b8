"""What an embedded drawing shows: the full blueprint or its overview, of
every scenario or of one alone.

One value carries that choice from a page's options (a Markdown fence, an
image reference's attributes, a Sphinx directive) to the drawing and to its
cache key, so that a new choice is a field here rather than one more argument
through every integration.
"""

from __future__ import annotations

from dataclasses import dataclass

from blueprint.api import CheckResult, UnknownScenario, render_overview, render_result
from blueprint.vocabulary import DEFAULT_VIEW, SCENARIO_ID, SCENARIO_ID_SHAPE, VIEWS


class BadDrawnOption(ValueError):
    """A view or scenario option a page gives that names no drawing; its
    message is what the page and the build log show."""


@dataclass(frozen=True)
class Drawn:
    """The full drawing (`view="full"`) or the overview, of every scenario
    (`scenario=None`) or of the one whose ID `scenario` is. Raises
    BadDrawnOption for a view or an ID that cannot be one; whether the
    blueprint declares the scenario is known only when it is drawn."""

    view: str = DEFAULT_VIEW
    scenario: str | None = None

    def __post_init__(self) -> None:
        if self.view not in VIEWS:
            raise BadDrawnOption(unknown_view(self.view))
        if self.scenario is not None and not SCENARIO_ID.fullmatch(self.scenario):
            raise BadDrawnOption(not_a_scenario_id(self.scenario))

    @property
    def key_parts(self) -> tuple[str, ...]:
        """What this choice adds to a drawing's cache key: nothing for the
        full drawing of every scenario, so that the drawings cached before
        views and scenarios existed stay found."""
        view = () if self.view == DEFAULT_VIEW else (self.view,)
        return view + (() if self.scenario is None else (f"scenario={self.scenario}",))

    def svg(self, result: CheckResult, theme: str, fonts: str, detail_links: bool = False) -> str:
        """The SVG of `result` (checked, without errors) as chosen, in `theme`
        with `fonts` as `blueprint render --fonts`; `detail_links` links the
        detail tags of a full drawing (an overview has none). Raises
        UnknownScenario when the blueprint does not declare the scenario."""
        if self.view == "overview":
            return render_overview(result, "svg", theme, fonts, self.scenario).decode("utf-8")
        return render_result(result, "svg", theme, fonts, self.scenario, detail_links=detail_links).decode("utf-8")


def unknown_view(view: str) -> str:
    return f"unknown view {view!r}; expected {' or '.join(VIEWS)}"


def not_a_scenario_id(scenario: str) -> str:
    if not scenario.strip():
        return f"the scenario option names no scenario; give a scenario ID ({SCENARIO_ID_SHAPE})"
    return f"{scenario!r} is not a scenario ID ({SCENARIO_ID_SHAPE})"


def undeclared_scenario(error: UnknownScenario, name: str) -> str:
    """What a page says when it asks `name` for a scenario it does not declare."""
    declared = f"it declares: {', '.join(error.declared)}" if error.declared else "it declares none"
    return f"no scenario '{error.scenario}' in {name}; {declared}"
