"""Coordinators added in Slack (the first ones come from configuration and have no row)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select

from echobot.storage import hub
from echobot.storage.codec import to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.providers import TOPIC
from echobot.storage.sql import insert
from echobot.storage.tables import coordinators as K


async def is_coordinator(db: Reader, user_id: str) -> bool:
    found = select(K.c.user_id).where(K.c.hub_id == hub.current(), K.c.user_id == user_id)
    return await db.fetchone(found) is not None


async def all_ids(db: Reader) -> list[str]:
    found = select(K.c.user_id).where(K.c.hub_id == hub.current()).order_by(K.c.added_at, K.c.user_id)
    return [row[0] for row in await db.fetchall(found)]


async def add(tx: Tx, user_id: str, added_by: str, at: datetime) -> bool:
    tx.touch(TOPIC)
    inserted = await tx.execute(
        insert(K, tx.dialect).values(hub_id=hub.current(), user_id=user_id, added_by=added_by, added_at=to_db(at))
        .on_conflict_do_nothing()
    )
    return inserted > 0


async def remove(tx: Tx, user_id: str) -> bool:
    tx.touch(TOPIC)
    return await tx.execute(delete(K).where(K.c.hub_id == hub.current(), K.c.user_id == user_id)) > 0
