"""Who attended which session, and every change to that, with who made it and why."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, insert, select

from echobot.models import AttendanceChange, Attendee
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert as upsert
from echobot.storage.tables import attendance as A
from echobot.storage.tables import attendance_changes as CH
from echobot.storage.tables import attendance_imports as I


async def get(db: Reader, session_id: int, user_id: str) -> Attendee | None:
    row = await db.fetchone(select(A).where(A.c.session_id == session_id, A.c.user_id == user_id))
    if row is None:
        return None
    return Attendee(
        session_id=session_id,
        user_id=user_id,
        present=bool(row.present),
        checked_in_at=opt_from_db(row.checked_in_at),
    )


async def check_in(tx: Tx, session_id: int, user_id: str, at: datetime) -> bool:
    """Record a check-in; False when there already is an attendance row (checked in, added or removed)."""
    inserted = await tx.execute(
        upsert(A, tx.dialect).values(session_id=session_id, user_id=user_id, present=1, checked_in_at=to_db(at))
        .on_conflict_do_nothing()
    )  # fmt: skip
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
    statement = upsert(A, tx.dialect).values(session_id=session_id, user_id=user_id, present=int(present))
    await tx.execute(
        statement.on_conflict_do_update(index_elements=["session_id", "user_id"],
                                        set_={"present": statement.excluded.present})
    )  # fmt: skip
    await _change(tx, session_id, user_id, "add" if present else "remove", actor, reason, at)
    return True


async def states(db: Reader, session_id: int) -> dict[str, bool]:
    """{user: present} for everyone with an attendance row in this session (one query, for imports)."""
    rows = await db.fetchall(select(A.c.user_id, A.c.present).where(A.c.session_id == session_id))
    return {row.user_id: bool(row.present) for row in rows}


async def removed_by_hand(db: Reader, session_id: int) -> set[str]:
    """People whose latest attendance change is a removal no import made (a coordinator's, with a reason): an
    import of the video report leaves them absent. An import's own changes carry its actor and moment."""
    latest = select(func.max(CH.c.id)).where(CH.c.session_id == session_id).group_by(CH.c.user_id)
    rows = await db.fetchall(
        select(CH.c.user_id).select_from(CH.outerjoin(I, and_(I.c.session_id == CH.c.session_id,
                                                               I.c.actor == CH.c.actor, I.c.at == CH.c.at)))
        .where(CH.c.id.in_(latest), CH.c.change == "remove", I.c.id.is_(None))
    )  # fmt: skip
    return {row.user_id for row in rows}


async def set_many(tx: Tx, session_id: int, users: list[str], present: bool, actor: str, reason: str,
                   at: datetime) -> None:  # fmt: skip
    """Many people made present (or absent) at once, each change kept: an import's bulk form of set_present,
    for people whose current state `states` showed differs."""
    if not users:
        return
    statement = upsert(A, tx.dialect)
    await tx.execute(
        statement.on_conflict_do_update(index_elements=["session_id", "user_id"],
                                        set_={"present": statement.excluded.present}),
        [{"session_id": session_id, "user_id": user, "present": int(present)} for user in users],
    )  # fmt: skip
    change = "add" if present else "remove"
    await tx.execute(insert(CH), [{"session_id": session_id, "user_id": user, "change": change, "actor": actor,
                                   "reason": reason, "at": to_db(at)} for user in users])  # fmt: skip


async def note_waiver(tx: Tx, session_id: int, user_id: str, actor: str, reason: str, at: datetime) -> None:
    """A coordinator's "add" of someone already present, to give credit despite the report's minutes."""
    await _change(tx, session_id, user_id, "add", actor, f"credit despite the video report's minutes: {reason}", at)


async def _change(
    tx: Tx, session_id: int, user_id: str, change: str, actor: str, reason: str | None, at: datetime
) -> None:
    await tx.execute(
        insert(CH).values(session_id=session_id, user_id=user_id, change=change, actor=actor, reason=reason,
                          at=to_db(at))
    )  # fmt: skip


async def present(db: Reader, session_id: int) -> list[Attendee]:
    rows = await db.fetchall(
        select(A).where(A.c.session_id == session_id, A.c.present == 1)
        .order_by(A.c.checked_in_at.asc().nulls_first(), A.c.user_id)
    )  # fmt: skip
    return [
        Attendee(session_id=session_id, user_id=row.user_id, present=True, checked_in_at=opt_from_db(row.checked_in_at))
        for row in rows
    ]


async def changes(db: Reader, session_id: int) -> list[AttendanceChange]:
    rows = await db.fetchall(select(CH).where(CH.c.session_id == session_id).order_by(CH.c.id))
    return [
        AttendanceChange(
            session_id=session_id,
            user_id=row.user_id,
            change=row.change,
            actor=row.actor,
            reason=row.reason,
            at=from_db(row.at),
        )
        for row in rows
    ]
