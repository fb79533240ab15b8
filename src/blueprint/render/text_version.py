"""The text version of a drawing: what it shows, in words, for every reader.

A screen reader cannot read a picture, and a keyboard cannot follow a line
from card to card; the text version says the same as the drawing in the
order a person reads a blueprint: phases, steps in order, the lanes of each
step, and in each lane its actions and evidence with their facts (duration,
cost, fail points with severity and recovery, wait points against the
promise, notes, links) and the flows that enter and leave them.

It is built from the scene alone (the columns, lanes, cards, flows and the
fail and wait lists the layout put there), as a small tree of entries that
each renderer writes its own way: the HTML page as headings and nested lists,
the SVG as indented lines in its <desc> (which a documentation page turns
back into lists, see blueprint.integrations.figure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from blueprint.render.links import safe_link
from blueprint.scene import Arrow, Card, Column, NoteEntry, Scene
from blueprint.vocabulary import Language
from blueprint.words import WORDS

INDENT = "  "  # one level of the plain text, as the <desc> carries it
_POINT_KEY = re.compile(r"(?:^|\s)([FW])(\d+)$")
_SPACES = re.compile(r"\s+")


@dataclass
class Entry:
    """One line of the text version and the entries under it. `card` names
    the card a line describes (the HTML page points the card there), `links`
    are the web links to write as links."""

    kind: str  # scenarios, phase, step, lane, card, fact or removed
    text: str
    children: list[Entry] = field(default_factory=list)
    card: str | None = None
    links: tuple[str, ...] = ()


def outline(scene: Scene) -> list[Entry]:
    """The text version as a tree: phases (when the blueprint has any) hold
    steps, steps hold lanes, lanes hold cards, cards hold their facts and flows.
    An overview drawing's text version is its columns: a phase each, with its
    steps, key steps and figures."""
    if scene.overview:
        return _overview_outline(scene)
    w = WORDS[Language(scene.lang)]
    lanes = {**{lane.value: name for lane, name in w["lanes"].items()},  # type: ignore[union-attr]
             **{band.lane: band.label for band in scene.lanes}}
    order = {band.lane: index for index, band in enumerate(scene.lanes)}
    columns = {column.step: column for column in scene.columns}
    cards = {card.id: card for card in scene.cards}
    # A scene made by hand may leave out its columns: its cards' steps stand in.
    known = set(columns)
    extra = [Column(step=step, label=step, phase=None, x=0, width=0)
             for step in dict.fromkeys(card.step for card in scene.cards) if step not in known]
    every = (*scene.columns, *extra)
    steps = [_step(scene, column, index, len(every), cards, columns, lanes, order, w)
             for index, column in enumerate(every)]
    entries: list[Entry] = _scenarios(scene, w)
    phase: Entry | None = None
    for column, step in zip(every, steps):
        if column.phase is None:
            phase = None
            entries.append(step)
            continue
        # A phase spans the steps that follow it until the next phase begins.
        if phase is None or phase.text != _phase_text(column.phase, w):
            phase = Entry("phase", _phase_text(column.phase, w), _phase_facts(scene, column.phase, w))
            entries.append(phase)
        phase.children.append(step)
    if scene.removed:
        entries.append(Entry("removed", w["removed_items"], [Entry("fact", item.label) for item in scene.removed]))  # type: ignore[arg-type]
    return entries


def _overview_outline(scene: Scene) -> list[Entry]:
    w = WORDS[Language(scene.lang)]
    total = len(scene.overview)
    entries = []
    for index, phase in enumerate(scene.overview):
        facts = [Entry("fact", f"{w['n_steps']}{w['colon']}{w['list_join'].join(phase.steps)}")]
        keys = f"{w['key_steps']}{w['colon']}{w['list_join'].join(phase.key_steps)}"
        facts.append(Entry("fact", keys if phase.key_steps else w["overview_no_key"]))
        fails = [f"{phase.fails}"] if phase.fails else [w["overview_none"]]
        if phase.fails:
            fails.append(w["overview_worst"].format(severity=w[phase.worst]) if phase.worst else w["overview_unrated"])
        facts.append(Entry("fact", f"{w['overview_fails']}{w['colon']}{w['sep'].join(fails)}"))
        waits = [f"{phase.waits}"] if phase.waits else [w["overview_none"]]
        if phase.longest:
            waits.append(w["overview_longest"].format(duration=phase.longest))
        if phase.beyond and scene.max_wait:
            waits.append(w["overview_beyond"].format(n=phase.beyond, limit=scene.max_wait))
        facts.append(Entry("fact", f"{w['overview_waits']}{w['colon']}{w['sep'].join(waits)}"))
        if phase.lowest_emotion is not None:
            score = phase.lowest_emotion
            sign = f"+{score}" if score > 0 else str(score)
            feeling = f"{sign} {w['emotion_words'][score]}"  # type: ignore[index]
            facts.append(Entry("fact", f"{w['overview_lowest_emotion']}{w['colon']}{feeling}"))
        text = w["overview_phase_of"].format(n=index + 1, total=total, label=phase.label)
        entries.append(Entry("phase", text, facts))
    return entries


def _scenarios(scene: Scene, w: dict[str, Any]) -> list[Entry]:
    """The scenarios a drawing shows, each with its tag, the first the main one,
    and what carries no tag."""
    if not scene.scenarios:
        return []
    facts = []
    for index, scenario in enumerate(scene.scenarios):
        parts = [f"{scenario.tag} {scenario.label}"]
        if scenario.segment:
            parts.append(f"{w['scenario_segment']}{w['colon']}{scenario.segment}")
        if index == 0:
            parts.append(w["scenario_main"])
        facts.append(Entry("fact", w["sep"].join(parts)))
    facts.append(Entry("fact", w["legend_scenario_every"]))
    return [Entry("scenarios", w["scenarios"], facts)]


def _note_fact(note: NoteEntry, w: dict[str, Any]) -> Entry:
    """A research note: its kind (and severity or impact) in words, then its text."""
    kind = str(w[f"note_{note.kind}"]).capitalize()
    scale = w["severity"] if note.kind == "pain" else w["impact"]
    rating = f"{w['open']}{scale}{w['colon']}{w[note.rating]}{w['close']}" if note.rating else ""
    return Entry("fact", f"{kind}{rating}{w['colon']}{note.text}")


def _phase_facts(scene: Scene, phase: str, w: dict[str, Any]) -> list[Entry]:
    """What is said of a phase as a whole: its metrics."""
    return [Entry("fact", f"{w['metric']}{w['colon']}{metric.name} {metric.value}".rstrip())
            for metric in scene.metrics if metric.phase == phase]


def _phase_text(phase: str, w: dict[str, Any]) -> str:
    return f"{w['phase']}{w['colon']}{phase}"


def _step(scene: Scene, column: Column, index: int, total: int, cards: dict[str, Card], columns: dict[str, Column],
          lanes: dict[str, str], order: dict[str, int], w: dict[str, Any]) -> Entry:
    text = w["text_step"].format(n=index + 1, total=total, label=column.label)
    in_step = [card for card in scene.cards if card.step == column.step]
    lane_entries = []
    for lane in sorted({card.lane for card in in_step}, key=lambda lane: (order.get(lane, len(order)), lane)):
        here = sorted((card for card in in_step if card.lane == lane), key=lambda card: (card.y, card.x))
        lane_entries.append(Entry("lane", lanes.get(lane, lane),
                                  [_card(scene, card, cards, columns, lanes, w) for card in here]))
    return Entry("step", text, _step_facts(scene, column, w) + lane_entries)


def _step_facts(scene: Scene, column: Column, w: dict[str, Any]) -> list[Entry]:
    """What is said of the step as a whole: its channel, its key mark, the
    customer's emotion and the step's own controls (an action's are among its
    card's facts)."""
    facts = [Entry("fact", f"{w['channel']}{w['colon']}{column.channel_note}")] if column.channel_note else []
    if column.scenarios:
        named = {scenario.id: f"{scenario.tag} {scenario.label}" for scenario in scene.scenarios}
        only = w["sep"].join(named.get(scenario, scenario) for scenario in column.scenarios)
        facts.append(Entry("fact", f"{w['scenario_only']}{w['colon']}{only}"))
    facts += [Entry("fact", f"{w['key_step']} K{key.number}" + (f"{w['colon']}{key.reason}" if key.reason else ""))
              for key in scene.key_list if key.action is None and key.step == column.step]
    for feeling in scene.emotions:
        if feeling.step == column.step:
            words = w["emotion_words"][feeling.score]  # type: ignore[index]
            sign = f"+{feeling.score}" if feeling.score > 0 else str(feeling.score)
            note = f"{w['sep']}{feeling.note}" if feeling.note else ""
            facts.append(Entry("fact", f"{w['emotion']}{w['colon']}{sign} {words}{note}"))
    facts += [Entry("fact", f"{w['metric']}{w['colon']}{metric.name} {metric.value}".rstrip())
              for metric in scene.metrics if metric.step == column.step]
    facts += [_note_fact(note, w) for note in scene.notes if note.step == column.step and note.action is None]
    for control in scene.control_list:
        if control.step == column.step and control.action is None:
            under = w["sep"] + str(w["control_ref"]).format(ref=control.reference) if control.reference else ""
            facts.append(Entry("fact", f"{w['control']} C{control.number}{w['colon']}{control.text}{under}"))
    return facts


def _card(scene: Scene, card: Card, cards: dict[str, Card], columns: dict[str, Column],
          lanes: dict[str, str], w: dict[str, Any]) -> Entry:
    facts: list[Entry] = []
    points = set()
    for fail in scene.fail_list:
        if fail.action == card.id and card.kind == "action":
            points.add(("F", fail.number))
            severity = (f"{w['severity']}{w['colon']}{w[fail.severity]}" if fail.severity in ("low", "medium", "high")
                        else w["not_rated"])
            parts = [fail.description, severity]
            parts.append(f"{w['recovery']}{w['colon']}{fail.recovery}" if fail.recovery else w["no_recovery"])
            facts.append(Entry("fact", f"{w['fail_point']} F{fail.number}{w['colon']}{w['sep'].join(parts)}"))
    for wait in scene.wait_list:
        if wait.action == card.id and card.kind == "action":
            points.add(("W", wait.number))
            parts = [wait.duration]
            if wait.over_limit:
                parts.append(f"{w['beyond']} {scene.max_wait}" if scene.max_wait else w["over_limit"])
            if wait.description:
                parts.append(wait.description)
            facts.append(Entry("fact", f"{w['wait_point']} W{wait.number}{w['colon']}{w['sep'].join(parts)}"))
    details = [Entry("fact", f"{detail.key}{w['colon']}{detail.value}") for detail in card.details
               if _point_named(detail.key) not in points]
    facts.extend(Entry("fact", w["text_recovers"].format(n=tag.number))
                 for tag in scene.recoveries if tag.action == card.id)
    facts += [_note_fact(note, w) for note in scene.notes if note.action == card.id and card.kind == "action"]
    facts = details + facts + _flows(scene.arrows, card, cards, columns, lanes, w)
    links = tuple(link for link in card.links if safe_link(link))
    if links:
        facts.append(Entry("fact", w["links"], links=links))
    return Entry("card", _SPACES.sub(" ", card.label).strip(), facts, card=card.id)


def _flows(arrows: tuple[Arrow, ...], card: Card, cards: dict[str, Card], columns: dict[str, Column],
           lanes: dict[str, str], w: dict[str, Any]) -> list[Entry]:
    entries = []
    for arrow in arrows:
        if card.id not in (arrow.source, arrow.target):
            continue
        outgoing = arrow.source == card.id
        other = cards.get(arrow.target if outgoing else arrow.source)
        if other is None:
            continue
        if arrow.kind == "agreement":
            key = "text_agreement"
        else:
            key = f"text_{arrow.kind}_{'out' if outgoing else 'in'}"
        text = w[key].format(other=_where(other, columns, lanes, w))
        label = " ".join(line.content for line in arrow.label).strip()
        if label:
            text += f"{w['open']}“{label}”{w['close']}"
        entries.append(Entry("fact", text))
    return entries


def _where(card: Card, columns: dict[str, Column], lanes: dict[str, str], w: dict[str, Any]) -> str:
    column = columns.get(card.step)
    step = column.label if column else card.step
    label = _SPACES.sub(" ", card.label).strip()
    return f"{label}{w['open']}{lanes.get(card.lane, card.lane)}{w['sep']}{step}{w['close']}"


def _point_named(key: str) -> tuple[str, int] | None:
    match = _POINT_KEY.search(key)
    return (match.group(1), int(match.group(2))) if match else None


def plain_text(entries: list[Entry], lang: str, depth: int = 0) -> str:
    """The outline as lines, each entry indented by INDENT per level below the
    top; links follow their entry's text, one a line, one level deeper."""
    stop = WORDS[Language(lang)]["stop"]
    lines = []
    for entry in entries:
        # A screen reader runs a description's lines together: each ends as a sentence.
        text = entry.text if not entry.text or entry.text[-1] in ".。!?！？:：" else f"{entry.text}{stop}"
        lines.append(INDENT * depth + text)
        lines.extend(INDENT * (depth + 1) + link for link in entry.links)
        if entry.children:
            lines.append(plain_text(entry.children, lang, depth + 1))
    return "\n".join(lines)


def card_name(card: Card) -> str:
    """The accessible name of a card: what it shows, in the order it shows it
    (a comparison badge, the label as drawn, a decision's question, its
    channel tag and its key, fail and wait marks, its role), so the
    name a voice user speaks is the one they see; when the drawing cuts the
    label short, the full label follows in brackets."""
    drawn = " ".join(line.content.strip() for line in card.lines)
    parts = [card.badge.label.content] if card.badge else []
    parts.append(drawn)
    parts.extend(line.content.strip() for line in card.decision_lines)
    parts.extend(marker.label.content for marker in card.markers)
    if card.role_line is not None:
        parts.append(card.role_line.content.strip())
    name = " ".join(part for part in parts if part)
    label = _SPACES.sub(" ", card.label).strip()
    if _SPACES.sub("", drawn) != _SPACES.sub("", label):
        name += f" ({label})"
    return name


__all__ = ["Entry", "outline", "plain_text", "card_name", "INDENT"]
