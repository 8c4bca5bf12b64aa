from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from echobot.clock import FrozenClock
from tests import backends
from tests.fake_slack import FakeSlack
from tests.harness import START, Bot

BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that opens a database runs once per backend; a module may narrow that with its own
    BACKENDS (e.g. ("sqlite",) for tests of the SQLite file itself)."""
    module = metafunc.module
    uses_database = "backend" in metafunc.fixturenames or any(
        hasattr(module, name) for name in ("Bot", "Database", "database")
    )
    if not uses_database:
        return
    wanted = getattr(module, "BACKENDS", BACKENDS)
    reason = backends.postgres_unavailable()
    params = [
        pytest.param(name, id=name, marks=pytest.mark.skip(reason=reason) if name == "postgresql" and reason else ())
        for name in wanted
    ]
    if "backend" not in metafunc.fixturenames:
        metafunc.fixturenames.append("backend")
    metafunc.parametrize("backend", params, indirect=True)


@pytest.fixture(autouse=True)
def _backend_first(request: pytest.FixtureRequest) -> None:
    """Choose the backend before any other fixture opens a database (a module's own `db` fixture that does not
    ask for `backend` would otherwise be set up first, on SQLite, in the postgresql run too)."""
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None and "backend" in callspec.params:
        request.getfixturevalue("backend")


@pytest.fixture(scope="session")
def postgres() -> Iterator[backends.Postgres]:
    server = backends.Postgres()
    yield server
    server.close()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> Iterator[backends.Backend]:
    """The database backend of this test run; harness.Bot and backends.database() use it."""
    name = getattr(request, "param", "sqlite")
    chosen = backends.Backend(name, request.getfixturevalue("postgres") if name == "postgresql" else None)
    backends.current = chosen
    yield chosen
    backends.current = backends.SQLITE
    chosen.finish()


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
    request: pytest.FixtureRequest,
    tmp_path: Path,
    fake_slack: FakeSlack,
    clock: FrozenClock,
    backend: backends.Backend,
) -> AsyncIterator[Bot]:
    """echobot on this run's backend, served over HTTP; over Socket Mode too for tests marked with
    harness.BOTH_TRANSPORTS."""
    transport = getattr(request, "param", "http")
    running = await Bot(tmp_path / "echobot.db", fake_slack, clock, transport=transport).start()
    yield running
    await running.stop()
