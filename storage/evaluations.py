"""Evaluations and credit records: one of each per person and session, written together."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, insert, select

from echobot.models import CreditRecord, Evaluation
from echobot.storage import hub
from echobot.storage.codec import from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert as upsert
from echobot.storage.tables import credit_types as T
from echobot.storage.tables import credits as CR
from echobot.storage.tables import evaluations as E


def _evaluation(row: Row[Any]) -> Evaluation:
    return Evaluation(
        session_id=row.session_id, user_id=row.user_id, overall=row.overall, relevance=row.relevance,
        objectives_met=row.objectives_met, intent_to_change=row.intent_to_change,
        change_plan=row.change_plan, bias_free=bool(row.bias_free), bias_comment=row.bias_comment,
        suggestions=row.suggestions, submitted_at=from_db(row.submitted_at),
    )  # fmt: skip


def _credit(row: Row[Any]) -> CreditRecord:
    return CreditRecord(
        session_id=row.session_id, user_id=row.user_id, credit_type=row.credit_type,
        quarters=row.quarters, without_check_in=bool(row.without_check_in),
        awarded_at=from_db(row.awarded_at),
    )  # fmt: skip


async def get(db: Reader, session_id: int, user_id: str) -> Evaluation | None:
    row = await db.fetchone(select(E).where(E.c.session_id == session_id, E.c.user_id == user_id))
    return None if row is None else _evaluation(row)


async def record(tx: Tx, evaluation: Evaluation, credit: CreditRecord) -> bool:
    """Store the evaluation and its credit; False (and nothing stored) when this person already evaluated."""
    evaluation_id = await tx.scalar(
        upsert(E, tx.dialect)
        .values(session_id=evaluation.session_id, user_id=evaluation.user_id, overall=evaluation.overall,
                relevance=evaluation.relevance, objectives_met=evaluation.objectives_met,
                intent_to_change=evaluation.intent_to_change, change_plan=evaluation.change_plan,
                bias_free=int(evaluation.bias_free), bias_comment=evaluation.bias_comment,
                suggestions=evaluation.suggestions, submitted_at=to_db(evaluation.submitted_at))
        .on_conflict_do_nothing(index_elements=["session_id", "user_id"])
        .returning(E.c.id)
    )  # fmt: skip
    if evaluation_id is None:
        return False
    await tx.execute(
        insert(CR).values(evaluation_id=evaluation_id, session_id=credit.session_id, user_id=credit.user_id,
                          credit_type=credit.credit_type, quarters=credit.quarters,
                          without_check_in=int(credit.without_check_in), awarded_at=to_db(credit.awarded_at))
    )  # fmt: skip
    return True


async def evaluated_sessions(db: Reader, user_id: str) -> set[int]:
    mine = (E.c.user_id == user_id, hub.owns_session(E.c.session_id))
    return {row[0] for row in await db.fetchall(select(E.c.session_id).where(*mine))}


async def credits_of(db: Reader, user_id: str) -> list[CreditRecord]:
    mine = (CR.c.user_id == user_id, hub.owns_session(CR.c.session_id))
    rows = await db.fetchall(select(CR).where(*mine).order_by(CR.c.awarded_at.desc(), CR.c.id.desc()))
    return [_credit(row) for row in rows]


async def credit_type_overrides(db: Reader) -> dict[str, str]:
    return {row[0]: row[1] for row in await db.fetchall(select(T.c.credential, T.c.credit_type))}


async def set_credit_type(tx: Tx, credential: str, credit_type: str) -> None:
    statement = upsert(T, tx.dialect).values(credential=credential, credit_type=credit_type)
    await tx.execute(
        statement.on_conflict_do_update(
            index_elements=["credential"], set_={"credit_type": statement.excluded.credit_type}
        )
    )


async def not_evaluated(db: Reader, session_id: int, user_ids: list[str]) -> list[str]:
    done = {row[0] for row in await db.fetchall(select(E.c.user_id).where(E.c.session_id == session_id))}
    return [user for user in user_ids if user not in done]


def year_start(moment: datetime) -> datetime:
    return moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
