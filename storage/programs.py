"""Programs, their staff (specialists, program coordinators) and their members."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time
from typing import Any

from echobot.models import Program, ScheduleKind
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.providers import TOPIC as PEOPLE_TOPIC


def _from_row(row: sqlite3.Row, staff: dict[str, list[str]]) -> Program:
    return Program(
        id=row["id"],
        name=row["name"],
        channel_id=row["channel_id"],
        review_channel_id=row["review_channel_id"],
        timezone=row["timezone"],
        schedule_kind=ScheduleKind(row["schedule_kind"]),
        interval_weeks=row["interval_weeks"],
        first_date=date.fromisoformat(row["first_date"]),
        start_time=time.fromisoformat(row["start_time"]),
        duration_minutes=row["duration_minutes"],
        video_url=row["video_url"],
        reminder_offsets=json.loads(row["reminder_offsets"]),
        case_slots=row["case_slots"],
        eval_window_days=row["eval_window_days"],
        credit_quarters=row["credit_quarters"],
        followup_weeks=row["followup_weeks"],
        anonymous_ratings=bool(row["anonymous_ratings"]),
        specialists=staff.get("specialist", []),
        coordinators=staff.get("coordinator", []),
        archived_at=opt_from_db(row["archived_at"]),
        created_by=row["created_by"],
        created_at=from_db(row["created_at"]),
        updated_at=from_db(row["updated_at"]),
    )


async def _staff(db: Reader, program_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    if not program_ids:
        return {}
    marks = ",".join("?" * len(program_ids))
    rows = await db.fetchall(
        f"SELECT program_id, user_id, role FROM program_staff WHERE program_id IN ({marks}) ORDER BY user_id",
        program_ids,
    )
    staff: dict[int, dict[str, list[str]]] = {}
    for row in rows:
        staff.setdefault(row["program_id"], {}).setdefault(row["role"], []).append(row["user_id"])
    return staff


async def _many(db: Reader, where: str, params: tuple[Any, ...] = (), *, staff: bool = True) -> list[Program]:
    rows = await db.fetchall(f"SELECT * FROM programs {where}", params)
    people = await _staff(db, [row["id"] for row in rows]) if staff else {}
    return [_from_row(row, people.get(row["id"], {})) for row in rows]


async def get(db: Reader, program_id: int, *, staff: bool = True) -> Program | None:
    """A program; with staff=False its specialists and coordinators are left out (one query less, for
    rendering messages, which never need them)."""
    found = await _many(db, "WHERE id = ?", (program_id,), staff=staff)
    return found[0] if found else None


async def get_by_name(db: Reader, name: str) -> Program | None:
    found = await _many(db, "WHERE lower(name) = lower(?)", (name.strip(),))
    return found[0] if found else None


async def every(db: Reader) -> list[Program]:
    return await _many(db, "ORDER BY lower(name)")


async def active(db: Reader) -> list[Program]:
    return await _many(db, "WHERE archived_at IS NULL ORDER BY lower(name)")


def _values(program: Program) -> tuple[Any, ...]:
    return (
        program.name,
        program.channel_id,
        program.review_channel_id,
        program.timezone,
        program.schedule_kind.value,
        program.interval_weeks,
        program.first_date.isoformat(),
        program.start_time.strftime("%H:%M"),
        program.duration_minutes,
        program.video_url,
        json.dumps(program.reminder_offsets),
        program.case_slots,
        program.eval_window_days,
        program.credit_quarters,
        int(program.anonymous_ratings),
    )


_FIELDS = (
    "name, channel_id, review_channel_id, timezone, schedule_kind, interval_weeks, first_date, start_time, "
    "duration_minutes, video_url, reminder_offsets, case_slots, eval_window_days, credit_quarters, anonymous_ratings"
)


async def create(tx: Tx, program: Program) -> Program:
    """Insert a program (its id is ignored) with its staff; returns it with its new id."""
    new_id = await tx.insert(
        f"INSERT INTO programs ({_FIELDS}, created_by, created_at, updated_at) VALUES ({', '.join('?' * 18)})",
        (*_values(program), program.created_by, to_db(program.created_at), to_db(program.updated_at)),
    )
    saved = program.model_copy(update={"id": new_id})
    await set_staff(tx, saved)
    return saved


async def update(tx: Tx, program: Program) -> None:
    assignments = ", ".join(f"{field.strip()} = ?" for field in _FIELDS.split(","))
    await tx.execute(
        f"UPDATE programs SET {assignments}, updated_at = ? WHERE id = ?",
        (*_values(program), to_db(program.updated_at), program.id),
    )
    await set_staff(tx, program)


async def set_staff(tx: Tx, program: Program) -> None:
    tx.touch(PEOPLE_TOPIC)
    await tx.execute("DELETE FROM program_staff WHERE program_id = ?", (program.id,))
    await tx.executemany(
        "INSERT INTO program_staff (program_id, user_id, role) VALUES (?, ?, ?)",
        [(program.id, user, "specialist") for user in program.specialists]
        + [(program.id, user, "coordinator") for user in program.coordinators],
    )


async def archive(tx: Tx, program_id: int, at: datetime) -> bool:
    changed = await tx.execute(
        "UPDATE programs SET archived_at = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL",
        (to_db(at), to_db(at), program_id),
    )
    return changed > 0


async def staff_roles(db: Reader, user_id: str) -> dict[int, set[str]]:
    """{program id: {'specialist', 'coordinator'}} for the programs where `user_id` is staff."""
    rows = await db.fetchall("SELECT program_id, role FROM program_staff WHERE user_id = ?", (user_id,))
    roles: dict[int, set[str]] = {}
    for row in rows:
        roles.setdefault(row["program_id"], set()).add(row["role"])
    return roles


# ---- members ----------------------------------------------------------------------------------


async def join(tx: Tx, program_id: int, user_id: str, at: datetime) -> bool:
    inserted = await tx.execute(
        "INSERT INTO program_members (program_id, user_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        (program_id, user_id, to_db(at)),
    )
    return inserted > 0


async def leave(tx: Tx, program_id: int, user_id: str) -> bool:
    return (
        await tx.execute("DELETE FROM program_members WHERE program_id = ? AND user_id = ?", (program_id, user_id)) > 0
    )


async def joined(db: Reader, user_id: str) -> list[int]:
    rows = await db.fetchall(
        "SELECT m.program_id FROM program_members AS m JOIN programs AS p ON p.id = m.program_id"
        " WHERE m.user_id = ? AND p.archived_at IS NULL ORDER BY lower(p.name)",
        (user_id,),
    )
    return [row[0] for row in rows]


async def members(db: Reader, program_id: int) -> list[str]:
    rows = await db.fetchall(
        "SELECT user_id FROM program_members WHERE program_id = ? ORDER BY joined_at", (program_id,)
    )
    return [row[0] for row in rows]


async def members_wanting_reminder_dms(db: Reader, program_id: int) -> list[str]:
    rows = await db.fetchall(
        "SELECT m.user_id FROM program_members AS m JOIN providers AS p ON p.user_id = m.user_id"
        " WHERE m.program_id = ? AND p.reminder_dms = 1 ORDER BY m.user_id",
        (program_id,),
    )
    return [row[0] for row in rows]
