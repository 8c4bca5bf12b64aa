"""The leases a dispatcher holds on outbox rows and lanes: who it is in the database, how long its claims hold,
and the heartbeat that renews them while it lives. A process that dies stops renewing; when its leases run
out, another process takes its rows (in doubt) and its lanes over."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from datetime import timedelta

from echobot.clock import Clock
from echobot.logs import describe_exception
from echobot.storage import lanes as lanes_repo
from echobot.storage import outbox as outbox_repo
from echobot.storage.share import Share

log = logging.getLogger(__name__)


def process_id() -> str:
    """An id no other dispatcher has: host, process, and a random part (two dispatchers may share a process)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"


class Leases:
    """Renews this dispatcher's leases every `renew_every` seconds while it holds any. The heartbeat runs on the
    event loop's time, not the injected clock: a lease is a promise to the other processes, in real time."""

    def __init__(
        self, db: Share, clock: Clock, *, lease: timedelta, renew_every: float | None, holding: Callable[[], int]
    ) -> None:
        self._db = db
        self._clock = clock
        self.id = process_id()
        self.lease = lease
        self._renew_every = renew_every if renew_every is not None else lease.total_seconds() / 3
        self._holding = holding  # how many lanes this process runs now (nothing to renew when none)
        self._task: asyncio.Task[None] | None = None

    async def renew(self) -> None:
        """Extend the leases this process holds on rows and lanes (a slow send is not a dead process)."""
        if not self._holding():
            return
        until = self._clock.now() + self.lease
        async with self._db.transaction() as tx:
            await outbox_repo.renew(tx, self.id, until)
            await lanes_repo.renew(tx, self.id, until)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._renewing(), name="outbox-leases")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

    @asynccontextmanager
    async def kept(self) -> AsyncIterator[None]:
        """Renew while a one-shot run goes on (unless the heartbeat already runs)."""
        if self._task is not None:
            yield
            return
        self.start()
        try:
            yield
        finally:
            await self.stop()

    async def _renewing(self) -> None:
        while True:
            await asyncio.sleep(self._renew_every)
            try:
                await self.renew()
            except Exception as error:
                log.error("renewing the outbox leases failed (%s); trying again", describe_exception(error))
