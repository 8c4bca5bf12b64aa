"""Ack latency of echobot's /echo help against a bare Bolt app in Bolt's fastest mode, in the same run.

    python -m bench.ack_latency [--requests 400] [--concurrency 20] [--rounds 10] [--postgres URL]

Starts the fake Slack Web API, `echobot run --http` (SQLite) and a bare Bolt AsyncApp with
`process_before_response=True` that answers /echo with the same help, built once (bench/bare_bolt.py);
both behind the same aiohttp server. Then rounds of `--requests` signed /echo help at `--concurrency`,
interleaved (bare, echobot, echobot, bare, ...) so the machine's load hits both alike. Prints, per app,
the median, p90 and p99 ack times over all rounds, the ratios, the spread of the per-round ratios, and the
server's CPU time per request (from /proc/PID/task/*/schedstat: the figure other processes on a shared
machine disturb least); then start-to-ready time and idle RSS. With `--postgres URL` (an empty database,
or one echobot already created), a second echobot runs on PostgreSQL in the same rounds, and its figures are
compared with echobot on SQLite (goal: PostgreSQL's median at most 1.5 times SQLite's).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from bench.common import (
    ROOT,
    cpu_seconds,
    free_port,
    machine,
    median,
    percentile,
    post_all,
    rss_mb,
    spawn,
    stop,
    wait_ready,
)
from tests.fake_slack import BOT_TOKEN, FakeSlack

SECRET = "bench-signing-secret-0123456789"
APPS = ("bare", "echobot")

_TRIGGERS = itertools.count(1)


def signed_command(verifier: SignatureVerifier, user: str) -> tuple[bytes, dict[str, str]]:
    body = urlencode(
        {
            "command": "/echo",
            "text": "help",
            "user_id": user,
            "channel_id": "C0BENCH",
            "team_id": "T0ECHO",
            "trigger_id": f"{next(_TRIGGERS)}.2.3",  # unique, as Slack's are: identical requests are answered once
            "response_url": "http://127.0.0.1:9/r",
        }
    )
    stamp = str(int(time.time()))
    return body.encode(), {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body) or "",
    }


async def load(url: str, requests: list[tuple[bytes, dict[str, str]]], concurrency: int) -> list[float]:
    return await post_all(url, requests, concurrency)


def order(apps: tuple[str, ...], round_number: int) -> tuple[str, ...]:
    """ABBA: bare first in even rounds, echobot first in odd ones."""
    return apps if round_number % 2 == 0 else apps[::-1]


async def main(requests: int, concurrency: int, rounds: int, postgres: str | None = None) -> None:
    apps = APPS + (("postgres",) if postgres else ())
    fake = FakeSlack()
    api_url = await fake.start()
    workdir = Path(tempfile.mkdtemp(prefix="echobot-bench-"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "ECHOBOT_"))},
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "ECHOBOT_SLACK_API_URL": api_url,
        "ECHOBOT_DATABASE": str(workdir / "bench.db"),
        "ECHOBOT_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    ports = {name: free_port() for name in apps}
    echobot = await spawn(
        "-m", "echobot", "run", "--http", "--host", "127.0.0.1", "--port", str(ports["echobot"]), env=env, cwd=workdir
    )
    echo_ready = await wait_ready(f"http://127.0.0.1:{ports['echobot']}/healthz")
    bare = await spawn(str(ROOT / "bench" / "bare_bolt.py"), str(ports["bare"]), env=env, cwd=workdir)
    bare_ready = await wait_ready(f"http://127.0.0.1:{ports['bare']}/healthz")
    processes = {"echobot": echobot, "bare": bare}
    if postgres:
        processes["postgres"] = await spawn(
            "-m", "echobot", "run", "--http", "--host", "127.0.0.1", "--port", str(ports["postgres"]),
            env={**env, "ECHOBOT_DATABASE": postgres}, cwd=workdir,
        )  # fmt: skip
        await wait_ready(f"http://127.0.0.1:{ports['postgres']}/healthz")
    latencies: dict[str, list[float]] = {name: [] for name in apps}
    rounds_seen: dict[str, list[tuple[float, float, float]]] = {name: [] for name in apps}  # median, p99, cpu ms
    try:
        await asyncio.sleep(1.0)
        idle = {name: rss_mb(process.pid) for name, process in processes.items()}
        verifier = SignatureVerifier(SECRET)
        targets = {name: f"http://127.0.0.1:{port}/slack/events" for name, port in ports.items()}
        for name in apps:  # warm up: Bolt calls auth.test on its first request; echobot learns the 500 users
            await load(targets[name], [signed_command(verifier, f"U{n:09d}") for n in range(500)], concurrency)
        for round_number in range(rounds):
            for name in order(apps, round_number):
                batch = [signed_command(verifier, f"U{n % 500:09d}") for n in range(requests)]
                cpu_before = cpu_seconds(processes[name].pid)
                seen = await load(targets[name], batch, concurrency)
                cpu_ms = (cpu_seconds(processes[name].pid) - cpu_before) * 1000 / requests
                latencies[name] += seen
                rounds_seen[name].append((median(seen), percentile(seen, 0.99), cpu_ms))
        busy = {name: rss_mb(process.pid) for name, process in processes.items()}
    finally:
        for process in processes.values():
            await stop(process)
        await fake.stop()
    report(latencies, rounds_seen, requests, concurrency, rounds)
    if postgres:
        sqlite, pg = latencies["echobot"], latencies["postgres"]
        print(
            f"echobot on PostgreSQL: median {median(pg):.2f} ms, p99 {percentile(pg, 0.99):.2f} ms; "
            f"ratio to SQLite: median {median(pg) / median(sqlite):.2f} (goal <= 1.5), "
            f"p99 {percentile(pg, 0.99) / percentile(sqlite, 0.99):.2f}; "
            f"to bare Bolt: median {median(pg) / median(latencies['bare']):.2f}"
        )
        cpu = {name: median([r[2] for r in rounds_seen[name]]) for name in ("echobot", "postgres")}
        print(f"CPU per request: PostgreSQL {cpu['postgres']:.3f} ms, SQLite {cpu['echobot']:.3f} ms")
    print(f"start to ready: echobot {echo_ready:.2f} s, bare Bolt {bare_ready:.2f} s")
    print(
        f"idle RSS: echobot {idle['echobot']:.1f} MB (goal < 80), bare Bolt {idle['bare']:.1f} MB; "
        f"after load: echobot {busy['echobot']:.1f} MB, bare {busy['bare']:.1f} MB"
    )


def report(
    latencies: dict[str, list[float]],
    rounds_seen: dict[str, list[tuple[float, float, float]]],
    requests: int,
    concurrency: int,
    rounds: int,
) -> None:
    echo, base = latencies["echobot"], latencies["bare"]
    cpu = {name: median([r[2] for r in seen]) for name, seen in rounds_seen.items()}
    print(f"machine: {machine()}")
    print(f"{requests} signed /echo help per round and app, concurrency {concurrency}, {rounds} interleaved rounds")
    print(f"{'':10} {'median ms':>10} {'p90 ms':>10} {'p99 ms':>10} {'CPU ms/request':>15}")
    for label, name in (("bare Bolt", "bare"), ("echobot", "echobot")):
        values = latencies[name]
        print(
            f"{label:10} {median(values):10.2f} {percentile(values, 0.9):10.2f} {percentile(values, 0.99):10.2f}"
            f" {cpu[name]:15.3f}"
        )
    pairs = zip(rounds_seen["echobot"], rounds_seen["bare"], strict=True)
    per_round = [(e[0] / b[0], e[1] / b[1], e[2] / b[2]) for e, b in pairs]
    spread = [sorted(r[i] for r in per_round) for i in range(3)]
    print(
        f"ratio median {median(echo) / median(base):.2f} (goal <= 1.3), "
        f"p90 {percentile(echo, 0.9) / percentile(base, 0.9):.2f}, "
        f"p99 {percentile(echo, 0.99) / percentile(base, 0.99):.2f} (goal <= 1.5), "
        f"CPU per request {cpu['echobot'] / cpu['bare']:.2f}"
    )
    print(
        "per-round ratios (min-max): "
        f"median {spread[0][0]:.2f}-{spread[0][-1]:.2f}, p99 {spread[1][0]:.2f}-{spread[1][-1]:.2f}, "
        f"CPU {spread[2][0]:.2f}-{spread[2][-1]:.2f}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=400, help="signed /echo help per round and app")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--postgres", help="also run echobot on PostgreSQL: a postgresql:// URL, or 'auto' for a "
                        "throwaway local cluster (Debian's server binaries)")
    options = parser.parse_args()
    cluster = None
    if options.postgres == "auto":  # a throwaway local cluster, as the tests start one (fsync off: optimistic)
        from tests.backends import Cluster

        cluster = Cluster()
        options.postgres = cluster.url.render_as_string(hide_password=False)
    try:
        asyncio.run(main(options.requests, options.concurrency, options.rounds, options.postgres))
    finally:
        if cluster is not None:
            cluster.stop()
