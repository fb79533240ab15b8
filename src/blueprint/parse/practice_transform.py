"""The parser's callbacks for what a practitioner adds: controls, emotion,
metrics, research notes and confidence; roles, channels, key steps and
decisions. Mixed into blueprint.parse.transform.Statements."""

from __future__ import annotations

from blueprint.parse.reading import READING as _READING, between as _between, string as _string, word as _word
from blueprint.parse.statements import (
    ByStatement,
    ChannelStatement,
    ConfidenceStatement,
    ControlStatement,
    DecisionStatement,
    DetailStatement,
    EmotionStatement,
    KeyStatement,
    MetricStatement,
    ResearchStatement,
    RoleStatement,
    ViaStatement,
    Word,
)
from blueprint.parse.reading import token_span as _token_span


class PractitionerStatements:
    """The callbacks of the practitioner's statements."""

    def reference(self, children: list) -> Word:
        context = _READING.get()
        token = children[1]
        return Word(text=_string(token, context), span=_token_span(token, context.line_offset))

    def control(self, children: list) -> ControlStatement:
        context = _READING.get()
        keyword, text = children[0], children[1]
        reference = children[2] if len(children) == 3 else None
        return ControlStatement(
            span=_between(keyword, reference.span if reference else text, context.line_offset),
            text=_string(text, context),
            reference=reference,
        )

    def emotion(self, children: list) -> EmotionStatement:
        context = _READING.get()
        offset = context.line_offset
        keyword, score = children[0], children[1]
        note = children[2] if len(children) == 3 else None
        return EmotionStatement(
            span=_between(keyword, note if note is not None else score, offset),
            score=_word(score, offset),
            note=_string(note, context) if note is not None else None,
        )

    def metric(self, children: list) -> MetricStatement:
        context = _READING.get()
        offset = context.line_offset
        keyword, name, rest = children[0], children[1], children[2:]
        value = next((token for token in rest if token.type == "VALUE"), None)
        unit = next((token for token in rest if token.type == "STRING"), None)
        return MetricStatement(
            span=_between(keyword, children[-1], offset),
            name=_string(name, context),
            value=_word(value, offset) if value is not None else None,
            unit=_string(unit, context) if unit is not None else None,
        )

    def note_severity(self, children: list) -> Word:
        return _word(children[1], _READING.get().line_offset)

    note_impact = note_severity

    def _research(self, kind: str, children: list) -> ResearchStatement:
        context = _READING.get()
        keyword, text = children[0], children[1]
        rating = children[2] if len(children) == 3 else None
        return ResearchStatement(
            span=_between(keyword, rating.span if rating is not None else text, context.line_offset),
            kind=kind,
            text=_string(text, context),
            rating=rating,
        )

    def pain(self, children: list) -> ResearchStatement:
        return self._research("pain", children)

    def idea(self, children: list) -> ResearchStatement:
        return self._research("idea", children)

    def opportunity(self, children: list) -> ResearchStatement:
        return self._research("opportunity", children)

    def question(self, children: list) -> ResearchStatement:
        return self._research("question", children)

    def confidence(self, children: list) -> ConfidenceStatement:
        offset = _READING.get().line_offset
        keyword, value = children
        return ConfidenceStatement(span=_between(keyword, value, offset), value=_word(value, offset))
    def role_decl(self, children: list) -> RoleStatement:
        context = _READING.get()
        offset = context.line_offset
        keyword, ident, label = children[:3]
        return RoleStatement(
            span=_between(keyword, children[-1], offset), id=_word(ident, offset), label=_string(label, context),
            kind=_word(children[3], offset) if len(children) == 4 else None,
        )

    def by(self, children: list) -> ByStatement:
        keyword, role = children
        offset = _READING.get().line_offset
        return ByStatement(span=_between(keyword, role, offset), role=_word(role, offset))

    def key(self, children: list) -> KeyStatement:
        context = _READING.get()
        reason = _string(children[1], context) if len(children) == 2 else None
        return KeyStatement(span=_between(children[0], children[-1], context.line_offset), reason=reason)

    def decision(self, children: list) -> DecisionStatement:
        context = _READING.get()
        question = _string(children[1], context) if len(children) == 2 else None
        return DecisionStatement(span=_between(children[0], children[-1], context.line_offset), question=question)

    def channel_decl(self, children: list) -> ChannelStatement:
        keyword, ident, label = children
        context = _READING.get()
        offset = context.line_offset
        return ChannelStatement(span=_between(keyword, label, offset), id=_word(ident, offset),
                                label=_string(label, context))

    def via(self, children: list) -> ViaStatement:
        context = _READING.get()
        offset = context.line_offset
        reason = _string(children[2], context) if len(children) == 3 else None
        return ViaStatement(span=_between(children[0], children[-1], offset), channel=_word(children[1], offset),
                            reason=reason)

    def detail(self, children: list) -> DetailStatement:
        context = _READING.get()
        keyword, token = children
        offset = context.line_offset
        return DetailStatement(span=_between(keyword, token, offset),
                               path=Word(text=_string(token, context), span=_token_span(token, offset)))
