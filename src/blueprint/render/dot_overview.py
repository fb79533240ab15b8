"""DOT export of an overview drawing: the phases as a chain of boxes, left to
right, each saying what its column says (its steps, key steps and fail and
wait figures) in the words of the text version, so that a Graphviz user gets
the same summary as the picture, not the full graph of cards and flows."""

from __future__ import annotations

from collections.abc import Iterable

import graphviz

from blueprint.render.text_version import outline
from blueprint.scene import Scene

FONT = "Helvetica,Arial,sans-serif"


def render_overview_dot(scene: Scene) -> str:
    """DOT source for an overview scene (one with `overview` columns)."""
    graph = graphviz.Digraph(name="overview")
    graph.attr(id="graph:overview", label=_lines([scene.title]), labelloc="t", fontname=FONT, fontsize="20",
               rankdir="LR", nodesep="0.3", ranksep="0.4")
    graph.attr("node", shape="box", style="rounded", fontname=FONT, fontsize="11", margin="0.15,0.1")
    names = []
    for index, phase in enumerate(outline(scene)):
        # A name no label can clash with: the phase's place, not its words.
        name = f"phase {index + 1}"
        lines = [phase.text, *(fact.text for fact in phase.children)]
        # \l ends each line flush left, as a list reads.
        graph.node(name, label=graphviz.nohtml("".join(graphviz.escape(line) + "\\l" for line in lines)),
                   id=f"phase:{index + 1}")
        names.append(name)
    for left, right in zip(names, names[1:]):
        graph.edge(left, right)
    return graph.source


def _lines(lines: Iterable[str]) -> str:
    return graphviz.nohtml("\\n".join(graphviz.escape(line) for line in lines))
