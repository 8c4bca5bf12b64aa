"""The rows of coordinators' exports. Filters: program ids, and sessions starting within [since, until)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, select

from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader
from echobot.storage.providers import registration_of
from echobot.storage.tables import attendance as A
from echobot.storage.tables import attendance_changes as CH
from echobot.storage.tables import case_events as CE
from echobot.storage.tables import cases as C
from echobot.storage.tables import credits as CR
from echobot.storage.tables import evaluations as E
from echobot.storage.tables import programs as G
from echobot.storage.tables import providers as P
from echobot.storage.tables import sessions as S


def _where(program_ids: list[int], since: datetime, until: datetime) -> ColumnElement[bool]:
    return and_(S.c.program_id.in_(program_ids), S.c.starts_at >= to_db(since), S.c.starts_at < to_db(until))


def _dict(row: Row[Any], **parsed: Any) -> dict[str, Any]:
    return dict(row._mapping) | parsed


async def credits(db: Reader, program_ids: list[int], since: datetime, until: datetime) -> list[dict[str, Any]]:
    if not program_ids:
        return []
    rows = await db.fetchall(
        select(P.c.name.label("provider"), P.c.credential, P.c.npi, P.c.licence_number, P.c.licence_consent,
               P.c.birth_month, P.c.birth_day, P.c.birth_consent, P.c.email, G.c.name.label("program"), G.c.timezone,
               S.c.starts_at, S.c.topic, CR.c.credit_type, CR.c.quarters, CR.c.without_check_in, CR.c.awarded_at)
        .select_from(CR.join(P, registration_of(CR.c.user_id)).join(S, S.c.id == CR.c.session_id)
                     .join(G, G.c.id == S.c.program_id))
        .where(_where(program_ids, since, until))
        .order_by(S.c.starts_at, P.c.name, CR.c.id)
    )  # fmt: skip
    return [_dict(row, starts_at=from_db(row.starts_at), awarded_at=from_db(row.awarded_at)) for row in rows]


def _adjustment(row: Row[Any]) -> str:
    return f"{row.change} by {row.actor}" + (f": {row.reason}" if row.reason is not None else "")


async def attendance(db: Reader, program_ids: list[int], since: datetime, until: datetime) -> list[dict[str, Any]]:
    if not program_ids:
        return []
    rows = await db.fetchall(
        select(G.c.name.label("program"), G.c.timezone, S.c.starts_at, S.c.topic, A.c.user_id,
               P.c.name.label("provider"), A.c.present, A.c.checked_in_at, A.c.session_id)
        .select_from(A.join(S, S.c.id == A.c.session_id).join(G, G.c.id == S.c.program_id)
                     .outerjoin(P, registration_of(A.c.user_id)))
        .where(_where(program_ids, since, until))
        .order_by(S.c.starts_at, P.c.name.asc().nulls_first(), A.c.user_id)
    )  # fmt: skip
    adjustments: dict[tuple[int, str], list[str]] = {}
    session_ids = sorted({row.session_id for row in rows})
    if session_ids:
        changes = await db.fetchall(
            select(CH).where(CH.c.session_id.in_(session_ids), CH.c.change != "check_in").order_by(CH.c.id)
        )
        for change in changes:
            adjustments.setdefault((change.session_id, change.user_id), []).append(_adjustment(change))
    found = []
    for row in rows:
        listed = adjustments.get((row.session_id, row.user_id))
        item = _dict(row, starts_at=from_db(row.starts_at), checked_in_at=opt_from_db(row.checked_in_at),
                     adjustments="; ".join(listed) if listed else None)  # fmt: skip
        del item["session_id"]
        found.append(item)
    return found


async def cases(db: Reader, program_ids: list[int], since: datetime, until: datetime) -> list[dict[str, Any]]:
    """The de-identified case log: numbers, program, dates, states, age band, sex, urgency. No free text."""
    if not program_ids:
        return []
    rows = await db.fetchall(
        select(C.c.id, G.c.name.label("program"), G.c.timezone, C.c.submitted_at, C.c.updated_at, C.c.closed_at,
               C.c.state, C.c.age_band, C.c.sex, C.c.urgency)
        .select_from(C.join(G, G.c.id == C.c.program_id))
        .where(C.c.program_id.in_(program_ids), C.c.submitted_at >= to_db(since), C.c.submitted_at < to_db(until))
        .order_by(C.c.id)
    )  # fmt: skip
    states: dict[int, list[str]] = {}
    if rows:
        events = await db.fetchall(
            select(CE.c.case_id, CE.c.to_state).where(CE.c.case_id.in_([row.id for row in rows])).order_by(CE.c.id)
        )
        for event in events:
            states.setdefault(event.case_id, []).append(event.to_state)
    return [
        _dict(row, submitted_at=from_db(row.submitted_at), updated_at=from_db(row.updated_at),
              closed_at=opt_from_db(row.closed_at), states=" > ".join(states[row.id]) if row.id in states else None)
        for row in rows
    ]  # fmt: skip


async def evaluations(db: Reader, program_ids: list[int], since: datetime, until: datetime) -> list[dict[str, Any]]:
    if not program_ids:
        return []
    rows = await db.fetchall(
        select(G.c.name.label("program"), G.c.timezone, G.c.anonymous_ratings, S.c.starts_at, S.c.topic,
               P.c.name.label("provider"), E.c.overall, E.c.relevance, E.c.objectives_met, E.c.intent_to_change,
               E.c.change_plan, E.c.bias_free, E.c.bias_comment, E.c.suggestions)
        .select_from(E.join(S, S.c.id == E.c.session_id).join(G, G.c.id == S.c.program_id)
                     .outerjoin(P, registration_of(E.c.user_id)))
        .where(_where(program_ids, since, until))
        .order_by(S.c.starts_at, E.c.id)
    )  # fmt: skip
    return [_dict(row, starts_at=from_db(row.starts_at)) for row in rows]
