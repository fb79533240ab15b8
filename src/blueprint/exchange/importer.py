"""`import`: a JSON model document in, .bp text out, or the problems that stop it.

Each gate hands on only what passed the one before: JSON syntax, the
envelope (format and version), derived fields filled in, pydantic validation
against the model (strict: no "5" for 5), no unknown fields, values a .bp
line can hold; then the .bp text is written and checked as a file would be,
and its model must equal the document's but for positions. Only then is
there text to write, so an invalid file is never produced.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from blueprint.diagnostics import Diagnostic
from blueprint.exchange.derive import fill_derived
from blueprint.exchange.document import MODEL_FORMAT, MODEL_VERSION, ModelDocument
from blueprint.exchange.positions import is_position, without_positions
from blueprint.exchange.problems import ImportProblem, json_path
from blueprint.exchange.write_bp import BpText, to_bp
from blueprint.model.types import ACTION_LANES, Blueprint
from blueprint.suggest import as_hint, first_alike

MAX_LISTED = 20  # problems reported at most; the rest are counted
# The export of the largest .bp file the checker reads (8 MiB) is several
# times its size; the bound keeps a runaway input from taking all memory.
MAX_DOCUMENT_MIB = 64
MAX_DOCUMENT_BYTES = MAX_DOCUMENT_MIB * 1024 * 1024
# A model document nests about ten arrays and objects deep; every step of the
# import walks it recursively, so a much deeper document is refused before
# anything reads it (it would exhaust the interpreter's stack).
MAX_DEPTH = 32
_JSON_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.S)
_JSON_NESTING = re.compile(r"[\[\]{}]")


class ImportResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str | None  # the .bp file to write; None when there are problems
    problems: tuple[ImportProblem, ...]

    @property
    def ok(self) -> bool:
        return self.text is not None


class _Stop(Exception):
    def __init__(self, problems: list[ImportProblem]) -> None:
        self.problems = problems


def _reject_constant(name: str) -> float:
    raise ValueError(f"found {name}, which JSON does not allow")


def _parse(data: bytes) -> Any:
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _Stop([ImportProblem(path="$", message=f"found more than {MAX_DOCUMENT_MIB} MiB; import reads model "
                                   f"documents up to {MAX_DOCUMENT_MIB} MiB",
                                   hint="split the service into several blueprints")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Stop([ImportProblem(path="$", message=f"found a byte (0x{data[error.start]:02x}) that is not UTF-8",
                                   hint="save the file as UTF-8")]) from None
    if _deeper_than(MAX_DEPTH, text):
        raise _Stop([ImportProblem(path="$", message=f"found arrays and objects nested more than {MAX_DEPTH} deep; "
                                   "a model document is never that deep",
                                   hint="write it with blueprint export, or see blueprint schema")])
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        raise _Stop([ImportProblem(path="$", message=message)]) from None
    except ValueError as error:
        raise _Stop([ImportProblem(path="$", message=f"not valid JSON: {error}")]) from None


def _deeper_than(limit: int, text: str) -> bool:
    """Whether the JSON text nests arrays and objects more than `limit` deep
    (brackets inside strings do not count)."""
    depth = 0
    for match in _JSON_NESTING.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > limit:
            return True
    return False


def _envelope(document: Any) -> None:
    if not isinstance(document, dict):
        raise _Stop([ImportProblem(path="$", message="expected a JSON object with format, version and blueprint",
                                   hint="write it with blueprint export, or see blueprint schema")])
    problems = []
    if document.get("format") != MODEL_FORMAT:
        found = json.dumps(document.get("format"), ensure_ascii=False) if "format" in document else "nothing"
        problems.append(ImportProblem(path="$.format", message=f'expected "{MODEL_FORMAT}", found {found}',
                                      hint="this is not a blueprint model document"))
    version = document.get("version")
    whole = isinstance(version, int) and not isinstance(version, bool)  # not true, not 1.0
    if whole and version > MODEL_VERSION:
        problems.append(ImportProblem(path="$.version", message=f"found version {version}; this blueprint reads "
                                      f"version {MODEL_VERSION}", hint="upgrade blueprint to import this document"))
    elif not whole or version != MODEL_VERSION:
        found = json.dumps(version) if "version" in document else "nothing"
        problems.append(ImportProblem(path="$.version", message=f"expected {MODEL_VERSION}, found {found}"))
    if problems:
        raise _Stop(problems)


def _validated(document: Any) -> ModelDocument:
    try:
        return ModelDocument.model_validate_json(json.dumps(document), strict=True)
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            message = item["msg"]
            found = item.get("input")
            if item["type"] == "missing":
                message = "missing; this field is required"
            elif not isinstance(found, dict | list):
                message += f" (found {json.dumps(found, ensure_ascii=False)})"
            problems.append(ImportProblem(path=json_path(item["loc"]), message=message))
        raise _Stop(problems) from None


def _unknown_fields(given: Any, known: Any, location: tuple = ()) -> list[ImportProblem]:
    """Keys in the document that the model does not have (a misspelt optional field would vanish)."""
    problems = []
    if isinstance(given, dict) and isinstance(known, dict):
        for key, value in given.items():
            if key not in known:
                hint = as_hint(first_alike(key, (name for name in known if not is_position(name)), 0.75))
                problems.append(ImportProblem(path=json_path((*location, key)), message="unknown field", hint=hint))
            else:
                problems += _unknown_fields(value, known[key], (*location, key))
    elif isinstance(given, list) and isinstance(known, list):
        for index, (value, model_value) in enumerate(zip(given, known)):
            problems += _unknown_fields(value, model_value, (*location, index))
    return problems


def _line_breaks(value: Any, location: tuple = ()) -> list[ImportProblem]:
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return [ImportProblem(path=json_path(location), message="contains a line break; a .bp statement is one line",
                              hint="replace the line break with a space, or split the text into several notes")]
    if isinstance(value, dict):
        return [problem for key, item in value.items() for problem in _line_breaks(item, (*location, key))]
    if isinstance(value, list):
        return [problem for index, item in enumerate(value) for problem in _line_breaks(item, (*location, index))]
    return []


def _writable(blueprint: Blueprint) -> list[ImportProblem]:
    """What the writer cannot even attempt: actions in the evidence row, phases that do not exist."""
    problems = []
    for s, step in enumerate(blueprint.steps):
        if step.phase is not None and not 0 <= step.phase < len(blueprint.phases):
            problems.append(ImportProblem(path=f"$.blueprint.steps[{s}].phase",
                                          message=f"found phase {step.phase}, but the blueprint has "
                                          f"{len(blueprint.phases)} phase{'' if len(blueprint.phases) == 1 else 's'}",
                                          hint="phase is an index into blueprint.phases, counting from 0"))
        for a, action in enumerate(step.actions):
            if action.lane not in ACTION_LANES:
                problems.append(ImportProblem(path=f"$.blueprint.steps[{s}].actions[{a}].lane",
                                              message="found the lane 'evidence' for an action",
                                              hint="an action's lane is customer, onstage, backstage or support; "
                                              "physical evidence goes in the step's evidence list"))
    return problems


# The importer does not check .bp text itself: checking is the whole pipeline
# above this stage. Whoever imports (the API) passes the check to use: it
# takes a file name and .bp bytes and gives the blueprint read back, or None,
# and the errors found.
Checker = Callable[[str, bytes], tuple[Blueprint | None, Sequence[Diagnostic]]]


def _checked(bp: BpText, name: str, check: Checker) -> Blueprint:
    blueprint, errors = check(name, bp.text.encode("utf-8"))
    problems = [
        ImportProblem(path=bp.origin(d.span.line) or "$", message=d.message, hint=d.hint,
                      bp_line=bp.lines[d.span.line - 1] if 1 <= d.span.line <= len(bp.lines) else None)
        for d in errors
    ]
    if problems or blueprint is None:
        raise _Stop(problems)
    return blueprint


_HINTS = {
    "number": "F and W numbers count fail and wait points in document order; leave them out and import numbers them",
    "seconds": "seconds must agree with text; leave seconds out and import works them out",
    "amount": "amount must agree with text; leave amount out and import works it out",
    "phase": "steps come in phase order, and steps without a phase only before the first phase",
    "steps": "a phase lists the steps whose phase is its index, in order",
    "step": "an action or piece of evidence names the step it is in; leave it out",
    "action": "a fail or wait point names the action it is under; leave it out",
    "id": "an action without an ID in .bp gets STEP.LANEn (n counts the step's actions in that lane); "
    "use that ID, or set generated_id to false and choose a name",
}


def _differences(given: Any, read: Any, location: tuple, found: list) -> None:
    if len(found) >= 5:
        return
    if isinstance(given, dict) and isinstance(read, dict):
        for key in given:
            _differences(given[key], read.get(key), (*location, key), found)
    elif isinstance(given, list) and isinstance(read, list) and len(given) == len(read):
        for index, (a, b) in enumerate(zip(given, read)):
            _differences(a, b, (*location, index), found)
    elif given != read:
        found.append((location, given, read))


def _shown(value: Any) -> str:
    # Seconds and amounts are floats in the model; show 600 as the document would write it.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return json.dumps(value, ensure_ascii=False)


def _same_model(document: ModelDocument, written: Blueprint) -> None:
    given = without_positions(document.blueprint.model_dump(mode="json"))
    read = without_positions(written.model_dump(mode="json"))
    found: list = []
    _differences(given, read, ("blueprint",), found)
    if found:
        raise _Stop([
            ImportProblem(
                path=json_path(location),
                message=f"the document says {_shown(a)}, but written as .bp it reads back as {_shown(b)}",
                hint=_HINTS.get(str(location[-1])),
            )
            for location, a, b in found
        ])


def import_document(data: bytes, check: Checker, source_name: str = "<stdin>",
                    output_name: str = "<import>") -> ImportResult:
    """The .bp text for a model document, or every problem that stands in the way;
    `check` reads the written text back (see Checker)."""
    try:
        raw = _parse(data)
        _envelope(raw)
        fill_derived(raw, output_name)
        document = _validated(raw)
        problems = _unknown_fields(raw, document.model_dump(mode="json"))
        problems += _line_breaks(raw)
        problems += _writable(document.blueprint)
        if problems:
            raise _Stop(problems)
        bp = to_bp(document.blueprint)
        _same_model(document, _checked(bp, output_name, check))
    except _Stop as stop:
        problems = stop.problems or [ImportProblem(path="$", message="the document cannot be written as .bp")]
        return ImportResult(text=None, problems=tuple(problems[:MAX_LISTED]) + _more(len(problems)))
    return ImportResult(text=bp.text, problems=())


def _more(count: int) -> tuple[ImportProblem, ...]:
    if count <= MAX_LISTED:
        return ()
    return (ImportProblem(path="$", message=f"and {count - MAX_LISTED} more problems not listed"),)
