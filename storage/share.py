"""A share of the database's connections for one part of echobot that can start many things at once (the
dispatcher: up to 2,000 lanes): at most `size` of its statements and transactions run at a time; the others wait
their turn here, rather than in the connection pool, whose wait gives up after 30 s, and whose connections the
requests Slack waits on (3 s to an ack) then find taken.

A statement holds a slot only while it runs; a transaction, until it ends. Nothing that holds a slot may wait for
another slot of the same share (the dispatcher's transactions read through the transaction itself), or the share
could wait on itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import CursorResult

from echobot.storage.database import Params, Reader, Statement, Tx

if TYPE_CHECKING:
    from echobot.storage.database import Database


class SharedReader(Reader):
    """Reads through the share: each statement waits for a slot."""

    def __init__(self, reader: Reader, slots: asyncio.Semaphore) -> None:
        self._reader = reader
        self._slots = slots

    @property
    def dialect(self) -> str:
        return self._reader.dialect

    async def _run(self, statement: Statement, params: Params = None) -> CursorResult[Any]:
        async with self._slots:
            return await self._reader._run(statement, params)


class Share:
    """`size` slots of `db`'s connections: `reader` and `transaction()` as the database's, taking a slot each."""

    def __init__(self, db: Database, size: int) -> None:
        self.db = db
        self.size = size
        self.slots = asyncio.Semaphore(size)
        self.reader = SharedReader(db.reader, self.slots)

    @property
    def dialect(self) -> str:
        return self.db.dialect

    @property
    def waiting(self) -> bool:
        """Whether every slot is taken (what waits, waits here)."""
        return self.slots.locked()

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """One slot, for work that reaches the database some other way (a library's own statements)."""
        async with self.slots:
            yield

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        async with self.slots, self.db.transaction() as tx:
            yield tx
