"""Replies in case threads that looked like they held identifiers: a count per program and local day. Nothing
of the replies themselves (text, author, message) is kept here."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert
from echobot.storage.tables import reply_flags as F


async def count(tx: Tx, program_id: int, day: date) -> None:
    """One more flagged reply in the program's case threads on `day` (the hub's local day)."""
    statement = insert(F, tx.dialect).values(program_id=program_id, day=day.isoformat(), count=1)
    await tx.execute(statement.on_conflict_do_update(index_elements=["program_id", "day"],
                                                     set_={"count": F.c.count + 1}))  # fmt: skip


async def total(db: Reader, program_id: int, since: date, until: date) -> int:
    """Flagged replies on the days from `since` up to, not including, `until`."""
    value = await db.scalar(
        select(func.coalesce(func.sum(F.c.count), 0))
        .where(F.c.program_id == program_id, F.c.day >= since.isoformat(), F.c.day < until.isoformat())
    )  # fmt: skip
    return int(value or 0)
