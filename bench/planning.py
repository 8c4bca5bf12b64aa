"""Planning 200 programs a year ahead, on SQLite and on PostgreSQL.

    python -m bench.planning [--programs 200] [--repeat 3] [--database URL]

200 programs (weekly, fortnightly and monthly; three reminders each, four time zones) are created, then
each is planned a year ahead in a transaction of its own, as `plan_all` does: its sessions, and their
reminder jobs, session posts and end jobs as outbox rows. Timed from the first plan to the last commit, on
a SQLite file and on PostgreSQL (`--database URL`, or else a throwaway local cluster started as the tests
start one: fsync off, so optimistic for a networked server). Goal: < 2 s each. Prints each repetition,
the best and the median, and the ratio PostgreSQL / SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import string
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from sqlalchemy import func, select

from bench.common import machine, median
from echobot.clock import FrozenClock
from echobot.models import Program, ScheduleKind
from echobot.services.sessions import Sessions
from echobot.storage import Database
from echobot.storage import programs as programs_repo
from echobot.storage.tables import outbox, sessions

START = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)
KINDS = [ScheduleKind.WEEKLY, ScheduleKind.EVERY_N_WEEKS, ScheduleKind.MONTHLY]
ZONES = ["America/New_York", "America/Denver", "America/Phoenix", "America/Chicago"]


async def count(db: Database, table: object) -> int:
    return int(await db.reader.scalar(select(func.count()).select_from(table)) or 0)  # type: ignore[arg-type]


async def plan_once(database: str, programs: int, tag: str) -> tuple[float, int, int]:
    """Create `programs` programs and plan each a year ahead; (seconds, sessions, outbox rows) of the planning."""
    db = await Database.open(database)
    clock = FrozenClock(START)
    planner = Sessions(db, clock)
    planner.horizon = timedelta(days=365)
    async with db.transaction() as tx:
        made = []
        for n in range(programs):
            draft = Program(
                id=0, name=f"Program {tag} {n:03d}", channel_id=f"C{tag}{n:05d}", review_channel_id=f"G{tag}{n:05d}",
                timezone=ZONES[n % 4], schedule_kind=KINDS[n % 3], interval_weeks=2,
                first_date=date(2026, 11, 3) + timedelta(days=n % 7), start_time=dtime(12, 0), duration_minutes=60,
                video_url="https://zoom.example.org/j/1", reminder_offsets=[10080, 1440, 60], created_by="UADMIN",
                created_at=START, updated_at=START,
            )  # fmt: skip
            made.append(await programs_repo.create(tx, draft))
    rows_before, sessions_before = await count(db, outbox), await count(db, sessions)
    started = time.perf_counter()
    planned = 0
    for program in made:
        async with db.transaction() as tx:
            planned += await planner.plan(tx, program, clock.now())
    elapsed = time.perf_counter() - started
    rows = await count(db, outbox) - rows_before
    assert await count(db, sessions) - sessions_before == planned
    await db.close()
    return elapsed, planned, rows


async def main(programs: int, repeat: int, postgres: str, workdir: Path) -> None:
    print(f"machine: {machine()}")
    best: dict[str, list[float]] = {"SQLite": [], "PostgreSQL": []}
    for n in range(repeat):  # alternated, so the machine's load falls on both alike
        for label in best:
            tag = "".join(random.choices(string.ascii_uppercase, k=4))
            database = str(workdir / f"plan-{tag}.db") if label == "SQLite" else postgres
            elapsed, planned, rows = await plan_once(database, programs, tag)
            best[label].append(elapsed)
            print(f"{label}, run {n + 1}: {programs} programs a year ahead, {planned} sessions and {rows} outbox "
                  f"rows in {elapsed:.2f} s (goal < 2 s)", flush=True)  # fmt: skip
    for label, times in best.items():
        print(f"{label}: best {min(times):.2f} s, median {median(times):.2f} s over {len(times)} runs")
    print(f"PostgreSQL / SQLite, medians: {median(best['PostgreSQL']) / median(best['SQLite']):.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--programs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database", help="a postgresql:// URL (default: a throwaway local cluster)")
    options = parser.parse_args()
    cluster = None
    if options.database is None:
        from tests.backends import Cluster

        cluster = Cluster()
        options.database = cluster.url.render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory(prefix="echobot-planning-") as folder:
            asyncio.run(main(options.programs, options.repeat, options.database, Path(folder)))
    finally:
        if cluster is not None:
            cluster.stop()
