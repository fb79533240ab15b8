"""DOT export: valid Graphviz that keeps every label and draws a blueprint-shaped grid.

The checks that need Graphviz's `dot` program skip without it on a developer's
machine and fail in CI, which installs it (`.ci/apt-packages`).
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from blueprint.api import check_file, check_text
from blueprint.layout import layout
from blueprint.scene import Column, LaneBand, Scene
from blueprint.render import FORMATS, THEMES, render
from blueprint.render.dot import render_dot

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.bp"))
DOT = shutil.which("dot")
SVG = "{http://www.w3.org/2000/svg}"
LANE_ORDER = ("evidence", "customer", "onstage", "backstage", "support")

HOSTILE_LABELS = (
    'Says "hello" to the teller',
    r"Saves to C:\new\table and \N \l \G",
    "Ends with a backslash \\",
    "Reads {braces} and |pipes|",
    "<b>not HTML</b> & <<more>>",
    "递交现金和存折 (passbook)",
)
HOSTILE_BP = (
    'blueprint "Hostile <labels> & \\"quotes\\""\n'
    'lane customer "Customer \\"actions\\" <b>"\n'
    'step s "Step {one}"\n'
    '  customer c "Says \\"hello\\" to the teller"\n'
    '  onstage o "Saves to C:\\\\new\\\\table and \\\\N"\n'
    '  backstage b "<b>not HTML</b> & {braces}"\n'
    '  support 系统 "核心系统 \\\\ 记账"\n'
    '  c -> o "a \\"quoted\\" <label>"\n'
    "  o --> b\n"
    "  b <-> 系统\n"
)


def run_dot(source: str, output_format: str) -> str:
    """`dot -T<format>` on `source`; skipped without Graphviz, except in CI."""
    if DOT is None:
        if os.environ.get("CI"):
            pytest.fail("Graphviz's dot program is missing; CI installs it from .ci/apt-packages")
        pytest.skip("Graphviz's dot program is not installed (apt-get install graphviz)")
    done = subprocess.run([DOT, f"-T{output_format}"], input=source.encode("utf-8"), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stderr == b"", done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8")


def svg_texts(svg: str) -> list[str]:
    return [element.text or "" for element in ET.fromstring(svg).iter(f"{SVG}text")]


def example_scene(path) -> Scene:
    result = check_file(path)
    assert result.ok, result.diagnostics
    return layout(result.blueprint)


@pytest.fixture(scope="module")
def structured_scene(hand_made_scene: Scene) -> Scene:
    """The shared hand-made scene with the lane bands and step columns a real
    layout adds, taken from its lane backgrounds and its cards."""
    bands = {rect.role.removeprefix("lane-"): rect for rect in hand_made_scene.rects if rect.role.startswith("lane-")}
    lane_labels = ("Physical evidence", "Customer actions", "Onstage actions", "Backstage actions",
                   "Support processes")
    step_x = {card.step: card.x for card in reversed(hand_made_scene.cards)}
    step_labels = {"enter": "Enter the branch", "ticket": "Take a number", "counter": "柜台办理 Deposit"}
    return replace(
        hand_made_scene,
        lanes=tuple(LaneBand(lane=lane, label=label, y=bands[lane].y, height=bands[lane].height)
                    for lane, label in zip(LANE_ORDER, lane_labels)),
        columns=tuple(Column(step=step, label=step_labels[step], phase=None, x=x, width=172)
                      for step, x in sorted(step_x.items(), key=lambda item: item[1])),
    )


# The dispatcher


def test_formats_and_themes_are_the_documented_ones():
    assert FORMATS == ("svg", "html", "png", "dot")
    assert THEMES == ("default", "dark", "print")


def test_dot_through_the_dispatcher_is_utf8(structured_scene):
    assert render(structured_scene, "dot") == render_dot(structured_scene).encode("utf-8")


@pytest.mark.parametrize("output_format", ["svg", "html"])
def test_text_formats_come_back_as_utf8_bytes(structured_scene, output_format):
    drawing = render(structured_scene, output_format, "dark")
    assert isinstance(drawing, bytes)
    assert "柜台办理" in drawing.decode("utf-8")


def test_unknown_format_names_the_valid_ones(structured_scene):
    with pytest.raises(ValueError, match="'pdf'.*svg, html, png, dot"):
        render(structured_scene, "pdf")


def test_unknown_theme_names_the_valid_ones(structured_scene):
    with pytest.raises(ValueError, match="'neon'.*default, dark, print"):
        render(structured_scene, "svg", "neon")


def test_dot_still_checks_the_theme(structured_scene):
    with pytest.raises(ValueError, match="theme"):
        render(structured_scene, "dot", "neon")


# The DOT text


def test_one_cluster_per_lane_labelled_in_blueprint_order(structured_scene):
    source = render_dot(structured_scene)
    clusters = [line.split()[1] for line in source.splitlines() if line.strip().startswith("subgraph cluster_")]
    assert clusters == ["cluster_steps", *(f"cluster_{lane}" for lane in LANE_ORDER)]
    for label in ("Physical evidence", "Customer actions", "Onstage actions", "Backstage actions", "Support processes"):
        assert f'label="{label}"' in source


def test_cards_carry_full_labels_and_their_markers(structured_scene):
    source = render_dot(structured_scene)
    assert 'label="<script>alert(1)</script>\\nW1 20min–45min · F2"' in source
    assert 'label="递交现金和存折 (passbook)\\nW2 5min"' in source
    assert 'label="柜员点钞、核对存折\\nF3 · F4"' in source


def test_arrow_kinds_are_drawn_apart(structured_scene):
    edges = {line.strip() for line in render_dot(structured_scene).splitlines() if "constraint=false" in line}
    assert 'arrive -> triage [constraint=false id="arrive->triage"]' in edges
    assert '"交款" -> "点钞" [constraint=false dir=both id="交款->点钞"]' in edges
    assert '"点钞" -> post [constraint=false id="点钞-->post" style=dashed xlabel="end of day"]' in edges


def test_same_scene_same_bytes(structured_scene):
    assert render_dot(structured_scene) == render_dot(copy.deepcopy(structured_scene))


def test_a_scene_without_lane_bands_or_columns_still_exports(hand_made_scene):
    source = render_dot(hand_made_scene)
    assert "cluster_customer" in source and 'label=customer' in source
    run_dot(source, "svg")


# Through Graphviz


def test_hand_made_scene_renders_and_keeps_every_label(structured_scene):
    texts = svg_texts(run_dot(render_dot(structured_scene), "svg"))
    for expected in ("Branch cash deposit & <counter> service", "Customer actions", "Take a number",
                     "<script>alert(1)</script>", '"/><svg onload=alert(1)>', "end of day", "柜员点钞、核对存折"):
        assert expected in texts


def test_hostile_labels_survive_graphviz(structured_scene):
    cards = tuple(
        replace(card, label=label, lines=(), markers=())
        for card, label in zip(structured_scene.cards, HOSTILE_LABELS)
    )
    scene = replace(structured_scene, cards=cards, title='Title "quoted" \\ {x} <y>')
    texts = svg_texts(run_dot(render_dot(scene), "svg"))
    for label in (*HOSTILE_LABELS, 'Title "quoted" \\ {x} <y>'):
        assert label in texts


def test_hostile_blueprint_end_to_end():
    result = check_text(HOSTILE_BP, "hostile.bp")
    assert result.ok, result.diagnostics
    source = render_dot(layout(result.blueprint))
    joined = "\n".join(svg_texts(run_dot(source, "svg")))
    for expected in ('Hostile <labels> & "quotes"', 'Customer "actions" <b>', "Step {one}",
                     'Says "hello" to the teller', "<b>not HTML</b>", "& {braces}", "核心系统 \\ 记账",
                     'a "quoted" <label>'):
        assert expected in joined
    assert "C:\\new\\table" in joined.replace("\n", "")


def drawn_boxes(objects: list[dict]) -> dict[str, tuple[float, float, float, float]]:
    """Each drawn node's box (left, bottom, right, top) in points; Graphviz's y axis points up."""
    boxes = {}
    for node in objects:
        if "pos" in node:
            x, y = map(float, node["pos"].split(","))
            half_width, half_height = float(node["width"]) * 36, float(node["height"]) * 36
            boxes[node["name"]] = (x - half_width, y - half_height, x + half_width, y + half_height)
    return boxes


def centre(box: tuple[float, float, float, float]) -> float:
    return (box[0] + box[2]) / 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_example_draws_as_a_blueprint_grid(path):
    """Lanes stacked top to bottom in blueprint order with each card inside its
    lane; steps left to right; each step's cards in one column: a vertical line
    runs through all of them and their step's header, and they all stand left
    of every card of the next step.

    Where within its column Graphviz centres a card is its own choice, and it
    differs between versions (by up to about twenty points for these examples,
    against a column pitch of about two hundred), so that is not pinned."""
    scene = example_scene(path)
    objects = json.loads(run_dot(render_dot(scene), "json"))["objects"]
    clusters = {o["name"].removeprefix("cluster_"): o for o in objects
                if o["name"].startswith("cluster_") and o["name"] != "cluster_steps"}
    lanes = [band.lane for band in scene.lanes]
    # The emotion curve comes before the lanes, the rows under them (controls, …) after.
    above = [f"row_{row.kind}" for row in scene.rows if row.kind == "emotion"]
    assert list(clusters) == above + lanes + [f"row_{row.kind}" for row in scene.rows if row.kind != "emotion"]
    lane_box = {lane: tuple(map(float, clusters[lane]["bb"].split(","))) for lane in lanes}
    tops, bottoms = [lane_box[lane][3] for lane in lanes], [lane_box[lane][1] for lane in lanes]
    assert all(bottom > next_top for bottom, next_top in zip(bottoms, tops[1:])), "lanes overlap or are out of order"

    boxes = drawn_boxes(objects)
    for card in scene.cards:
        _, bottom, _, top = boxes[card.id]
        assert lane_box[card.lane][1] <= bottom and top <= lane_box[card.lane][3], f"{card.id} is outside its lane"

    steps = [column.step for column in scene.columns]
    heads = [boxes[f"step {step}"] for step in steps]
    assert all(left[2] < right[0] for left, right in zip(heads, heads[1:])), "steps are not left to right"
    columns = [[boxes[card.id] for card in scene.cards if card.step == step] for step in steps]
    for step, head, cards in zip(steps, heads, columns):
        assert max(box[0] for box in (head, *cards)) < min(box[2] for box in (head, *cards)), (
            f"no vertical line runs through every card of step {step} and its header")
    for step, cards, next_cards in zip(steps, columns, columns[1:]):
        if cards and next_cards:
            assert max(centre(box) for box in cards) < min(centre(box) for box in next_cards), (
                f"a card of step {step} stands right of a card of the step after it")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_example_dot_snapshot(path, snapshot):
    assert render_dot(example_scene(path)) == snapshot
