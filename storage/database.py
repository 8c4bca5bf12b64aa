"""Opening the database, applying migrations, and serialised write transactions.

One write connection sits behind an asyncio lock and every write runs in a
`BEGIN IMMEDIATE` transaction; a second connection (query_only) serves reads, which
WAL lets proceed while a write is under way.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

import aiosqlite

log = logging.getLogger(__name__)

Params = Sequence[Any] | dict[str, Any]

_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


class SchemaError(Exception):
    """The database's schema cannot be used by this version of echobot."""


class Reader:
    """Read access to one connection."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        rows = await self._conn.execute_fetchall(sql, params)
        return next(iter(rows), None)  # type: ignore[arg-type]

    async def fetchall(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return list(await self._conn.execute_fetchall(sql, params))

    async def scalar(self, sql: str, params: Params = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]


class Tx(Reader):
    """A write transaction. Callbacks added with `after_commit` run once it has committed."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        super().__init__(conn)
        self.touched: set[str] = set()

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; returns the number of rows it changed."""
        cursor = await self._conn.execute(sql, params)
        count = cursor.rowcount
        await cursor.close()
        return count

    async def insert(self, sql: str, params: Params = ()) -> int:
        """Run one INSERT; returns the new row id."""
        cursor = await self._conn.execute(sql, params)
        row_id = cursor.lastrowid
        await cursor.close()
        return int(row_id or 0)

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        await self._conn.executemany(sql, rows)

    def touch(self, topic: str) -> None:
        """Say that this transaction changed `topic`; its listeners hear of it after commit."""
        self.touched.add(topic)


class Database:
    """The application's SQLite database."""

    def __init__(self, path: str, writer: aiosqlite.Connection, reader: aiosqlite.Connection) -> None:
        self.path = path
        self._writer = writer
        self._reader_conn = reader
        self._lock = asyncio.Lock()
        self.reader = Reader(reader)
        self._listeners: dict[str, list[Callable[[], None]]] = {}

    @classmethod
    async def open(cls, path: str, *, migrate: bool = True) -> Database:
        writer = await _connect(path)
        if migrate:
            await apply_migrations(writer)
        reader = await _connect(path)
        await reader.execute("PRAGMA query_only=1")
        return cls(path, writer, reader)

    async def close(self) -> None:
        async with self._lock:
            await self._reader_conn.close()
            await self._writer.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """A serialised `BEGIN IMMEDIATE` transaction: committed on exit, rolled back on error."""
        async with self._lock:
            tx = Tx(self._writer)
            await self._writer.execute("BEGIN IMMEDIATE")
            try:
                yield tx
            except BaseException:
                await self._writer.rollback()
                raise
            await self._writer.commit()
        for topic in tx.touched:
            for callback in self._listeners.get(topic, ()):
                callback()

    def on_commit(self, topic: str, callback: Callable[[], None]) -> None:
        """Call `callback` after every commit of a transaction that touched `topic`."""
        self._listeners.setdefault(topic, []).append(callback)

    async def schema_version(self) -> int:
        return int(await self.reader.scalar("PRAGMA user_version"))

    async def migrate(self) -> list[str]:
        """Apply pending migrations on the write connection; returns their names."""
        async with self._lock:
            return await apply_migrations(self._writer)


def _check_folder(path: str) -> None:
    """Fail early and clearly: a failed aiosqlite.connect leaves its worker thread answering late."""
    folder = os.path.dirname(os.path.abspath(path))
    if path != ":memory:" and not os.path.isdir(folder):
        raise sqlite3.OperationalError(f"the folder {folder} does not exist")


async def _connect(path: str) -> aiosqlite.Connection:
    _check_folder(path)
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        conn.row_factory = sqlite3.Row
        for pragma in _PRAGMAS:
            await conn.execute(pragma)
    except BaseException:
        await conn.close()
        raise
    return conn


def migration_scripts() -> list[tuple[int, str, str]]:
    """(number, name, sql) for every file in storage/migrations, in order."""
    folder = resources.files("echobot.storage").joinpath("migrations")
    scripts = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number = int(entry.name.split("_", 1)[0])
            scripts.append((number, entry.name, entry.read_text(encoding="utf-8")))
    scripts.sort()
    numbers = [number for number, _, _ in scripts]
    if numbers != list(range(1, len(numbers) + 1)):
        raise SchemaError(f"migrations must be numbered 1..n without gaps, found {numbers}")
    return scripts


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (triggers included)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError("migration ends with an incomplete statement")
    return statements


async def apply_migrations(conn: aiosqlite.Connection) -> list[str]:
    """Apply every migration newer than `PRAGMA user_version`, each in its own transaction."""
    applied = []
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    current = int(row[0]) if row else 0
    scripts = migration_scripts()
    if current > len(scripts):
        raise SchemaError(
            f"the database is at schema version {current}, newer than this echobot ({len(scripts)}); "
            "upgrade echobot before using this database"
        )
    for number, name, sql in scripts[current:]:
        await conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in split_statements(sql):
                await conn.execute(statement)
            await conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            await conn.rollback()
            raise
        await conn.commit()
        log.info("applied migration %s", name)
        applied.append(name)
    return applied


def file_integrity(path: str) -> str:
    """SQLite's integrity check of a database file ("ok" when sound)."""
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def backup_file(source_path: str, target_path: str) -> None:
    """Copy a database with SQLite's online backup API: consistent even while another process writes."""
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
