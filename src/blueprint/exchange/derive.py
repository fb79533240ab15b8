"""Fill in what an imported document may leave out, before it is validated.

Everything filled in here follows from the rest of the document: positions
(a placeholder; the .bp file written gets real ones), F and W numbers
(document order), the action or step an attribute belongs to, a duration's
seconds (from its text) and a cost's amount (from its text). A value the
document does give is kept as given, and the round-trip comparison later
reports it if it disagrees with what the .bp file says.

The input is untrusted JSON: anything of an unexpected type is left alone
for validation to report.
"""

from __future__ import annotations

from typing import Any

from blueprint.model.durations import DurationError, parse_duration

PLACEHOLDER_SPAN = {"line": 0, "column": 0, "end_line": 0, "end_column": 0}


def _objects(value: Any) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _default(node: dict, field: str, value: Any) -> None:
    # A missing ID elsewhere is reported there; copying it here would only add noise.
    if value is not None:
        node.setdefault(field, value)


def _place(node: dict, *fields: str) -> None:
    for field in fields:
        node.setdefault(field, dict(PLACEHOLDER_SPAN))


def _scenario_spans(node: dict) -> None:
    """A placeholder position for each scenario an `only` names."""
    if isinstance(node.get("scenarios"), list):
        node.setdefault("scenario_spans", [dict(PLACEHOLDER_SPAN) for _ in node["scenarios"]])


def _duration(node: Any) -> None:
    if not isinstance(node, dict) or "seconds" in node or not isinstance(node.get("text"), str):
        return
    try:
        node["seconds"] = parse_duration(node["text"])
    except DurationError:
        node["seconds"] = 0  # the .bp check reports the text, with its JSON path


def _range(node: Any) -> None:
    if isinstance(node, dict):
        _place(node, "span")
        _duration(node.get("min"))
        _duration(node.get("max"))


def _cost(node: Any) -> None:
    if not isinstance(node, dict):
        return
    _place(node, "span")
    text = node.get("text")
    if "amount" not in node and isinstance(text, str):
        try:
            node["amount"] = float(text.replace(",", ""))
        except ValueError:
            node["amount"] = 0  # the .bp check reports the text, with its JSON path


def _channel_and_detail(owner: dict) -> None:
    if isinstance(owner.get("via"), dict):
        _place(owner["via"], "span", "channel_span")
    if isinstance(owner.get("detail"), dict):
        _place(owner["detail"], "span", "path_span")


class _Counters:
    def __init__(self) -> None:
        self.fails = 0
        self.waits = 0
        self.keys = 0

    def key(self, owner: dict) -> None:
        """A key mark's position and K number (a step's comes before its actions')."""
        mark = owner.get("key")
        if isinstance(mark, dict):
            self.keys += 1
            _place(mark, "span")
            mark.setdefault("number", self.keys)


def _action(action: dict, step_id: Any, counters: _Counters) -> None:
    _place(action, "span", "id_span")
    _scenario_spans(action)
    _default(action, "step", step_id)
    counters.key(action)
    _channel_and_detail(action)
    if isinstance(action.get("decision"), dict):
        _place(action["decision"], "span")
    for fail in _objects(action.get("fails")):
        counters.fails += 1
        _place(fail, "span")
        fail.setdefault("number", counters.fails)
        _default(fail, "action", action.get("id"))
    for wait in _objects(action.get("waits")):
        counters.waits += 1
        _place(wait, "span")
        wait.setdefault("number", counters.waits)
        _default(wait, "action", action.get("id"))
        _range(wait.get("duration"))
    _range(action.get("duration"))
    _cost(action.get("cost"))
    for link in _objects(action.get("links")):
        _place(link, "span")
    for found in (*_objects(action.get("controls")), *_objects(action.get("research"))):
        _place(found, "span")


def _metrics(owner: dict) -> None:
    for metric in _objects(owner.get("metrics")):
        _place(metric, "span")
        text = metric.get("text")
        if "value" not in metric and isinstance(text, str):
            try:
                metric["value"] = float(text.replace(",", ""))
            except ValueError:
                metric["value"] = 0  # the .bp check reports the text, with its JSON path


def _phases(blueprint: dict) -> None:
    """Step.phase and Phase.steps say the same thing; either may be left out."""
    phases, steps = _objects(blueprint.get("phases")), _objects(blueprint.get("steps"))
    for phase in phases:
        _place(phase, "span")
        _metrics(phase)
    for index, phase in enumerate(phases):
        listed = phase.get("steps")
        if isinstance(listed, list):
            for step in steps:
                if step.get("id") in listed:
                    step.setdefault("phase", index)
    for index, phase in enumerate(phases):
        phase.setdefault("steps", [step.get("id") for step in steps if step.get("phase") == index])


def fill_derived(document: Any, source_name: str) -> Any:
    """The document with what follows from it filled in (changed in place, and returned)."""
    if not isinstance(document, dict) or not isinstance(document.get("blueprint"), dict):
        return document
    blueprint = document["blueprint"]
    blueprint.setdefault("source_name", source_name)
    for header in _objects(blueprint.get("headers")):
        _place(header, "span")
    if isinstance(blueprint.get("max_wait"), dict):
        _duration(blueprint["max_wait"])
    counters = _Counters()
    for step in _objects(blueprint.get("steps")):
        _place(step, "span", "id_span")
        _scenario_spans(step)
        for found in (*_objects(step.get("controls")), *_objects(step.get("research"))):
            _place(found, "span")
        if isinstance(step.get("emotion"), dict):
            _place(step["emotion"], "span")
        _metrics(step)
        _channel_and_detail(step)
        counters.key(step)
        for evidence in _objects(step.get("evidence")):
            _place(evidence, "span")
            _default(evidence, "step", step.get("id"))
        for action in _objects(step.get("actions")):
            _action(action, step.get("id"), counters)
    _phases(blueprint)
    for flow in _objects(blueprint.get("flows")):
        _place(flow, "span", "source_span", "target_span")
        _scenario_spans(flow)
    for role in _objects(blueprint.get("roles")):
        _place(role, "span", "id_span")
    for declared in (*_objects(blueprint.get("channels")), *_objects(blueprint.get("scenarios"))):
        _place(declared, "span", "id_span")
    return document
