"""What each person sees (issue 19): each role's Home, buttons instead of typed commands, the presenter's one
case message whose updates coalesce and arrive in order, the specialist's cases in review, units and zeros."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from echobot.ids import Action, Callback, CaseField
from echobot.storage import cases
from tests.harness import ADMIN, Bot
from tests.scenarios import (
    ALICE,
    CASE,
    REVIEW_CHANNEL,
    SPECIALIST,
    program_with_participant,
)
from tests.slack_driver import blocks_text

COORDINATOR = "UPCOORD001"  # PROGRAM's coordinator: not registered as a provider


async def home_of(bot: Bot, user: str) -> dict[str, Any]:
    await bot.driver.event({"type": "app_home_opened", "user": user, "tab": "home", "channel": "D" + user[1:]})
    await bot.settle()
    return bot.fake.homes[user]


def buttons(blocks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = [e for b in blocks if b.get("type") == "actions" for e in b["elements"]]
    found += [b["accessory"] for b in blocks if (b.get("accessory") or {}).get("type") == "button"]
    return {e["text"]["text"]: e for e in found}


async def present_and_schedule(bot: Bot) -> int:
    await program_with_participant(bot)
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    await bot.driver.submit(ALICE, bot.fake.opened_views()[-1], CASE)
    await bot.settle()
    [case] = await cases.of_submitter(bot.db.reader, ALICE)
    await bot.driver.click(SPECIALIST, Action.CASE_CLAIM, str(case.id), channel=REVIEW_CHANNEL)
    await bot.driver.click(SPECIALIST, Action.CASE_SCHEDULE, str(case.id), channel=REVIEW_CHANNEL)
    await bot.settle()
    await bot.driver.submit(SPECIALIST, bot.fake.opened_views()[-1], {CaseField.SESSION: "1"})
    await bot.settle()
    return case.id


async def test_each_role_sees_its_own_work_first_on_home(bot: Bot) -> None:
    await present_and_schedule(bot)
    # the program's coordinator, never registered as a provider: programs, next session, agenda, tools
    home = await home_of(bot, COORDINATOR)
    shown = blocks_text(home["blocks"])
    assert "*Programs you coordinate*" in shown and "*Hepatitis C ECHO* (<#C0HEPC>) · next session <!date^" in shown
    assert "1 case on its agenda" in shown
    tools = buttons(home["blocks"])
    assert {"Sessions", "Attendance", "Export", "Digest"} <= set(tools)
    await bot.driver.click(COORDINATOR, tools["Digest"]["action_id"], tools["Digest"]["value"], home=home)
    await bot.settle()
    assert "digest" in blocks_text(bot.fake.opened_views()[-1]["blocks"]).lower()
    assert any("digest" in post["text"] for post in bot.fake.posts_to(COORDINATOR))
    # the specialist, not registered either: cases waiting and in their review, the hub channel
    shown = blocks_text((await home_of(bot, SPECIALIST))["blocks"])
    assert "*Waiting for triage*: none waiting." in shown and "*In your review* (1)" in shown
    assert "Case #1 · 50s woman, HCV genotype 3" in shown and "<#G0HEPCHUB>" in shown
    # the presenter: her session marked, the everyday tasks as buttons
    home = await home_of(bot, ALICE)
    shown = blocks_text(home["blocks"])
    assert ":speech_balloon: *Your Case #1 · 50s woman, HCV genotype 3" in shown and "is on its agenda*" in shown
    assert {"Browse programs", "My sessions", "Present a case", "My cases", "My credit"} <= set(buttons(home["blocks"]))


async def test_a_home_button_does_what_the_command_does_without_typing(bot: Bot) -> None:
    await program_with_participant(bot)
    home = await home_of(bot, ALICE)
    sessions = buttons(home["blocks"])["My sessions"]
    await bot.driver.click(ALICE, sessions["action_id"], sessions["value"], home=home)
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.NOTICE_VIEW and "Upcoming sessions" in blocks_text(view["blocks"])
    present = buttons(home["blocks"])["Present a case"]
    await bot.driver.click(ALICE, present["action_id"], home=home)
    await bot.settle()
    assert bot.fake.opened_views()[-1]["callback_id"] == Callback.CASE_VIEW


async def test_a_program_is_joined_from_home_without_typing(bot: Bot) -> None:
    from tests.scenarios import create_program, register

    await create_program(bot)
    await register(bot, ALICE)
    home = await home_of(bot, ALICE)
    browse = buttons(home["blocks"])["Browse programs"]
    await bot.driver.click(ALICE, browse["action_id"], browse["value"], home=home)
    await bot.settle()
    listing = bot.fake.opened_views()[-1]
    join = buttons(listing["blocks"])["Join"]
    await bot.driver.click(ALICE, join["action_id"], join["value"], home=listing)
    await bot.settle()
    assert "You joined *Hepatitis C ECHO*" in blocks_text(bot.fake.last("views.update").args["view"]["blocks"])
    assert "Hepatitis C ECHO" in blocks_text(bot.fake.homes[ALICE]["blocks"])


async def test_help_offers_buttons_by_task_and_keeps_the_commands_under_more_commands(bot: Bot) -> None:
    await program_with_participant(bot)
    reply = await bot.driver.command(ALICE, "help")
    blocks = reply.json["blocks"]
    shown = blocks_text(blocks)
    assert shown.index("*Sessions*") < shown.index("*Cases*") < shown.index("*Credit*") < shown.index("*More commands*")
    assert "`/echo register`" in shown[shown.index("*More commands*"):]
    credit = buttons(blocks)["My credit"]
    before = len(bot.fake.responses)
    await bot.driver.click(ALICE, credit["action_id"], credit["value"])  # an ephemeral answer: answered the same way
    await bot.settle()
    assert "No credit recorded yet" in bot.fake.responses[before]["text"] + str(bot.fake.responses[before])


async def test_the_presenters_updates_coalesce_and_arrive_in_order(bot: Bot) -> None:
    await program_with_participant(bot)
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    await bot.driver.submit(ALICE, bot.fake.opened_views()[-1], CASE)
    await bot.settle()
    await bot.driver.click(SPECIALIST, Action.CASE_DECLINE, "1", channel=REVIEW_CHANNEL)
    await bot.settle()
    decline = bot.fake.opened_views()[-1]
    updates = len(bot.fake.calls_to("chat.update"))
    # two changes before anything is sent: claimed, then declined
    await bot.driver.click(SPECIALIST, Action.CASE_CLAIM, "1", channel=REVIEW_CHANNEL)
    await bot.driver.submit(SPECIALIST, decline, {CaseField.REASON: "Better suited to Pain ECHO."})
    await bot.settle()
    to_alice = [c for c in bot.fake.calls_to("chat.update")[updates:] if c.response.get("channel") == "DALICE0001"]
    assert len(to_alice) == 1 and "Declined" in to_alice[0].args["text"]  # the claim's update was superseded
    replies = [c.args["text"] for c in bot.fake.calls_to("chat.postMessage")
               if c.response.get("channel") == "DALICE0001" and c.args.get("thread_ts")]  # fmt: skip
    handle = "Case #1 · 50s woman, HCV genotype 3, compensated…"
    assert replies == [f"{handle}: The hub team declined the case:"]  # the claim only changed the status line


async def test_queue_lists_your_cases_in_review(bot: Bot) -> None:
    await present_and_schedule(bot)
    reply = await bot.driver.command(SPECIALIST, "queue")
    shown = reply.message_text
    assert "No case is waiting for triage" in shown and "*Your cases in review* (1)" in shown
    assert "Case #1 · 50s woman, HCV genotype 3" in shown and "Scheduled" in shown
    assert ADMIN not in shown


def test_the_digest_pipeline_says_none_waiting_in_one_line() -> None:
    from echobot.storage.digests import Pipeline
    from echobot.views.digests import _cases

    now = datetime(2026, 12, 5, tzinfo=UTC)
    empty = Pipeline(new=0, waiting=0, in_review=0, needs_info=0, scheduled=0, recommendations_sent=0,
                     followups_answered=0, oldest_waiting=None)  # fmt: skip
    assert blocks_text(_cases(type("D", (), {"pipeline": empty, "flagged_replies": 0})(), now)) == (  # type: ignore[arg-type]
        "*Case pipeline*: none waiting, nothing new this week."
    )


async def test_triage_goes_on_while_a_case_needs_info_with_the_buttons_at_the_top(bot: Bot) -> None:
    await program_with_participant(bot)
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    await bot.driver.submit(ALICE, bot.fake.opened_views()[-1], CASE)
    await bot.settle()
    await bot.driver.click(SPECIALIST, Action.CASE_ASK, "1", channel=REVIEW_CHANNEL)
    await bot.settle()
    await bot.driver.submit(SPECIALIST, bot.fake.opened_views()[-1], {CaseField.MESSAGE: "Any varices on EGD?"})
    await bot.settle()
    post = next(c for c in bot.fake.calls_to("chat.postMessage")
                if c.args.get("channel") == REVIEW_CHANNEL and not c.args.get("thread_ts"))  # fmt: skip
    now = bot.fake.messages[(REVIEW_CHANNEL, post.response["ts"])]
    kinds = [b["type"] for b in now["blocks"]]
    assert "Needs info" in blocks_text(now["blocks"][:1]) and kinds.index("actions") <= 3  # above the clinical text
    assert list(buttons(now["blocks"][: kinds.index("actions") + 1])) == ["Ask for info", "Schedule", "Decline"]
    await bot.driver.click(SPECIALIST, Action.CASE_SCHEDULE, "1", channel=REVIEW_CHANNEL)
    await bot.settle()
    await bot.driver.submit(SPECIALIST, bot.fake.opened_views()[-1], {CaseField.SESSION: "1"})
    await bot.settle()
    [case] = await cases.of_submitter(bot.db.reader, ALICE)
    assert case.state.value == "scheduled"


async def test_the_presenter_finds_her_session_marked_with_calendar_and_join_link(bot: Bot) -> None:
    from tests.scenarios import uploaded

    await present_and_schedule(bot)
    reply = await bot.driver.command(ALICE, "sessions")
    blocks = reply.json["blocks"]
    shown = blocks_text(blocks)
    assert shown.count("your case is on this session") == 1
    assert ":speech_balloon: *Your Case #1 · 50s woman, HCV genotype 3" in shown
    marked = buttons(blocks)
    assert marked["Join session"]["url"] == "https://zoom.example.org/j/123456"
    await bot.driver.click(ALICE, marked["Add to calendar"]["action_id"], marked["Add to calendar"]["value"])
    await bot.settle()
    calendar = uploaded(bot).decode()
    assert calendar.count("BEGIN:VEVENT") == 1 and "DTSTART" in calendar
    # someone else's list has no mark
    assert "your case is on this session" not in (await bot.driver.command(SPECIALIST, "sessions")).message_text
    # and on her Home, the same mark with the same buttons
    home = await home_of(bot, ALICE)
    assert "your case is on this session" in blocks_text(home["blocks"])
    assert {"Add to calendar", "Join session"} <= set(buttons(home["blocks"]))


async def test_scheduled_and_recommendations_also_show_in_the_presenters_conversation(bot: Bot) -> None:
    case_id = await present_and_schedule(bot)
    await bot.driver.click(SPECIALIST, Action.CASE_RECOMMEND, str(case_id), channel=REVIEW_CHANNEL)
    await bot.settle()
    await bot.driver.submit(SPECIALIST, bot.fake.opened_views()[-1], {CaseField.RECOMMENDATIONS: "Twelve weeks."})
    await bot.settle()
    replies = [c.args for c in bot.fake.calls_to("chat.postMessage")
               if c.response.get("channel") == "DALICE0001" and c.args.get("thread_ts")]  # fmt: skip
    broadcast = {r["text"].split(": ", 1)[1].split(":")[0]: bool(r.get("reply_broadcast")) for r in replies}
    assert broadcast == {"Scheduled": True, "The hub team's recommendations": True}


async def test_check_in_from_home_answers_on_home_without_a_message(bot: Bot) -> None:
    """Check-in open: Home offers Check in with the join link; clicked there, Home itself says she is checked
    in (no message); a stale Home button refused opens a window saying why."""
    from datetime import timedelta

    from echobot.storage import attendance
    from tests.scenarios import FIRST_START

    await program_with_participant(bot)
    bot.clock.set(FIRST_START - timedelta(hours=2))
    early = await home_of(bot, ALICE)
    assert "check-in is open" not in blocks_text(early["blocks"]) and "Check in" not in buttons(early["blocks"])
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", home=early)  # an old button: too early, and told why
    await bot.settle()
    assert "Check-in opens" in blocks_text(bot.fake.opened_views()[-1]["blocks"])
    bot.clock.set(FIRST_START + timedelta(minutes=3))
    home = await home_of(bot, ALICE)
    assert "*Hepatitis C ECHO* · <!date^1794337200^{time}|2026-11-10 19:00 UTC>: check-in is open." in (
        blocks_text(home["blocks"]))
    offered = buttons(home["blocks"])
    assert offered["Join the session"]["url"] == "https://zoom.example.org/j/123456"
    messages = (len(bot.fake.responses), len(bot.fake.calls_to("chat.postMessage")),
                len(bot.fake.calls_to("chat.postEphemeral")), len(bot.fake.opened_views()))  # fmt: skip
    await bot.driver.click(ALICE, offered["Check in"]["action_id"], offered["Check in"]["value"], home=home)
    await bot.settle()
    assert [a.user_id for a in await attendance.present(bot.db.reader, 1)] == [ALICE]
    now = blocks_text(bot.fake.homes[ALICE]["blocks"])
    assert (":white_check_mark: *Hepatitis C ECHO* · <!date^1794337200^{time}|2026-11-10 19:00 UTC>: "
            "you're checked in. Your attendance counts toward credit.") in now
    assert "Check in" not in buttons(bot.fake.homes[ALICE]["blocks"])
    assert "Join the session" in buttons(bot.fake.homes[ALICE]["blocks"])  # still there while the session runs
    assert messages == (len(bot.fake.responses), len(bot.fake.calls_to("chat.postMessage")),
                        len(bot.fake.calls_to("chat.postEphemeral")), len(bot.fake.opened_views()))  # fmt: skip
    # the session post's button still answers the one who clicked it (the post is everyone's)
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel="C0HEPC")
    await bot.settle()
    assert "already checked in" in bot.fake.responses[-1]["text"]
    # once check-in closes, Home no longer offers it
    bot.clock.set(FIRST_START + timedelta(hours=2))
    assert "Check in" not in buttons((await home_of(bot, ALICE))["blocks"])


async def test_counts_say_their_units_and_zeros_say_none(bot: Bot) -> None:
    """Item 14: "none scheduled" rather than "0 scheduled" in the digest, and "1 case", not "1 case(s)"."""
    await program_with_participant(bot)
    home = await home_of(bot, COORDINATOR)
    digest = buttons(home["blocks"])["Digest"]
    await bot.driver.click(COORDINATOR, digest["action_id"], digest["value"], home=home)
    await bot.settle()
    [sent] = [post["text"] for post in bot.fake.posts_to(COORDINATOR) if "digest" in post["text"]]
    assert sent.endswith("digest: no new cases, none waiting for triage, none scheduled, no recommendations sent "
                         "this week.")  # fmt: skip
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    await bot.driver.submit(ALICE, bot.fake.opened_views()[-1], CASE)
    await bot.settle()
    assert (await bot.driver.command(ALICE, "cases")).json["text"] == "1 case"
    reply = await bot.driver.command(ALICE, "calendar")
    assert reply.json["text"] == "Sending a calendar file of 12 sessions to your direct messages."
