"""No text of a drawing is smaller than 11 px at natural size: card labels,
flow and line labels, F and W badges, recovery tags, the NEW and CHANGED
badges of a comparison drawing, the legend and the lists. Smaller, a reader
at arm's length from a printed wall, or with low vision, cannot read it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from blueprint.api import check_file, diff_results
from blueprint.layout import layout
from blueprint.scene import scene_data

from ..conftest import EXAMPLES, ROOT

SMALLEST = 11.0


def _texts(data) -> Iterator[dict]:
    """Every line of text anywhere in a scene's data: a node with a size and spans."""
    if isinstance(data, dict):
        if "size" in data and "spans" in data:
            yield data
        for value in data.values():
            yield from _texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value)


def _too_small(scene) -> list[tuple[str, float, str]]:
    texts = list(_texts(scene_data(scene)))
    assert texts, "the scene has no text to check"
    return [(text["role"], text["size"], "".join(span["text"] for span in text["spans"]))
            for text in texts if text["size"] < SMALLEST]


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_no_text_of_an_example_is_smaller_than_11_px(path):
    assert _too_small(layout(check_file(path).blueprint)) == []


def test_no_text_of_a_comparison_drawing_is_smaller_than_11_px():
    """The NEW and CHANGED badges and the ring of a new fail point appear only here."""
    old = check_file(ROOT / "examples" / "branch-visit-current.bp")
    new = check_file(ROOT / "examples" / "branch-visit-future.bp")
    scene = layout(new.blueprint, compare=diff_results(old, new))
    roles = {text["role"] for text in _texts(scene_data(scene))}
    assert "badge-text" in roles
    assert _too_small(scene) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_no_text_of_an_overview_drawing_is_smaller_than_11_px(path):
    from blueprint.layout import layout_overview

    assert _too_small(layout_overview(check_file(path).blueprint)) == []
