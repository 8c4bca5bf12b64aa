"""Registered providers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, exists, func, literal, select, update

from echobot.models import Credential, Provider, Role
from echobot.storage import hub
from echobot.storage.codec import from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert
from echobot.storage.tables import coordinators
from echobot.storage.tables import providers as P

TOPIC = "people"  # touched by every write that changes who someone is; see echobot.services.people

_COLUMNS = [column for column in P.c if column.name not in ("reminder_dms", "hub_id")]
_KEPT_ON_EDIT = ("user_id", "registered_at")


def registration_of(user_id: Any) -> Any:
    """The join condition from a user id column to that person's registration with the current hub."""
    return (P.c.user_id == user_id) & (P.c.hub_id == hub.current())


def _from_row(row: Row[Any]) -> Provider:
    return Provider(
        user_id=row.user_id,
        name=row.name,
        credential=Credential(row.credential),
        discipline=row.discipline,
        organization=row.organization,
        state=row.state,
        county=row.county,
        email=row.email,
        role=Role(row.role),
        npi=row.npi,
        licence_number=row.licence_number,
        licence_consent=bool(row.licence_consent),
        birth_month=row.birth_month,
        birth_day=row.birth_day,
        birth_consent=bool(row.birth_consent),
        registered_at=from_db(row.registered_at),
        updated_at=from_db(row.updated_at),
        team_id=row.team_id,
    )


async def get(db: Reader, user_id: str) -> Provider | None:
    row = await db.fetchone(select(*_COLUMNS).where(P.c.hub_id == hub.current(), P.c.user_id == user_id))
    return None if row is None else _from_row(row)


async def get_with_coordinator_flag(db: Reader, user_id: str) -> tuple[Provider | None, bool]:
    """A person's registration and whether they were added as a coordinator, in one query."""
    wanted = select(literal(user_id).label("wanted")).subquery()
    here = hub.current()
    is_coordinator = exists().where(coordinators.c.hub_id == here, coordinators.c.user_id == user_id)
    row = await db.fetchone(
        select(*_COLUMNS, is_coordinator.label("is_coordinator"))
        .select_from(wanted.outerjoin(P, (P.c.user_id == wanted.c.wanted) & (P.c.hub_id == here)))
    )
    assert row is not None
    provider = None if row.user_id is None else _from_row(row)
    return provider, bool(row.is_coordinator)


async def count(db: Reader) -> int:
    return int(await db.scalar(select(func.count()).select_from(P).where(P.c.hub_id == hub.current())))


async def save(tx: Tx, provider: Provider) -> None:
    """Insert or replace the whole registration (registered_at is kept on edits)."""
    tx.touch(TOPIC)
    statement = insert(P, tx.dialect).values(
        user_id=provider.user_id,
        name=provider.name,
        credential=provider.credential.value,
        discipline=provider.discipline,
        organization=provider.organization,
        state=provider.state,
        county=provider.county,
        email=provider.email,
        role=provider.role.value,
        npi=provider.npi,
        licence_number=provider.licence_number,
        licence_consent=int(provider.licence_consent),
        birth_month=provider.birth_month,
        birth_day=provider.birth_day,
        birth_consent=int(provider.birth_consent),
        registered_at=to_db(provider.registered_at),
        updated_at=to_db(provider.updated_at),
        team_id=provider.team_id,
        hub_id=hub.current(),
    )
    changed = {c.name: statement.excluded[c.name] for c in _COLUMNS if c.name not in _KEPT_ON_EDIT}
    await tx.execute(statement.on_conflict_do_update(index_elements=["hub_id", "user_id"], set_=changed))


async def set_role(tx: Tx, user_id: str, role: Role, at: datetime) -> bool:
    """Change the role; False when the provider already had it (or is not registered)."""
    tx.touch(TOPIC)
    changed = await tx.execute(
        update(P).where(P.c.hub_id == hub.current(), P.c.user_id == user_id, P.c.role != role.value)
        .values(role=role.value, updated_at=to_db(at))
    )
    return changed > 0


async def set_reminder_dms(tx: Tx, user_id: str, wanted: bool) -> bool:
    """Opt in or out of DM copies of session reminders; False when not registered."""
    mine = (P.c.hub_id == hub.current(), P.c.user_id == user_id)
    return await tx.execute(update(P).where(*mine).values(reminder_dms=int(wanted))) > 0
