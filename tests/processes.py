"""Running echobot as a separate process, as a person would: a clean environment, the CLI, a free port."""

from __future__ import annotations

import asyncio
import inspect
import os
import socket
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "ECHOBOT_"))}


def echobot(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`echobot ARGS` in a fresh interpreter with only the given settings."""
    return subprocess.run(
        [sys.executable, "-m", "echobot", *args],
        env={**CLEAN_ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def eventually(check: Callable[[], bool | Awaitable[bool]], what: str, timeout: float = 20.0) -> None:
    """Wait until `check()` holds (a plain or an awaitable answer), looking every 20 ms; fail naming `what` after
    `timeout` seconds of wall time (generous: the machine may be busy). For what another process or task does."""
    for _ in range(int(timeout / 0.02)):
        answer = check()
        if inspect.isawaitable(answer):
            answer = await answer
        if answer:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"never happened: {what}")
