"""What scenarios add to the drawing of a whole blueprint: a tag on every
card and a note on every arrow that belongs to only some scenarios, letters
(A, B, …) in the order the scenarios are declared, which the legend spells
out. What belongs to every scenario carries no tag."""

from __future__ import annotations

from string import ascii_uppercase

from blueprint.layout import style
from blueprint.layout.measure import TextMeasurer
from blueprint.layout.text import line
from blueprint.model.projection import flow_scenarios, memberships, scenario_index
from blueprint.model.types import Blueprint
from blueprint.scene import Detail, Marker, ScenarioEntry
from blueprint.words import WORDS

TAG_SIZE = style.SMALLEST_SIZE
TAG_JOIN = "·"


def _letter(index: int) -> str:
    """A, B, … Z, then AA, AB, …: a tag for however many scenarios a file declares."""
    word = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        word = ascii_uppercase[rest] + word
    return word


class ScenarioTags:
    """The scenarios of each step, action and flow that belongs to only some (`parts` by step or
    action ID, `flows` by index), and their tags."""

    def __init__(self, blueprint: Blueprint) -> None:
        self.blueprint = blueprint
        index = scenario_index(blueprint)
        every = tuple(index)
        self.letters = {scenario: _letter(number) for number, scenario in enumerate(index)}
        present = memberships(blueprint) if every else {}
        self.parts = {part: found for part, found in present.items() if found != every}
        self.flows = [found if (found := flow_scenarios(blueprint, flow, present)) != every else ()
                      for flow in blueprint.flows] if every else [() for _ in blueprint.flows]
        # A flow its ends do not explain: marked for fewer scenarios than both its ends are in.
        self.narrower = {number: self.tag(found) for number, (flow, found) in enumerate(zip(blueprint.flows, self.flows))
                         if found and set(found) != set(present.get(flow.source, every)) & set(present.get(flow.target, every))}

    def flow_label(self, number: int, label: str | None) -> str | None:
        """A flow's label as drawn: with its tag when its ends do not say its scenarios."""
        tag = self.narrower.get(number)
        if tag is None:
            return label
        return f"{label} [{tag}]" if label else f"[{tag}]"

    def tag(self, scenarios: tuple[str, ...]) -> str:
        """The tag of a part that belongs to `scenarios`: their letters, A·C."""
        return TAG_JOIN.join(self.letters[scenario] for scenario in scenarios)

    def entries(self) -> tuple[ScenarioEntry, ...]:
        return tuple(ScenarioEntry(id=scenario.id, label=scenario.label, tag=self.letters[scenario.id],
                                   segment=scenario.segment)
                     for scenario in scenario_index(self.blueprint).values())

    def detail(self, scenarios: tuple[str, ...]) -> list[Detail]:
        """What a card's details say of its scenarios: the labels of those it belongs to."""
        if not scenarios:
            return []
        w = WORDS[self.blueprint.lang]
        index = scenario_index(self.blueprint)
        labels = str(w["sep"]).join(f"{self.letters[s]} {index[s].label}" for s in scenarios)
        return [Detail(key=str(w["scenario_only"]), value=labels)]


def scenario_tag(measurer: TextMeasurer, text: str, action: str | None, x: float, y: float) -> Marker:
    """The tag that names the scenarios of a card: their letters in a small box with cut corners."""
    width = max(style.MARKER_H, measurer.width(text, TAG_SIZE, True) + 8)
    size = style.MARKER_H
    label = line(measurer, "marker-text", text, x + width / 2, y + size / 2 + TAG_SIZE * 0.36, TAG_SIZE, bold=True,
                 anchor="middle")
    return Marker(kind="scenario", number=0, action=action, x=x, y=y, width=round(width, 2), height=size,
                  label=label)
