"""Bad input: hostile and malformed requests to every handler get a clear message or a silent ignore, never
a 500, never an unhandled exception, never a change to someone else's data."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

from echobot.clock import FrozenClock
from tests.fake_slack import FakeSlack
from tests.fuzzing import ErrorLog, Findings, Request, attack, fingerprint, requests, seed
from tests.harness import START, Bot

EXAMPLES = int(os.environ.get("ECHOBOT_FUZZ_EXAMPLES", "250"))


def run_fuzz(folder: Path, examples: int, *, stop_at_first: bool = True) -> Findings:
    """`examples` generated requests against one echobot (one event loop, one seeded world). With
    `stop_at_first`, the first failing request fails (and hypothesis shrinks it); else all are counted."""
    loop = asyncio.new_event_loop()
    fake = FakeSlack()
    log = ErrorLog()
    found = Findings()
    logging.getLogger().addHandler(log)
    try:
        loop.run_until_complete(fake.start())
        bot = loop.run_until_complete(Bot(folder / "fuzz.db", fake, FrozenClock(START)).start())
        loop.run_until_complete(seed(bot))
        before = loop.run_until_complete(fingerprint(bot))
        response_url = fake.response_url()

        @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                  phases=[Phase.generate], suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(request=requests(response_url))
        def one(request: Request) -> None:
            passed = loop.run_until_complete(attack(bot, request, log, before, found))
            assert passed or not stop_at_first, found.errors[-3:] or found.changed

        one()
        loop.run_until_complete(bot.stop())
        loop.run_until_complete(fake.stop())
    finally:
        logging.getLogger().removeHandler(log)
        loop.close()
    return found


def test_hostile_and_malformed_requests(tmp_path: Path) -> None:
    found = run_fuzz(tmp_path, EXAMPLES)
    assert found.payloads >= EXAMPLES * 0.9
    assert found.errors == [] and found.changed == []
    assert set(found.statuses) <= {200, 400}


def test_a_forged_view_whose_blocks_are_not_a_list_gets_its_error_somewhere() -> None:
    """Found by the 10,000-payload run: `blocks: 7` in a forged cancel form raised TypeError (a 500)."""
    from echobot.handlers.forms import first_input

    for blocks in (7, True, "x", {"a": 1}, None):
        assert first_input({"blocks": blocks}) == "none"
    assert first_input({"blocks": [{"type": "input", "block_id": "reason"}]}) == "reason"
