"""The periodic prune forgets what only matters for a while: dispatcher lanes idle and unowned for a day,
shared request answers past the signature's freshness, event ids past Slack's retries."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from echobot.storage.tables import inbound_events, lanes, request_answers
from tests.harness import Bot
from tests.scenarios import ALICE, direct_message, register

BOB = "U0BOB00001"


async def lane_targets(bot: Bot) -> set[str]:
    return {row.target for row in await bot.db.reader.fetchall(select(lanes.c.target))}


async def test_lanes_idle_for_a_day_are_pruned_and_made_again_when_needed(bot: Bot) -> None:
    assert bot.runtime is not None
    await register(bot, ALICE)
    await direct_message(bot, ALICE, "note:alice")
    assert len(bot.fake.posts_to(ALICE)) == 1  # the dispatcher used her DM lane
    assert ALICE in await lane_targets(bot)

    bot.clock.advance(timedelta(hours=23))
    bot.fake.add_user(BOB, "Bob Tsosie")
    await register(bot, BOB)
    await direct_message(bot, BOB, "note:bob")
    await bot.runtime.prune()
    assert ALICE in await lane_targets(bot) and BOB in await lane_targets(bot)  # less than a day idle: kept

    bot.clock.advance(timedelta(hours=2))
    await bot.runtime.prune()
    targets = await lane_targets(bot)
    assert ALICE not in targets and BOB in targets  # hers idle for 25 hours; his for 2
    assert len(bot.fake.posts_to(ALICE)) == 1 and len(bot.fake.posts_to(BOB)) == 1  # nothing sent again


async def test_request_answers_and_event_ids_do_not_grow_without_end(bot: Bot) -> None:
    assert bot.runtime is not None
    async with bot.db.transaction() as tx:
        old = "2026-01-01T00:00:00.000000Z"
        await tx.execute(request_answers.insert().values(key="k1", owner="p", claimed_at=old))
        await tx.execute(inbound_events.insert().values(event_id="Ev1", received_at=old))
    await bot.runtime.prune()
    assert await bot.db.reader.fetchall(select(inbound_events.c.event_id)) == []
    if bot.runtime.replays.shared is not None:  # shared answers are kept in the database on PostgreSQL only
        assert await bot.db.reader.fetchall(select(request_answers.c.key)) == []
