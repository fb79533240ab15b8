"""The JSON Schema of the interchange document, generated from the pydantic models.

Two adjustments are made to what pydantic generates. Fields that `import`
works out for itself (source positions, F and W numbers, the IDs an
attribute belongs to, a duration's seconds, a cost's amount) are not
required, so that other tools need not invent them; `export` always writes
them. And objects allow no other properties, because `import` rejects
unknown fields (a misspelt optional field would otherwise vanish silently).
"""

from __future__ import annotations

import json
from typing import Any

from blueprint.exchange.document import ModelDocument

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Per model: the fields import derives when they are left out (see derive.py).
DERIVED_FIELDS: dict[str, frozenset[str]] = {
    "Blueprint": frozenset({"source_name"}),
    "Step": frozenset({"span", "id_span"}),
    "Phase": frozenset({"span"}),
    "Evidence": frozenset({"span", "step"}),
    "Action": frozenset({"span", "id_span", "step"}),
    "FailPoint": frozenset({"span", "number", "action"}),
    "WaitPoint": frozenset({"span", "number", "action"}),
    "DurationRange": frozenset({"span"}),
    "Duration": frozenset({"seconds"}),
    "Cost": frozenset({"span", "amount"}),
    "Link": frozenset({"span"}),
    "Flow": frozenset({"span", "source_span", "target_span"}),
    "Header": frozenset({"span"}),
    "Role": frozenset({"span", "id_span"}),
    "KeyMark": frozenset({"span", "number"}),
    "Decision": frozenset({"span"}),
    "Via": frozenset({"span", "channel_span"}),
    "ChannelLabel": frozenset({"span", "id_span"}),
    "Detail": frozenset({"span", "path_span"}),
}
DERIVED_FIELDS |= {
    "Control": frozenset({"span"}),
    "Emotion": frozenset({"span"}),
    "Metric": frozenset({"span", "value"}),
    "ResearchNote": frozenset({"span"}),
    "Scenario": frozenset({"span", "id_span"}),
}
_DERIVED_NOTE = "May be left out on import, which works it out."


def model_schema() -> dict[str, Any]:
    schema = ModelDocument.model_json_schema()
    schema["additionalProperties"] = False
    for name, definition in schema.get("$defs", {}).items():
        if "properties" in definition:
            definition["additionalProperties"] = False
        derived = DERIVED_FIELDS.get(name, frozenset())
        if not derived:
            continue
        definition["required"] = [field for field in definition.get("required", []) if field not in derived]
        for field in sorted(derived):
            prop = definition["properties"][field]
            prop["description"] = f"{prop['description']} {_DERIVED_NOTE}" if "description" in prop else _DERIVED_NOTE
    return {"$schema": SCHEMA_DIALECT, **schema}


def schema_json() -> str:
    return json.dumps(model_schema(), ensure_ascii=False, indent=2) + "\n"
