"""A typo gets a suggestion, not the whole help page; `checkin` says where the button is and when it opens
(issue 19, item 7)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from echobot.ids import Action
from echobot.storage import programs
from tests.harness import Bot
from tests.scenarios import PROGRAM_CHANNEL, at, create_program, register

ALICE = "UALICE0001"
FIRST_START = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)


async def test_a_mistyped_command_gets_the_nearest_one(bot: Bot) -> None:
    reply = await bot.driver.command(ALICE, "regster")
    assert reply.json["text"] == "I don't know `/echo regster`. Did you mean `/echo register`?"
    assert len(reply.json["blocks"]) == 2  # the suggestion and a pointer to help, not the help page
    reply = await bot.driver.command(ALICE, "sessons")
    assert "Did you mean `/echo sessions`?" in reply.json["text"]
    # nothing near: the help page, as before
    reply = await bot.driver.command(ALICE, "xyzzy")
    assert "Did you mean" not in reply.message_text and "/echo register" in reply.message_text


async def test_a_mistyped_program_name_gets_the_nearest_program_with_a_join_button(bot: Bot) -> None:
    program = await create_program(bot)
    await register(bot, ALICE)
    reply = await bot.driver.command(ALICE, "join hepatits c")
    assert reply.json["text"] == "I know no program called “hepatits c”. Did you mean *Hepatitis C ECHO*?"
    [join] = [e for b in reply.json["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert join["text"]["text"] == "Join Hepatitis C ECHO" and join["action_id"] == Action.JOIN_PROGRAM
    await bot.driver.click(ALICE, join["action_id"], join["value"])
    await bot.settle()
    assert program.id in await programs.joined(bot.db.reader, ALICE)
    reply = await bot.driver.command(ALICE, "leave Hepatitis C ECH")
    assert "Did you mean *Hepatitis C ECHO*?" in reply.json["text"] and "Join" not in str(reply.json["blocks"])
    reply = await bot.driver.command(ALICE, "join Cardiology")
    assert reply.json["text"].startswith("I know no active program by that name")


async def test_checkin_says_where_the_button_is_and_when_it_opens(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    reply = await bot.driver.command(ALICE, "checkin")
    text = reply.json["text"]
    opens = int((FIRST_START - timedelta(minutes=15)).timestamp())
    assert f"*Check in* button on the session post in <#{PROGRAM_CHANNEL}>" in text
    assert f"it appears <!date^{opens}^" in text and "15 minutes before the start" in text
    await at(bot, FIRST_START + timedelta(minutes=5))
    for typed in ("check in", "check-in"):
        reply = await bot.driver.command(ALICE, typed)
        assert reply.json["text"].startswith("Check-in for *Hepatitis C ECHO* is open now"), typed
