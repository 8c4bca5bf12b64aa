"""Idle memory of `echobot run --http` on SQLite.

    python -m bench.idle_memory [--settle 3] [--baseline REV]

Starts the fake Slack Web API and `echobot run --http` on a fresh SQLite file (run with `python -X importtime`,
so the modules it loaded are known), waits until /healthz answers and `--settle` seconds more, and prints its
resident memory (VmRSS; goal < 80 MB) and which of the large optional libraries it loaded. With
`--baseline REV` the same is measured, alternately, for git revision REV's code. A bare Bolt AsyncApp
(bench/bare_bolt.py) is measured too, as the floor.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import ROOT, FakeSlackProcess, free_port, machine, rss_mb, stop, wait_ready
from tests.fake_slack import BOT_TOKEN
from tests.harness import ADMIN, SIGNING_SECRET

HEAVY = ("matplotlib", "fpdf", "PIL", "fontTools", "icalendar", "numpy", "pypdf", "sqlalchemy.orm", "alembic",
         "dns", "yaml", "mako")  # fmt: skip


async def measure(
    code: Path, workdir: Path, api_url: str, settle: float, bare: bool = False
) -> tuple[float, list[str]]:
    """(RSS in MB once idle, the HEAVY modules it imported)."""
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(code), "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET, "ECHOBOT_DATABASE": str(workdir / f"idle-{port}.db"),
        "ECHOBOT_SLACK_API_URL": api_url, "ECHOBOT_ADMINS": ADMIN, "ECHOBOT_LOG_LEVEL": "WARNING",
    }  # fmt: skip
    log = workdir / f"imports-{port}.log"
    args = ["bench/bare_bolt.py", str(port)] if bare else ["-m", "echobot", "run", "--http", "--port", str(port)]
    with log.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-X", "importtime", *args, env=env, cwd=code if not bare else ROOT,
            stdout=asyncio.subprocess.DEVNULL, stderr=stderr,
        )  # fmt: skip
    try:
        await wait_ready(f"http://127.0.0.1:{port}/healthz", timeout=60)
        await asyncio.sleep(settle)
        rss = rss_mb(process.pid)
    finally:
        await stop(process)
    loaded = {line.split("|")[-1].strip() for line in log.read_text().splitlines() if line.startswith("import time:")}
    return rss, [name for name in HEAVY if name in loaded]


def checkout(revision: str, folder: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True).stdout
    folder.mkdir()
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


async def main(settle: float, rounds: int, baseline: str | None) -> None:
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="echobot-idle-") as folder:
        workdir = Path(folder)
        codes = [("this code", ROOT)]
        if baseline:
            codes.append((f"baseline {baseline}", checkout(baseline, workdir / "baseline")))
        async with FakeSlackProcess() as fake:
            for _ in range(rounds):
                for label, code in codes:
                    rss, heavy = await measure(code, workdir, fake.api_url, settle)
                    print(f"echobot run --http, {label}: idle RSS {rss:.1f} MB (goal < 80 MB); large libraries "
                          f"loaded: {', '.join(heavy) or 'none'}", flush=True)  # fmt: skip
            floor, _ = await measure(ROOT, workdir, fake.api_url, settle, bare=True)
            print(f"bare Bolt AsyncApp (the floor): {floor:.1f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--settle", type=float, default=3.0, help="seconds to wait after /healthz answers")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--baseline", help="also measure this git revision's code")
    options = parser.parse_args()
    asyncio.run(main(options.settle, options.rounds, options.baseline))
