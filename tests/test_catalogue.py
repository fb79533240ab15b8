"""Every code is declared once, beside the stage that reports it, and the catalogue knows them all.

The checks read the package's source: a declaration is a `NAME = declare(code=...)`
statement, a report is `NAME.at(...)` on a declaration (or on a `Code` a
function was handed), and nothing else makes a diagnostic or names a code.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import blueprint
from blueprint.api import check_text
from blueprint.catalogue import BY_CODE, CODES, DEFAULT_CODES, DuplicateCodeError, _collect
from blueprint.diagnostics import Level, declare
from blueprint.model.build import build
from blueprint.parse.parser import parse
from blueprint.source import Source
from blueprint.validate import validate

PACKAGE = Path(blueprint.__file__).parent
MODULES = {path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
           for path in sorted(PACKAGE.rglob("*.py"))}
STAGES = ("parse/", "model/", "validate/", "diagnostics/", "source.py", "suggest.py", "vocabulary.py")
_CODE = re.compile(r"BP\d{3}")


def _declarations() -> list[tuple[str, str, str]]:
    """(module, constant name, code) of every `NAME = declare(code="BPnnn", ...)`."""
    found = []
    for module, tree in MODULES.items():
        for statement in ast.walk(tree):
            if (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call)
                    and isinstance(statement.value.func, ast.Name) and statement.value.func.id == "declare"):
                code = next(k.value.value for k in statement.value.keywords if k.arg == "code")
                found += [(module, target.id, code) for target in statement.targets]
    return found


def test_every_code_is_declared_once_and_the_catalogue_has_each_declaration():
    declared = [code for _, _, code in _declarations()]
    assert sorted(declared) == sorted(set(declared)), "a code is declared twice"
    assert sorted(declared) == [code.code for code in CODES]


def test_the_catalogue_holds_the_declarations_the_stages_report_with():
    for module, name, code in _declarations():
        dotted = "blueprint." + module.removesuffix(".py").replace("/", ".")
        stage_module = __import__(dotted, fromlist=[name])
        assert BY_CODE[code] is getattr(stage_module, name), f"{dotted}.{name}"


def _reported(call: ast.Call) -> str | None:
    """The name a call reports with: `NAME.at(...)`, or `draft.report(NAME, ...)` in the model builder."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "at" and isinstance(func.value, ast.Name):
        return func.value.id
    if isinstance(func, ast.Attribute) and func.attr == "report" and call.args and isinstance(call.args[0], ast.Name):
        return call.args[0].id
    return None


def _makes_a_diagnostic(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Name) and func.id == "Diagnostic") or (
        isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "Diagnostic")


def _imports_diagnostics(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.ImportFrom) and (node.module or "").startswith("blueprint.diagnostics")
               for node in ast.walk(tree))


def test_every_report_goes_through_a_declaration():
    names = {name for _, name, _ in _declarations()}
    reports = 0
    for module, tree in MODULES.items():
        # Only the stages that report diagnostics read `NAME.at(...)` as a report;
        # elsewhere (the layout's spatial index, say) `.at` means something else.
        reporting = module.startswith(STAGES) or _imports_diagnostics(tree)
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            reported = _reported(call) if reporting else None
            if reported is not None:
                reports += 1
                # `code`: a parameter typed Code, handed a declaration by its caller.
                assert reported in names or reported == "code", f"{module}: reports {reported}, which is not declared"
            if _makes_a_diagnostic(call):
                assert module == "diagnostics/declaration.py", f"{module} makes a diagnostic without its declaration"
    assert reports > len(CODES)


def test_no_module_names_a_code_but_its_declaration():
    for module, tree in MODULES.items():
        declared_here = {id(k.value) for n in ast.walk(tree) if isinstance(n, ast.Call)
                         and isinstance(n.func, ast.Name) and n.func.id == "declare"
                         for k in n.keywords if k.arg == "code"}
        for constant in ast.walk(tree):
            if isinstance(constant, ast.Constant) and isinstance(constant.value, str) and _CODE.fullmatch(constant.value):
                assert id(constant) in declared_here, f"{module}:{constant.lineno} names {constant.value}"


def test_the_stages_never_import_the_catalogue():
    for module, tree in MODULES.items():
        if not module.startswith(STAGES):
            continue
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(name.startswith("blueprint.catalogue") for name in names), module


def test_two_declarations_of_one_code_are_refused():
    first = declare(code="BP999", name="one", level=Level.ERROR, summary="", why="", bad="", good="")
    second = declare(code="BP999", name="other", level=Level.ERROR, summary="", why="", bad="", good="")
    assert list(_collect((first,), (first,))) == ["BP999"]  # one declaration, shared by two stages
    with pytest.raises(DuplicateCodeError):
        _collect((first,), (second,))


def test_default_codes_are_every_error_and_the_warnings_on_by_default():
    assert {code.code for code in CODES if code.level is Level.ERROR} <= DEFAULT_CODES
    assert "BP305" not in DEFAULT_CODES and "BP301" in DEFAULT_CODES


# --- meaning checks are the validator's ------------------------------------------------
REPEATS = (
    'blueprint "T"\nstate current\nstate future\nstep s "S"\n  customer c "C"\n'
    "    duration 2min\n    duration 5min\n    cost 5\n    cost 1,,2\n"
)


def test_the_builder_keeps_the_first_value_and_reports_no_repetition():
    blueprint, structural = build("t.bp", parse(Source(name="t.bp", text=REPEATS)).statements)
    assert structural == []
    assert blueprint.state.value == "current"
    assert [(h.keyword, h.span.line) for h in blueprint.headers] == [("blueprint", 1), ("state", 2), ("state", 3)]
    action = blueprint.steps[0].actions[0]
    assert (action.duration.text, action.cost.text) == ("2min", "5")
    assert [(r.keyword, r.span.line, r.first_line) for r in blueprint.repeated_attributes] == [
        ("duration", 7, 6), ("cost", 9, 8)]
    assert sorted((d.code, d.span.line) for d in validate(blueprint, {"BP208", "BP211"})) == [
        ("BP208", 3), ("BP211", 7), ("BP211", 9)]


def test_what_the_builder_sets_aside_stays_out_of_the_model_data():
    blueprint = check_text(REPEATS).blueprint
    assert blueprint.repeated_attributes
    assert "repeated_attributes" not in blueprint.model_dump_json()
