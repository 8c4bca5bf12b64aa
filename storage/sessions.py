"""Sessions: the occurrences of programs' schedules."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from echobot.models import Session, SessionStatus
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader, Tx

MAX_DURATION = timedelta(minutes=240)


def _from_row(row: sqlite3.Row) -> Session:
    return Session(
        id=row["id"],
        program_id=row["program_id"],
        occurrence=date.fromisoformat(row["occurrence"]),
        starts_at=from_db(row["starts_at"]),
        duration_minutes=row["duration_minutes"],
        topic=row["topic"],
        presenter=row["presenter"],
        status=SessionStatus(row["status"]),
        cancel_reason=row["cancel_reason"],
        moved=bool(row["moved"]),
        attendance_code=row["attendance_code"],
        ended_at=opt_from_db(row["ended_at"]),
        created_at=from_db(row["created_at"]),
    )


async def add(
    tx: Tx, program_id: int, occurrences: Iterable[tuple[date, datetime]], duration: int, now: datetime
) -> list[Session]:
    """Create the sessions not there yet (one per program and occurrence date); returns the new ones."""
    before = int(await tx.scalar("SELECT coalesce(max(id), 0) FROM sessions"))
    created_at = to_db(now)
    await tx.executemany(
        "INSERT INTO sessions (program_id, occurrence, starts_at, duration_minutes, created_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (program_id, occurrence) DO NOTHING",
        [(program_id, occurrence.isoformat(), to_db(start), duration, created_at) for occurrence, start in occurrences],
    )
    # ids only grow (AUTOINCREMENT), so the new rows are those above the old maximum
    rows = await tx.fetchall(
        "SELECT * FROM sessions WHERE program_id = ? AND id > ? ORDER BY starts_at", (program_id, before)
    )
    return [_from_row(row) for row in rows]


async def get(db: Reader, session_id: int) -> Session | None:
    row = await db.fetchone("SELECT * FROM sessions WHERE id = ?", (session_id,))
    return None if row is None else _from_row(row)


async def of_program(db: Reader, program_id: int, since: datetime, until: datetime) -> list[Session]:
    rows = await db.fetchall(
        "SELECT * FROM sessions WHERE program_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at",
        (program_id, to_db(since), to_db(until)),
    )
    return [_from_row(row) for row in rows]


async def upcoming(db: Reader, program_ids: list[int], now: datetime, until: datetime) -> list[Session]:
    """Scheduled sessions of these programs that have not ended, soonest first."""
    if not program_ids:
        return []
    marks = ",".join("?" * len(program_ids))
    rows = await db.fetchall(
        f"SELECT * FROM sessions WHERE program_id IN ({marks}) AND status = 'scheduled'"
        " AND starts_at < ? AND starts_at >= ? ORDER BY starts_at, id",
        (*program_ids, to_db(until), to_db(now - MAX_DURATION)),
    )
    return [session for session in map(_from_row, rows) if session.ends_at > now]


async def next_of(db: Reader, program_id: int, now: datetime) -> Session | None:
    row = await db.fetchone(
        "SELECT * FROM sessions WHERE program_id = ? AND status = 'scheduled' AND starts_at >= ?"
        " ORDER BY starts_at LIMIT 1",
        (program_id, to_db(now)),
    )
    return None if row is None else _from_row(row)


async def recent(db: Reader, program_ids: list[int], since: datetime, now: datetime) -> list[Session]:
    """Sessions that started between `since` and `now` (not cancelled), newest first."""
    if not program_ids:
        return []
    marks = ",".join("?" * len(program_ids))
    rows = await db.fetchall(
        f"SELECT * FROM sessions WHERE program_id IN ({marks}) AND status != 'cancelled'"
        " AND starts_at >= ? AND starts_at <= ? ORDER BY starts_at DESC LIMIT 50",
        (*program_ids, to_db(since), to_db(now)),
    )
    return [_from_row(row) for row in rows]


async def move(tx: Tx, session_id: int, starts_at: datetime, *, moved: bool, occurrence: date | None = None) -> None:
    if occurrence is None:
        await tx.execute(
            "UPDATE sessions SET starts_at = ?, moved = ? WHERE id = ?", (to_db(starts_at), int(moved), session_id)
        )
    else:
        await tx.execute(
            "UPDATE sessions SET starts_at = ?, moved = ?, occurrence = ? WHERE id = ?",
            (to_db(starts_at), int(moved), occurrence.isoformat(), session_id),
        )


async def set_details(tx: Tx, session_id: int, topic: str | None, presenter: str | None) -> None:
    await tx.execute("UPDATE sessions SET topic = ?, presenter = ? WHERE id = ?", (topic, presenter, session_id))


async def set_duration(tx: Tx, session_id: int, minutes: int) -> None:
    await tx.execute("UPDATE sessions SET duration_minutes = ? WHERE id = ?", (minutes, session_id))


async def cancel(tx: Tx, session_id: int, reason: str) -> bool:
    changed = await tx.execute(
        "UPDATE sessions SET status = 'cancelled', cancel_reason = ? WHERE id = ? AND status = 'scheduled'",
        (reason, session_id),
    )
    return changed > 0


async def delete(tx: Tx, session_id: int) -> None:
    await tx.execute("DELETE FROM sessions WHERE id = ?", (session_id,))


async def end(tx: Tx, session_id: int, at: datetime, *, early: bool) -> bool:
    """Scheduled -> ended, once. `early` records the moment as the actual end."""
    changed = await tx.execute(
        "UPDATE sessions SET status = 'ended', ended_at = ? WHERE id = ? AND status = 'scheduled'",
        (to_db(at) if early else None, session_id),
    )
    return changed > 0


async def set_code(tx: Tx, session_id: int, code: str | None) -> None:
    await tx.execute("UPDATE sessions SET attendance_code = ? WHERE id = ?", (code, session_id))
