"""A NUL character in what a person sends (Slack never sends one, a forged request may) is dropped at the edge:
PostgreSQL's text cannot hold it, so it used to fail the request there (found by tests/test_fuzz.py)."""

from __future__ import annotations

from tests.harness import Bot
from tests.scenarios import ALICE, create_program, register


async def test_a_nul_in_a_command_is_dropped_and_the_command_works(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    reply = await bot.driver.command(ALICE, "join Hepatitis\x00 C ECHO")
    assert reply.status == 200
    await bot.settle()
    home = await bot.driver.command(ALICE, "programs")
    assert "went wrong" not in reply.text and "went wrong" not in home.text
    typo = await bot.driver.command(ALICE, "join a\x00b archive")
    assert typo.status == 200 and "went wrong" not in typo.text, typo.text
    assert "a\x00b" not in typo.text
