"""Slack's side of Socket Mode, on loopback, for tests and benchmarks.

`FakeSlack` answers `apps.connections.open` with a URL from `FakeSocket.url()`; the app connects there
and is greeted with `hello`, as by Slack. Envelopes (`slash_commands`, `interactive`, `events_api`) go to
the newest open connection, each with an `envelope_id`; the app acks with `{"envelope_id", "payload"?}`.
When a connection closes before its envelope is acked, the envelope is delivered again, with the same
`envelope_id`, on the next connection, as Slack does. `disconnect()` sends Slack's `disconnect` message
(`refresh_requested`, `warning`, `link_disabled`); `drop()` cuts a connection without a close frame.

Protocol: https://docs.slack.dev/apis/events-api/using-socket-mode/
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

from tests.fake_slack import FakeSlack
from tests.slack_driver import Reply

APP_ID = "A0ECHO"
ACK_TIMEOUT = 10.0  # seconds the fake waits for an ack (Slack gives up after 3; tests run on a busy VM)


@dataclass
class Ack:
    envelope_id: str
    payload: dict[str, Any] | None
    connection: int  # which connection (1 = the first ever opened) carried it
    at: float = field(default_factory=time.monotonic)


@dataclass
class _Link:
    number: int
    socket: web.WebSocketResponse
    closed: asyncio.Event = field(default_factory=asyncio.Event)


class FakeSocket:
    def __init__(self, fake: FakeSlack | None = None) -> None:
        self.fake = fake
        self.links: list[_Link] = []  # open connections, oldest first
        self.opened = 0  # connections ever opened
        self.sent: list[dict[str, Any]] = []  # every envelope sent, redeliveries included
        self.acks: list[Ack] = []
        self.strays: list[Any] = []  # messages from the app that were no ack of a waiting envelope
        self._waiting: dict[str, asyncio.Future[Ack]] = {}
        self._tickets = itertools.count(1)
        self._envelopes = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.root = ""

    # ---- lifecycle -------------------------------------------------------------------------
    async def start(self) -> FakeSocket:
        app = web.Application()
        app.router.add_get("/link/", self._link)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = site._server.sockets[0].getsockname()[:2]  # type: ignore[union-attr]
        self.root = f"ws://{host}:{port}"
        if self.fake is not None:
            self.fake.socket_url = self.url
        return self

    def url(self) -> str:
        """A fresh URL, as `apps.connections.open` hands out (each with its own ticket)."""
        return f"{self.root}/link/?ticket=t{next(self._tickets):06d}&app_id={APP_ID}"

    async def stop(self) -> None:
        for link in list(self.links):
            await link.socket.close()
        if self._runner is not None:
            await self._runner.cleanup()
        if self.fake is not None and self.fake.socket_url == self.url:
            self.fake.socket_url = None

    async def _link(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self.opened += 1
        link = _Link(self.opened, socket)
        hello = {
            "type": "hello",
            "num_connections": len(self.links) + 1,
            "debug_info": {"host": "applink-fake", "build_number": 1, "approximate_connection_time": 18060},
            "connection_info": {"app_id": APP_ID},
        }
        await socket.send_json(hello)
        self.links.append(link)
        await self._notify()
        try:
            async for message in socket:
                if message.type == WSMsgType.TEXT:
                    self._received(link, message.data)
        finally:
            self.links.remove(link)
            link.closed.set()
            await self._notify()
        return socket

    def _received(self, link: _Link, data: str) -> None:
        try:
            message = json.loads(data)
        except json.JSONDecodeError:
            self.strays.append(data)
            return
        envelope_id = message.get("envelope_id") if isinstance(message, dict) else None
        if not isinstance(envelope_id, str):
            self.strays.append(message)
            return
        ack = Ack(envelope_id, message.get("payload"), link.number)
        self.acks.append(ack)
        waiting = self._waiting.get(envelope_id)
        if waiting is not None and not waiting.done():
            waiting.set_result(ack)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # ---- what Slack does --------------------------------------------------------------------
    async def wait_connected(self, opened: int = 1, timeout: float = 15.0) -> None:
        """Until `opened` connections were ever opened and one is open now."""

        async def ready() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: self.opened >= opened and bool(self.links))

        await asyncio.wait_for(ready(), timeout)

    async def send(
        self,
        kind: str,
        payload: dict[str, Any],
        *,
        envelope_id: str | None = None,
        retry_attempt: int | None = None,
        retry_reason: str | None = None,
        timeout: float = ACK_TIMEOUT,
    ) -> Ack | None:
        """Deliver one envelope and wait for its ack (None when none came in `timeout` seconds). A connection
        that closes before acking gets the envelope delivered again on the next one."""
        envelope_id = envelope_id or f"e{next(self._envelopes):06d}-fake"
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
        }
        if kind == "events_api":
            envelope["retry_attempt"] = retry_attempt or 0
            envelope["retry_reason"] = retry_reason or ""
        deadline = asyncio.get_running_loop().time() + timeout
        answer: asyncio.Future[Ack] = asyncio.get_running_loop().create_future()
        self._waiting[envelope_id] = answer
        try:
            while True:
                remaining = deadline - asyncio.get_running_loop().time()
                if remaining <= 0:
                    return None
                await self.wait_connected(timeout=remaining)
                link = self.links[-1]
                try:
                    await link.socket.send_json(envelope)
                except ConnectionError:
                    await link.closed.wait()
                    continue
                self.sent.append(envelope)
                closed = asyncio.ensure_future(link.closed.wait())
                try:
                    await asyncio.wait({answer, closed}, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    closed.cancel()
                if answer.done():
                    return answer.result()
        finally:
            self._waiting.pop(envelope_id, None)

    async def disconnect(self, reason: str = "refresh_requested") -> None:
        """Slack's `disconnect` message on the newest connection; for a refresh, wait for the app to open a
        new connection, then close the old one as Slack does."""
        await self.wait_connected()
        link = self.links[-1]
        opened = self.opened
        await link.socket.send_json({"type": "disconnect", "reason": reason, "debug_info": {"host": "applink-fake"}})
        if reason == "refresh_requested":
            await self.wait_connected(opened + 1)
            await link.socket.close()

    async def drop(self) -> None:
        """Cut the newest connection without a close frame (a network failure, a restarted load balancer)."""
        await self.wait_connected()
        link = self.links[-1]
        transport = link.socket._req.transport if link.socket._req is not None else None  # type: ignore[attr-defined]
        if transport is not None:
            transport.abort()
        await link.closed.wait()

    # ---- the driver's side: what Slack would have POSTed, sent over the socket instead ----------
    async def deliver(self, body: str, content_type: str, headers: dict[str, str]) -> Reply:
        """Send what Slack would POST in HTTP mode (the driver's body) as the matching envelope; the ack's
        payload comes back as the reply Slack reads (status 0 when no ack came)."""
        kind, payload = envelope_of(body, content_type)
        retry = {key.lower(): value for key, value in headers.items()}
        ack = await self.send(
            kind,
            payload,
            retry_attempt=int(retry["x-slack-retry-num"]) if "x-slack-retry-num" in retry else None,
            retry_reason=retry.get("x-slack-retry-reason"),
        )
        if ack is None:
            return Reply(0, "")
        return Reply(200, json.dumps(ack.payload, ensure_ascii=False) if ack.payload else "")


def envelope_of(body: str, content_type: str) -> tuple[str, dict[str, Any]]:
    """The envelope type and payload Slack sends over a socket for a request it would POST over HTTP."""
    if content_type.startswith("application/json"):
        return "events_api", json.loads(body)
    form = dict(parse_qsl(body, keep_blank_values=True))
    if "payload" in form:
        return "interactive", json.loads(form["payload"])
    return "slash_commands", form
