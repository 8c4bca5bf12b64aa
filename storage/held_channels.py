"""Hub review channels held because Slack said they were shared with another organization (channel_shared):
nothing is sent to a held channel (the outbox's rows for it wait) until Slack says it is not (channel_unshared)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, exists, func, select

from echobot.models import OutboxState
from echobot.storage import hub
from echobot.storage.codec import to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert
from echobot.storage.tables import held_channels as HC
from echobot.storage.tables import outbox as O

OUTBOX_TOPIC = "outbox"  # storage.outbox.TOPIC: a hold let go wakes the dispatcher


def holding(hub_id: Any, target: Any) -> Any:
    """A condition on outbox columns: the row's target is a channel its hub holds (the row waits)."""
    return exists().where(HC.c.hub_id == hub_id, HC.c.channel_id == target)


async def hold(tx: Tx, channel: str, episode: str, at: datetime) -> bool:
    """Hold the current hub's `channel`; False when it was held already (a repeated event changes nothing)."""
    inserted = await tx.fetchall(
        insert(HC, tx.dialect)
        .values(hub_id=hub.current(), channel_id=channel, episode=episode, since=to_db(at))
        .on_conflict_do_nothing(index_elements=["hub_id", "channel_id"])
        .returning(HC.c.channel_id)
    )
    return bool(inserted)


async def episode(db: Reader, channel: str) -> str | None:
    """The share that holds the current hub's `channel` (its event_ts), None when it is not held."""
    return await db.scalar(select(HC.c.episode).where(HC.c.hub_id == hub.current(), HC.c.channel_id == channel))


async def held(db: Reader) -> list[str]:
    """The current hub's held channels."""
    rows = await db.fetchall(select(HC.c.channel_id).where(HC.c.hub_id == hub.current()).order_by(HC.c.channel_id))
    return [row[0] for row in rows]


async def release(tx: Tx, channel: str) -> str | None:
    """Let the current hub's `channel` go (what waited for it is sent); the episode it was held for, or None
    when it was not held."""
    held = await episode(tx, channel)
    if held is None:
        return None
    await tx.execute(delete(HC).where(HC.c.hub_id == hub.current(), HC.c.channel_id == channel))
    tx.touch(OUTBOX_TOPIC)
    return held


async def waiting(db: Reader, channel: str) -> int:
    """How many of the current hub's messages wait for `channel`."""
    live = (OutboxState.PENDING.value, OutboxState.SENDING.value)
    return int(await db.scalar(
        select(func.count()).select_from(O).where(O.c.hub_id == hub.current(), O.c.target == channel,
                                                   # written into the SQL, so the partial lane index applies
                                                   O.c.state.in_(bindparam("live", list(live), expanding=True,
                                                                           literal_execute=True)))
    ))  # fmt: skip
