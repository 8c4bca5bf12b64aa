"""Many hubs in one deployment against one hub alone, in the same run (issue 14; goal: within 1.2x).

    python -m bench.many_hubs [--hubs 50] [--programs 10] [--rounds 6] [--requests 200] [--rows 400] [--alone N]
                              [--backend sqlite|postgresql] [--baseline COMMIT]

Two echobots in this process, each on its own database (SQLite files; with `--backend postgresql` two databases
on a throwaway PostgreSQL cluster started as the tests start one) and served over loopback HTTP, both in
distribution mode (OAuth installs, the installation store on the same database) and talking to one fake Slack:
"one hub" has one installed workspace with `--programs` programs; "many hubs" has `--hubs` workspaces with
`--programs` programs each, every hub with its own bot token. In interleaved rounds (one, many, many, one…):

- ack latency: `--requests` signed `/echo help` from hub coordinators (for "many", spread over every hub), 10 at
  once, through signature check, Bolt's authorization (the installation store's bot lookup), the hub context and
  the command router; median and p90 of the time to the answer;
- dispatcher throughput: `--rows` posts planned at once, spread over as many channels in both (for "many" its
  hubs' program channels, each row sent with its own hub's token; for "one" as many channels of its one
  workspace, so that both use as many lanes), then sent by the dispatcher with no pacing; rows per second, and the
  CPU time of this process per row (the fake Slack's share included, the same for both; the figure a busy
  machine disturbs least).

Prints per deployment the median over rounds, the ratios many/one (and the spread of per-round ratios). With
`--alone 500` the one hub holds as many programs as all the hubs together (the same queue size): what remains
is the cost of tenancy itself, apart from that of a bigger database. With `--baseline COMMIT` the same bench then
runs, right after and with the same options, on that commit's code (in a process of its own), and the ratios of
this code to it are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from slack_sdk.oauth.installation_store import Installation

from bench.common import ROOT, checkout_installed, machine, median, percentile
from echobot.clock import FrozenClock
from echobot.handlers.programs import form_from_values
from echobot.ids import ProgramField
from echobot.models import Message
from echobot.storage import hub
from echobot.storage import outbox as outbox_repo
from tests import backends
from tests.fake_slack import CLIENT_ID, CLIENT_SECRET, FakeSlack
from tests.harness import Bot
from tests.scenarios import PROGRAM
from tests.slack_driver import SlackDriver

START = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)


class Deployment:
    """One echobot in distribution mode with `hubs` installed workspaces of `programs` programs each."""

    def __init__(self, name: str, folder: Path, fake: FakeSlack, hubs: int, programs: int) -> None:
        self.name = name
        self.teams = [f"T{name.upper()[:3]}{i:04d}" for i in range(hubs)]
        self.programs = programs
        self.bot = Bot(folder / f"{name}.db", fake, FrozenClock(START), SLACK_BOT_TOKEN="", ECHOBOT_ADMINS="",
                       SLACK_CLIENT_ID=CLIENT_ID, SLACK_CLIENT_SECRET=CLIENT_SECRET)  # fmt: skip
        self.drivers: dict[str, SlackDriver] = {}
        self.channels: list[tuple[str, str]] = []  # (hub, program channel)
        self.cpu_per_row: list[float] = []  # seconds of this process's CPU time per row sent, per round

    async def start(self) -> None:
        await self.bot.start()
        runtime = self.bot.runtime
        assert runtime is not None and runtime.installs is not None
        fake = self.bot.fake
        for index, team in enumerate(self.teams):
            token = f"xoxb-{team.lower()}"
            fake.tokens[token] = team
            installer = f"U{team[1:]}C"
            await runtime.installs.store.async_save(Installation(
                app_id="A0ECHO", team_id=team, team_name=f"Hub {index}", bot_token=token, bot_id=f"B{team}",
                bot_user_id="UECHOBOT", bot_scopes=["chat:write"], user_id=installer,
            ))  # fmt: skip
            await runtime.services.hubs.installed(team, enterprise_id=None, team_id=team, name=f"Hub {index}",
                                                  installer=installer)  # fmt: skip
            with hub.scope(team):
                person = await runtime.services.people.whois(installer)
                for number in range(self.programs):
                    channel = f"C{team[1:]}{number:02d}"
                    values = {**PROGRAM, ProgramField.NAME: f"Program {number}", ProgramField.CHANNEL: channel,
                              ProgramField.REVIEW_CHANNEL: f"G{team[1:]}{number:02d}", ProgramField.SCHEDULE: "once",
                              ProgramField.SPECIALISTS: [], ProgramField.COORDINATORS: []}  # fmt: skip
                    result = await runtime.services.programs.create(person, form_from_values(values), f"V{channel}")
                    assert not result.errors, result.errors
                    fake.add_channel(channel, channel.lower())
                    self.channels.append((team, channel))
            self.drivers[team] = SlackDriver(self.bot.base_url + "/slack/events", "test-signing-secret-0123456789",
                                             fake, team=team)  # fmt: skip
        await self.bot.settle()

    def spread_over(self, count: int) -> None:
        """Send to `count` distinct channels (more of this deployment's own workspaces' channels than its program
        channels when needed), so both deployments' posts use as many lanes: what remains is the cost of hubs."""
        team = self.teams[0]
        extra = [(team, f"C{team[1:]}X{i:04d}") for i in range(count - len(self.channels))]
        for _, channel in extra:
            self.bot.fake.add_channel(channel, channel.lower())
        self.channels += extra

    async def acks(self, count: int, concurrency: int = 10) -> list[float]:
        """Seconds to the answer of `count` /echo help, from coordinators spread over the hubs."""
        took: list[float] = []
        gate = asyncio.Semaphore(concurrency)

        async def one(index: int) -> None:
            team = self.teams[index % len(self.teams)]
            async with gate:
                began = time.perf_counter()
                reply = await self.drivers[team].command(f"U{team[1:]}C", "help")
                took.append(time.perf_counter() - began)
            assert reply.status == 200 and "Hub" in reply.message_text, reply.text

        await asyncio.gather(*(one(i) for i in range(count)))
        return took

    async def throughput(self, rows: int, round_number: int) -> float:
        """Rows per second: `rows` posts planned at once over the hubs' channels, sent with each hub's token."""
        runtime = self.bot.runtime
        assert runtime is not None
        now = runtime.services.clock.now()
        for index in range(rows):
            team, channel = self.channels[index % len(self.channels)]
            with hub.scope(team):
                async with runtime.db.transaction() as tx:
                    await outbox_repo.enqueue(tx, key=f"bench:{round_number}:{index}", target=channel, now=now,
                                              message=Message(text=f"row {index}"))  # fmt: skip
        began, cpu = time.perf_counter(), time.process_time()
        await runtime.dispatcher.run_until_idle()
        self.cpu_per_row.append((time.process_time() - cpu) / rows)
        return rows / (time.perf_counter() - began)

    async def stop(self) -> None:
        for driver in self.drivers.values():
            await driver.close()
        await self.bot.stop()


async def main(args: argparse.Namespace) -> dict[str, float]:
    fake = FakeSlack()
    await fake.start()
    with tempfile.TemporaryDirectory() as folder:
        one = Deployment("one", Path(folder), fake, 1, args.alone or args.programs)
        many = Deployment("many", Path(folder), fake, args.hubs, args.programs)
        for deployment in (one, many):
            began = time.perf_counter()
            await deployment.start()
            print(f"{deployment.name}: {len(deployment.teams)} hub(s) x {deployment.programs} programs set up in "
                  f"{time.perf_counter() - began:.1f} s")  # fmt: skip
        one.spread_over(len(many.channels))
        acks: dict[str, list[float]] = {"one": [], "many": []}
        round_acks: dict[str, list[float]] = {"one": [], "many": []}
        rates: dict[str, list[float]] = {"one": [], "many": []}
        await one.acks(20)
        await many.acks(20)  # warm-up
        for number in range(args.rounds):
            order = (one, many) if number % 2 == 0 else (many, one)
            for deployment in order:
                took = await deployment.acks(args.requests)
                acks[deployment.name] += took
                round_acks[deployment.name].append(median(took))
                rates[deployment.name].append(await deployment.throughput(args.rows, number))
        cpu = {deployment.name: deployment.cpu_per_row for deployment in (one, many)}
        await one.stop()
        await many.stop()
    await fake.stop()
    print(f"machine: {machine()}; backend {args.backend}; load average {os.getloadavg()[0]:.2f} at the end; "
          f"echobot.storage from {Path(outbox_repo.__file__).parent}")  # fmt: skip
    print(f"{args.rounds} rounds of {args.requests} /echo help (10 at once) and {args.rows} posts each")
    for name in ("one", "many"):
        p90 = percentile(acks[name], 90) * 1000
        print(f"{name:>5}: ack median {median(acks[name]) * 1000:.2f} ms, p90 {p90:.2f} ms;"
              f" dispatcher {statistics.median(rates[name]):.0f} rows/s,"
              f" CPU {statistics.median(cpu[name]) * 1000:.3f} ms per row")  # fmt: skip
    ack_ratios = [m / o for m, o in zip(round_acks["many"], round_acks["one"], strict=True)]
    rate_ratios = [o / m for m, o in zip(rates["many"], rates["one"], strict=True)]
    cpu_ratios = [m / o for m, o in zip(cpu["many"], cpu["one"], strict=True)]
    print(f"ack median many/one: {median(acks['many']) / median(acks['one']):.2f}x "
          f"(per round {min(ack_ratios):.2f}-{max(ack_ratios):.2f})")  # fmt: skip
    per_row = statistics.median(rates["one"]) / statistics.median(rates["many"])
    cpu_row = statistics.median(cpu["many"]) / statistics.median(cpu["one"])
    print(f"dispatcher time per row many/one: {per_row:.2f}x "
          f"(per round {min(rate_ratios):.2f}-{max(rate_ratios):.2f}); CPU per row many/one: {cpu_row:.2f}x "
          f"(per round {min(cpu_ratios):.2f}-{max(cpu_ratios):.2f}); goal: within 1.2x")  # fmt: skip
    return {
        "ack_one": median(acks["one"]), "ack_many": median(acks["many"]),
        "rate_one": statistics.median(rates["one"]), "rate_many": statistics.median(rates["many"]),
        "cpu_one": statistics.median(cpu["one"]), "cpu_many": statistics.median(cpu["many"]),
    }  # fmt: skip


def baseline_code(commit: str, folder: Path) -> Path:
    """`commit`'s code laid out as installed, with this bench, so that the same measurement runs on it."""
    code = checkout_installed(commit, folder)
    for name in ("many_hubs.py", "common.py"):
        shutil.copy(ROOT / "bench" / name, code / "bench" / name)
    return code


def against_baseline(args: argparse.Namespace, ours: dict[str, float]) -> None:
    """Run this bench on `args.baseline`'s code, in a process of its own, and print this code's figures as ratios
    to it."""
    argv = [a for a in sys.argv[1:] if a != "--baseline" and a != args.baseline and not a.startswith("--baseline=")]
    with tempfile.TemporaryDirectory(prefix="echobot-many-hubs-") as folder:
        code = baseline_code(args.baseline, Path(folder))
        print(f"\n--- the same on {args.baseline}'s code ---", flush=True)
        env = {**os.environ, "PYTHONPATH": str(code)}
        done = subprocess.run([sys.executable, "-m", "bench.many_hubs", *argv, "--report-json"], cwd=code, env=env,
                              check=True, capture_output=True, text=True)  # fmt: skip
    lines = done.stdout.splitlines()
    print("\n".join(line for line in lines if not line.startswith("{")))
    theirs = json.loads(next(line for line in reversed(lines) if line.startswith("{")))
    def gain(key: str) -> str:  # how many times faster this code is (higher is better)
        better = ours[key] / theirs[key] if key.startswith("rate") else theirs[key] / ours[key]
        return f"one {better:.2f}x" if key.endswith("one") else f"many {better:.2f}x"

    print(f"this code against {args.baseline} (times faster): dispatcher rows/s {gain('rate_one')}, "
          f"{gain('rate_many')}; CPU per row {gain('cpu_one')}, {gain('cpu_many')}; ack median {gain('ack_one')}, "
          f"{gain('ack_many')}")  # fmt: skip


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hubs", type=int, default=50)
    parser.add_argument("--programs", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rows", type=int, default=400)
    parser.add_argument("--alone", type=int, default=0,
                        help="programs of the one hub (default: --programs); --alone 500 holds as many as all hubs")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite",
                        help="postgresql: a throwaway cluster (initdb, as the tests start one)")
    parser.add_argument("--baseline", metavar="COMMIT", help="then run the same on COMMIT's code, for ratios")
    parser.add_argument("--report-json", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def run(argv: list[str] | None = None) -> Any:
    args = parse(argv)
    if args.backend == "postgresql":
        backends.current = backends.Backend("postgresql", backends.Postgres())
    try:
        figures = asyncio.run(main(args))
    finally:
        if backends.current.postgres is not None:
            backends.current.postgres.close()
        backends.current = backends.SQLITE
    if args.report_json:
        print(json.dumps(figures))
    if args.baseline:
        against_baseline(args, figures)
    return figures


if __name__ == "__main__":
    run()
