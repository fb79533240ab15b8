"""Model stage: groups statements into phases, steps and actions.

Structural mistakes (an attribute with no action, a header after the steps, an
unknown lane) are reported here; whether the result makes sense (references,
ranges, practice) is the validator's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from blueprint.diagnostics import Diagnostic, diagnostic
from blueprint.model.durations import DurationError, parse_duration
from blueprint.model.types import (
    Action,
    Blueprint,
    Cost,
    Duration,
    DurationRange,
    Evidence,
    FailPoint,
    Flow,
    FlowKind,
    Header,
    Language,
    Lane,
    Line,
    Link,
    Node,
    Phase,
    Severity,
    State,
    Step,
    WaitPoint,
)
from blueprint.parse.gcpause import paused
from blueprint.parse.statements import (
    AnyStatement,
    CostStatement,
    DurationStatement,
    FailStatement,
    FlowStatement,
    HeaderStatement,
    ItemStatement,
    LabelStatement,
    LinkStatement,
    NoteStatement,
    PhaseStatement,
    RangeText,
    StepStatement,
    TitleStatement,
    WaitStatement,
    Word,
)
from blueprint.source import Span
from blueprint.suggest import closest, did_you_mean

ARROW_KINDS = {"->": FlowKind.HANDOFF, "-->": FlowKind.DEFERRED, "<->": FlowKind.AGREEMENT}
RESERVED_WORDS = frozenset(
    "blueprint description segment owner version state lang max-wait lane line phase step "
    "evidence fail severity recover wait duration cost note link".split()
)
_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SINGLE_HEADERS = {"description", "owner", "version", "state", "lang", "max-wait"}
# Keywords are short and many: only a near miss is worth naming.
_KEYWORD_CUTOFF = 0.7

_N = TypeVar("_N", bound=Node)


def _node(node_class: type[_N], /, **values: Any) -> _N:
    """A model node from values already checked and typed (see Node). Nodes
    made here with the same fields share one set of those fields' names:
    pydantic keeps one per node, and a set of seven or more names takes
    about 700 bytes, as much as the rest of the node."""
    return node_class.model_construct(_shared_names(node_class, tuple(values)), **values)


@cache
def _shared_names(node_class: type[Node], names: tuple[str, ...]) -> set[str]:
    return set(names)


@dataclass
class _ActionDraft:
    id: str
    generated_id: bool
    label: str
    lane: Lane
    step: str
    span: Span
    id_span: Span
    fails: list[FailPoint] = field(default_factory=list)
    waits: list[WaitPoint] = field(default_factory=list)
    duration: DurationRange | None = None
    cost: Cost | None = None
    notes: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    attribute_lines: dict[str, int] = field(default_factory=dict)

    def freeze(self) -> Action:
        return _node(
            Action,
            id=self.id,
            generated_id=self.generated_id,
            label=self.label,
            lane=self.lane,
            step=self.step,
            fails=tuple(self.fails),
            waits=tuple(self.waits),
            duration=self.duration,
            cost=self.cost,
            notes=tuple(self.notes),
            links=tuple(self.links),
            span=self.span,
            id_span=self.id_span,
        )


@dataclass
class _StepDraft:
    statement: StepStatement
    phase: int | None
    evidence: list[Evidence] = field(default_factory=list)
    actions: list[_ActionDraft] = field(default_factory=list)

    def freeze(self) -> Step:
        return _node(
            Step,
            id=self.statement.id.text,
            label=self.statement.label,
            phase=self.phase,
            evidence=tuple(self.evidence),
            actions=tuple(action.freeze() for action in self.actions),
            span=self.statement.span,
            id_span=self.statement.id.span,
        )


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.diagnostics: list[Diagnostic] = []
        self.fields: dict[str, object] = {}
        self.segments: list[str] = []
        self.headers: list[Header] = []
        self.lane_labels: dict[Lane, str] = {}
        self.line_labels: dict[Line, str] = {}
        self.phases: list[tuple[PhaseStatement, list[str]]] = []
        self.steps: list[_StepDraft] = []
        self.flows: list[Flow] = []
        self.fail_count = 0
        self.wait_count = 0
        self.seen_body = False
        self.seen_statement = False

    def report(self, code: str, span: Span, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(diagnostic(code, self.file, span, message, hint))

    # --- dispatch ------------------------------------------------------------
    def add(self, statement: AnyStatement) -> None:
        handler = getattr(self, "_" + type(statement).__name__)
        handler(statement)
        self.seen_statement = True

    def _header_allowed(self, keyword: str, span: Span) -> bool:
        if self.seen_body:
            self.report(
                "BP108",
                span,
                f"found the header '{keyword}' after the first phase or step; headers describe the whole blueprint",
                hint="move it up, next to the blueprint title",
            )
            return False
        return True

    def _once(self, key: str, keyword: str, span: Span) -> bool:
        earlier = next((h for h in self.headers if h.keyword == key), None)
        if earlier is not None:
            self.report(
                "BP208",
                span,
                f"found a second '{keyword}'; it was already set on line {earlier.span.line}",
                hint="keep one of them",
            )
            return False
        self.headers.append(_node(Header, keyword=key, span=span))
        return True

    def _TitleStatement(self, statement: TitleStatement) -> None:
        if not self._once("blueprint", "blueprint", statement.span):
            return
        if self.seen_statement:
            self.report(
                "BP108",
                statement.span,
                "found the blueprint title after other statements; it must be the first statement",
                hint="move this line to the top of the file",
            )
        self.fields["title"] = statement.title

    def _HeaderStatement(self, statement: HeaderStatement) -> None:
        keyword, value = statement.keyword, statement.value
        if not self._header_allowed(keyword, statement.span):
            return
        if keyword == "segment":
            self.headers.append(_node(Header, keyword="segment", span=statement.span))
            self.segments.append(value.text)
            return
        if keyword in _SINGLE_HEADERS and not self._once(keyword, keyword, statement.span):
            return
        if keyword == "state":
            self._enum_field("state", State, value, "a state")
        elif keyword == "lang":
            self._enum_field("lang", Language, value, "a language")
        elif keyword == "max-wait":
            duration = self._duration(value)
            if duration is not None:
                self.fields["max_wait"] = duration
                self.fields["max_wait_span"] = value.span
        else:
            self.fields[keyword] = value.text

    def _enum_field(self, name: str, enum: type, value: Word, what: str) -> None:
        choices = [member.value for member in enum]
        if value.text not in choices:
            self.report(
                "BP107",
                value.span,
                f"found '{value.text}' as {what}; expected {' or '.join(choices)}",
                hint=did_you_mean(value.text, choices),
            )
            return
        self.fields[name] = enum(value.text)

    def _LabelStatement(self, statement: LabelStatement) -> None:
        if not self._header_allowed(statement.keyword, statement.span):
            return
        if statement.keyword == "lane":
            lane = self._lane(statement.name, allow_evidence=True)
            if lane is not None and self._once(f"lane {lane.value}", f"lane {lane.value}", statement.span):
                self.lane_labels[lane] = statement.label
        else:
            line = self._line(statement.name)
            if line is not None and self._once(f"line {line.value}", f"line {line.value}", statement.span):
                self.line_labels[line] = statement.label

    def _PhaseStatement(self, statement: PhaseStatement) -> None:
        self.seen_body = True
        self.phases.append((statement, []))

    def _StepStatement(self, statement: StepStatement) -> None:
        self.seen_body = True
        self._check_reserved(statement.id)
        phase = len(self.phases) - 1 if self.phases else None
        if self.phases:
            self.phases[-1][1].append(statement.id.text)
        self.steps.append(_StepDraft(statement=statement, phase=phase))

    def _ItemStatement(self, statement: ItemStatement) -> None:
        word = statement.lane.text
        if word not in _LANE_NAMES and _meant_keyword(word):
            # `stpe s "S"` reads as an action in lane `stpe`; the writer meant a keyword.
            self.report(
                "BP101",
                statement.lane.span,
                f"found '{word}' at the start of a line; it is neither a keyword nor a lane",
                hint=f"did you mean '{_meant_keyword(word)}'?",
            )
            return
        lane = self._lane(statement.lane, allow_evidence=True)
        if lane is None:
            return
        step = self.steps[-1] if self.steps else None
        if step is None:
            what = "evidence" if lane is Lane.EVIDENCE else f"the {lane.value} action"
            self.report(
                "BP108",
                statement.span,
                f"found {what} before any step; actions and evidence belong to a step",
                hint='open a step first: step ID "Label"',
            )
            return
        step_id = step.statement.id.text
        if lane is Lane.EVIDENCE:
            if statement.id is not None:
                self._check_reserved(statement.id)
            step.evidence.append(
                _node(
                    Evidence,
                    id=statement.id.text if statement.id else None,
                    label=statement.label,
                    step=step_id,
                    span=statement.span,
                    id_span=statement.id.span if statement.id else None,
                )
            )
            return
        if statement.id is not None:
            self._check_reserved(statement.id)
            action_id, generated, id_span = statement.id.text, False, statement.id.span
        else:
            # Dots cannot appear in a written ID, so a generated one never collides.
            same_lane = sum(1 for action in step.actions if action.lane is lane)
            action_id, generated, id_span = f"{step_id}.{lane.value}{same_lane + 1}", True, statement.lane.span
        step.actions.append(
            _ActionDraft(
                id=action_id,
                generated_id=generated,
                label=statement.label,
                lane=lane,
                step=step_id,
                span=statement.span,
                id_span=id_span,
            )
        )

    def _current_action(self, keyword: str, span: Span) -> _ActionDraft | None:
        if self.steps and self.steps[-1].actions:
            return self.steps[-1].actions[-1]
        where = "in this step" if self.steps else "before the first step"
        self.report(
            "BP106",
            span,
            f"found '{keyword}' with no action {where}; it attaches to the action above it",
            hint='write the action first, e.g. customer ID "Label", then indent this line under it',
        )
        return None

    def _first_attribute(self, action: _ActionDraft, keyword: str, span: Span) -> bool:
        earlier = action.attribute_lines.setdefault(keyword, span.line)
        if earlier != span.line:
            self.report(
                "BP211",
                span,
                f"found a second '{keyword}' for the action '{action.id}'; it was already set on line {earlier}",
                hint="keep one line; a range such as 2min..5min covers both" if keyword == "duration" else "keep one line",
            )
            return False
        return True

    def _FailStatement(self, statement: FailStatement) -> None:
        action = self._current_action("fail", statement.span)
        if action is None:
            return
        severity = None
        if statement.severity is not None:
            choices = [member.value for member in Severity]
            if statement.severity.text in choices:
                severity = Severity(statement.severity.text)
            else:
                self.report(
                    "BP107",
                    statement.severity.span,
                    f"found '{statement.severity.text}' as a severity; expected low, medium or high",
                    hint=did_you_mean(statement.severity.text, choices),
                )
        self.fail_count += 1
        action.fails.append(
            _node(
                FailPoint,
                number=self.fail_count,
                action=action.id,
                description=statement.description,
                severity=severity,
                recover=statement.recover.text if statement.recover else None,
                span=statement.span,
                recover_span=statement.recover.span if statement.recover else None,
            )
        )

    def _WaitStatement(self, statement: WaitStatement) -> None:
        action = self._current_action("wait", statement.span)
        duration = self._range(statement.range)
        if action is None or duration is None:
            return
        self.wait_count += 1
        action.waits.append(
            _node(
                WaitPoint,
                number=self.wait_count,
                action=action.id,
                duration=duration,
                description=statement.description,
                span=statement.span,
            )
        )

    def _DurationStatement(self, statement: DurationStatement) -> None:
        action = self._current_action("duration", statement.span)
        duration = self._range(statement.range)
        if action is not None and duration is not None and self._first_attribute(action, "duration", statement.span):
            action.duration = duration

    def _CostStatement(self, statement: CostStatement) -> None:
        action = self._current_action("cost", statement.span)
        if action is None or not self._first_attribute(action, "cost", statement.span):
            return
        text = statement.amount.text
        if not _AMOUNT.fullmatch(text):
            self.report(
                "BP110",
                statement.amount.span,
                f"found the amount '{text}'; expected a number such as 25, 1200.50 or 1,200.50",
                hint="commas may only separate thousands",
            )
            return
        action.cost = _node(
            Cost,
            amount=float(text.replace(",", "")),
            text=text,
            currency=statement.currency.text if statement.currency else None,
            span=statement.span,
        )

    def _NoteStatement(self, statement: NoteStatement) -> None:
        action = self._current_action("note", statement.span)
        if action is not None:
            action.notes.append(statement.text)

    def _LinkStatement(self, statement: LinkStatement) -> None:
        action = self._current_action("link", statement.span)
        if action is not None:
            action.links.append(_node(Link, url=statement.url.text, span=statement.url.span))

    def _FlowStatement(self, statement: FlowStatement) -> None:
        ends = statement.endpoints
        for index, arrow in enumerate(statement.arrows):
            self.flows.append(
                _node(
                    Flow,
                    source=ends[index].text,
                    target=ends[index + 1].text,
                    kind=ARROW_KINDS[arrow],
                    # A chain's label belongs to its first arrow.
                    label=statement.label if index == 0 else None,
                    span=statement.span,
                    source_span=ends[index].span,
                    target_span=ends[index + 1].span,
                )
            )

    # --- values --------------------------------------------------------------
    def _lane(self, word: Word, allow_evidence: bool) -> Lane | None:
        lane = _LANES_BY_NAME.get(word.text)
        if lane is not None and (allow_evidence or lane is not Lane.EVIDENCE):
            return lane
        choices = [lane.value for lane in Lane if allow_evidence or lane is not Lane.EVIDENCE]
        self.report(
            "BP104",
            word.span,
            f"found the lane '{word.text}'; expected customer, onstage, backstage, support or evidence",
            hint=did_you_mean(word.text, choices),
        )
        return None

    def _line(self, word: Word) -> Line | None:
        choices = [line.value for line in Line]
        if word.text in choices:
            return Line(word.text)
        self.report(
            "BP105",
            word.span,
            f"found the line '{word.text}'; expected interaction, visibility or internal",
            hint=did_you_mean(word.text, choices),
        )
        return None

    def _check_reserved(self, word: Word) -> None:
        if word.text in RESERVED_WORDS:
            self.report(
                "BP111",
                word.span,
                f"found the keyword '{word.text}' used as an ID; a flow could never name it",
                hint=f"choose another ID, e.g. {word.text}_1",
            )

    def _duration(self, word: Word) -> Duration | None:
        try:
            return _node(Duration, seconds=parse_duration(word.text), text=word.text)
        except DurationError as error:
            self.report("BP103", word.span, str(error), hint=error.hint)
            return None

    def _range(self, text: RangeText) -> DurationRange | None:
        low = self._duration(text.min)
        high = self._duration(text.max) if text.max is not None else low
        if low is None or high is None:
            return None
        return _node(DurationRange, min=low, max=high, span=text.span)

    def blueprint(self) -> Blueprint:
        return _node(
            Blueprint,
            source_name=self.file,
            segments=tuple(self.segments),
            headers=tuple(self.headers),
            lane_labels=self.lane_labels,
            line_labels=self.line_labels,
            phases=tuple(
                _node(Phase, name=statement.name, steps=tuple(steps), span=statement.span)
                for statement, steps in self.phases
            ),
            steps=tuple(step.freeze() for step in self.steps),
            flows=tuple(self.flows),
            **self.fields,
        )


_LANE_NAMES = frozenset(lane.value for lane in Lane)
_LANES_BY_NAME = {lane.value: lane for lane in Lane}


def _meant_keyword(word: str) -> str | None:
    """The keyword a misspelt statement start was probably meant to be, unless it looks more like a lane."""
    keyword = closest(word, sorted(RESERVED_WORDS - {"evidence"}), _KEYWORD_CUTOFF)
    lane = closest(word, sorted(_LANE_NAMES))
    return keyword if keyword and not lane else None


def build(file: str, statements: tuple[AnyStatement, ...] | list[AnyStatement]) -> tuple[Blueprint, list[Diagnostic]]:
    """The blueprint the statements describe, and what is structurally wrong with them."""
    with paused():
        builder = _Builder(file)
        for statement in statements:
            builder.add(statement)
        return builder.blueprint(), builder.diagnostics
