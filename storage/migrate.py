"""Schema migrations with Alembic, run programmatically on echobot's own connection (users need no alembic.ini).

A SQLite database made before Alembic (numbered SQL scripts tracked by `PRAGMA user_version`, kept in
storage/legacy/) is brought forward by the first revision in place; new databases start there too.
"""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, inspect

from echobot.storage.database import NewerSchemaError, SchemaError

LEGACY_VERSIONS = 5  # the numbered SQL scripts of the releases before Alembic
# PRAGMA user_version of a SQLite database under Alembic: those releases refuse it as newer than themselves.
ALEMBIC_USER_VERSION = 100


def config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "echobot.storage:migrations")
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    return str(ScriptDirectory.from_config(config()).get_current_head())


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at; raises NewerSchemaError when this code does not know it."""
    heads = MigrationContext.configure(connection).get_current_heads()
    if not heads:
        legacy = _legacy_version(connection)
        if legacy > LEGACY_VERSIONS:
            raise NewerSchemaError(
                f"the database is at schema version {legacy}, newer than this echobot; "
                "upgrade echobot before using this database"
            )
        return f"legacy-{legacy}" if legacy else None
    script = ScriptDirectory.from_config(config())
    for revision in heads:
        try:
            known = script.get_revision(revision)
        except CommandError:
            known = None
        if known is None:
            raise NewerSchemaError(
                f"the database is at schema revision {revision}, newer than this echobot ({head()}); "
                "upgrade echobot before using this database"
            )
    return ",".join(heads)


def upgrade(connection: Connection) -> list[str]:
    """Apply every pending revision; returns their names (their files', e.g. 0001_baseline)."""
    before = current_revision(connection)
    if before is not None and before.startswith("legacy-"):
        before = None
    script = ScriptDirectory.from_config(config())
    pending = [Path(rev.path).stem for rev in reversed(list(script.iterate_revisions("head", before)))]
    if pending:
        command.upgrade(config(connection), "head")
    return pending


def _legacy_version(connection: Connection) -> int:
    if connection.dialect.name != "sqlite":
        return 0
    return int(connection.exec_driver_sql("PRAGMA user_version").scalar() or 0)


def legacy_scripts() -> list[tuple[int, str, str]]:
    """(number, name, sql) of the numbered SQL scripts of the releases before Alembic."""
    folder = resources.files("echobot.storage").joinpath("legacy")
    scripts = sorted(
        (int(entry.name.split("_", 1)[0]), entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    )
    if [number for number, _, _ in scripts] != list(range(1, LEGACY_VERSIONS + 1)):
        raise SchemaError("the legacy migration scripts are incomplete")
    return scripts


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError("script ends with an incomplete statement")
    return statements


def finish_legacy(connection: Connection) -> bool:
    """In the first revision: a database made by the releases before Alembic gets the numbered scripts it
    lacks, after which its schema is the first revision's. False for a database without a legacy schema."""
    version = _legacy_version(connection)
    if version == 0:
        if set(inspect(connection).get_table_names()) - {"alembic_version"}:
            raise SchemaError("the database has tables but no schema version: is it echobot's?")
        return False
    for _number, _name, sql in legacy_scripts()[version:]:
        for statement in split_statements(sql):
            connection.exec_driver_sql(statement)
    return True


def mark_sqlite(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA user_version = {ALEMBIC_USER_VERSION}")
