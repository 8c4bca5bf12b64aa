"""Inbound Events API deliveries already seen, so that Slack's retries are handled once."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select

from echobot.storage.codec import to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert
from echobot.storage.tables import inbound_events as I


async def first_sighting(tx: Tx, event_id: str, at: datetime) -> bool:
    """Record `event_id`; True when it had not been seen before."""
    inserted = await tx.execute(
        insert(I, tx.dialect).values(event_id=event_id, received_at=to_db(at)).on_conflict_do_nothing()
    )
    return inserted > 0


async def forget_before(tx: Tx, before: datetime) -> int:
    """Drop ids older than Slack's retry horizon (retries come within minutes)."""
    return await tx.execute(delete(I).where(I.c.received_at < to_db(before)))


RETRY_HORIZON = timedelta(days=1)


def _submission_key(view_id: str, purpose: str) -> str:
    return f"view:{view_id}:{purpose}"


async def submitted(db: Reader, view_id: str, purpose: str) -> bool:
    """True when this modal submission (Slack's view id) already succeeded for `purpose`."""
    if not view_id:
        return False
    row = await db.fetchone(select(I.c.event_id).where(I.c.event_id == _submission_key(view_id, purpose)))
    return row is not None


async def remember_submission(tx: Tx, view_id: str, purpose: str, at: datetime) -> None:
    """Record a successful modal submission, in the transaction of its change, so that a resent one is a no-op.
    Only success is recorded: a submission refused with field errors is corrected and submitted again."""
    if view_id:
        await first_sighting(tx, _submission_key(view_id, purpose), at)
