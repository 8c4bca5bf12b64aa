"""Ack latency of echobot's /echo help against a bare Bolt app, in the same run.

    python -m bench.ack_latency [--requests 3000] [--concurrency 50]

Starts the fake Slack Web API, `echobot run --http` and a bare Bolt AsyncApp that only acks
/echo; sends the same signed /echo help requests to each (alternating rounds, to share the
machine's noise), and prints median and p99 ack times, their ratios, start-to-ready time and
idle RSS.
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

import aiohttp
from slack_sdk.signature import SignatureVerifier

from bench.common import ROOT, free_port, machine, median, percentile, rss_mb, spawn, stop, wait_ready
from tests.fake_slack import BOT_TOKEN, FakeSlack

SECRET = "bench-signing-secret-0123456789"


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
    latencies: list[float] = []
    queue = list(requests)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            while queue:
                body, headers = queue.pop()
                started = time.perf_counter()
                async with session.post(url, data=body, headers=headers) as response:
                    await response.read()
                    if response.status != 200:
                        raise RuntimeError(f"{url} answered {response.status}")
                latencies.append((time.perf_counter() - started) * 1000)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


async def main(requests: int, concurrency: int, rounds: int) -> None:
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
    echo_port, bare_port = free_port(), free_port()
    spawned = time.perf_counter()
    echobot = await spawn(
        "-m", "echobot", "run", "--http", "--host", "127.0.0.1", "--port", str(echo_port), env=env, cwd=workdir
    )
    echo_ready = await wait_ready(f"http://127.0.0.1:{echo_port}/healthz")
    bare = await spawn(str(ROOT / "bench" / "bare_bolt.py"), str(bare_port), env=env, cwd=workdir)
    bare_ready = await wait_ready(f"http://127.0.0.1:{bare_port}/healthz")
    del spawned
    try:
        await asyncio.sleep(1.0)
        idle = {"echobot": rss_mb(echobot.pid), "bare": rss_mb(bare.pid)}
        verifier = SignatureVerifier(SECRET)
        targets = {
            "echobot": f"http://127.0.0.1:{echo_port}/slack/events",
            "bare": f"http://127.0.0.1:{bare_port}/slack/events",
        }
        for url in targets.values():  # warm up (Bolt calls auth.test on its first request)
            await load(url, [signed_command(verifier, f"UWARM{n:05d}") for n in range(100)], concurrency)
        results: dict[str, list[float]] = {"echobot": [], "bare": []}
        per_round = requests // rounds
        for round_number in range(rounds):
            order = ["bare", "echobot"] if round_number % 2 == 0 else ["echobot", "bare"]
            for name in order:
                batch = [signed_command(verifier, f"U{n % 500:09d}") for n in range(per_round)]
                results[name] += await load(targets[name], batch, concurrency)
        busy = {"echobot": rss_mb(echobot.pid), "bare": rss_mb(bare.pid)}
    finally:
        await stop(echobot)
        await stop(bare)
        await fake.stop()

    echo, base = results["echobot"], results["bare"]
    print(f"machine: {machine()}")
    print(f"requests: {len(echo)} per app, concurrency {concurrency}, {rounds} alternating rounds")
    print(f"{'':10} {'median ms':>10} {'p99 ms':>10}")
    print(f"{'bare Bolt':10} {median(base):10.2f} {percentile(base, 0.99):10.2f}")
    print(f"{'echobot':10} {median(echo):10.2f} {percentile(echo, 0.99):10.2f}")
    print(
        f"ratio median {median(echo) / median(base):.2f} (goal <= 1.3), "
        f"p99 {percentile(echo, 0.99) / percentile(base, 0.99):.2f} (goal <= 1.5)"
    )
    print(f"start to ready: echobot {echo_ready:.2f} s, bare Bolt {bare_ready:.2f} s")
    print(
        f"idle RSS: echobot {idle['echobot']:.1f} MB (goal < 80), bare Bolt {idle['bare']:.1f} MB; "
        f"after load: echobot {busy['echobot']:.1f} MB, bare {busy['bare']:.1f} MB"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4)
    options = parser.parse_args()
    asyncio.run(main(options.requests, options.concurrency, options.rounds))
