"""Property tests: random and mutated files never make the checker raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import json

from blueprint.api import check_bytes, check_text, diff_results, export_result, import_model, stats_result
from blueprint.catalogue import CODES
from blueprint.model.durations import format_seconds
from blueprint.report.diff import format_diff
from blueprint.report.stats import format_stats_report

from .as_built import assert_validates_as_built
from .conftest import EXAMPLES

ALL = frozenset(code.code for code in CODES)
CORPUS = [path.read_bytes() for path in EXAMPLES]
TOKENS = [
    "blueprint", "step", "phase", "customer", "onstage", "backstage", "support", "evidence", "fail",
    "wait", "duration", "cost", "note", "link", "severity", "recover", "state", "lang", "max-wait",
    "lane", "line", "->", "-->", "<->", "..", '"', '"label"', "5min", "1h30min", "20", "1,200", "#",
    "\n", " ", "\t", "a", "b", "付款", "\\", "\r\n", "\ufeff",
    "control", "ref", "emotion", "-2", "+1", "annoyed", "metric", "1,,2", "-4.5", "pain", "idea",
    "opportunity", "question", "impact", "high", "confidence",
    "assumed",
    "role", "by", "staff", "system", "key", "decision", "channel", "via", "app", "branch",
    "scenario", "only", ",", "walk-in", "online",
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


# --- numbers of any size: durations and costs ----------------------------------------

# Short numbers, and runaway ones past what a float holds (about 309 digits).
_DIGITS = st.one_of(st.text("0123456789", min_size=1, max_size=7), st.text("0123456789", min_size=290, max_size=400))
NUMBER = st.tuples(_DIGITS, st.one_of(st.just(""), st.text("0123456789", min_size=1, max_size=30))).map(
    lambda parts: parts[0] + (f".{parts[1]}" if parts[1] else ""))
DURATION = st.lists(st.tuples(NUMBER, st.sampled_from(["s", "min", "h", "d"])), min_size=1, max_size=4,
                    unique_by=lambda part: part[1]).map(lambda parts: "".join(n + u for n, u in parts))
AMOUNT = st.one_of(NUMBER, st.integers(0, 10**15).map("{:,}".format))
ACTION = 'blueprint "T"\nmax-wait {promise}\nstep s "S"\n  customer c "C"\n'


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DURATION, DURATION, DURATION, AMOUNT)
def test_any_duration_or_cost_is_reported_or_stays_finite_everywhere(low, high, promise, amount):
    text = ACTION.format(promise=promise) + f"    wait {low}..{high}\n    duration {high}\n    cost {amount} CNY\n"
    result = check_text(text, "numbers.bp", ALL)
    _assert_well_formed(result)
    if not result.ok:
        assert {d.code for d in result.errors} <= {"BP113", "BP114", "BP204"}
        return
    # A blueprint that checks clean can be counted, compared, exported and imported.
    [action] = result.blueprint.steps[0].actions
    for seconds in (action.duration.min.seconds, action.duration.max.seconds, result.blueprint.max_wait.seconds):
        assert format_seconds(seconds)
    format_stats_report([stats_result(result)])
    format_diff(diff_results(result, result), result.blueprint, result.blueprint)
    document = export_result(result)
    assert json.loads(document)["blueprint"]["steps"][0]["actions"][0]["cost"]["amount"] is not None
    assert import_model(document.encode("utf-8")).ok
