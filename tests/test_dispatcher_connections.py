"""The dispatcher's database work takes turns in a share of the connections (storage/share.py): however many
lanes run at once (up to 2,000), no more of its statements and transactions run together than its share, so
its lanes wait their turn rather than in the connection pool (which gives up after 30 s), and the requests
Slack waits on always find a connection free."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.pool import Pool

from echobot.clock import FrozenClock
from echobot.models import Message, Render
from echobot.renderers import Renderers
from echobot.storage import Database, Reader
from echobot.storage import outbox as repo
from tests import backends
from tests.fake_slack import FakeSlack
from tests.test_outbox import dispatcher_for

LANES = 60  # more than SQLite's readers and than PostgreSQL's pool before its overflow


class Checkouts:
    """Connections checked out of the pools, and the most at once since `watch()` (beyond those held then: the
    SQLite writer's, held for good)."""

    def __init__(self) -> None:
        self.out: set[int] = set()
        self.held: set[int] = set()
        self.peak = 0

    def watch(self) -> None:
        self.held = set(self.out)
        self.peak = 0

    def checkout(self, _dbapi: Any, record: Any, _proxy: Any) -> None:
        self.out.add(id(record))
        self.peak = max(self.peak, len(self.out - self.held))

    def checkin(self, _dbapi: Any, record: Any) -> None:
        self.out.discard(id(record))


@pytest.fixture
def checkouts() -> Iterator[Checkouts]:
    counting = Checkouts()
    event.listen(Pool, "checkout", counting.checkout)
    event.listen(Pool, "checkin", counting.checkin)
    yield counting
    event.remove(Pool, "checkout", counting.checkout)
    event.remove(Pool, "checkin", counting.checkin)


@pytest.fixture
async def db(tmp_path: Path, checkouts: Checkouts) -> AsyncIterator[Database]:
    database = await Database.open(backends.database(tmp_path / "connections.db"))
    yield database
    await database.close()


async def looked_up(reader: Reader, args: dict[str, Any], now: datetime) -> Message:
    """A renderer that reads the database, as most do (a session's details, a case's program...)."""
    row = await reader.fetchone("SELECT count(*) FROM outbox WHERE key = :key", {"key": args["key"]})
    return Message(text=f"{args['key']}: {row[0] if row else 0} row")


async def test_many_lanes_use_no_more_connections_than_the_dispatchers_share(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock, checkouts: Checkouts
) -> None:
    async with db.transaction() as tx:
        for n in range(LANES):
            await repo.enqueue(tx, key=f"lane{n}", target=f"C0LANE{n:03d}", now=clock.now(),
                               render=Render(name="looked_up", args={"key": f"lane{n}"}))  # fmt: skip
    dispatcher = dispatcher_for(db, fake_slack, clock, renderers=Renderers(messages={"looked_up": looked_up}))
    checkouts.watch()
    await dispatcher.run_until_idle()
    texts = sorted(call.args["text"] for call in fake_slack.calls_to("chat.postMessage"))
    assert texts == sorted(f"lane{n}: 1 row" for n in range(LANES))
    share = dispatcher.database.size
    assert 1 <= share < db.connections  # some connections always stay free for requests
    assert 1 <= checkouts.peak <= share
