"""Moving between releases and backends: a database made by the release before Alembic upgrades in place,
`echobot db copy` moves a hub from SQLite to PostgreSQL, and backups restore on each backend (drills)."""

from __future__ import annotations

import shutil
import sqlite3
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from echobot.clock import FrozenClock
from echobot.storage import Database, cases, outbox, programs, providers
from echobot.storage.library_search import is_search_index
from echobot.storage.migrate import head, legacy_scripts, split_statements
from echobot.storage.tables import metadata
from tests import backends
from tests.fake_slack import FakeSlack
from tests.harness import Bot
from tests.processes import echobot
from tests.scenarios import CASE, create_program, register

BACKENDS = ("sqlite",)  # each test names the backends it needs through the postgres fixture
STAMP = "2026-10-01T12:00:00.000000Z"


def build_legacy(path: Path, version: int = 5) -> None:
    """A database exactly as the release before Alembic made it (its numbered scripts), with rows in it."""
    conn = sqlite3.connect(path)
    try:
        for number, _name, sql in legacy_scripts()[:version]:
            for statement in split_statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute(
            "INSERT INTO providers (user_id, name, credential, discipline, organization, state, county, email, role,"
            " registered_at, updated_at) VALUES ('UOLD0001', 'Ada Old', 'MD', 'IM', 'Clinic', 'NM', 'Taos',"
            " 'ada@example.org', 'participant', ?, ?)",
            (STAMP, STAMP),
        )
        conn.execute(
            "INSERT INTO outbox (key, kind, target, payload, due_at, state, created_at)"
            " VALUES ('old:1', 'post', 'C0OLD', '{\"text\": \"hello\"}', ?, 'sent', ?)",
            (STAMP, STAMP),
        )
        conn.execute("INSERT INTO coordinators VALUES ('UOLDCOORD', 'UADMIN', ?)", (STAMP,))
        conn.commit()
    finally:
        conn.close()


def _primary_key_nullability(difference: object) -> bool:
    """The old scripts declared primary keys without NOT NULL (implied for SQLite's integer row ids; echobot
    never writes a NULL key): not a difference that matters."""
    if not isinstance(difference, list) or len(difference) != 1 or difference[0][0] != "modify_nullable":
        return False
    _, _, table, column, *_ = difference[0]
    return bool(metadata.tables[table].c[column].primary_key)


def schema_differences(path: Path) -> list[object]:
    """What Alembic's autogenerate would change to make the file's schema the declared one."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # expression indexes cannot be compared on SQLite
            # the case library's FTS5 tables are made by migration 0009, not declared (storage/library_search.py)
            context = MigrationContext.configure(
                conn, opts={"include_name": lambda name, kind, _: kind != "table" or not is_search_index(name)}
            )
            found = compare_metadata(context, metadata)
    finally:
        engine.dispose()
    return [difference for difference in found if not _primary_key_nullability(difference)]


@pytest.mark.parametrize("version", [5, 3])
async def test_a_database_made_by_the_previous_release_upgrades_in_place(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    build_legacy(path, version)
    db = await Database.open(str(path))
    try:
        assert await db.schema_version() == head()
        ada = await providers.get(db.reader, "UOLD0001")
        assert ada is not None and ada.name == "Ada Old" and ada.registered_at.isoformat().startswith("2026-10-01")
        row = await outbox.get(db.reader, "old:1")
        assert row is not None and row.message is not None and row.message.text == "hello"
        assert await db.reader.scalar("SELECT count(*) FROM coordinators") == 1
        async with db.transaction() as tx:  # and it takes new work on every table the later scripts added
            assert await outbox.enqueue(tx, key="new:1", target="C0NEW", now=ada.registered_at, render=None,
                                        message=row.message)  # fmt: skip
    finally:
        await db.close()
    assert schema_differences(path) == []
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # the release before Alembic refuses this file as newer than itself instead of re-running its scripts
        assert conn.execute("PRAGMA user_version").fetchone()[0] > 5


async def test_a_new_sqlite_database_has_exactly_the_declared_schema(tmp_path: Path) -> None:
    db = await Database.open(str(tmp_path / "new.db"))
    await db.close()
    assert schema_differences(tmp_path / "new.db") == []


async def hub_on(bot: Bot) -> int:
    """A little hub: a program with its sessions and reminders, two providers, a case."""
    program = await create_program(bot)
    await register(bot, "UALICE0001")
    await register(bot, "UBOB000001")
    await bot.driver.command("UALICE0001", "join Hepatitis C ECHO")
    await bot.driver.command("UALICE0001", "case")
    await bot.settle()
    form = bot.fake.opened_views()[-1]
    reply = await bot.driver.submit("UALICE0001", form, {**CASE, "case_program": str(program.id)})
    assert reply.status == 200
    await bot.settle()
    return program.id


async def test_db_copy_moves_a_hub_from_sqlite_to_postgresql(
    tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock, postgres: backends.Postgres
) -> None:
    source = await Bot(tmp_path / "hub.db", fake_slack, clock).start()
    try:
        program_id = await hub_on(source)
        expected_cases = await cases.of_submitter(source.db.reader, "UALICE0001")
    finally:
        await source.stop()
    target = postgres.empty(f"copy_{tmp_path.name[-20:].lower()}")
    env = {"ECHOBOT_DATABASE": str(tmp_path / "hub.db")}
    result = echobot("db", "copy", "--to", target, env=env)
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[:-1]}
    assert lines["providers"] == ["2", "2", "ok"] and lines["programs"] == ["1", "1", "ok"]
    assert int(lines["outbox"][0]) > 0 and lines["outbox"][0] == lines["outbox"][1]
    assert "every count matches" in result.stdout and "postgres@" in result.stdout

    db = await Database.open(target)
    try:
        program = await programs.get(db.reader, program_id)
        assert program is not None and program.name == "Hepatitis C ECHO"
        assert await cases.of_submitter(db.reader, "UALICE0001") == expected_cases
    finally:
        await db.close()

    again = echobot("db", "copy", "--to", target, env=env)
    assert again.returncode == 1 and "not empty" in again.stderr

    moved = await Bot(tmp_path / "unused", fake_slack, clock, ECHOBOT_DATABASE=target).start()
    try:  # the hub runs on PostgreSQL, and new ids continue after the copied ones
        await register(moved, "UCAROL0001")
        assert "Alice" in (await moved.driver.command("UALICE0001", "me")).message_text
        await moved.driver.command("UBOB000001", "join Hepatitis C ECHO")
        await moved.driver.command("UBOB000001", "case")
        await moved.settle()
        form = moved.fake.opened_views()[-1]
        reply = await moved.driver.submit("UBOB000001", form, {**CASE, "case_program": str(program_id)})
        assert reply.status == 200
        [case] = await cases.of_submitter(moved.db.reader, "UBOB000001")
        assert case.id == expected_cases[0].id + 1
    finally:
        await moved.stop()


async def test_sqlite_restore_drill_removes_a_crashed_databases_write_ahead_log(
    tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    live_path = tmp_path / "live.db"
    live = await Bot(live_path, fake_slack, clock).start()
    try:
        await hub_on(live)
    finally:
        await live.stop()
    env = {"ECHOBOT_DATABASE": str(live_path)}
    assert echobot("db", "backup", str(tmp_path / "backup.db"), env=env).returncode == 0

    # later: more work, then a crash that leaves committed pages in the -wal (no checkpoint at close)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    conn = sqlite3.connect(live_path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("DELETE FROM case_events")
    conn.execute("UPDATE providers SET name = 'Overwritten'")
    conn.commit()
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{live_path}{suffix}", crashed / f"live.db{suffix}")
    conn.close()
    assert (crashed / "live.db-wal").stat().st_size > 0

    restored = echobot("db", "restore", str(tmp_path / "backup.db"), env={"ECHOBOT_DATABASE": str(crashed / "live.db")})
    assert restored.returncode == 0, restored.stderr
    assert "restored" in restored.stdout
    assert not (crashed / "live.db-wal").exists() or (crashed / "live.db-wal").stat().st_size == 0
    db = await Database.open(str(crashed / "live.db"))
    try:
        names = [row[0] for row in await db.reader.fetchall("SELECT name FROM providers")]
        assert "Overwritten" not in names and len(names) == 2
        assert await db.reader.scalar("SELECT count(*) FROM case_events") > 0
    finally:
        await db.close()

    # a database in use is not restored over
    holder = sqlite3.connect(crashed / "live.db")
    holder.execute("BEGIN IMMEDIATE")
    try:
        refused = echobot("db", "restore", str(tmp_path / "backup.db"),
                          env={"ECHOBOT_DATABASE": str(crashed / "live.db")})  # fmt: skip
        assert refused.returncode == 1 and "in use" in refused.stderr
    finally:
        holder.close()


async def test_postgresql_backup_and_restore_drill(
    tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock, postgres: backends.Postgres
) -> None:
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump and pg_restore are not on PATH")
    name = tmp_path.name[-20:].lower()
    live_url = postgres.fresh(f"live_{name}")
    live = await Bot(tmp_path / "unused", fake_slack, clock, ECHOBOT_DATABASE=live_url).start()
    try:
        await hub_on(live)
        before = await cases.of_submitter(live.db.reader, "UALICE0001")
    finally:
        await live.stop()
    backup = echobot("db", "backup", str(tmp_path / "hub.dump"), env={"ECHOBOT_DATABASE": live_url})
    assert backup.returncode == 0, backup.stderr
    assert "pg_dump" in backup.stdout and (tmp_path / "hub.dump").stat().st_mode & 0o077 == 0

    target = postgres.empty(f"restored_{name}")
    restored = echobot("db", "restore", str(tmp_path / "hub.dump"), env={"ECHOBOT_DATABASE": target})
    assert restored.returncode == 0, restored.stderr
    bot = await Bot(tmp_path / "unused", fake_slack, clock, ECHOBOT_DATABASE=target).start()
    try:
        assert await cases.of_submitter(bot.db.reader, "UALICE0001") == before
        assert "Hepatitis C ECHO" in (await bot.driver.command("UALICE0001", "program list")).message_text
        await register(bot, "UAFTER0001")  # and it takes new work
        assert await providers.count(bot.db.reader) == 3
    finally:
        await bot.stop()


def test_the_migrations_form_one_line() -> None:
    """Every revision follows one other: branches merged side by side would leave two heads, and upgrade fails."""
    from alembic.script import ScriptDirectory

    from echobot.storage.migrate import config

    script = ScriptDirectory.from_config(config())
    assert len(script.get_heads()) == 1, script.get_heads()
