"""Several echobot processes on one database: commit notices, the People cache, periodic runs and the replay
memory agree across processes. Each "process" here is a Runtime with its own Database object, pool and
listening connection; tests/test_several_processes.py runs real processes and kills them."""

from __future__ import annotations

import asyncio
import hashlib
import json
from datetime import timedelta
from pathlib import Path

import pytest

from echobot.clock import FrozenClock
from echobot.storage import Database, shared
from echobot.storage.codec import to_db
from echobot.storage.tables import request_answers
from tests import backends
from tests.fake_slack import FakeSlack
from tests.harness import Bot
from tests.processes import eventually
from tests.scenarios import ALICE, register
from tests.slack_driver import TEAM

BACKENDS = ("postgresql",)  # several processes share a database only on PostgreSQL


async def _listening(db: Database) -> None:
    listener = db.listen()
    assert listener is not None
    await asyncio.wait_for(listener.connected.wait(), 20)


async def test_commits_are_heard_by_the_other_processes_and_rollbacks_are_not(
    tmp_path: Path, backend: backends.Backend
) -> None:
    url = backends.database(tmp_path / "notices.db")
    a, b = await Database.open(url), await Database.open(url)
    heard: list[str] = []
    try:
        for topic in ("cases", "outbox", "marker"):
            b.on_commit(topic, lambda t=topic: heard.append(t))  # type: ignore[misc]
        await _listening(b)
        heard.clear()  # a (re)connection calls every callback once: anything may have changed meanwhile

        async with a.transaction() as tx:
            tx.touch("cases")
        await eventually(lambda: heard == ["cases"], "B hears A's commit")

        with pytest.raises(RuntimeError):
            async with a.transaction() as tx:
                tx.touch("outbox")
                raise RuntimeError("rolled back")
        async with b.transaction() as tx:  # B's own commit: heard once, locally, not again as a notice
            tx.touch("cases")
        async with a.transaction() as tx:
            tx.touch("marker")
        await eventually(lambda: "marker" in heard, "the marker")
        assert heard == ["cases", "cases", "marker"]  # no "outbox": a rollback sends nothing
    finally:
        await a.close()
        await b.close()


async def test_a_registration_in_one_process_is_known_at_once_to_another(
    tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock, backend: backends.Backend
) -> None:
    a = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    b = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    try:
        assert b.runtime is not None
        await _listening(b.db)
        people = b.runtime.services.people
        assert (await people.whois(ALICE)).provider is None  # now in B's cache

        await register(a, ALICE)

        async def registered() -> bool:
            return (await people.whois(ALICE)).provider is not None

        # well under the cache's 60 s time limit: the notice cleared it
        await eventually(registered, "B knows Alice registered")
    finally:
        await b.stop()
        await a.stop()


def _home_opened(event_id: str) -> str:
    """One Events API delivery (Alice opens echobot's Home), as Slack delivers it, and retries it."""
    return json.dumps({
        "token": "legacy", "team_id": TEAM["id"], "api_app_id": "A0ECHO", "type": "event_callback",
        "event_id": event_id, "event_time": 1_793_000_000,
        "event": {"type": "app_home_opened", "user": ALICE, "channel": "DALICE0001", "tab": "home"},
    })  # fmt: skip


FORM = "application/json"


async def test_one_request_delivered_to_two_processes_runs_once(
    tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock, backend: backends.Backend
) -> None:
    a = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    b = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    try:
        body = _home_opened("EvSAME00001")
        replies = await asyncio.gather(a.driver.send(body, FORM), b.driver.send(body, FORM))
        assert [r.status for r in replies] == [200, 200]
        assert replies[0].text == replies[1].text
        await a.settle()
        await b.settle()
        assert len(fake_slack.calls_to("views.publish")) == 1  # Home built once

        again = await b.driver.send(body, FORM)  # later, to the process that did not run it
        assert again.status == 200 and again.text == replies[0].text
        await b.settle()
        assert len(fake_slack.calls_to("views.publish")) == 1
    finally:
        await b.stop()
        await a.stop()


async def test_a_request_whose_process_died_is_run_by_another(
    tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock, backend: backends.Backend
) -> None:
    b = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    try:
        body = _home_opened("EvDEAD00001")
        key = hashlib.sha256(body.encode()).hexdigest()
        async with b.db.transaction() as tx:  # claimed by a process killed before it answered
            await tx.execute(request_answers.insert().values(
                key=key, owner="killed", claimed_at=to_db(clock.now() - timedelta(seconds=30))))  # fmt: skip
        reply = await b.driver.send(body, FORM)
        assert reply.status == 200
        await b.settle()
        assert len(fake_slack.calls_to("views.publish")) == 1
        claim = await shared.request_claim(b.db.reader, key)
        assert claim is not None and claim.owner == b.db.process
    finally:
        await b.stop()


async def test_a_request_still_running_elsewhere_is_waited_for_not_run_twice(
    tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock, backend: backends.Backend
) -> None:
    b = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    try:
        body = _home_opened("EvSLOW00001")
        key = hashlib.sha256(body.encode()).hexdigest()
        async with b.db.transaction() as tx:  # another live process is running it right now
            await shared.claim_request(tx, key, "alive", clock.now())
        pending = asyncio.create_task(b.driver.send(body, FORM))
        await asyncio.sleep(0.3)
        assert not pending.done()
        answer = shared.Answer(200, json.dumps({"text": "from the other process"}), "application/json")
        async with b.db.transaction() as tx:
            await shared.record_answer(tx, key, "alive", answer)
        reply = await asyncio.wait_for(pending, 20)
        assert reply.status == 200 and reply.json["text"] == "from the other process"
        await b.settle()
        assert fake_slack.calls_to("views.publish") == []
    finally:
        await b.stop()
