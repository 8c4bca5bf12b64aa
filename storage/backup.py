"""Backups, restores and copies between databases.

SQLite: the online backup API (consistent while echobot writes), and a restore that also removes the
live file's `-wal` and `-shm`: left beside a restored file, an old write-ahead log would be replayed into it.
PostgreSQL: pg_dump's custom format and pg_restore, when they are on PATH.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import URL, func, insert, select, text

from echobot.storage.database import Database, SchemaError, database_url
from echobot.storage.tables import metadata

COPY_BATCH = 1000


class BackupError(Exception):
    """A backup, restore or copy that could not be done, in one line."""


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


def restore_file(backup_path: str, target_path: str) -> None:
    """Put a SQLite backup in place of the database at `target_path`, which nobody may be using.

    The backup is checked first, copied beside the target, and renamed over it once the target's stale
    `-wal` and `-shm` files are gone."""
    if not os.path.exists(backup_path):
        raise BackupError(f"there is no backup at {backup_path}")
    if (result := file_integrity(backup_path)) != "ok":
        raise BackupError(f"the backup {backup_path} is damaged: {result}")
    if os.path.exists(target_path):
        _refuse_if_in_use(target_path)
    staging = f"{target_path}.restoring"
    shutil.copyfile(backup_path, staging)
    with open(staging, "rb+") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm", "-journal"):
        Path(target_path + suffix).unlink(missing_ok=True)
    os.replace(staging, target_path)


def _refuse_if_in_use(path: str) -> None:
    """An exclusive lock is only granted when no other connection has the database open for use."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError:
        raise BackupError(f"{path} is in use: stop echobot before restoring") from None
    finally:
        conn.close()


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """A URL pg_dump understands, and the environment that carries the password (never on a command line)."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not on PATH: install PostgreSQL's client tools (Debian: postgresql-client)")
    return found


def pg_backup(setting: str, target_path: str) -> None:
    """pg_dump in its custom format (compressed, restorable table by table)."""
    target, env = _libpq(database_url(setting))
    _run([_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target_path}", f"--dbname={target}"], env)


def pg_restore(backup_path: str, setting: str) -> None:
    """Restore a pg_dump backup into the database, replacing what it holds (in one transaction)."""
    target, env = _libpq(database_url(setting))
    _run([_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
          f"--dbname={target}", backup_path], env)  # fmt: skip


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise BackupError(f"{os.path.basename(command[0])} failed: {lines[-1] if lines else done.returncode}")


async def table_counts(db: Database) -> dict[str, int]:
    counts = {}
    for table in metadata.sorted_tables:
        counts[table.name] = int(await db.reader.scalar(select(func.count()).select_from(table)))
    return counts


async def copy_database(source: Database, target: Database) -> dict[str, tuple[int, int]]:
    """Copy every row of `source` into the empty `target` (both on the current schema), in one transaction.
    Returns {table: (rows in source, rows in target)}; a non-empty target is refused."""
    if any((await table_counts(target)).values()):
        raise BackupError("the target database is not empty: copy only into a new, empty database")
    async with target.transaction() as tx:
        for table in metadata.sorted_tables:
            order = list(table.primary_key.columns)
            offset = 0
            while True:
                stored = [column for column in table.c if column.computed is None]  # generated columns make themselves
                rows = await source.reader.fetchall(select(*stored).order_by(*order).limit(COPY_BATCH).offset(offset))
                if not rows:
                    break
                await tx.execute(insert(table), [dict(row._mapping) for row in rows])
                offset += len(rows)
        if tx.dialect == "postgresql":
            for table in metadata.sorted_tables:
                if "id" in table.c and table.c.id.primary_key:
                    await tx.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                        f" coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                    ))  # fmt: skip
    before, after = await table_counts(source), await table_counts(target)
    mismatched = [name for name in before if before[name] != after[name]]
    if mismatched:
        raise SchemaError(f"row counts differ after the copy in: {', '.join(mismatched)}")
    return {name: (before[name], after[name]) for name in before}
