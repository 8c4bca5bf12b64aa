"""What several processes on one database agree on through it: who runs a periodic job this period, and which
Slack requests have been answered (the cross-process half of echobot/replays.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from echobot.storage.codec import to_db
from echobot.storage.database import Reader, Tx
from echobot.storage.sql import insert
from echobot.storage.tables import periodic_runs as P
from echobot.storage.tables import request_answers as A


async def claim_period(tx: Tx, job: str, owner: str, now: datetime, every: timedelta) -> bool:
    """True when `owner` may run `job` now: nobody has started it within the last `every` (one run per period
    across processes; a run that outlasts its period may overlap the next, which jobs must bear)."""
    stamp = to_db(now)
    inserted = await tx.execute(insert(P, tx.dialect).values(job=job, owner=owner, started_at=stamp)
                                .on_conflict_do_nothing())  # fmt: skip
    if inserted:
        return True
    taken = await tx.execute(
        update(P).where(P.c.job == job, P.c.started_at <= to_db(now - every)).values(owner=owner, started_at=stamp)
    )
    return taken > 0


@dataclass(frozen=True)
class Answer:
    status: int
    body: str
    content_type: str | None


@dataclass(frozen=True)
class Claim:
    """The state of a request key: answered (`answer`), or still running somewhere (`claimed_at`)."""

    owner: str
    claimed_at: str
    answer: Answer | None


async def claim_request(tx: Tx, key: str, owner: str, now: datetime) -> bool:
    """True when this process is the first to run the request `key`."""
    inserted = await tx.execute(insert(A, tx.dialect).values(key=key, owner=owner, claimed_at=to_db(now))
                                .on_conflict_do_nothing())  # fmt: skip
    return inserted > 0


async def take_over_request(tx: Tx, key: str, owner: str, now: datetime, given_up: Claim) -> bool:
    """True when the claim `given_up` (its process presumed dead, e.g. killed) is still there unchanged and
    unanswered: this process runs the request now. Of several processes giving up on it, one wins."""
    taken = await tx.execute(
        update(A)
        .where(A.c.key == key, A.c.status.is_(None), A.c.owner == given_up.owner,
               A.c.claimed_at == given_up.claimed_at)
        .values(owner=owner, claimed_at=to_db(now))
    )  # fmt: skip
    return taken > 0


async def request_claim(db: Reader, key: str) -> Claim | None:
    row = await db.fetchone(select(A.c.owner, A.c.claimed_at, A.c.status, A.c.body, A.c.content_type)
                            .where(A.c.key == key))  # fmt: skip
    if row is None:
        return None
    answer = None if row.status is None else Answer(row.status, row.body or "", row.content_type)
    return Claim(row.owner, row.claimed_at, answer)


async def record_answer(tx: Tx, key: str, owner: str, answer: Answer) -> None:
    await tx.execute(
        update(A).where(A.c.key == key, A.c.owner == owner)
        .values(status=answer.status, body=answer.body, content_type=answer.content_type)
    )  # fmt: skip


async def release_request(tx: Tx, key: str, owner: str) -> None:
    """Forget a run that failed, so that Slack's retry runs again."""
    await tx.execute(delete(A).where(A.c.key == key, A.c.owner == owner, A.c.status.is_(None)))


async def forget_requests_before(tx: Tx, before: datetime) -> int:
    return await tx.execute(delete(A).where(A.c.claimed_at < to_db(before)))
