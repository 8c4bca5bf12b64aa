"""The /echo help answer is built once per kind of person and kept (a speed-up of the ack path): it must still
follow a person as their standing changes, and never hand one person's answer to another."""

from __future__ import annotations

from tests.harness import ADMIN, Bot
from tests.scenarios import register

BOB = "UBOB000001"
CAROL = "UCAROL0001"


async def help_seen(bot: Bot, user: str) -> str:
    reply = await bot.driver.command(user, "help")
    assert reply.status == 200
    return reply.message_text


async def test_help_follows_a_person_from_stranger_to_participant_to_coordinator(bot: Bot) -> None:
    stranger = await help_seen(bot, BOB)
    assert "/echo register" in stranger and "/echo me" not in stranger

    await register(bot, BOB)
    participant = await help_seen(bot, BOB)
    assert "/echo me" in participant and "registered as a participant" in participant
    assert "/echo program new" not in participant

    await bot.driver.command(ADMIN, f"coordinator add <@{BOB}>")
    coordinator = await help_seen(bot, BOB)
    assert "/echo program new" in coordinator and "registered as a coordinator" in coordinator
    assert "/echo coordinator add" not in coordinator  # that stays with the hub's administrators

    await bot.driver.command(ADMIN, f"coordinator remove <@{BOB}>")
    assert await help_seen(bot, BOB) == participant


async def test_people_of_different_standing_asking_in_turn_each_get_their_own_help(bot: Bot) -> None:
    await register(bot, BOB)
    await register(bot, ADMIN)
    for _ in range(3):
        stranger, participant, admin = [await help_seen(bot, u) for u in (CAROL, BOB, ADMIN)]
        assert "/echo register" in stranger and "registered as" not in stranger
        assert "registered as a participant" in participant and "/echo coordinator add" not in participant
        assert "registered as a coordinator" in admin and "/echo coordinator add" in admin


async def test_an_unknown_subcommand_is_named_only_in_its_own_answer(bot: Bot) -> None:
    first = (await bot.driver.command(BOB, "frobnicate")).message_text
    second = (await bot.driver.command(BOB, "wibble")).message_text
    assert "`/echo frobnicate`" in first and "frobnicate" not in second
    assert "frobnicate" not in await help_seen(bot, BOB)
