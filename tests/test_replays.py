"""Replays and double clicks of every inbound kind, concurrently: nothing is done or said twice."""

from __future__ import annotations

from echobot.storage import audit, cases, evaluations
from tests.harness import Bot
from tests.replaying import ALICE, duplicates, run_scenario

COPIES = 8  # each of ~25 requests sent 8 times at once: ~200 replays (bench/replays.py sends 1,000+)


async def test_every_inbound_kind_replayed_concurrently_makes_no_duplicate(bot: Bot) -> None:
    tally = await run_scenario(bot, COPIES)
    assert tally.sent >= 150
    found = await duplicates(bot)
    assert not found and not tally.seen_twice, (found, tally.seen_twice)
    assert tally.differing_answers == [], "identical requests got different answers"
    [case] = await cases.of_submitter(bot.db.reader, ALICE)
    assert case.state.value == "needs_info" and case.owner == "USPEC00001" and case.session_id == 1
    assert len(await evaluations.credits_of(bot.db.reader, ALICE)) == 1
    actions = sorted(e.action for e in await audit.recent(bot.db.reader))
    assert actions == ["attendance.adjust", "case.ask_info", "case.claim", "case.schedule", "program.create",
                       "program.edit", "session.code", "session.edit"]  # fmt: skip
