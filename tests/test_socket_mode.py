"""Socket Mode against a loopback Slack socket: reconnects (refresh, warning, a dropped connection), deliveries
handled once without signatures, malformed envelopes, and why a connection fails, said in the log."""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import pytest

from echobot.clock import FrozenClock
from echobot.ids import Callback
from echobot.socket_mode import failure_reason
from echobot.storage import providers
from tests.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.harness import Bot
from tests.processes import CLEAN_ENV, free_port
from tests.scenarios import ALICE, PROVIDER, open_registration
from tests.slack_driver import TEAM, state_values


@pytest.fixture
async def bot_socket(tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock) -> AsyncIterator[Bot]:
    running = await Bot(tmp_path / "echobot.db", fake_slack, clock, transport="socket").start()
    yield running
    await running.stop()


async def help_text(bot: Bot) -> str:
    reply = await bot.driver.command(ALICE, "help")
    assert reply.status == 200, reply
    return reply.message_text


async def test_refresh_warning_and_a_dropped_connection_lose_no_request(bot_socket: Bot) -> None:
    bot, socket = bot_socket, bot_socket.socket
    assert socket is not None
    assert "/echo register" in await help_text(bot)
    urls = len(bot.fake.calls_to("apps.connections.open"))
    for step in ("warning", "refresh_requested", "drop"):
        before = socket.opened
        if step == "drop":
            await socket.drop()
        else:
            await socket.disconnect(step)  # Slack warns before a refresh: the client moves at once either way
        await socket.wait_connected(before + 1)
        assert "/echo register" in await help_text(bot), step  # after a drop, sent once the app reconnected
        assert socket.acks[-1].connection > before, step
    assert len(bot.fake.calls_to("apps.connections.open")) >= urls + 3  # a fresh URL for each connection
    assert len(socket.acks) == 4 and not socket.strays


async def test_an_envelope_delivered_twice_and_a_retried_event_are_handled_once(bot_socket: Bot) -> None:
    bot, socket = bot_socket, bot_socket.socket
    assert socket is not None
    view = await open_registration(bot)
    submission = {
        "type": "view_submission",
        "team": TEAM,
        "user": {"id": ALICE, "team_id": TEAM["id"]},
        "api_app_id": "A0ECHO",
        "trigger_id": "1.2.trigger",
        "view": {**view, "state": {"values": state_values(view, PROVIDER)}},
    }
    first = await socket.send("interactive", submission, envelope_id="e-twice")
    again = await socket.send("interactive", submission, envelope_id="e-twice")  # redelivered after a reconnect
    assert first is not None and again is not None and first.payload == again.payload
    await bot.settle()
    assert (await providers.get(bot.db.reader, ALICE)) is not None
    assert "registered as a *participant*" in str(first.payload)  # the form's own answer, once per delivery
    assert [p for p in bot.fake.posts_to(ALICE) if "registered as" in p["text"]] == []  # and no DM

    opened = {"type": "app_home_opened", "user": ALICE, "channel": "DALICE0001", "tab": "home",
              "event_ts": "1700000000.000100"}  # fmt: skip
    event = {"team_id": TEAM["id"], "api_app_id": "A0ECHO", "type": "event_callback", "event": opened,
             "event_id": "Ev0SOCKET1", "event_time": 1700000000}  # fmt: skip
    publishes = len(bot.fake.calls_to("views.publish"))
    for attempt in (0, 1, 2):  # Slack's retries come in new envelopes, with the same event_id
        assert await socket.send("events_api", event, retry_attempt=attempt, retry_reason="timeout") is not None
    await bot.settle()
    assert len(bot.fake.calls_to("views.publish")) == publishes + 1
    assert len(socket.acks) == 6


async def test_a_malformed_envelope_is_acked_and_ignored(bot_socket: Bot) -> None:
    socket = bot_socket.socket
    assert socket is not None
    calls = len(bot_socket.fake.calls)
    for payload in ({"type": "view_submission", "view": {"callback_id": Callback.REGISTER_VIEW}},
                    {"type": "block_actions", "user": {"id": "not a user"}, "actions": []}):  # fmt: skip
        ack = await socket.send("interactive", payload)
        assert ack is not None and ack.payload is None
    await bot_socket.settle()
    assert len(bot_socket.fake.calls) == calls


async def until_line(stream: asyncio.StreamReader, fragment: str, timeout: float = 30) -> tuple[str, str]:
    """Read lines until one holds `fragment`: (that line, everything read)."""
    seen: list[str] = []

    async def read() -> str:
        while True:
            raw = await stream.readline()
            assert raw, "the process ended; it logged:\n" + "".join(seen)
            line = raw.decode()
            seen.append(line)
            if fragment in line:
                return line

    line = await asyncio.wait_for(read(), timeout)
    return line, "".join(seen)


async def run_until_reason(tmp_path: Path, fake: FakeSlack, url: str, **env: str) -> tuple[str, str]:
    """`echobot run` in Socket Mode, pointed by apps.connections.open at `url`: its first failure line."""
    fake.socket_url = lambda: url
    environment = {**CLEAN_ENV, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN,
                   "ECHOBOT_SLACK_API_URL": fake.api_url, "ECHOBOT_DATABASE": str(tmp_path / "e.db"),
                   **env}  # fmt: skip
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "echobot", "run", env=environment, cwd=tmp_path, stderr=asyncio.subprocess.PIPE
    )
    try:
        assert process.stderr is not None
        line, logged = await until_line(process.stderr, "cannot connect to Slack's Socket Mode")
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 20) == 0
        logged += (await process.stderr.read()).decode()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert APP_TOKEN not in logged and BOT_TOKEN not in logged and "ticket" not in logged
    assert "details withheld" not in logged and "Traceback" not in logged
    return line, logged


async def test_a_refused_connection_is_named_in_the_log(tmp_path: Path, fake_slack: FakeSlack) -> None:
    port = free_port()
    line, _ = await run_until_reason(tmp_path, fake_slack, f"ws://127.0.0.1:{port}/link/?ticket=secret-ticket")
    assert f"connection refused by 127.0.0.1:{port}" in line and "WARNING" in line


async def test_a_host_name_that_does_not_resolve_is_named_in_the_log(tmp_path: Path, fake_slack: FakeSlack) -> None:
    line, _ = await run_until_reason(tmp_path, fake_slack, "wss://wss-primary.echobot-test.invalid/link/?ticket=t1")
    assert "DNS lookup of wss-primary.echobot-test.invalid failed" in line


async def test_https_proxy_is_used_and_named_without_its_password(tmp_path: Path, fake_slack: FakeSlack) -> None:
    port = free_port()  # nothing listens: the proxy is down
    line, logged = await run_until_reason(
        tmp_path, fake_slack, fake_slack.api_url.replace("http", "ws") + "never",
        HTTPS_PROXY=f"http://proxyuser:proxy-pass-123@127.0.0.1:{port}",
    )  # fmt: skip
    assert f"cannot reach the proxy 127.0.0.1:{port}" in line
    assert f"through the proxy 127.0.0.1:{port}" in logged and "proxy-pass-123" not in logged
    assert fake_slack.calls_to("apps.connections.open", ok_only=False) == []  # nothing went round the proxy


def test_envelopes_carry_what_http_would_post() -> None:
    from tests.fake_socket import envelope_of

    assert envelope_of("command=%2Fecho&text=&user_id=U1", "application/x-www-form-urlencoded") == (
        "slash_commands", {"command": "/echo", "text": "", "user_id": "U1"})  # fmt: skip
    payload = {"type": "block_actions", "actions": []}
    assert envelope_of(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded") == (
        "interactive", payload)  # fmt: skip
    assert envelope_of('{"type": "event_callback"}', "application/json") == ("events_api", {"type": "event_callback"})


async def test_tls_and_handshake_failures_are_named(fake_slack: FakeSlack) -> None:
    """A TLS connection to a port that speaks plain HTTP (what an intercepting middlebox can look like), and a
    server that answers the websocket upgrade with 404."""
    reasons = []
    async with aiohttp.ClientSession() as session:
        for url in (fake_slack.root.replace("http", "wss") + "/link/", fake_slack.root.replace("http", "ws") + "/x"):
            with pytest.raises(aiohttp.ClientError) as raised:
                await session.ws_connect(url)
            reasons.append(failure_reason(raised.value))
    assert reasons[0].startswith("TLS handshake failed: ") and reasons[1].endswith("refused with HTTP 404")
