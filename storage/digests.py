"""The figures of a program's weekly digest: counts over a period, a session's results, the trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader


@dataclass(frozen=True)
class Registrations:
    participants: int
    observers: int

    @property
    def total(self) -> int:
        return self.participants + self.observers


@dataclass(frozen=True)
class Pipeline:
    new: int  # submitted in the period
    waiting: int  # waiting for triage (submitted, nobody has claimed it)
    oldest_waiting: datetime | None
    in_review: int
    needs_info: int
    scheduled: int
    recommendations_sent: int  # in the period
    followups_answered: int  # in the period


@dataclass(frozen=True)
class SessionResults:
    present: int  # on the attendance list
    checked_in: int  # of them, checked in themselves
    added: int  # attendance changes by coordinators
    removed: int
    evaluations: int
    evaluations_by_present: int
    overall: float | None  # average rating, 1-5
    relevance: float | None
    objectives_met: int  # answered "yes"
    intent_to_change: int  # answered "yes"
    credits: dict[str, tuple[int, int]]  # credit type -> (people, quarter hours)


@dataclass(frozen=True)
class Comment:
    user_id: str
    name: str | None
    kind: str  # "suggestion", "bias" or "change"
    text: str


@dataclass(frozen=True)
class TrendPoint:
    session_id: int
    starts_at: datetime
    present: int
    evaluated: int  # evaluations by people on the attendance list


def _window(since: datetime, until: datetime) -> tuple[str, str]:
    return to_db(since), to_db(until)


async def registrations(db: Reader, since: datetime, until: datetime) -> Registrations:
    """Providers who registered with the hub in the period, by role."""
    rows = await db.fetchall(
        "SELECT role, count(*) FROM providers WHERE registered_at >= ? AND registered_at < ? GROUP BY role",
        _window(since, until),
    )
    counts = {row[0]: row[1] for row in rows}
    return Registrations(counts.get("participant", 0), counts.get("observer", 0))


async def joined(db: Reader, program_id: int, since: datetime, until: datetime) -> Registrations:
    """Providers who joined the program in the period (and are still in it), by role."""
    rows = await db.fetchall(
        "SELECT p.role, count(*) FROM program_members m JOIN providers p ON p.user_id = m.user_id"
        " WHERE m.program_id = ? AND m.joined_at >= ? AND m.joined_at < ? GROUP BY p.role",
        (program_id, *_window(since, until)),
    )
    counts = {row[0]: row[1] for row in rows}
    return Registrations(counts.get("participant", 0), counts.get("observer", 0))


async def pipeline(db: Reader, program_id: int, since: datetime, until: datetime) -> Pipeline:
    start, end = _window(since, until)
    row = await db.fetchone(
        """
        SELECT
            coalesce(sum(submitted_at >= :start AND submitted_at < :end), 0),
            coalesce(sum(state = 'submitted'), 0),
            min(CASE WHEN state = 'submitted' THEN submitted_at END),
            coalesce(sum(state = 'in_review'), 0),
            coalesce(sum(state = 'needs_info'), 0),
            coalesce(sum(state = 'scheduled'), 0)
        FROM cases WHERE program_id = :program
        """,
        {"program": program_id, "start": start, "end": end},
    )
    assert row is not None
    events = await db.fetchall(
        "SELECT e.action, count(*) FROM case_events e JOIN cases c ON c.id = e.case_id"
        " WHERE e.action IN ('recommend', 'followup') AND e.at >= ? AND e.at < ? AND c.program_id = ?"
        " GROUP BY e.action",
        (start, end, program_id),
    )
    counts = {r[0]: r[1] for r in events}
    return Pipeline(
        new=row[0], waiting=row[1], oldest_waiting=opt_from_db(row[2]), in_review=row[3], needs_info=row[4],
        scheduled=row[5], recommendations_sent=counts.get("recommend", 0),
        followups_answered=counts.get("followup", 0),
    )  # fmt: skip


async def last_ended(db: Reader, program_id: int, before: datetime) -> int | None:
    """The id of the program's most recent session that ended before `before`."""
    value = await db.scalar(
        "SELECT id FROM sessions WHERE program_id = ? AND status = 'ended' AND starts_at < ?"
        " ORDER BY starts_at DESC LIMIT 1",
        (program_id, to_db(before)),
    )
    return None if value is None else int(value)


async def session_results(db: Reader, session_id: int) -> SessionResults:
    attendance = await db.fetchone(
        "SELECT coalesce(sum(present), 0), coalesce(sum(present = 1 AND checked_in_at IS NOT NULL), 0)"
        " FROM attendance WHERE session_id = ?",
        (session_id,),
    )
    changes = {
        row[0]: row[1]
        for row in await db.fetchall(
            "SELECT change, count(*) FROM attendance_changes WHERE session_id = ? AND change != 'check_in'"
            " GROUP BY change",
            (session_id,),
        )
    }
    ratings = await db.fetchone(
        """
        SELECT count(*), avg(e.overall), avg(e.relevance),
               coalesce(sum(e.objectives_met = 'yes'), 0), coalesce(sum(e.intent_to_change = 'yes'), 0),
               coalesce(sum(a.present = 1), 0)
        FROM evaluations e LEFT JOIN attendance a ON a.session_id = e.session_id AND a.user_id = e.user_id
        WHERE e.session_id = ?
        """,
        (session_id,),
    )
    credits = {
        row[0]: (row[1], row[2])
        for row in await db.fetchall(
            "SELECT credit_type, count(*), sum(quarters) FROM credits WHERE session_id = ?"
            " GROUP BY credit_type ORDER BY credit_type",
            (session_id,),
        )
    }
    assert attendance is not None and ratings is not None
    return SessionResults(
        present=attendance[0], checked_in=attendance[1], added=changes.get("add", 0),
        removed=changes.get("remove", 0), evaluations=ratings[0], evaluations_by_present=ratings[5],
        overall=ratings[1], relevance=ratings[2], objectives_met=ratings[3], intent_to_change=ratings[4],
        credits=credits,
    )  # fmt: skip


async def comments(db: Reader, session_id: int) -> list[Comment]:
    """Every free-text answer of a session's evaluations, in the order they were given."""
    rows = await db.fetchall(
        "SELECT e.user_id, p.name, e.suggestions, e.bias_comment, e.change_plan FROM evaluations e"
        " LEFT JOIN providers p ON p.user_id = e.user_id WHERE e.session_id = ?"
        " AND (e.suggestions IS NOT NULL OR e.bias_comment IS NOT NULL OR e.change_plan IS NOT NULL)"
        " ORDER BY e.submitted_at, e.id",
        (session_id,),
    )
    found = []
    for row in rows:
        for kind, text in (("suggestion", row[2]), ("bias", row[3]), ("change", row[4])):
            if text:
                found.append(Comment(row[0], row[1], kind, text))
    return found


async def trend(db: Reader, program_id: int, before: datetime, count: int = 12) -> list[TrendPoint]:
    """Attendance and evaluations of the program's last `count` ended sessions, oldest first."""
    rows = await db.fetchall(
        """
        SELECT s.id, s.starts_at,
            (SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.present = 1),
            (SELECT count(*) FROM evaluations e JOIN attendance a
                 ON a.session_id = e.session_id AND a.user_id = e.user_id AND a.present = 1
             WHERE e.session_id = s.id)
        FROM sessions s WHERE s.program_id = ? AND s.status = 'ended' AND s.starts_at < ?
        ORDER BY s.starts_at DESC LIMIT ?
        """,
        (program_id, to_db(before), count),
    )
    return [TrendPoint(row[0], from_db(row[1]), row[2], row[3]) for row in reversed(rows)]
