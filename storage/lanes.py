"""Lane leases: one process at a time owns a target's (a channel's or a user's) lane, so Slack's pacing of one
message per second per channel holds across processes. A lane row names its owner and until when the lease
holds; an owner renews it while it sends and releases it when the target has nothing more due, noting when
it last called Slack for the target, so the next owner, whoever it is, waits out the pacing from there.
An owner that dies loses the lane when its lease runs out.

Slack's rate limits are also per workspace and method: a hub's back-off (a 429's Retry-After, or 5xx answers)
pauses that kind of call (post, update, delete, upload) for that hub only, for every process, until it ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, delete, exists, func, or_, select, update

from echobot.storage.codec import from_db, opt_from_db, opt_to_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert
from echobot.storage.tables import hub_backoffs as B
from echobot.storage.tables import lanes as L


def taken(target: Any, owner: str | None, stamp: str) -> ColumnElement[bool]:
    """Whether another process holds a live lease on the lane of `target` (an outbox column, or a value). The lanes
    others hold are read once (a set, not a look-up per candidate row: on PostgreSQL the lanes' target is in the "C"
    collation and the outbox's is not, and a comparison across the two cannot use the lanes' key)."""
    held = select(L.c.target).where(L.c.owner.is_not(None), L.c.owner != (owner or ""), L.c.lease_until >= stamp)
    return target.in_(held) if isinstance(target, ColumnElement) else exists(held.where(L.c.target == target))


def _free(owner: str, stamp: str) -> ColumnElement[bool]:
    return or_(L.c.owner.is_(None), L.c.owner == owner, L.c.lease_until.is_(None), L.c.lease_until < stamp)


async def acquire(
    tx: Tx, targets: Iterable[str], owner: str, now: datetime, lease_until: datetime
) -> dict[str, datetime | None]:
    """Take the lanes of `targets` that nobody else holds; {target: when Slack was last called for it}."""
    wanted = sorted(set(targets))
    if not wanted:
        return {}
    stamp, until = to_db(now), to_db(lease_until)
    statement = insert(L, tx.dialect)
    statement = statement.on_conflict_do_update(
        index_elements=[L.c.target],
        set_={"owner": owner, "lease_until": until},
        where=_free(owner, stamp),
    ).returning(L.c.target, L.c.last_call_at)
    rows = await tx.fetchall(statement, [{"target": t, "owner": owner, "lease_until": until} for t in wanted])
    return {row.target: opt_from_db(row.last_call_at) for row in rows}


async def holds(tx: Tx, target: str, owner: str, now: datetime, lease_until: datetime) -> bool:
    """Whether `owner` still holds the lane of `target` (and, if so, its lease runs on to `lease_until`)."""
    changed = await tx.execute(
        update(L)
        .where(L.c.target == target, L.c.owner == owner, L.c.lease_until >= to_db(now))
        .values(lease_until=to_db(lease_until))
    )
    return changed > 0


def _later(stamp: str | None) -> Any:
    """The later of the lane's noted last call and `stamp`."""
    if stamp is None:
        return L.c.last_call_at
    return case((or_(L.c.last_call_at.is_(None), L.c.last_call_at < stamp), stamp), else_=L.c.last_call_at)


async def release(tx: Tx, target: str, owner: str, last_call_at: datetime | None) -> None:
    """Give the lane up, noting the last call to Slack for it (the later of the noted one and this)."""
    await tx.execute(
        update(L)
        .where(L.c.target == target, L.c.owner == owner)
        .values(owner=None, lease_until=None, last_call_at=_later(opt_to_db(last_call_at)))
    )


async def release_unless(
    tx: Tx, targets: Iterable[str], owner: str, last_call_at: datetime, busy: Callable[[Any], ColumnElement[bool]]
) -> set[str]:
    """Give up the lanes of `targets` that `owner` holds and for which `busy(target column)` is false, noting
    `last_call_at` as the last call to Slack for each; returns the targets given up."""
    wanted = sorted(set(targets))
    if not wanted:
        return set()
    rows = await tx.fetchall(
        update(L)
        .where(L.c.target.in_(wanted), L.c.owner == owner, ~busy(L.c.target))
        .values(owner=None, lease_until=None, last_call_at=_later(to_db(last_call_at)))
        .returning(L.c.target)
    )
    return {row.target for row in rows}


async def release_all(tx: Tx) -> int:
    """Free every lane (the one process of an embedded database starting: whatever held them is gone)."""
    return await tx.execute(update(L).where(L.c.owner.is_not(None)).values(owner=None, lease_until=None))


async def prune(tx: Tx, before: datetime) -> int:
    """Delete the lanes nobody holds (or whose holder's lease ran out) and for which Slack was last called
    before `before` (or never): their pacing is long over, and a lane is made again when its target next has
    something due. Returns how many were deleted."""
    stamp = to_db(before)
    unowned = or_(L.c.owner.is_(None), L.c.lease_until.is_(None), L.c.lease_until < stamp)
    idle = or_(L.c.last_call_at.is_(None), L.c.last_call_at < stamp)
    return await tx.execute(delete(L).where(unowned, idle))


async def renew(tx: Tx, owner: str, lease_until: datetime) -> int:
    """Extend every lease `owner` holds; returns how many lanes it still holds."""
    return await tx.execute(update(L).where(L.c.owner == owner).values(lease_until=to_db(lease_until)))


async def owned(db: Reader, now: datetime) -> int:
    """Lanes with a live lease, across all processes."""
    value = await db.scalar(
        select(func.count()).select_from(L).where(and_(L.c.owner.is_not(None), L.c.lease_until >= to_db(now)))
    )
    return int(value or 0)


async def back_off(tx: Tx, hub_id: str, kind: str, until: datetime, reason: str) -> None:
    """Pause `kind` calls for `hub_id` until `until` (the later of this and a pause already noted)."""
    stamp = to_db(until)
    statement = insert(B, tx.dialect).values(hub_id=hub_id, kind=kind, until=stamp, reason=reason)
    await tx.execute(
        statement.on_conflict_do_update(
            index_elements=[B.c.hub_id, B.c.kind], set_={"until": stamp, "reason": reason}, where=B.c.until < stamp
        )
    )


def paused(hub_id: Any, kind: Any, stamp: str) -> ColumnElement[bool]:
    """Whether `kind` calls for `hub_id` (columns or values) are paused at `stamp`."""
    return exists().where(B.c.hub_id == hub_id, B.c.kind == kind, B.c.until > stamp)


def pause_until(hub_id: Any, kind: Any) -> Any:
    """Until when `kind` calls for `hub_id` are (or were) paused; NULL when never."""
    return select(func.max(B.c.until)).where(B.c.hub_id == hub_id, B.c.kind == kind).scalar_subquery()


async def pauses(db: Reader, now: datetime) -> dict[tuple[str, str], datetime]:
    """The live pauses: {(hub, kind): until}."""
    rows = await db.fetchall(select(B).where(B.c.until > to_db(now)))
    return {(row.hub_id, row.kind): from_db(row.until) for row in rows}


async def prune_pauses(tx: Tx, before: datetime) -> int:
    """Delete the pauses that ended before `before`."""
    return await tx.execute(delete(B).where(B.c.until < to_db(before)))
