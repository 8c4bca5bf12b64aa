"""The rows of coordinators' exports. Filters: program ids, and sessions starting within [since, until)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader


def _where(program_ids: list[int], column: str = "s.program_id") -> str:
    return f"{column} IN ({', '.join('?' * len(program_ids))}) AND s.starts_at >= ? AND s.starts_at < ?"


async def credits(db: Reader, program_ids: list[int], since: datetime, until: datetime) -> list[dict[str, Any]]:
    if not program_ids:
        return []
    rows = await db.fetchall(
        "SELECT p.name AS provider, p.credential, p.npi, p.licence_number, p.licence_consent, p.birth_month,"
        " p.birth_day, p.birth_consent, p.email, g.name AS program, g.timezone, s.starts_at, s.topic, c.credit_type,"
        " c.quarters, c.without_check_in, c.awarded_at FROM credits AS c JOIN providers AS p ON p.user_id = c.user_id"
        " JOIN sessions AS s ON s.id = c.session_id JOIN programs AS g ON g.id = s.program_id"
        f" WHERE {_where(program_ids)} ORDER BY s.starts_at, p.name",
        (*program_ids, to_db(since), to_db(until)),
    )
    return [dict(row) | {"starts_at": from_db(row["starts_at"]), "awarded_at": from_db(row["awarded_at"])}
            for row in rows]  # fmt: skip


async def attendance(db: Reader, program_ids: list[int], since: datetime, until: datetime) -> list[dict[str, Any]]:
    if not program_ids:
        return []
    rows = await db.fetchall(
        "SELECT g.name AS program, g.timezone, s.starts_at, s.topic, a.user_id, p.name AS provider, a.present,"
        " a.checked_in_at,"
        " (SELECT group_concat(ch.change || ' by ' || ch.actor || coalesce(': ' || ch.reason, ''), '; ')"
        "   FROM attendance_changes AS ch WHERE ch.session_id = a.session_id AND ch.user_id = a.user_id"
        "   AND ch.change != 'check_in') AS adjustments"
        " FROM attendance AS a JOIN sessions AS s ON s.id = a.session_id JOIN programs AS g ON g.id = s.program_id"
        " LEFT JOIN providers AS p ON p.user_id = a.user_id"
        f" WHERE {_where(program_ids)} ORDER BY s.starts_at, provider",
        (*program_ids, to_db(since), to_db(until)),
    )
    return [dict(row) | {"starts_at": from_db(row["starts_at"]), "checked_in_at": opt_from_db(row["checked_in_at"])}
            for row in rows]  # fmt: skip


async def cases(db: Reader, program_ids: list[int], since: datetime, until: datetime) -> list[dict[str, Any]]:
    """The de-identified case log: numbers, program, dates, states, age band, sex, urgency. No free text."""
    if not program_ids:
        return []
    rows = await db.fetchall(
        "SELECT c.id, g.name AS program, g.timezone, c.submitted_at, c.updated_at, c.closed_at, c.state, c.age_band,"
        " c.sex, c.urgency,"
        " (SELECT group_concat(e.to_state, ' > ') FROM case_events AS e WHERE e.case_id = c.id) AS states"
        " FROM cases AS c JOIN programs AS g ON g.id = c.program_id"
        f" WHERE c.program_id IN ({', '.join('?' * len(program_ids))}) AND c.submitted_at >= ? AND c.submitted_at < ?"
        " ORDER BY c.id",
        (*program_ids, to_db(since), to_db(until)),
    )
    return [dict(row) | {"submitted_at": from_db(row["submitted_at"]), "updated_at": from_db(row["updated_at"]),
                         "closed_at": opt_from_db(row["closed_at"])} for row in rows]  # fmt: skip


async def evaluations(db: Reader, program_ids: list[int], since: datetime, until: datetime) -> list[dict[str, Any]]:
    if not program_ids:
        return []
    rows = await db.fetchall(
        "SELECT g.name AS program, g.timezone, g.anonymous_ratings, s.starts_at, s.topic, p.name AS provider,"
        " e.overall, e.relevance, e.objectives_met, e.intent_to_change, e.change_plan, e.bias_free, e.bias_comment,"
        " e.suggestions FROM evaluations AS e JOIN sessions AS s ON s.id = e.session_id"
        " JOIN programs AS g ON g.id = s.program_id LEFT JOIN providers AS p ON p.user_id = e.user_id"
        f" WHERE {_where(program_ids)} ORDER BY s.starts_at, e.id",
        (*program_ids, to_db(since), to_db(until)),
    )
    return [dict(row) | {"starts_at": from_db(row["starts_at"])} for row in rows]
