"""The words scenarios add to a drawing and its page, in every language
(merged into blueprint.words.WORDS)."""

from __future__ import annotations

from blueprint.vocabulary import Language

SCENARIO_WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "scenario": "Scenario",
        "scenarios": "Scenarios",
        "show_scenario": "Show a scenario",
        "all_scenarios": "All scenarios",
        "legend_scenario_every": "No scenario tag: in every scenario",
        "scenario_only": "Only in",
        "scenario_segment": "segment",
        "scenario_main": "the main one",
    },
    Language.ZH: {
        "scenario": "场景",
        "scenarios": "场景",
        "show_scenario": "显示场景",
        "all_scenarios": "全部场景",
        "legend_scenario_every": "无场景标签：属于所有场景",
        "scenario_only": "仅在",
        "scenario_segment": "客群",
        "scenario_main": "主场景",
    },
    Language.ZH_HANT: {
        "scenario": "情境",
        "scenarios": "情境",
        "show_scenario": "顯示情境",
        "all_scenarios": "全部情境",
        "legend_scenario_every": "無情境標籤：屬於所有情境",
        "scenario_only": "僅在",
        "scenario_segment": "客群",
        "scenario_main": "主情境",
    },
}

# The name `diff` and a comparison drawing give a changed `only` line.
SCENARIO_CHANGE_FIELDS: dict[Language, dict[str, str]] = {
    Language.EN: {"only": "scenarios"},
    Language.ZH: {"only": "场景"},
    Language.ZH_HANT: {"only": "情境"},
}
