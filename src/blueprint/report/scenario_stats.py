"""`stats` for people, per scenario: one row a scenario, the others compared with the main one."""

from __future__ import annotations

from blueprint.analysis.stats import BlueprintStats
from blueprint.analysis.scenario_stats import ScenarioFigures
from blueprint.model.durations import format_seconds
from blueprint.report.table import table


def _more(count: int, difference: int | None) -> str:
    if not difference:
        return str(count)
    return f"{count} ({difference:+d})"


def _wait_difference(seconds: int) -> str:
    if seconds == 0:
        return "0"
    return ("+" if seconds > 0 else "-") + format_seconds(abs(seconds))


def _row(figures: ScenarioFigures) -> list[str]:
    compared = figures.compared_with_main
    wait = figures.customer_wait.text if figures.customer_wait.max_seconds else "-"
    if figures.exceeds_max_wait:
        wait += " (at worst beyond max-wait)"
    if compared is not None and (compared.wait_min_seconds or compared.wait_max_seconds):
        wait += f", {_wait_difference(compared.wait_min_seconds)}..{_wait_difference(compared.wait_max_seconds)}"
    return [
        figures.id + (" (main)" if figures.main else ""),
        _more(figures.steps, compared.steps if compared else None),
        _more(figures.actions, compared.actions if compared else None),
        _more(figures.customer_contacts, compared.customer_contacts if compared else None),
        _more(figures.fail_points, compared.fail_points if compared else None),
        _more(figures.wait_points, compared.wait_points if compared else None),
        wait,
    ]


def scenario_section(stats: BlueprintStats) -> list[str]:
    """The scenarios of a blueprint that declares any; for the figures of one scenario, which it is."""
    if stats.scenario is not None:
        return [f"Scenario: {stats.scenario} (its steps, actions and flows only)"]
    if not stats.scenarios:
        return []
    main = stats.scenarios[0]
    rows = [["Scenario", "Steps", "Actions", "Contacts", "Fail points", "Wait points", "Customer wait"]]
    rows += [_row(figures) for figures in stats.scenarios]
    lines = [f"Scenarios, each compared with the main one ({main.label})", *table(rows, right=frozenset({1, 2, 3, 4, 5}))]
    lines += [f"  {figures.id}: {figures.label}" + (f", segment: {figures.segment}" if figures.segment else "")
              for figures in stats.scenarios]
    return lines
