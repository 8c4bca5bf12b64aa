"""Series that ended (a program's cohort over dates) and who completed them; the figures a completion needs:
sessions attended per person, credit per person and type over a series' sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, func, insert, select

from echobot.storage.codec import from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert as upsert
from echobot.storage.tables import attendance as A
from echobot.storage.tables import completions as C
from echobot.storage.tables import credits as CR
from echobot.storage.tables import series_ends as SE


@dataclass(frozen=True)
class SeriesEnd:
    id: int
    program_id: int
    starts_on: date
    ends_on: date
    threshold_percent: int
    sessions_held: int
    how: str  # 'last_session' or 'closed'
    actor: str | None
    ended_at: datetime


@dataclass(frozen=True)
class Completion:
    series_id: int
    user_id: str
    attended: int
    minutes: int | None
    completed: bool


def _end(row: Row[Any]) -> SeriesEnd:
    return SeriesEnd(id=row.id, program_id=row.program_id, starts_on=date.fromisoformat(row.starts_on),
                     ends_on=date.fromisoformat(row.ends_on), threshold_percent=row.threshold_percent,
                     sessions_held=row.sessions_held, how=row.how, actor=row.actor,
                     ended_at=from_db(row.ended_at))  # fmt: skip


async def record_end(tx: Tx, program_id: int, starts_on: date, ends_on: date, threshold: int, held: int, how: str,
                     actor: str | None, at: datetime) -> int | None:  # fmt: skip
    """The series' end, once: its id, or None when this series (program and dates) had already ended."""
    inserted = await tx.scalar(
        upsert(SE, tx.dialect).values(program_id=program_id, starts_on=starts_on.isoformat(),
                                      ends_on=ends_on.isoformat(), threshold_percent=threshold, sessions_held=held,
                                      how=how, actor=actor, ended_at=to_db(at))
        .on_conflict_do_nothing().returning(SE.c.id)
    )  # fmt: skip
    return None if inserted is None else int(inserted)


async def add_completions(tx: Tx, rows: list[Completion]) -> None:
    if rows:
        await tx.execute(insert(C), [{"series_id": r.series_id, "user_id": r.user_id, "attended": r.attended,
                                      "minutes": r.minutes, "completed": int(r.completed)} for r in rows])  # fmt: skip


async def get(db: Reader, series_id: int) -> SeriesEnd | None:
    row = await db.fetchone(select(SE).where(SE.c.id == series_id))
    return None if row is None else _end(row)


async def find(db: Reader, program_id: int, starts_on: date, ends_on: date) -> SeriesEnd | None:
    row = await db.fetchone(select(SE).where(SE.c.program_id == program_id, SE.c.starts_on == starts_on.isoformat(),
                                             SE.c.ends_on == ends_on.isoformat()))  # fmt: skip
    return None if row is None else _end(row)


async def ended_between(db: Reader, program_id: int, since: datetime, until: datetime) -> list[SeriesEnd]:
    rows = await db.fetchall(
        select(SE).where(SE.c.program_id == program_id, SE.c.ended_at >= to_db(since), SE.c.ended_at < to_db(until))
        .order_by(SE.c.id)
    )  # fmt: skip
    return [_end(row) for row in rows]


async def completions(db: Reader, series_id: int) -> list[Completion]:
    rows = await db.fetchall(select(C).where(C.c.series_id == series_id).order_by(C.c.user_id))
    return [Completion(series_id=row.series_id, user_id=row.user_id, attended=row.attended, minutes=row.minutes,
                       completed=bool(row.completed)) for row in rows]  # fmt: skip


async def completed_by(db: Reader, user_id: str) -> list[tuple[SeriesEnd, Completion]]:
    """The series this person completed, newest first."""
    rows = await db.fetchall(
        select(SE, C.c.attended, C.c.minutes).join(C, C.c.series_id == SE.c.id)
        .where(C.c.user_id == user_id, C.c.completed == 1).order_by(SE.c.id.desc())
    )  # fmt: skip
    return [(_end(row), Completion(series_id=row.id, user_id=user_id, attended=row.attended, minutes=row.minutes,
                                   completed=True)) for row in rows]  # fmt: skip


async def attended(db: Reader, session_ids: list[int]) -> dict[str, int]:
    """How many of these sessions each person was present at."""
    if not session_ids:
        return {}
    rows = await db.fetchall(
        select(A.c.user_id, func.count().label("n")).where(A.c.session_id.in_(session_ids), A.c.present == 1)
        .group_by(A.c.user_id)
    )  # fmt: skip
    return {row.user_id: int(row.n) for row in rows}


async def credit(db: Reader, session_ids: list[int], user_id: str | None = None) -> dict[str, dict[str, float]]:
    """{user: {credit type: hours}} recorded for these sessions (one person's with `user_id`)."""
    if not session_ids:
        return {}
    query = (select(CR.c.user_id, CR.c.credit_type, func.sum(CR.c.quarters).label("q"))
             .where(CR.c.session_id.in_(session_ids)).group_by(CR.c.user_id, CR.c.credit_type))  # fmt: skip
    if user_id is not None:
        query = query.where(CR.c.user_id == user_id)
    found: dict[str, dict[str, float]] = {}
    for row in await db.fetchall(query):
        found.setdefault(row.user_id, {})[row.credit_type] = int(row.q) / 4
    return found
