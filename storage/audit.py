"""The audit log of privileged actions: who did what, to what, when."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select

from echobot.models import AuditEntry
from echobot.storage import hub
from echobot.storage.codec import from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import starts_with
from echobot.storage.tables import audit_log as A


async def record(
    tx: Tx, at: datetime, actor: str, action: str, subject: str | None = None, detail: dict[str, Any] | None = None
) -> None:
    await tx.execute(
        insert(A).values(hub_id=hub.current(), at=to_db(at), actor=actor, action=action, subject=subject,
                         detail=None if detail is None else json.dumps(detail, sort_keys=True))
    )  # fmt: skip


async def recent(db: Reader, limit: int = 100, action_prefix: str = "") -> list[AuditEntry]:
    query = select(A.c.at, A.c.actor, A.c.action, A.c.subject, A.c.detail).where(A.c.hub_id == hub.current())
    query = query.order_by(A.c.id.desc()).limit(limit)
    if action_prefix:
        query = query.where(starts_with(A.c.action, action_prefix))
    return [
        AuditEntry(
            at=from_db(row.at),
            actor=row.actor,
            action=row.action,
            subject=row.subject,
            detail=None if row.detail is None else json.loads(row.detail),
        )
        for row in await db.fetchall(query)
    ]
