"""A running echobot on a real database (SQLite file or PostgreSQL, see tests/backends.py), served over
loopback HTTP, talking to the fake Slack."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import pytest
from aiohttp import web

from echobot.clock import FrozenClock
from echobot.runtime import Runtime
from echobot.settings import Settings
from echobot.socket_mode import SocketModeHandler
from echobot.web import EVENTS_PATH, build_web_app
from tests import backends
from tests.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.fake_socket import FakeSocket
from tests.slack_driver import SlackDriver

SIGNING_SECRET = "test-signing-secret-0123456789"
ADMIN = "UADMIN0001"
START = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)
Transport = Literal["http", "socket"]

# Runs a test twice, its `bot` fixture once over signed HTTP and once over Socket Mode.
BOTH_TRANSPORTS = pytest.mark.parametrize("bot", ["http", "socket"], indirect=True)


def make_settings(db_path: Path, api_url: str, **extra: Any) -> Settings:
    values = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "ECHOBOT_DATABASE": backends.database(db_path),
        "ECHOBOT_SLACK_API_URL": api_url,
        "ECHOBOT_ADMINS": ADMIN,
        "ECHOBOT_HUB_NAME": "Test Hub",
        "ECHOBOT_TIMEZONE": "America/New_York",
        **extra,
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class Bot:
    """echobot as Slack sees it. `settle()` waits for listeners and sends what is due.

    With `transport="socket"`, Slack's requests arrive over Socket Mode: echobot connects to a loopback
    `FakeSocket` (found through `apps.connections.open`) and the driver sends envelopes there; the HTTP
    endpoint still runs (for /healthz), but no request goes to it."""

    def __init__(
        self, db_path: Path, fake: FakeSlack, clock: FrozenClock, *, transport: Transport = "http", **settings: Any
    ) -> None:
        self.db_path = db_path
        self.fake = fake
        self.clock = clock
        self.transport = transport
        if transport == "socket":
            settings.setdefault("SLACK_APP_TOKEN", APP_TOKEN)
        self.settings = make_settings(db_path, fake.api_url, **settings)
        self.runtime: Runtime | None = None
        self.slack: SlackDriver | None = None
        self.socket: FakeSocket | None = None
        self.socket_handler: SocketModeHandler | None = None
        self._runner: web.AppRunner | None = None

    async def start(self) -> Bot:
        self.runtime = await Runtime.open(self.settings, clock=self.clock, pacing=0)
        await self.runtime.start(background=False)
        self._runner = web.AppRunner(build_web_app(self.runtime), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = site._server.sockets[0].getsockname()[:2]  # type: ignore[union-attr]
        self.base_url = f"http://{host}:{port}"
        if self.transport == "socket":
            self.socket = await FakeSocket(self.fake).start()
            self.socket_handler = SocketModeHandler(self.runtime, APP_TOKEN, ping_interval=2.0)
            await self.socket_handler.connect_async()
            await self.socket.wait_connected()
        self.slack = SlackDriver(self.base_url + EVENTS_PATH, SIGNING_SECRET, self.fake, socket=self.socket)
        return self

    async def stop(self) -> None:
        if self.slack is not None:
            await self.slack.close()
        if self.socket_handler is not None:
            await self.socket_handler.close_async()
        if self.socket is not None:
            await self.socket.stop()
        self.socket_handler = self.socket = None
        if self._runner is not None:
            await self._runner.cleanup()
        if self.runtime is not None:
            await self.runtime.stop()
        self.runtime = self.slack = self._runner = None

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def settle(self) -> None:
        assert self.runtime is not None
        await self.runtime.settle()

    @property
    def db(self) -> Any:
        assert self.runtime is not None
        return self.runtime.db

    @property
    def driver(self) -> SlackDriver:
        assert self.slack is not None
        return self.slack
