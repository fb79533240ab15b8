"""How readable a drawing is where flows meet, counted from its scene.

Each count is something a reader notices: flows drawn so close together that
they read as one, flows running through cards or along a lane line, labels
sitting on something else or nearer another flow than their own, gutters of
different widths. `measure` reads only
the scene, so it judges the drawing every renderer draws. `dot_crossings`
counts the crossings Graphviz's `dot` gets on the same graph (the DOT
export), the reference for how few crossings are achievable.

Run `python -m tests.layout.quality` for the table of every example and of
the stress set (tests/layout/stress.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import asdict, dataclass
from itertools import combinations

from blueprint.scene import Arrow, Scene

CLOSE = 10.0  # parallel flows nearer than this read as one line
BUNDLE = 16.0  # flows side by side at most this far apart form a bundle
HUG = 8.0  # a flow this near a lane line reads as doubling it
LEADER_CLEAR = 4.0  # a leader this near another flow runs along it
AMBIGUOUS = 18.0  # a label is ambiguous when another flow comes this much nearer to it than its own (or less)
HEAD_LENGTH, HEAD_HALF_WIDTH = 10.0, 4.0  # the arrowhead the renderers draw
TAG_CLEAR = 2.0  # a recovery tag nearer than this to a card's text reads as run into it
EPS = 0.5
LANE_LINES = ("line-interaction", "line-visibility", "line-internal", "lane-divider")

Segment = tuple[float, float, float, float]  # x1, y1, x2, y2, axis-parallel
Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Quality:
    close_parallel: int  # pairs of parallel segments of different flows closer than CLOSE
    widest_bundle: int  # most flows side by side anywhere
    crossings: int  # a flow crossing another flow
    through_cards: int  # segments passing through a card
    hugging: float  # px of flow within HUG of a lane line, running along it
    labels_touching: int  # labels (or their leaders) on a lane line, another flow, a card or an arrowhead
    labels_ambiguous: int  # labels another flow comes within AMBIGUOUS of, beyond their own flow's distance
    gutter_spread: float  # widest gap between step columns minus the narrowest
    tags_touching: int  # recovery tags on a card's text or badges, a flow, an arrowhead, a label or another tag


def measure(scene: Scene) -> Quality:
    flows = [(arrow, _segments(arrow)) for arrow in scene.arrows]
    cards = [(card.x, card.y, card.x + card.width, card.y + card.height) for card in scene.cards]
    lines = [rule.y1 for rule in scene.rules if rule.role in LANE_LINES and rule.x2 - rule.x1 > 100]
    return Quality(
        close_parallel=_close_parallel(flows),
        widest_bundle=_widest_bundle(flows),
        crossings=_crossings(flows),
        through_cards=sum(_through(segment, card) for _a, segments in flows for segment in segments
                          for card in cards),
        hugging=round(sum(_hugging(segment, lines) for _a, segments in flows for segment in segments), 1),
        labels_touching=_labels_touching(flows, cards, lines),
        labels_ambiguous=_labels_ambiguous(flows),
        gutter_spread=round(_gutter_spread(scene), 1),
        tags_touching=_tags_touching(scene, flows),
    )


def _segments(arrow: Arrow) -> list[Segment]:
    points = arrow.points
    return [(p.x, p.y, q.x, q.y) for p, q in zip(points, points[1:]) if abs(p.x - q.x) + abs(p.y - q.y) > EPS]


def _vertical(segment: Segment) -> bool:
    return abs(segment[0] - segment[2]) < EPS


def _span(segment: Segment) -> tuple[float, float, float]:
    """(position across, low end, high end along) of an axis-parallel segment."""
    x1, y1, x2, y2 = segment
    if _vertical(segment):
        return x1, min(y1, y2), max(y1, y2)
    return y1, min(x1, x2), max(x1, x2)


def _close_parallel(flows) -> int:
    """Pairs of segments of different flows, parallel, overlapping along their
    length, nearer than CLOSE. Flows merged into one line (coinciding, and
    into one arrowhead or out of one start) are one line, not two."""
    count = 0
    for (a, segments_a), (b, segments_b) in combinations(flows, 2):
        merged = _same_end(a, b) or _same_start(a, b)
        for sa in segments_a:
            for sb in segments_b:
                if _vertical(sa) != _vertical(sb):
                    continue
                (pa, la, ha), (pb, lb, hb) = _span(sa), _span(sb)
                if min(ha, hb) - max(la, lb) <= EPS or abs(pa - pb) >= CLOSE:
                    continue
                if merged and abs(pa - pb) < EPS:
                    continue
                count += 1
    return count


def _same_end(a: Arrow, b: Arrow) -> bool:
    return abs(a.points[-1].x - b.points[-1].x) < EPS and abs(a.points[-1].y - b.points[-1].y) < EPS


def _same_start(a: Arrow, b: Arrow) -> bool:
    return abs(a.points[0].x - b.points[0].x) < EPS and abs(a.points[0].y - b.points[0].y) < EPS


def _widest_bundle(flows) -> int:
    """Sweep across every band of parallel segments: the most distinct flows
    in one run of neighbours at most BUNDLE apart."""
    widest = 0
    for vertical in (True, False):
        spans = [(_span(s), arrow.id) for arrow, segments in flows for s in segments if _vertical(s) == vertical]
        cuts = sorted({(low + high) / 2 for (_p, low, high), _id in spans} | {low + 1 for (_p, low, _h), _id in spans})
        for cut in cuts:
            across = sorted((p, flow) for (p, low, high), flow in spans if low < cut < high)
            run: set[str] = set()
            previous = None
            for position, flow in across:
                if previous is not None and position - previous > BUNDLE:
                    run = set()
                run.add(flow)
                widest = max(widest, len(run))
                previous = position
    return widest


def _crossings(flows) -> int:
    count = 0
    for (_a, segments_a), (_b, segments_b) in combinations(flows, 2):
        for sa in segments_a:
            for sb in segments_b:
                if _vertical(sa) == _vertical(sb):
                    continue
                (pa, la, ha), (pb, lb, hb) = _span(sa), _span(sb)
                if la + EPS < pb < ha - EPS and lb + EPS < pa < hb - EPS:
                    count += 1
    return count


def _through(segment: Segment, card: Box) -> bool:
    left, top, right, bottom = card[0] + EPS, card[1] + EPS, card[2] - EPS, card[3] - EPS
    position, low, high = _span(segment)
    if _vertical(segment):
        return left < position < right and low < bottom and high > top
    return top < position < bottom and low < right and high > left


def _hugging(segment: Segment, lines: list[float]) -> float:
    if _vertical(segment):
        return 0.0
    position, low, high = _span(segment)
    return (high - low) if any(abs(position - y) <= HUG + EPS for y in lines) else 0.0


def _heads(arrow: Arrow) -> list[Box]:
    """The boxes of an arrow's heads: HEAD_LENGTH back along its last (or first) leg."""
    ends = [(arrow.points[-1], arrow.points[-2])] if arrow.head_end else []
    if arrow.head_start:
        ends.append((arrow.points[0], arrow.points[1]))
    boxes = []
    for tip, before in ends:
        if abs(tip.x - before.x) < EPS:
            back = tip.y - HEAD_LENGTH if before.y < tip.y else tip.y + HEAD_LENGTH
            boxes.append((tip.x - HEAD_HALF_WIDTH, min(tip.y, back), tip.x + HEAD_HALF_WIDTH, max(tip.y, back)))
        else:
            back = tip.x - HEAD_LENGTH if before.x < tip.x else tip.x + HEAD_LENGTH
            boxes.append((min(tip.x, back), tip.y - HEAD_HALF_WIDTH, max(tip.x, back), tip.y + HEAD_HALF_WIDTH))
    return boxes


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] - EPS and b[0] < a[2] - EPS and a[1] < b[3] - EPS and b[1] < a[3] - EPS


def _segment_in(segment: Segment, box: Box) -> bool:
    x1, y1, x2, y2 = segment
    return _overlaps((min(x1, x2) - EPS, min(y1, y2) - EPS, max(x1, x2) + EPS, max(y1, y2) + EPS), box)


def _labels_touching(flows, cards: list[Box], lines: list[float]) -> int:
    """Labels touching a lane line, another flow, a card, any arrowhead or
    another label, or hiding more than half of their own flow; and labels
    whose leader touches any of those but its own flow."""
    heads = [(arrow.id, box) for arrow, _s in flows for box in _heads(arrow)]
    labels = [(arrow.id, (b.x, b.y, b.x + b.width, b.y + b.height)) for arrow, _s in flows
              if (b := arrow.label_box) is not None]
    leaders = {arrow.id: _leader(arrow) for arrow, _s in flows if arrow.label_leader is not None}
    count = 0
    for own, box in labels:
        own_segments = next(segments for arrow, segments in flows if arrow.id == own)
        touches = (
            any(box[1] - EPS < y < box[3] + EPS for y in lines)
            or any(_overlaps(box, card) for card in cards)
            or any(_overlaps(box, head) for _id, head in heads)
            or any(_segment_in(s, box) for arrow, segments in flows if arrow.id != own for s in segments)
            or any(_overlaps(box, other) for other_id, other in labels if other_id != own)
            or _hidden_share(own_segments, box) > 0.5
        )
        leader = leaders.get(own)
        if leader is not None and not touches:
            x1, y1, x2, y2 = leader
            grown = (min(x1, x2) - EPS, min(y1, y2) - EPS, max(x1, x2) + EPS, max(y1, y2) + EPS)
            # Beside another flow, nearer than LEADER_CLEAR, a leader doubles it.
            wide = (grown[0] - LEADER_CLEAR, grown[1] - LEADER_CLEAR, grown[2] + LEADER_CLEAR, grown[3] + LEADER_CLEAR)
            touches = (
                any(grown[1] < y < grown[3] for y in lines if abs(y1 - y2) > EPS)
                or any(_overlaps(grown, card) for card in cards)
                or any(_overlaps(grown, head) for _id, head in heads)
                or any(_segment_in(s, wide) for arrow, segments in flows if arrow.id != own for s in segments)
                or any(_overlaps(grown, other) for other_id, other in labels if other_id != own)
            )
        count += touches
    return count


def _leader(arrow: Arrow) -> Segment:
    rule = arrow.label_leader
    return rule.x1, rule.y1, rule.x2, rule.y2


def _labels_ambiguous(flows) -> int:
    """Labels another flow comes near enough to that a reader may take them
    for its label: within AMBIGUOUS of the label beyond how far the label's
    own flow is (no distance at all when a leader joins them)."""
    count = 0
    for arrow, segments in flows:
        b = arrow.label_box
        if b is None:
            continue
        box = (b.x, b.y, b.x + b.width, b.y + b.height)
        own = 0.0 if arrow.label_leader is not None else min(_distance(s, box) for s in segments)
        others = (_distance(s, box) for other, other_segments in flows if other.id != arrow.id
                  for s in other_segments)
        count += any(distance < own + AMBIGUOUS for distance in others)
    return count


def _distance(segment: Segment, box: Box) -> float:
    """How far an axis-parallel segment comes to a box (0 when it touches it)."""
    x1, y1, x2, y2 = segment
    dx = max(box[0] - max(x1, x2), min(x1, x2) - box[2], 0.0)
    dy = max(box[1] - max(y1, y2), min(y1, y2) - box[3], 0.0)
    return (dx * dx + dy * dy) ** 0.5


def _hidden_share(segments: list[Segment], box: Box) -> float:
    total = hidden = 0.0
    for segment in segments:
        position, low, high = _span(segment)
        total += high - low
        if _vertical(segment):
            inside = box[0] < position < box[2]
            cover = max(0.0, min(high, box[3]) - max(low, box[1]))
        else:
            inside = box[1] < position < box[3]
            cover = max(0.0, min(high, box[2]) - max(low, box[0]))
        hidden += cover if inside else 0.0
    return hidden / total if total else 0.0


def _tags_touching(scene: Scene, flows) -> int:
    """Recovery tags touching, or nearer than TAG_CLEAR to, what a reader
    must see whole: the text and the F and W badges of any card (a line's
    box runs from its font's ascent above the baseline to its descent
    below), a card other than the tag's own, a flow, an arrowhead, a flow's
    label or another tag."""
    from blueprint.layout.measure import FontMetricsMeasurer

    measurer = FontMetricsMeasurer()
    tags = [(tag.x - TAG_CLEAR, tag.y - TAG_CLEAR, tag.x + tag.width + TAG_CLEAR, tag.y + tag.height + TAG_CLEAR)
            for tag in scene.recoveries]
    seen: list[Box] = [_text_box(text, measurer) for card in scene.cards for text in card.lines]
    seen += [(c.x, c.y, c.x + c.width, c.y + c.height) for c in scene.cards
             if not any(tag.action == c.id for tag in scene.recoveries)]
    seen += [(m.x, m.y, m.x + m.width, m.y + m.height) for card in scene.cards for m in card.markers]
    seen += [box for arrow, _s in flows for box in _heads(arrow)]
    seen += [(b.x, b.y, b.x + b.width, b.y + b.height) for arrow, _s in flows if (b := arrow.label_box) is not None]
    count = 0
    for index, tag in enumerate(tags):
        count += (any(_overlaps(tag, box) for box in seen)
                  or any(_segment_in(s, tag) for _a, segments in flows for s in segments)
                  or any(_overlaps(tag, other) for other_index, other in enumerate(tags) if other_index != index))
    return count


def _text_box(text, measurer) -> Box:
    last = text.spans[-1]
    right = last.x + measurer.width(last.text, text.size, text.bold)
    return text.spans[0].x, text.y - measurer.ascent(text.size), right, text.y + measurer.descent(text.size)


def _gutter_spread(scene: Scene) -> float:
    columns = sorted(scene.columns, key=lambda column: column.x)
    gaps = [b.x - (a.x + a.width) for a, b in zip(columns, columns[1:])]
    return max(gaps) - min(gaps) if gaps else 0.0


# --- the reference: Graphviz's dot on the DOT export --------------------------------


def dot_crossings(scene: Scene) -> int | None:
    """Crossings between the flows as `dot` draws the DOT export (None
    without Graphviz): its splines, sampled into polylines, pair by pair."""
    from blueprint.render.dot import render_dot

    if shutil.which("dot") is None:
        return None
    drawn = subprocess.run(["dot", "-Tjson"], input=render_dot(scene), capture_output=True, text=True, check=True)
    graph = json.loads(drawn.stdout)
    flow_ids = {arrow.id for arrow in scene.arrows}
    polylines = []
    for edge in graph.get("edges", []):
        if edge.get("id") not in flow_ids:
            continue
        for operation in edge.get("_draw_", []):
            if operation.get("op") == "b":
                polylines.append(_sampled(operation["points"]))
    return sum(_polyline_crossings(a, b) for a, b in combinations(polylines, 2))


def _sampled(points: list[list[float]], steps: int = 12) -> list[tuple[float, float]]:
    out = [tuple(points[0])]
    for start in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[start:start + 4]
        for step in range(1, steps + 1):
            t = step / steps
            u = 1 - t
            out.append(tuple(u ** 3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t ** 3 * d
                             for a, b, c, d in zip(p0, p1, p2, p3)))
    return out


def _polyline_crossings(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> int:
    count = 0
    for p, q in zip(a, a[1:]):
        for r, s in zip(b, b[1:]):
            if _proper_intersection(p, q, r, s):
                count += 1
    return count


def _proper_intersection(p, q, r, s) -> bool:
    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2, d3, d4 = side(r, s, p), side(r, s, q), side(p, q, r), side(p, q, s)
    return d1 * d2 < 0 and d3 * d4 < 0


# --- the table ------------------------------------------------------------------------


def drawings():
    """(name, blueprint) of every example and every stress blueprint."""
    from blueprint.api import check_file, check_text

    from ..conftest import EXAMPLES
    from .stress import stress_set

    for path in EXAMPLES:
        yield path.stem, check_file(path).blueprint
    for name, text in stress_set():
        result = check_text(text)
        assert result.blueprint is not None, (name, result.diagnostics)
        yield name, result.blueprint


def table(with_dot: bool = True) -> list[dict]:
    from blueprint.layout import layout

    rows = []
    for name, blueprint in drawings():
        scene = layout(blueprint)
        row = {"drawing": name, **asdict(measure(scene))}
        if with_dot:
            row["dot_crossings"] = dot_crossings(scene)
        rows.append(row)
    return rows


def markdown(rows: list[dict]) -> str:
    heads = ["drawing", "close_parallel", "widest_bundle", "crossings", "dot_crossings", "through_cards",
             "hugging", "labels_touching", "labels_ambiguous", "gutter_spread", "tags_touching"]
    out = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    out += ["| " + " | ".join(str(row.get(head, "")) for head in heads) + " |" for row in rows]
    return "\n".join(out)


if __name__ == "__main__":
    import sys

    rows = table()
    print(json.dumps(rows, indent=1) if "--json" in sys.argv else markdown(rows))
