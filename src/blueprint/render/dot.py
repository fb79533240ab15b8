"""DOT export: the blueprint's structure as a Graphviz graph, for people who
post-process it with Graphviz tools.

DOT carries structure, not geometry, so the grid is rebuilt from constraints
that `dot` honours. A row of step headers comes first, then one cluster per
lane, top to bottom. A lane is as many ranks deep as its fullest cell, and
every rank of it holds one node per step, an invisible placeholder where a
cell has no card there: so each column's chain of invisible edges runs
through the lane's own nodes and never has to skirt a cluster, which would
pull the columns out of line. Invisible edges also chain each rank left to
right in step order (`dot` keeps a same-rank edge's tail left of its head).
The flows are drawn with `constraint=false`, so an arrow from support back up
to the customer cannot reorder the lanes.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Iterable

import graphviz

from blueprint.scene import Card, Marker, Scene
from blueprint.vocabulary import Lane, names

LANES: tuple[str, ...] = names(Lane)
FONT = "Helvetica,Arial,sans-serif"
MARKER_SEPARATOR = " · "
ARROW_STYLES: dict[str, dict[str, str]] = {
    "handoff": {},
    "deferred": {"style": "dashed"},
    "agreement": {"dir": "both"},
}
# Keeps each column straight: pulling on these outweighs the flows' pull.
COLUMN_WEIGHT = "10"
ROW_CHARACTERS = 30  # a row's entry wraps at about a card's width
ROWS_ABOVE = frozenset({"emotion"})
CONFIDENCE_STYLES = {"assumed": "rounded,dotted", "proposed": "rounded,dashed"}


def render_dot(scene: Scene) -> str:
    """DOT source for `scene`; `dot -Tsvg` draws steps left to right, lanes top to bottom."""
    graph = graphviz.Digraph(name="blueprint")
    # SVG ids: a card keeps its own ID; everything else is named with a `:`,
    # which no blueprint ID contains, so the two never clash.
    graph.attr(id="graph:blueprint", label=_text(scene.title), labelloc="t", fontname=FONT, fontsize="20",
               rankdir="TB", nodesep="0.3", ranksep="0.35")
    # Every node as wide as a card (scene px are points, 72 to the inch),
    # placeholders included, so columns line up and lanes span them all.
    width = f"{max((card.width for card in scene.cards), default=144) / 72:.2f}"
    graph.attr("node", shape="box", style="rounded", fontname=FONT, fontsize="11", margin="0.12,0.06", width=width)
    graph.attr("edge", fontname=FONT, fontsize="9", arrowsize="0.7")

    steps, step_labels = _steps(scene)
    names = _node_names(scene.cards)
    taken = set(names.values())
    columns: dict[str, list[str]] = defaultdict(list)
    _header_row(graph, steps, step_labels, taken, columns)
    _rows(graph, scene, steps, taken, columns, above=True)
    _lane_clusters(graph, scene, steps, names, taken, columns)
    _rows(graph, scene, steps, taken, columns, above=False)
    for step in steps:
        _chain(graph, columns[step], weight=COLUMN_WEIGHT)
    _flows(graph, scene, {card.id: names[id(card)] for card in reversed(scene.cards)})
    return graph.source


def _header_row(graph: graphviz.Digraph, steps: list[str], step_labels: dict[str, list[str]], taken: set[str],
                columns: dict[str, list[str]]) -> None:
    """The step heads, one rank. The header row is a borderless cluster so
    that it is inset like the lanes below it and lines up with their columns."""
    with graph.subgraph(name="cluster_steps") as header, header.subgraph() as rank:
        header.attr(label="", peripheries="0", id="header:steps")
        rank.attr(rank="same")
        row = []
        for step in steps:
            name = _unique(f"step {step}", taken)
            rank.node(name, label=_lines(step_labels[step]), shape="plaintext", id=_text(f"step:{step}"),
                      fontsize="12")
            row.append(name)
            columns[step].append(name)
        _chain(rank, row)


def _lane_clusters(graph: graphviz.Digraph, scene: Scene, steps: list[str], names: dict[int, str], taken: set[str],
                   columns: dict[str, list[str]]) -> None:
    """A cluster per lane, a rank per row of cards in it; an invisible
    placeholder fills each empty cell so that every column stays in line."""
    waits = {entry.number: entry.duration for entry in scene.wait_list}
    grid = _grid(scene.cards)
    for lane, label in _lanes(scene, grid):
        cells = grid.get(lane, {})
        depth = max((len(cards) for cards in cells.values()), default=0)
        with graph.subgraph(name=f"cluster_{lane}") as cluster:
            cluster.attr(label=_text(label), labeljust="l", fontsize="13", style="rounded", color="gray60",
                         id=_text(f"lane:{lane}"))
            for level in range(max(depth, 1)):
                with cluster.subgraph() as rank:
                    rank.attr(rank="same")
                    row = []
                    for step in steps:
                        cards = cells.get(step, [])
                        if level < len(cards):
                            name = names[id(cards[level])]
                            rank.node(name, **_card_attributes(cards[level], waits))
                        else:
                            name = _unique(f"cell {lane} {step} {level}", taken)
                            rank.node(name, label="", style="invis", height="0.1")
                        row.append(name)
                        columns[step].append(name)
                    _chain(rank, row)


def _rows(graph: graphviz.Digraph, scene: Scene, steps: list[str], taken: set[str],
          columns: dict[str, list[str]], above: bool) -> None:
    """The rows the scene draws over the lanes (the emotion curve, `above`)
    or under them (controls, …): a cluster each, one plain node per step
    holding the step's entries."""
    for band in scene.rows:
        if (band.kind in ROWS_ABOVE) != above:
            continue
        entries = _row_entries(scene, band.kind)
        with graph.subgraph(name=f"cluster_row_{band.kind}") as cluster, cluster.subgraph() as rank:
            cluster.attr(label=_text(band.label), labeljust="l", fontsize="13", style="rounded,dashed",
                         color="gray60", id=_text(f"row:{band.kind}"))
            rank.attr(rank="same")
            row = []
            for step in steps:
                name = _unique(f"{band.kind} {step}", taken)
                lines = entries.get(step, [])
                rank.node(name, label=_lines(lines or [""]), shape="plaintext", fontsize="10",
                          id=_text(f"{band.kind}:{step}"), **({} if lines else {"style": "invis"}))
                row.append(name)
                columns[step].append(name)
            _chain(rank, row)


def _row_entries(scene: Scene, kind: str) -> dict[str, list[str]]:
    """A row's lines under each step, wrapped to about a card's width so the
    row keeps to the columns (DOT measures nothing, so by characters)."""
    entries: dict[str, list[str]] = defaultdict(list)
    if kind == "emotion":
        for feeling in scene.emotions:
            sign = f"+{feeling.score}" if feeling.score > 0 else str(feeling.score)
            note = f" {feeling.note}" if feeling.note else ""
            entries[feeling.step] += textwrap.wrap(f"{sign}{note}", ROW_CHARACTERS)
    if kind == "metrics":
        for metric in scene.metrics:
            if metric.step is not None:
                entries[metric.step] += textwrap.wrap(f"{metric.name} {metric.value}".strip(), ROW_CHARACTERS)
    if kind == "notes":
        for note in scene.notes:
            rating = f" ({note.rating})" if note.rating else ""
            entries[note.step] += textwrap.wrap(f"{note.kind.upper()}{rating}: {note.text}", ROW_CHARACTERS)
    if kind == "controls":
        for control in scene.control_list:
            under = f" ({control.reference})" if control.reference else ""
            entries[control.step] += textwrap.wrap(f"C{control.number} {control.text}{under}", ROW_CHARACTERS)
    return entries


def _flows(graph: graphviz.Digraph, scene: Scene, by_id: dict[str, str]) -> None:
    """The flows, and the recovery links from a fail point's card to the card that puts it right."""
    for arrow in scene.arrows:
        if arrow.source not in by_id or arrow.target not in by_id:
            continue
        attributes = {"id": _text(arrow.id), "constraint": "false", **ARROW_STYLES[arrow.kind]}
        if arrow.label:
            # An xlabel is placed after layout; a label would become a node of
            # its own, and on an edge within one lane it pushes a new rank in.
            attributes["xlabel"] = _lines(text.content for text in arrow.label)
        graph.edge(by_id[arrow.source], by_id[arrow.target], **attributes)
    # Recovery: a light dotted line, named by the fail point's number.
    for tag in scene.recoveries:
        if tag.fail_action in by_id and tag.action in by_id:
            graph.edge(by_id[tag.fail_action], by_id[tag.action], id=_text(f"recovery:F{tag.number}"),
                       constraint="false", style="dotted", color="gray55", fontcolor="gray35",
                       tooltip=_text(tag.label.content), arrowhead="empty")


def _chain(graph: graphviz.Digraph, names: list[str], **attributes: str) -> None:
    for first, second in zip(names, names[1:]):
        graph.edge(first, second, style="invis", **attributes)


def _card_attributes(card: Card, waits: dict[int, str]) -> dict[str, str]:
    lines = _label_lines(card)
    markers = [_marker_text(marker, waits) for marker in card.markers]
    if markers:
        lines.append(MARKER_SEPARATOR.join(markers))
    if card.decision_lines:
        lines.append("◇ " + " ".join(text.content for text in card.decision_lines))
    if card.role_line is not None:
        lines.append(card.role_line.content)
    attributes = {"label": _lines(lines), "id": _text(card.id)}
    if card.kind == "evidence":
        attributes["shape"] = "note"
    if card.confidence in CONFIDENCE_STYLES:
        attributes["style"] = CONFIDENCE_STYLES[card.confidence]
    return attributes


def _label_lines(card: Card) -> list[str]:
    return _as_drawn(card.label, [line.content for line in card.lines])


def _as_drawn(label: str, drawn: list[str]) -> list[str]:
    """The full label, broken where the drawing wraps it when the drawn lines
    hold all of it (not cut short with an ellipsis), else on one line.
    Breaking as drawn keeps nodes card-wide, and equal widths keep columns
    straight."""
    lines = [line.strip() for line in drawn]
    if lines and "".join(lines).replace(" ", "") == label.replace(" ", ""):
        return lines
    return [label]


def _marker_text(marker: Marker, waits: dict[int, str]) -> str:
    if marker.kind == "fail":
        return f"F{marker.number}"
    if marker.kind == "control":
        return f"C{marker.number}"
    if marker.kind == "key":
        return f"K{marker.number}"
    if marker.kind in ("channel", "scenario"):
        return f"[{marker.label.content}]"
    duration = waits.get(marker.number)
    return f"W{marker.number} {duration}" if duration else f"W{marker.number}"


def _text(text: str) -> str:
    """`text` as a DOT string that means exactly itself: backslashes are not
    escapes, `<…>` is not an HTML label, a line break stays one."""
    return _lines(text.splitlines() or [""])


def _lines(lines: Iterable[str]) -> str:
    # escString line breaks are written `\n`; each line is escaped on its own
    # so the separator is the only backslash sequence left to Graphviz.
    return graphviz.nohtml("\\n".join(graphviz.escape(line) for line in lines))


def _steps(scene: Scene) -> tuple[list[str], dict[str, list[str]]]:
    """Step IDs left to right with their header lines: the scene's columns
    (their labels as drawn), then any step that has cards but no column,
    named by its ID, where its leftmost card stands."""
    left: dict[str, float] = {}
    for card in scene.cards:
        left[card.step] = min(left.get(card.step, card.x), card.x)
    labels = {step: [step] for step in left}
    for column in scene.columns:
        left[column.step] = column.x
        labels[column.step] = _as_drawn(column.label, _drawn_in(scene, "step-label", column.x, column.x + column.width))
    for column in scene.columns:  # a step's channel and scenario tags, under its label as drawn
        for tag in (column.scenario_tag, column.channel_tag):
            if tag is not None and column.step in labels:
                labels[column.step] = [*labels[column.step], f"[{tag.label.content}]"]
    for key in scene.key_list:  # a key step's K badge, under its label as drawn
        if key.action is None and key.step in labels:
            labels[key.step] = [*labels[key.step], f"K{key.number}"]
    steps = sorted(left, key=lambda step: left[step])
    return steps, labels


def _drawn_in(scene: Scene, role: str, left: float, right: float) -> list[str]:
    """Lines of `role` that start between `left` and `right`, top to bottom."""
    texts = [text for text in scene.texts if text.role == role and text.spans and left <= text.spans[0].x <= right]
    return [text.content for text in sorted(texts, key=lambda text: text.y)]


def _lanes(scene: Scene, grid: dict[str, dict[str, list[Card]]]) -> list[tuple[str, str]]:
    """(lane, label) in blueprint order: every lane the scene draws a band for
    or that holds cards, labelled as the band is (by its key without one)."""
    labels = {band.lane: band.label for band in scene.lanes}
    return [(lane, labels.get(lane, lane)) for lane in LANES if lane in labels or lane in grid]


def _grid(cards: tuple[Card, ...]) -> dict[str, dict[str, list[Card]]]:
    """lane -> step -> the cards of that cell, top to bottom."""
    grid: dict[str, dict[str, list[Card]]] = defaultdict(lambda: defaultdict(list))
    for card in sorted(cards, key=lambda card: (card.y, card.x)):
        grid[card.lane][card.step].append(card)
    return grid


def _node_names(cards: tuple[Card, ...]) -> dict[int, str]:
    """DOT node name per card (keyed by object id): the card's own ID, so the
    graph reads like the source, unless it is taken or holds a `:`, which
    DOT edge statements read as a port."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    for index, card in enumerate(cards):
        names[id(card)] = _unique(card.id if card.id and ":" not in card.id else f"card {index}", taken)
    return names


def _unique(name: str, taken: set[str]) -> str:
    candidate, suffix = name, 2
    while candidate in taken:
        candidate, suffix = f"{name} {suffix}", suffix + 1
    taken.add(candidate)
    return candidate
