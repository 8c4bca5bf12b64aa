"""Wake-ups across processes on PostgreSQL: a row committed through one process's database handle is sent at
once by a dispatcher in another, through LISTEN/NOTIFY, not at its next poll; and the listening connection
comes back after it drops. (SQLite is one process: its wake-up is in-process, tested in test_outbox.py.)"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from echobot.clock import FrozenClock
from echobot.dispatcher import Dispatcher
from echobot.models import Message
from echobot.slack_client import build_client
from echobot.storage import Database
from echobot.storage import outbox as repo
from tests import backends
from tests.fake_slack import BOT_TOKEN, FakeSlack
from tests.processes import eventually

BACKENDS = ("postgresql",)
HOUR = 3600.0


@pytest.fixture
async def pair(tmp_path: Path, backend: backends.Backend) -> AsyncIterator[tuple[Database, Database]]:
    """Two processes' handles on one database: A plans, B sends (on this run's backend: asked for first)."""
    url = backends.database(tmp_path / "shared.db")
    a, b = await Database.open(url), await Database.open(url)
    yield a, b
    await a.close()
    await b.close()


async def plan(db: Database, clock: FrozenClock, key: str) -> None:
    async with db.transaction() as tx:
        await repo.enqueue(tx, key=key, target="C0PROGRAM", message=Message(text=key), now=clock.now())


async def test_a_row_planned_in_one_process_is_sent_by_another_at_once(
    pair: tuple[Database, Database], fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    a, b = pair
    client = build_client(BOT_TOKEN, fake_slack.api_url, timeout=3, sleep=clock.sleep)
    sender = Dispatcher(b, client, clock, pacing=0.0, poll=HOUR)  # no poll will come in this test
    sender.start()
    try:
        await eventually(lambda: _listening(b), "B listens")
        await plan(a, clock, "first")
        calls = await fake_slack.wait_for("chat.postMessage", count=1, timeout=5)
        assert calls[0].args["text"] == "first"

        # the listening connection drops (a restarted server, a proxy): it comes back, and still hears A
        pid = b.listener_pid
        async with a.transaction() as tx:
            await tx.execute(select(func.pg_terminate_backend(pid)))
        await eventually(lambda: _listening(b, other_than=pid), "B listens again")
        await plan(a, clock, "second")
        calls = await fake_slack.wait_for("chat.postMessage", count=2, timeout=5)
        assert [c.args["text"] for c in calls] == ["first", "second"]
    finally:
        await sender.stop()




async def _listening(db: Database, other_than: int | None = None) -> bool:
    return db.listener_pid is not None and db.listener_pid != other_than
