"""Running echobot as a separate process, as a person would: a clean environment, the CLI, a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
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
