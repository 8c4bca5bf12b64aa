"""Attendance imported from the video tool's report: each import (who, when, what it said), the minutes it
recorded per person, and coordinators' waivers of the minutes a program asks for credit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select

from echobot.storage import hub
from echobot.storage.codec import from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert as upsert
from echobot.storage.tables import attendance_imports as I
from echobot.storage.tables import attendance_minutes as M
from echobot.storage.tables import attendance_waivers as W
from echobot.storage.tables import providers


@dataclass(frozen=True)
class ImportRecord:
    id: int
    session_id: int
    digest: str
    actor: str
    at: datetime
    filename: str
    rows_read: int
    replaces: int | None


async def latest(db: Reader, session_id: int) -> ImportRecord | None:
    """The import in force for a session (the newest)."""
    row = await db.fetchone(select(I).where(I.c.session_id == session_id).order_by(I.c.id.desc()).limit(1))
    if row is None:
        return None
    return ImportRecord(id=row.id, session_id=row.session_id, digest=row.digest, actor=row.actor, at=from_db(row.at),
                        filename=row.filename, rows_read=row.rows_read, replaces=row.replaces)  # fmt: skip


async def record(tx: Tx, session_id: int, digest: str, actor: str, at: datetime, filename: str, rows_read: int,
                 replaces: int | None, minutes: dict[str, tuple[int, bool]]) -> int:  # fmt: skip
    """A new import and its minutes ({user: (minutes, added by this import or the one it replaces)})."""
    new_id = await tx.scalar(
        insert(I).values(session_id=session_id, digest=digest, actor=actor, at=to_db(at), filename=filename[:200],
                         rows_read=rows_read, replaces=replaces).returning(I.c.id)
    )  # fmt: skip
    if minutes:
        await tx.execute(insert(M), [{"import_id": new_id, "user_id": user, "minutes": value, "added": int(added)}
                                     for user, (value, added) in minutes.items()])  # fmt: skip
    return int(new_id)


async def minutes_of(db: Reader, import_id: int) -> dict[str, tuple[int, bool]]:
    rows = await db.fetchall(select(M.c.user_id, M.c.minutes, M.c.added).where(M.c.import_id == import_id))
    return {row.user_id: (row.minutes, bool(row.added)) for row in rows}


async def minutes(db: Reader, session_id: int, user_id: str) -> tuple[bool, int]:
    """(whether the session has an imported report, this person's minutes in it: 0 when absent)."""
    current = await latest(db, session_id)
    if current is None:
        return False, 0
    found = await db.scalar(select(M.c.minutes).where(M.c.import_id == current.id, M.c.user_id == user_id))
    return True, int(found or 0)


async def minutes_by_user(db: Reader, session_ids: list[int]) -> dict[str, int]:
    """Each person's minutes summed over these sessions' imports in force."""
    if not session_ids:
        return {}
    newest = (select(func.max(I.c.id)).where(I.c.session_id.in_(session_ids)).group_by(I.c.session_id))
    rows = await db.fetchall(
        select(M.c.user_id, func.sum(M.c.minutes).label("total")).where(M.c.import_id.in_(newest))
        .group_by(M.c.user_id)
    )  # fmt: skip
    return {row.user_id: int(row.total) for row in rows}


async def waive(tx: Tx, session_id: int, user_id: str, actor: str, reason: str, at: datetime) -> bool:
    """A coordinator lets this person have credit whatever the report's minutes; False when already so."""
    inserted = await tx.execute(
        upsert(W, tx.dialect).values(session_id=session_id, user_id=user_id, actor=actor, reason=reason, at=to_db(at))
        .on_conflict_do_nothing()
    )  # fmt: skip
    return inserted > 0


async def waived(db: Reader, session_id: int, user_id: str) -> bool:
    found = await db.scalar(select(W.c.user_id).where(W.c.session_id == session_id, W.c.user_id == user_id))
    return found is not None


async def directory(db: Reader) -> list[tuple[str, str, str]]:
    """(user id, name, e-mail) of every registered provider: what a report's rows are matched against."""
    rows = await db.fetchall(
        select(providers.c.user_id, providers.c.name, providers.c.email).where(providers.c.hub_id == hub.current())
    )
    return [(row.user_id, row.name, row.email) for row in rows]
