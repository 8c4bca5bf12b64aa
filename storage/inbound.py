"""Inbound Events API deliveries already seen, so that Slack's retries are handled once."""

from __future__ import annotations

from datetime import datetime, timedelta

from echobot.storage.codec import to_db
from echobot.storage.database import Tx


async def first_sighting(tx: Tx, event_id: str, at: datetime) -> bool:
    """Record `event_id`; True when it had not been seen before."""
    inserted = await tx.execute(
        "INSERT INTO inbound_events (event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (event_id, to_db(at)),
    )
    return inserted > 0


async def forget_before(tx: Tx, before: datetime) -> int:
    """Drop ids older than Slack's retry horizon (retries come within minutes)."""
    return await tx.execute("DELETE FROM inbound_events WHERE received_at < ?", (to_db(before),))


RETRY_HORIZON = timedelta(days=1)
