"""Lanes: one task per target (a channel, or a user for a direct message) that sends the target's rows in
(due_at, id) order and waits out Slack's per-channel pacing after each answer."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from enum import Enum

from echobot.clock import Clock
from echobot.logs import describe_exception
from echobot.models import OutboxItem
from echobot.storage import Database
from echobot.storage import outbox as outbox_repo

log = logging.getLogger(__name__)


class Outcome(Enum):
    """What delivering one row came to, as far as the lane's pacing is concerned."""

    CALLED_SLACK = "called Slack"  # Slack saw a call (sent, failed, or looked up): pace before the next
    NO_CALL = "no call"  # skipped, a job, waiting for its parent: the next row may go at once


Deliver = Callable[[OutboxItem], Awaitable[Outcome]]
GiveBack = Callable[[OutboxItem], Awaitable[None]]


class Lanes:
    """At most `max_lanes` lanes at once; each claims its target's head row, delivers it, paces, repeats."""

    def __init__(
        self, db: Database, clock: Clock, deliver: Deliver, give_back: GiveBack, *, pacing: float, max_lanes: int,
        on_idle: Callable[[], None],
    ) -> None:  # fmt: skip
        self._db = db
        self._clock = clock
        self._deliver = deliver
        self._give_back = give_back
        self._pacing = pacing
        self._max_lanes = max_lanes
        self._on_idle = on_idle  # a lane ended: its target may have more, later
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self.stopping = False

    @property
    def owned(self) -> int:
        """Targets this process is sending to right now."""
        return len(self._tasks)

    async def fill(self) -> None:
        """Claim the first due row of idle targets in one statement, and start a lane for each."""
        room = self._max_lanes - len(self._tasks)
        if room <= 0 or self.stopping:
            return
        async with self._db.transaction() as tx:
            heads = await outbox_repo.claim_ready_heads(tx, self._clock.now(), room, self._tasks.keys())
        for item in heads:
            self._tasks[item.target] = asyncio.create_task(self._lane(item.target, item), name=f"lane-{item.target}")

    async def run_until_idle(self) -> None:
        """Send everything sendable now, and return when nothing more is."""
        while True:
            await self.fill()
            if not self._tasks:
                return
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def stop(self, timeout: float) -> None:
        """Let lanes finish the message in hand; cancel those still busy after `timeout` seconds."""
        self.stopping = True
        lanes = list(self._tasks.values())
        if lanes:
            _, pending = await asyncio.wait(lanes, timeout=timeout)
            for task in pending:
                task.cancel()

    async def _lane(self, target: str, first: OutboxItem | None = None) -> None:
        item = first
        try:
            while not self.stopping or item is not None:
                if item is None:
                    async with self._db.transaction() as tx:
                        item = await outbox_repo.claim_head(tx, target, self._clock.now())
                if item is None:
                    return
                outcome = await self._deliver(item)
                item = None
                if outcome is Outcome.CALLED_SLACK and self._pacing > 0:
                    # counted from the answer, so Slack never sees two posts closer than `pacing`
                    await self._clock.sleep(self._pacing)
        except Exception as error:
            log.error("outbox lane %s failed: %s", target, describe_exception(error))
            if item is not None:  # give the claimed row back rather than leave it "sending" until a restart
                with suppress(Exception):
                    await self._give_back(item)
        finally:
            self._tasks.pop(target, None)
            self._on_idle()
