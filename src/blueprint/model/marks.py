"""The model's nodes for the practitioner's marks: who performs an action
(a role), where the customer is received (a channel), a key step or action,
and a decision. Re-exported by blueprint.model.types with the other nodes."""

from __future__ import annotations

from pydantic import Field

from blueprint.model.node import Node
from blueprint.source import Span
from blueprint.vocabulary import RoleKind


class KeyMark(Node):
    """A key step or action (关键作业环节): a moment of truth, where the
    customer's view of the service is made or lost."""

    number: int = Field(description="1-based, in document order over steps and actions: K1, K2, …")
    reason: str | None = None
    span: Span


class Via(Node):
    """The channel or place a step or an action happens in (`via app`), and
    why, when a reason is given."""

    channel: str
    reason: str | None = None
    span: Span
    channel_span: Span


class ChannelLabel(Node):
    """A channel declared (`channel wechat "WeChat mini-program"`), or a built-in one relabelled."""

    id: str
    label: str
    span: Span
    id_span: Span


class Decision(Node):
    """An action that branches (`decision "Approve?"`): its outgoing flows
    are the branches, each named by its label."""

    question: str | None = None
    span: Span


class Role(Node):
    """Who performs actions (`role agent "Insurance agent" staff`): people, a
    team, a system, a partner or the customer, declared once."""

    id: str
    label: str
    kind: RoleKind | None = None
    span: Span
    id_span: Span


class Scenario(Node):
    """One path the service takes (`scenario online "Online application"`),
    bound to a customer segment when one is named. The first declared is the
    main one, the one the others are compared with."""

    id: str
    label: str
    segment: str | None = None
    span: Span
    id_span: Span


class Detail(Node):
    """The blueprint that details a step or an action (`detail
    "identity-check.bp"`): a path relative to the file that names it, as
    written; the project stage resolves and checks it."""

    path: str
    span: Span
    path_span: Span
