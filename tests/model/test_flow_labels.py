"""A label stands right after the arrow it names: `a -> b "L1" -> c "L2"`.

The older form, one label at the end of a chain (`a -> b -> c "L"`), keeps
the meaning it always had (the first arrow) and warns with BP306.
"""

from __future__ import annotations

import pytest

from blueprint.api import check_text

HEAD = 'blueprint "T"\nstep s "S"\n  customer a "A"\n  onstage b "B"\n  onstage c "C"\n  onstage d "D"\n'


def _flows(line: str) -> list[tuple[str, str, str, str | None]]:
    result = check_text(HEAD + line + "\n", "t.bp")
    assert result.errors == []
    return [(f.source, f.kind.value, f.target, f.label) for f in result.blueprint.flows]


@pytest.mark.parametrize(
    ("line", "flows"),
    [
        ('  a -> b "L"', [("a", "handoff", "b", "L")]),
        ('  a -> b "L1" -> c "L2"', [("a", "handoff", "b", "L1"), ("b", "handoff", "c", "L2")]),
        ('  a -> b "L1" --> c', [("a", "handoff", "b", "L1"), ("b", "deferred", "c", None)]),
        ('  a -> b --> c "L2" -> d', [("a", "handoff", "b", None), ("b", "deferred", "c", "L2"), ("c", "handoff", "d", None)]),
        ('  a -> b "" -> c "L2"', [("a", "handoff", "b", ""), ("b", "handoff", "c", "L2")]),
        ('  a -> b -> c', [("a", "handoff", "b", None), ("b", "handoff", "c", None)]),
    ],
)
def test_each_arrow_gets_the_label_written_after_its_target(line, flows):
    assert _flows(line) == flows
    assert check_text(HEAD + line + "\n").diagnostics == ()


@pytest.mark.parametrize(
    ("line", "flows"),
    [
        ('  a -> b -> c "L"', [("a", "handoff", "b", "L"), ("b", "handoff", "c", None)]),
        ('  a --> b <-> c -> d "L"',
         [("a", "deferred", "b", "L"), ("b", "agreement", "c", None), ("c", "handoff", "d", None)]),
    ],
)
def test_the_older_form_keeps_its_label_on_the_first_arrow_and_warns(line, flows):
    assert _flows(line) == flows
    [warning] = check_text(HEAD + line + "\n", "t.bp").diagnostics
    assert (warning.code, warning.level.value, warning.span.line) == ("BP306", "warning", 7)


def test_the_older_form_warning_can_be_switched_off():
    text = HEAD + '  a -> b -> c "L"\n'
    assert check_text(text, enabled=set()).diagnostics == ()
