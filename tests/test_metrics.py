"""/metrics and /healthz, scraped over HTTP from a running echobot after real traffic."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from echobot.metrics import Metrics
from tests.harness import Bot
from tests.scenarios import direct_message, register

PROVIDER = "UPROV00001"


async def scrape(bot: Bot) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics by (name, labels)."""
    async with aiohttp.ClientSession() as session, session.get(bot.base_url + "/metrics") as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        text = await response.text()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def health(bot: Bot) -> dict[str, Any]:
    async with aiohttp.ClientSession() as session, session.get(bot.base_url + "/healthz") as response:
        assert response.status == 200
        return dict(json.loads(await response.text()))


def acks(samples: dict[Any, float], kind: str) -> float:
    return samples[("echobot_request_ack_seconds_count", (("kind", kind),))]


async def test_a_command_and_a_dispatched_message_move_the_counters(bot: Bot) -> None:
    before = await scrape(bot)
    assert acks(before, "command") == 0 and acks(before, "view_submission") == 0
    assert before[("echobot_outbox_lease_takeovers_total", ())] == 0
    bot.fake.fail("chat.postMessage", status=429, retry_after=1, times=1)  # Slack's rate limit, once
    await register(bot, PROVIDER)  # /echo register, then the modal's submission (answered in the form)
    await direct_message(bot, PROVIDER, "note:provider")  # and a DM through the outbox
    assert bot.fake.posts_to(PROVIDER), "the DM was not sent"
    after = await scrape(bot)
    assert acks(after, "command") == 1 and acks(after, "view_submission") == 1
    assert after[("echobot_request_ack_seconds_sum", (("kind", "command"),))] > 0
    assert after[("echobot_outbox_outcomes_total", (("outcome", "sent"),))] >= 1
    assert after[("echobot_outbox_rows", (("state", "sent"),))] >= 1
    assert after[("echobot_outbox_rows", (("state", "pending"),))] == 0
    assert after[("echobot_slack_rate_limited_total", ())] == 1
    assert after[("echobot_slack_retries_total", (("reason", "rate_limited"),))] == 1
    assert after[("echobot_dispatcher_lanes", ())] == 0  # everything sent: no lane left open


async def test_health_reports_this_process_and_the_shared_queue(bot: Bot) -> None:
    bot.fake.fail("chat.postMessage", error="internal_error", times=50)  # Slack down: the DM waits
    await direct_message(bot, PROVIDER, "note:provider")
    body = await health(bot)
    assert body["ok"] is True and body["outbox"] == {"pending": 1, "failed": 0}
    assert body["process"]["uptime_seconds"] > 0 and body["process"]["lanes"] == 0
    assert body["outbox_oldest_pending_seconds"] == 0  # due now, planned by the frozen clock's now
    bot.clock.advance(timedelta(minutes=3))
    body = await health(bot)
    assert body["outbox_oldest_pending_seconds"] == 180
    samples = await scrape(bot)
    assert samples[("echobot_outbox_oldest_pending_seconds", ())] == 180
    assert samples[("echobot_outbox_outcomes_total", (("outcome", "retry"),))] == 1


def test_each_echobot_has_its_own_registry() -> None:
    first, second = Metrics(), Metrics()
    first.slack_retry("rate_limited")
    assert first.registry.get_sample_value("echobot_slack_rate_limited_total") == 1
    assert second.registry.get_sample_value("echobot_slack_rate_limited_total") == 0
