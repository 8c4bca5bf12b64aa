"""Periodic work (planning sessions and digests, retention, pruning) runs once per period, whichever of
several processes on one database asks first; on SQLite the one process is granted each period."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from echobot.clock import FrozenClock
from tests import backends
from tests.fake_slack import FakeSlack
from tests.harness import Bot


async def test_a_periodic_job_runs_once_per_period_whoever_asks(
    tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock, backend: backends.Backend
) -> None:
    a = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    b = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    every = timedelta(hours=6)
    try:
        assert a.runtime is not None and b.runtime is not None
        runtimes = [a.runtime, b.runtime] * 4
        granted = await asyncio.gather(*(r.claim_period("plan-sessions", every) for r in runtimes))
        assert sum(granted) == 1
        assert await a.runtime.claim_period("purge-cases", every)  # another job has its own period

        clock.advance(every - timedelta(minutes=1))
        assert not any([await b.runtime.claim_period("plan-sessions", every) for _ in range(3)])
        clock.advance(timedelta(minutes=1))
        granted = await asyncio.gather(*(r.claim_period("plan-sessions", every) for r in runtimes))
        assert sum(granted) == 1
    finally:
        await b.stop()
        await a.stop()
