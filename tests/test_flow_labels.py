"""A label stands right after the arrow it names: `a -> b "L1" -> c "L2"`.

The older form, one label at the end of a chain (`a -> b -> c "L"`), keeps
the meaning it always had (the first arrow) and warns with BP306.
"""

from __future__ import annotations

import pytest

from blueprint.api import check_text
from blueprint.parse import parse
from blueprint.parse.statements import FlowStatement
from blueprint.source import Source

HEAD = 'blueprint "T"\nstep s "S"\n  customer a "A"\n  onstage b "B"\n  onstage c "C"\n  onstage d "D"\n'


def _flow_statement(line: str) -> FlowStatement:
    result = parse(Source(name="t.bp", text=HEAD + line + "\n"))
    assert not result.diagnostics
    return result.statements[-1]


def _flows(line: str) -> list[tuple[str, str, str, str | None]]:
    result = check_text(HEAD + line + "\n", "t.bp")
    assert result.errors == []
    return [(f.source, f.kind.value, f.target, f.label) for f in result.blueprint.flows]


def test_each_label_is_read_with_the_arrow_before_it_and_where_it_was_written():
    statement = _flow_statement('  a -> b "first" --> c <-> d "third"')
    assert [word.text for word in statement.endpoints] == ["a", "b", "c", "d"]
    assert statement.arrows == ("->", "-->", "<->")
    first, second, third = statement.labels
    assert second is None
    assert (first.text, first.span.line, first.span.column, first.span.end_column) == ("first", 7, 10, 17)
    assert (third.text, third.span.column) == ("third", 30)
    assert (statement.span.column, statement.span.end_column) == (3, 37)


def test_a_label_with_escapes_is_read_unescaped():
    statement = _flow_statement(r'  a -> b "say \"hi\"" -> c')
    assert statement.labels[0].text == 'say "hi"'


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


def test_a_label_before_an_arrow_target_is_a_syntax_error_with_a_hint():
    [error] = check_text(HEAD + '  a "L" -> b\n', "t.bp").diagnostics
    assert (error.code, error.span.column, error.message) == ("BP101", 9, "found the arrow ->; expected the end of the line")
    assert error.hint == 'a label follows the target of the arrow it names: a -> b "label"'


def test_two_labels_after_one_target_are_a_syntax_error():
    [error] = check_text(HEAD + '  a -> b "L" "M" -> c\n', "t.bp").diagnostics
    assert error.code == "BP101"
    assert error.message == 'found the string "M"; expected an arrow (->, --> or <->) or the end of the line'
    assert error.hint == "one statement per line: join the strings, or start a new line"
