"""Times written as text (option labels cannot hold Slack date tokens) are in the reader's Slack time zone and
say so (issue 19, item 3): a provider in Berlin and a specialist in Tokyo on a program on Denver time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from echobot.ids import Action, Callback, CaseField, SessionField
from echobot.storage import cases
from tests.harness import ADMIN, Bot
from tests.scenarios import CASE, REVIEW_CHANNEL, SPECIALIST, at, program_with_participant

ALICE = "UALICE0001"
FIRST_START = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)  # Tuesday 12:00 in Denver, 20:00 in Berlin, Wed 04:00 Tokyo


def select_of(view: dict[str, Any], block_id: str) -> tuple[list[str], str]:
    """The option labels of a modal's select, and its hint."""
    block = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    return [o["text"]["text"] for o in block["element"]["options"]], block.get("hint", {}).get("text", "")


async def test_session_times_in_options_are_in_the_readers_zone_and_say_so(bot: Bot) -> None:
    bot.fake.add_user(ALICE, "Alice Moreno", tz="Europe/Berlin")
    bot.fake.add_user(SPECIALIST, "Sam Okafor", tz="Asia/Tokyo")
    bot.fake.add_user(ADMIN, "Ada Coordinator", tz="Europe/Berlin")
    await program_with_participant(bot)
    # the case form's preferred session: Berlin time for Alice
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.CASE_VIEW
    labels, hint = select_of(view, CaseField.SESSION)
    assert labels[0] == "Hepatitis C ECHO · Tue 10 Nov 20:00" and "Times in your time zone, Europe/Berlin." in hint
    reply = await bot.driver.submit(ALICE, view, CASE)
    assert reply.text == ""
    await bot.settle()
    [case] = await cases.of_submitter(bot.db.reader, ALICE)
    # the specialist's schedule modal: Tokyo time, the next day there
    await bot.driver.click(SPECIALIST, Action.CASE_SCHEDULE, str(case.id), channel=REVIEW_CHANNEL)
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    labels, hint = select_of(view, CaseField.SESSION)
    assert labels[0] == "Wed 11 Nov 04:00" and hint == "Times in your time zone, Asia/Tokyo."
    # the coordinator's attendance picker: Berlin time
    await at(bot, FIRST_START + timedelta(hours=2))
    await bot.driver.command(ADMIN, "attendance")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    labels, hint = select_of(view, SessionField.SESSION)
    assert labels == ["Hepatitis C ECHO · Tue 10 Nov 20:00"] and hint == "Times in your time zone, Europe/Berlin."


async def test_without_a_slack_time_zone_the_programs_is_used_and_named(bot: Bot) -> None:
    await program_with_participant(bot)  # Alice is not known to Slack's users.info here
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    labels, hint = select_of(bot.fake.opened_views()[-1], CaseField.SESSION)
    assert labels[0] == "Hepatitis C ECHO · Tue 10 Nov 12:00" and "each program's time zone" in hint
