"""Registered providers."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from echobot.models import Credential, Provider, Role
from echobot.storage.codec import from_db, to_db
from echobot.storage.database import Reader, Tx

TOPIC = "people"  # touched by every write that changes who someone is; see echobot.services.people

_COLUMNS = (
    "user_id, name, credential, discipline, organization, state, county, email, role, npi, "
    "licence_number, licence_consent, birth_month, birth_day, birth_consent, registered_at, updated_at"
)


def _from_row(row: sqlite3.Row) -> Provider:
    return Provider(
        user_id=row["user_id"],
        name=row["name"],
        credential=Credential(row["credential"]),
        discipline=row["discipline"],
        organization=row["organization"],
        state=row["state"],
        county=row["county"],
        email=row["email"],
        role=Role(row["role"]),
        npi=row["npi"],
        licence_number=row["licence_number"],
        licence_consent=bool(row["licence_consent"]),
        birth_month=row["birth_month"],
        birth_day=row["birth_day"],
        birth_consent=bool(row["birth_consent"]),
        registered_at=from_db(row["registered_at"]),
        updated_at=from_db(row["updated_at"]),
    )


async def get(db: Reader, user_id: str) -> Provider | None:
    row = await db.fetchone(f"SELECT {_COLUMNS} FROM providers WHERE user_id = ?", (user_id,))
    return None if row is None else _from_row(row)


async def get_with_coordinator_flag(db: Reader, user_id: str) -> tuple[Provider | None, bool]:
    """A person's registration and whether they were added as a coordinator, in one query."""
    row = await db.fetchone(
        f"""
        SELECT {_COLUMNS.replace("user_id,", "p.user_id AS user_id,", 1)},
               EXISTS (SELECT 1 FROM coordinators WHERE user_id = :user) AS is_coordinator
        FROM (SELECT :user AS wanted) LEFT JOIN providers AS p ON p.user_id = wanted
        """,
        {"user": user_id},
    )
    assert row is not None
    provider = None if row["user_id"] is None else _from_row(row)
    return provider, bool(row["is_coordinator"])


async def count(db: Reader) -> int:
    return int(await db.scalar("SELECT count(*) FROM providers"))


async def save(tx: Tx, provider: Provider) -> None:
    """Insert or replace the whole registration (registered_at is kept on edits)."""
    tx.touch(TOPIC)
    await tx.execute(
        f"""
        INSERT INTO providers ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (user_id) DO UPDATE SET
            name = excluded.name, credential = excluded.credential, discipline = excluded.discipline,
            organization = excluded.organization, state = excluded.state, county = excluded.county,
            email = excluded.email, role = excluded.role, npi = excluded.npi,
            licence_number = excluded.licence_number, licence_consent = excluded.licence_consent,
            birth_month = excluded.birth_month, birth_day = excluded.birth_day,
            birth_consent = excluded.birth_consent, updated_at = excluded.updated_at
        """,
        (
            provider.user_id,
            provider.name,
            provider.credential.value,
            provider.discipline,
            provider.organization,
            provider.state,
            provider.county,
            provider.email,
            provider.role.value,
            provider.npi,
            provider.licence_number,
            int(provider.licence_consent),
            provider.birth_month,
            provider.birth_day,
            int(provider.birth_consent),
            to_db(provider.registered_at),
            to_db(provider.updated_at),
        ),
    )


async def set_role(tx: Tx, user_id: str, role: Role, at: datetime) -> bool:
    """Change the role; False when the provider already had it (or is not registered)."""
    tx.touch(TOPIC)
    changed = await tx.execute(
        "UPDATE providers SET role = ?, updated_at = ? WHERE user_id = ? AND role != ?",
        (role.value, to_db(at), user_id, role.value),
    )
    return changed > 0


async def set_reminder_dms(tx: Tx, user_id: str, wanted: bool) -> bool:
    """Opt in or out of DM copies of session reminders; False when not registered."""
    return await tx.execute("UPDATE providers SET reminder_dms = ? WHERE user_id = ?", (int(wanted), user_id)) > 0
