"""Replays of every inbound kind, sent concurrently, and the duplicates they made.

    python -m bench.replays [--copies 25]

Runs tests/replaying.py's scenario (a program's whole life: setup, registrations, a case and its
triage, session edits, check-in, attendance, evaluation, App Home events) against a real echobot on a
SQLite file, sending each of its ~42 requests `copies` times at once (identical signed requests, and
double clicks / resent modals), then counts duplicates in Slack and in the database.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from echobot.clock import FrozenClock
from tests.fake_slack import FakeSlack
from tests.harness import START, Bot
from tests.replaying import duplicates, run_scenario


async def main(copies: int) -> int:
    fake = FakeSlack()
    await fake.start()
    with tempfile.TemporaryDirectory() as folder:
        bot = await Bot(Path(folder) / "echobot.db", fake, FrozenClock(START)).start()
        began = time.perf_counter()
        try:
            tally = await run_scenario(bot, copies)
            found = await duplicates(bot)
        finally:
            await bot.stop()
            await fake.stop()
    found.update(tally.seen_twice)
    print(f"requests: {tally.requests}, each sent {copies} times at once")
    print(f"replays sent: {tally.sent}")
    print(f"duplicates found: {sum(found.values())}" + (f" {dict(found)}" if found else ""))
    print(f"requests whose copies got different answers: {len(tally.differing_answers)}")
    print(f"elapsed: {time.perf_counter() - began:.1f} s")
    return 1 if found or tally.differing_answers else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=25)
    raise SystemExit(asyncio.run(main(parser.parse_args().copies)))
