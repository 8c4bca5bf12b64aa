"""Issue 17: invitations by coordinators and join requests to invitation-only programs (each in its hub)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, select, update

from echobot.models import Invitation
from echobot.storage import hub
from echobot.storage.codec import from_db, opt_from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert
from echobot.storage.tables import program_invitations as I

PENDING = "pending"


def _from_row(row: Row[Any]) -> Invitation:
    return Invitation(id=row.id, program_id=row.program_id, user_id=row.user_id, kind=row.kind, state=row.state,
                      by_user=row.by_user, created_at=from_db(row.created_at), decided_by=row.decided_by,
                      decided_at=opt_from_db(row.decided_at))  # fmt: skip


async def get(db: Reader, invitation_id: int) -> Invitation | None:
    row = await db.fetchone(select(I).where(I.c.id == invitation_id, I.c.hub_id == hub.current()))
    return _from_row(row) if row else None


async def pending(db: Reader, program_id: int, user_id: str, kind: str) -> Invitation | None:
    row = await db.fetchone(select(I).where(I.c.program_id == program_id, I.c.user_id == user_id, I.c.kind == kind,
                                            I.c.state == PENDING, I.c.hub_id == hub.current()))  # fmt: skip
    return _from_row(row) if row else None


async def pending_invites_of(db: Reader, user_id: str) -> list[Invitation]:
    rows = await db.fetchall(select(I).where(I.c.user_id == user_id, I.c.kind == "invite", I.c.state == PENDING,
                                             I.c.hub_id == hub.current()).order_by(I.c.id))  # fmt: skip
    return [_from_row(row) for row in rows]


async def add(tx: Tx, program_id: int, user_id: str, kind: str, by_user: str, at: datetime) -> Invitation | None:
    """A new pending invitation or request; None (and no change) when one is already pending."""
    new_id = await tx.scalar(
        insert(I, tx.dialect)
        .values(program_id=program_id, user_id=user_id, kind=kind, state=PENDING, by_user=by_user,
                created_at=to_db(at), hub_id=hub.current())
        .on_conflict_do_nothing(index_elements=["program_id", "user_id", "kind"], index_where=I.c.state == PENDING)
        .returning(I.c.id)
    )  # fmt: skip
    return None if new_id is None else await get(tx, int(new_id))


async def decide(tx: Tx, invitation_id: int, state: str, by_user: str, at: datetime) -> bool:
    """Settle a pending one (once: False when it was already settled)."""
    changed = await tx.execute(
        update(I).where(I.c.id == invitation_id, I.c.state == PENDING, I.c.hub_id == hub.current())
        .values(state=state, decided_by=by_user, decided_at=to_db(at))
    )  # fmt: skip
    return changed > 0
