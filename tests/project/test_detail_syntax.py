"""`detail "path.bp"` under a step or an action: parsed, built, formatted,
exported and imported back, highlighted."""

from __future__ import annotations

from pygments.token import Keyword, String

from blueprint.api import check_text, export_result, format_text, import_model
from blueprint.integrations.pygments_lexer import BlueprintLexer

TEXT = '''blueprint "Open an account"

step apply "Apply"
  detail "apply.bp"
  customer fill "Fills in the form"
  onstage take "Takes the form"
    detail "checks/身份核验.bp"
  fill -> take
'''


def test_a_detail_marks_the_step_before_its_first_action_then_the_action():
    result = check_text(TEXT, "open.bp")
    assert result.diagnostics == ()
    step = result.blueprint.steps[0]
    assert step.detail.path == "apply.bp"
    assert (step.detail.path_span.line, step.detail.path_span.column) == (4, 10)
    assert step.actions[0].detail is None
    assert step.actions[1].detail.path == "checks/身份核验.bp"


def test_a_second_detail_in_one_place_is_the_repeated_attribute_finding():
    result = check_text(TEXT.replace('  customer fill', '  detail "other.bp"\n  customer fill'), "open.bp")
    assert [d.code for d in result.diagnostics] == ["BP211"]
    assert result.blueprint.steps[0].detail.path == "apply.bp"


def test_fmt_indents_a_detail_by_what_it_belongs_to():
    flat = "\n".join(line.strip() for line in TEXT.splitlines()) + "\n"
    assert format_text(flat).text == TEXT


def test_a_detail_survives_export_and_import():
    imported = import_model(export_result(check_text(TEXT, "open.bp")).encode(), "model.json", "out.bp")
    assert imported.ok, imported.problems
    assert 'detail "apply.bp"' in imported.text and '    detail "checks/身份核验.bp"' in imported.text
    back = check_text(imported.text, "out.bp").blueprint
    assert back.steps[0].detail.path == "apply.bp" and back.steps[0].actions[1].detail.path == "checks/身份核验.bp"


def test_the_lexer_reads_detail_and_its_path():
    tokens = list(BlueprintLexer().get_tokens('  detail "checks/identity.bp"\n'))
    assert [value for kind, value in tokens if kind in Keyword] == ["detail"]
    assert any(kind in String and "identity.bp" in value for kind, value in tokens)


def test_diff_lists_a_detail_added_removed_or_pointed_elsewhere():
    from blueprint.api import diff_results

    old = check_text(TEXT, "old.bp")
    new = check_text(TEXT.replace('"apply.bp"', '"application.bp"').replace('    detail "checks/身份核验.bp"\n', ""),
                     "new.bp")
    found = diff_results(old, new)
    assert [(step.id, [(c.field, c.old, c.new) for c in step.changes]) for step in found.steps.changed] == [
        ("apply", [("detail", "apply.bp", "application.bp")])]
    assert [(action.id, [(c.field, c.old, c.new) for c in action.changes]) for action in found.actions.changed] == [
        ("take", [("detail", "checks/身份核验.bp", None)])]
