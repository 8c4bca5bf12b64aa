"""The audit log of privileged actions: who did what, to what, when."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from echobot.models import AuditEntry
from echobot.storage.codec import from_db, to_db
from echobot.storage.database import Reader, Tx


async def record(
    tx: Tx, at: datetime, actor: str, action: str, subject: str | None = None, detail: dict[str, Any] | None = None
) -> None:
    await tx.execute(
        "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
        (to_db(at), actor, action, subject, None if detail is None else json.dumps(detail, sort_keys=True)),
    )


async def recent(db: Reader, limit: int = 100, action_prefix: str = "") -> list[AuditEntry]:
    rows = await db.fetchall(
        "SELECT at, actor, action, subject, detail FROM audit_log WHERE action LIKE ? ORDER BY id DESC LIMIT ?",
        (action_prefix + "%", limit),
    )
    return [
        AuditEntry(
            at=from_db(row["at"]),
            actor=row["actor"],
            action=row["action"],
            subject=row["subject"],
            detail=None if row["detail"] is None else json.loads(row["detail"]),
        )
        for row in rows
    ]
