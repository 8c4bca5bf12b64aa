"""Evaluations and credit records: one of each per person and session, written together."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from echobot.models import CreditRecord, Evaluation
from echobot.storage.codec import from_db, to_db
from echobot.storage.database import Reader, Tx


def _evaluation(row: sqlite3.Row) -> Evaluation:
    return Evaluation(
        session_id=row["session_id"], user_id=row["user_id"], overall=row["overall"], relevance=row["relevance"],
        objectives_met=row["objectives_met"], intent_to_change=row["intent_to_change"],
        change_plan=row["change_plan"], bias_free=bool(row["bias_free"]), bias_comment=row["bias_comment"],
        suggestions=row["suggestions"], submitted_at=from_db(row["submitted_at"]),
    )  # fmt: skip


def _credit(row: sqlite3.Row) -> CreditRecord:
    return CreditRecord(
        session_id=row["session_id"], user_id=row["user_id"], credit_type=row["credit_type"],
        quarters=row["quarters"], without_check_in=bool(row["without_check_in"]),
        awarded_at=from_db(row["awarded_at"]),
    )  # fmt: skip


async def get(db: Reader, session_id: int, user_id: str) -> Evaluation | None:
    row = await db.fetchone("SELECT * FROM evaluations WHERE session_id = ? AND user_id = ?", (session_id, user_id))
    return None if row is None else _evaluation(row)


async def record(tx: Tx, evaluation: Evaluation, credit: CreditRecord) -> bool:
    """Store the evaluation and its credit; False (and nothing stored) when this person already evaluated."""
    evaluation_id = await tx.insert(
        "INSERT INTO evaluations (session_id, user_id, overall, relevance, objectives_met, intent_to_change,"
        " change_plan, bias_free, bias_comment, suggestions, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (session_id, user_id) DO NOTHING",
        (evaluation.session_id, evaluation.user_id, evaluation.overall, evaluation.relevance,
         evaluation.objectives_met, evaluation.intent_to_change, evaluation.change_plan, int(evaluation.bias_free),
         evaluation.bias_comment, evaluation.suggestions, to_db(evaluation.submitted_at)),
    )  # fmt: skip
    if not await tx.scalar("SELECT changes()"):
        return False
    await tx.execute(
        "INSERT INTO credits (evaluation_id, session_id, user_id, credit_type, quarters, without_check_in,"
        " awarded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (evaluation_id, credit.session_id, credit.user_id, credit.credit_type, credit.quarters,
         int(credit.without_check_in), to_db(credit.awarded_at)),
    )  # fmt: skip
    return True


async def evaluated_sessions(db: Reader, user_id: str) -> set[int]:
    return {row[0] for row in await db.fetchall("SELECT session_id FROM evaluations WHERE user_id = ?", (user_id,))}


async def credits_of(db: Reader, user_id: str) -> list[CreditRecord]:
    rows = await db.fetchall("SELECT * FROM credits WHERE user_id = ? ORDER BY awarded_at DESC", (user_id,))
    return [_credit(row) for row in rows]


async def credit_type_overrides(db: Reader) -> dict[str, str]:
    return {row[0]: row[1] for row in await db.fetchall("SELECT credential, credit_type FROM credit_types")}


async def set_credit_type(tx: Tx, credential: str, credit_type: str) -> None:
    await tx.execute(
        "INSERT INTO credit_types (credential, credit_type) VALUES (?, ?)"
        " ON CONFLICT (credential) DO UPDATE SET credit_type = excluded.credit_type",
        (credential, credit_type),
    )


async def not_evaluated(db: Reader, session_id: int, user_ids: list[str]) -> list[str]:
    done = {row[0] for row in await db.fetchall("SELECT user_id FROM evaluations WHERE session_id = ?", (session_id,))}
    return [user for user in user_ids if user not in done]


def year_start(moment: datetime) -> datetime:
    return moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
