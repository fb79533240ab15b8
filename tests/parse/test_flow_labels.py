"""Flow statements as written: each arrow's label is the string after its target.

Which arrow a label names is the model builder's to say (tests/model/test_flow_labels.py).
"""

from __future__ import annotations

from blueprint.api import check_text
from blueprint.parse.parser import parse
from blueprint.parse.statements import FlowStatement
from blueprint.source import Source

HEAD = 'blueprint "T"\nstep s "S"\n  customer a "A"\n  onstage b "B"\n  onstage c "C"\n  onstage d "D"\n'


def _flow_statement(line: str) -> FlowStatement:
    result = parse(Source(name="t.bp", text=HEAD + line + "\n"))
    assert not result.diagnostics
    return result.statements[-1]


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


def test_a_label_before_an_arrow_target_is_a_syntax_error_with_a_hint():
    [error] = check_text(HEAD + '  a "L" -> b\n', "t.bp").diagnostics
    assert (error.code, error.span.column, error.message) == ("BP101", 9, "found the arrow ->; expected the end of the line")
    assert error.hint == 'a label follows the target of the arrow it names: a -> b "label"'


def test_two_labels_after_one_target_are_a_syntax_error():
    [error] = check_text(HEAD + '  a -> b "L" "M" -> c\n', "t.bp").diagnostics
    assert error.code == "BP101"
    assert error.message == 'found the string "M"; expected an arrow (->, --> or <->) or the end of the line'
    assert error.hint == "one statement per line: join the strings, or start a new line"
