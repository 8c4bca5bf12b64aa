from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from echobot.clock import FrozenClock
from tests.fake_slack import FakeSlack
from tests.harness import START, Bot


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(START)


@pytest.fixture
async def bot(
    request: pytest.FixtureRequest, tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock
) -> AsyncIterator[Bot]:
    """echobot served over HTTP; over Socket Mode too for tests marked with harness.BOTH_TRANSPORTS."""
    transport = getattr(request, "param", "http")
    running = await Bot(tmp_path / "echobot.db", fake_slack, clock, transport=transport).start()
    yield running
    await running.stop()
