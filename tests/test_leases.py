"""Several dispatchers on one database, as several processes would be: each on its own Database object,
sharing the fake Slack. Rows and lanes are claimed with leases; a dispatcher that dies loses them when they run
out; pacing holds across dispatchers; a row with transient errors does not hold its channel for long."""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from echobot.clock import FrozenClock
from echobot.dispatcher import Dispatcher
from echobot.models import Message, OutboxState
from echobot.slack_client import build_client
from echobot.storage import Database
from echobot.storage import lanes as lanes_repo
from echobot.storage import outbox as repo
from tests import backends
from tests.fake_slack import BOT_TOKEN, FakeSlack
from tests.harness import Bot
from tests.processes import eventually

CHANNEL = "C0PROGRAM"
LEASE = timedelta(seconds=30)


@pytest.fixture
async def dbs(tmp_path: Path, backend: backends.Backend) -> AsyncIterator[list[Database]]:
    """Three handles on one database: the processes (on this run's backend: asked for first)."""
    url = backends.database(tmp_path / "shared.db")
    opened = [await Database.open(url) for _ in range(3)]
    yield opened
    for db in opened:
        await db.close()


def dispatcher_for(db: Database, fake: FakeSlack, clock: FrozenClock, **options: object) -> Dispatcher:
    client = build_client(BOT_TOKEN, fake.api_url, timeout=3, sleep=clock.sleep)
    return Dispatcher(db, client, clock, **{"pacing": 0.0, "lease": LEASE, **options})  # type: ignore[arg-type]


async def plan(db: Database, clock: FrozenClock, key: str, target: str = CHANNEL, **options: object) -> None:
    async with db.transaction() as tx:
        await repo.enqueue(tx, key=key, target=target, message=Message(text=f"text of {key}"), now=clock.now(),
                           **options)  # type: ignore[arg-type]  # fmt: skip


def posts_with_key(fake: FakeSlack, key: str) -> int:
    return sum(1 for call in fake.calls_to("chat.postMessage")
               if ((call.args.get("metadata") or {}).get("event_payload") or {}).get("key") == key)  # fmt: skip


class PacedClock(FrozenClock):
    """A frozen clock whose sleeps take real time: the pacing itself is what the fake records."""

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)




async def test_three_dispatchers_send_each_row_once_in_order_and_paced(
    dbs: list[Database], fake_slack: FakeSlack
) -> None:
    clock = PacedClock(datetime(2026, 11, 2, 14, 0, tzinfo=UTC))
    pacing = 0.15
    sent_by: dict[int, list[str]] = defaultdict(list)
    dispatchers = []
    for n, db in enumerate(dbs):
        dispatcher = dispatcher_for(db, fake_slack, clock, pacing=pacing, poll=0.05,
                                    on_outcome=sent_by[n].append)  # fmt: skip
        dispatcher.start()
        dispatchers.append(dispatcher)
    channels = [f"C0CHAN{m}" for m in range(4)]
    keys = []
    try:
        for wave in range(3):  # each wave planned through another process
            db = dbs[wave % 3]
            for n in range(3):
                for channel in channels:
                    keys.append(f"{channel}:{wave}:{n}")
                    await plan(db, clock, keys[-1], target=channel)
            await fake_slack.wait_for("chat.postMessage", count=len(keys), timeout=20)
            await asyncio.sleep(2 * pacing)  # the lanes go idle and are given up; the next wave may go elsewhere
    finally:
        for dispatcher in dispatchers:
            await dispatcher.stop()
    posts = fake_slack.calls_to("chat.postMessage")
    assert all(posts_with_key(fake_slack, key) == 1 for key in keys) and len(posts) == len(keys)
    for channel in channels:
        to_channel = [c for c in posts if c.args["channel"] == channel]
        assert [c.args["text"] for c in to_channel] == [f"text of {k}" for k in keys if k.startswith(channel)]
        assert min(b.at - a.at for a, b in itertools.pairwise(to_channel)) >= pacing - 0.01
    sent = [outcomes.count("sent") for outcomes in sent_by.values()]
    assert sum(sent) == len(keys) and len([n for n in sent if n]) >= 2  # the work was shared
    rows = [await repo.get(dbs[0].reader, key) for key in keys]
    assert all(row is not None and row.state is OutboxState.SENT for row in rows)
    assert await lanes_repo.owned(dbs[0].reader, clock.now()) == 0  # every lane given up


async def test_a_new_lane_owner_waits_out_the_pacing_from_the_last_call(
    dbs: list[Database], fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    """Another process called Slack for the channel a moment ago and gave the lane up."""
    async with dbs[0].transaction() as tx:
        await lanes_repo.acquire(tx, [CHANNEL], "other", clock.now(), clock.now() + LEASE)
        await lanes_repo.release(tx, CHANNEL, "other", clock.now() - timedelta(seconds=0.25))
    await plan(dbs[1], clock, "k1")
    await dispatcher_for(dbs[1], fake_slack, clock, pacing=1.0).run_until_idle()
    assert clock.slept[0] == 0.75 and posts_with_key(fake_slack, "k1") == 1


async def test_a_killed_dispatcher_s_rows_are_taken_over_when_its_lease_runs_out(
    dbs: list[Database], fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await plan(dbs[0], clock, "k1")
    await plan(dbs[0], clock, "k2")
    doomed = dispatcher_for(dbs[0], fake_slack, clock)

    async def never_recorded(*_args: object) -> None:  # the process dies after Slack took the post
        await asyncio.Event().wait()

    doomed.recorder.sent = never_recorded  # type: ignore[method-assign]
    run = asyncio.create_task(doomed.run_until_idle())
    await fake_slack.wait_for("chat.postMessage", count=1)
    run.cancel()  # killed: nothing given back, its leases left in the database
    await asyncio.gather(run, return_exceptions=True)
    row = await repo.get(dbs[1].reader, "k1")
    assert row is not None and row.state is OutboxState.SENDING and not row.in_doubt

    survivor = dispatcher_for(dbs[1], fake_slack, clock)
    await survivor.run_until_idle()
    assert posts_with_key(fake_slack, "k2") == 0  # the dead process's lane is still leased: k2 waits behind k1
    clock.advance(LEASE + timedelta(seconds=1))
    await survivor.run_until_idle()
    assert posts_with_key(fake_slack, "k1") == 1 and posts_with_key(fake_slack, "k2") == 1
    assert survivor.takeovers == 1 and survivor.resends_prevented == 1  # found in the history, not posted again
    assert [c.args["text"] for c in fake_slack.calls_to("chat.postMessage")] == ["text of k1", "text of k2"]
    for key in ("k1", "k2"):
        row = await repo.get(dbs[1].reader, key)
        assert row is not None and row.state is OutboxState.SENT and not row.in_doubt


async def test_a_killed_dispatcher_s_row_slack_never_got_is_sent_once(
    dbs: list[Database], fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await plan(dbs[0], clock, "k1")
    doomed = dispatcher_for(dbs[0], fake_slack, clock)
    called = asyncio.Event()

    async def dies_before_calling(*_args: object) -> None:
        called.set()
        await asyncio.Event().wait()

    doomed.transport.send = dies_before_calling  # type: ignore[method-assign,assignment]
    run = asyncio.create_task(doomed.run_until_idle())
    await asyncio.wait_for(called.wait(), 5)
    run.cancel()
    await asyncio.gather(run, return_exceptions=True)
    clock.advance(LEASE + timedelta(seconds=1))
    survivor = dispatcher_for(dbs[1], fake_slack, clock)
    await survivor.run_until_idle()
    assert posts_with_key(fake_slack, "k1") == 1 and survivor.takeovers == 1 and survivor.resends_prevented == 0
    assert fake_slack.calls_to("conversations.history")  # looked for before it was sent


async def test_a_live_dispatcher_renews_its_leases_while_a_send_is_slow(
    dbs: list[Database], fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    await plan(dbs[0], clock, "k1")
    slow = dispatcher_for(dbs[0], fake_slack, clock, renew_every=0.02)
    answer = asyncio.Event()
    send = slow.transport.send

    async def slow_send(*args: object) -> tuple[str | None, str | None]:
        await answer.wait()  # Slack takes its time (a long Retry-After, say)
        return await send(*args)  # type: ignore[arg-type]

    slow.transport.send = slow_send  # type: ignore[method-assign,assignment]
    run = asyncio.create_task(slow.run_until_idle())
    other = dispatcher_for(dbs[1], fake_slack, clock)
    for _ in range(3):  # 60 s in all, twice the lease
        clock.advance(timedelta(seconds=20))

        async def renewed() -> bool:
            row = await repo.get(dbs[1].reader, "k1")
            return row is not None and row.state is OutboxState.SENDING and row.lease_until == clock.now() + LEASE

        await eventually(renewed, "the lease was renewed")
        await other.run_until_idle()
    assert other.takeovers == 0 and fake_slack.calls_to("chat.postMessage") == []
    answer.set()
    await run
    assert posts_with_key(fake_slack, "k1") == 1
    row = await repo.get(dbs[1].reader, "k1")
    assert row is not None and row.state is OutboxState.SENT and row.lease_until is None


@pytest.mark.parametrize("fault", [{"status": 500, "times": 15}, {"error": "ratelimited", "times": 3}],
                         ids=["5xx", "ratelimited"])  # fmt: skip
async def test_a_failing_row_steps_aside_and_the_channel_s_later_rows_go(
    dbs: list[Database], fake_slack: FakeSlack, clock: FrozenClock, fault: dict[str, int | str]
) -> None:
    """After three transient failures (10 s and 20 s of back-off holding the lane) the row steps aside: the
    independent row behind it goes; its thread reply waits for it and follows it, in order."""
    fake_slack.fail("chat.postMessage", **fault)  # type: ignore[arg-type]
    await plan(dbs[0], clock, "case:1")
    await plan(dbs[0], clock, "notice:2")
    await plan(dbs[0], clock, "case:1:thread:1", parent_key="case:1")
    dispatcher = dispatcher_for(dbs[0], fake_slack, clock, step_aside_after=3)
    for attempt in (1, 2, 3):
        await dispatcher.run_until_idle()
        row = await repo.get(dbs[0].reader, "case:1")
        assert row is not None and row.attempts == attempt and row.state is OutboxState.PENDING
        assert row.not_before is not None
        if attempt < 3:
            assert fake_slack.calls_to("chat.postMessage") == []  # within the bound the lane is held: order
            clock.set(row.not_before)
    assert row.aside and [c.args["text"] for c in fake_slack.calls_to("chat.postMessage")] == ["text of notice:2"]
    reply = await repo.get(dbs[0].reader, "case:1:thread:1")
    assert reply is not None and reply.state is OutboxState.PENDING and reply.aside
    clock.set(row.not_before)
    await dispatcher.run_until_idle()
    texts = [c.args["text"] for c in fake_slack.calls_to("chat.postMessage")]
    assert texts == ["text of notice:2", "text of case:1", "text of case:1:thread:1"]
    posts = fake_slack.calls_to("chat.postMessage")
    assert posts[2].args["thread_ts"] == posts[1].response["ts"]


async def test_a_take_over_shows_in_metrics_and_health(bot: Bot, fake_slack: FakeSlack) -> None:
    """Through the running app: a row another process claimed and never finished is taken over."""
    async with bot.db.transaction() as tx:
        await repo.enqueue(tx, key="notice:1", target=CHANNEL, message=Message(text="Notice"), now=bot.clock.now())
        await lanes_repo.acquire(tx, [CHANNEL], "dead-process", bot.clock.now(), bot.clock.now() + LEASE)
        assert await repo.claim_head(tx, CHANNEL, bot.clock.now(), owner="dead-process",
                                     lease_until=bot.clock.now() + LEASE)  # fmt: skip
    await bot.settle()
    assert fake_slack.posts_to(CHANNEL) == []
    async with aiohttp.ClientSession() as session, session.get(bot.base_url + "/healthz") as response:
        body = await response.json()
    assert body["queue"] == {"sending": 1, "lanes_owned": 1} and body["process"]["lease_takeovers"] == 0
    bot.clock.advance(LEASE + timedelta(seconds=1))
    await bot.settle()
    assert [m["text"] for m in fake_slack.posts_to(CHANNEL)] == ["Notice"]
    async with aiohttp.ClientSession() as session:
        async with session.get(bot.base_url + "/healthz") as response:
            body = await response.json()
        async with session.get(bot.base_url + "/metrics") as response:
            metrics = await response.text()
    assert body["process"]["lease_takeovers"] == 1 and body["queue"] == {"sending": 0, "lanes_owned": 0}
    assert "echobot_outbox_lease_takeovers_total 1.0" in metrics
