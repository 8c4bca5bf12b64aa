"""Coordinators added in Slack (the first ones come from configuration and have no row)."""

from __future__ import annotations

from datetime import datetime

from echobot.storage.codec import to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.providers import TOPIC


async def is_coordinator(db: Reader, user_id: str) -> bool:
    return await db.fetchone("SELECT 1 FROM coordinators WHERE user_id = ?", (user_id,)) is not None


async def all_ids(db: Reader) -> list[str]:
    return [row[0] for row in await db.fetchall("SELECT user_id FROM coordinators ORDER BY added_at")]


async def add(tx: Tx, user_id: str, added_by: str, at: datetime) -> bool:
    tx.touch(TOPIC)
    inserted = await tx.execute(
        "INSERT INTO coordinators (user_id, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        (user_id, added_by, to_db(at)),
    )
    return inserted > 0


async def remove(tx: Tx, user_id: str) -> bool:
    tx.touch(TOPIC)
    return await tx.execute("DELETE FROM coordinators WHERE user_id = ?", (user_id,)) > 0
