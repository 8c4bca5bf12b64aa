"""Hubs: one row per installed workspace or Grid organization (or the single-token hub), and, when a hub asks,
removing everything it holds for good."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Row, Table, case, delete, func, or_, select, update

from echobot.models import HubProfile
from echobot.storage.codec import opt_from_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert
from echobot.storage.tables import hubs as H
from echobot.storage.tables import metadata, programs, slack_bots, slack_installations

TOPIC = "hubs"  # touched by installs, uninstalls and settings changes: caches of hub profiles and tokens listen


def _profile(row: Row[Any]) -> HubProfile:
    return HubProfile(
        hub_id=row.hub_id, enterprise_id=row.enterprise_id, team_id=row.team_id, name=row.name,
        timezone=row.timezone, accreditation_statement=row.accreditation_statement, installed_by=row.installed_by,
        uninstalled_at=opt_from_db(row.uninstalled_at), uninstall_reason=row.uninstall_reason,
        digest_day=row.digest_day, digest_time=row.digest_time, digest_channel=row.digest_channel,
    )  # fmt: skip


async def get(db: Reader, hub_id: str) -> HubProfile | None:
    row = await db.fetchone(select(H).where(H.c.hub_id == hub_id))
    return None if row is None else _profile(row)


async def serving(db: Reader) -> list[str]:
    """The hubs echobot may send for (not uninstalled), in a stable order."""
    rows = await db.fetchall(select(H.c.hub_id).where(H.c.uninstalled_at.is_(None)).order_by(H.c.hub_id))
    return [row[0] for row in rows]


async def installed(
    tx: Tx, hub_id: str, *, enterprise_id: str | None, team_id: str | None, name: str, by: str, at: datetime
) -> bool:
    """Record an install (or a reinstall, which lets sending resume). True for a hub new to echobot."""
    tx.touch(TOPIC)
    statement = insert(H, tx.dialect).values(
        hub_id=hub_id, enterprise_id=enterprise_id, team_id=team_id, name=name, installed_by=by, installed_at=to_db(at)
    )
    new = await tx.fetchall(statement.on_conflict_do_nothing(index_elements=["hub_id"]).returning(H.c.hub_id))
    if not new:  # a reinstall, or the first install of a hub adopted from single-token mode (its settings kept)
        await tx.execute(update(H).where(H.c.hub_id == hub_id).values(
            uninstalled_at=None, uninstall_reason=None, enterprise_id=enterprise_id, team_id=team_id,
            name=case((H.c.name == "", name), else_=H.c.name), installed_by=func.coalesce(H.c.installed_by, by),
            installed_at=func.coalesce(H.c.installed_at, to_db(at))))  # fmt: skip
    return bool(new)


async def ensure(tx: Tx, hub_id: str) -> None:
    """The single-token hub's row (its settings then come from the environment until changed in Slack)."""
    await tx.execute(insert(H, tx.dialect).values(hub_id=hub_id).on_conflict_do_nothing(index_elements=["hub_id"]))


async def stop(tx: Tx, hub_id: str, reason: str, at: datetime) -> bool:
    """Slack said the app is gone from this hub: nothing more is sent for it. False when already stopped."""
    tx.touch(TOPIC)
    changed = await tx.execute(
        update(H).where(H.c.hub_id == hub_id, H.c.uninstalled_at.is_(None))
        .values(uninstalled_at=to_db(at), uninstall_reason=reason)
    )  # fmt: skip
    return changed > 0


async def set_settings(tx: Tx, hub_id: str, *, name: str, timezone: str, statement: str, **digest: str) -> None:
    """The hub's settings; `digest`: digest_day, digest_time, digest_channel (those given)."""
    tx.touch(TOPIC)
    await tx.execute(insert(H, tx.dialect).values(hub_id=hub_id).on_conflict_do_nothing(index_elements=["hub_id"]))
    await tx.execute(
        update(H).where(H.c.hub_id == hub_id)
        .values(name=name, timezone=timezone, accreditation_statement=statement, **digest)
    )  # fmt: skip


# ---- purge ------------------------------------------------------------------------------------------------------


def _owned_ids(table: Table, hub_id: str, seen: frozenset[str] = frozenset()) -> Any | None:
    """A subquery of the primary keys of `table`'s rows that belong to the hub: by its own hub_id column, or
    through a foreign key to a table whose rows do (programs, and so on down: sessions, cases…). None when
    `table` is not reached from a hub."""
    key = list(table.primary_key.columns)
    if len(key) != 1:
        return None
    condition = _owned_where(table, hub_id, seen | {table.name})
    return None if condition is None else select(key[0]).where(condition)


def _owned_where(table: Table, hub_id: str, seen: frozenset[str] = frozenset()) -> Any | None:
    """The condition on `table`'s rows that belong to the hub; through any of its foreign keys that lead to one
    (a case belongs to its program's hub whether or not it has a session yet)."""
    if "hub_id" in table.c:
        return table.c.hub_id == hub_id
    through = []
    for foreign_key in sorted(table.foreign_keys, key=lambda fk: fk.parent.name):
        parent = foreign_key.column.table
        if parent.name in seen or not isinstance(parent, Table):
            continue
        owned = _owned_ids(parent, hub_id, seen | {table.name})
        if owned is not None:
            through.append(foreign_key.parent.in_(owned.scalar_subquery()))
    return or_(*through) if through else None


def scoped_tables() -> list[Table]:
    """The tables whose rows carry their hub (a hub_id column), parents first, but for `hubs` itself. Every other
    table of a hub's records hangs off one of these by a foreign key (a session off its program...). Purge and
    adopt both start from this list, so a table a later migration gives a hub_id is in both."""
    return [table for table in metadata.sorted_tables if "hub_id" in table.c and table.name != H.name]


def owned_tables(hub_id: str) -> list[tuple[Table, Any]]:
    """Every table with rows a hub owns (the scoped tables and those hanging off them), children first, each
    with the condition on its rows that are the hub's."""
    scoped = {table.name for table in scoped_tables()}
    found = []
    for table in reversed(metadata.sorted_tables):
        if table.name == H.name:
            continue
        where = _owned_where(table, hub_id)
        if where is not None:
            assert "hub_id" not in table.c or table.name in scoped
            found.append((table, where))
    return found


async def purge(tx: Tx, hub_id: str, enterprise_id: str | None, team_id: str | None) -> dict[str, int]:
    """Delete every row the hub owns, children before parents, and its Slack installation; returns how many rows
    of each table went. A table belongs to a hub by a hub_id column or through foreign keys to one that does, so
    tables later features hang off programs (with a foreign key) are purged too."""
    tx.touch(TOPIC)
    counts: dict[str, int] = {}
    for table, where in owned_tables(hub_id):
        counts[table.name] = await tx.execute(delete(table).where(where))
    for store in (slack_installations, slack_bots):
        same_team = store.c.team_id == team_id if team_id else store.c.team_id.is_(None)
        same = (store.c.enterprise_id == enterprise_id if enterprise_id else store.c.enterprise_id.is_(None), same_team)
        counts[store.name] = await tx.execute(delete(store).where(*same))
    counts[H.name] = await tx.execute(delete(H).where(H.c.hub_id == hub_id))
    return {name: count for name, count in counts.items() if count}


async def program_count(db: Reader, hub_id: str) -> int:
    return int(await db.scalar(select(func.count()).select_from(programs).where(programs.c.hub_id == hub_id)))


# ---- adopt ------------------------------------------------------------------------------------------------------

# What an install writes into a hub (its installer as coordinator, the install in its audit log): a hub installed
# before the single-token hub is adopted into it holds only these, and keeps them beside what it adopts.
INSTALL_TRACES = frozenset({"coordinators", "audit_log"})
SETTINGS = ("name", "timezone", "accreditation_statement", "digest_day", "digest_time", "digest_channel")


async def records_of(db: Reader, hub_id: str, *, besides: frozenset[str] = frozenset()) -> dict[str, int]:
    """How many rows of each table the hub owns (those with any), leaving out the tables named in `besides`."""
    counts = {}
    for table, where in owned_tables(hub_id):
        if table.name not in besides:
            found = int(await db.scalar(select(func.count()).select_from(table).where(where)))
            if found:
                counts[table.name] = found
    return counts


async def adopt(tx: Tx, source: str, target: str, *, enterprise_id: str | None, team_id: str | None,
                settings: dict[str, str]) -> dict[str, int]:  # fmt: skip
    """Re-scope every record of hub `source` to hub `target` (a workspace or Grid organization id): the hub_id of
    each scoped table's rows (records hanging off programs follow their program), and the hub's row with its
    settings (`source`'s stored ones, else `settings`, the environment's it ran with, else `target`'s own). A
    person who coordinates both keeps one row. Returns the rows moved per table."""
    tx.touch(TOPIC)
    counts: dict[str, int] = {}
    for table in scoped_tables():
        if table.name == "coordinators":
            twice = select(table.c.user_id).where(table.c.hub_id == target).scalar_subquery()
            await tx.execute(delete(table).where(table.c.hub_id == source, table.c.user_id.in_(twice)))
        moved = await tx.execute(update(table).where(table.c.hub_id == source).values(hub_id=target))
        if moved:
            counts[table.name] = moved
    old = await tx.fetchone(select(H).where(H.c.hub_id == source))
    new = await tx.fetchone(select(H).where(H.c.hub_id == target))
    values = {name: (getattr(old, name, "") if old is not None else "") or settings.get(name, "")
              or (getattr(new, name, "") if new is not None else "") for name in SETTINGS}  # fmt: skip
    await tx.execute(insert(H, tx.dialect).values(hub_id=target).on_conflict_do_nothing(index_elements=["hub_id"]))
    await tx.execute(update(H).where(H.c.hub_id == target).values(
        enterprise_id=func.coalesce(H.c.enterprise_id, enterprise_id), team_id=func.coalesce(H.c.team_id, team_id),
        **values))  # fmt: skip
    if await tx.execute(delete(H).where(H.c.hub_id == source)):
        counts[H.name] = 1
    return counts
