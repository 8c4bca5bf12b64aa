"""Cases and their history. A state change is one conditional UPDATE, so two people acting at once
cannot both succeed (two specialists clicking Claim: one owner)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Row, and_, func, insert, or_, select, update

from echobot.models import Case, CaseEvent, CaseState
from echobot.storage import hub
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert as upsert
from echobot.storage.tables import case_events as E
from echobot.storage.tables import cases as C

TEXT_FIELDS = ("summary", "question", "presenting_problem", "history", "medications", "labs", "tried")
# The states in which a case holds one of its session's slots, and those in which it is closed for good.
SLOT_STATES = (CaseState.SCHEDULED, CaseState.PRESENTED, CaseState.RECOMMENDATIONS_SENT, CaseState.CLOSED)
FINAL_STATES = (CaseState.CLOSED, CaseState.DECLINED)


def _from_row(row: Row[Any]) -> Case:
    m = row._mapping
    return Case(
        **{key: m[key] for key in ("id", "program_id", "submitter", "age_band", "sex", "urgency",
                                   "preferred_session_id", "session_id", "owner", "recommendations",
                                   "followup_outcome", "followup_note", *TEXT_FIELDS)},
        state=CaseState(m["state"]),
        submitted_at=from_db(m["submitted_at"]),
        updated_at=from_db(m["updated_at"]),
        closed_at=opt_from_db(m["closed_at"]),
        purged_at=opt_from_db(m["purged_at"]),
        reported_at=opt_from_db(m["reported_at"]),
        teaching_consent=bool(m["teaching_consent"]),
        credit_consent=bool(m["credit_consent"]),
    )  # fmt: skip


def _values(states: Iterable[CaseState]) -> list[str]:
    return [state.value for state in states]


async def create(tx: Tx, fields: dict[str, Any], submission_key: str, at: datetime,
                 state: CaseState = CaseState.SUBMITTED) -> tuple[Case, bool]:  # fmt: skip
    """Store a new case; (the case, True) or, for a submission already stored, (that case, False)."""
    columns = ["program_id", "submitter", *TEXT_FIELDS, "age_band", "sex", "urgency", "preferred_session_id"]
    consents = {c: int(bool(fields.get(c))) for c in ("teaching_consent", "credit_consent")}
    row = await tx.fetchone(
        upsert(C, tx.dialect)
        .values(**{c: fields.get(c) for c in columns}, **consents, submission_key=submission_key, state=state.value,
                submitted_at=to_db(at), updated_at=to_db(at))
        .on_conflict_do_nothing(index_elements=["submission_key"])
        .returning(*C.c)
    )  # fmt: skip
    if row is not None:
        return _from_row(row), True
    existing = await tx.fetchone(select(C).where(C.c.submission_key == submission_key))
    assert existing is not None
    return _from_row(existing), False


async def get(db: Reader, case_id: int) -> Case | None:
    row = await db.fetchone(select(C).where(C.c.id == case_id, hub.owns_program(C.c.program_id)))
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
    values: dict[str, Any] = {"state": to.value, "updated_at": to_db(at), **changes}
    if to in FINAL_STATES:
        values["closed_at"] = to_db(at)
    conditions = [C.c.id == case_id, C.c.state.in_(_values(allowed_from))]
    if require_no_owner:
        conditions.append(C.c.owner.is_(None))
    row = await tx.fetchone(update(C).where(*conditions).values(**values).returning(*C.c))
    return None if row is None else _from_row(row)


async def record(tx: Tx, case_id: int, actor: str, action: str, from_state: CaseState | None, to_state: CaseState,
                 note: str | None, at: datetime) -> None:  # fmt: skip
    await tx.execute(
        insert(E).values(case_id=case_id, actor=actor, action=action,
                         from_state=from_state.value if from_state else None, to_state=to_state.value, note=note,
                         at=to_db(at))
    )  # fmt: skip


async def events(db: Reader, case_id: int) -> list[CaseEvent]:
    rows = await db.fetchall(select(E).where(E.c.case_id == case_id).order_by(E.c.id))
    return [
        CaseEvent(case_id=case_id, actor=row.actor, action=row.action,
                  from_state=CaseState(row.from_state) if row.from_state else None,
                  to_state=CaseState(row.to_state), note=row.note, at=from_db(row.at))
        for row in rows
    ]  # fmt: skip


async def on_session(db: Reader, session_id: int, states: Iterable[CaseState]) -> list[Case]:
    rows = await db.fetchall(
        select(C).where(C.c.session_id == session_id, C.c.state.in_(_values(states))).order_by(C.c.id)
    )
    return [_from_row(row) for row in rows]


async def count_on_session(db: Reader, session_id: int, states: Iterable[CaseState] = SLOT_STATES) -> int:
    """Cases holding one of the session's slots (those in `states`)."""
    return int(await db.scalar(
        select(func.count()).select_from(C).where(C.c.session_id == session_id, C.c.state.in_(_values(states)))
    ))  # fmt: skip


async def referencing_session(db: Reader, session_id: int) -> bool:
    """Does any case point at this session (on its agenda, or as the presenter's preferred session)?"""
    row = await db.fetchone(
        select(C.c.id).where(or_(C.c.session_id == session_id, C.c.preferred_session_id == session_id)).limit(1)
    )
    return row is not None


async def event_count(db: Reader, case_id: int) -> int:
    return int(await db.scalar(select(func.count()).select_from(E).where(E.c.case_id == case_id)))


async def ids_of_program(db: Reader, program_id: int) -> list[int]:
    """The ids of a program's cases (of the current hub), oldest first."""
    rows = await db.fetchall(select(C.c.id).where(C.c.program_id == program_id, hub.owns_program(C.c.program_id))
                             .order_by(C.c.id))  # fmt: skip
    return [row[0] for row in rows]


async def of_submitter(db: Reader, submitter: str, limit: int = 25) -> list[Case]:
    mine = (C.c.submitter == submitter, hub.owns_program(C.c.program_id))
    rows = await db.fetchall(select(C).where(*mine).order_by(C.c.id.desc()).limit(limit))
    return [_from_row(row) for row in rows]


async def waiting(db: Reader, program_ids: list[int], state: CaseState = CaseState.SUBMITTED) -> list[Case]:
    """Cases waiting for triage (in `state`: submitted, nobody has claimed them), oldest first."""
    if not program_ids:
        return []
    rows = await db.fetchall(
        select(C).where(C.c.program_id.in_(program_ids), C.c.state == state.value).order_by(C.c.submitted_at, C.c.id)
    )
    return [_from_row(row) for row in rows]


async def in_review_by(db: Reader, owner: str, program_ids: list[int],
                       states: Iterable[CaseState] = (CaseState.IN_REVIEW, CaseState.NEEDS_INFO,
                                                      CaseState.SCHEDULED)) -> list[Case]:  # fmt: skip
    """The open cases one specialist has claimed, in these programs, oldest first."""
    if not program_ids:
        return []
    rows = await db.fetchall(
        select(C).where(C.c.program_id.in_(program_ids), C.c.owner == owner, C.c.state.in_([s.value for s in states]))
        .order_by(C.c.submitted_at, C.c.id)
    )  # fmt: skip
    return [_from_row(row) for row in rows]


async def due_for_purge(db: Reader, before: datetime, states: Iterable[CaseState] = FINAL_STATES) -> list[int]:
    rows = await db.fetchall(
        select(C.c.id)
        .where(C.c.purged_at.is_(None), C.c.closed_at.is_not(None), C.c.closed_at < to_db(before),
               C.c.state.in_(_values(states)))
        .order_by(C.c.id)
    )  # fmt: skip
    return [row[0] for row in rows]


async def purge(tx: Tx, case_id: int, at: datetime, *, reported: bool = False) -> bool:
    """Remove the clinical free text of a case and of its history. Retention purges once; a report of
    identifiers (`reported`) removes whatever text the case holds again, and marks it reported."""
    cleared: dict[str, Any] = {field: None for field in (*TEXT_FIELDS, "recommendations", "followup_note")}
    condition = C.c.id == case_id
    if reported:
        cleared["reported_at"] = to_db(at)
        cleared["purged_at"] = func.coalesce(C.c.purged_at, to_db(at))
    else:
        condition = and_(condition, C.c.purged_at.is_(None))
        cleared["purged_at"] = to_db(at)
    changed = await tx.execute(update(C).where(condition).values(**cleared))
    await tx.execute(update(E).where(E.c.case_id == case_id, E.c.note.is_not(None)).values(note=None))
    return changed > 0


async def lock(tx: Tx, case_id: int) -> Case | None:
    """The case, locked for the rest of the transaction (PostgreSQL; SQLite's one writer is already alone)."""
    row = await tx.fetchone(select(C).where(C.c.id == case_id).with_for_update())
    return None if row is None else _from_row(row)


async def notes_held(db: Reader, case_id: int) -> bool:
    """Does any line of the case's history still hold words someone wrote?"""
    row = await db.fetchone(select(E.c.id).where(E.c.case_id == case_id, E.c.note.is_not(None)).limit(1))
    return row is not None


async def set_followup(tx: Tx, case_id: int, outcome: str, note: str | None) -> bool:
    changed = await tx.execute(
        update(C).where(C.c.id == case_id, C.c.followup_outcome.is_(None))
        .values(followup_outcome=outcome, followup_note=note)
    )  # fmt: skip
    return changed > 0
