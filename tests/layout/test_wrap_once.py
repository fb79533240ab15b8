"""Wrapping does no work twice: a text is wrapped once per measurer (one
drawing), and a paragraph that fits whole is measured once, with the lines
greedy filling would give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint.layout import wrap as line_wrap
from blueprint.layout.measure import FontMetricsMeasurer
from blueprint.layout.text import block, wrapped

LABEL = "Customer uploads the signed loan agreement and proof of address"


class CountingMeasurer(FontMetricsMeasurer):
    """Liberation Sans, counting what it is asked to measure."""

    def __init__(self) -> None:
        super().__init__()
        self.measured: list[str] = []

    def width(self, text: str, size: float, bold: bool = False) -> float:
        self.measured.append(text)
        return super().width(text, size, bold)


def test_a_text_is_wrapped_once_per_measurer() -> None:
    measurer = CountingMeasurer()
    first, first_height = block(measurer, "card-text", LABEL, 10, 20, 154, 12, max_lines=4)
    assert len(first) > 1 and measurer.measured
    measured = len(measurer.measured)
    again, again_height = block(measurer, "card-text", LABEL, 300, 400, 154, 12, max_lines=4)
    assert len(measurer.measured) == measured  # lines and their widths remembered
    assert again_height == first_height
    assert [text.content for text in again] == [text.content for text in first]
    assert [span.x for text in again for span in text.spans] == [span.x + 290 for text in first for span in text.spans]


def test_what_is_remembered_is_keyed_on_every_input() -> None:
    measurer = CountingMeasurer()
    lines, _ = wrapped(measurer, LABEL, 154, 12)
    assert wrapped(measurer, LABEL, 154, 12, bold=True)[0] != lines  # bold is wider
    assert wrapped(measurer, LABEL, 154, 12, max_lines=1)[0] == (line_wrap.wrap(LABEL, 154, 12, measurer, max_lines=1)[0],)
    assert wrapped(measurer, LABEL, 300, 12)[0] == tuple(line_wrap.wrap(LABEL, 300, 12, measurer))
    other = CountingMeasurer()
    assert wrapped(other, LABEL, 154, 12)[0] == lines and other.measured  # a new drawing measures again


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "wide", "W", "i", "—", "state-of-the-art", "r’s", "x/y", "Łódź"]),
                min_size=1, max_size=12),
       st.floats(min_value=20, max_value=400))
def test_a_paragraph_tried_whole_gives_the_filled_lines(words: list[str], max_width: float) -> None:
    measurer = FontMetricsMeasurer()
    text = " ".join(words)

    def fits(candidate: str) -> bool:
        return measurer.width(candidate, 12) <= max_width

    if not fits(text):
        return
    assert line_wrap.wrap(text, max_width, 12, measurer) == [text]
    assert line_wrap._fill_lines(line_wrap._atoms(text), fits) == [text]
