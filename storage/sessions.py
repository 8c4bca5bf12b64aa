"""Sessions: the occurrences of programs' schedules."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, select, update
from sqlalchemy import delete as sql_delete

from echobot.models import Session, SessionStatus
from echobot.storage import hub
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert
from echobot.storage.tables import sessions as S

MAX_DURATION = timedelta(minutes=240)


def _from_row(row: Row[Any]) -> Session:
    return Session(
        id=row.id,
        program_id=row.program_id,
        occurrence=date.fromisoformat(row.occurrence),
        starts_at=from_db(row.starts_at),
        duration_minutes=row.duration_minutes,
        topic=row.topic,
        presenter=row.presenter,
        status=SessionStatus(row.status),
        cancel_reason=row.cancel_reason,
        moved=bool(row.moved),
        attendance_code=row.attendance_code,
        ended_at=opt_from_db(row.ended_at),
        created_at=from_db(row.created_at),
    )


async def add(
    tx: Tx, program_id: int, occurrences: Iterable[tuple[date, datetime]], duration: int, now: datetime
) -> list[Session]:
    """Create the sessions not there yet (one per program and occurrence date); returns the new ones."""
    created_at = to_db(now)
    values = [
        {"program_id": program_id, "occurrence": occurrence.isoformat(), "starts_at": to_db(start),
         "duration_minutes": duration, "created_at": created_at}
        for occurrence, start in occurrences
    ]  # fmt: skip
    if not values:
        return []
    statement = insert(S, tx.dialect).on_conflict_do_nothing(index_elements=["program_id", "occurrence"])
    rows = await tx.fetchall(statement.returning(*S.c), values)
    return sorted((_from_row(row) for row in rows), key=lambda session: (session.starts_at, session.id))


async def get(db: Reader, session_id: int) -> Session | None:
    row = await db.fetchone(select(S).where(S.c.id == session_id, hub.owns_program(S.c.program_id)))
    return None if row is None else _from_row(row)


async def of_program(db: Reader, program_id: int, since: datetime, until: datetime) -> list[Session]:
    rows = await db.fetchall(
        select(S).where(S.c.program_id == program_id, S.c.starts_at >= to_db(since), S.c.starts_at < to_db(until))
        .order_by(S.c.starts_at)
    )  # fmt: skip
    return [_from_row(row) for row in rows]


async def upcoming(db: Reader, program_ids: list[int], now: datetime, until: datetime,
                   status: SessionStatus = SessionStatus.SCHEDULED) -> list[Session]:  # fmt: skip
    """Sessions of these programs in `status` (scheduled) that have not ended, soonest first."""
    if not program_ids:
        return []
    rows = await db.fetchall(
        select(S)
        .where(S.c.program_id.in_(program_ids), S.c.status == status.value, S.c.starts_at < to_db(until),
               S.c.starts_at >= to_db(now - MAX_DURATION))
        .order_by(S.c.starts_at, S.c.id)
    )  # fmt: skip
    return [session for session in map(_from_row, rows) if session.ends_at > now]


async def next_of(db: Reader, program_id: int, now: datetime,
                  status: SessionStatus = SessionStatus.SCHEDULED) -> Session | None:  # fmt: skip
    row = await db.fetchone(
        select(S).where(S.c.program_id == program_id, S.c.status == status.value, S.c.starts_at >= to_db(now))
        .order_by(S.c.starts_at).limit(1)
    )  # fmt: skip
    return None if row is None else _from_row(row)


async def recent(db: Reader, program_ids: list[int], since: datetime, now: datetime,
                 leave_out: SessionStatus = SessionStatus.CANCELLED) -> list[Session]:  # fmt: skip
    """Sessions that started between `since` and `now` (not cancelled), newest first."""
    if not program_ids:
        return []
    rows = await db.fetchall(
        select(S)
        .where(S.c.program_id.in_(program_ids), S.c.status != leave_out.value, S.c.starts_at >= to_db(since),
               S.c.starts_at <= to_db(now))
        .order_by(S.c.starts_at.desc()).limit(50)
    )  # fmt: skip
    return [_from_row(row) for row in rows]


async def move(tx: Tx, session_id: int, starts_at: datetime, *, moved: bool, occurrence: date | None = None) -> None:
    values: dict[str, Any] = {"starts_at": to_db(starts_at), "moved": int(moved)}
    if occurrence is not None:
        values["occurrence"] = occurrence.isoformat()
    await tx.execute(update(S).where(S.c.id == session_id).values(**values))


async def set_details(tx: Tx, session_id: int, topic: str | None, presenter: str | None) -> None:
    await tx.execute(update(S).where(S.c.id == session_id).values(topic=topic, presenter=presenter))


async def set_duration(tx: Tx, session_id: int, minutes: int) -> None:
    await tx.execute(update(S).where(S.c.id == session_id).values(duration_minutes=minutes))


async def cancel(tx: Tx, session_id: int, reason: str) -> bool:
    changed = await tx.execute(
        update(S).where(S.c.id == session_id, S.c.status == SessionStatus.SCHEDULED.value)
        .values(status=SessionStatus.CANCELLED.value, cancel_reason=reason)
    )  # fmt: skip
    return changed > 0


async def delete(tx: Tx, session_id: int) -> None:
    await tx.execute(sql_delete(S).where(S.c.id == session_id))


async def end(tx: Tx, session_id: int, at: datetime, *, early: bool) -> bool:
    """Scheduled -> ended, once. `early` records the moment as the actual end."""
    changed = await tx.execute(
        update(S).where(S.c.id == session_id, S.c.status == SessionStatus.SCHEDULED.value)
        .values(status=SessionStatus.ENDED.value, ended_at=to_db(at) if early else None)
    )  # fmt: skip
    return changed > 0


async def set_code(tx: Tx, session_id: int, code: str | None) -> None:
    await tx.execute(update(S).where(S.c.id == session_id).values(attendance_code=code))
