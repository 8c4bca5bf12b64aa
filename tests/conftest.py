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
async def bot(tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock) -> AsyncIterator[Bot]:
    running = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    yield running
    await running.stop()
