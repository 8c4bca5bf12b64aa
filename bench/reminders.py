"""Planning and dispatching reminders.

    python -m bench.reminders [--programs 200] [--reminders 5000] [--channels 200]

1. Planning: 200 programs (weekly, fortnightly and monthly, three reminders each) planned a year
   ahead: sessions, reminders, DM fan-out jobs, live posts and end jobs, all as outbox rows.
2. Throughput: 5,000 reminders due at once in 200 channels, sent through the dispatcher against the
   fake Slack (in its own process), one message per second per channel: messages per second, and
   the smallest gap seen between two posts to one channel (pacing honoured when >= 1 s).
3. Delay: 5,000 reminders due over a minute (no channel due faster than its pacing), woken by
   APScheduler as in production: delay from due time to Slack receiving the post, median and p99.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from bench.common import FakeSlackProcess, machine, median, percentile
from echobot.clock import FrozenClock, SystemClock
from echobot.dispatcher import Dispatcher
from echobot.models import Message, Program, ScheduleKind
from echobot.scheduler import build_scheduler, wire_dispatcher
from echobot.services.sessions import Sessions
from echobot.slack_client import build_client, build_session
from echobot.storage import Database, outbox
from echobot.storage import programs as programs_repo
from tests.fake_slack import BOT_TOKEN

START = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)
KINDS = [ScheduleKind.WEEKLY, ScheduleKind.EVERY_N_WEEKS, ScheduleKind.MONTHLY]


async def planning(workdir: Path, count: int) -> None:
    db = await Database.open(str(workdir / "plan.db"))
    clock = FrozenClock(START)
    sessions = Sessions(db, clock)
    sessions.horizon = timedelta(days=365)
    async with db.transaction() as tx:
        made = []
        for n in range(count):
            draft = Program(
                id=0, name=f"Program {n:03d}", channel_id=f"C{n:08d}", review_channel_id=f"G{n:08d}",
                timezone=["America/New_York", "America/Denver", "America/Phoenix", "America/Chicago"][n % 4],
                schedule_kind=KINDS[n % 3], interval_weeks=2, first_date=date(2026, 11, 3) + timedelta(days=n % 7),
                start_time=dtime(12, 0), duration_minutes=60, video_url="https://zoom.example.org/j/1",
                reminder_offsets=[10080, 1440, 60], created_by="UADMIN", created_at=START, updated_at=START,
            )  # fmt: skip
            made.append(await programs_repo.create(tx, draft))
    started = time.perf_counter()
    planned = 0
    for program in made:
        async with db.transaction() as tx:
            planned += await sessions.plan(tx, program, clock.now())
    elapsed = time.perf_counter() - started
    rows = await db.reader.scalar("SELECT count(*) FROM outbox")
    await db.close()
    print(f"planning: {count} programs, a year ahead: {planned} sessions and {rows} outbox rows "
          f"in {elapsed:.2f} s (goal < 2 s)")  # fmt: skip


async def dispatch(workdir: Path, fake: FakeSlackProcess, reminders: int, channels: int, spread: float) -> None:
    """Plan `reminders` posts over `channels`, due over `spread` seconds from now, and send them."""
    db = await Database.open(str(workdir / f"dispatch-{spread:g}.db"))
    clock = SystemClock()
    http = build_session()
    dispatcher = Dispatcher(db, build_client(BOT_TOKEN, fake.api_url, session=http), clock, pacing=1.0)
    scheduler = build_scheduler()
    wire_dispatcher(scheduler, dispatcher)
    await fake.faults()
    begin = clock.now() + timedelta(seconds=2)
    per_channel = reminders // channels
    due: dict[str, datetime] = {}
    rows = []
    for n in range(reminders):
        channel, slot = f"C{n % channels:08d}", n // channels
        at = begin + timedelta(seconds=spread * slot / per_channel if spread else 0)
        key = f"bench:{n}"
        due[key] = at
        rows.append({"key": key, "target": channel, "due_at": at, "message": Message(text=f"Reminder {n}")})
    async with db.transaction() as tx:
        await outbox.enqueue_many(tx, rows, clock.now())
    scheduler.start()
    dispatcher.start()
    started = time.perf_counter()
    while await db.reader.scalar("SELECT count(*) FROM outbox WHERE state != 'sent'"):
        await asyncio.sleep(0.2)
    elapsed = time.perf_counter() - (started + 2)
    await dispatcher.stop()
    scheduler.shutdown(wait=False)
    await db.close()
    await http.close()
    posts = [c for c in await fake.calls() if c["method"] == "chat.postMessage" and c["ok"]]
    assert len(posts) == reminders and len({c["key"] for c in posts}) == reminders, "lost or doubled posts"
    delays = [c["wall"] - due[c["key"]].timestamp() for c in posts]
    by_channel = defaultdict(list)
    for call in posts:
        by_channel[call["channel"]].append(call["wall"])
    gaps = [b - a for walls in by_channel.values() for a, b in zip(sorted(walls), sorted(walls)[1:], strict=False)]
    label = "all due at once" if not spread else f"due over {spread:g} s"
    print(f"dispatch ({label}): {reminders} reminders in {channels} channels, each sent once; "
          f"{reminders / max(elapsed, 1e-9):.0f} messages/s; smallest gap in one channel {min(gaps):.3f} s; "
          f"delay from due time median {median(delays):.3f} s, p99 {percentile(delays, 0.99):.3f} s")  # fmt: skip


async def main(program_count: int, reminders: int, channels: int) -> None:
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="echobot-bench-") as folder:
        workdir = Path(folder)
        await planning(workdir, program_count)
        async with FakeSlackProcess() as fake:
            await dispatch(workdir, fake, reminders, channels, spread=0)
            await dispatch(workdir, fake, reminders, channels, spread=60)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--programs", type=int, default=200)
    parser.add_argument("--reminders", type=int, default=5000)
    parser.add_argument("--channels", type=int, default=200)
    options = parser.parse_args()
    asyncio.run(main(options.programs, options.reminders, options.channels))
