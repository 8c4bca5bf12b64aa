"""The outbox: every outbound Slack message as a row with an idempotency key and a due time.

A row is written in the same transaction as the change that causes it; the dispatcher claims
due rows one channel ("lane") at a time, in (due_at, id) order, so messages to one channel
leave in the order they were planned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, bindparam, case, func, or_, select, true, update
from sqlalchemy.orm import aliased

from echobot.models import Message, OutboxItem, OutboxKind, OutboxState, Render
from echobot.storage import hub
from echobot.storage import lanes as lanes_repo
from echobot.storage.codec import from_db, opt_from_db, opt_to_db, to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.held_channels import holding
from echobot.storage.sql import insert, starts_with
from echobot.storage.tables import hubs as H
from echobot.storage.tables import outbox as O

TOPIC = "outbox"
STOPPED = "sending stopped"  # how rows that wait for their hub (or token) to come back are marked
_LIVE = (OutboxState.PENDING.value, OutboxState.SENDING.value)
# The reason shown (last_error) on a row that was in flight when its process stopped or died. Whether a row is
# in doubt is its `in_doubt` column: Slack may already have it, so a post is looked for in the conversation's
# history before it is sent again (see dispatcher/doubt.py).
IN_FLIGHT_AT_STOP = "in flight at the last stop"
# How long a claim made without a lease of its own (claim_head without an owner) holds.
CLAIM_LEASE = timedelta(seconds=30)


def _payload(message: Message | None, render: Render | None) -> str:
    if (message is None) == (render is None):
        raise ValueError("an outbox row carries either a message or a render spec")
    if render is not None:
        return json.dumps({"render": render.name, "args": render.args})
    assert message is not None
    return message.model_dump_json(exclude_defaults=True)


def _parse_payload(text: str) -> tuple[Message | None, Render | None]:
    data: dict[str, Any] = json.loads(text)
    if "render" in data:
        return None, Render(name=data["render"], args=data.get("args") or {})
    return Message.model_validate(data), None


def _from_row(row: Row[Any]) -> OutboxItem:
    message, render = _parse_payload(row.payload)
    return OutboxItem(
        id=row.id,
        key=row.key,
        kind=OutboxKind(row.kind),
        target=row.target,
        parent_key=row.parent_key,
        message=message,
        render=render,
        due_at=from_db(row.due_at),
        stale_at=opt_from_db(row.stale_at),
        not_before=opt_from_db(row.not_before),
        state=OutboxState(row.state),
        attempts=row.attempts,
        last_error=row.last_error,
        slack_channel=row.slack_channel,
        slack_ts=row.slack_ts,
        created_at=from_db(row.created_at),
        sent_at=opt_from_db(row.sent_at),
        claimed_by=row.claimed_by,
        lease_until=opt_from_db(row.lease_until),
        in_doubt=bool(row.in_doubt),
        aside=bool(row.aside),
        hub=row.hub_id,
    )


async def enqueue(
    tx: Tx,
    *,
    key: str,
    target: str,
    now: datetime,
    message: Message | None = None,
    render: Render | None = None,
    due_at: datetime | None = None,
    stale_at: datetime | None = None,
    kind: OutboxKind = OutboxKind.POST,
    parent_key: str | None = None,
) -> bool:
    """Plan a message (or, with kind JOB, internal work). False, and no change, when the key exists.

    `render` instead of `message` makes the content when the row is sent, so it is never stale.
    """
    row = {"key": key, "kind": kind, "target": target, "parent_key": parent_key, "message": message,
           "render": render, "due_at": due_at, "stale_at": stale_at}  # fmt: skip
    return await enqueue_many(tx, [row], now) > 0


async def get(db: Reader, key: str) -> OutboxItem | None:
    row = await db.fetchone(select(O).where(O.c.key == key))
    return None if row is None else _from_row(row)


async def by_prefix(db: Reader, prefix: str) -> list[OutboxItem]:
    rows = await db.fetchall(select(O).where(starts_with(O.c.key, prefix)).order_by(O.c.id))
    return [_from_row(row) for row in rows]


async def keys_at(db: Reader, channel: str, ts: str, prefix: str) -> list[str]:
    """The keys of sent rows under `prefix` whose message is (channel, ts) in Slack: what a message is for."""
    rows = await db.fetchall(
        select(O.c.key).where(O.c.slack_ts == ts, O.c.slack_channel == channel, starts_with(O.c.key, prefix),
                              O.c.state == OutboxState.SENT.value)
    )  # fmt: skip
    return [row.key for row in rows]


async def replace_message(tx: Tx, item_id: int, message: Message) -> None:
    """Overwrite a row's content (retention: clinical text must not outlive its period here either)."""
    await tx.execute(update(O).where(O.c.id == item_id).values(payload=_payload(message, None)))


async def retarget(
    tx: Tx,
    prefix: str,
    old: str,
    new: str,
    states: Iterable[OutboxState] = (OutboxState.PENDING, OutboxState.CANCELLED),
) -> int:
    """Send rows not sent yet to another channel (a program's channel changed)."""
    changed = await tx.execute(
        update(O)
        .where(starts_with(O.c.key, prefix), O.c.target == old, O.c.state.in_([s.value for s in states]))
        .values(target=new)
    )
    if changed:
        tx.touch(TOPIC)
    return changed


async def reschedule(tx: Tx, key: str, due_at: datetime, stale_at: datetime | None) -> bool:
    """Move a row not sent yet to a new due time (a withdrawn row is planned again; a sent one never)."""
    changed = await tx.execute(
        update(O)
        .where(O.c.key == key, O.c.state.in_((OutboxState.PENDING.value, OutboxState.CANCELLED.value)))
        .values(due_at=to_db(due_at), stale_at=opt_to_db(stale_at), not_before=None, state=OutboxState.PENDING.value,
                last_error=None, aside=0)
    )  # fmt: skip
    if changed:
        tx.touch(TOPIC)
    return changed > 0


async def cancel(tx: Tx, keys: Iterable[str], reason: str) -> int:
    """Withdraw pending rows (a cancelled session's reminders, say)."""
    wanted = list(keys)
    if not wanted:
        return 0
    return await tx.execute(
        update(O)
        .where(O.c.key.in_(wanted), O.c.state == OutboxState.PENDING.value)
        .values(state=OutboxState.CANCELLED.value, last_error=reason)
    )


async def cancel_prefix(tx: Tx, prefix: str, reason: str) -> int:
    """Withdraw every pending row whose key starts with `prefix`."""
    return await tx.execute(
        update(O)
        .where(starts_with(O.c.key, prefix), O.c.state == OutboxState.PENDING.value)
        .values(state=OutboxState.CANCELLED.value, last_error=reason)
    )


async def pending_by_prefix(db: Reader, prefix: str) -> list[OutboxItem]:
    rows = await db.fetchall(
        select(O).where(starts_with(O.c.key, prefix), O.c.state == OutboxState.PENDING.value).order_by(O.c.id)
    )
    return [_from_row(row) for row in rows]


async def latest_job_done(db: Reader, prefix: str) -> datetime | None:
    """The due time of the latest job row, whose key starts with `prefix`, that has run."""
    value = await db.scalar(
        select(func.max(O.c.due_at)).where(
            starts_with(O.c.key, prefix), O.c.kind == OutboxKind.JOB.value, O.c.state == OutboxState.SENT.value
        )
    )
    return None if value is None else from_db(str(value))


async def enqueue_many(tx: Tx, rows: list[dict[str, Any]], now: datetime) -> int:
    """Plan many rows at once (same fields as `enqueue`); returns how many were new."""
    if not rows:
        return 0
    created_at = to_db(now)
    values = [
        {
            "key": row["key"],
            "kind": OutboxKind(row.get("kind") or OutboxKind.POST).value,
            "target": row["target"],
            "parent_key": row.get("parent_key"),
            "payload": _payload(row.get("message"), row.get("render")),
            "due_at": to_db(row["due_at"]) if row.get("due_at") else created_at,
            "stale_at": opt_to_db(row.get("stale_at")),
            "created_at": created_at,
            "hub_id": hub.current(),
        }
        for row in rows
    ]
    statement = insert(O, tx.dialect).on_conflict_do_nothing(index_elements=["key"]).returning(O.c.id)
    inserted = len(await tx.fetchall(statement, values))
    if inserted:
        tx.touch(TOPIC)
    return inserted


def _unclaimed(values: dict[str, Any]) -> dict[str, Any]:
    return {**values, "claimed_by": None, "lease_until": None}


def _expired(stamp: str, table: Any = O) -> Any:
    """A 'sending' row whose claim has run out: its process died (or is too slow to renew it)."""
    return and_(table.c.state == OutboxState.SENDING.value,
                or_(table.c.lease_until.is_(None), table.c.lease_until < stamp))  # fmt: skip


async def recover_in_flight(tx: Tx, now: datetime) -> list[OutboxItem]:
    """At start-up: rows left 'sending' by a process that is gone go back to 'pending', in doubt (returned for
    inspection). Gone: its lease ran out, or it named no process (a release before leases). An embedded SQLite
    database has one process, so whatever it finds in flight is its own from before: all of it, and its lanes."""
    stamp = to_db(now)
    gone = O.c.state == OutboxState.SENDING.value
    if tx.dialect != "sqlite":
        gone = or_(_expired(stamp), and_(gone, O.c.claimed_by.is_(None)))
    else:
        await lanes_repo.release_all(tx)
    rows = await tx.fetchall(
        update(O)
        .where(gone)
        .values(_unclaimed({"state": OutboxState.PENDING.value, "last_error": IN_FLIGHT_AT_STOP, "in_doubt": 1}))
        .returning(*O.c)
    )
    if rows:
        tx.touch(TOPIC)
    return [_from_row(row) for row in rows]


def _due(stamp: str, table: Any = O) -> Any:
    """Sendable now: pending, due, let go, its hub serving, its channel not held, and not backing off this kind of
    call."""
    return and_(table.c.state == OutboxState.PENDING.value, table.c.due_at <= stamp,
                or_(table.c.not_before.is_(None), table.c.not_before <= stamp),
                table.c.hub_id.not_in(_stopped_hubs()),
                ~holding(table.c.hub_id, table.c.target),  # a hub review channel shared outside the hub (0016)
                ~lanes_repo.paused(table.c.hub_id, table.c.kind, stamp))  # fmt: skip


def _stopped_hubs() -> Any:
    """Hubs whose app was uninstalled or whose token was revoked: their rows wait, kept (0008)."""
    return select(H.c.hub_id).where(H.c.uninstalled_at.is_not(None)).scalar_subquery()


def _live(table: Any) -> ColumnElement[bool]:
    """The row is pending or sending: the condition of the partial indexes outbox_lane and outbox_pending_due
    (storage/tables.py), written into the SQL text rather than bound. A planner uses a partial index only when it
    sees that the query implies the index's condition: with bound values SQLite never does (nor PostgreSQL in a
    generic plan), and the head of a lane was then found by reading the whole outbox, for every candidate row."""
    return table.c.state.in_(bindparam("live_states", list(_LIVE), expanding=True, literal_execute=True))


def _head_of(target: Any, stamp: str) -> Any:
    """The id of the first live row of `target`, in (due_at, id) order, passing over rows that stepped aside
    and are backing off (they let the rows behind them go meanwhile)."""
    head = aliased(O, name="h")
    waiting_aside = and_(head.c.aside == 1, head.c.state == OutboxState.PENDING.value, head.c.not_before > stamp)
    return (
        select(head.c.id)
        .where(head.c.target == target, _live(head), ~waiting_aside,
               head.c.hub_id.not_in(_stopped_hubs()),  # a stopped hub's rows hold no lane (a DM to two hubs' person)
               ~holding(head.c.hub_id, head.c.target))  # nor a hub's held channel another hub also posts to
        .order_by(head.c.due_at, head.c.id)
        .limit(1)
        .correlate_except(head)  # `target` may be a column of any enclosing query, not only the next one up
        .scalar_subquery()
    )


@dataclass
class Claims:
    """What one claim of lane heads got: the rows, when Slack was last called for each one's target (the new
    owner waits out the pacing from there), and how many were taken over from a process whose lease ran out."""

    items: list[OutboxItem] = field(default_factory=list)
    last_calls: dict[str, datetime | None] = field(default_factory=dict)
    taken_over: int = 0


async def claim_lane_heads(
    tx: Tx, now: datetime, limit: int, busy: Iterable[str], owner: str, lease_until: datetime
) -> Claims:
    """Claim the first row of up to `limit` targets whose first row is due (or was claimed by a process whose
    lease ran out), with the target's lane. Leaves out the `busy` targets (this process's running lanes) and
    lanes another process holds; on PostgreSQL rows another process is claiming right now are skipped
    (FOR UPDATE SKIP LOCKED), so two processes never wait on, or get, the same row. The live rows are read in
    (due_at, id) order through the partial index outbox_pending_due, never the sent ones the outbox keeps."""
    stamp, until = to_db(now), to_db(lease_until)
    o = aliased(O, name="o")
    claimable = or_(_due(stamp, o), _expired(stamp, o))
    chosen = await tx.fetchall(
        select(o.c.id, o.c.target, o.c.state)
        .where(_live(o), claimable, o.c.target.not_in(sorted(busy)), o.c.id == _head_of(o.c.target, stamp),
               ~lanes_repo.taken(o.c.target, owner, stamp))
        .order_by(o.c.due_at, o.c.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=o)
    )  # fmt: skip
    if not chosen:
        return Claims()
    last_calls = await lanes_repo.acquire(tx, (row.target for row in chosen), owner, now, lease_until)
    ids = [row.id for row in chosen if row.target in last_calls]
    if not ids:
        return Claims()
    taking_over = O.c.state == OutboxState.SENDING.value
    rows = await tx.fetchall(
        update(O)
        .where(O.c.id.in_(ids), or_(_due(stamp), _expired(stamp)))
        .values(state=OutboxState.SENDING.value, claimed_by=owner, lease_until=until,
                in_doubt=case((taking_over, 1), else_=O.c.in_doubt),
                last_error=case((taking_over, IN_FLIGHT_AT_STOP), else_=O.c.last_error))
        .returning(*O.c)
    )  # fmt: skip
    items = sorted((_from_row(row) for row in rows), key=lambda item: (item.due_at, item.id))
    taken_over = sum(1 for row in chosen if row.id in ids and row.state == OutboxState.SENDING.value)
    return Claims(items, {item.target: last_calls.get(item.target) for item in items}, taken_over)


def _sent_values(stamp: str) -> dict[str, Any]:
    return _unclaimed({"state": OutboxState.SENT.value, "attempts": O.c.attempts + 1, "sent_at": stamp,
                       "last_error": None, "not_before": None, "in_doubt": 0, "aside": 0})  # fmt: skip


async def mark_many_sent(tx: Tx, sent: list[tuple[int, str | None, str | None]], at: datetime) -> None:
    """Record several sends at once: (row id, Slack channel, Slack ts)."""
    if not sent:
        return
    statement = (
        update(O)
        .where(O.c.id == bindparam("b_id"))
        .values(slack_channel=bindparam("b_channel"), slack_ts=bindparam("b_ts"), **_sent_values(to_db(at)))
    )
    await tx.execute(statement, [{"b_id": item_id, "b_channel": channel, "b_ts": ts} for item_id, channel, ts in sent])


async def release_finished_lanes(tx: Tx, targets: Iterable[str], owner: str, now: datetime) -> set[str]:
    """Give up `owner`'s lanes of `targets` (each just called Slack, at `now` at the latest) whose targets have
    nothing more due now, as claim_head would find; returns the targets given up. Recorded with the sends, this
    spares each finished lane a transaction of its own after its pacing.

    The targets still busy are found among the outbox's own rows, by value (one subquery, through the lane index),
    not by correlating the lanes' target with the outbox's: on PostgreSQL the two columns differ in collation (the
    lanes' is "C"), and a comparison across them cannot use the outbox's index, which made it a scan per lane."""
    stamp = to_db(now)
    wanted = sorted(set(targets))
    more = aliased(O, name="m")
    due_heads = select(more.c.target).where(
        more.c.target.in_(wanted), _live(more), more.c.id == _head_of(more.c.target, stamp), _due(stamp, more)
    )
    return await lanes_repo.release_unless(tx, wanted, owner, now, lambda target: target.in_(due_heads))


async def claim_head(
    tx: Tx, target: str, now: datetime, *, owner: str | None = None, lease_until: datetime | None = None
) -> OutboxItem | None:
    """Claim the first live row of `target` when it is due; None when there is nothing to send now. With an
    `owner`, only while it still holds the target's lane (whose lease then runs on to `lease_until` too)."""
    until = lease_until or now + CLAIM_LEASE
    if owner is not None and not await lanes_repo.holds(tx, target, owner, now, until):
        return None
    stamp = to_db(now)
    row = await tx.fetchone(
        update(O)
        .where(O.c.id == _head_of(target, stamp), _due(stamp))
        .values(state=OutboxState.SENDING.value, claimed_by=owner, lease_until=to_db(until))
        .returning(*O.c)
    )
    return None if row is None else _from_row(row)


async def renew(tx: Tx, owner: str, lease_until: datetime) -> int:
    """Extend the claims `owner` holds (a slow send must not look like a dead process); how many it holds."""
    return await tx.execute(
        update(O)
        .where(O.c.claimed_by == owner, O.c.state == OutboxState.SENDING.value)
        .values(lease_until=to_db(lease_until))
    )


async def next_wake_at(db: Reader) -> datetime | None:
    """The earliest moment at which some live row becomes sendable (or a claim runs out, to be taken over)."""
    ready = case((O.c.not_before > O.c.due_at, O.c.not_before), else_=O.c.due_at)
    paused = lanes_repo.pause_until(O.c.hub_id, O.c.kind)  # its hub backing off (per workspace)
    ready = case((paused > ready, paused), else_=ready)
    live = (_live(O), O.c.state == OutboxState.PENDING.value, O.c.hub_id.not_in(_stopped_hubs()),
            ~holding(O.c.hub_id, O.c.target))  # fmt: skip
    pending = await db.scalar(select(func.min(ready)).where(*live))
    claimed = await db.scalar(
        select(func.min(O.c.lease_until)).where(_live(O), O.c.state == OutboxState.SENDING.value)
    )
    moments = [from_db(value) for value in (pending, claimed) if value is not None]
    return min(moments) if moments else None


def _held_by(owner: str | None) -> Any:
    """A row's outcome is written only by the process that holds its claim (not after a take-over)."""
    return true() if owner is None else and_(O.c.claimed_by == owner, O.c.state == OutboxState.SENDING.value)


async def mark_sent(tx: Tx, item_id: int, channel: str | None, ts: str | None, at: datetime) -> None:
    await tx.execute(
        update(O).where(O.c.id == item_id).values(slack_channel=channel, slack_ts=ts, **_sent_values(to_db(at)))
    )


async def mark_retry(
    tx: Tx, item_id: int, error: str, not_before: datetime, *, attempted: bool, aside: bool = False,
    owner: str | None = None,
) -> None:  # fmt: skip
    """Back to pending until `not_before`; `attempted` counts a real send attempt; `aside` lets the rows behind
    it in its lane pass while it waits. With an `owner`, only while that process still holds the claim."""
    await tx.execute(
        update(O)
        .where(O.c.id == item_id, _held_by(owner))
        .values(_unclaimed({"state": OutboxState.PENDING.value, "attempts": O.c.attempts + int(attempted),
                            "last_error": error, "not_before": to_db(not_before), "aside": int(aside)}))
    )  # fmt: skip
    tx.touch(TOPIC)


async def mark_pending(tx: Tx, reason: str, *, hub_id: str | None = None) -> int:
    """Note `reason` on every pending row (sending stopped); rows in doubt keep their doubt (a column)."""
    pending = O.c.state == OutboxState.PENDING.value
    mine = true() if hub_id is None else O.c.hub_id == hub_id
    return await tx.execute(update(O).where(pending, mine).values(last_error=reason))


async def clear_stopped(tx: Tx, hub_id: str) -> int:
    """A hub installed again: its pending rows lose their "sending stopped" mark (they go out now)."""
    stopped = (O.c.state == OutboxState.PENDING.value, O.c.hub_id == hub_id, starts_with(O.c.last_error, STOPPED))
    return await tx.execute(update(O).where(*stopped).values(last_error=None))


async def clear_error(tx: Tx, item_id: int) -> None:
    """Forget a row's last error and doubt (a recovered post found not to be in Slack is then sent like any
    other)."""
    await tx.execute(update(O).where(O.c.id == item_id).values(last_error=None, in_doubt=0))


async def mark_final(
    tx: Tx, item_id: int, state: OutboxState, reason: str, *, attempted: bool, owner: str | None = None
) -> None:
    """End a row without sending it: failed (gave up) or skipped (stale). With an `owner`, only while that
    process still holds the claim."""
    await tx.execute(
        update(O)
        .where(O.c.id == item_id, _held_by(owner))
        .values(_unclaimed({"state": state.value, "attempts": O.c.attempts + int(attempted), "last_error": reason,
                            "not_before": None}))
    )  # fmt: skip


async def counts(db: Reader) -> dict[str, int]:
    rows = await db.fetchall(select(O.c.state, func.count()).group_by(O.c.state))
    return {row[0]: row[1] for row in rows}


async def oldest_pending_due(db: Reader, now: datetime) -> datetime | None:
    """The due time of the longest-waiting pending row that is due by `now` (how far behind the queue is)."""
    value = await db.scalar(
        select(func.min(O.c.due_at)).where(O.c.state == OutboxState.PENDING.value, O.c.due_at <= to_db(now))
    )
    return None if value is None else from_db(str(value))
