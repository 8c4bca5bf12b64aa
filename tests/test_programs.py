"""Programs end to end: set-up with every field checked, listing, editing, archiving, joining, coordinators."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from echobot.ids import Action, ProgramField
from echobot.models import SessionStatus
from echobot.storage import audit, coordinators, outbox, programs, sessions
from tests.harness import ADMIN, Bot
from tests.scenarios import (
    PROGRAM,
    PROGRAM_CHANNEL,
    REVIEW_CHANNEL,
    add_channels,
    create_program,
    inputs,
    open_program_modal,
    register,
    saved_summary,
)
from tests.slack_driver import blocks_text, state_values

ALICE, BOB = "UALICE0001", "UBOB000001"


async def test_a_coordinator_creates_a_program_and_its_sessions_are_planned(bot: Bot) -> None:
    add_channels(bot)
    reply = await bot.driver.submit(ADMIN, await open_program_modal(bot), PROGRAM)
    summary = saved_summary(reply)  # the form's own answer: no DM
    await bot.settle()
    program = await programs.get_by_name(bot.db.reader, "Hepatitis C ECHO")
    assert program is not None
    assert program.timezone == "America/Denver" and program.reminder_offsets == [10080, 1440, 60]
    assert program.specialists == ["USPEC00001"] and program.coordinators == ["UPCOORD001"]
    planned = await sessions.upcoming(
        bot.db.reader, [program.id], bot.clock.now(), bot.clock.now() + timedelta(days=90)
    )
    assert len(planned) == 12  # Tuesdays from 10 November to the end of January (90 days)
    local = [s.starts_at.astimezone(ZoneInfo("America/Denver")) for s in planned]
    assert {(t.weekday(), t.hour, t.minute) for t in local} == {(1, 12, 0)}
    # the program channel gets an introduction with a Join button; the coordinator a summary
    intro = bot.fake.posts_to(PROGRAM_CHANNEL)[0]
    assert "Hepatitis C ECHO* will meet here" in blocks_text(intro["blocks"])
    assert "Join Hepatitis C ECHO" in blocks_text(intro["blocks"])
    shown = blocks_text(summary["blocks"])
    assert shown.startswith("*Hepatitis C ECHO* is set up.") and "*Next sessions:* <!date^1794337200^" in shown
    assert "Every week on Tuesday at 12:00 (America/Denver)" in shown
    assert bot.fake.posts_to(ADMIN) == []
    entries = await audit.recent(bot.db.reader, action_prefix="program.")
    assert [(e.actor, e.action) for e in entries] == [(ADMIN, "program.create")]


async def test_every_bad_field_is_named_and_nothing_is_stored(bot: Bot) -> None:
    add_channels(bot)
    bot.fake.add_channel("C0PUBLIC", "general-chat")
    view = await open_program_modal(bot)
    cases = [
        ({ProgramField.NAME: "  "}, ProgramField.NAME, "Give the program a name"),
        ({ProgramField.FIRST_DATE: "2026-10-01"}, ProgramField.FIRST_DATE, "in the past"),
        ({ProgramField.DURATION: "10"}, ProgramField.DURATION, "between 15 and 240"),
        ({ProgramField.DURATION: "241"}, ProgramField.DURATION, "between 15 and 240"),
        ({ProgramField.VIDEO_URL: "zoom.example.org/j/1"}, ProgramField.VIDEO_URL, "https://"),
        ({ProgramField.VIDEO_URL: "ftp://files.example.org"}, ProgramField.VIDEO_URL, "https://"),
        ({ProgramField.REVIEW_CHANNEL: PROGRAM_CHANNEL}, ProgramField.REVIEW_CHANNEL, "private channel"),
        ({ProgramField.REVIEW_CHANNEL: "C0PUBLIC"}, ProgramField.REVIEW_CHANNEL, "private channel"),
        ({ProgramField.TIMEZONE: None}, ProgramField.TIMEZONE, "time zone"),
        ({ProgramField.REVIEW_CHANNEL: "G0UNSEEN"}, ProgramField.REVIEW_CHANNEL, "invite it first"),
    ]
    basics = {key: value for key, value in PROGRAM.items() if key in inputs(view)}
    for values, field, fragment in cases:
        reply = await bot.driver.submit(ADMIN, view, {**basics, **values})
        assert field in reply.errors, (values, reply.text)
        assert fragment in reply.errors[field], (values, reply.errors)
    # "Every how many weeks" appears only once "Every N weeks" is chosen (the form is updated in place)
    assert ProgramField.INTERVAL not in {b.get("block_id") for b in view["blocks"]}
    every_n = {**view, "state": {"values": state_values(view, {**basics, ProgramField.SCHEDULE: "every_n_weeks"})}}
    await bot.driver.click(ADMIN, ProgramField.SCHEDULE, block_id=ProgramField.SCHEDULE, home=every_n)
    await bot.settle()
    updated = bot.fake.last("views.update")
    assert updated.args["view_id"] == view["id"] and updated.args["hash"] == view["hash"]
    interval_view = updated.response["view"]
    assert ProgramField.INTERVAL in {b.get("block_id") for b in interval_view["blocks"]}
    values = {**basics, ProgramField.SCHEDULE: "every_n_weeks", ProgramField.INTERVAL: ""}
    reply = await bot.driver.submit(ADMIN, interval_view, values)
    assert "every how many weeks" in reply.errors[ProgramField.INTERVAL]
    assert await programs.active(bot.db.reader) == []
    created = await create_program(bot)
    reply = await bot.driver.submit(ADMIN, view, {**basics, ProgramField.NAME: "hepatitis c echo"})
    assert "already exists" in reply.errors[ProgramField.NAME]
    # the settings (issue 19: their own modal, reminders as choices): each problem on its field, nothing stored
    settings = await open_program_modal(bot, text="program settings Hepatitis C ECHO")
    for values, field, fragment in [
        ({ProgramField.OFFSETS: ["7 days", "1h"]}, ProgramField.OFFSETS, "not an offset"),
        ({ProgramField.OFFSETS: []}, ProgramField.OFFSETS, "List when"),
        ({ProgramField.CASE_SLOTS: "11"}, ProgramField.CASE_SLOTS, "0 to 10"),
        ({ProgramField.CASE_SLOTS: "-1"}, ProgramField.CASE_SLOTS, "0 to 10"),
        ({ProgramField.EVAL_WINDOW: "0"}, ProgramField.EVAL_WINDOW, "1 to 60"),
        ({ProgramField.EVAL_WINDOW: "61"}, ProgramField.EVAL_WINDOW, "1 to 60"),
        ({ProgramField.CREDIT: "1.1"}, ProgramField.CREDIT, "multiple of 0.25"),
        ({ProgramField.CREDIT: "0"}, ProgramField.CREDIT, "multiple of 0.25"),
    ]:
        reply = await bot.driver.submit(ADMIN, settings, values)
        assert fragment in reply.errors[field], (values, reply.errors)
    assert await programs.get(bot.db.reader, created.id) == created


async def test_the_time_zone_search_offers_us_zones_first(bot: Bot) -> None:
    reply = await bot.driver.suggest(ADMIN, ProgramField.TIMEZONE, "")
    groups = reply.json["option_groups"]
    assert groups[0]["label"]["text"] == "United States"
    assert groups[0]["options"][0]["value"] == "America/New_York"
    reply = await bot.driver.suggest(ADMIN, ProgramField.TIMEZONE, "denver")
    assert [o["value"] for g in reply.json["option_groups"] for o in g["options"]] == ["America/Denver"]
    reply = await bot.driver.suggest(ADMIN, ProgramField.TIMEZONE, "berlin")
    assert reply.json["option_groups"][0]["options"][0]["value"] == "Europe/Berlin"


async def test_program_list_join_and_leave(bot: Bot) -> None:
    program = await create_program(bot)
    reply = await bot.driver.command(BOB, "program list")
    assert "Hepatitis C ECHO" in reply.message_text and "<#C0HEPC>" in reply.message_text
    reply = await bot.driver.command(BOB, "join Hepatitis C ECHO")
    assert "for registered providers" in reply.message_text
    await register(bot, ALICE)
    posts_before = len(bot.fake.posts_to(PROGRAM_CHANNEL))
    reply = await bot.driver.command(ALICE, "join hepatitis c echo")
    assert "You joined *Hepatitis C ECHO*" in reply.json["text"]
    reply = await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    assert "already in" in reply.json["text"]
    assert await programs.members(bot.db.reader, program.id) == [ALICE]
    reply = await bot.driver.command(ALICE, "join Liver ECHO")
    assert "no active program" in reply.json["text"]
    reply = await bot.driver.command(ALICE, "leave Hepatitis C ECHO")
    assert "You left" in reply.json["text"]
    # the Join button in the channel's introduction
    await bot.driver.click(ALICE, Action.JOIN_PROGRAM, str(program.id), channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert "You joined" in bot.fake.responses[-1]["text"]
    assert await programs.members(bot.db.reader, program.id) == [ALICE]
    await bot.settle()
    assert len(bot.fake.posts_to(PROGRAM_CHANNEL)) == posts_before  # joining never posts to the channel


async def test_editing_the_schedule_replans_future_sessions_and_moves_reminders(bot: Bot) -> None:
    program = await create_program(bot)
    first = (
        await sessions.upcoming(bot.db.reader, [program.id], bot.clock.now(), bot.clock.now() + timedelta(days=90))
    )[0]
    reminder = await outbox.get(bot.db.reader, f"session:{first.id}:remind:1d")
    assert reminder is not None and reminder.due_at == first.starts_at - timedelta(days=1)
    view = await open_program_modal(bot, text="program edit Hepatitis C ECHO")
    assert view["title"]["text"] == "Edit program"
    reply = await bot.driver.submit(ADMIN, view, {ProgramField.START_TIME: "13:30"})
    edited = saved_summary(reply)
    await bot.settle()
    moved = await sessions.get(bot.db.reader, first.id)
    assert moved is not None and moved.starts_at == first.starts_at + timedelta(minutes=90)
    reminder = await outbox.get(bot.db.reader, f"session:{first.id}:remind:1d")
    assert reminder is not None and reminder.due_at == moved.starts_at - timedelta(days=1)
    assert "is updated" in blocks_text(edited["blocks"]) and "12 re-planned; 0 kept" in blocks_text(edited["blocks"])
    # a monthly schedule: the weekly sessions that no longer exist go away with their reminders
    view = await open_program_modal(bot, text="program edit Hepatitis C ECHO")
    reply = await bot.driver.submit(ADMIN, view, {ProgramField.SCHEDULE: "monthly"})
    assert "is updated" in blocks_text(saved_summary(reply)["blocks"])
    left = await sessions.upcoming(bot.db.reader, [program.id], bot.clock.now(), bot.clock.now() + timedelta(days=90))
    assert [s.starts_at.astimezone(ZoneInfo("America/Denver")).day for s in left] == [10, 8, 12]
    assert all(8 <= s.starts_at.astimezone(ZoneInfo("America/Denver")).day <= 14 for s in left)
    gone = await outbox.get(bot.db.reader, "session:2:remind:1d")
    assert gone is not None and gone.state == "cancelled"


async def test_archive_withdraws_sessions_and_reminders(bot: Bot) -> None:
    program = await create_program(bot)
    reply = await bot.driver.command(ADMIN, "program archive Hepatitis C ECHO")
    assert "is archived: 12 upcoming sessions" in reply.json["text"]
    planned = await sessions.of_program(
        bot.db.reader, program.id, bot.clock.now(), bot.clock.now() + timedelta(days=365)
    )
    assert {s.status for s in planned} == {SessionStatus.CANCELLED}
    pending = await outbox.pending_by_prefix(bot.db.reader, "session:")
    assert pending == []
    reply = await bot.driver.command(ADMIN, "program list")
    assert "Hepatitis C ECHO" not in reply.message_text
    # the daily planning job creates nothing for an archived program
    bot.clock.advance(timedelta(days=30))
    await bot.runtime.tick()
    assert await sessions.next_of(bot.db.reader, program.id, bot.clock.now()) is None


async def test_coordinator_changes_only_by_administrators_and_audited(bot: Bot) -> None:
    reply = await bot.driver.command(BOB, "coordinator add <@UCAROL0001|carol>")
    assert "Only hub administrators (ECHOBOT_ADMINS)" in reply.json["text"]
    reply = await bot.driver.command(ADMIN, "coordinator add <@UCAROL0001|carol>")
    assert reply.json["text"] == "<@UCAROL0001> is now a hub coordinator."
    assert await coordinators.is_coordinator(bot.db.reader, "UCAROL0001")
    # a coordinator (not an administrator) cannot add more
    reply = await bot.driver.command("UCAROL0001", "coordinator add <@UDAVE00001>")
    assert "Only hub administrators" in reply.json["text"]
    # the new coordinator may now create programs
    add_channels(bot)
    view = await open_program_modal(bot, user="UCAROL0001")
    assert view["title"]["text"] == "New ECHO program"
    reply = await bot.driver.command(ADMIN, "coordinator remove <@UCAROL0001>")
    assert "no longer a hub coordinator" in reply.json["text"]
    reply = await bot.driver.command(ADMIN, "coordinator remove <@UCAROL0001>")
    assert "is not a hub coordinator" in reply.json["text"]
    reply = await bot.driver.command(ADMIN, "coordinator add carol")
    assert reply.json["text"].startswith("Usage:")
    actions = [(e.action, e.subject) for e in await audit.recent(bot.db.reader, action_prefix="coordinator.")]
    assert actions == [("coordinator.remove", "user:UCAROL0001"), ("coordinator.add", "user:UCAROL0001")]


async def test_non_coordinators_are_refused_everything(bot: Bot) -> None:
    program = await create_program(bot)
    await register(bot, ALICE)
    for text in (
        "program new",
        "program edit Hepatitis C ECHO",
        "program archive Hepatitis C ECHO",
        "attendance",
        "coordinator add <@UX00000001>",
    ):
        reply = await bot.driver.command(ALICE, text)
        assert "Only" in reply.json["text"], (text, reply.text)
    # a program coordinator may edit their own program, not create one
    reply = await bot.driver.command("UPCOORD001", "program new")
    assert "Only hub coordinators" in reply.json["text"]
    view = await open_program_modal(bot, user="UPCOORD001", text="program edit Hepatitis C ECHO")
    # a forged submission of the edit modal by someone else changes nothing
    reply = await bot.driver.submit(ALICE, view, {ProgramField.NAME: "Taken over"})
    assert "Only the program's coordinators" in reply.errors[ProgramField.NAME]
    # and a forged "new program" submission is refused too
    forged = {**view, "private_metadata": ""}
    reply = await bot.driver.submit(ALICE, forged, {ProgramField.NAME: "Sneaky ECHO"})
    assert "Only hub coordinators" in reply.errors[ProgramField.NAME]
    assert [p.name for p in await programs.active(bot.db.reader)] == [program.name]
    assert REVIEW_CHANNEL  # the review channel is never posted to by set-up
    assert bot.fake.posts_to(REVIEW_CHANNEL) == []


async def test_the_registration_form_offers_programs_to_join(bot: Bot) -> None:
    hepc = await create_program(bot)
    pain = await create_program(bot, **{ProgramField.NAME: "Pain ECHO"})
    await bot.driver.command(ALICE, "register")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    field = next(b for b in view["blocks"] if b.get("block_id") == "programs")
    assert [o["text"]["text"] for o in field["element"]["options"]] == ["Hepatitis C ECHO", "Pain ECHO"]
    from tests.scenarios import PROVIDER

    reply = await bot.driver.submit(ALICE, view, {**PROVIDER, "programs": [str(hepc.id), str(pain.id)]})
    assert reply.json["response_action"] == "update"  # the welcome in the form's place
    assert await programs.joined(bot.db.reader, ALICE) == [hepc.id, pain.id]
    # editing: the field shows what was joined; un-choosing one leaves it
    await bot.driver.command(ALICE, "register")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    field = next(b for b in view["blocks"] if b.get("block_id") == "programs")
    assert len(field["element"]["initial_options"]) == 2
    reply = await bot.driver.submit(ALICE, view, {"programs": [str(pain.id)]})
    assert reply.json["response_action"] == "update"
    assert await programs.joined(bot.db.reader, ALICE) == [pain.id]


async def test_home_shows_your_programs_and_next_sessions(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    home = blocks_text(bot.fake.homes[ALICE]["blocks"])
    assert "You have not joined a program yet" in home
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    await bot.driver.event({"type": "app_home_opened", "user": ALICE, "tab": "home", "event_ts": "1"})
    await bot.settle()
    home = blocks_text(bot.fake.homes[ALICE]["blocks"])
    assert "*Hepatitis C ECHO* (<#C0HEPC>)" in home and "Next sessions" in home and "<!date^" in home


async def test_moving_a_program_to_another_channel_moves_its_planned_posts(bot: Bot) -> None:
    await create_program(bot)
    bot.fake.add_channel("C0NEWHEPC", "hepc-echo-2")
    view = await open_program_modal(bot, text="program edit Hepatitis C ECHO")
    reply = await bot.driver.submit(ADMIN, view, {ProgramField.CHANNEL: "C0NEWHEPC"})
    assert "is updated" in blocks_text(saved_summary(reply)["blocks"])
    live = await outbox.get(bot.db.reader, "session:1:live")
    assert live is not None and live.target == "C0NEWHEPC"


async def test_the_review_channel_must_be_confirmed_private_even_when_slack_is_slow(bot: Bot) -> None:
    add_channels(bot)
    bot.fake.add_channel("C0PUBLIC", "general-chat")
    view = await open_program_modal(bot)
    bot.fake.fail("conversations.info", error="ratelimited", times=2)
    reply = await bot.driver.submit(ADMIN, view, {**PROGRAM, ProgramField.REVIEW_CHANNEL: "C0PUBLIC"})
    assert "submit again" in str(reply.errors)
    assert await programs.active(bot.db.reader) == []


async def test_the_new_program_form_starts_in_the_creators_zone_and_checks_echobot_is_in_the_review_channel(
    bot: Bot,
) -> None:
    bot.fake.add_user(ADMIN, "Ada Coordinator", tz="America/Denver")
    add_channels(bot)
    view = await open_program_modal(bot)
    zone = next(b for b in view["blocks"] if b.get("block_id") == ProgramField.TIMEZONE)
    assert zone["element"]["initial_option"]["value"] == "America/Denver"
    bot.fake.channels[REVIEW_CHANNEL]["is_member"] = False  # echobot can see it but was not invited
    reply = await bot.driver.submit(ADMIN, view, PROGRAM)
    assert "echobot is not in this channel: invite it first" in reply.errors[ProgramField.REVIEW_CHANNEL]
    bot.fake.channels[REVIEW_CHANNEL]["is_member"] = True
    reply = await bot.driver.submit(ADMIN, view, PROGRAM)
    await bot.settle()
    assert "Invite @echobot" not in blocks_text(saved_summary(reply)["blocks"])  # no needless warning


async def test_the_program_form_asks_the_basics_then_offers_settings_with_defaults_to_change_later(bot: Bot) -> None:
    """Issue 19: basics first; reminders, slots, credit and the series are settings with defaults, in their own
    modal (Settings in the set-up message and on the coordinator's Home); reminder offsets are choices."""
    from echobot.ids import Callback

    add_channels(bot)
    view = await open_program_modal(bot)
    shown = inputs(view)
    assert {ProgramField.NAME, ProgramField.CHANNEL, ProgramField.REVIEW_CHANNEL, ProgramField.SCHEDULE,
            ProgramField.FIRST_DATE, ProgramField.START_TIME, ProgramField.VIDEO_URL} <= shown  # fmt: skip
    assert not shown & {ProgramField.OFFSETS, ProgramField.CASE_SLOTS, ProgramField.CREDIT, ProgramField.COMPLETION}
    summary = {**saved_summary(await bot.driver.submit(ADMIN, view, PROGRAM)), "id": "VSAVED"}
    await bot.settle()
    program = await programs.get_by_name(bot.db.reader, "Hepatitis C ECHO")
    assert program is not None and program.reminder_offsets == [10080, 1440, 60] and program.case_slots == 2
    # Settings in the set-up summary (the form's answer): the settings take that window's place
    settings_button = next(e for b in summary["blocks"] if b.get("type") == "actions" for e in b["elements"]
                           if e["text"]["text"] == "Settings")  # fmt: skip
    await bot.driver.click(ADMIN, settings_button["action_id"], settings_button["value"], home=summary)
    await bot.settle()
    update = bot.fake.last("views.update")
    settings = update.response["view"]
    assert update.args["view_id"] == "VSAVED" and settings["callback_id"] == Callback.PROGRAM_SETTINGS_VIEW
    offsets = next(b for b in settings["blocks"] if b.get("block_id") == ProgramField.OFFSETS)["element"]
    assert offsets["type"] == "multi_static_select"
    assert [o["value"] for o in offsets["initial_options"]] == ["7d", "1d", "1h"]
    assert "15 minutes before" in [o["text"]["text"] for o in offsets["options"]]
    reply = await bot.driver.submit(ADMIN, settings, {ProgramField.OFFSETS: ["1d", "15m"],
                                                      ProgramField.CASE_SLOTS: "3"})  # fmt: skip
    assert reply.text == "", reply.text
    await bot.settle()
    changed = await programs.get(bot.db.reader, program.id)
    assert changed is not None and changed.reminder_offsets == [1440, 15] and changed.case_slots == 3
    assert changed.video_url == program.video_url and changed.specialists == program.specialists
    # later: Settings on the coordinator's Home (the program coordinator, never registered as a provider)
    await bot.driver.event({"type": "app_home_opened", "user": "UPCOORD001", "tab": "home", "channel": "DPCOORD001"})
    await bot.settle()
    home = bot.fake.homes["UPCOORD001"]
    button = next(e for b in home["blocks"] if b.get("type") == "actions" for e in b["elements"]
                  if e["text"]["text"] == "Settings")  # fmt: skip
    await bot.driver.click("UPCOORD001", button["action_id"], button["value"], home=home)
    await bot.settle()
    later = bot.fake.opened_views()[-1]
    assert later["callback_id"] == Callback.PROGRAM_SETTINGS_VIEW and later["submit"]["text"] == "Save"
    chosen = next(b for b in later["blocks"] if b.get("block_id") == ProgramField.OFFSETS)["element"]
    assert [o["text"]["text"] for o in chosen["initial_options"]] == ["1 day before", "15 minutes before"]
    reply = await bot.driver.submit("UPCOORD001", later, {ProgramField.CREDIT: "1.5"})
    assert reply.text == ""
    again = await programs.get(bot.db.reader, program.id)
    assert again is not None and again.credit == 1.5 and again.reminder_offsets == [1440, 15]
    # someone who does not coordinate it is told so, and a forged settings form is refused on its first field
    await register(bot, ALICE)
    await bot.driver.click(ALICE, button["action_id"], button["value"], home=home)
    await bot.settle()
    assert "Only the program's coordinators" in blocks_text(bot.fake.opened_views()[-1]["blocks"])
    reply = await bot.driver.submit(ALICE, later, {ProgramField.CREDIT: "2"})
    assert "Only the program's coordinators" in str(reply.errors)
    assert (await programs.get(bot.db.reader, program.id)) == again
