"""Programs, their staff (specialists, program coordinators) and their members."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Row, delete, func, insert, select
from sqlalchemy import update as sql_update

from echobot.models import Program, ScheduleKind
from echobot.storage import hub
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.providers import TOPIC as PEOPLE_TOPIC
from echobot.storage.sql import insert as upsert
from echobot.storage.tables import program_members as M
from echobot.storage.tables import program_staff as S
from echobot.storage.tables import programs as P
from echobot.storage.tables import providers


def _from_row(row: Row[Any], staff: dict[str, list[str]]) -> Program:
    return Program(
        id=row.id,
        name=row.name,
        channel_id=row.channel_id,
        review_channel_id=row.review_channel_id,
        timezone=row.timezone,
        schedule_kind=ScheduleKind(row.schedule_kind),
        interval_weeks=row.interval_weeks,
        first_date=date.fromisoformat(row.first_date),
        start_time=time.fromisoformat(row.start_time),
        duration_minutes=row.duration_minutes,
        video_url=row.video_url,
        reminder_offsets=json.loads(row.reminder_offsets),
        case_slots=row.case_slots,
        eval_window_days=row.eval_window_days,
        credit_quarters=row.credit_quarters,
        followup_weeks=row.followup_weeks,
        anonymous_ratings=bool(row.anonymous_ratings),
        credit_min_minutes=row.credit_min_minutes,
        series_starts_on=date.fromisoformat(row.series_starts_on) if row.series_starts_on else None,
        series_ends_on=date.fromisoformat(row.series_ends_on) if row.series_ends_on else None,
        completion_percent=row.completion_percent,
        invite_only=bool(row.invite_only),
        specialists=staff.get("specialist", []),
        coordinators=staff.get("coordinator", []),
        archived_at=opt_from_db(row.archived_at),
        created_by=row.created_by,
        created_at=from_db(row.created_at),
        updated_at=from_db(row.updated_at),
    )


async def _staff(db: Reader, program_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    if not program_ids:
        return {}
    rows = await db.fetchall(select(S.c.program_id, S.c.user_id, S.c.role).where(S.c.program_id.in_(program_ids))
                             .order_by(S.c.user_id))  # fmt: skip
    staff: dict[int, dict[str, list[str]]] = {}
    for row in rows:
        staff.setdefault(row.program_id, {}).setdefault(row.role, []).append(row.user_id)
    return staff


async def _many(db: Reader, *where: ColumnElement[bool], staff: bool = True) -> list[Program]:
    rows = await db.fetchall(select(P).where(P.c.hub_id == hub.current(), *where).order_by(func.lower(P.c.name)))
    people = await _staff(db, [row.id for row in rows]) if staff else {}
    return [_from_row(row, people.get(row.id, {})) for row in rows]


async def get(db: Reader, program_id: int, *, staff: bool = True) -> Program | None:
    """A program; with staff=False its specialists and coordinators are left out (one query less, for
    rendering messages, which never need them)."""
    found = await _many(db, P.c.id == program_id, staff=staff)
    return found[0] if found else None


async def get_by_name(db: Reader, name: str) -> Program | None:
    found = await _many(db, func.lower(P.c.name) == func.lower(name.strip()))
    return found[0] if found else None


async def every(db: Reader) -> list[Program]:
    return await _many(db)


async def active(db: Reader) -> list[Program]:
    return await _many(db, P.c.archived_at.is_(None))


def _values(program: Program) -> dict[str, Any]:
    return {
        "name": program.name,
        "channel_id": program.channel_id,
        "review_channel_id": program.review_channel_id,
        "timezone": program.timezone,
        "schedule_kind": program.schedule_kind.value,
        "interval_weeks": program.interval_weeks,
        "first_date": program.first_date.isoformat(),
        "start_time": program.start_time.strftime("%H:%M"),
        "duration_minutes": program.duration_minutes,
        "video_url": program.video_url,
        "reminder_offsets": json.dumps(program.reminder_offsets),
        "case_slots": program.case_slots,
        "eval_window_days": program.eval_window_days,
        "credit_quarters": program.credit_quarters,
        "anonymous_ratings": int(program.anonymous_ratings),
        "credit_min_minutes": program.credit_min_minutes,
        "series_starts_on": program.series_starts_on.isoformat() if program.series_starts_on else None,
        "series_ends_on": program.series_ends_on.isoformat() if program.series_ends_on else None,
        "completion_percent": program.completion_percent,
        "invite_only": int(program.invite_only),
        "updated_at": to_db(program.updated_at),
    }


async def create(tx: Tx, program: Program) -> Program:
    """Insert a program (its id is ignored) with its staff; returns it with its new id."""
    new_id = await tx.scalar(
        insert(P)
        .values(**_values(program), created_by=program.created_by, created_at=to_db(program.created_at),
                hub_id=hub.current())
        .returning(P.c.id)
    )
    saved = program.model_copy(update={"id": new_id})
    await set_staff(tx, saved)
    return saved


async def update(tx: Tx, program: Program) -> None:
    await tx.execute(sql_update(P).where(P.c.id == program.id, P.c.hub_id == hub.current()).values(**_values(program)))
    await set_staff(tx, program)


async def set_staff(tx: Tx, program: Program) -> None:
    tx.touch(PEOPLE_TOPIC)
    await tx.execute(delete(S).where(S.c.program_id == program.id))
    rows = [{"program_id": program.id, "user_id": user, "role": "specialist"} for user in program.specialists]
    rows += [{"program_id": program.id, "user_id": user, "role": "coordinator"} for user in program.coordinators]
    if rows:
        await tx.execute(insert(S), rows)


async def archive(tx: Tx, program_id: int, at: datetime) -> bool:
    changed = await tx.execute(
        sql_update(P).where(P.c.id == program_id, P.c.hub_id == hub.current(), P.c.archived_at.is_(None))
        .values(archived_at=to_db(at), updated_at=to_db(at))
    )  # fmt: skip
    return changed > 0


async def staff_roles(db: Reader, user_id: str) -> dict[int, set[str]]:
    """{program id: {'specialist', 'coordinator'}} for the programs where `user_id` is staff."""
    rows = await db.fetchall(
        select(S.c.program_id, S.c.role).join(P, P.c.id == S.c.program_id)
        .where(S.c.user_id == user_id, P.c.hub_id == hub.current())
    )  # fmt: skip
    roles: dict[int, set[str]] = {}
    for row in rows:
        roles.setdefault(row.program_id, set()).add(row.role)
    return roles


# ---- members ----------------------------------------------------------------------------------


async def join(tx: Tx, program_id: int, user_id: str, at: datetime) -> bool:
    inserted = await tx.execute(
        upsert(M, tx.dialect).values(program_id=program_id, user_id=user_id, joined_at=to_db(at))
        .on_conflict_do_nothing()
    )  # fmt: skip
    return inserted > 0


async def leave(tx: Tx, program_id: int, user_id: str) -> bool:
    return await tx.execute(delete(M).where(M.c.program_id == program_id, M.c.user_id == user_id)) > 0


async def joined(db: Reader, user_id: str) -> list[int]:
    rows = await db.fetchall(
        select(M.c.program_id).join(P, P.c.id == M.c.program_id)
        .where(M.c.user_id == user_id, P.c.hub_id == hub.current(), P.c.archived_at.is_(None))
        .order_by(func.lower(P.c.name))
    )  # fmt: skip
    return [row[0] for row in rows]


async def members(db: Reader, program_id: int) -> list[str]:
    rows = await db.fetchall(
        select(M.c.user_id).where(M.c.program_id == program_id).order_by(M.c.joined_at, M.c.user_id)
    )
    return [row[0] for row in rows]


async def members_wanting_reminder_dms(db: Reader, program_id: int) -> list[str]:
    rows = await db.fetchall(
        select(M.c.user_id).join(P, P.c.id == M.c.program_id)
        .join(providers, (providers.c.user_id == M.c.user_id) & (providers.c.hub_id == P.c.hub_id))
        .where(M.c.program_id == program_id, providers.c.reminder_dms == 1).order_by(M.c.user_id)
    )  # fmt: skip
    return [row[0] for row in rows]
