"""Recording what happened to outbox rows: sent (group-committed), to retry after a back-off, or ended."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta

from echobot.clock import Clock
from echobot.models import OutboxItem, OutboxState
from echobot.storage import outbox as outbox_repo
from echobot.storage.share import Share

log = logging.getLogger(__name__)

_Sent = tuple[int, str | None, str | None, str | None, asyncio.Future[bool]]


class Recorder:
    """Writes each row's outcome. Sends that complete together are recorded in one transaction."""

    def __init__(
        self, db: Share, clock: Clock, *, owner: str, backoff: timedelta, max_backoff: timedelta,
        max_attempts: int, step_aside_after: int, on_outcome: Callable[[str], None] | None = None,
    ) -> None:  # fmt: skip
        self._db = db
        self._owner = owner  # outcomes are written only while this process holds the row's claim
        self._step_aside_after = step_aside_after
        self._clock = clock
        self.backoff = backoff
        self._max_backoff = max_backoff
        self._max_attempts = max_attempts
        self._on_outcome = on_outcome  # told "sent", "retry" or "failed" (the metrics count them)
        self._queue: asyncio.Queue[_Sent] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def note(self, outcome: str, count: int = 1) -> None:
        """Tell the metrics about outcomes (a job's row is marked sent in the job's own transaction)."""
        if self._on_outcome is not None:
            for _ in range(count):
                self._on_outcome(outcome)

    async def sent(self, item_id: int, channel: str | None, ts: str | None, *, lane: str | None = None) -> bool:
        """Record a send, together with any others completing at the same moment (one transaction); return
        once it is committed, so the lane's next claim and any reply to this message see it. With `lane` (the
        row's target, whose lane this process holds), the lane is given up in the same transaction when its
        target has nothing more due; returns whether it was."""
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        await self._queue.put((item_id, channel, ts, lane, done))
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._record_batches(), name="outbox-recorder")
        return await done

    async def drain(self, timeout: float) -> None:
        """Wait for sends already handed over to be recorded (stop)."""
        if self._task is not None and not self._task.done():
            await asyncio.wait({self._task}, timeout=timeout)

    async def _record_batches(self) -> None:
        while not self._queue.empty():
            batch = [self._queue.get_nowait() for _ in range(self._queue.qsize())]
            error: Exception | None = None
            released: set[str] = set()
            for attempt in range(3):  # a busy database gets a few chances
                try:
                    async with self._db.transaction() as tx:
                        now = self._clock.now()
                        await outbox_repo.mark_many_sent(tx, [(i, c, t) for i, c, t, _, _ in batch], now)
                        lanes = [lane for *_, lane, _ in batch if lane is not None]
                        released = await outbox_repo.release_finished_lanes(tx, lanes, self._owner, now)
                    error = None
                    break
                except Exception as failure:
                    error = failure
                    await self._clock.sleep(0.2 * (attempt + 1))
            if error is None:
                self.note("sent", len(batch))
            for *_, lane, done in batch:
                if done.done():  # its lane was cancelled (stop): nothing waits
                    continue
                if error is None:
                    done.set_result(lane in released)
                else:
                    done.set_exception(error)

    async def retry(
        self, item: OutboxItem, reason: str, after: timedelta, *, attempted: bool = False, aside: bool = False
    ) -> None:
        """Back to pending, to be claimed again once `after` has passed; `aside` lets the rows behind it in its
        lane go meanwhile."""
        async with self._db.transaction() as tx:
            await outbox_repo.mark_retry(tx, item.id, reason, self._clock.now() + after, attempted=attempted,
                                         aside=aside, owner=self._owner)  # fmt: skip

    def delay(self, attempts: int) -> timedelta:
        """The back-off after the `attempts`-th failed attempt: doubling, up to `max_backoff`."""
        return min(self.backoff * (2 ** min(attempts - 1, 10)), self._max_backoff)

    async def failed(self, item: OutboxItem, error: str, *, transient: bool = False, permanent: bool = False) -> None:
        """A permanent error ends the row at once. A transient one (rate limits, Slack outages, the network, a
        token being replaced) backs off, up to every 10 minutes, for as long as it takes: delayed, never
        dropped (a row that goes stale meanwhile is skipped); after `step_aside_after` such attempts it steps
        aside, so the later rows of its channel go while it backs off (rows that depend on it wait for it).
        Anything else (a channel echobot is not in, a failing renderer) is tried a bounded number of times, so
        one bad row cannot hold its channel forever."""
        attempts = item.attempts + 1
        if not permanent and (transient or attempts < self._max_attempts):
            delay = self.delay(attempts)
            aside = transient and attempts >= self._step_aside_after
            await self.retry(item, error, delay, attempted=True, aside=aside)
            self.note("retry")
            log.warning("outbox %s: %s (attempt %d); retrying in %s%s", item.key, error, attempts, delay,
                        ", letting later messages to its channel go first" if aside else "")  # fmt: skip
            return
        await self.finish(item, OutboxState.FAILED, error, attempted=True)
        log.error("outbox %s: gave up after %d attempt(s): %s", item.key, attempts, error)

    async def finish(self, item: OutboxItem, state: OutboxState, reason: str, *, attempted: bool = False) -> None:
        """End a row without sending it: failed (gave up, or its parent never went out) or skipped."""
        async with self._db.transaction() as tx:
            await outbox_repo.mark_final(tx, item.id, state, reason, attempted=attempted, owner=self._owner)
        self.note(state.value)

    async def clear_error(self, item: OutboxItem) -> None:
        """Forget the row's last error: from now on it is sent like any other."""
        async with self._db.transaction() as tx:
            await outbox_repo.clear_error(tx, item.id)
        item.last_error = None
        item.in_doubt = False
