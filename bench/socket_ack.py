"""Ack latency over Socket Mode beside HTTP: echobot and a bare Bolt app, each both ways, in one run.

    python -m bench.socket_ack [--requests 4000] [--concurrency 50] [--rounds 4]

Starts, each against its own fake Slack Web API and loopback Slack socket (tests/fake_socket.py), in
processes of their own: `echobot run` (Socket Mode), `echobot run --http`, a bare Bolt AsyncApp acking
/echo over Socket Mode (bench/bare_bolt_socket.py, Bolt's aiohttp handler, the one echobot wraps) and
the same over HTTP (bench/bare_bolt.py). The same `/echo help` slash commands go to each, in alternating
rounds; an HTTP ack is the response, a Socket Mode ack is the envelope's ack arriving at the socket.
Prints median and p99 ack times and the ratios that matter: echobot over Socket Mode against the bare
Bolt app over Socket Mode (the fair baseline), and each app's Socket Mode against its HTTP.
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

from bench.common import ROOT, free_port, machine, median, percentile, post_all, spawn, stop, wait_ready
from tests.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.fake_socket import FakeSocket

SECRET = "bench-signing-secret-0123456789"
NAMES = ("echobot socket", "bare socket", "echobot http", "bare http")
_TRIGGERS = itertools.count(1)


def command(user: str) -> dict[str, str]:
    """A /echo help slash command, unique as Slack's are (identical requests are answered once)."""
    return {
        "command": "/echo",
        "text": "help",
        "user_id": user,
        "channel_id": "C0BENCH",
        "team_id": "T0ECHO",
        "trigger_id": f"{next(_TRIGGERS)}.2.3",
        "response_url": "http://127.0.0.1:9/r",
    }


def signed(verifier: SignatureVerifier, form: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    body = urlencode(form)
    stamp = str(int(time.time()))
    return body.encode(), {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body) or "",
    }


async def over_http(url: str, forms: list[dict[str, str]], concurrency: int) -> list[float]:
    verifier = SignatureVerifier(SECRET)
    return await post_all(url, [signed(verifier, form) for form in forms], concurrency)


async def over_socket(socket: FakeSocket, forms: list[dict[str, str]], concurrency: int) -> list[float]:
    queue = list(forms)
    latencies: list[float] = []

    async def worker() -> None:
        while queue:
            form = queue.pop()
            started = time.perf_counter()
            if await socket.send("slash_commands", form) is None:
                raise RuntimeError("an envelope was not acked")
            latencies.append((time.perf_counter() - started) * 1000)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


async def main(requests: int, concurrency: int, rounds: int) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="echobot-socket-bench-"))
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "ECHOBOT_"))}
    fakes = {name: FakeSlack() for name in NAMES}
    sockets: dict[str, FakeSocket] = {}
    processes = []
    targets: dict[str, str] = {}
    try:
        for name, fake in fakes.items():
            await fake.start()
            env = {**base_env, "SLACK_BOT_TOKEN": BOT_TOKEN, "ECHOBOT_SLACK_API_URL": fake.api_url,
                   "ECHOBOT_DATABASE": str(workdir / f"{name.replace(' ', '-')}.db"), "ECHOBOT_LOG_LEVEL": "WARNING",
                   "PYTHONPATH": str(ROOT)}  # fmt: skip
            if name.endswith("socket"):
                sockets[name] = await FakeSocket(fake).start()
                env["SLACK_APP_TOKEN"] = APP_TOKEN
                args = (
                    ["-m", "echobot", "run"]
                    if name.startswith("echobot")
                    else [str(ROOT / "bench" / "bare_bolt_socket.py")]
                )
                processes.append(await spawn(*args, env=env, cwd=workdir))
                await sockets[name].wait_connected(timeout=60)
            else:
                port = free_port()
                env["SLACK_SIGNING_SECRET"] = SECRET
                if name.startswith("echobot"):
                    args = ["-m", "echobot", "run", "--http", "--host", "127.0.0.1", "--port", str(port)]
                else:
                    args = [str(ROOT / "bench" / "bare_bolt.py"), str(port)]
                processes.append(await spawn(*args, env=env, cwd=workdir))
                await wait_ready(f"http://127.0.0.1:{port}/healthz", timeout=60)
                targets[name] = f"http://127.0.0.1:{port}/slack/events"

        async def send(name: str, forms: list[dict[str, str]]) -> list[float]:
            if name in sockets:
                return await over_socket(sockets[name], forms, concurrency)
            return await over_http(targets[name], forms, concurrency)

        for name in NAMES:  # warm up (Bolt calls auth.test on its first request)
            await send(name, [command(f"UWARM{n:05d}") for n in range(100)])
        results: dict[str, list[float]] = {name: [] for name in NAMES}
        per_round = requests // rounds
        for round_number in range(rounds):
            order = list(NAMES[round_number % len(NAMES) :] + NAMES[: round_number % len(NAMES)])
            for name in order:
                results[name] += await send(name, [command(f"U{n % 500:09d}") for n in range(per_round)])
    finally:
        for process in processes:
            await stop(process)
        for socket in sockets.values():
            await socket.stop()
        for fake in fakes.values():
            await fake.stop()

    def ratio(a: str, b: str) -> str:
        return (f"median {median(results[a]) / median(results[b]):.2f}, "
                f"p99 {percentile(results[a], 0.99) / percentile(results[b], 0.99):.2f}")  # fmt: skip

    print(f"machine: {machine()}")
    print(f"requests: {len(results[NAMES[0]])} per app and transport, concurrency {concurrency}, {rounds} rounds")
    print(f"{'':16} {'median ms':>10} {'p99 ms':>10}")
    for name in NAMES:
        print(f"{name:16} {median(results[name]):10.2f} {percentile(results[name], 0.99):10.2f}")
    print(f"echobot socket / bare Bolt socket: {ratio('echobot socket', 'bare socket')}")
    print(f"echobot socket / echobot http:     {ratio('echobot socket', 'echobot http')}")
    print(f"bare Bolt socket / bare Bolt http: {ratio('bare socket', 'bare http')}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4)
    options = parser.parse_args()
    asyncio.run(main(options.requests, options.concurrency, options.rounds))
