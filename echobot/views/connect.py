"""What echobot says about Slack Connect: a case withheld from a hub channel that is not inside the hub, and
the messages that stand in for a direct message Slack did not allow."""

from __future__ import annotations

from echobot.models import Case, Message, Program
from echobot.views.blocks import Block, context, escape, section


def withheld_notice(case: Case, program: Program, problem: str) -> Message:
    """To a coordinator: a case was not posted to the hub review channel. No clinical text."""
    lead = (f"*{case.title}* of *{escape(program.name)}* was *not posted* to <#{program.review_channel_id}>: "
            f"{problem}")  # fmt: skip
    blocks: list[Block] = [
        section(lead),
        section(
            "Make that channel private and stop sharing it with other organizations (channel details → "
            "Settings in Slack), or choose another hub review channel with `/echo program edit "
            f"{escape(program.name)}`. echobot checks again every few minutes and posts the case there as "
            "soon as the channel is private and inside the hub."
        ),
        context("Cases never go to a channel that people outside the hub can read."),
    ]
    return Message(text=f"{case.title} was not posted: the hub review channel is not private and internal.",
                   blocks=blocks)  # fmt: skip


def instead_of_dm(user: str, message: Message, *, private: bool, pointer: str) -> Message:
    """In a program channel, for someone Slack would not let echobot DM: addressed to them by a mention. A
    private message (a case, credit, a registration) is not repeated there: they are told where to read it,
    answered only to them (`pointer`, a slash command). Otherwise the message itself follows the mention."""
    note = "Slack does not let echobot send you direct messages (your organization's Slack Connect settings)"
    if private:
        lead = f"<@{user}> {note}. You have a new message from echobot: type `{pointer}` here to read it (only you will see the answer)."  # noqa: E501
        return Message(text=f"<@{user}> you have a new message from echobot: type {pointer} to read it.",
                       blocks=[section(lead)])  # fmt: skip
    lead = f"<@{user}> {note}, so this is for you here:"
    return Message(text=f"<@{user}> {message.text}", blocks=[context(lead), *message.blocks] if message.blocks
                   else [context(lead), section(escape(message.text))])  # fmt: skip
