"""Importing a 2,000-row video report into a session, through Slack as a coordinator does it.

    python -m bench.attendance_import [--rows 2000] [--repeat 5]

echobot runs in this process on a SQLite file, served over loopback HTTP, with the fake Slack beside it.
1,400 registered providers; a Zoom participant report of `--rows` rows (about a third of the people left and
rejoined, 40 ambiguous names, 40 names nobody registered, 10 of the hub's staff). Timed: the signed view
submission, from sending it to Slack's answer (the file read through files.info and url_private, parsed,
matched, recorded, the confirmation built). Each round imports a changed report (one minute more for
everyone), so every round writes a whole import that replaces the last.

Baseline, in the same run: the least any import must do with the same file and database: read it with the
csv module and write one attendance row per person in one transaction (no matching, no Slack, no answer).
Goal: under 2 s per import.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, insert

from bench.common import machine
from echobot.clock import FrozenClock
from echobot.ids import SessionField
from echobot.storage import imports
from echobot.storage.tables import attendance, providers
from tests.fake_slack import FakeSlack
from tests.harness import ADMIN, Bot
from tests.scenarios import FIRST_END, FIRST_START, at, create_program

STAFF = [f"USTAFF{n:04d}" for n in range(10)]


def build_report(rows: int, providers_count: int, extra_minutes: int) -> str:
    """Zoom's export with its meeting lines: registered people by e-mail, some by name only, rejoins, leftovers."""
    lines = ["Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
             f"812 3456 7890,Bench ECHO,11/10/2026 11:55:00 AM,11/10/2026 01:05:00 PM,host@hub.org,70,{rows}", "",
             "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"]  # fmt: skip
    written = 0
    person = 0
    while written < rows:
        n = person % providers_count
        if person < 10:
            name, email = f"Staff Member {person}", f"staff{person}@hub.org"
        elif person % 35 == 0:
            name, email = "Chris Lee", ""  # two registered providers have this name
        elif person % 36 == 0:
            name, email = f"Guest Caller {person}", ""
        elif person % 5 == 0:
            name, email = f"Provider Number{n}", ""
        else:
            name, email = f"Provider Number{n}", f"p{n}@spoke.example.org"
        leave = 30 + (person % 20) + extra_minutes
        lines.append(f"{name},{email},11/10/2026 12:00:00 PM,11/10/2026 12:{leave:02d}:00 PM,{leave},Yes")
        written += 1
        if person % 3 == 0 and written < rows:  # left and rejoined, overlapping
            lines.append(f"{name},{email},11/10/2026 12:{leave - 5:02d}:00 PM,11/10/2026 12:59:00 PM,"
                         f"{64 - leave},Yes")  # fmt: skip
            written += 1
        person += 1
    return "\n".join(lines) + "\n"


async def baseline(bot: Bot, content: bytes, directory: dict[str, str]) -> float:
    """Read the CSV and write one row per person in one transaction: the floor of any import."""
    started = time.perf_counter()
    reader = csv.reader(io.StringIO(content.decode("utf-8")))
    seen: set[str] = set()
    for row in reader:
        if len(row) > 1 and row[1] in directory:
            seen.add(directory[row[1]])
    async with bot.db.transaction() as tx:
        await tx.execute(delete(attendance).where(attendance.c.session_id == 2))
        await tx.execute(insert(attendance), [{"session_id": 2, "user_id": u, "present": 1} for u in sorted(seen)])
    return time.perf_counter() - started


async def main(rows: int, repeat: int) -> None:
    print(f"machine: {machine()}")
    fake = FakeSlack()
    await fake.start()
    with tempfile.TemporaryDirectory(prefix="echobot-bench-") as folder:
        bot = await Bot(Path(folder) / "bench.db", fake, FrozenClock(datetime(2026, 11, 2, 14, 0, tzinfo=UTC))).start()
        try:
            await create_program(bot, specialists=STAFF)
            for n, user in enumerate(STAFF):
                fake.add_user(user, f"Staff Member {n}", f"staff{n}@hub.org")
            count = 1400
            people = [{"user_id": f"U{n:09d}", "name": f"Provider Number{n}", "credential": "MD", "discipline": "FM",
                       "organization": "Clinic", "state": "NM", "county": "Sierra", "email": f"p{n}@spoke.example.org",
                       "role": "participant", "registered_at": "2026-11-01T00:00:00.000000Z",
                       "updated_at": "2026-11-01T00:00:00.000000Z"} for n in range(count)]  # fmt: skip
            people += [{**people[0], "user_id": f"UCHRIS000{k}", "name": "Chris Lee", "email": f"c{k}@x.org"}
                       for k in (1, 2)]  # fmt: skip
            async with bot.db.transaction() as tx:
                await tx.execute(insert(providers), people)
            await at(bot, FIRST_END + timedelta(hours=1))
            assert bot.clock.now() > FIRST_START
            directory = {p["email"]: p["user_id"] for p in people}
            timings, floors = [], []
            for round_ in range(repeat):
                content = build_report(rows, count, round_).encode()
                await bot.driver.command(ADMIN, "attendance import")
                await bot.settle()
                view = {**fake.opened_views()[-1], "id": f"VBENCH{round_:04d}"}
                file = fake.attach_file(ADMIN, "participants.csv", content)
                started = time.perf_counter()
                reply = await bot.driver.submit(ADMIN, view, {SessionField.REPORT: [file]})
                timings.append(time.perf_counter() - started)
                assert reply.json.get("response_action") == "update", reply.text
                floors.append(await baseline(bot, content, directory))
                await bot.settle()
            current = await imports.latest(bot.db.reader, 1)
            assert current is not None
            matched = len(await imports.minutes_of(bot.db.reader, current.id))
        finally:
            await bot.stop()
            await fake.stop()
    median, floor = statistics.median(timings), statistics.median(floors)
    print(f"report: {rows} rows, {matched} providers matched, {len(content) / 1024:.0f} kB")
    print(f"import through Slack (signed submission to answer): median {median * 1000:.0f} ms, "
          f"max {max(timings) * 1000:.0f} ms over {repeat} imports (goal < 2000 ms)")  # fmt: skip
    print(f"baseline (csv read + one bulk insert, no matching, no Slack): median {floor * 1000:.0f} ms")
    print(f"ratio import / baseline: {median / floor:.1f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.rows, args.repeat))
