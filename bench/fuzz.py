"""Hostile and malformed Slack requests against one echobot, and what went wrong.

    python -m bench.fuzz [--examples 10000]

Runs tests/test_fuzz.py's generator (hypothesis, derandomized) for `examples` requests without stopping
at the first failure, and prints the requests sent by kind, the HTTP statuses, unhandled errors (ERROR
logs, 5xx) and changes to other people's data, grouped.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from collections import Counter
from pathlib import Path

from tests.test_fuzz import run_fuzz


def main(examples: int) -> int:
    logging.getLogger().setLevel(logging.ERROR)  # the run counts ERROR records itself (and prints none)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        found = run_fuzz(Path(folder), examples, stop_at_first=False)
    print(f"payloads sent: {found.payloads} {dict(found.by_kind)}")
    print(f"HTTP statuses: {dict(found.statuses)}")
    print(f"unhandled errors: {len(found.errors)}")
    for message, count in Counter(e.split("\n")[0][:160] for e in found.errors).most_common(25):
        print(f"  {count:5d}  {message}")
    print(f"changes to other people's data: {len(found.changed)} {dict(Counter(found.changed))}")
    print(f"slowest answer: {found.slowest:.3f} s; elapsed: {time.perf_counter() - began:.0f} s")
    return 1 if found.errors or found.changed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    raise SystemExit(main(parser.parse_args().examples))
