"""Taking back what slipped through: the "Report identifiers" button (after Slack's confirm dialog), and the
replies people type in the hub review channel's case threads (message events)."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from echobot.container import Services
from echobot.handlers.cases import case_id_of, reply
from echobot.handlers.context import Actor
from echobot.handlers.events import once_per_event
from echobot.ids import Action

# Message subtypes that are a person's words in a thread: a new reply, one also sent to the channel, an edit.
PEOPLES_MESSAGES = (None, "thread_broadcast", "file_share", "message_changed")


async def report_identifiers(ack: AsyncAck, action: dict, respond: AsyncRespond, services: Services,
                             actor: Actor) -> None:  # fmt: skip
    """Remove the case's clinical text everywhere echobot put it (the program's staff and the presenter)."""
    await ack()
    answer = await services.takeback.report(await actor.person(), case_id_of(action))
    reply(services, respond, answer)


async def case_thread_message(event: dict, services: Services) -> None:
    """A message in a channel echobot is in: a reply in a case thread that looks like it holds an identifier gets
    a note to its author. Bots (echobot's own posts and their edits) and other messages are left alone; nothing
    of the text is logged."""
    subtype = event.get("subtype")
    if subtype not in PEOPLES_MESSAGES:
        return
    message = event.get("message") if subtype == "message_changed" else event
    if not isinstance(message, dict) or message.get("bot_id") or message.get("subtype") == "bot_message":
        return
    user, text, ts = message.get("user"), message.get("text"), message.get("ts")
    thread_ts, channel = message.get("thread_ts"), event.get("channel")
    if not all(isinstance(value, str) for value in (user, text, ts, thread_ts, channel)):
        return
    edited = (message.get("edited") or {}).get("ts") if subtype == "message_changed" else None
    await services.case_threads.reply_seen(str(channel), str(thread_ts), str(ts), str(user), str(text),
                                           str(edited) if edited else None)  # fmt: skip


def register(app: AsyncApp, services: Services) -> None:
    app.action(Action.CASE_REPORT)(report_identifiers)
    app.event("message", middleware=[once_per_event(services)])(case_thread_message)
