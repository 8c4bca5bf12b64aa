"""Fan-out of evaluation DMs through the dispatcher.

    python -m bench.evaluation_fanout [--attendees 2000]

A session with 2,000 checked-in attendees ends: the end job plans one evaluation prompt per attendee
(rendered when sent, as in production), and the dispatcher sends them against the fake Slack in its
own process. Run twice: with no faults, and with 10% of calls answered 429 (Retry-After 1) and 5%
answered 500. Prints messages per second and checks that every attendee got exactly one DM.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path

from sqlalchemy import update

from bench.common import FakeSlackProcess, machine
from echobot.clock import FrozenClock
from echobot.container import Services
from echobot.dispatcher import Dispatcher
from echobot.models import Program, ScheduleKind
from echobot.slack_client import build_client, build_session
from echobot.storage import Database
from echobot.storage import programs as programs_repo
from echobot.storage import sessions as sessions_repo
from echobot.storage.tables import attendance, outbox
from tests.fake_slack import BOT_TOKEN
from tests.harness import make_settings

START = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)


async def fan_out(workdir: Path, fake: FakeSlackProcess, attendees: int, faults: dict[str, float]) -> None:
    label = "no faults" if not faults else "10% 429 + 5% 500"
    db = await Database.open(str(workdir / f"fanout-{len(faults)}.db"))
    clock = FrozenClock(START - timedelta(days=1))
    services = Services.build(make_settings(workdir / "unused.db", fake.api_url), clock, db)
    async with db.transaction() as tx:
        program = await programs_repo.create(tx, Program(
            id=0, name="Bench ECHO", channel_id="C0BENCH", review_channel_id="G0BENCH", timezone="America/Denver",
            schedule_kind=ScheduleKind.ONCE, first_date=date(2026, 11, 10), start_time=dtime(12, 0),
            duration_minutes=60, video_url="https://zoom.example.org/j/1", reminder_offsets=[60],
            created_by="UADMIN", created_at=clock.now(), updated_at=clock.now()))  # fmt: skip
        await services.sessions.plan(tx, program, clock.now())
        [session] = await sessions_repo.of_program(tx, program.id, clock.now(), clock.now() + timedelta(days=30))
        checked_in = "2026-11-10T19:05:00.000000Z"
        await tx.executemany(attendance.insert(), [
            {"session_id": session.id, "user_id": f"U{n:09d}", "present": 1, "checked_in_at": checked_in}
            for n in range(attendees)
        ])  # fmt: skip
        await tx.execute(update(outbox).where(outbox.c.key.not_like("%:end")).values(state="cancelled"))
    clock.set(START + timedelta(hours=1))
    http = build_session()
    dispatcher = Dispatcher(db, build_client(BOT_TOKEN, fake.api_url, session=http), clock, services.renderers,
                            pacing=1.0)  # fmt: skip
    await fake.faults(**faults, methods=["chat.postMessage"] if faults else None)
    started = time.perf_counter()
    await dispatcher.run_until_idle()  # runs the end job, which plans the prompts, then sends them
    elapsed = time.perf_counter() - started
    await db.close()
    await http.close()
    calls = await fake.calls()
    delivered = Counter(c["channel"] for c in calls if c["method"] == "chat.postMessage" and c["ok"])
    faulted = Counter(c["status"] for c in calls if c["method"] == "chat.postMessage" and not c["ok"])
    everyone = all(delivered[f"U{n:09d}"] == 1 for n in range(attendees))
    print(f"{label}: {attendees} evaluation DMs in {elapsed:.2f} s = {attendees / elapsed:.0f} messages/s "
          f"(goal >= 500 without faults); answered {dict(faulted) or 'no faults'}; every attendee exactly one DM: "
          f"{everyone and len(delivered) == attendees}")  # fmt: skip


async def main(attendees: int) -> None:
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="echobot-bench-") as folder:
        async with FakeSlackProcess() as fake:
            await fan_out(Path(folder), fake, attendees, {})
            await fan_out(Path(folder), fake, attendees, {"r429": 0.10, "r500": 0.05})


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attendees", type=int, default=2000)
    asyncio.run(main(parser.parse_args().attendees))
