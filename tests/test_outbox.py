"""The one outbound path: outbox rows and the dispatcher, against the fake Slack."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from echobot.clock import FrozenClock, SystemClock
from echobot.dispatcher import Dispatcher
from echobot.models import Message, OutboxKind, OutboxState
from echobot.scheduler import build_scheduler, wire_dispatcher
from echobot.slack_client import build_client
from echobot.storage import Database
from echobot.storage import outbox as repo
from tests import backends
from tests.fake_slack import BOT_TOKEN, FakeSlack

CHANNEL = "C0PROGRAM"


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(backends.database(tmp_path / "outbox.db"))
    yield database
    await database.close()


def dispatcher_for(db: Database, fake: FakeSlack, clock: FrozenClock | SystemClock, **options: object) -> Dispatcher:
    client = build_client(BOT_TOKEN, fake.api_url, timeout=3, sleep=clock.sleep)
    return Dispatcher(db, client, clock, **{"pacing": 0.0, **options})  # type: ignore[arg-type]


async def plan(
    db: Database, clock: FrozenClock | SystemClock, key: str, text: str, target: str = CHANNEL, **options: object
) -> bool:
    async with db.transaction() as tx:
        return await repo.enqueue(tx, key=key, target=target, message=Message(text=text), now=clock.now(), **options)  # type: ignore[arg-type]


async def test_a_key_is_planned_once(db: Database, clock: FrozenClock) -> None:
    assert await plan(db, clock, "k1", "hello")
    assert not await plan(db, clock, "k1", "hello again")
    assert (await repo.get(db.reader, "k1")).message.text == "hello"  # type: ignore[union-attr]


async def test_a_rolled_back_change_plans_nothing(db: Database, clock: FrozenClock) -> None:
    with pytest.raises(RuntimeError):
        async with db.transaction() as tx:
            await repo.enqueue(tx, key="k1", target=CHANNEL, message=Message(text="x"), now=clock.now())
            raise RuntimeError("the state change failed")
    assert await repo.get(db.reader, "k1") is None


class PacedClock(FrozenClock):
    """A frozen clock whose sleeps take real time: the pacing itself is what is measured."""

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


async def test_messages_to_one_channel_leave_in_order_and_paced(db: Database, fake_slack: FakeSlack) -> None:
    clock = PacedClock(datetime(2026, 11, 2, 14, 0, tzinfo=UTC))
    for n in range(4):
        await plan(db, clock, f"a{n}", f"first channel {n}")
        await plan(db, clock, f"b{n}", f"second channel {n}", target="C0OTHER")
    await dispatcher_for(db, fake_slack, clock, pacing=0.2).run_until_idle()
    posts = fake_slack.calls_to("chat.postMessage")
    first = [c for c in posts if c.args["channel"] == CHANNEL]
    assert [c.args["text"] for c in first] == [f"first channel {n}" for n in range(4)]
    gaps = [b.at - a.at for a, b in itertools.pairwise(first)]
    assert min(gaps) >= 0.19
    # the two channels are served side by side, not one after the other
    second = [c for c in posts if c.args["channel"] == "C0OTHER"]
    assert second[0].at < first[-1].at
    sent = await repo.get(db.reader, "a0")
    assert sent is not None and sent.state is OutboxState.SENT and sent.slack_ts and sent.attempts == 1
    assert first[0].args["metadata"] == {"event_type": "echobot_outbox", "event_payload": {"key": "a0"}}


async def test_rate_limits_and_server_errors_delay_but_never_drop(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    fake_slack.fail("chat.postMessage", status=429, retry_after=1, times=1)
    fake_slack.fail("chat.postMessage", status=500, times=2)
    await plan(db, clock, "k1", "survives")
    await plan(db, clock, "k2", "and keeps its place")
    await dispatcher_for(db, fake_slack, clock).run_until_idle()
    statuses = [c.status for c in fake_slack.calls if c.method == "chat.postMessage"]
    assert statuses == [429, 500, 500, 200, 200]
    assert [c.args["text"] for c in fake_slack.calls_to("chat.postMessage")] == ["survives", "and keeps its place"]


async def test_a_permanent_error_fails_at_once_and_is_logged(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock, caplog: pytest.LogCaptureFixture
) -> None:
    fake_slack.fail("chat.postMessage", error="channel_not_found")
    await plan(db, clock, "k1", "lost channel")
    await plan(db, clock, "k2", "next one")
    with caplog.at_level(logging.ERROR):
        await dispatcher_for(db, fake_slack, clock).run_until_idle()
    failed = await repo.get(db.reader, "k1")
    assert failed is not None and failed.state is OutboxState.FAILED and failed.last_error == "channel_not_found"
    assert "gave up" in caplog.text and "channel_not_found" in caplog.text
    assert [c.args["text"] for c in fake_slack.calls_to("chat.postMessage")] == ["next one"]


async def test_a_transient_error_backs_off_holds_the_lane_and_never_gives_up(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    fake_slack.fail("chat.postMessage", error="internal_error", times=12)  # Slack down for a long while
    await plan(db, clock, "k1", "first")
    await plan(db, clock, "k2", "second")
    # a lane held for as long as it takes (no stepping aside: see test_a_failing_row_steps_aside_... for the bound)
    dispatcher = dispatcher_for(db, fake_slack, clock, backoff=timedelta(seconds=10), step_aside_after=100)
    await dispatcher.run_until_idle()
    item = await repo.get(db.reader, "k1")
    assert item is not None and item.state is OutboxState.PENDING and item.attempts == 1
    assert item.not_before == clock.now() + timedelta(seconds=10)
    assert fake_slack.calls_to("chat.postMessage") == []  # "second" waits behind "first": order holds
    delays = []
    for _ in range(12):
        item = await repo.get(db.reader, "k1")
        assert item is not None and item.not_before is not None
        delays.append(item.not_before - clock.now())
        clock.set(item.not_before)
        await dispatcher.run_until_idle()
    assert max(delays) == timedelta(minutes=10)  # the back-off is capped
    item = await repo.get(db.reader, "k1")
    assert item is not None and item.state is OutboxState.SENT and item.attempts == 13
    assert [c.args["text"] for c in fake_slack.calls_to("chat.postMessage")] == ["first", "second"]


async def test_future_rows_wait_and_stale_rows_are_skipped(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    start = clock.now() + timedelta(hours=1)
    await plan(db, clock, "later", "in an hour", due_at=clock.now() + timedelta(minutes=30), stale_at=start)
    dispatcher = dispatcher_for(db, fake_slack, clock)
    await dispatcher.run_until_idle()
    assert fake_slack.calls_to("chat.postMessage") == []
    assert await repo.next_wake_at(db.reader) == clock.now() + timedelta(minutes=30)
    clock.advance(timedelta(hours=2))  # echobot was down past the start
    await dispatcher.run_until_idle()
    item = await repo.get(db.reader, "later")
    assert item is not None and item.state is OutboxState.SKIPPED
    assert fake_slack.calls_to("chat.postMessage") == []


async def test_updates_and_thread_replies_find_their_message(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await plan(db, clock, "case:1", "Case 1: submitted")
    await plan(db, clock, "case:1:update:1", "Case 1: in review", kind=OutboxKind.UPDATE, parent_key="case:1")
    await plan(db, clock, "case:1:thread:1", "Claimed by Dr. Lee", parent_key="case:1")
    await dispatcher_for(db, fake_slack, clock).run_until_idle()
    post = fake_slack.calls_to("chat.postMessage")[0].response
    update = fake_slack.last("chat.update")
    assert (update.args["channel"], update.args["ts"]) == (post["channel"], post["ts"])
    reply = fake_slack.calls_to("chat.postMessage")[1]
    assert reply.args["thread_ts"] == post["ts"]
    assert fake_slack.messages[(post["channel"], post["ts"])]["text"] == "Case 1: in review"


async def test_a_reply_to_a_message_that_never_went_out_fails(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    fake_slack.fail("chat.postMessage", error="is_archived")
    await plan(db, clock, "case:2", "Case 2")
    await plan(db, clock, "case:2:update:1", "Case 2 changed", kind=OutboxKind.UPDATE, parent_key="case:2")
    await dispatcher_for(db, fake_slack, clock).run_until_idle()
    child = await repo.get(db.reader, "case:2:update:1")
    assert child is not None and child.state is OutboxState.FAILED
    assert fake_slack.calls_to("chat.update") == []


async def test_direct_messages_go_to_the_user(db: Database, fake_slack: FakeSlack, clock: FrozenClock) -> None:
    await plan(db, clock, "dm:1", "Hello Alice", target="UALICE0001")
    await dispatcher_for(db, fake_slack, clock).run_until_idle()
    item = await repo.get(db.reader, "dm:1")
    assert item is not None and item.slack_channel == "DALICE0001"
    assert fake_slack.posts_to("UALICE0001")[0]["text"] == "Hello Alice"


async def test_a_row_left_in_flight_by_a_crash_is_sent_after_restart(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await plan(db, clock, "k1", "was being sent when the process died")
    async with db.transaction() as tx:
        claimed = await repo.claim_head(tx, CHANNEL, clock.now())
    assert claimed is not None
    dispatcher = dispatcher_for(db, fake_slack, clock)
    await dispatcher.run_until_idle()
    assert fake_slack.calls_to("chat.postMessage") == []  # nobody else touches a claimed row
    assert await dispatcher.recover() == 1
    await dispatcher.run_until_idle()
    assert len(fake_slack.calls_to("chat.postMessage")) == 1


async def test_cancel_and_reschedule(db: Database, fake_slack: FakeSlack, clock: FrozenClock) -> None:
    await plan(db, clock, "r1", "reminder one", due_at=clock.now() + timedelta(days=1))
    await plan(db, clock, "r2", "reminder two", due_at=clock.now() + timedelta(days=1))
    async with db.transaction() as tx:
        assert await repo.cancel(tx, ["r1"], "session cancelled") == 1
        assert await repo.reschedule(tx, "r2", clock.now() + timedelta(hours=2), None)
    clock.advance(timedelta(hours=3))
    await dispatcher_for(db, fake_slack, clock).run_until_idle()
    assert [c.args["text"] for c in fake_slack.calls_to("chat.postMessage")] == ["reminder two"]
    cancelled = await repo.get(db.reader, "r1")
    assert cancelled is not None and cancelled.state is OutboxState.CANCELLED


async def test_the_scheduler_wakes_the_dispatcher_at_the_due_time(db: Database, fake_slack: FakeSlack) -> None:
    clock = SystemClock()
    dispatcher = dispatcher_for(db, fake_slack, clock)
    scheduler = build_scheduler()
    wire_dispatcher(scheduler, dispatcher)
    scheduler.start()
    dispatcher.start()
    try:
        due = datetime.now(UTC) + timedelta(milliseconds=400)
        await plan(db, clock, "soon", "due in 400 ms", due_at=due)
        await plan(db, clock, "now", "due now")
        calls = await fake_slack.wait_for("chat.postMessage", count=1, timeout=2)
        assert calls[0].args["text"] == "due now"
        calls = await fake_slack.wait_for("chat.postMessage", count=2, timeout=3)
        assert calls[1].args["text"] == "due in 400 ms"
        assert datetime.now(UTC) >= due
    finally:
        await dispatcher.stop()
        scheduler.shutdown(wait=False)
        await asyncio.sleep(0)


async def test_a_send_that_cannot_be_recorded_is_never_sent_again(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(repo, "mark_many_sent", broken)
    for n in range(3):
        await plan(db, clock, f"k{n}", f"message {n}", target=f"C{n}")
    dispatcher = dispatcher_for(db, fake_slack, clock)
    await dispatcher.run_until_idle()
    clock.advance(timedelta(minutes=5))
    await dispatcher.run_until_idle()
    assert sorted(c.args["text"] for c in fake_slack.calls_to("chat.postMessage")) == [
        "message 0", "message 1", "message 2"]  # fmt: skip
    assert {(await repo.get(db.reader, f"k{n}")).state for n in range(3)} == {OutboxState.SENDING}  # type: ignore[union-attr]


async def test_an_error_that_is_not_transient_gives_up_after_a_bound(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    fake_slack.fail("chat.postMessage", error="not_in_channel", times=4)
    await plan(db, clock, "bad", "to a channel echobot is not in")
    await plan(db, clock, "good", "the next one")
    dispatcher = dispatcher_for(db, fake_slack, clock, max_attempts=4)
    for _ in range(6):
        await dispatcher.run_until_idle()
        clock.advance(timedelta(minutes=10))
    bad = await repo.get(db.reader, "bad")
    assert bad is not None and bad.state is OutboxState.FAILED and bad.attempts == 4
    assert [c.args["text"] for c in fake_slack.calls_to("chat.postMessage")] == ["the next one"]


async def test_a_5xx_page_instead_of_json_is_a_transient_error(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    fake_slack.fail("chat.postMessage", status=503, times=7)  # beyond the client's own retries
    await plan(db, clock, "k", "after the outage")
    dispatcher = dispatcher_for(db, fake_slack, clock)
    await dispatcher.run_until_idle()
    item = await repo.get(db.reader, "k")
    assert item is not None and item.state is OutboxState.PENDING and item.last_error == "http_503"
    clock.advance(timedelta(minutes=10))
    await dispatcher.run_until_idle()
    assert [c.args["text"] for c in fake_slack.calls_to("chat.postMessage")] == ["after the outage"]
