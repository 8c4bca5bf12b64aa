"""/echo help, App Home, Events API de-duplication, request signatures and the health check."""

from __future__ import annotations

import json
import time

import aiohttp

from echobot.ids import Action
from echobot.storage import providers
from tests.harness import ADMIN, BOTH_TRANSPORTS, Bot
from tests.scenarios import ALICE, register
from tests.slack_driver import blocks_text

BOB = "UBOB000001"


def home_opened(user: str) -> dict:
    return {
        "type": "app_home_opened",
        "user": user,
        "channel": "D0" + user[1:],
        "tab": "home",
        "event_ts": str(time.time()),
    }


async def test_help_for_someone_unregistered_offers_registration(bot: Bot) -> None:
    for text in ("", "help", "HELP"):
        reply = await bot.driver.command(BOB, text)
        assert reply.status == 200
        shown = reply.message_text
        assert "/echo register" in shown and "/echo me" not in shown
        assert any(
            e.get("action_id") == Action.OPEN_REGISTRATION
            for b in reply.json["blocks"]
            if b["type"] == "actions"
            for e in b["elements"]
        )


async def test_help_lists_what_a_registered_provider_can_do(bot: Bot) -> None:
    await register(bot)
    shown = (await bot.driver.command(ALICE, "help")).message_text
    assert "/echo me" in shown and "/echo role participant|observer" in shown
    assert "registered as a participant" in shown


async def test_help_tells_a_coordinator_so(bot: Bot) -> None:
    await register(bot, ADMIN)
    shown = (await bot.driver.command(ADMIN, "help")).message_text
    assert "registered as a coordinator" in shown


async def test_unknown_subcommand_gets_help(bot: Bot) -> None:
    reply = await bot.driver.command(BOB, "frobnicate now")
    assert "I don't know `/echo frobnicate`" in reply.message_text
    assert "/echo register" in reply.message_text


async def test_home_for_a_stranger_and_for_a_provider(bot: Bot) -> None:
    await bot.driver.event(home_opened(BOB))
    await bot.settle()
    text = blocks_text(bot.fake.homes[BOB]["blocks"])
    assert "Welcome" in text and "Register for ECHO" in text

    await register(bot)
    bot.fake.homes.clear()
    await bot.driver.event(home_opened(ALICE))
    await bot.settle()
    text = blocks_text(bot.fake.homes[ALICE]["blocks"])
    assert "Alice Moreno" in text and "Participant" in text and "Edit registration" in text


async def test_messages_tab_is_ignored(bot: Bot) -> None:
    await bot.driver.event({**home_opened(BOB), "tab": "messages"})
    await bot.settle()
    assert bot.fake.calls_to("views.publish") == []


@BOTH_TRANSPORTS
async def test_a_retried_event_is_handled_once(bot: Bot) -> None:
    first = await bot.driver.event(home_opened(BOB), event_id="Ev0RETRY01")
    again = await bot.driver.event(home_opened(BOB), event_id="Ev0RETRY01", retry_num=1)
    third = await bot.driver.event(home_opened(BOB), event_id="Ev0RETRY01", retry_num=2)
    assert first.status == again.status == third.status == 200
    await bot.settle()
    assert len(bot.fake.calls_to("views.publish")) == 1
    # the same event after a restart is still recognised
    await bot.restart()
    await bot.driver.event(home_opened(BOB), event_id="Ev0RETRY01", retry_num=3)
    await bot.settle()
    assert len(bot.fake.calls_to("views.publish")) == 1


async def test_requests_with_a_bad_signature_or_stale_timestamp_are_refused(bot: Bot) -> None:
    body = "command=%2Fecho&text=role+observer&user_id=" + ALICE
    forged = {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=" + "0" * 64}
    reply = await bot.driver.send(body, "application/x-www-form-urlencoded", headers=forged, sign=False)
    assert reply.status == 401
    stale = bot.driver.signed_headers(body, timestamp=int(time.time()) - 6 * 60)
    reply = await bot.driver.send(body, "application/x-www-form-urlencoded", headers=stale, sign=False)
    assert reply.status == 401
    unsigned = await bot.driver.send(body, "application/x-www-form-urlencoded", sign=False)
    assert unsigned.status == 401
    await bot.settle()
    assert bot.fake.calls == [] or all(c.method == "auth.test" for c in bot.fake.calls)
    assert await providers.count(bot.db.reader) == 0


async def test_health_check_reports_the_outbox(bot: Bot) -> None:
    async with aiohttp.ClientSession() as session, session.get(bot.base_url + "/healthz") as response:
        assert response.status == 200
        body = json.loads(await response.text())
    assert body["ok"] is True and body["outbox"] == {"pending": 0, "failed": 0}
