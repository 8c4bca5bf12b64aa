"""Pre and post series surveys (issue 17): a program's self-efficacy statements and the answers to them. A
response is one provider's answers to one phase (pre or post) of one series (named by its first day); UNIQUE per
program, series, phase and person, so a second answer records nothing. Reached through their program (hub)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, insert, select

from echobot.storage import hub
from echobot.storage.codec import to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert as upsert
from echobot.storage.tables import survey_ratings as SR
from echobot.storage.tables import survey_responses as RS
from echobot.storage.tables import survey_statements as ST


@dataclass(frozen=True)
class Rating:
    user_id: str
    phase: str
    position: int
    statement: str
    rating: int


async def statements(db: Reader, program_id: int) -> list[str]:
    """The program's own statements in order (empty: it uses the default set)."""
    rows = await db.fetchall(select(ST.c.statement).where(ST.c.program_id == program_id,
                                                          hub.owns_program(ST.c.program_id))
                             .order_by(ST.c.position))  # fmt: skip
    return [row.statement for row in rows]


async def set_statements(tx: Tx, program_id: int, texts: list[str]) -> None:
    """Replace the program's statements."""
    await tx.execute(delete(ST).where(ST.c.program_id == program_id))
    await tx.execute(insert(ST), [{"program_id": program_id, "position": n, "statement": t}
                                  for n, t in enumerate(texts, start=1)])  # fmt: skip


async def record(tx: Tx, program_id: int, series: date, phase: str, user_id: str, ratings: list[tuple[str, int]],
                 at: datetime) -> bool:  # fmt: skip
    """One person's answers, once: False (nothing written) when they had already answered this survey."""
    response = await tx.scalar(
        upsert(RS, tx.dialect).values(program_id=program_id, series_starts_on=series.isoformat(), phase=phase,
                                      user_id=user_id, answered_at=to_db(at))
        .on_conflict_do_nothing().returning(RS.c.id)
    )  # fmt: skip
    if response is None:
        return False
    await tx.execute(insert(SR), [{"response_id": int(response), "position": n, "statement": text, "rating": value}
                                  for n, (text, value) in enumerate(ratings, start=1)])  # fmt: skip
    return True


async def answered(db: Reader, program_id: int, series: date, phase: str) -> set[str]:
    """Who answered this survey."""
    rows = await db.fetchall(select(RS.c.user_id).where(RS.c.program_id == program_id,
                                                        RS.c.series_starts_on == series.isoformat(),
                                                        RS.c.phase == phase))  # fmt: skip
    return {row.user_id for row in rows}


async def has_answers(db: Reader, program_id: int, series: date) -> bool:
    """Whether anyone answered either survey of this series."""
    found = await db.scalar(
        select(func.count())
        .select_from(RS)
        .where(RS.c.program_id == program_id, RS.c.series_starts_on == series.isoformat())
    )
    return bool(found)


async def ratings(db: Reader, program_id: int, series: date) -> list[Rating]:
    """Every rating given in this series' surveys, by person, phase and statement."""
    rows = await db.fetchall(
        select(RS.c.user_id, RS.c.phase, SR.c.position, SR.c.statement, SR.c.rating)
        .join(SR, SR.c.response_id == RS.c.id)
        .where(RS.c.program_id == program_id, RS.c.series_starts_on == series.isoformat(),
               hub.owns_program(RS.c.program_id))
        .order_by(RS.c.user_id, RS.c.phase, SR.c.position)
    )  # fmt: skip
    return [Rating(row.user_id, row.phase, row.position, row.statement, row.rating) for row in rows]
