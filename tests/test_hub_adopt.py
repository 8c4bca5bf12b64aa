"""Adopting the single-token hub into distribution mode (issue 14): `echobot hub adopt TEAM_ID` moves every record
made with one bot token (hub `default`) to the workspace, in one transaction, audited, with counts; the same
people then see the same records through the installed app. Refused when the workspace has records of its own;
run twice, the second says there is nothing to adopt. Purge and adopt share one list of a hub's tables."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from echobot.ids import Callback
from echobot.storage import audit, hub, programs
from echobot.storage import coordinators as coordinators_repo
from echobot.storage import hubs as hubs_repo
from echobot.storage.tables import metadata
from echobot.web import EVENTS_PATH
from tests.fake_slack import CLIENT_ID, CLIENT_SECRET, HUB_A, HUB_TEAM, FakeSlack
from tests.harness import ADMIN, SIGNING_SECRET, Bot
from tests.scenarios import ALICE, PROGRAM_CHANNEL, PROVIDER, program_with_participant
from tests.slack_driver import SlackDriver
from tests.test_cases import submit_case
from tests.test_hubs import install

ANN = "UACOORD001"  # the workspace admin who installs echobot through OAuth
NAME = "Hepatitis C ECHO"
# Tables with no hub's records: the deployment's own machinery, shared by every hub.
SHARED_TABLES = {"hubs", "inbound_events", "periodic_runs", "request_answers", "lanes", "credit_types",
                 "slack_installations", "slack_bots", "slack_oauth_states"}  # fmt: skip


async def cli(bot: Bot, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`echobot ARGS` as the service runs it, with the single-token environment echobot ran with."""
    settings = bot.settings
    values = {**os.environ, "ECHOBOT_DATABASE": settings.database, "SLACK_BOT_TOKEN": "xoxb-single",
              "SLACK_SIGNING_SECRET": SIGNING_SECRET, "ECHOBOT_ADMINS": ADMIN, "ECHOBOT_HUB_NAME": "Test Hub",
              "ECHOBOT_TIMEZONE": "America/New_York", **env}  # fmt: skip
    return await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "echobot", *args], env=values, cwd=tmp_path, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip


def counts(output: str) -> dict[str, int]:
    return {table: int(n) for table, n in re.findall(r"^  (\w+): (\d+)$", output, re.MULTILINE)}


async def distribution(bot: Bot) -> Bot:
    """The same database, now serving many workspaces (OAuth), as after the switch."""
    many = Bot(bot.db_path, bot.fake, bot.clock, SLACK_BOT_TOKEN="", ECHOBOT_ADMINS="", SLACK_CLIENT_ID=CLIENT_ID,
               SLACK_CLIENT_SECRET=CLIENT_SECRET)  # fmt: skip
    return await many.start()


def driver(bot: Bot, team: str = HUB_TEAM) -> SlackDriver:
    return SlackDriver(bot.base_url + EVENTS_PATH, SIGNING_SECRET, bot.fake, team=team)


async def single_token_records(bot: Bot) -> int:
    """A hub's life in single-token mode: a program, Alice registered and joined, her case."""
    await program_with_participant(bot)
    return await submit_case(bot)


async def what_people_see(bot: Bot, case_id: int) -> None:
    slack = driver(bot)
    try:
        reply = await slack.command(ALICE, "cases")
        assert f"Case #{case_id}" in reply.message_text, reply.text
        reply = await slack.command(ALICE, "me")
        assert "participant" in reply.message_text.lower(), reply.text
        reply = await slack.command(ALICE, "program list", channel=PROGRAM_CHANNEL)
        assert NAME in reply.message_text
        reply = await slack.command(ADMIN, "help")
        assert "Test Hub" in reply.message_text  # the name it ran with, not the workspace's
        reply = await slack.command(ADMIN, f"program edit {NAME}")  # ECHOBOT_ADMINS: a coordinator by right now
        assert reply.status == 200 and "Only" not in reply.text, reply.text
        await bot.settle()
        assert bot.fake.opened_views()[-1]["callback_id"] == Callback.PROGRAM_VIEW
    finally:
        await slack.close()


async def test_records_made_with_one_token_are_the_workspaces_after_adopt(
    bot: Bot, tmp_path: Path, fake_slack: FakeSlack
) -> None:
    case_id = await single_token_records(bot)
    await bot.stop()  # 1. back up and stop (the backup: test_backup_drill)
    result = await cli(bot, tmp_path, "hub", "adopt", HUB_TEAM)  # 2. adopt, with the environment it ran with
    assert result.returncode == 0, result.stderr
    assert f"hub {HUB_TEAM} adopted the single-token hub" in result.stdout
    moved = counts(result.stdout)
    assert moved["programs"] == 1 and moved["providers"] == 1
    assert moved["outbox"] > 0 and moved["audit_log"] > 0 and moved["ECHOBOT_ADMINS"] == 1
    again = await cli(bot, tmp_path, "hub", "adopt", HUB_TEAM)
    assert again.returncode == 0 and "nothing to adopt" in again.stdout, again.stderr
    # 3. many workspaces (SLACK_CLIENT_ID/SECRET), 4. the workspace installs the app through /slack/install
    many = await distribution(bot)
    try:
        fake_slack.add_member(ANN, "Ann Archer", HUB_TEAM)
        assert await install(many, HUB_TEAM, "ECHO Hub Workspace", ANN) == 200
        await what_people_see(many, case_id)
        found = await hubs_repo.get(many.db.reader, HUB_TEAM)
        assert found is not None and found.team_id == HUB_TEAM and found.name == "Test Hub"
        assert await hubs_repo.get(many.db.reader, hub.DEFAULT_HUB) is None
        with hub.scope(HUB_TEAM):
            assert set(await coordinators_repo.all_ids(many.db.reader)) >= {ADMIN, ANN}
            adopted = [e for e in await audit.recent(many.db.reader) if e.action == "hub.adopt"]
            assert adopted and adopted[0].detail is not None and adopted[0].detail["programs"] == 1
        with hub.scope(hub.DEFAULT_HUB):
            assert await programs.every(many.db.reader) == []
        # its messages go out with the installed token: a new case reaches the hub channel
        slack = driver(many)
        await slack.command(ALICE, "case", channel=PROGRAM_CHANNEL)
        await many.settle()
        assert fake_slack.calls_by(HUB_TEAM, "views.open")
    finally:
        await many.stop()


async def test_adopt_refuses_a_workspace_with_records_of_its_own_and_keeps_an_install(
    bot: Bot, tmp_path: Path, fake_slack: FakeSlack
) -> None:
    await single_token_records(bot)
    await bot.stop()
    bad = await cli(bot, tmp_path, "hub", "adopt", "default")
    assert bad.returncode == 2 and "not a workspace id" in bad.stderr
    many = await distribution(bot)
    try:
        fake_slack.add_member(ANN, "Ann Archer", HUB_A)
        assert await install(many, HUB_A, "Hub A Health", ANN) == 200  # installed first: only the install's traces
        fake_slack.add_member("UBEN000001", "Ben Brooks", "T_HUB_USED")
        assert await install(many, "T_HUB_USED", "Used Hub", "UBEN000001") == 200
        slack = driver(many, "T_HUB_USED")  # a hub in use: someone registered there
        await slack.command("UBEN000001", "register")
        await many.settle()
        reply = await slack.submit("UBEN000001", fake_slack.opened_views()[-1], {**PROVIDER, "name": "Ben Brooks"})
        assert reply.json.get("response_action") == "update", reply.text
        await slack.close()
    finally:
        await many.stop()
    used = await cli(bot, tmp_path, "hub", "adopt", "T_HUB_USED")
    assert used.returncode == 1 and "already has records of its own (providers: 1)" in used.stderr
    # the install traces do not count: a workspace installed before the adopt takes the records
    with_program = await cli(bot, tmp_path, "hub", "adopt", HUB_A)
    assert with_program.returncode == 0, with_program.stderr
    assert counts(with_program.stdout)["programs"] == 1


async def test_purge_and_adopt_cover_every_table_with_a_hub(bot: Bot) -> None:
    """Every table the migrations made with a hub_id column is re-scoped by adopt and purged by purge; every
    other table either hangs off one of them or is the deployment's own."""
    engine = bot.db.library_engine()

    def schema(connection: Any) -> dict[str, set[str]]:
        found = inspect(connection)
        return {name: {c["name"] for c in found.get_columns(name)} for name in found.get_table_names()}

    async with engine.connect() as connection:
        tables = await connection.run_sync(schema)
    with_hub = {name for name, columns in tables.items() if "hub_id" in columns} - {"hubs"}
    assert with_hub == {table.name for table in hubs_repo.scoped_tables()}
    owned = {table.name for table, _ in hubs_repo.owned_tables("T_ANY")}
    assert with_hub <= owned
    declared = {table.name for table in metadata.sorted_tables}
    made = {name for name in tables if not name.startswith(("alembic", "library_fts", "sqlite_"))}
    assert made <= declared, made - declared  # nothing a migration made is unknown to purge and adopt
    assert declared - owned == SHARED_TABLES, declared - owned
