"""Helpers shared by the benchmarks: processes, readiness, memory, percentiles, machine facts."""

from __future__ import annotations

import asyncio
import contextlib
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent


def checkout_installed(revision: str, folder: Path) -> Path:
    """git `revision`'s code in `folder`/code, laid out as installed (handlers/ and storage/ inside echobot/, with
    tests/ and bench/ beside): a process started with PYTHONPATH on it runs that code alone. On the checkout's own
    layout the editable install would serve echobot.storage and echobot.handlers from the working tree."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True).stdout
    source, code = folder / "source", folder / "code"
    source.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    code.mkdir()
    for name in ("echobot", "tests", "bench"):
        shutil.move(source / name, code / name)
    for name in ("handlers", "storage"):
        shutil.move(source / name, code / "echobot" / name)
    return code


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """CPU time the process's threads have run so far, in seconds (the scheduler's own count, in ns)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError, IndexError, ValueError):  # a thread that ended meanwhile
            total += int((task / "schedstat").read_text().split()[0])
    return total / 1e9


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"
    )


async def spawn(*args: str, env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, *args, env=env, cwd=cwd, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
    )


async def wait_ready(url: str, timeout: float = 30.0) -> float:
    """Seconds until `url` answers 200."""
    started = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        while time.perf_counter() - started < timeout:
            try:
                async with session.get(url) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.02)
    raise TimeoutError(f"{url} did not become ready in {timeout} s")


async def stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 15)
        except TimeoutError:
            process.kill()
            await process.wait()


class FakeSlackProcess:
    """The fake Slack Web API in a process of its own, so it does not share the measured event loop."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: asyncio.subprocess.Process | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    async def __aenter__(self) -> FakeSlackProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = await spawn("-m", "tests.fake_slack", str(self.port), env=env, cwd=ROOT)
        await wait_ready(f"http://127.0.0.1:{self.port}/_calls")
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.process is not None:
            await stop(self.process)

    async def calls(self) -> list[dict]:
        async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{self.port}/_calls") as r:
            return list(await r.json())

    async def faults(self, **rates: object) -> None:
        """Set fault rates (r429, r500, disconnect, methods) and forget the calls and messages so far."""
        async with (
            aiohttp.ClientSession() as session,
            session.post(f"http://127.0.0.1:{self.port}/_faults", json=rates) as response,
        ):
            response.raise_for_status()


async def post_all(url: str, requests: list[tuple[bytes, dict[str, str]]], concurrency: int) -> list[float]:
    """POST every (body, headers) to `url` from `concurrency` workers; each answer's latency in ms."""
    latencies: list[float] = []
    queue = list(requests)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

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

