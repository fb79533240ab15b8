"""A hand-made Scene shared by the renderer tests.

It is built here rather than by the layout engine so that renderer tests pin
the renderers alone: three steps in two phases, cards in all five lanes, the
three blueprint lines, arrows of every kind (one labelled, one two-headed),
fail points of every severity, an ordinary and an over-limit wait, a mixed
Chinese/Latin label, hostile labels, a safe and an unsafe link, a legend and
the fail/wait lists. Text goes through the real measurer, so every line is
wrapped and split into font runs exactly as the layout would do it.

Keep it stable: other renderers' tests import `hand_made_scene`.
"""

from __future__ import annotations

from functools import cache

import pytest

from blueprint.layout.measure import FontMetricsMeasurer
from blueprint.layout.wrap import wrap
from blueprint.scene import (
    Arrow,
    Card,
    Detail,
    FailEntry,
    Marker,
    Point,
    Rect,
    Rule,
    Scene,
    Text,
    TextSpan,
    WaitEntry,
)

SCRIPT_LABEL = "<script>alert(1)</script>"
ATTRIBUTE_BREAKOUT_LABEL = '"/><svg onload=alert(1)> & ]]> ticket machine'
SAFE_LINK = "https://example.com/queue?system=qms&lang=en"
UNSAFE_LINK = "javascript:alert(1)"
MIXED_LABEL = "递交现金和存折 (passbook)"

WIDTH = 840.0
MARGIN = 28.0
HEAD_RIGHT = 184.0
CARD_W = 172.0
PAD_X = 9.0
PAD_Y = 8.0
COLUMNS = (212.0, 412.0, 612.0)  # card x of each step
LANES = {  # top and bottom of each lane band
    "evidence": (176.0, 246.0),
    "customer": (246.0, 340.0),
    "onstage": (340.0, 466.0),
    "backstage": (466.0, 546.0),
    "support": (546.0, 626.0),
}
LANE_LABELS = {
    "evidence": "Physical evidence",
    "customer": "Customer actions",
    "onstage": "Onstage actions",
    "backstage": "Backstage actions",
    "support": "Support processes",
}


@cache
def _measurer() -> FontMetricsMeasurer:
    return FontMetricsMeasurer()


def text_line(role: str, content: str, x: float, y: float, size: float, bold: bool = False,
              italic: bool = False, anchor: str = "start") -> Text:
    """One measured line at baseline `y`, split into font runs like the layout does."""
    measurer = _measurer()
    width = measurer.width(content, size, bold)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    spans = []
    offset = 0.0
    for run in measurer.font_runs(content):
        spans.append(TextSpan(x=round(left + offset, 2), text=run))
        offset += measurer.width(run, size, bold)
    return Text(role=role, y=round(y, 2), size=size, bold=bold, italic=italic, spans=tuple(spans))


def text_block(role: str, content: str, x: float, top: float, width: float, size: float,
               bold: bool = False, italic: bool = False, max_lines: int | None = None) -> tuple[list[Text], float]:
    measurer = _measurer()
    lines = wrap(content, width, size, measurer, bold=bold, max_lines=max_lines)
    step = measurer.line_height(size)
    ascent = measurer.ascent(size)
    texts = [text_line(role, line, x, top + ascent + i * step, size, bold, italic) for i, line in enumerate(lines)]
    return texts, len(lines) * step


def fail_marker(number: int, severity: str | None, action: str | None, x: float, y: float) -> Marker:
    content = f"F{number}"
    width = max(19.0, _measurer().width(content, 10, True) + 8)
    label = text_line("marker-text", content, x + width / 2, y + 9.5 + 3.6, 10, bold=True, anchor="middle")
    return Marker(kind="fail", number=number, action=action, x=x, y=y, width=round(width, 2), height=19,
                  label=label, severity=severity)


def wait_marker(number: int, duration: str, over_limit: bool, action: str | None, x: float, y: float) -> Marker:
    content = f"W{number} {duration}" if duration else f"W{number}"
    width = _measurer().width(content, 10, True) + 12
    label = text_line("marker-text", content, x + 6, y + 9.5 + 3.6, 10, bold=True)
    return Marker(kind="wait", number=number, action=action, x=x, y=y, width=round(width, 2), height=19,
                  label=label, over_limit=over_limit)


def card(id: str, lane: str, step: int, label: str, top_offset: float = 16.0,
         marker_specs: tuple[tuple, ...] = (), details: tuple[Detail, ...] = (),
         links: tuple[str, ...] = ()) -> Card:
    """A card in `lane` under step column `step`; marker_specs are ("fail", n, severity) or
    ("wait", n, duration, over_limit), laid left to right under the label."""
    x = COLUMNS[step]
    y = LANES[lane][0] + top_offset
    evidence = lane == "evidence"
    size = 11.5 if evidence else 12.0
    lines, text_height = text_block("evidence-text" if evidence else "card-text", label, x + PAD_X, y + PAD_Y,
                                    CARD_W - 2 * PAD_X, size, italic=evidence, max_lines=5 if evidence else 6)
    markers: list[Marker] = []
    cursor = x + PAD_X
    marker_top = y + PAD_Y + text_height + 6
    for spec in marker_specs:
        if spec[0] == "fail":
            marker = fail_marker(spec[1], spec[2], id, cursor, marker_top)
        else:
            marker = wait_marker(spec[1], spec[2], spec[3], id, cursor, marker_top)
        markers.append(marker)
        cursor = marker.x + marker.width + 5
    height = PAD_Y * 2 + text_height + (19 + 6 if markers else 0)
    return Card(id=id, kind="evidence" if evidence else "action", lane=lane, step=("enter", "ticket", "counter")[step],
                x=x, y=y, width=CARD_W, height=round(height, 2), label=label, lines=tuple(lines),
                markers=tuple(markers), details=details, links=links)


def _bottom(c: Card) -> float:
    return c.y + c.height


def _mid_x(c: Card) -> float:
    return c.x + c.width / 2


def build_hand_made_scene() -> Scene:
    cards = (
        card("enter.evidence1", "evidence", 0, "Branch signage; ticket machine by the door"),
        card("ticket.evidence1", "evidence", 1, "Printed ticket A21 & call display"),
        card("arrive", "customer", 0, "Walks in and looks for the right queue"),
        card("take", "customer", 1, SCRIPT_LABEL, marker_specs=(("wait", 1, "20min–45min", True), ("fail", 2, "low"))),
        card("交款", "customer", 2, MIXED_LABEL, marker_specs=(("wait", 2, "5min", False),)),
        card("triage", "onstage", 0, "Lobby manager asks the purpose of the visit",
             marker_specs=(("fail", 1, "medium"),),
             details=(Detail(key="Fail point F1", value="Lobby manager is busy elsewhere · severity medium"),)),
        card("kiosk", "onstage", 1, ATTRIBUTE_BREAKOUT_LABEL),
        card("点钞", "onstage", 2, "柜员点钞、核对存折", marker_specs=(("fail", 3, "high"), ("fail", 4, None)),
             details=(Detail(key="Duration", value="5min"),)),
        card("post", "backstage", 2, "Teller posts the deposit in the core banking terminal", links=(UNSAFE_LINK,)),
        card("qms", "support", 1, "Queue system issues the next A-series number", links=(SAFE_LINK,)),
        card("core", "support", 2, "Core banking system"),
    )
    by_id = {c.id: c for c in cards}

    def down(source: str, target: str, kind: str = "handoff", **extra) -> Arrow:
        s, t = by_id[source], by_id[target]
        x = _mid_x(s)
        return Arrow(id=f"{source}->{target}", source=source, target=target, kind=kind,
                     points=(Point(x=x, y=_bottom(s)), Point(x=x, y=t.y)), **extra)

    arrive, take, triage = by_id["arrive"], by_id["take"], by_id["triage"]
    kiosk, qms = by_id["kiosk"], by_id["qms"]
    label_box = Rect(role="arrow-label-box", x=by_id["点钞"].x + 96, y=441, width=66, height=17, radius=3)
    arrows = (
        down("arrive", "triage", crosses=("interaction",)),
        # A bend through the gutter and the channel at the top of the customer lane.
        Arrow(id="triage->take", source="triage", target="take", kind="handoff",
              points=(Point(x=triage.x + triage.width, y=triage.y + 20), Point(x=398, y=triage.y + 20),
                      Point(x=398, y=254), Point(x=take.x + 40, y=254), Point(x=take.x + 40, y=take.y)),
              crosses=("interaction",)),
        down("take", "kiosk", crosses=("interaction",)),
        Arrow(id="kiosk->qms", source="kiosk", target="qms", kind="handoff",
              points=(Point(x=_mid_x(kiosk), y=_bottom(kiosk)), Point(x=_mid_x(kiosk), y=qms.y)),
              crosses=("visibility", "internal")),
        down("交款", "点钞", kind="agreement", head_start=True, crosses=("interaction",)),
        Arrow(id="点钞-->post", source="点钞", target="post", kind="deferred",
              points=(Point(x=_mid_x(by_id["点钞"]), y=_bottom(by_id["点钞"])),
                      Point(x=_mid_x(by_id["点钞"]), y=by_id["post"].y)),
              crosses=("visibility",),
              label=(text_line("arrow-label", "end of day", label_box.x + 6, label_box.y + 12.5, 10.5),),
              label_box=label_box),
        down("post", "core", crosses=("internal",)),
    )

    rects = [Rect(role="background", x=0, y=0, width=WIDTH, height=900)]
    rects.append(Rect(role="phase", x=198, y=108, width=400, height=24, radius=4))
    rects.append(Rect(role="phase", x=598, y=108, width=200, height=24, radius=4))
    for x in COLUMNS:
        rects.append(Rect(role="step-head", x=x, y=136, width=CARD_W, height=32, radius=4))
    for lane, (top, bottom) in LANES.items():
        rects.append(Rect(role=f"lane-{lane}", x=MARGIN, y=top, width=WIDTH - 2 * MARGIN, height=bottom - top))
        rects.append(Rect(role="lane-head", x=MARGIN, y=top, width=HEAD_RIGHT - MARGIN - 8, height=bottom - top))

    texts = [
        text_line("title", "Branch cash deposit & <counter> service", MARGIN, 50, 22, bold=True),
        text_line("description", "A walk-in customer deposits cash at the counter.", MARGIN, 72, 13),
        text_line("meta", "Retail walk-in customer · current state · max wait 15min", MARGIN, 92, 12.5),
        text_line("phase-label", "Arrive", 198 + 200, 124.5, 13, bold=True, anchor="middle"),
        text_line("phase-label", "办理 Transact", 598 + 100, 124.5, 13, bold=True, anchor="middle"),
        text_line("step-label", "Enter the branch", COLUMNS[0] + CARD_W / 2, 156, 12, bold=True, anchor="middle"),
        text_line("step-label", "Take a number", COLUMNS[1] + CARD_W / 2, 156, 12, bold=True, anchor="middle"),
        text_line("step-label", "柜台办理 Deposit", COLUMNS[2] + CARD_W / 2, 156, 12, bold=True, anchor="middle"),
    ]
    for lane, (top, _bottom_y) in LANES.items():
        texts.append(text_line("lane-label", LANE_LABELS[lane], MARGIN + 10, top + 20, 13, bold=True))

    line_names = (("interaction", "Line of interaction", "solid"), ("visibility", "Line of visibility", "dashed"),
                  ("internal", "Line of internal interaction", "dotted"))
    rules = []
    for (name, label, dash), y in zip(line_names, (340.0, 466.0, 546.0)):
        rules.append(Rule(role=f"line-{name}", x1=MARGIN, y1=y, x2=WIDTH - MARGIN, y2=y, style=dash))
        # The line's name sits just above it in the lane header column.
        texts.append(text_line("line-label", label, MARGIN + 10, y - 5, 10.5, italic=True))
    rules.append(Rule(role="lane-divider", x1=MARGIN, y1=246, x2=WIDTH - MARGIN, y2=246))

    # Legend and the lists below the diagram.
    markers = [
        fail_marker(1, "high", None, MARGIN, 650),
        fail_marker(1, "medium", None, MARGIN + 80, 650),
        fail_marker(1, "low", None, MARGIN + 176, 650),
        wait_marker(1, "", False, None, MARGIN + 256, 650),
        wait_marker(1, "", True, None, MARGIN + 356, 650),
    ]
    texts += [
        text_line("legend-text", "high", MARGIN + 24, 663, 11),
        text_line("legend-text", "medium", MARGIN + 104, 663, 11),
        text_line("legend-text", "low", MARGIN + 200, 663, 11),
        text_line("legend-text", "wait", MARGIN + 296, 663, 11),
        text_line("legend-text", "over max wait", MARGIN + 396, 663, 11),
        text_line("legend-text", "handoff", MARGIN + 520, 663, 11),
        text_line("legend-text", "later", MARGIN + 620, 663, 11),
        text_line("legend-text", "agreement", MARGIN + 712, 663, 11),
    ]
    rules += [
        Rule(role="legend-arrow-handoff", x1=MARGIN + 480, y1=659, x2=MARGIN + 512, y2=659, style="solid"),
        Rule(role="legend-arrow-deferred", x1=MARGIN + 580, y1=659, x2=MARGIN + 612, y2=659, style="dashed"),
        Rule(role="legend-arrow-agreement", x1=MARGIN + 672, y1=659, x2=MARGIN + 704, y2=659, style="solid"),
    ]
    texts.append(text_line("list-heading", "Fail points", MARGIN, 704, 13, bold=True))
    rules.append(Rule(role="list-rule", x1=MARGIN, y1=709, x2=WIDTH - MARGIN, y2=709))
    fail_rows = (
        (1, "medium", "Lobby manager asks the purpose of the visit — busy elsewhere; customer joins the wrong queue"),
        (2, "low", f"{SCRIPT_LABEL} — ticket letters are not explained"),
        (3, "high", "柜员点钞、核对存折 — 发现假币 (recovery: explain)"),
        (4, None, "柜员点钞、核对存折 — 存折磁条无法读取"),
    )
    for row, (number, severity, content) in enumerate(fail_rows):
        y = 716 + row * 24
        markers.append(fail_marker(number, severity, None, MARGIN, y))
        texts.append(text_line("list-text", content, MARGIN + 28, y + 13.5, 11.5))
    texts.append(text_line("list-heading", "Wait points", MARGIN, 828, 13, bold=True))
    for row, (number, duration, over, content) in enumerate(
        ((1, "20min–45min", True, "Waits in the hall with about twenty people ahead (over the 15min maximum)"),
         (2, "5min", False, "等候叫号"))
    ):
        y = 840 + row * 24
        marker = wait_marker(number, duration, over, None, MARGIN, y)
        markers.append(marker)
        texts.append(text_line("list-text", content, marker.x + marker.width + 8, y + 13.5, 11.5))

    return Scene(
        width=WIDTH,
        height=900,
        title="Branch cash deposit & <counter> service",
        description="A service blueprint of 3 steps in 2 phases with 9 actions, 4 fail points and 2 wait points.",
        lang="en",
        font_family=_font_stack(),
        rects=tuple(rects),
        rules=tuple(rules),
        cards=cards,
        arrows=arrows,
        markers=tuple(markers),
        texts=tuple(texts),
        fail_list=(
            FailEntry(number=1, action="triage", action_label="Lobby manager asks the purpose of the visit",
                      description="Busy elsewhere; customer joins the wrong queue", severity="medium", recovery=None),
            FailEntry(number=2, action="take", action_label=SCRIPT_LABEL,
                      description="Ticket letters are not explained", severity="low", recovery=None),
            FailEntry(number=3, action="点钞", action_label="柜员点钞、核对存折", description="发现假币",
                      severity="high", recovery="explain"),
            FailEntry(number=4, action="点钞", action_label="柜员点钞、核对存折", description="存折磁条无法读取",
                      severity=None, recovery=None),
        ),
        wait_list=(
            WaitEntry(number=1, action="take", action_label=SCRIPT_LABEL, duration="20min–45min",
                      description="Waits in the hall", over_limit=True),
            WaitEntry(number=2, action="交款", action_label=MIXED_LABEL, duration="5min", description="等候叫号",
                      over_limit=False),
        ),
        max_wait="15min",
    )


def _font_stack() -> str:
    from blueprint.layout.measure import FONT_STACK

    return FONT_STACK


@pytest.fixture(scope="session")
def hand_made_scene() -> Scene:
    return build_hand_made_scene()
