"""The backup drill: `echobot db backup`, run as a separate process while the bot is busy registering
providers and taking cases, gives a copy that is sound, on the current schema, and that a bot started on it
serves, with every record committed before the backup began."""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

from echobot.clock import FrozenClock
from echobot.ids import CaseField, RegistrationField
from echobot.storage.backup import file_integrity
from echobot.storage.database import Database
from echobot.storage.migrate import head
from tests.fake_slack import FakeSlack
from tests.harness import Bot
from tests.scenarios import CASE, PROVIDER, create_program, register

# these tests are about the SQLite file itself (backup files, PRAGMAs); tests/test_postgres.py covers PostgreSQL
BACKENDS = ("sqlite",)

FIRST = "UFIRST0001"
ENV = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "ECHOBOT_"))}


class Load:
    """Workers that keep registering new providers (joining the program on the form) and submitting a case
    for each, through signed Slack requests, until told to stop."""

    def __init__(self, bot: Bot, registration: dict[str, Any], case_form: dict[str, Any], program_id: int) -> None:
        self.bot, self.registration, self.case_form = bot, registration, case_form
        self.program_id = str(program_id)
        self.counter = itertools.count(1)
        self.stop = asyncio.Event()
        self.acknowledged: list[str] = []
        self.progress = asyncio.Condition()

    async def worker(self) -> None:
        while not self.stop.is_set():
            n = next(self.counter)
            user = f"ULOAD{n:05d}"
            registration = {**self.registration, "id": f"VREG{n:06d}"}
            values = {
                **PROVIDER,
                RegistrationField.NAME: f"Load Provider {n}",
                RegistrationField.PROGRAMS: [self.program_id],
            }
            reply = await self.bot.driver.submit(user, registration, values)
            assert reply.status == 200 and reply.json.get("response_action") == "update", reply.text  # the welcome
            case = {**self.case_form, "id": f"VCASE{n:06d}"}
            reply = await self.bot.driver.submit(user, case, {**CASE, CaseField.PROGRAM: self.program_id})
            assert reply.status == 200 and reply.text == "", reply.text
            async with self.progress:
                self.acknowledged.append(user)
                self.progress.notify_all()

    async def until(self, done: int) -> None:
        async with self.progress:
            await self.progress.wait_for(lambda: len(self.acknowledged) >= done)


async def committed(db: Any) -> tuple[set[str], set[int]]:
    providers = {row[0] for row in await db.reader.fetchall("SELECT user_id FROM providers")}
    cases = {row[0] for row in await db.reader.fetchall("SELECT id FROM cases")}
    return providers, cases


async def test_a_backup_taken_under_load_restores_to_a_working_bot(
    tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock
) -> None:
    live = await Bot(tmp_path / "live.db", fake_slack, clock).start()
    try:
        program = await create_program(live)
        await register(live, FIRST)
        await live.driver.command(FIRST, "join Hepatitis C ECHO")
        await live.driver.command(FIRST, "case")
        await live.settle()
        case_form = live.fake.opened_views()[-1]
        await live.driver.command("UNEWCOMER1", "register")
        await live.settle()
        registration = live.fake.opened_views()[-1]
        load = Load(live, registration, case_form, program.id)
        workers = [asyncio.create_task(load.worker()) for _ in range(3)]
        await load.until(6)  # the load is well under way
        providers_before, cases_before = await committed(live.db)
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "echobot", "db", "backup", str(tmp_path / "backup.db"),
            env={**ENV, "ECHOBOT_DATABASE": str(tmp_path / "live.db")},
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        out, err = await process.communicate()  # while the workers keep writing
        during = len(load.acknowledged)
        await load.until(during + 3)  # and the bot kept serving after the backup
        load.stop.set()
        await asyncio.gather(*workers)
        await live.settle()
    finally:
        await live.stop()
    assert process.returncode == 0, err.decode()
    assert "integrity ok" in out.decode()
    assert (tmp_path / "backup.db").stat().st_mode & 0o077 == 0  # provider details: this account only
    assert len(cases_before) >= 6 and len(providers_before) >= 7

    # restore as an operator would: copy the backup into place, check it, start echobot on it
    restored_path = tmp_path / "restored.db"
    shutil.copyfile(tmp_path / "backup.db", restored_path)
    assert file_integrity(str(restored_path)) == "ok"
    with sqlite3.connect(restored_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(head(),)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    db = await Database.open(str(restored_path))
    try:
        providers_after, cases_after = await committed(db)
    finally:
        await db.close()
    assert providers_before <= providers_after, providers_before - providers_after
    assert cases_before <= cases_after, cases_before - cases_after

    restored = await Bot(restored_path, fake_slack, clock).start()
    try:
        assert "Hepatitis C ECHO" in (await restored.driver.command(FIRST, "program list")).message_text
        assert "Alice Moreno" in (await restored.driver.command(FIRST, "me")).message_text
        for user in sorted(providers_before - {FIRST})[:3]:
            assert "Load Provider" in (await restored.driver.command(user, "me")).message_text
            assert "Case #" in (await restored.driver.command(user, "cases")).message_text
        # and it takes new work
        await register(restored, "UAFTER0001", **{RegistrationField.NAME: "After Restore"})
        assert "After Restore" in (await restored.driver.command("UAFTER0001", "me")).message_text
    finally:
        await restored.stop()
