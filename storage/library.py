"""The case library: entries (a case's teaching points, never its clinical text), each program's tag list, the
searches counted for the digest. Full-text search itself is in storage/library_search.py (one query per dialect)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, insert, select, update

from echobot.models import LibraryEntry
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert as upsert
from echobot.storage.tables import library_entries as E
from echobot.storage.tables import library_entry_tags as ET
from echobot.storage.tables import library_searches as S
from echobot.storage.tables import library_tags as T


def from_row(row: Row[Any]) -> LibraryEntry:
    m = row._mapping
    return LibraryEntry(
        **{key: m[key] for key in ("id", "program_id", "case_id", "title", "tags", "question", "recommendation",
                                   "age_band", "sex", "year", "outcome", "credited", "created_by", "hidden_by")},
        created_at=from_db(m["created_at"]),
        hidden_at=opt_from_db(m["hidden_at"]),
        pending_review=bool(m["pending_review"]),
    )  # fmt: skip


async def create(tx: Tx, fields: dict[str, Any], tags: Sequence[str], at: datetime) -> LibraryEntry | None:
    """Store an entry and its tags (lower case), growing the program's tag list; None when the case already has
    an entry (a resent submission)."""
    row = await tx.fetchone(
        upsert(E, tx.dialect).values(**fields, created_at=to_db(at))
        .on_conflict_do_nothing(index_elements=["case_id"]).returning(*E.c)
    )  # fmt: skip
    if row is None:
        return None
    entry = from_row(row)
    for tag in dict.fromkeys(tags):
        await tx.execute(insert(ET).values(entry_id=entry.id, tag=tag))
        await tx.execute(
            upsert(T, tx.dialect).values(program_id=entry.program_id, tag=tag, entries=1)
            .on_conflict_do_update(index_elements=["program_id", "tag"], set_={"entries": T.c.entries + 1})
        )  # fmt: skip
    return entry


async def get(db: Reader, entry_id: int) -> LibraryEntry | None:
    row = await db.fetchone(select(E).where(E.c.id == entry_id))
    return None if row is None else from_row(row)


async def of_case(db: Reader, case_id: int) -> LibraryEntry | None:
    row = await db.fetchone(select(E).where(E.c.case_id == case_id))
    return None if row is None else from_row(row)


async def set_outcome(tx: Tx, case_id: int, outcome: str) -> bool:
    """The submitter's follow-up answer reaches the case's entry (if it has one)."""
    return await tx.execute(update(E).where(E.c.case_id == case_id).values(outcome=outcome)) > 0


async def hide(tx: Tx, entry_id: int, by: str, at: datetime) -> bool:
    """Hide a visible entry; False when it is already hidden (or gone)."""
    changed = await tx.execute(
        update(E).where(E.c.id == entry_id, E.c.hidden_at.is_(None)).values(hidden_at=to_db(at), hidden_by=by)
    )
    return changed > 0


async def hold_for_review(tx: Tx, case_id: int, by: str, at: datetime) -> LibraryEntry | None:
    """The case was reported as holding identifiers: its entry is hidden (if it was not already), pending a
    coordinator's review. The entry, or None when the case has none."""
    await tx.execute(
        update(E).where(E.c.case_id == case_id, E.c.hidden_at.is_(None))
        .values(hidden_at=to_db(at), hidden_by=by, pending_review=1)
    )  # fmt: skip
    row = await tx.fetchone(select(E).where(E.c.case_id == case_id))
    return None if row is None else from_row(row)


async def review(tx: Tx, entry_id: int, show: bool, by: str, at: datetime) -> bool:
    """A coordinator's decision on an entry pending review: shown again, or kept hidden (as hidden by them).
    False when it was already decided."""
    values: dict[str, Any] = ({"hidden_at": None, "hidden_by": None} if show
                              else {"hidden_at": to_db(at), "hidden_by": by})  # fmt: skip
    changed = await tx.execute(
        update(E).where(E.c.id == entry_id, E.c.pending_review == 1).values(pending_review=0, **values)
    )
    return changed > 0


async def tags(db: Reader, program_ids: Sequence[int], limit: int = 100) -> list[str]:
    """The programs' tags, the most used first."""
    if not program_ids:
        return []
    rows = await db.fetchall(
        select(T.c.tag, func.sum(T.c.entries).label("uses")).where(T.c.program_id.in_(list(program_ids)))
        .group_by(T.c.tag).order_by(func.sum(T.c.entries).desc(), T.c.tag).limit(limit)
    )  # fmt: skip
    return [row.tag for row in rows]


async def count_search(tx: Tx, program_ids: Sequence[int], at: datetime) -> None:
    """One search made in each of these programs (for the digest): no words, no person."""
    if program_ids:
        await tx.execute(insert(S), [{"program_id": pid, "at": to_db(at)} for pid in program_ids])


async def added(db: Reader, program_id: int, since: datetime, until: datetime) -> int:
    return int(await db.scalar(
        select(func.count()).select_from(E)
        .where(E.c.program_id == program_id, E.c.created_at >= to_db(since), E.c.created_at < to_db(until))
    ))  # fmt: skip


async def searches(db: Reader, program_id: int, since: datetime, until: datetime) -> int:
    return int(await db.scalar(
        select(func.count()).select_from(S)
        .where(S.c.program_id == program_id, S.c.at >= to_db(since), S.c.at < to_db(until))
    ))  # fmt: skip
