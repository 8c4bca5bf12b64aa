"""Who attended which session, and every change to that, with who made it and why."""

from __future__ import annotations

from datetime import datetime

from echobot.models import AttendanceChange, Attendee
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader, Tx


async def get(db: Reader, session_id: int, user_id: str) -> Attendee | None:
    row = await db.fetchone("SELECT * FROM attendance WHERE session_id = ? AND user_id = ?", (session_id, user_id))
    if row is None:
        return None
    return Attendee(
        session_id=session_id,
        user_id=user_id,
        present=bool(row["present"]),
        checked_in_at=opt_from_db(row["checked_in_at"]),
    )


async def check_in(tx: Tx, session_id: int, user_id: str, at: datetime) -> bool:
    """Record a check-in; False when there already is an attendance row (checked in, added or removed)."""
    inserted = await tx.execute(
        "INSERT INTO attendance (session_id, user_id, present, checked_in_at) VALUES (?, ?, 1, ?)"
        " ON CONFLICT DO NOTHING",
        (session_id, user_id, to_db(at)),
    )
    if inserted:
        await _change(tx, session_id, user_id, "check_in", user_id, None, at)
    return inserted > 0


async def set_present(
    tx: Tx, session_id: int, user_id: str, present: bool, actor: str, reason: str, at: datetime
) -> bool:
    """A coordinator's addition or removal; False when it changes nothing."""
    current = await get(tx, session_id, user_id)
    if current is not None and current.present == present:
        return False
    if current is None and not present:
        return False
    await tx.execute(
        "INSERT INTO attendance (session_id, user_id, present) VALUES (?, ?, ?)"
        " ON CONFLICT (session_id, user_id) DO UPDATE SET present = excluded.present",
        (session_id, user_id, int(present)),
    )
    await _change(tx, session_id, user_id, "add" if present else "remove", actor, reason, at)
    return True


async def _change(
    tx: Tx, session_id: int, user_id: str, change: str, actor: str, reason: str | None, at: datetime
) -> None:
    await tx.execute(
        "INSERT INTO attendance_changes (session_id, user_id, change, actor, reason, at) VALUES (?, ?, ?, ?, ?, ?)",
        (session_id, user_id, change, actor, reason, to_db(at)),
    )


async def present(db: Reader, session_id: int) -> list[Attendee]:
    rows = await db.fetchall(
        "SELECT * FROM attendance WHERE session_id = ? AND present = 1 ORDER BY checked_in_at, user_id",
        (session_id,),
    )
    return [
        Attendee(
            session_id=session_id, user_id=row["user_id"], present=True, checked_in_at=opt_from_db(row["checked_in_at"])
        )
        for row in rows
    ]


async def changes(db: Reader, session_id: int) -> list[AttendanceChange]:
    rows = await db.fetchall("SELECT * FROM attendance_changes WHERE session_id = ? ORDER BY id", (session_id,))
    return [
        AttendanceChange(
            session_id=session_id,
            user_id=row["user_id"],
            change=row["change"],
            actor=row["actor"],
            reason=row["reason"],
            at=from_db(row["at"]),
        )
        for row in rows
    ]
