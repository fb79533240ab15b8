"""Readable, stable JSON for the golden files of the parse and model stages.

A span is written `line:column-end_line:end_column` (the end exclusive, as in
blueprint.source.Span): four numbers on one line rather than an object of
six, so a golden file reads like the .bp file it pins.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import OrderedDict
from dataclasses import fields
from pathlib import Path
from typing import Any

from blueprint.model.build import build
from blueprint.parse.parser import parse
from blueprint.parse.decode import decode
from blueprint.slotted import Record
from blueprint.source import Source, Span

ROOT = Path(__file__).resolve().parents[1]


def example_source(path: Path) -> Source:
    """The example as the checker reads it, named by its path in the project so
    the golden files do not depend on where the project is checked out."""
    source, problems = decode(f"examples/{path.name}", path.read_bytes())
    assert source is not None and problems == [], problems
    return source


def parsed_golden(path: Path) -> list[Any]:
    """The statements of an example, as its golden file holds them."""
    parsed = parse(example_source(path))
    assert parsed.diagnostics == (), parsed.diagnostics
    return statement_data(parsed.statements)


def built_golden(path: Path) -> dict[str, Any]:
    """The model of an example, as its golden file holds it."""
    source = example_source(path)
    blueprint, problems = build(source.name, parse(source).statements)
    assert problems == [], problems
    return with_compact_spans(blueprint.model_dump(mode="json"))


def goldens_in_a_fresh_process(function: str, paths: list[Path], hash_seed: str) -> str:
    """`json.dumps` of `function` (one of the above) over `paths`, computed by
    another interpreter with another hash seed: a golden form that depended on
    set order, object ids or anything left over in this process would differ."""
    script = (
        "import json, sys; from pathlib import Path; from tests import goldens; "
        f"make = goldens.{function}; "
        "print(json.dumps([make(Path(p)) for p in sys.argv[1:]], ensure_ascii=False))"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed,
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    completed = subprocess.run([sys.executable, "-c", script, *map(str, paths)], env=env, cwd=ROOT,
                               capture_output=True, text=True, encoding="utf-8", check=True)
    return completed.stdout.rstrip("\n")


def span_text(span: Span) -> str:
    return f"{span.line}:{span.column}-{span.end_line}:{span.end_column}"


def statement_data(value: Any) -> Any:
    """A statement (or a part of one) as JSON data: a record's type comes first,
    then its fields in the order they are declared."""
    if isinstance(value, Span):
        return span_text(value)
    if isinstance(value, Record):
        data: OrderedDict[str, Any] = OrderedDict(type=type(value).__name__)
        for field in fields(value):
            data[field.name] = statement_data(getattr(value, field.name))
        return data
    if isinstance(value, (tuple, list)):
        return [statement_data(item) for item in value]
    assert value is None or isinstance(value, (str, int, float, bool)), f"no JSON form for {value!r}"
    return value


def with_compact_spans(data: Any) -> Any:
    """Model data (`model_dump(mode="json")`) with every span field written as
    text. The model names its spans `span` or `<what>_span`, a tuple of them `<what>_spans`."""
    if isinstance(data, dict):
        return {key: _compact(key, value) for key, value in data.items()}
    if isinstance(data, list):
        return [with_compact_spans(item) for item in data]
    return data


def _compact(key: str, value: Any) -> Any:
    if (key == "span" or key.endswith("_span")) and value is not None:
        return span_text(Span(**value))
    if key.endswith("_spans"):
        return [span_text(Span(**span)) for span in value]
    return with_compact_spans(value)
