"""How the database finds due rows and a lane's head: through the partial indexes over the live rows, never by
reading the whole outbox.

The dispatcher's queries look for the first live row of a target (storage/outbox.py `_head_of`) once per
candidate row: in the claim of lane heads, in each lane's next claim, and when a send gives its lane up. The
outbox keeps every sent row and every row planned for later (500 programs' reminders in a many-hub deployment),
so a head found by a scan made each claim cost (candidates x the whole table): the dispatcher of 50 hubs sent
3.4x slower than one hub alone (bench/many_hubs.py). The claim's candidates are read from the live rows in
order, not from every row ever sent. These tests read the plans the database makes for the
statements the dispatcher really runs, with the values it binds; on PostgreSQL the generic plan, which a
long-running process's prepared statements end up with.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from echobot.clock import FrozenClock
from echobot.storage import Database, held_channels, hub
from echobot.storage import outbox as repo
from tests import backends
from tests.fake_slack import FakeSlack
from tests.test_outbox import dispatcher_for, plan

HEAD_OF_LANE = "outbox AS h"  # the aliased outbox of storage/outbox.py's _head_of
LIVE_INDEXES = ("outbox_lane", "outbox_pending_due")  # the partial indexes over the live rows


@pytest.fixture
def statements() -> Iterator[list[tuple[str, Any]]]:
    """Every statement that looks for a lane's head, as sent to the driver, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def before(conn: Any, cursor: Any, statement: str, params: Any, context: Any, executemany: bool) -> None:
        if HEAD_OF_LANE in statement and not executemany:
            seen.append((statement, params))

    event.listen(Engine, "before_cursor_execute", before)
    yield seen
    event.remove(Engine, "before_cursor_execute", before)


@pytest.fixture
async def db(tmp_path: Path, statements: list[tuple[str, Any]]) -> AsyncIterator[Database]:
    database = await Database.open(backends.database(tmp_path / "plans.db"))
    yield database
    await database.close()


async def sqlite_plans(db: Database, found: list[tuple[str, Any]]) -> list[list[str]]:
    connection = sqlite3.connect(str(db.url.database))
    try:
        return [[row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, params)] for sql, params in found]
    finally:
        connection.close()


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


async def generic_plans(db: Database, found: list[tuple[str, Any]]) -> list[list[str]]:
    """PostgreSQL's generic plan of each statement (what a prepared statement is planned as, whatever values it is
    given), with sequential scans made a last resort, so a usable index is shown when there is one."""
    import asyncpg

    connection = await asyncpg.connect(db.url.set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        await connection.execute("SET plan_cache_mode = force_generic_plan; SET enable_seqscan = off")
        plans = []
        for number, (sql, params) in enumerate(found):
            await connection.execute(f"PREPARE head{number} AS {sql}")
            values = ", ".join(_literal(value) for value in params)
            rows = await connection.fetch(f"EXPLAIN EXECUTE head{number}({values})")
            plans.append([row[0] for row in rows])
        return plans
    finally:
        await connection.close()


async def test_a_lanes_head_is_found_through_the_lane_index(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock, statements: list[tuple[str, Any]]
) -> None:
    for target in range(6):
        for n in range(3):
            await plan(db, clock, f"due:{target}:{n}", f"message {n}", target=f"C0LANE{target}")
    await dispatcher_for(db, fake_slack, clock).run_until_idle()
    assert len(fake_slack.calls_to("chat.postMessage")) == 18
    kinds = {sql.split()[0] for sql, _ in statements}
    assert {"SELECT", "UPDATE"} <= kinds  # the claim of lane heads; a lane's next claim and the lane given up
    plans = await (sqlite_plans if db.dialect == "sqlite" else generic_plans)(db, statements)
    for (sql, _), steps in zip(statements, plans, strict=True):
        assert not whole_outbox_reads(steps), f"{sql}\n" + "\n".join(steps)


def whole_outbox_reads(steps: list[str]) -> list[str]:
    """The steps of a plan that read the outbox row by row: a lane's head (`h`, the outbox of _head_of) looked for
    other than by its target through an index; a target's rows (`m`, when a send gives lanes up) or the claim's
    candidates (`o`) read from every row, sent ones included, rather than from an index over the live rows."""
    found = []
    for number, step in enumerate(steps):
        words = step.split()
        if (
            words[:2] == ["SCAN", "h"]
            or words[:2] == ["SCAN", "m"]
            or (words[:2] == ["SCAN", "o"] and "USING" not in words)
        ):
            found.append(step)  # SQLite
        if any(f"Seq Scan on outbox {alias} " in step + " " for alias in "hmo"):
            found.append(step)  # PostgreSQL
        elif any(f" on outbox {alias} " in step + " " for alias in "hm"):
            details = []  # this node's own lines, up to the next node
            for line in steps[number + 1 :]:
                if "->" in line:
                    break
                details.append(line)
            by_target = any(("Index Cond:" in line or "Recheck Cond:" in line) and "target" in line for line in details)
            live_only = any(f"using {index} on outbox m " in step + " " for index in LIVE_INDEXES)
            if not (by_target or live_only):  # a head by its target; a target's rows at least among the live ones
                found.append(step)
    return found


async def test_a_send_gives_up_only_the_lanes_with_nothing_more_due(db: Database, clock: FrozenClock) -> None:
    """Recording sends gives up the lanes of the targets that have nothing more due, each judged by its own
    head: another target's row still in flight, earlier than all, changes nothing (it once did, the head being
    looked for among every lane's rows)."""
    now = clock.now()
    await plan(db, clock, "c:0", "in flight, earliest", target="C0OTHER", due_at=now - timedelta(minutes=1))
    await plan(db, clock, "a:1", "first", target="C0BUSY")
    await plan(db, clock, "a:2", "second", target="C0BUSY")
    await plan(db, clock, "b:1", "only", target="C0DONE")
    async with db.transaction() as tx:
        claims = await repo.claim_lane_heads(tx, now, 10, (), "me", now + timedelta(seconds=30))
    assert sorted(item.key for item in claims.items) == ["a:1", "b:1", "c:0"]
    sent = [(item.id, item.target, "1.0") for item in claims.items if item.key != "c:0"]
    async with db.transaction() as tx:
        await repo.mark_many_sent(tx, sent, now)
        released = await repo.release_finished_lanes(tx, ["C0BUSY", "C0DONE"], "me", now)
    assert released == {"C0DONE"}


async def test_one_hubs_held_channel_does_not_hold_another_hubs_rows_to_it(db: Database, clock: FrozenClock) -> None:
    """A hub review channel shared outside hub A is held for hub A; hub B, which also posts to that shared channel,
    is not held behind hub A's waiting row, and the dispatcher is not woken for a row it cannot claim."""
    now = clock.now()
    with hub.scope("TA"):
        await plan(db, clock, "a:1", "hub A's case post", target="C0SHARED", due_at=now - timedelta(minutes=1))
        async with db.transaction() as tx:
            assert await held_channels.hold(tx, "C0SHARED", "shared", now)
    with hub.scope("TB"):
        await plan(db, clock, "b:1", "hub B's post", target="C0SHARED")
    async with db.transaction() as tx:
        claims = await repo.claim_lane_heads(tx, now, 10, (), "me", now + timedelta(seconds=30))
    assert [item.key for item in claims.items] == ["b:1"]
    async with db.transaction() as tx:
        await repo.mark_many_sent(tx, [(claims.items[0].id, "C0SHARED", "1.0")], now)
        await repo.release_finished_lanes(tx, ["C0SHARED"], "me", now)
    assert await repo.next_wake_at(db.reader) is None  # hub A's row waits for its channel, not for a clock
