"""The outbox: every outbound Slack message as a row with an idempotency key and a due time.

A row is written in the same transaction as the change that causes it; the dispatcher claims
due rows one channel ("lane") at a time, in (due_at, id) order, so messages to one channel
leave in the order they were planned.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from echobot.models import Message, OutboxItem, OutboxKind, OutboxState, Render
from echobot.storage.codec import from_db, opt_from_db, opt_to_db, to_db
from echobot.storage.database import Reader, Tx

TOPIC = "outbox"
_LIVE = "('pending', 'sending')"
# last_error of a row a crash left 'sending': Slack may already have it, so a post is looked for in the
# conversation's history before it is sent again (see Dispatcher.recover).
IN_FLIGHT_AT_STOP = "in flight at the last stop"


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


def _from_row(row: sqlite3.Row) -> OutboxItem:
    message, render = _parse_payload(row["payload"])
    return OutboxItem(
        id=row["id"],
        key=row["key"],
        kind=OutboxKind(row["kind"]),
        target=row["target"],
        parent_key=row["parent_key"],
        message=message,
        render=render,
        due_at=from_db(row["due_at"]),
        stale_at=opt_from_db(row["stale_at"]),
        not_before=opt_from_db(row["not_before"]),
        state=OutboxState(row["state"]),
        attempts=row["attempts"],
        last_error=row["last_error"],
        slack_channel=row["slack_channel"],
        slack_ts=row["slack_ts"],
        created_at=from_db(row["created_at"]),
        sent_at=opt_from_db(row["sent_at"]),
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
    inserted = await tx.execute(
        """
        INSERT INTO outbox (key, kind, target, parent_key, payload, due_at, stale_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (key) DO NOTHING
        """,
        (
            key,
            kind.value,
            target,
            parent_key,
            _payload(message, render),
            to_db(due_at or now),
            opt_to_db(stale_at),
            to_db(now),
        ),
    )
    if inserted:
        tx.touch(TOPIC)
    return inserted > 0


async def get(db: Reader, key: str) -> OutboxItem | None:
    row = await db.fetchone("SELECT * FROM outbox WHERE key = ?", (key,))
    return None if row is None else _from_row(row)


async def by_prefix(db: Reader, prefix: str) -> list[OutboxItem]:
    rows = await db.fetchall("SELECT * FROM outbox WHERE key >= ? AND key < ? ORDER BY id", (prefix, prefix + "\uffff"))
    return [_from_row(row) for row in rows]


async def replace_message(tx: Tx, item_id: int, message: Message) -> None:
    """Overwrite a row's content (retention: clinical text must not outlive its period here either)."""
    await tx.execute("UPDATE outbox SET payload = ? WHERE id = ?", (_payload(message, None), item_id))


async def retarget(tx: Tx, prefix: str, old: str, new: str) -> int:
    """Send rows not sent yet to another channel (a program's channel changed)."""
    changed = await tx.execute(
        "UPDATE outbox SET target = ? WHERE key >= ? AND key < ? AND target = ? AND state IN ('pending', 'cancelled')",
        (new, prefix, prefix + "\uffff", old),
    )
    if changed:
        tx.touch(TOPIC)
    return changed


async def reschedule(tx: Tx, key: str, due_at: datetime, stale_at: datetime | None) -> bool:
    """Move a row not sent yet to a new due time (a withdrawn row is planned again; a sent one never)."""
    changed = await tx.execute(
        "UPDATE outbox SET due_at = ?, stale_at = ?, not_before = NULL, state = 'pending', last_error = NULL"
        " WHERE key = ? AND state IN ('pending', 'cancelled')",
        (to_db(due_at), opt_to_db(stale_at), key),
    )
    if changed:
        tx.touch(TOPIC)
    return changed > 0


async def cancel(tx: Tx, keys: Iterable[str], reason: str) -> int:
    """Withdraw pending rows (a cancelled session's reminders, say)."""
    total = 0
    for key in keys:
        total += await tx.execute(
            "UPDATE outbox SET state = 'cancelled', last_error = ? WHERE key = ? AND state = 'pending'",
            (reason, key),
        )
    return total


async def cancel_prefix(tx: Tx, prefix: str, reason: str) -> int:
    """Withdraw every pending row whose key starts with `prefix`."""
    return await tx.execute(
        "UPDATE outbox SET state = 'cancelled', last_error = ? WHERE key >= ? AND key < ? AND state = 'pending'",
        (reason, prefix, prefix + "\uffff"),
    )


async def pending_by_prefix(db: Reader, prefix: str) -> list[OutboxItem]:
    rows = await db.fetchall(
        "SELECT * FROM outbox WHERE key >= ? AND key < ? AND state = 'pending' ORDER BY id",
        (prefix, prefix + "\uffff"),
    )
    return [_from_row(row) for row in rows]


async def latest_job_done(db: Reader, prefix: str) -> datetime | None:
    """The due time of the latest job row, whose key starts with `prefix`, that has run."""
    value = await db.scalar(
        "SELECT max(due_at) FROM outbox WHERE key >= ? AND key < ? AND kind = 'job' AND state = 'sent'",
        (prefix, prefix + "\uffff"),
    )
    return None if value is None else from_db(str(value))


async def enqueue_many(tx: Tx, rows: list[dict[str, Any]], now: datetime) -> int:
    """Plan many rows at once (same fields as `enqueue`); returns how many were new."""
    before = await tx.scalar("SELECT total_changes()")
    created_at = to_db(now)
    await tx.executemany(
        """
        INSERT INTO outbox (key, kind, target, parent_key, payload, due_at, stale_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (key) DO NOTHING
        """,
        [
            (
                row["key"],
                OutboxKind(row.get("kind", OutboxKind.POST)).value,
                row["target"],
                row.get("parent_key"),
                _payload(row.get("message"), row.get("render")),
                to_db(row["due_at"]) if row.get("due_at") else created_at,
                opt_to_db(row.get("stale_at")),
                created_at,
            )
            for row in rows
        ],
    )
    inserted = int(await tx.scalar("SELECT total_changes()") - before)
    if inserted:
        tx.touch(TOPIC)
    return inserted


async def recover_in_flight(tx: Tx) -> list[OutboxItem]:
    """At start-up: rows left 'sending' by a crash go back to 'pending', marked IN_FLIGHT_AT_STOP
    (returned for inspection)."""
    rows = await tx.fetchall(
        "UPDATE outbox SET state = 'pending', last_error = ? WHERE state = 'sending' RETURNING *", (IN_FLIGHT_AT_STOP,)
    )
    if rows:
        tx.touch(TOPIC)
    return [_from_row(row) for row in rows]


async def claim_ready_heads(tx: Tx, now: datetime, limit: int, busy: Iterable[str]) -> list[OutboxItem]:
    """Claim, in one statement, the first row of up to `limit` targets whose first row is due, leaving out
    the `busy` targets (those with a lane running: their order and pacing are that lane's)."""
    stamp = to_db(now)
    rows = await tx.fetchall(
        f"""
        UPDATE outbox SET state = 'sending'
        WHERE id IN (
            SELECT o.id FROM outbox AS o
            WHERE o.state = 'pending' AND o.due_at <= :now AND (o.not_before IS NULL OR o.not_before <= :now)
              AND o.target NOT IN (SELECT value FROM json_each(:busy))
              AND o.id = (SELECT h.id FROM outbox AS h WHERE h.target = o.target AND h.state IN {_LIVE}
                          ORDER BY h.due_at, h.id LIMIT 1)
            ORDER BY o.due_at, o.id LIMIT :limit)
        RETURNING *
        """,
        {"now": stamp, "busy": json.dumps(sorted(busy)), "limit": limit},
    )
    return sorted((_from_row(row) for row in rows), key=lambda item: (item.due_at, item.id))


async def mark_many_sent(tx: Tx, sent: list[tuple[int, str | None, str | None]], at: datetime) -> None:
    """Record several sends at once: (row id, Slack channel, Slack ts)."""
    stamp = to_db(at)
    await tx.executemany(
        "UPDATE outbox SET state = 'sent', attempts = attempts + 1, slack_channel = ?, slack_ts = ?, sent_at = ?,"
        " last_error = NULL, not_before = NULL WHERE id = ?",
        [(channel, ts, stamp, item_id) for item_id, channel, ts in sent],
    )


async def claim_head(tx: Tx, target: str, now: datetime) -> OutboxItem | None:
    """Claim the first live row of `target` when it is due; None when there is nothing to send now."""
    stamp = to_db(now)
    row = await tx.fetchone(
        f"""
        UPDATE outbox SET state = 'sending'
        WHERE id = (SELECT id FROM outbox WHERE target = ? AND state IN {_LIVE} ORDER BY due_at, id LIMIT 1)
          AND state = 'pending' AND due_at <= ? AND (not_before IS NULL OR not_before <= ?)
        RETURNING *
        """,
        (target, stamp, stamp),
    )
    return None if row is None else _from_row(row)


async def next_wake_at(db: Reader) -> datetime | None:
    """The earliest moment at which some live row becomes sendable."""
    value = await db.scalar(f"SELECT min(max(due_at, coalesce(not_before, due_at))) FROM outbox WHERE state IN {_LIVE}")
    return None if value is None else from_db(value)


async def mark_sent(tx: Tx, item_id: int, channel: str | None, ts: str | None, at: datetime) -> None:
    await tx.execute(
        "UPDATE outbox SET state = 'sent', attempts = attempts + 1, slack_channel = ?, slack_ts = ?,"
        " sent_at = ?, last_error = NULL, not_before = NULL WHERE id = ?",
        (channel, ts, to_db(at), item_id),
    )


async def mark_retry(tx: Tx, item_id: int, error: str, not_before: datetime, *, attempted: bool) -> None:
    """Back to pending until `not_before`; `attempted` counts a real send attempt."""
    await tx.execute(
        "UPDATE outbox SET state = 'pending', attempts = attempts + ?, last_error = ?, not_before = ? WHERE id = ?",
        (int(attempted), error, to_db(not_before), item_id),
    )
    tx.touch(TOPIC)


async def mark_pending(tx: Tx, reason: str) -> int:
    """Note `reason` on every pending row (sending stopped), except rows in doubt, whose mark they need."""
    return await tx.execute(
        "UPDATE outbox SET last_error = ? WHERE state = 'pending' AND coalesce(last_error, '') != ?",
        (reason, IN_FLIGHT_AT_STOP),
    )


async def clear_error(tx: Tx, item_id: int) -> None:
    """Forget a row's last error (a recovered post found not to be in Slack is then sent like any other)."""
    await tx.execute("UPDATE outbox SET last_error = NULL WHERE id = ?", (item_id,))


async def mark_final(tx: Tx, item_id: int, state: OutboxState, reason: str, *, attempted: bool) -> None:
    """End a row without sending it: failed (gave up) or skipped (stale)."""
    await tx.execute(
        "UPDATE outbox SET state = ?, attempts = attempts + ?, last_error = ?, not_before = NULL WHERE id = ?",
        (state.value, int(attempted), reason, item_id),
    )


async def counts(db: Reader) -> dict[str, int]:
    rows = await db.fetchall("SELECT state, count(*) FROM outbox GROUP BY state")
    return {row[0]: row[1] for row in rows}


async def oldest_pending_due(db: Reader, now: datetime) -> datetime | None:
    """The due time of the longest-waiting pending row that is due by `now` (how far behind the queue is)."""
    value = await db.scalar("SELECT min(due_at) FROM outbox WHERE state = 'pending' AND due_at <= ?", (to_db(now),))
    return None if value is None else from_db(str(value))
