"""Opening the database (SQLite or PostgreSQL, through SQLAlchemy's asyncio engine) and write transactions.

SQLite: one write connection behind an asyncio lock, every write in a `BEGIN IMMEDIATE` transaction, and a
small pool of query-only connections for reads, which WAL lets proceed while a write is under way.
PostgreSQL: one connection pool; writes are ordinary transactions (state changes are conditional UPDATEs,
so two at once cannot both succeed), reads run in autocommit.

Commits are heard (`on_commit`) in the process that made them and, on PostgreSQL, in every process that
`listen`s: a transaction that touched topics sends NOTIFY (pg_notify) with each topic before it commits, and
the database delivers it to the listeners only once it has committed.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import secrets
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Executable, Row, event, func, make_url, select, text
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from echobot.storage.notify import CHANNEL, Listener, notice

if TYPE_CHECKING:
    from echobot.storage.share import Share

log = logging.getLogger(__name__)

Params = Mapping[str, Any] | Sequence[Any] | None
Statement = Executable | str

_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)
_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\?")  # a quoted literal (left alone) or a placeholder
# Connections: SQLite's query-only readers (writes go through its one write connection, one at a time); PostgreSQL's
# pool, and the overflow it may open beyond it under load.
SQLITE_READERS = 4
POOL_SIZE, POOL_OVERFLOW = 30, 20
_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg", "postgres": "postgresql+asyncpg"}


class SchemaError(Exception):
    """The database's schema cannot be used by this version of echobot."""


class NewerSchemaError(SchemaError):
    """The database was migrated by a newer echobot."""


def database_url(setting: str) -> URL:
    """ECHOBOT_DATABASE as a URL with an async driver: a SQLite path, sqlite:///..., or postgresql://..."""
    if "://" not in setting:
        return URL.create("sqlite+aiosqlite", database=setting)
    try:
        url = make_url(setting)
    except ArgumentError as error:
        raise SchemaError(f"not a database URL: {error}") from None
    backend = url.get_backend_name()
    if backend not in _DRIVERS:
        raise SchemaError(f"unsupported database {backend!r}: use a SQLite path or a postgresql:// URL")
    return url.set(drivername=_DRIVERS[backend])


def display(setting: str) -> str:
    """The database setting as it may be printed: no password."""
    if "://" not in setting:
        return setting
    try:
        return make_url(setting).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unparsable URL)"


def _statement(statement: Statement, params: Params) -> tuple[Executable, Any]:
    """Core statements pass through. A string is portable SQL for `text()`: named (:name) parameters, or, for
    tests and tools written against the SQLite driver, `?` placeholders with a tuple of values."""
    if not isinstance(statement, str):
        return statement, params
    if isinstance(params, Sequence) and not isinstance(params, str) and params and not isinstance(params[0], Mapping):
        numbers = iter(range(len(params)))

        def name(match: re.Match[str]) -> str:
            return match.group(0) if match.group(0) != "?" else f":p{next(numbers)}"

        statement = _PLACEHOLDER.sub(name, statement)
        params = {f"p{i}": value for i, value in enumerate(params)}
    return text(statement), params or None


class Reader:
    """Read access. Statements are SQLAlchemy Core expressions (a string is taken as portable `text()`)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql": for the few queries written per dialect (storage/library_search.py)."""
        return self._engine.dialect.name

    async def _run(self, statement: Statement, params: Params = None) -> CursorResult[Any]:
        async with self._engine.connect() as conn:
            return await conn.execute(*_statement(statement, params))

    async def fetchone(self, statement: Statement, params: Params = None) -> Row[Any] | None:
        return (await self._run(statement, params)).first()

    async def fetchall(self, statement: Statement, params: Params = None) -> list[Row[Any]]:
        return list((await self._run(statement, params)).all())

    async def scalar(self, statement: Statement, params: Params = None) -> Any:
        row = await self.fetchone(statement, params)
        return None if row is None else row[0]


class Tx(Reader):
    """A write transaction. Topics named with `touch` are heard by `on_commit` listeners once it commits."""

    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn
        self.touched: set[str] = set()

    @property
    def dialect(self) -> str:
        return self._conn.dialect.name

    async def _run(self, statement: Statement, params: Params = None) -> CursorResult[Any]:
        return await self._conn.execute(*_statement(statement, params))

    async def execute(self, statement: Statement, params: Params = None) -> int:
        """Run one statement (or, with a list of parameter sets, many); returns the number of rows it changed."""
        return int((await self._run(statement, params)).rowcount)

    async def insert(self, sql: str, params: Params = None) -> int:
        """Run one raw INSERT into a table with an integer `id`; returns the new id (tests and tools)."""
        return int(await self.scalar(sql + " RETURNING id", params))

    async def executemany(self, statement: Statement, rows: Sequence[Any]) -> None:
        """Run one statement once per parameter set (tuples for `?` placeholders, or mappings)."""
        for row in rows:
            await self._run(statement, row)

    def touch(self, topic: str) -> None:
        """Say that this transaction changed `topic`; its listeners hear of it after commit."""
        self.touched.add(topic)


class Database:
    """The application's database: SQLite (embedded, the default) or PostgreSQL."""

    def __init__(self, url: URL, engine: AsyncEngine, reader: AsyncEngine, writer: AsyncConnection | None) -> None:
        self.url = url
        self.dialect = url.get_backend_name()
        self._engine = engine
        self._reader_engine = reader
        self._writer = writer  # SQLite's one write connection; None on PostgreSQL
        self._lock = asyncio.Lock()
        self.reader = Reader(reader)
        self._listeners: dict[str, list[Callable[[], None]]] = {}
        self.process = secrets.token_hex(6)  # this process's name in leases and commit notices
        self._listener: Listener | None = None
        self._library: AsyncEngine | None = None

    def library_engine(self) -> AsyncEngine:
        """An engine for a library that runs its own SQLAlchemy statements on this database (slack_sdk's
        installation and OAuth state stores): on PostgreSQL the pool everything uses; on SQLite a connection of its
        own (the write connection is echobot's), whose writes wait out echobot's through the busy timeout."""
        if self._library is None:
            self._library = _sqlite_engine(self.url, read_only=False) if self._writer is not None else self._engine
        return self._library

    @property
    def connections(self) -> int:
        """How many statements can run at once: SQLite's readers (its writes take turns on the one writer), or
        PostgreSQL's pool with its overflow. More wait for a connection, and give up after 30 s."""
        return SQLITE_READERS if self._writer is not None else POOL_SIZE + POOL_OVERFLOW

    def share(self, part: float) -> Share:
        """A `part` of the connections (at least one) for work that may start many things at once."""
        from echobot.storage.share import Share

        return Share(self, max(1, int(self.connections * part)))

    @property
    def shared(self) -> bool:
        """True when other echobot processes may use this database at the same time (PostgreSQL)."""
        return self._writer is None

    @classmethod
    async def open(cls, setting: str, *, migrate: bool = True) -> Database:
        """Open the database named by ECHOBOT_DATABASE; with `migrate`, bring its schema up to date first
        (a schema newer than this code raises NewerSchemaError, and nothing is left open)."""
        url = database_url(setting)
        if url.get_backend_name() == "sqlite":
            _check_folder(url.database or "")
            engine = _sqlite_engine(url, read_only=False)
            reader = _sqlite_engine(url, read_only=True)
        else:
            engine = create_async_engine(url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, pool_pre_ping=False)
            reader = engine.execution_options(isolation_level="AUTOCOMMIT")
        writer = None
        try:
            if url.get_backend_name() == "sqlite":
                writer = await engine.connect()
            db = cls(url, engine, reader, writer)
            if migrate:
                await db.migrate()
            else:
                await db.schema_version()  # fails early when the database cannot be reached
        except BaseException:
            if writer is not None:
                await writer.close()
            await engine.dispose()
            await reader.dispose()
            raise
        return db

    def listen(self) -> Listener | None:
        """Hear the commits of other processes (PostgreSQL): their touched topics call this process's
        `on_commit` callbacks too. Does nothing on SQLite, where one process owns the file."""
        if self.shared and self._listener is None:
            self._listener = Listener(self.url, self.process, self._heard)
            self._listener.start()
        return self._listener

    @property
    def listener_pid(self) -> int | None:
        """The server process of this process's LISTEN connection, while it is connected."""
        return None if self._listener is None else self._listener.server_pid

    def _heard(self, topic: str | None) -> None:
        """Another process committed `topic` (None: maybe anything, after a reconnection)."""
        topics = list(self._listeners) if topic is None else [topic]
        for name in topics:
            for callback in self._listeners.get(name, ()):
                callback()

    async def close(self) -> None:
        if self._listener is not None:
            await self._listener.stop()
            self._listener = None
        async with self._lock:
            if self._writer is not None:
                await self._writer.close()
            await self._reader_engine.dispose()
            await self._engine.dispose()
            if self._library is not None:
                await self._library.dispose()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """A write transaction: committed on exit, rolled back on error (serialised on SQLite)."""
        if self._writer is not None:
            async with self._lock, self._writer.begin():
                tx = Tx(self._writer)
                yield tx
        else:
            async with self._engine.begin() as conn:
                tx = Tx(conn)
                yield tx
                if tx.touched:  # delivered by PostgreSQL at commit, dropped on rollback
                    await conn.execute(
                        select(*(func.pg_notify(CHANNEL, notice(self.process, t)) for t in sorted(tx.touched)))
                    )
        for topic in tx.touched:
            self._heard(topic)

    @asynccontextmanager
    async def single(self) -> AsyncIterator[Tx]:
        """For one statement that needs no transaction around it: on PostgreSQL an autocommit connection (one
        round trip instead of three; nothing is announced to `on_commit` listeners), on SQLite a transaction."""
        if self._writer is not None:
            async with self.transaction() as tx:
                yield tx
        else:
            async with self._reader_engine.connect() as conn:
                yield Tx(conn)

    def on_commit(self, topic: str, callback: Callable[[], None]) -> None:
        """Call `callback` after every commit of a transaction that touched `topic`: in this process, and (once
        `listen` was called, PostgreSQL) in any process sharing the database."""
        self._listeners.setdefault(topic, []).append(callback)

    @asynccontextmanager
    async def _connection(self) -> AsyncIterator[AsyncConnection]:
        if self._writer is not None:
            async with self._lock:
                yield self._writer
        else:
            async with self._engine.connect() as conn:
                yield conn

    async def schema_version(self) -> str:
        """The Alembic revision the database is at ("none" when it has no schema yet)."""
        from echobot.storage.migrate import current_revision

        async with self._connection() as conn:
            version = await conn.run_sync(current_revision)
            await conn.commit()
        return version or "none"

    async def migrate(self) -> list[str]:
        """Apply pending migrations; returns their names."""
        from echobot.storage.migrate import upgrade

        async with self._connection() as conn:
            applied = await conn.run_sync(upgrade)
            await conn.commit()
        for name in applied:
            log.info("applied migration %s", name)
        return applied


def _check_folder(path: str) -> None:
    """Fail early and clearly rather than in the driver's worker thread."""
    folder = os.path.dirname(os.path.abspath(path))
    if path not in ("", ":memory:") and not os.path.isdir(folder):
        raise SchemaError(f"the folder {folder} does not exist")


def _sqlite_engine(url: URL, *, read_only: bool) -> AsyncEngine:
    """A SQLite engine whose transactions SQLAlchemy begins itself (BEGIN IMMEDIATE for the writer), as
    SQLAlchemy's aiosqlite documentation recommends: the driver's own implicit BEGIN is switched off."""
    engine = create_async_engine(url, pool_size=1 if not read_only else SQLITE_READERS, max_overflow=0)

    @event.listens_for(engine.sync_engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in _PRAGMAS:
            cursor.execute(pragma)
        if read_only:
            cursor.execute("PRAGMA query_only=1")
        cursor.close()

    if not read_only:

        @event.listens_for(engine.sync_engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
