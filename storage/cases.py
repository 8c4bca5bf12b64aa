"""Cases and their history. A state change is one conditional UPDATE, so two people acting at once
cannot both succeed (two specialists clicking Claim: one owner)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from echobot.models import Case, CaseEvent, CaseState
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader, Tx

TEXT_FIELDS = ("summary", "question", "presenting_problem", "history", "medications", "labs", "tried")


def _from_row(row: sqlite3.Row) -> Case:
    return Case(
        **{key: row[key] for key in ("id", "program_id", "submitter", "age_band", "sex", "urgency",
                                     "preferred_session_id", "session_id", "owner", "recommendations",
                                     "followup_outcome", "followup_note", *TEXT_FIELDS)},
        state=CaseState(row["state"]),
        submitted_at=from_db(row["submitted_at"]),
        updated_at=from_db(row["updated_at"]),
        closed_at=opt_from_db(row["closed_at"]),
        purged_at=opt_from_db(row["purged_at"]),
    )  # fmt: skip


async def create(tx: Tx, fields: dict[str, Any], submission_key: str, at: datetime) -> tuple[Case, bool]:
    """Store a new case; (the case, True) or, for a submission already stored, (that case, False)."""
    existing = await tx.fetchone("SELECT * FROM cases WHERE submission_key = ?", (submission_key,))
    if existing is not None:
        return _from_row(existing), False
    columns = ["program_id", "submitter", *TEXT_FIELDS, "age_band", "sex", "urgency", "preferred_session_id"]
    case_id = await tx.insert(
        f"INSERT INTO cases ({', '.join(columns)}, submission_key, state, submitted_at, updated_at)"
        f" VALUES ({', '.join('?' * (len(columns) + 4))})",
        (*(fields.get(c) for c in columns), submission_key, CaseState.SUBMITTED.value, to_db(at), to_db(at)),
    )
    case = await get(tx, case_id)
    assert case is not None
    return case, True


async def get(db: Reader, case_id: int) -> Case | None:
    row = await db.fetchone("SELECT * FROM cases WHERE id = ?", (case_id,))
    return None if row is None else _from_row(row)


async def transition(
    tx: Tx,
    case_id: int,
    allowed_from: Iterable[CaseState],
    to: CaseState,
    at: datetime,
    *,
    require_no_owner: bool = False,
    **changes: Any,
) -> Case | None:
    """Move a case to `to` if it is in one of `allowed_from`; None (and no change) otherwise."""
    states = [state.value for state in allowed_from]
    assignments = "".join(f", {column} = :{column}" for column in changes)
    closed = ", closed_at = :at" if to in (CaseState.CLOSED, CaseState.DECLINED) else ""
    row = await tx.fetchone(
        f"UPDATE cases SET state = :to, updated_at = :at{assignments}{closed}"
        f" WHERE id = :id AND state IN ({', '.join(f':s{i}' for i in range(len(states)))})"
        f"{' AND owner IS NULL' if require_no_owner else ''} RETURNING *",
        {"to": to.value, "at": to_db(at), "id": case_id, **changes, **{f"s{i}": s for i, s in enumerate(states)}},
    )
    return None if row is None else _from_row(row)


async def record(tx: Tx, case_id: int, actor: str, action: str, from_state: CaseState | None, to_state: CaseState,
                 note: str | None, at: datetime) -> None:  # fmt: skip
    await tx.execute(
        "INSERT INTO case_events (case_id, actor, action, from_state, to_state, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (case_id, actor, action, from_state.value if from_state else None, to_state.value, note, to_db(at)),
    )


async def events(db: Reader, case_id: int) -> list[CaseEvent]:
    rows = await db.fetchall("SELECT * FROM case_events WHERE case_id = ? ORDER BY id", (case_id,))
    return [
        CaseEvent(case_id=case_id, actor=row["actor"], action=row["action"],
                  from_state=CaseState(row["from_state"]) if row["from_state"] else None,
                  to_state=CaseState(row["to_state"]), note=row["note"], at=from_db(row["at"]))
        for row in rows
    ]  # fmt: skip


async def on_session(db: Reader, session_id: int, states: Iterable[CaseState]) -> list[Case]:
    wanted = [state.value for state in states]
    rows = await db.fetchall(
        f"SELECT * FROM cases WHERE session_id = ? AND state IN ({', '.join('?' * len(wanted))}) ORDER BY id",
        (session_id, *wanted),
    )
    return [_from_row(row) for row in rows]


async def count_on_session(db: Reader, session_id: int) -> int:
    """Cases holding one of the session's slots."""
    return int(await db.scalar(
        "SELECT count(*) FROM cases WHERE session_id = ? AND state IN ('scheduled', 'presented',"
        " 'recommendations_sent', 'closed')", (session_id,)))  # fmt: skip


async def referencing_session(db: Reader, session_id: int) -> bool:
    """Does any case point at this session (on its agenda, or as the presenter's preferred session)?"""
    row = await db.fetchone(
        "SELECT 1 FROM cases WHERE session_id = ? OR preferred_session_id = ? LIMIT 1", (session_id, session_id)
    )
    return row is not None


async def event_count(db: Reader, case_id: int) -> int:
    return int(await db.scalar("SELECT count(*) FROM case_events WHERE case_id = ?", (case_id,)))


async def of_submitter(db: Reader, submitter: str, limit: int = 25) -> list[Case]:
    rows = await db.fetchall("SELECT * FROM cases WHERE submitter = ? ORDER BY id DESC LIMIT ?", (submitter, limit))
    return [_from_row(row) for row in rows]


async def waiting(db: Reader, program_ids: list[int]) -> list[Case]:
    """Cases waiting for triage (submitted, nobody has claimed them), oldest first."""
    if not program_ids:
        return []
    rows = await db.fetchall(
        f"SELECT * FROM cases WHERE program_id IN ({', '.join('?' * len(program_ids))}) AND state = 'submitted'"
        " ORDER BY submitted_at, id",
        program_ids,
    )
    return [_from_row(row) for row in rows]


async def due_for_purge(db: Reader, before: datetime) -> list[int]:
    rows = await db.fetchall(
        "SELECT id FROM cases WHERE purged_at IS NULL AND closed_at IS NOT NULL AND closed_at < ?"
        " AND state IN ('closed', 'declined') ORDER BY id",
        (to_db(before),),
    )
    return [row[0] for row in rows]


async def purge(tx: Tx, case_id: int, at: datetime) -> bool:
    """Remove the clinical free text of a case and of its history."""
    cleared = ", ".join(f"{field} = NULL" for field in (*TEXT_FIELDS, "recommendations", "followup_note"))
    changed = await tx.execute(
        f"UPDATE cases SET {cleared}, purged_at = ? WHERE id = ? AND purged_at IS NULL", (to_db(at), case_id)
    )
    await tx.execute("UPDATE case_events SET note = NULL WHERE case_id = ?", (case_id,))
    return changed > 0


async def set_followup(tx: Tx, case_id: int, outcome: str, note: str | None) -> bool:
    return (
        await tx.execute(
            "UPDATE cases SET followup_outcome = ?, followup_note = ? WHERE id = ? AND followup_outcome IS NULL",
            (outcome, note, case_id),
        )
        > 0
    )
