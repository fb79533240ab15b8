"""Property tests: random and mutated files never make the checker raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.api import check_bytes, check_text
from blueprint.catalogue import CODES

from .as_built import assert_validates_as_built
from .conftest import EXAMPLES

ALL = frozenset(code.code for code in CODES)
CORPUS = [path.read_bytes() for path in EXAMPLES]
TOKENS = [
    "blueprint", "step", "phase", "customer", "onstage", "backstage", "support", "evidence", "fail",
    "wait", "duration", "cost", "note", "link", "severity", "recover", "state", "lang", "max-wait",
    "lane", "line", "->", "-->", "<->", "..", '"', '"label"', "5min", "1h30min", "20", "1,200", "#",
    "\n", " ", "\t", "a", "b", "付款", "\\", "\r\n", "\ufeff",
]


def _assert_well_formed(result) -> None:
    for d in result.diagnostics:
        assert d.code in {code.code for code in CODES}
        assert d.span.line >= 1 and d.span.column >= 1
        assert d.message
    # The result, its source, blueprint and diagnostics are made unvalidated.
    assert_validates_as_built(result)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    _assert_well_formed(check_bytes("random.bp", data, ALL))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=120).map(" ".join))
def test_random_token_soup(text):
    _assert_well_formed(check_text(text, "soup.bp", ALL))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(CORPUS),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40), st.binary(max_size=8)), min_size=1, max_size=6),
)
def test_mutated_examples(original, edits):
    data = bytearray(original)
    for position, delete, insert in edits:
        at = position % (len(data) + 1)
        data[at : at + delete] = insert
    _assert_well_formed(check_bytes("mutated.bp", bytes(data), ALL))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CORPUS), st.data())
def test_examples_with_lines_shuffled_or_dropped(original, data):
    lines = original.decode().split("\n")
    kept = data.draw(st.lists(st.sampled_from(lines), max_size=len(lines)))
    _assert_well_formed(check_text("\n".join(kept), "shuffled.bp", ALL))
