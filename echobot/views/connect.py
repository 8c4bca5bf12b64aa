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


def _names(programs: list[Program]) -> str:
    return ", ".join(f"*{escape(p.name)}*" for p in programs)


def held_notice(channel: str, programs: list[Program], case: Case | None = None) -> Message:
    """To a coordinator, once: the hub review channel was shared with another organization, so nothing more goes
    there until it is not (`case`: the case whose post found it so, when Slack's event did not come first). No
    clinical text."""
    edit = " or ".join(f"`/echo program edit {escape(p.name)}`" for p in programs)
    found = f"*{case.title}* was *not posted*: " if case else ""
    blocks: list[Block] = [
        section(f"{found}<#{channel}>, the hub review channel of {_names(programs)}, is *shared with another "
                "organization* (Slack Connect). echobot has *stopped posting there*: new cases, their updates and "
                "thread lines wait, none is lost."),
        section("To go on, either make the channel private and stop sharing it (channel details → Settings in "
                f"Slack), or choose another hub review channel with {edit}. echobot then sends what waited, in "
                "order, and tells you."),
        context("Cases never go to a channel that people outside the hub can read."),
    ]  # fmt: skip
    lead = f"{case.title} was not posted. " if case else ""
    return Message(text=f"{lead}The hub review channel of {', '.join(p.name for p in programs)} is shared with "
                        "another organization: echobot stopped posting there.", blocks=blocks)  # fmt: skip


def resumed_notice(channel: str, programs: list[Program], waiting: int) -> Message:
    """To a coordinator, once: the hub review channel is not shared any more; what waited goes out."""
    what = f"the {waiting} message(s) that waited go out now, in order" if waiting else "nothing was waiting"
    text = (f"<#{channel}>, the hub review channel of {_names(programs)}, is no longer shared with another "
            f"organization: echobot posts there again ({what}).")  # fmt: skip
    return Message(text=f"The hub review channel of {', '.join(p.name for p in programs)} is no longer shared: "
                        "echobot posts there again.", blocks=[section(text)])  # fmt: skip


def moved_notice(old: str, program: Program, moved: int) -> Message:
    """To a coordinator, once: the program's hub review channel changed away from a held one."""
    text = (f"*{escape(program.name)}* now has <#{program.review_channel_id}> as its hub review channel: the "
            f"{moved} case(s) that waited for <#{old}> go there now. Messages about cases already posted in "
            f"<#{old}> keep waiting until it is no longer shared.")  # fmt: skip
    return Message(text=f"{program.name}: the cases that waited go to the new hub review channel.",
                   blocks=[section(text)])  # fmt: skip


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
