"""The figures of a program's weekly digest: counts over a period, a session's results, the trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select

from echobot.models import CaseState, SessionStatus
from echobot.storage import hub
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader
from echobot.storage.providers import registration_of
from echobot.storage.sql import count_if
from echobot.storage.tables import attendance as A
from echobot.storage.tables import attendance_changes as CH
from echobot.storage.tables import case_events as CE
from echobot.storage.tables import cases as C
from echobot.storage.tables import credits as CR
from echobot.storage.tables import evaluations as E
from echobot.storage.tables import program_members as M
from echobot.storage.tables import providers as P
from echobot.storage.tables import sessions as S


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


def _by_role(rows: list[Any]) -> Registrations:
    counts = {row[0]: row[1] for row in rows}
    return Registrations(counts.get("participant", 0), counts.get("observer", 0))


async def registrations(db: Reader, since: datetime, until: datetime) -> Registrations:
    """Providers who registered with the hub in the period, by role."""
    start, end = _window(since, until)
    return _by_role(await db.fetchall(
        select(P.c.role, func.count())
        .where(P.c.hub_id == hub.current(), P.c.registered_at >= start, P.c.registered_at < end).group_by(P.c.role)
    ))  # fmt: skip


async def joined(db: Reader, program_id: int, since: datetime, until: datetime) -> Registrations:
    """Providers who joined the program in the period (and are still in it), by role."""
    start, end = _window(since, until)
    return _by_role(await db.fetchall(
        select(P.c.role, func.count()).select_from(M.join(P, registration_of(M.c.user_id)))
        .where(M.c.program_id == program_id, M.c.joined_at >= start, M.c.joined_at < end).group_by(P.c.role)
    ))  # fmt: skip


async def pipeline(db: Reader, program_id: int, since: datetime, until: datetime) -> Pipeline:
    start, end = _window(since, until)
    waiting = C.c.state == CaseState.SUBMITTED.value
    row = await db.fetchone(
        select(
            count_if(and_(C.c.submitted_at >= start, C.c.submitted_at < end)),
            count_if(waiting),
            func.min(C.c.submitted_at).filter(waiting),
            count_if(C.c.state == CaseState.IN_REVIEW.value),
            count_if(C.c.state == CaseState.NEEDS_INFO.value),
            count_if(C.c.state == CaseState.SCHEDULED.value),
        ).where(C.c.program_id == program_id)
    )
    assert row is not None
    events = await db.fetchall(
        select(CE.c.action, func.count()).select_from(CE.join(C, C.c.id == CE.c.case_id))
        .where(CE.c.action.in_(("recommend", "followup")), CE.c.at >= start, CE.c.at < end,
               C.c.program_id == program_id)
        .group_by(CE.c.action)
    )  # fmt: skip
    counts = {r[0]: r[1] for r in events}
    return Pipeline(
        new=int(row[0]), waiting=int(row[1]), oldest_waiting=opt_from_db(row[2]), in_review=int(row[3]),
        needs_info=int(row[4]), scheduled=int(row[5]), recommendations_sent=counts.get("recommend", 0),
        followups_answered=counts.get("followup", 0),
    )  # fmt: skip


async def last_ended(db: Reader, program_id: int, before: datetime) -> int | None:
    """The id of the program's most recent session that ended before `before`."""
    value = await db.scalar(
        select(S.c.id)
        .where(S.c.program_id == program_id, S.c.status == SessionStatus.ENDED.value, S.c.starts_at < to_db(before))
        .order_by(S.c.starts_at.desc()).limit(1)
    )  # fmt: skip
    return None if value is None else int(value)


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


async def session_results(db: Reader, session_id: int) -> SessionResults:
    attendance = await db.fetchone(
        select(
            func.coalesce(func.sum(A.c.present), 0), count_if(and_(A.c.present == 1, A.c.checked_in_at.is_not(None)))
        ).where(A.c.session_id == session_id)
    )  # fmt: skip
    changes = {
        row[0]: row[1]
        for row in await db.fetchall(
            select(CH.c.change, func.count())
            .where(CH.c.session_id == session_id, CH.c.change != "check_in")
            .group_by(CH.c.change)
        )
    }
    on_list = and_(A.c.session_id == E.c.session_id, A.c.user_id == E.c.user_id)
    ratings = await db.fetchone(
        select(func.count(), func.avg(E.c.overall), func.avg(E.c.relevance), count_if(E.c.objectives_met == "yes"),
               count_if(E.c.intent_to_change == "yes"), count_if(A.c.present == 1))
        .select_from(E.outerjoin(A, on_list)).where(E.c.session_id == session_id)
    )  # fmt: skip
    credits = {
        row[0]: (int(row[1]), int(row[2]))
        for row in await db.fetchall(
            select(CR.c.credit_type, func.count(), func.sum(CR.c.quarters))
            .where(CR.c.session_id == session_id)
            .group_by(CR.c.credit_type)
            .order_by(CR.c.credit_type)
        )
    }
    assert attendance is not None and ratings is not None
    return SessionResults(
        present=int(attendance[0]), checked_in=int(attendance[1]), added=changes.get("add", 0),
        removed=changes.get("remove", 0), evaluations=int(ratings[0]), evaluations_by_present=int(ratings[5]),
        overall=_float(ratings[1]), relevance=_float(ratings[2]), objectives_met=int(ratings[3]),
        intent_to_change=int(ratings[4]), credits=credits,
    )  # fmt: skip


async def comments(db: Reader, session_id: int) -> list[Comment]:
    """Every free-text answer of a session's evaluations, in the order they were given."""
    rows = await db.fetchall(
        select(E.c.user_id, P.c.name, E.c.suggestions, E.c.bias_comment, E.c.change_plan)
        .select_from(E.outerjoin(P, registration_of(E.c.user_id)))
        .where(E.c.session_id == session_id,
               (E.c.suggestions.is_not(None)) | (E.c.bias_comment.is_not(None)) | (E.c.change_plan.is_not(None)))
        .order_by(E.c.submitted_at, E.c.id)
    )  # fmt: skip
    found = []
    for row in rows:
        for kind, text in (("suggestion", row[2]), ("bias", row[3]), ("change", row[4])):
            if text:
                found.append(Comment(row[0], row[1], kind, text))
    return found


async def trend(db: Reader, program_id: int, before: datetime, count: int = 12) -> list[TrendPoint]:
    """Attendance and evaluations of the program's last `count` ended sessions, oldest first."""
    present = select(func.count()).select_from(A).where(A.c.session_id == S.c.id, A.c.present == 1).scalar_subquery()
    evaluated = (
        select(func.count())
        .select_from(E.join(A, and_(A.c.session_id == E.c.session_id, A.c.user_id == E.c.user_id, A.c.present == 1)))
        .where(E.c.session_id == S.c.id)
        .scalar_subquery()
    )
    rows = await db.fetchall(
        select(S.c.id, S.c.starts_at, present, evaluated)
        .where(S.c.program_id == program_id, S.c.status == SessionStatus.ENDED.value, S.c.starts_at < to_db(before))
        .order_by(S.c.starts_at.desc()).limit(count)
    )  # fmt: skip
    return [TrendPoint(row[0], from_db(row[1]), int(row[2]), int(row[3])) for row in reversed(rows)]
