"""Session materials: the one current set of a session's slides and recording link (issue 17)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Row, select

from echobot.models import CaseState, SessionMaterials
from echobot.storage.codec import from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert as upsert
from echobot.storage.tables import cases as C
from echobot.storage.tables import session_materials as M


def _from_row(row: Row[Any]) -> SessionMaterials:
    return SessionMaterials(session_id=row.session_id, slides_file_id=row.slides_file_id, slides_name=row.slides_name,
                            slides_permalink=row.slides_permalink, recording_url=row.recording_url,
                            version=row.version, actor=row.actor, at=from_db(row.at))  # fmt: skip


async def get(db: Reader, session_id: int) -> SessionMaterials | None:
    row = await db.fetchone(select(M).where(M.c.session_id == session_id))
    return None if row is None else _from_row(row)


async def of_sessions(db: Reader, session_ids: Iterable[int]) -> dict[int, SessionMaterials]:
    """The materials of these sessions, by session id (sessions without any are absent)."""
    ids = list(session_ids)
    if not ids:
        return {}
    return {row.session_id: _from_row(row) for row in await db.fetchall(select(M).where(M.c.session_id.in_(ids)))}


async def save(tx: Tx, materials: SessionMaterials) -> int:
    """Replace the session's materials with these (one current set); returns the new version (1 for the first)."""
    values = materials.model_dump(exclude={"version", "session_id"})
    values["at"] = to_db(materials.at)
    statement = upsert(M, tx.dialect).values(session_id=materials.session_id, version=1, **values)
    statement = statement.on_conflict_do_update(index_elements=[M.c.session_id],
                                                set_={**values, "version": M.c.version + 1})  # fmt: skip
    return int(await tx.scalar(statement.returning(M.c.version)))


async def presents(db: Reader, session_id: int, user_id: str) -> bool:
    """Whether this person's case is scheduled into (or was presented at) this session."""
    found = await db.scalar(
        select(C.c.id).where(C.c.session_id == session_id, C.c.submitter == user_id,
                             C.c.state.in_([CaseState.SCHEDULED.value, CaseState.PRESENTED.value,
                                            CaseState.RECOMMENDATIONS_SENT.value, CaseState.CLOSED.value]))
        .limit(1)
    )  # fmt: skip
    return found is not None


async def presenting_sessions(db: Reader, user_id: str, session_ids: Iterable[int]) -> set[int]:
    """Which of these sessions this person presents at."""
    ids = list(session_ids)
    if not ids:
        return set()
    rows = await db.fetchall(
        select(C.c.session_id).where(C.c.session_id.in_(ids), C.c.submitter == user_id,
                                     C.c.state.in_([CaseState.SCHEDULED.value, CaseState.PRESENTED.value,
                                                    CaseState.RECOMMENDATIONS_SENT.value, CaseState.CLOSED.value]))
    )  # fmt: skip
    return {int(row.session_id) for row in rows}
