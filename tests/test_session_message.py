"""What the program channel sees of a session (issue 19, items 4 and 11): one message updated in place from
reminder to check-in to ended to closed, later reminders in its thread, and coordinator tools shown only to
coordinators, with a confirmation before a session is ended."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from echobot.ids import Action, ProgramField, SessionField, SessionTool
from echobot.models import SessionStatus
from echobot.storage import outbox, sessions
from tests.harness import ADMIN, Bot
from tests.scenarios import PROGRAM_CHANNEL, at, create_program, register
from tests.slack_driver import blocks_text

ALICE = "UALICE0001"
FIRST_START = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)  # Tuesday 12:00 in Denver
FIRST_END = FIRST_START + timedelta(hours=1)


def buttons(blocks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The buttons of a message, by their label."""
    return {
        element["text"]["text"]: element
        for block in blocks
        if block["type"] == "actions"
        for element in block["elements"]
        if element["type"] == "button"
    }


async def session_message_versions(bot: Bot) -> list[dict[str, Any]]:
    """The session message as posted, then each update of it, in order."""
    post = await outbox.get(bot.db.reader, "session:1:live")
    assert post is not None and post.slack_ts is not None
    posted = [c.args for c in bot.fake.calls_to("chat.postMessage") if c.response.get("ts") == post.slack_ts]
    updates = [c.args for c in bot.fake.calls_to("chat.update") if c.args["ts"] == post.slack_ts]
    return posted + updates


async def test_one_session_message_changes_in_place_from_reminder_to_check_in_to_ended(bot: Bot) -> None:
    await create_program(bot)
    for moment in (timedelta(days=-7), timedelta(days=-1), timedelta(hours=-1), timedelta(minutes=-15)):
        await at(bot, FIRST_START + moment)
    await at(bot, FIRST_END)
    await at(bot, FIRST_END + timedelta(minutes=15))
    reminder, opened, ended, closed = await session_message_versions(bot)
    # the first reminder is the session message: when, the join link, when check-in opens; no empty topic
    shown = blocks_text(reminder["blocks"])
    assert reminder["text"] == "Reminder: Hepatitis C ECHO session in 7 days"
    assert "Join the session" in buttons(reminder["blocks"]) and "Check in" not in buttons(reminder["blocks"])
    assert "Check-in opens" in shown and "to be announced" not in shown and "Topic" not in shown
    # check-in opens: the same message gets the Check in button
    assert "starts" in opened["text"] and {"Check in", "Join the session"} <= set(buttons(opened["blocks"]))
    # ended: no Join (nothing to join), Check in while it stays open
    assert "session ended" in ended["text"] and "Check-in stays open until" in ended["text"]
    assert "Join the session" not in buttons(ended["blocks"]) and "Check in" in buttons(ended["blocks"])
    # check-in closed: no Check in either
    assert "Check-in closed" in closed["text"] and "Check in" not in buttons(closed["blocks"])
    # the channel got one top-level message for the session; the 1d and 1h reminders are in its thread
    top = [p for p in bot.fake.posts_to(PROGRAM_CHANNEL) if not p.get("thread_ts")]
    # after the welcome: this session's message, then next week's (its 7-day reminder was due at this start)
    assert [p["text"] for p in top][1:] == ["Reminder: Hepatitis C ECHO session in 7 days"] * 2
    replies = [p["text"] for p in bot.fake.posts_to(PROGRAM_CHANNEL) if p.get("thread_ts")]
    assert replies == [
        "Reminder: Hepatitis C ECHO session in about 24 hours",
        "Reminder: Hepatitis C ECHO session in 60 minutes",
    ]


async def test_a_reminder_under_15_minutes_ahead_says_check_in_is_open(bot: Bot) -> None:
    await create_program(bot, **{ProgramField.OFFSETS: ["10m"]})
    await at(bot, FIRST_START - timedelta(minutes=15))  # the session message, with the Check in button
    [opened] = await session_message_versions(bot)
    assert "Check in" in buttons(opened["blocks"])
    await at(bot, FIRST_START - timedelta(minutes=10))
    [reply] = [p for p in bot.fake.posts_to(PROGRAM_CHANNEL) if p.get("thread_ts")]
    shown = blocks_text(reply["blocks"])
    assert reply["text"] == "Reminder: Hepatitis C ECHO session in 10 minutes"
    assert "Check-in is open" in shown and "Check-in opens" not in shown
    assert "when the session starts" not in shown


async def test_a_topic_set_after_the_message_went_out_shows_in_it(bot: Bot) -> None:
    await create_program(bot)
    await at(bot, FIRST_START - timedelta(days=7))
    await bot.driver.click(ADMIN, Action.SESSION_MENU, selected=f"{SessionTool.EDIT}:1")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    values = {SessionField.TOPIC: "DAA side effects", SessionField.PRESENTER: "",
              SessionField.DATE: "2026-11-10", SessionField.TIME: "12:00"}  # fmt: skip
    reply = await bot.driver.submit(ADMIN, view, values)
    assert reply.text == ""
    await bot.settle()
    reminder, changed = await session_message_versions(bot)
    assert "Topic" not in blocks_text(reminder["blocks"])
    assert "*Topic:* DAA side effects" in blocks_text(changed["blocks"])


async def test_coordinator_tools_are_shown_only_to_coordinators_and_ending_asks_first(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    await at(bot, FIRST_START + timedelta(minutes=30))
    live = (await session_message_versions(bot))[-1]
    tools = buttons(live["blocks"])["Coordinator tools"]
    assert "End session now" not in blocks_text(live["blocks"])  # not on the public post
    # a participant who clicks it is told plainly, and only she sees it
    await bot.driver.click(ALICE, tools["action_id"], tools["value"], channel=PROGRAM_CHANNEL)
    await bot.settle()
    refusal = bot.fake.responses[-1]
    assert refusal["response_type"] == "ephemeral" and refusal["text"].startswith("Only the program's coordinators")
    assert "Check in" in refusal["text"]
    # a coordinator sees the tools, for her eyes only; End asks to confirm and says what happens
    await bot.driver.click(ADMIN, tools["action_id"], tools["value"], channel=PROGRAM_CHANNEL)
    await bot.settle()
    shown = bot.fake.responses[-1]
    assert shown["response_type"] == "ephemeral" and "Only you can see this" in blocks_text(shown["blocks"])
    end = buttons(shown["blocks"])["End session now"]
    confirm = end["confirm"]
    assert confirm["title"]["text"] == "End this session?" and confirm["confirm"]["text"] == "End session"
    assert "evaluation" in confirm["text"]["text"] and "cannot be undone" in confirm["text"]["text"]
    # a forged click on End by a participant changes nothing
    await bot.driver.click(ALICE, Action.SESSION_END_NOW, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert bot.fake.responses[-1]["text"].startswith("Only the program's coordinators")
    assert (await sessions.get(bot.db.reader, 1)).status is SessionStatus.SCHEDULED  # type: ignore[union-attr]
    # confirmed (Slack sends the click only after the dialog): ended, and the post loses End and Join
    await bot.driver.click(ADMIN, end["action_id"], end["value"], channel=PROGRAM_CHANNEL)
    await at(bot, FIRST_START + timedelta(minutes=31))
    assert bot.fake.responses[-1]["text"].startswith("Session ended")
    assert (await sessions.get(bot.db.reader, 1)).status is SessionStatus.ENDED  # type: ignore[union-attr]
    ended = (await session_message_versions(bot))[-1]
    assert "session ended" in ended["text"]
    assert {"Join the session", "End session now"}.isdisjoint(buttons(ended["blocks"]))
    # the tools of an ended session offer no End
    await bot.driver.click(ADMIN, tools["action_id"], tools["value"], channel=PROGRAM_CHANNEL)
    await bot.settle()
    after = bot.fake.responses[-1]
    assert "(ended)" in blocks_text(after["blocks"]) and "End session now" not in buttons(after["blocks"])
    assert "Set attendance code" in buttons(after["blocks"])
