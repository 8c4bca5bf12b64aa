"""Sessions end to end: reminders, the live post and check-in, ending, changes, attendance, calendars."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from echobot.ids import Action, Callback, ProgramField, SessionField, SessionTool
from echobot.models import OutboxState, SessionStatus
from echobot.storage import attendance, audit, outbox, sessions
from tests.harness import ADMIN, Bot
from tests.scenarios import PROGRAM_CHANNEL, create_program, register
from tests.slack_driver import blocks_text

ALICE, BOB = "UALICE0001", "UBOB000001"
FIRST_START = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)  # Tuesday 12:00 in Denver
FIRST_END = FIRST_START + timedelta(hours=1)


def channel_texts(bot: Bot) -> list[str]:
    return [post["text"] for post in bot.fake.posts_to(PROGRAM_CHANNEL)]


async def at(bot: Bot, moment: datetime) -> None:
    bot.clock.set(moment)
    assert bot.runtime is not None
    await bot.runtime.tick()


async def test_reminders_go_out_once_at_each_offset_across_restarts(bot: Bot) -> None:
    await create_program(bot)
    await bot.restart()  # between planning and the due time
    await at(bot, FIRST_START - timedelta(days=7))
    reminders = [t for t in channel_texts(bot) if t.startswith("Reminder")]
    assert reminders == ["Reminder: Hepatitis C ECHO session in 7 days"]
    await bot.restart()
    await at(bot, FIRST_START - timedelta(days=7) + timedelta(minutes=5))
    await at(bot, FIRST_START - timedelta(days=1))
    await bot.restart()
    await at(bot, FIRST_START - timedelta(hours=1))
    reminders = [t for t in channel_texts(bot) if t.startswith("Reminder")]
    assert reminders == [
        "Reminder: Hepatitis C ECHO session in 7 days",
        "Reminder: Hepatitis C ECHO session in about 24 hours",
        "Reminder: Hepatitis C ECHO session in 60 minutes",
    ]
    last = bot.fake.posts_to(PROGRAM_CHANNEL)[-1]
    shown = blocks_text(last["blocks"])
    assert f"<!date^{int(FIRST_START.timestamp())}^" in shown and "Join the session" in shown
    assert "to be announced" not in shown and "Topic" not in shown  # an unset topic gets no line
    # one session message in the channel; the later reminders are replies in its thread
    first, *replies = [p for p in bot.fake.posts_to(PROGRAM_CHANNEL) if p["text"].startswith("Reminder")]
    assert not first.get("thread_ts") and len(replies) == 2
    session_post = await outbox.get(bot.db.reader, "session:1:live")
    assert session_post is not None and {reply["thread_ts"] for reply in replies} == {session_post.slack_ts}
    assert "Check-in opens" in shown  # not "check in when the session starts"


async def test_after_downtime_a_started_sessions_reminders_are_skipped_not_sent_late(bot: Bot) -> None:
    await create_program(bot)
    await bot.stop()
    bot.clock.set(FIRST_START + timedelta(minutes=10))  # down from before the 7-day reminder until after the start
    await bot.start()
    await bot.runtime.tick()  # type: ignore[union-attr]
    # only the next session's 7-day reminder (due at this session's start) goes out
    assert [t for t in channel_texts(bot) if t.startswith("Reminder")] == [
        "Reminder: Hepatitis C ECHO session in 7 days"
    ]
    for label in ("7d", "1d", "1h"):
        row = await outbox.get(bot.db.reader, f"session:1:remind:{label}")
        assert row is not None and row.state is OutboxState.SKIPPED, label
    # the session is live: its post with the Check in button still goes out
    assert any("is live now" in t for t in channel_texts(bot))
    # the next session's reminders are untouched
    second = await outbox.get(bot.db.reader, "session:2:remind:1d")
    assert second is not None and second.state is OutboxState.PENDING


async def test_after_downtime_a_reminder_for_a_session_still_ahead_is_sent_once_late(bot: Bot) -> None:
    await create_program(bot)
    await bot.stop()
    bot.clock.set(FIRST_START - timedelta(hours=20))  # the 1-day reminder was due 4 hours ago
    await bot.start()
    await bot.runtime.tick()  # type: ignore[union-attr]
    await bot.runtime.tick()  # type: ignore[union-attr]
    reminders = [t for t in channel_texts(bot) if t.startswith("Reminder")]
    # the session message (due with the 7d reminder) and the 1d reminder in its thread, once each
    assert reminders == ["Reminder: Hepatitis C ECHO session in about 20 hours"] * 2
    rows = await outbox.by_prefix(bot.db.reader, "session:1:")
    assert sorted(r.key for r in rows if r.state == "sent" and r.kind == "post") == [
        "session:1:live",
        "session:1:remind:1d:post",
    ]


async def test_reminder_dm_copies_for_those_who_opt_in(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    await register(bot, BOB, **{"name": "Bob Ortiz"})
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    await bot.driver.command(BOB, "join Hepatitis C ECHO")
    reply = await bot.driver.command(ALICE, "reminders dm on")
    assert "also get session reminders" in reply.json["text"]
    reply = await bot.driver.command(ALICE, "reminders please")
    assert reply.json["text"].startswith("Usage:")
    await at(bot, FIRST_START - timedelta(hours=1))
    await bot.runtime.tick()  # type: ignore[union-attr]
    dms = [p["text"] for p in bot.fake.posts_to(ALICE) if p["text"].startswith("Reminder")]
    assert dms == ["Reminder: Hepatitis C ECHO session in 60 minutes"] * 3  # 7d and 1d were caught up late
    assert not [p for p in bot.fake.posts_to(BOB) if p["text"].startswith("Reminder")]


async def test_cancelling_a_session_drops_its_reminders_and_tells_the_channel(bot: Bot) -> None:
    program = await create_program(bot)
    await bot.driver.click(ADMIN, Action.SESSION_MENU, selected=f"{SessionTool.CANCEL}:1")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.SESSION_CANCEL_VIEW
    reply = await bot.driver.submit(ADMIN, view, {SessionField.REASON: ""})
    assert "Say why" in reply.errors[SessionField.REASON]
    reply = await bot.driver.submit(ADMIN, view, {SessionField.REASON: "The hub is closed for the holiday."})
    assert reply.text == ""
    await bot.settle()
    assert "is cancelled: The hub is closed for the holiday." in blocks_text(
        bot.fake.posts_to(PROGRAM_CHANNEL)[-1]["blocks"]
    )
    cancelled = await sessions.get(bot.db.reader, 1)
    assert cancelled is not None and cancelled.status is SessionStatus.CANCELLED
    await at(bot, FIRST_START - timedelta(minutes=1))  # every reminder and the live post were due by now
    assert not [t for t in channel_texts(bot) if t.startswith("Reminder") or "starts" in t]
    rows = await outbox.by_prefix(bot.db.reader, "session:1:")
    assert {r.state for r in rows if r.key != "session:1:cancelled"} == {OutboxState.CANCELLED}
    entries = await audit.recent(bot.db.reader, action_prefix="session.")
    assert [(e.actor, e.action) for e in entries] == [(ADMIN, "session.cancel")]
    assert program.id == cancelled.program_id


async def test_editing_a_session_moves_its_reminders_and_shows_the_topic(bot: Bot) -> None:
    await create_program(bot)
    await bot.driver.click("UPCOORD001", Action.SESSION_MENU, selected=f"{SessionTool.EDIT}:1")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.SESSION_EDIT_VIEW
    reply = await bot.driver.submit("UPCOORD001", view, {SessionField.DATE: "2026-10-01"})
    assert "future" in reply.errors[SessionField.DATE]
    reply = await bot.driver.submit(
        "UPCOORD001",
        view,
        {SessionField.TOPIC: "DAA regimens in 2026", SessionField.PRESENTER: "Dr. Lee", SessionField.TIME: "14:00"},
    )
    assert reply.text == ""
    await bot.settle()
    moved = await sessions.get(bot.db.reader, 1)
    assert moved is not None and moved.starts_at == FIRST_START + timedelta(hours=2) and moved.moved
    assert "moves to" in blocks_text(bot.fake.posts_to(PROGRAM_CHANNEL)[-1]["blocks"])
    row = await outbox.get(bot.db.reader, "session:1:remind:1h")
    assert row is not None and row.due_at == moved.starts_at - timedelta(hours=1)
    await at(bot, moved.starts_at - timedelta(hours=1))
    shown = blocks_text(bot.fake.posts_to(PROGRAM_CHANNEL)[-1]["blocks"])
    assert "DAA regimens in 2026" in shown and "Dr. Lee" in shown


async def test_check_in_window_edges(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)

    async def check_in(user: str = ALICE) -> str:
        await bot.driver.click(user, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
        await bot.settle()
        return str(bot.fake.responses[-1]["text"])

    bot.clock.set(FIRST_START - timedelta(minutes=15, seconds=1))
    assert "Check-in opens" in await check_in()
    bot.clock.set(FIRST_START - timedelta(minutes=15))
    assert "You're checked in" in await check_in()
    assert "already checked in" in await check_in()
    assert "Register first" in await check_in(BOB)
    bot.clock.set(FIRST_END + timedelta(minutes=15))
    await register(bot, "UCAROL0001")
    assert "You're checked in" in await check_in("UCAROL0001")
    bot.clock.set(FIRST_END + timedelta(minutes=15, seconds=1))
    await register(bot, "UDAVE00001")
    assert "Check-in closed" in await check_in("UDAVE00001")
    present = [a.user_id for a in await attendance.present(bot.db.reader, 1)]
    assert present == [ALICE, "UCAROL0001"]
    await bot.driver.click(ALICE, Action.CHECK_IN, "999", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert "no longer exists" in bot.fake.responses[-1]["text"]


async def test_the_session_ends_at_its_scheduled_end_once_and_its_post_says_so(bot: Bot) -> None:
    await create_program(bot)
    ended: list[int] = []

    async def hook(tx, session, program, now) -> None:  # type: ignore[no-untyped-def]
        ended.append(session.id)

    bot.runtime.services.sessions.on_ended.append(hook)  # type: ignore[union-attr]
    await at(bot, FIRST_START - timedelta(minutes=15))
    live = [p for p in bot.fake.posts_to(PROGRAM_CHANNEL) if "starts" in p["text"] and "Reminder" not in p["text"]]
    assert len(live) == 1 and "Check in" in blocks_text(live[0]["blocks"])
    await at(bot, FIRST_END)
    await bot.restart()
    bot.runtime.services.sessions.on_ended.append(hook)  # type: ignore[union-attr]
    await at(bot, FIRST_END + timedelta(minutes=1))
    assert ended == [1]
    session = await sessions.get(bot.db.reader, 1)
    assert session is not None and session.status is SessionStatus.ENDED and session.ended_at is None
    update = bot.fake.last("chat.update")
    assert "session ended" in update.args["text"]


async def test_a_coordinator_ends_a_session_early_and_sets_the_attendance_code(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    await at(bot, FIRST_START + timedelta(minutes=30))
    await bot.driver.click(ALICE, Action.SESSION_TOOLS, selected=f"{SessionTool.END}:1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert bot.fake.responses[-1]["text"] == "Only the program's coordinators can do that."
    await bot.driver.click(ADMIN, Action.SESSION_TOOLS, selected=f"{SessionTool.CODE}:1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    reply = await bot.driver.submit(ADMIN, view, {SessionField.CODE: "not a code!"})
    assert "letters, digits or dashes" in reply.errors[SessionField.CODE]
    reply = await bot.driver.submit(ADMIN, view, {SessionField.CODE: "LIVER42"})
    assert reply.text == ""
    await bot.driver.click(ADMIN, Action.SESSION_TOOLS, selected=f"{SessionTool.END}:1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert bot.fake.responses[-1]["text"].startswith("Session ended")
    session = await sessions.get(bot.db.reader, 1)
    assert session is not None and session.status is SessionStatus.ENDED
    assert session.attendance_code == "LIVER42" and session.ended_at == FIRST_START + timedelta(minutes=30)
    # check-in stays open 15 minutes after the early end, then closes
    bot.clock.set(FIRST_START + timedelta(minutes=44))
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert "checked in" in bot.fake.responses[-1]["text"]
    bot.clock.set(FIRST_START + timedelta(minutes=46))
    await bot.driver.click(ADMIN, Action.SESSION_TOOLS, selected=f"{SessionTool.END}:1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert "not running" in bot.fake.responses[-1]["text"]
    actions = [e.action for e in await audit.recent(bot.db.reader, action_prefix="session.")]
    assert actions == ["session.end", "session.code"]


async def test_attendance_adjustments_are_kept_with_who_when_and_why(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    bot.clock.set(FIRST_START)
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await at(bot, FIRST_END + timedelta(hours=1))
    await bot.driver.command(ADMIN, "attendance")
    await bot.settle()
    pick = bot.fake.opened_views()[-1]
    assert pick["callback_id"] == Callback.ATTENDANCE_PICK_VIEW
    reply = await bot.driver.submit(ADMIN, pick, {SessionField.SESSION: "1"})
    edit = reply.json["view"]
    assert reply.json["response_action"] == "update" and "<@UALICE0001>" in blocks_text(edit["blocks"])
    edit = {**edit, "id": "VEDIT0001"}
    reply = await bot.driver.submit(
        ADMIN, edit, {SessionField.ADD: [BOB], SessionField.REMOVE: [], SessionField.REASON: ""}
    )
    assert "Say why" in reply.errors[SessionField.REASON]
    reply = await bot.driver.submit(
        ADMIN, edit, {SessionField.ADD: [BOB], SessionField.REMOVE: [BOB], SessionField.REASON: "Zoom report"}
    )
    assert "both added and removed" in reply.errors[SessionField.REMOVE]
    reply = await bot.driver.submit(
        ADMIN, edit, {SessionField.ADD: [BOB], SessionField.REMOVE: [ALICE], SessionField.REASON: "Zoom report"}
    )
    assert reply.json["response_action"] == "update"
    assert "*Added:* <@UBOB000001>" in blocks_text(reply.json["view"]["blocks"])
    present = [a.user_id for a in await attendance.present(bot.db.reader, 1)]
    assert present == [BOB]
    changes = [(c.user_id, c.change, c.actor, c.reason) for c in await attendance.changes(bot.db.reader, 1)]
    assert changes == [
        (ALICE, "check_in", ALICE, None),
        (BOB, "add", ADMIN, "Zoom report"),
        (ALICE, "remove", ADMIN, "Zoom report"),
    ]
    [entry] = await audit.recent(bot.db.reader, action_prefix="attendance.")
    assert entry.actor == ADMIN and entry.detail == {"added": [BOB], "removed": [ALICE], "reason": "Zoom report"}
    # Alice, removed, cannot check herself back in
    bot.clock.set(FIRST_END)
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert "removed your attendance" in bot.fake.responses[-1]["text"]
    # a forged submission by a non-coordinator changes nothing
    reply = await bot.driver.submit(
        ALICE, edit, {SessionField.ADD: [ALICE], SessionField.REMOVE: [], SessionField.REASON: "I was there"}
    )
    assert "Only the program's coordinators" in reply.errors[SessionField.ADD]
    assert [a.user_id for a in await attendance.present(bot.db.reader, 1)] == [BOB]


async def test_sessions_list_and_calendar_file(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    reply = await bot.driver.command(ALICE, "calendar")
    assert "join a program first" in reply.json["text"]
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    reply = await bot.driver.command(ALICE, "sessions")
    shown = reply.message_text
    assert "Upcoming sessions* (12)" in shown and "Hepatitis C ECHO" in shown and "Edit session" not in shown
    reply = await bot.driver.command(ADMIN, "sessions")
    assert "Edit session" in reply.message_text
    reply = await bot.driver.command(ALICE, "calendar")
    assert "Sending a calendar file of 12 sessions" in reply.json["text"]
    await bot.settle()
    [content] = bot.fake.uploads.values()
    calendar = Calendar.from_ical(content)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 12
    assert events[0]["dtstart"].dt == FIRST_START and str(events[0]["location"]).startswith("https://zoom")
    assert bot.fake.last("files.completeUploadExternal").args["channel_id"] == "DALICE0001"


@pytest.mark.parametrize("zone", ["America/New_York", "America/Denver", "America/Phoenix"])
@pytest.mark.parametrize(
    ("today", "first"),
    [(datetime(2027, 2, 20, tzinfo=UTC), "2027-02-23"), (datetime(2026, 10, 10, tzinfo=UTC), "2026-10-13")],
    ids=["march", "november"],
)
async def test_sessions_keep_local_noon_across_daylight_saving_changes(
    bot: Bot, zone: str, today: datetime, first: str
) -> None:
    bot.clock.set(today)
    program = await create_program(bot, **{ProgramField.TIMEZONE: zone, ProgramField.FIRST_DATE: first})
    planned = await sessions.upcoming(bot.db.reader, [program.id], today, today + timedelta(days=90))
    local = [s.starts_at.astimezone(ZoneInfo(zone)) for s in planned]
    assert len(local) >= 12 and {(t.weekday(), t.hour, t.minute) for t in local} == {(1, 12, 0)}
    offsets = {t.utcoffset() for t in local}
    assert len(offsets) == (1 if zone == "America/Phoenix" else 2)
    # what people are shown: a Slack date token of the real instant
    reply = await bot.driver.command(ADMIN, "sessions")
    assert f"<!date^{int(planned[0].starts_at.timestamp())}^" in reply.message_text
    await bot.driver.click(ADMIN, Action.SESSIONS_MORE, "20")  # Show more, to the end of the list
    await bot.settle()
    assert f"<!date^{int(planned[-1].starts_at.timestamp())}^" in blocks_text(bot.fake.responses[-1]["blocks"])


async def test_every_session_tool_is_refused_to_non_coordinators(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    views_before = len(bot.fake.opened_views())
    for tool in (SessionTool.EDIT, SessionTool.CANCEL, SessionTool.CODE, SessionTool.END):
        for action in (Action.SESSION_MENU, Action.SESSION_TOOLS):
            await bot.driver.click(ALICE, action, selected=f"{tool}:1", channel=PROGRAM_CHANNEL)
            await bot.settle()
            assert bot.fake.responses[-1]["text"] == "Only the program's coordinators can do that.", (tool, action)
    for action in (Action.SESSION_COORDINATOR, Action.SESSION_END_NOW, Action.SESSION_SET_CODE):
        await bot.driver.click(ALICE, action, "1", channel=PROGRAM_CHANNEL)
        await bot.settle()
        assert bot.fake.responses[-1]["text"].startswith("Only the program's coordinators can do that."), action
    assert len(bot.fake.opened_views()) == views_before  # no coordinator modal opened
    # forged submissions of each coordinator modal
    forged = {"private_metadata": '{"session_id": 1}', "id": "VFORGED01", "type": "modal"}
    for callback, field, values in (
        (Callback.SESSION_EDIT_VIEW, SessionField.TOPIC, {SessionField.TOPIC: "x"}),
        (Callback.SESSION_CANCEL_VIEW, SessionField.REASON, {SessionField.REASON: "because"}),
        (Callback.ATTENDANCE_CODE_VIEW, SessionField.CODE, {SessionField.CODE: "ABC"}),
    ):
        view = {
            **forged,
            "callback_id": callback,
            "blocks": [
                {"type": "input", "block_id": field, "element": {"type": "plain_text_input", "action_id": field}}
            ],
        }
        reply = await bot.driver.submit(ALICE, view, values)
        assert "Only the program's coordinators" in reply.errors[field]
    session = await sessions.get(bot.db.reader, 1)
    assert session is not None and session.status is SessionStatus.SCHEDULED
    assert session.topic is None and session.attendance_code is None
    assert await audit.recent(bot.db.reader, action_prefix="session.") == []


async def test_sessions_list_shows_the_next_three_with_show_more_and_one_calendar_button(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    reply = await bot.driver.command(ALICE, "sessions")
    blocks = reply.json["blocks"]
    listed = [b for b in blocks if b["type"] == "section" and "join link" in b["text"]["text"]]
    assert len(listed) == 3 and not any("accessory" in b for b in listed)  # no menu whose only item is a calendar
    assert "Upcoming sessions* (12)" in reply.message_text
    buttons = {e["text"]["text"]: e for b in blocks if b["type"] == "actions" for e in b["elements"]}
    assert set(buttons) == {"Add all to my calendar", "Show more"}
    await bot.driver.click(ALICE, Action.SESSIONS_MORE, buttons["Show more"]["value"])
    await bot.settle()
    more = bot.fake.responses[-1]
    assert more["replace_original"] is True
    assert len([b for b in more["blocks"] if b["type"] == "section" and "join link" in b["text"]["text"]]) == 9
    await bot.driver.click(ALICE, Action.SESSIONS_CALENDAR)
    await bot.settle()
    assert bot.fake.responses[-1]["text"] == "Sending a calendar file of 12 sessions to your direct messages."
    [content] = bot.fake.uploads.values()
    assert len([c for c in Calendar.from_ical(content).walk() if c.name == "VEVENT"]) == 12
