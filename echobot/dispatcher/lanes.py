"""Lanes: one task per target (a channel, or a user for a direct message) that sends the target's rows in
(due_at, id) order and waits out Slack's per-channel pacing after each answer. A lane is owned through a lease
in the database (storage/lanes.py), so with several processes one at a time sends to a target, and the pacing
holds whoever sends: a new owner waits out the pacing from the last call any process made for the target."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from datetime import datetime, timedelta
from enum import Enum

from echobot.clock import Clock
from echobot.logs import describe_exception
from echobot.models import OutboxItem
from echobot.storage import lanes as lanes_repo
from echobot.storage import outbox as outbox_repo
from echobot.storage.share import Share

log = logging.getLogger(__name__)


class Outcome(Enum):
    """What delivering one row came to, as far as the lane's pacing is concerned."""

    CALLED_SLACK = "called Slack"  # Slack saw a call (sent, failed, or looked up): pace before the next
    NO_CALL = "no call"  # skipped, a job, waiting for its parent: the next row may go at once
    LANE_GIVEN_UP = "lane given up"  # sent; recorded with the lane's release, as its target had nothing more due


Deliver = Callable[[OutboxItem], Awaitable[Outcome]]
GiveBack = Callable[[OutboxItem], Awaitable[None]]


class Lanes:
    """At most `max_lanes` lanes at once; each owns its target's lane (a lease in the database, so one process
    at a time sends to a target), claims the target's head row, delivers it, paces, repeats; and gives the lane
    up, noting when it last called Slack, once the target has nothing due."""

    def __init__(
        self, db: Share, clock: Clock, deliver: Deliver, give_back: GiveBack, *, owner: str, lease: timedelta,
        pacing: float, max_lanes: int, on_idle: Callable[[], None], on_takeover: Callable[[int], None],
        claim_batch: int = 128,
    ) -> None:  # fmt: skip
        self._db = db
        self._clock = clock
        self._deliver = deliver
        self._give_back = give_back
        self.owner = owner
        self.lease = lease
        self._pacing = pacing
        self._max_lanes = max_lanes
        self._claim_batch = claim_batch  # lane heads claimed per look, so other processes get a share of a burst
        self._on_idle = on_idle  # a lane ended: its target may have more, later
        self._on_takeover = on_takeover  # rows taken over from a process whose lease ran out
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self.stopping = False

    @property
    def owned(self) -> int:
        """Targets this process is sending to right now."""
        return len(self._tasks)

    @property
    def targets(self) -> list[str]:
        """The targets whose lanes this process owns."""
        return sorted(self._tasks)

    async def fill(self) -> bool:
        """Claim the first due row of up to `claim_batch` idle targets, with their lanes, in one transaction; start
        a lane for each. Returns True when it claimed a full batch (more may be due: look again at once; other
        processes, woken by the same commit, claim their share meanwhile)."""
        room = min(self._max_lanes - len(self._tasks), self._claim_batch)
        if room <= 0 or self.stopping:
            return False
        now = self._clock.now()
        async with self._db.transaction() as tx:
            claims = await outbox_repo.claim_lane_heads(tx, now, room, self._tasks.keys(), self.owner,
                                                        now + self.lease)  # fmt: skip
        if claims.taken_over:
            log.warning("took over %d outbox row(s) from a process whose lease ran out", claims.taken_over)
            self._on_takeover(claims.taken_over)
        for item in claims.items:
            lane = self._lane(item.target, item, claims.last_calls.get(item.target))
            self._tasks[item.target] = asyncio.create_task(lane, name=f"lane-{item.target}")
        return len(claims.items) >= room

    async def run_until_idle(self) -> None:
        """Send everything sendable now, and return when nothing more is."""
        while True:
            while await self.fill():
                pass
            if not self._tasks:
                return
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def stop(self, timeout: float) -> None:
        """Let lanes finish the message in hand; cancel those still busy after `timeout` seconds (their leases
        then run out, and another process takes their rows over, in doubt)."""
        self.stopping = True
        lanes = list(self._tasks.values())
        if lanes:
            _, pending = await asyncio.wait(lanes, timeout=timeout)
            for task in pending:
                task.cancel()

    async def _paced(self, last_call: datetime | None) -> None:
        """Wait out the pacing from the last call to Slack for this target, whoever made it."""
        if last_call is not None and self._pacing > 0:
            wait = (last_call - self._clock.now()).total_seconds() + self._pacing
            if wait > 0:
                await self._clock.sleep(min(wait, self._pacing))

    async def _lane(self, target: str, first: OutboxItem, last_call: datetime | None) -> None:
        item: OutboxItem | None = first
        try:
            await self._paced(last_call)
            while not self.stopping or item is not None:
                if item is None:
                    async with self._db.transaction() as tx:
                        now = self._clock.now()
                        item = await outbox_repo.claim_head(tx, target, now, owner=self.owner,
                                                            lease_until=now + self.lease)  # fmt: skip
                        if item is None:
                            await lanes_repo.release(tx, target, self.owner, last_call)
                if item is None:
                    return
                outcome = await self._deliver(item)
                item = None
                if outcome is Outcome.LANE_GIVEN_UP:  # with the send's record, noting this call: nothing to do
                    return
                if outcome is Outcome.CALLED_SLACK:
                    last_call = self._clock.now()
                    if self._pacing > 0:
                        # counted from the answer, so Slack never sees two posts closer than `pacing`
                        await self._clock.sleep(self._pacing)
            async with self._db.transaction() as tx:  # stopping
                await lanes_repo.release(tx, target, self.owner, last_call)
        except Exception as error:
            log.error("outbox lane %s failed: %s", target, describe_exception(error))
            with suppress(Exception):
                if item is not None:  # give the claimed row back rather than leave it "sending" until its lease ends
                    await self._give_back(item)
                async with self._db.transaction() as tx:
                    await lanes_repo.release(tx, target, self.owner, last_call)
        finally:
            self._tasks.pop(target, None)
            self._on_idle()
