"""The architecture holds: the import contracts in pyproject.toml (layers,
the render contract, no cycles) and what each contract is for, observed in a
fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_contracts_are_kept():
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports())"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def loaded_after_import(module: str) -> set[str]:
    code = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(run.stdout))


@pytest.mark.parametrize("renderer", ["svg", "html", "dot", "png"])
def test_a_renderer_loads_neither_the_parser_nor_the_model_builder(renderer):
    loaded = loaded_after_import(f"blueprint.render.{renderer}")
    assert not {m for m in loaded if m == "lark" or m.startswith("lark.")}
    assert not {m for m in loaded if m.startswith(("blueprint.parse", "blueprint.model", "blueprint.layout"))}


@pytest.mark.parametrize("report", ["table", "stats", "diff", "diagnostics", "machine"])
def test_a_text_report_loads_neither_the_pipeline_nor_the_command_line(report):
    loaded = loaded_after_import(f"blueprint.report.{report}")
    assert "click" not in loaded
    assert not {m for m in loaded if m == "lark" or m.startswith("lark.")}
    # The rule list of SARIF names every stage's diagnostic declarations; the
    # parser, its grammar and the pipeline stay unloaded.
    assert not {m for m in loaded if m.startswith(("blueprint.parse.parser", "blueprint.parse.grammar",
                                                   "blueprint.api", "blueprint.cli"))}


def test_naming_a_model_type_does_not_load_the_builder():
    loaded = loaded_after_import("blueprint.model.types")
    assert "blueprint.model.build" not in loaded
    assert "lark" not in loaded


# Modules small enough to read in one sitting, functions short enough to hold
# in one's head: the limits docs/architecture.md states.
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def test_no_module_or_function_outgrows_its_limit():
    import ast

    too_long = []
    for path in sorted((ROOT / "src" / "blueprint").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        if text.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    assert too_long == []
