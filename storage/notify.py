"""Commit notices between processes sharing one PostgreSQL database (LISTEN/NOTIFY).

A write transaction that touched a topic (`Tx.touch`) sends `pg_notify(CHANNEL, "<process>:<topic>")` before
it commits; PostgreSQL delivers the notice to every listening connection once the transaction commits, and
not at all when it rolls back. Each process keeps one dedicated connection listening and calls its own
`on_commit` callbacks for topics touched by the others (its own notices are skipped: it heard them already).

A notice can be missed while the listening connection is down. The listener reconnects, and after each
(re)connection calls every callback once, so that a cache is cleared and the dispatcher looks at the queue;
the dispatcher's short poll and the caches' time limit remain the fallback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from sqlalchemy import URL

from echobot.logs import describe_exception

log = logging.getLogger(__name__)

CHANNEL = "echobot_commits"


def notice(process: str, topic: str) -> str:
    """The payload of one commit notice."""
    return f"{process}:{topic}"


class Listener:
    """One LISTEN connection, kept open (reconnecting with back-off) until `stop`."""

    def __init__(self, url: URL, process: str, heard: Callable[[str | None], None], *, retry: float = 1.0) -> None:
        self._dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._process = process
        self._heard = heard  # called with a topic, or None for "anything may have changed"
        self._retry = retry
        self._task: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()
        self.reconnections = 0
        self.server_pid: int | None = None  # the server process of the LISTEN connection (tests, diagnostics)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="echobot-listener")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def _on_notice(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        process, _, topic = payload.partition(":")
        if process != self._process:
            self._heard(topic)

    async def _run(self) -> None:
        delay = self._retry
        while True:
            try:
                await self._listen_once()
                delay = self._retry
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the listener must outlive any failure
                log.warning("commit notices: listening connection lost (%s); retrying", describe_exception(error))
            self.reconnections += 1
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30.0)

    async def _listen_once(self) -> None:
        """Listen on one connection until it is lost."""
        import asyncpg  # the postgres extra; only a PostgreSQL database starts a listener

        conn = await asyncpg.connect(self._dsn, timeout=10)
        lost = asyncio.Event()
        try:
            conn.add_termination_listener(lambda _c: lost.set())
            await conn.add_listener(CHANNEL, self._on_notice)
            self.server_pid = conn.get_server_pid()
            self.connected.set()
            self._heard(None)  # notices sent while we were not listening are lost: look again
            while not lost.is_set():
                with suppress(TimeoutError):
                    await asyncio.wait_for(lost.wait(), timeout=15)
                if not lost.is_set():
                    await conn.execute("SELECT 1")  # a dead peer shows up here, not in the event
        finally:
            self.connected.clear()
            self.server_pid = None
            if not conn.is_closed():
                with suppress(Exception):
                    await conn.close(timeout=2)
