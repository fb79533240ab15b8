"""BP214, BP308: the channels and places where the customer is received (`channel`, `via`)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.diagnostics import EXAMPLE_HEAD, Diagnostic, Level, Say, declare, did_you_mean
from blueprint.model.types import Action, Blueprint, Lane, Step, Via
from blueprint.suggest import closest
from blueprint.validate.registry import rule
from blueprint.vocabulary import Channel, names

UNKNOWN_CHANNEL = declare(
    code="BP214",
    name="unknown-channel",
    level=Level.ERROR,
    summary="A `via` names a channel that is neither built in (branch, app, phone, …) nor declared with `channel`.",
    why="A channel is drawn, counted and compared by its ID; a misspelt one would be a new channel nobody meant.",
    bad=EXAMPLE_HEAD + 'step deposit "Deposit"\n  via brnch\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> count\n',
    good=EXAMPLE_HEAD + 'step deposit "Deposit"\n  via branch\n  customer hand "Hands over cash"\n  onstage count "Teller counts"\n  hand -> count\n',
    says={
        "channel": Say(en="found the channel '{channel}', which is neither built in nor declared",
                       zh="渠道“{channel}”既不是内置渠道，也没有声明",
                       zh_hant="通路「{channel}」既不是內建通路，也沒有宣告"),
        "declare": Say(en='declare it among the headers: channel {channel} "Label"',
                       zh='在文件头中声明它：channel {channel} "标签"',
                       zh_hant='在檔頭中宣告它：channel {channel} "標籤"'),
    },
)


def _vias(blueprint: Blueprint) -> Iterator[Via]:
    for step in blueprint.steps:
        if step.via is not None:
            yield step.via
        yield from (action.via for action in step.actions if action.via is not None)


@rule(UNKNOWN_CHANNEL)
def unknown_channels(blueprint: Blueprint) -> Iterator[Diagnostic]:
    known = sorted({*names(Channel), *(declared.id for declared in blueprint.channels)})
    for via in _vias(blueprint):
        if blueprint.channel_label(via.channel) is None:
            yield UNKNOWN_CHANNEL.at(
                blueprint.source_name,
                via.channel_span,
                UNKNOWN_CHANNEL.text("channel", channel=via.channel),
                hint=did_you_mean(closest(via.channel, known)) or UNKNOWN_CHANNEL.text("declare", channel=via.channel),
            )


_SWITCH = ('step apply "Apply"\n  via app\n  customer fill "Fills in the form"\n  onstage check "App checks it"\n'
           '  fill -> check\nstep sign "Sign"\n  via branch{reason}\n  customer signs "Signs at the counter"\n'
           '  onstage witness "Clerk witnesses"\n  check -> signs -> witness\n')

UNEXPLAINED_CHANNEL_SWITCH = declare(
    code="BP308",
    name="unexplained-channel-switch",
    level=Level.WARNING,
    summary="Within one phase, the customer must change channel (say from the app to the branch) and no reason is written on the `via` that makes the switch.",
    why="Every switch of channel is a seam where customers drop out and information is keyed in again; one inside a phase should be there on purpose, and say why.",
    bad=EXAMPLE_HEAD + 'phase "Open an account"\n' + _SWITCH.format(reason=""),
    good=EXAMPLE_HEAD + 'phase "Open an account"\n' + _SWITCH.format(reason=' "ID must be seen in person"'),
    says={
        "switch": Say(en="found the customer switching from '{old}' ({old_action}) to '{new}' ({new_action}) "
                         "within one phase, with no reason given",
                      zh="顾客在同一阶段内从“{old}”（{old_action}）换到“{new}”（{new_action}），没有写明原因",
                      zh_hant="顧客在同一階段內從「{old}」（{old_action}）換到「{new}」（{new_action}），沒有寫明原因"),
        "say_why": Say(en='say why the customer must switch: via {new} "reason", or keep the channel',
                       zh='写明顾客为何必须换渠道：via {new} "原因"，或者不换渠道',
                       zh_hant='寫明顧客為何必須換通路：via {new} "原因"，或者不換通路'),
    },
)


def customer_channels(blueprint: Blueprint) -> list[tuple[Step, Action, Via]]:
    """The customer's actions that happen in a known channel, in document
    order, with their step and the `via` that sets the channel."""
    found = []
    for step in blueprint.steps:
        for action in step.actions:
            via = action.via or step.via
            if action.lane is Lane.CUSTOMER and via is not None:
                found.append((step, action, via))
    return found


@rule(UNEXPLAINED_CHANNEL_SWITCH)
def unexplained_switches(blueprint: Blueprint) -> Iterator[Diagnostic]:
    previous: tuple[Step, Action, Via] | None = None
    for current in customer_channels(blueprint):
        step, action, via = current
        if previous is not None and previous[0].phase == step.phase and previous[2].channel != via.channel \
                and via.reason is None:
            yield UNEXPLAINED_CHANNEL_SWITCH.at(
                blueprint.source_name,
                via.span,
                UNEXPLAINED_CHANNEL_SWITCH.text("switch", old=previous[2].channel, old_action=previous[1].id,
                                                new=via.channel, new_action=action.id),
                hint=UNEXPLAINED_CHANNEL_SWITCH.text("say_why", new=via.channel),
            )
        previous = current
