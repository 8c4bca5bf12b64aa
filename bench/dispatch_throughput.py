"""Dispatch throughput: 2,000 evaluation DMs through the real dispatcher of 1, 2 and 3 echobot processes.

    python -m bench.dispatch_throughput [--attendees 2000] [--processes 1 2 3] [--database URL] [--no-sqlite]
                                        [--baseline REV]

The fake Slack Web API runs in a process of its own. For each process count, N `echobot run --http`
processes (real separate processes, as tests/test_soak_instances.py starts them) run on one PostgreSQL
database: `--database URL` (a migrated or empty database), or else a throwaway local cluster started as the
tests start one (initdb/pg_ctl, fsync off). Once they all answer /healthz, the benchmark commits a session of
`--attendees` checked-in people that ends a few seconds later; whichever process is free runs its end job,
which plans one evaluation prompt per attendee (rendered when sent), and every process's dispatcher sends
them, one DM channel per attendee, paced at one message per second per channel. Then the one-process case
runs again on a SQLite file, for comparison.

It prints, per run: messages/s from the session's end to the last DM Slack received (and from the first
DM to the last), the ratio to one process on PostgreSQL, the CPU time the echobot processes used per DM
(the figure this shared machine disturbs least), how many rows each process sent, and loss and doubling
counted in the fake Slack's record (attendees with no DM / DMs beyond the first). With `--baseline REV`
every run is repeated, right after, with the echobot processes running the code of git revision REV (the
same database, the same fake Slack): the ratio of the two is the fair comparison on a busy machine. Exit
status 1 when anything was lost or doubled.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import string
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
from sqlalchemy import func, select, update

from bench.common import ROOT, FakeSlackProcess, checkout_installed, cpu_seconds, free_port, machine, stop, wait_ready
from echobot.clock import FrozenClock
from echobot.container import Services
from echobot.models import Program, ScheduleKind
from echobot.storage import Database
from echobot.storage import programs as programs_repo
from echobot.storage import sessions as sessions_repo
from echobot.storage.codec import to_db
from echobot.storage.tables import attendance, outbox
from tests.fake_slack import BOT_TOKEN
from tests.harness import ADMIN, SIGNING_SECRET, make_settings

LEAD = 4.0  # seconds between committing the session and its end: every process is idle and waiting by then
TAG = "".join(random.choices(string.ascii_uppercase, k=3))  # this invocation's names, apart from earlier ones
GIVE_UP = 120.0  # seconds without a new DM after which a run stops waiting


@dataclass
class Run:
    label: str
    code: str
    processes: int
    attendees: int
    seconds: float  # the session's end to the last DM Slack received
    sending: float  # the first DM to the last
    lost: int
    doubled: int
    per_process: list[int]
    cpu: float  # seconds of CPU the echobot processes used from the seed to the last DM

    @property
    def rate(self) -> float:
        return self.attendees / self.seconds if self.seconds > 0 else float("nan")


def environment(database: str, api_url: str, code: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(code),
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "ECHOBOT_DATABASE": database,
        "ECHOBOT_SLACK_API_URL": api_url,
        "ECHOBOT_ADMINS": ADMIN,
        "ECHOBOT_TIMEZONE": "UTC",
        "ECHOBOT_LOG_LEVEL": "WARNING",
    }


async def start_processes(
    count: int, database: str, api_url: str, workdir: Path, code: Path
) -> list[tuple[asyncio.subprocess.Process, int]]:
    """`count` echobot processes (the code in the folder `code`) on one database, each on its own port; returns
    once each answers /healthz."""
    processes = []
    for number in range(count):
        port = free_port()
        log = (workdir / f"echobot-{count}-{number}.log").open("ab")
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "echobot", "run", "--http", "--host", "127.0.0.1", "--port", str(port),
            env=environment(database, api_url, code), cwd=code, stdout=log, stderr=log,
        )  # fmt: skip
        processes.append((process, port))
        log.close()
    for _, port in processes:
        await wait_ready(f"http://127.0.0.1:{port}/healthz", timeout=90)
    return processes


async def seed(db: Database, run: int, attendees: int, ends_at: datetime, api_url: str, workdir: Path) -> list[str]:
    """Commit a one-off session ending at `ends_at` with `attendees` checked in; only its end job is left to run.
    Returns the attendees' user ids (each one a DM channel)."""
    planned_at = ends_at - timedelta(hours=3)
    clock = FrozenClock(planned_at)
    services = Services.build(make_settings(workdir / "unused.db", api_url), clock, db)
    start = ends_at - timedelta(minutes=60)
    users = [f"U{TAG}{run:02d}{n:06d}" for n in range(attendees)]
    async with db.transaction() as tx:
        program = await programs_repo.create(tx, Program(
            id=0, name=f"Throughput ECHO {TAG} {run}", channel_id=f"C0{TAG}{run:02d}", review_channel_id="G0THRU",
            timezone="UTC", schedule_kind=ScheduleKind.ONCE, first_date=start.date(), start_time=start.time(),
            duration_minutes=60, video_url="https://zoom.example.org/j/1", reminder_offsets=[60],
            created_by=ADMIN, created_at=planned_at, updated_at=planned_at))  # fmt: skip
        await services.sessions.plan(tx, program, planned_at)
        [session] = await sessions_repo.of_program(tx, program.id, planned_at, planned_at + timedelta(days=1))
        checked_in = to_db(start + timedelta(minutes=5))
        await tx.executemany(
            attendance.insert(),
            [{"session_id": session.id, "user_id": user, "present": 1, "checked_in_at": checked_in} for user in users],
        )
        # only the end job: no reminder or session post to the program channel in the way
        end_key = f"session:{session.id}:end"
        await tx.execute(
            update(outbox)
            .where(outbox.c.key.like(f"session:{session.id}:%"), outbox.c.key != end_key)
            .values(state="cancelled")
        )
    return users


async def sent_to(db: Database, users: list[str]) -> int:
    return int(await db.reader.scalar(
        select(func.count()).select_from(outbox).where(outbox.c.state == "sent", outbox.c.target.in_(users))
    ) or 0)  # fmt: skip


async def rows_sent(port: int) -> int:
    """Outbox rows this process recorded sent (its /metrics; the end job counts as one)."""
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/metrics") as response:
        text = await response.text()
    found = re.search(r'^echobot_outbox_outcomes_total\{outcome="sent"\} ([0-9.e+]+)$', text, re.MULTILINE)
    return int(float(found.group(1))) if found else 0


async def one_run(
    label: str, database: str, count: int, attendees: int, run: int, fake: FakeSlackProcess, workdir: Path,
    code: tuple[str, Path],
) -> Run:  # fmt: skip
    db = await Database.open(database)
    processes = await start_processes(count, database, fake.api_url, workdir, code[1])
    try:
        await fake.faults()  # forget the calls so far
        cpu_before = sum(cpu_seconds(p.pid) for p, _ in processes)
        ends_at = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=LEAD + 1)
        users = await seed(db, run, attendees, ends_at, fake.api_url, workdir)
        done, last_change, seen = 0, time.monotonic(), -1
        while done < attendees and time.monotonic() - last_change < GIVE_UP:
            await asyncio.sleep(0.25)
            done = await sent_to(db, users)
            if done != seen:
                seen, last_change = done, time.monotonic()
        cpu = sum(cpu_seconds(p.pid) for p, _ in processes) - cpu_before
        await asyncio.sleep(1.0)  # anything sent twice would show up by now
        per_process = [await rows_sent(port) for _, port in processes]
    finally:
        for process, _ in processes:
            await stop(process)
        await db.close()
    wanted = set(users)
    dms = [c for c in await fake.calls() if c["method"] == "chat.postMessage" and c["ok"] and c["channel"] in wanted]
    delivered = Counter(c["channel"] for c in dms)
    walls = sorted(c["wall"] for c in dms)
    end = ends_at.timestamp()
    return Run(
        label=label, code=code[0], processes=count, cpu=cpu, attendees=attendees,
        seconds=(walls[-1] - end) if walls else float("nan"),
        sending=(walls[-1] - walls[0]) if walls else float("nan"),
        lost=sum(1 for user in users if delivered[user] == 0),
        doubled=sum(n - 1 for n in delivered.values() if n > 1),
        per_process=per_process,
    )  # fmt: skip


def checkout(revision: str, folder: Path) -> Path:
    """The code of git `revision`, laid out as installed in `folder` (for the baseline's processes: extracted as it
    is in git, they ran REV's echobot/ with the working tree's storage/ and handlers/, through the editable install)."""
    return checkout_installed(revision, folder)


async def main(attendees: int, counts: list[int], database: str, sqlite: bool, baseline: str | None) -> bool:
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.2f}")
    print(f"{attendees} evaluation DMs (one per DM channel, pacing 1 msg/s per channel), fake Slack in its own process")
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="echobot-throughput-") as folder:
        workdir = Path(folder)
        codes = [("this code", ROOT)]
        if baseline:
            codes.append((f"baseline {baseline}", checkout(baseline, workdir / "baseline")))
        plan = [("PostgreSQL", database, count) for count in counts]
        if sqlite:
            plan.append(("SQLite", str(workdir / "throughput.db"), 1))
        async with FakeSlackProcess() as fake:
            number = 0
            for label, where, count in plan:
                for code in codes:
                    number += 1
                    runs.append(await one_run(label, where, count, attendees, number, fake, workdir, code))
                    report(runs[-1], runs[0], runs[-2] if code is not codes[0] else None)
    clean = all(r.lost == 0 and r.doubled == 0 for r in runs)
    print(f"goal >= 500 messages/s with one process: {runs[0].rate:.0f}; no loss or doubling in any run: {clean}")
    return clean


def report(run: Run, first: Run, ours: Run | None) -> None:
    """One line per run; a baseline's line also gives this code's figures as ratios to it."""
    against = ""
    if ours is not None:
        against = (f"; this code / baseline: messages/s {ours.rate / run.rate:.2f}, "
                   f"CPU per DM {ours.cpu / ours.attendees / (run.cpu / run.attendees):.2f}")  # fmt: skip
    print(
        f"{run.label}, {run.processes} process(es), {run.code}: {run.attendees} DMs in {run.seconds:.2f} s from the "
        f"session's end = {run.rate:.0f} messages/s (ratio to 1 process on PostgreSQL {run.rate / first.rate:.2f}); "
        f"first to last DM {run.sending:.2f} s; CPU {run.cpu / run.attendees * 1000:.2f} ms per DM; rows sent by "
        f"each process {run.per_process}; lost {run.lost}, doubled {run.doubled}{against}",
        flush=True,
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attendees", type=int, default=2000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--database", help="a postgresql:// URL (default: a throwaway local cluster)")
    parser.add_argument("--no-sqlite", action="store_true", help="skip the one-process run on SQLite")
    parser.add_argument("--baseline", help="also run the processes on this git revision's code, after each run")
    options = parser.parse_args()
    cluster = None
    if options.database is None:
        from tests.backends import Cluster

        cluster = Cluster()
        options.database = cluster.url.render_as_string(hide_password=False)
    try:
        ok = asyncio.run(main(options.attendees, options.processes, options.database, not options.no_sqlite,
                              options.baseline))
    finally:
        if cluster is not None:
            cluster.stop()
    sys.exit(0 if ok else 1)
