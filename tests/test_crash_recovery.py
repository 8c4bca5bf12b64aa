"""A post left 'sending' by a crash: looked for in Slack's history before it is sent again."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from echobot.clock import FrozenClock, SystemClock
from echobot.dispatcher import METADATA_EVENT, Dispatcher
from echobot.models import Message, OutboxItem, OutboxKind, OutboxState
from echobot.slack_client import build_client
from echobot.storage import Database
from echobot.storage import outbox as repo
from tests import backends
from tests.fake_slack import BOT_TOKEN, FakeSlack, Fault
from tests.harness import Bot

CHANNEL = "C0PROGRAM"


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """The database of the process that died, and of the one that starts after it."""
    database = await Database.open(backends.database(tmp_path / "crash.db"))
    yield database
    await database.close()


def dispatcher_for(db: Database, fake: FakeSlack, clock: FrozenClock | SystemClock) -> Dispatcher:
    return Dispatcher(db, build_client(BOT_TOKEN, fake.api_url, timeout=3, sleep=clock.sleep), clock, pacing=0.0)


async def plan_and_claim(
    db: Database, clock: FrozenClock, key: str, target: str = CHANNEL, **extra: object
) -> OutboxItem:
    """What the process that died had done: planned the row and claimed it for sending."""
    async with db.transaction() as tx:
        await repo.enqueue(tx, key=key, target=target, message=Message(text=f"text of {key}"), now=clock.now(),
                           **extra)  # type: ignore[arg-type]  # fmt: skip
    async with db.transaction() as tx:
        claimed = await repo.claim_head(tx, target, clock.now())
    assert claimed is not None and claimed.key == key
    return claimed


async def post_before_the_crash(fake: FakeSlack, key: str, channel: str, thread_ts: str | None = None) -> str:
    """The post Slack accepted just before the process was killed (its answer never recorded)."""
    client = build_client(BOT_TOKEN, fake.api_url, timeout=3)
    metadata = {"event_type": METADATA_EVENT, "event_payload": {"key": key}}
    response = await client.chat_postMessage(channel=channel, text=f"text of {key}", thread_ts=thread_ts,
                                             metadata=metadata)  # fmt: skip
    return str(response["ts"])


def posts_with_key(fake: FakeSlack, key: str) -> int:
    return sum(1 for call in fake.calls_to("chat.postMessage")
               if ((call.args.get("metadata") or {}).get("event_payload") or {}).get("key") == key)  # fmt: skip


async def restart(db: Database, fake: FakeSlack, clock: FrozenClock) -> Dispatcher:
    dispatcher = dispatcher_for(db, fake, clock)
    assert await dispatcher.recover() >= 1
    await dispatcher.run_until_idle()
    return dispatcher


async def test_a_post_slack_already_has_is_recorded_not_sent_again(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await plan_and_claim(db, clock, "k1")
    ts = await post_before_the_crash(fake_slack, "k1", CHANNEL)
    dispatcher = await restart(db, fake_slack, clock)
    assert posts_with_key(fake_slack, "k1") == 1
    item = await repo.get(db.reader, "k1")
    assert item is not None and item.state is OutboxState.SENT and (item.slack_channel, item.slack_ts) == (
        CHANNEL, ts)  # fmt: skip
    assert dispatcher.resends_prevented == 1
    history = fake_slack.last("conversations.history").args
    assert history["channel"] == CHANNEL and str(history["include_all_metadata"]).lower() in ("1", "true")


async def test_a_post_slack_does_not_have_is_sent_once(db: Database, fake_slack: FakeSlack, clock: FrozenClock) -> None:
    await plan_and_claim(db, clock, "k1")
    await post_before_the_crash(fake_slack, "other", CHANNEL)  # another post in the channel
    dispatcher = await restart(db, fake_slack, clock)
    assert posts_with_key(fake_slack, "k1") == 1 and dispatcher.resends_prevented == 0
    item = await repo.get(db.reader, "k1")
    assert item is not None and item.state is OutboxState.SENT and item.last_error is None
    # once sent it is an ordinary row: a later restart looks for nothing
    await dispatcher_for(db, fake_slack, clock).recover()
    assert len(fake_slack.calls_to("conversations.history")) == 1


async def test_a_direct_message_is_looked_for_in_the_opened_conversation(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await plan_and_claim(db, clock, "dm:1", target="UALICE0001")
    ts = await post_before_the_crash(fake_slack, "dm:1", "UALICE0001")
    await plan_and_claim(db, clock, "dm:2", target="UBOB000001")
    await restart(db, fake_slack, clock)
    assert posts_with_key(fake_slack, "dm:1") == 1 and posts_with_key(fake_slack, "dm:2") == 1
    item = await repo.get(db.reader, "dm:1")
    assert item is not None and (item.state, item.slack_channel, item.slack_ts) == (OutboxState.SENT,
                                                                                   "DALICE0001", ts)  # fmt: skip
    opened = {call.args["users"] for call in fake_slack.calls_to("conversations.open")}
    assert opened == {"UALICE0001", "UBOB000001"}
    assert {call.args["channel"] for call in fake_slack.calls_to("conversations.history")} == {
        "DALICE0001", "DBOB000001"}  # fmt: skip


async def test_a_thread_reply_is_looked_for_in_its_thread(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    async with db.transaction() as tx:
        await repo.enqueue(tx, key="case:1", target=CHANNEL, message=Message(text="Case 1"), now=clock.now())
    await dispatcher_for(db, fake_slack, clock).run_until_idle()
    parent = await repo.get(db.reader, "case:1")
    assert parent is not None and parent.slack_ts is not None
    await plan_and_claim(db, clock, "case:1:thread:1", parent_key="case:1")
    await post_before_the_crash(fake_slack, "case:1:thread:1", CHANNEL, thread_ts=parent.slack_ts)
    await restart(db, fake_slack, clock)
    assert posts_with_key(fake_slack, "case:1:thread:1") == 1
    assert fake_slack.last("conversations.replies").args["ts"] == parent.slack_ts
    reply = await repo.get(db.reader, "case:1:thread:1")
    assert reply is not None and reply.state is OutboxState.SENT


async def test_a_stale_post_slack_already_has_is_recorded_sent_not_skipped(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await plan_and_claim(db, clock, "remind:1h", stale_at=clock.now() + timedelta(minutes=1))
    await post_before_the_crash(fake_slack, "remind:1h", CHANNEL)
    clock.advance(timedelta(hours=1))  # down past the moment
    await restart(db, fake_slack, clock)
    item = await repo.get(db.reader, "remind:1h")
    assert item is not None and item.state is OutboxState.SENT
    assert posts_with_key(fake_slack, "remind:1h") == 1


@pytest.mark.parametrize("error", ["missing_scope", "not_in_channel"])
async def test_without_the_history_scope_it_warns_and_sends(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock, caplog: pytest.LogCaptureFixture, error: str
) -> None:
    await plan_and_claim(db, clock, "k1")
    fake_slack.fail("conversations.history", error=error)
    with caplog.at_level(logging.WARNING):
        await restart(db, fake_slack, clock)
    assert posts_with_key(fake_slack, "k1") == 1
    assert f"cannot look for outbox k1 in Slack's history ({error})" in caplog.text


async def test_when_slack_cannot_answer_the_post_waits_for_the_lookup(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await plan_and_claim(db, clock, "k1")
    await post_before_the_crash(fake_slack, "k1", CHANNEL)
    fake_slack.fail("conversations.history", error="internal_error")
    dispatcher = await restart(db, fake_slack, clock)
    item = await repo.get(db.reader, "k1")
    assert item is not None and item.state is OutboxState.PENDING and item.last_error == repo.IN_FLIGHT_AT_STOP
    clock.advance(timedelta(minutes=1))
    await dispatcher.run_until_idle()
    item = await repo.get(db.reader, "k1")
    assert item is not None and item.state is OutboxState.SENT and posts_with_key(fake_slack, "k1") == 1


async def test_a_bot_restarted_after_a_crash_sends_each_post_once(bot: Bot, fake_slack: FakeSlack) -> None:
    """Through the whole runtime: two posts were in flight when the process died, Slack had one."""
    for key in ("notice:1", "notice:2"):
        await plan_and_claim(bot.db, bot.clock, key, target=f"C0{key[-1]}")
    await post_before_the_crash(fake_slack, "notice:1", "C01")
    await bot.restart()  # Runtime.start: recover, then the dispatcher
    await bot.settle()
    assert posts_with_key(fake_slack, "notice:1") == 1 and posts_with_key(fake_slack, "notice:2") == 1
    for key in ("notice:1", "notice:2"):
        item = await repo.get(bot.db.reader, key)
        assert item is not None and item.state is OutboxState.SENT


async def test_the_lookup_pages_back_through_a_busy_channel(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await plan_and_claim(db, clock, "k1")
    ts = await post_before_the_crash(fake_slack, "k1", CHANNEL)
    for n in range(250):  # the channel moved on while echobot was down
        fake_slack._m_chat_postMessage({"channel": CHANNEL, "text": f"later message {n}"})
    await restart(db, fake_slack, clock)
    assert len(fake_slack.calls_to("conversations.history")) == 2  # 200 newest, then the rest
    item = await repo.get(db.reader, "k1")
    assert item is not None and item.state is OutboxState.SENT and item.slack_ts == ts
    assert posts_with_key(fake_slack, "k1") == 1


async def test_a_delete_slack_already_did_is_done_not_failed(
    db: Database, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    async with db.transaction() as tx:
        await repo.enqueue(tx, key="notice:1", target=CHANNEL, message=Message(text="Notice"), now=clock.now())
    await dispatcher_for(db, fake_slack, clock).run_until_idle()
    parent = await repo.get(db.reader, "notice:1")
    assert parent is not None and parent.slack_ts is not None
    await plan_and_claim(db, clock, "notice:1:delete", kind=OutboxKind.DELETE, parent_key="notice:1")
    client = build_client(BOT_TOKEN, fake_slack.api_url, timeout=3)
    await client.chat_delete(channel=CHANNEL, ts=parent.slack_ts)  # done just before the crash
    await restart(db, fake_slack, clock)
    item = await repo.get(db.reader, "notice:1:delete")
    assert item is not None and item.state is OutboxState.SENT


async def test_a_lost_answer_after_a_long_back_off_is_found_not_posted_again(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    """An attempt that landed before a back-off of over 5 minutes is still found (found by review)."""
    clock = FrozenClock(datetime.now(UTC).replace(microsecond=0))
    fake_slack.add_channel("C0REVIEW1", "review")
    bot = await Bot(tmp_path / "echobot.db", fake_slack, clock).start()
    try:
        async with bot.db.transaction() as tx:
            await repo.enqueue(tx, key="review:1", target="C0REVIEW1", now=clock.now(), message=Message(text="hello"))
            await tx.execute("UPDATE outbox SET attempts = 5 WHERE key = 'review:1'")  # 5 failures during an incident
        # the 6th attempt reaches Slack but its answer is lost, and the lookup after it fails too (500)
        fake_slack.fail("chat.postMessage", lost=True, times=1)
        original, lookups = fake_slack._pick_fault, [0]

        def pick(method: str) -> Fault | None:
            if method == "conversations.history":
                lookups[0] += 1
                if lookups[0] > 1:
                    return Fault(method, 500)
            return original(method)

        fake_slack._pick_fault = pick  # type: ignore[method-assign]
        await bot.settle()
        row = await repo.get(bot.db.reader, "review:1")
        assert row is not None and row.not_before is not None
        fake_slack.faults.clear()
        fake_slack._pick_fault = original  # type: ignore[method-assign]
        clock.set(row.not_before + timedelta(seconds=1))  # more than 5 minutes after the landed attempt
        await bot.settle()
        posts = [m for m in fake_slack.messages.values() if m.get("text") == "hello"]
        assert len(posts) == 1, f"posted {len(posts)} times"
    finally:
        await bot.stop()
