"""The parser's callbacks for scenarios: `scenario` declarations and the
`only` lines that mark what belongs to some of them. Mixed into
blueprint.parse.transform.Statements."""

from __future__ import annotations

from blueprint.parse.reading import READING as _READING, between as _between, string as _string, word as _word
from blueprint.parse.statements import OnlyStatement, ScenarioStatement


class ScenarioStatements:
    """The callbacks of the scenario statements."""

    def scenario_decl(self, children: list) -> ScenarioStatement:
        context = _READING.get()
        offset = context.line_offset
        keyword, ident, label = children[:3]
        # children[3] is the `segment` keyword, children[4] its text.
        segment = _string(children[4], context) if len(children) == 5 else None
        return ScenarioStatement(span=_between(keyword, children[-1], offset), id=_word(ident, offset),
                                 label=_string(label, context), segment=segment)

    def only(self, children: list) -> OnlyStatement:
        offset = _READING.get().line_offset
        names = tuple(_word(token, offset) for token in children[1:] if token.type == "NAME")
        return OnlyStatement(span=_between(children[0], children[-1], offset), scenarios=names)
