"""Many hubs in one deployment (issue 14), end to end: two workspaces install echobot through OAuth
(/slack/install, Slack's consent, /slack/oauth_redirect with the state it issued), each is a hub whose
installing person is its first coordinator, and neither sees, exports or changes the other's anything; each
hub's messages go out with its own bot token; uninstalling one stops sending to it at once while the other goes
on; `echobot hub purge` removes a hub's records for good and says how many."""

from __future__ import annotations

import asyncio
import io
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pypdf import PdfReader

from echobot.ids import Action, Callback, EvaluationField, HubField, ProgramField
from echobot.models import Message, OutboxState
from echobot.storage import audit, cases, evaluations, hub, outbox, programs, providers
from echobot.storage import hubs as hubs_repo
from echobot.web import EVENTS_PATH
from tests import backends
from tests.fake_slack import CLIENT_ID, CLIENT_SECRET, HUB_A, HUB_B, HUB_TEAM, PARTNER_TEAM, FakeSlack
from tests.harness import ADMIN, SIGNING_SECRET, Bot
from tests.processes import eventually
from tests.scenarios import CASE, EVALUATION, FIRST_END, FIRST_START, PROGRAM, PROVIDER, at, direct_message, uploaded
from tests.slack_driver import SlackDriver

ANN = "UACOORD001"  # installs echobot into hub A: its first coordinator
BEN = "UBCOORD001"  # installs echobot into hub B
AMY = "UANURSE001"  # a provider of hub A
PAT = "UPARTNER01"  # a nurse practitioner at a partner clinic, in hub A's shared program channel
A_CHANNEL, A_REVIEW = "CAHEPC", "GAHEPCHUB"
B_CHANNEL, B_REVIEW = "CBHEPC", "GBHEPCHUB"
NAME = PROGRAM[ProgramField.NAME]  # both hubs run a program of the same name: names are unique per hub only


class Hubs:
    """echobot serving many workspaces, and a signed-request driver per workspace."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.drivers: dict[str, SlackDriver] = {}

    def __getitem__(self, team: str) -> SlackDriver:
        if team not in self.drivers:
            self.drivers[team] = SlackDriver(self.bot.base_url + EVENTS_PATH, SIGNING_SECRET, self.bot.fake, team=team)
        return self.drivers[team]

    async def close(self) -> None:
        for driver in self.drivers.values():
            await driver.close()


@pytest.fixture
async def many(tmp_path: Path, fake_slack: FakeSlack, clock: Any, backend: backends.Backend) -> AsyncIterator[Hubs]:
    bot = await Bot(tmp_path / "echobot.db", fake_slack, clock, SLACK_BOT_TOKEN="", ECHOBOT_ADMINS="",
                    SLACK_CLIENT_ID=CLIENT_ID, SLACK_CLIENT_SECRET=CLIENT_SECRET).start()  # fmt: skip
    hubs = Hubs(bot)
    yield hubs
    await hubs.close()
    await bot.stop()


async def install(bot: Bot, team: str, name: str, installer: str) -> int:
    """What a workspace admin does: open the install page, approve on Slack, come back to the redirect."""
    async with aiohttp.ClientSession() as browser:
        async with browser.get(bot.base_url + "/slack/install") as page:
            assert page.status == 200
            link = re.search(r'href="(https://slack.com/oauth/v2/authorize[^"]+)"', await page.text())
            # the state cookie is Secure: a browser sends it back over HTTPS, so here it is handed back by hand
            cookie = page.headers["Set-Cookie"].split(";")[0]
        assert link is not None
        state = re.search(r"state=([^&]+)", link.group(1).replace("&amp;", "&"))
        assert state is not None and f"client_id={CLIENT_ID}" in link.group(1)
        assert cookie == f"slack-app-oauth-state={state.group(1)}"
        code = bot.fake.install_code(team, name, installer)
        back_url = bot.base_url + f"/slack/oauth_redirect?code={code}&state={state.group(1)}"
        async with browser.get(back_url, headers={"Cookie": cookie}) as back:
            return back.status


B_ADMIN, B_PARTICIPANT = "UBHUBADM01", "UBPARTIC01"  # hub B's installer and one of its participants


async def two_installed_hubs(tmp_path: Path, fake_slack: FakeSlack, clock: Any) -> Bot:
    """echobot serving many workspaces (OAuth), installed into the hub workspace (by ADMIN) and into HUB_B (by
    B_ADMIN, with B_PARTICIPANT a member there)."""
    bot = await Bot(tmp_path / "echobot.db", fake_slack, clock, SLACK_BOT_TOKEN="", ECHOBOT_ADMINS="",
                    SLACK_CLIENT_ID=CLIENT_ID, SLACK_CLIENT_SECRET=CLIENT_SECRET).start()  # fmt: skip
    assert await install(bot, HUB_TEAM, "ECHO Hub", ADMIN) == 200
    fake_slack.add_member(B_ADMIN, "Bea Bauer", HUB_B)
    fake_slack.add_member(B_PARTICIPANT, "Bo Berg", HUB_B)
    assert await install(bot, HUB_B, "Hub B Health", B_ADMIN) == 200
    return bot


async def installed_pair(many: Hubs) -> None:
    bot = many.bot
    bot.fake.add_member(ANN, "Ann Archer", HUB_A)
    bot.fake.add_member(BEN, "Ben Brooks", HUB_B)
    assert await install(bot, HUB_A, "Hub A Health", ANN) == 200
    assert await install(bot, HUB_B, "Hub B Health", BEN) == 200


async def program_in(many: Hubs, team: str, coordinator: str, channel: str, review: str, **extra: Any) -> int:
    bot = many.bot
    bot.fake.add_channel(channel, f"hepc-{team.lower()}", **extra)
    bot.fake.add_channel(review, f"hepc-hub-{team.lower()}", private=True)
    reply = await many[team].command(coordinator, "program new", channel=channel)
    assert reply.status == 200, reply.text
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.PROGRAM_VIEW
    form = {**PROGRAM, ProgramField.CHANNEL: channel, ProgramField.REVIEW_CHANNEL: review,
            ProgramField.SPECIALISTS: [], ProgramField.COORDINATORS: []}  # fmt: skip
    reply = await many[team].submit(coordinator, view, form)
    assert "is set up" in str(reply.json["view"]["blocks"]), reply.text  # the summary, in the form's place
    await bot.settle()
    with hub.scope(team):
        found = await programs.get_by_name(bot.db.reader, NAME)
    assert found is not None
    return found.id


async def register_in(many: Hubs, team: str, user: str, **form: Any) -> None:
    bot = many.bot
    await many[team].command(user, "register")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.REGISTER_VIEW
    reply = await many[team].submit(user, view, {**PROVIDER, **form})
    assert reply.json.get("response_action") == "update", reply.text  # the form turns into the welcome
    await bot.settle()


async def test_two_workspaces_install_and_each_installer_runs_their_own_hub(many: Hubs) -> None:
    bot = many.bot
    await installed_pair(many)
    async with bot.db.transaction() as tx:
        assert sorted(await hubs_repo.serving(tx)) == [HUB_A, HUB_B]
    a, b = await hubs_repo.get(bot.db.reader, HUB_A), await hubs_repo.get(bot.db.reader, HUB_B)
    assert a is not None and a.installed_by == ANN and a.name == "Hub A Health"
    assert b is not None and b.installed_by == BEN
    # a redirect whose state echobot never issued installs nothing
    code = bot.fake.install_code("T_FORGED", "Forged", "UFORGER01")
    forged = bot.base_url + f"/slack/oauth_redirect?code={code}&state=made-up"
    async with aiohttp.ClientSession() as browser, browser.get(forged) as back:
        assert back.status != 200
    assert await hubs_repo.get(bot.db.reader, "T_FORGED") is None
    # the installer is the hub's coordinator: help says so, and they set up a program in their own hub only
    reply = await many[HUB_A].command(ANN, "help")
    assert "Hub A Health" in reply.message_text and "/echo program new" in reply.message_text
    a_program = await program_in(many, HUB_A, ANN, A_CHANNEL, A_REVIEW)
    reply = await many[HUB_B].command(ANN, "program new", channel=B_CHANNEL)
    assert "Only hub coordinators" in reply.text
    b_program = await program_in(many, HUB_B, BEN, B_CHANNEL, B_REVIEW)
    assert a_program != b_program
    # each hub's messages go out with its own bot token, into its own channels
    a_channels = {c.args.get("channel") for c in bot.fake.calls_by(HUB_A, "chat.postMessage")}
    b_channels = {c.args.get("channel") for c in bot.fake.calls_by(HUB_B, "chat.postMessage")}
    assert A_CHANNEL in a_channels and B_CHANNEL not in a_channels
    assert B_CHANNEL in b_channels and A_CHANNEL not in b_channels
    # their audit logs are their own
    with hub.scope(HUB_A):
        assert {e.action for e in await audit.recent(bot.db.reader)} >= {"hub.install", "program.create"}
        assert all(e.actor != BEN for e in await audit.recent(bot.db.reader))


async def test_hub_a_sees_exports_and_changes_nothing_of_hub_b(many: Hubs) -> None:
    bot = many.bot
    await installed_pair(many)
    await program_in(many, HUB_A, ANN, A_CHANNEL, A_REVIEW)
    b_program = await program_in(many, HUB_B, BEN, B_CHANNEL, B_REVIEW)
    bot.fake.add_member("UBNURSE001", "Bea Nurse", HUB_B)
    await register_in(many, HUB_B, "UBNURSE001", name="Bea Nurse", email="bea@b.example.org")
    await many[HUB_B].command("UBNURSE001", f"join {NAME}", channel=B_CHANNEL)
    await many[HUB_B].command("UBNURSE001", "case", channel=B_CHANNEL)
    await bot.settle()
    reply = await many[HUB_B].submit("UBNURSE001", bot.fake.opened_views()[-1], CASE)
    assert reply.text == "", reply.text
    await bot.settle()
    with hub.scope(HUB_B):
        [b_case] = await cases.of_submitter(bot.db.reader, "UBNURSE001")
    calls_before = len(bot.fake.calls)
    # the program list, the queue, Home and the registration directory show hub A's own only
    listing = await many[HUB_A].command(ANN, "program list", channel=A_CHANNEL)
    assert listing.message_text.count(NAME) == 1 and B_CHANNEL not in listing.message_text
    queue = await many[HUB_A].command(ANN, "queue")
    assert "Bea" not in queue.message_text and f"#{b_case.id}" not in queue.message_text
    await many[HUB_A].event({"type": "app_home_opened", "user": ANN, "tab": "home"})
    await bot.settle()
    home = bot.fake.last("views.publish")
    assert home.team == HUB_A and B_CHANNEL not in str(home.args) and "Bea" not in str(home.args)
    # exports and digests of hub A hold nothing of hub B
    for kind in ("credits", "attendance", "cases", "evaluations"):
        await many[HUB_A].command(ANN, f"export {kind}")
    await many[HUB_A].command(ANN, "digest")
    await bot.settle()
    sent_to_ann = [c for c in bot.fake.calls[calls_before:] if c.team == HUB_A]
    assert sent_to_ann and all(c.team != HUB_B for c in bot.fake.calls[calls_before:])
    assert not any("Bea" in str(c.args) or B_CHANNEL in str(c.args) for c in sent_to_ann)
    # buttons and forms naming hub B's records by id do nothing for hub A's coordinator
    reply = await many[HUB_A].click(ANN, Action.JOIN_PROGRAM, str(b_program), channel=A_CHANNEL)
    assert reply.status == 200
    await many[HUB_A].click(ANN, Action.CASE_CLAIM, str(b_case.id), channel=A_REVIEW)
    await bot.settle()
    with hub.scope(HUB_B):
        still = await cases.get(bot.db.reader, b_case.id)
        assert still is not None and still.state == b_case.state and still.owner is None
        assert await programs.members(bot.db.reader, b_program) == ["UBNURSE001"]
    with hub.scope(HUB_A):
        assert await cases.get(bot.db.reader, b_case.id) is None
        assert await providers.get(bot.db.reader, "UBNURSE001") is None
    reply = await many[HUB_A].command(ANN, f"program archive {NAME}")
    await bot.settle()
    with hub.scope(HUB_B):
        b = await programs.get(bot.db.reader, b_program)
        assert b is not None and b.archived_at is None


async def test_hub_settings_are_the_hubs_own_and_changed_by_its_coordinators(many: Hubs) -> None:
    bot = many.bot
    await installed_pair(many)
    bot.fake.add_member(AMY, "Amy Nurse", HUB_A)
    reply = await many[HUB_A].command(AMY, "hub settings")
    assert "Only hub coordinators" in reply.text
    await many[HUB_A].command(ANN, "hub settings")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.HUB_SETTINGS_VIEW
    reply = await many[HUB_A].submit(ANN, view, {HubField.TIMEZONE: "Mars/Olympus"})
    assert "time zone" in reply.errors[HubField.TIMEZONE]
    statement = "This activity is accredited by Hub A Health for 1.0 AMA PRA Category 1 Credit."
    reply = await many[HUB_A].submit(ANN, view, {HubField.NAME: "Hub A ECHO", HubField.TIMEZONE: "America/Chicago",
                                                 HubField.STATEMENT: statement})  # fmt: skip
    assert reply.text == "", reply.text
    a, b = await hubs_repo.get(bot.db.reader, HUB_A), await hubs_repo.get(bot.db.reader, HUB_B)
    assert a is not None and a.name == "Hub A ECHO" and a.timezone == "America/Chicago"
    assert b is not None and b.name == "Hub B Health" and b.accreditation_statement == ""
    assert "Hub A ECHO" in (await many[HUB_A].command(AMY, "help")).message_text
    assert "Hub A ECHO" not in (await many[HUB_B].command(BEN, "help")).message_text
    with hub.scope(HUB_A):
        assert any(e.action == "hub.settings" and e.actor == ANN for e in await audit.recent(bot.db.reader))


async def test_a_partner_provider_in_hub_as_shared_channel_goes_from_registration_to_certificate(many: Hubs) -> None:
    bot = many.bot
    await installed_pair(many)
    bot.fake.add_partner_user(PAT, "Pat Okafor")
    await program_in(many, HUB_A, ANN, A_CHANNEL, A_REVIEW, shared_with=[PARTNER_TEAM], members=[PAT])
    await register_in(many, HUB_A, PAT, name="Pat Okafor", email="pat@partner.example.org")
    with hub.scope(HUB_A):
        stored = await providers.get(bot.db.reader, PAT)
    assert stored is not None and stored.team_id == PARTNER_TEAM
    with hub.scope(HUB_B):
        assert await providers.get(bot.db.reader, PAT) is None
    reply = await many[HUB_A].command(PAT, f"join {NAME}", channel=A_CHANNEL)
    assert "You joined" in reply.text
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    await bot.runtime.tick()  # type: ignore[union-attr]
    reply = await many[HUB_A].click(PAT, Action.CHECK_IN, "1", channel=A_CHANNEL)
    assert reply.status == 200
    await at(bot, FIRST_END + timedelta(minutes=1))
    assert any("Evaluate the session" in p["text"] for p in bot.fake.posts_to(PAT))
    await many[HUB_A].click(PAT, Action.EVALUATE, "1", channel="D" + PAT[1:])
    await bot.settle()
    reply = await many[HUB_A].submit(PAT, bot.fake.opened_views()[-1], EVALUATION)
    assert reply.text == "", reply.text
    await bot.settle()
    with hub.scope(HUB_A):
        assert len(await evaluations.credits_of(bot.db.reader, PAT)) == 1
    await many[HUB_A].click(PAT, Action.CERTIFICATE_SESSION, channel="D" + PAT[1:])
    await bot.settle()
    reply = await many[HUB_A].submit(PAT, bot.fake.opened_views()[-1], {EvaluationField.CERT_SESSION: "1"})
    assert reply.text == ""
    await bot.settle()
    certificate = PdfReader(io.BytesIO(uploaded(bot)))
    assert "Hub A Health" in "".join(page.extract_text() for page in certificate.pages)  # her hub's name
    assert all(c.team == HUB_A for c in bot.fake.calls if c.args.get("channel") in (A_CHANNEL, "D" + PAT[1:]))


async def test_uninstalling_one_hub_stops_sending_to_it_at_once_and_the_other_goes_on(many: Hubs) -> None:
    bot = many.bot
    await installed_pair(many)
    await program_in(many, HUB_A, ANN, A_CHANNEL, A_REVIEW)
    await program_in(many, HUB_B, BEN, B_CHANNEL, B_REVIEW)
    event = bot.fake.uninstall_team(HUB_B)
    reply = await many[HUB_B].event(event)
    assert reply.status == 200
    b = await hubs_repo.get(bot.db.reader, HUB_B)
    assert b is not None and b.uninstalled_at is not None and b.uninstall_reason == "app_uninstalled"
    sent_b = len(bot.fake.calls_by(HUB_B))
    refused_before = len([c for c in bot.fake.calls if c.response.get("error") == "token_revoked"])
    # a week on: hub A's reminders go out; hub B's are kept, marked, and nothing is even tried with its token
    await at(bot, FIRST_START - timedelta(days=1) + timedelta(minutes=1))
    assert any(c.args.get("channel") == A_CHANNEL for c in bot.fake.calls_by(HUB_A, "chat.postMessage")[-3:])
    assert len(bot.fake.calls_by(HUB_B)) == sent_b
    assert len([c for c in bot.fake.calls if c.response.get("error") == "token_revoked"]) == refused_before
    with hub.scope(HUB_B):
        b_rows = [row for row in await outbox.by_prefix(bot.db.reader, "session:") if row.hub == HUB_B]
    pending = [row for row in b_rows if row.state is OutboxState.PENDING]
    assert pending and all((row.last_error or "").startswith("sending stopped: app_uninstalled") for row in pending)
    with hub.scope(HUB_B):  # its records are kept
        assert await programs.get_by_name(bot.db.reader, NAME) is not None
    # installing again lets its queue go out, with the new token
    assert await install(bot, HUB_B, "Hub B Health", BEN) == 200
    await bot.settle()
    assert len(bot.fake.calls_by(HUB_B, "chat.postMessage")) > 0


async def test_purge_removes_a_hubs_records_for_good_and_reports_counts(many: Hubs, tmp_path: Path) -> None:
    bot = many.bot
    await installed_pair(many)
    await program_in(many, HUB_A, ANN, A_CHANNEL, A_REVIEW)
    await program_in(many, HUB_B, BEN, B_CHANNEL, B_REVIEW)
    bot.fake.add_member("UBNURSE001", "Bea Nurse", HUB_B)
    await register_in(many, HUB_B, "UBNURSE001", name="Bea Nurse", email="bea@b.example.org")
    await many[HUB_B].command("UBNURSE001", f"join {NAME}", channel=B_CHANNEL)
    await bot.settle()
    await many[HUB_B].event(bot.fake.uninstall_team(HUB_B))
    settings = bot.settings
    await bot.stop()
    env = {**os.environ, "ECHOBOT_DATABASE": settings.database}
    result = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "echobot", "hub", "purge", HUB_B], env=env, cwd=tmp_path,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"hub {HUB_B} purged" in result.stdout
    counts = dict(re.findall(r"^  (\w+): (\d+)$", result.stdout, re.MULTILINE))
    assert counts["programs"] == "1" and counts["providers"] == "1" and counts["program_members"] == "1"
    assert int(counts["sessions"]) > 0 and int(counts["outbox"]) > 0 and counts["hubs"] == "1"
    assert counts["slack_installations"] == "1"
    await bot.start()
    assert await hubs_repo.get(bot.db.reader, HUB_B) is None
    with hub.scope(HUB_B):
        assert await programs.every(bot.db.reader) == []
        assert await providers.get(bot.db.reader, "UBNURSE001") is None
    with hub.scope(HUB_A):
        assert len(await programs.every(bot.db.reader)) == 1
    with hub.scope(hub.DEFAULT_HUB):
        purge = [e for e in await audit.recent(bot.db.reader) if e.action == "hub.purge"]
    assert purge and purge[0].subject == f"hub:{HUB_B}" and purge[0].detail == {k: int(v) for k, v in counts.items()}
    again = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "echobot", "hub", "purge", HUB_B], env=env, cwd=tmp_path,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert again.returncode == 1 and "no hub" in again.stderr


async def test_a_person_registered_with_two_hubs_sees_each_hubs_record_only(many: Hubs) -> None:
    """A partner provider in both hubs' shared channels registers with each: each hub keeps its own copy, shows
    her only that one, and hub B's uninstall does not hold up hub A's messages to her."""
    bot = many.bot
    await installed_pair(many)
    bot.fake.add_partner_user(PAT, "Pat Okafor")
    await register_in(many, HUB_A, PAT, name="Pat Okafor", email="pat@for-a.example.org")
    reply = await many[HUB_B].command(PAT, "me")
    assert "pat@for-a.example.org" not in reply.message_text
    await register_in(many, HUB_B, PAT, name="Pat Okafor", email="pat@for-b.example.org")
    assert "pat@for-b.example.org" in (await many[HUB_B].command(PAT, "me")).message_text
    assert "pat@for-b.example.org" not in (await many[HUB_A].command(PAT, "me")).message_text
    with hub.scope(HUB_B):  # hub B has a message for her in its queue when it uninstalls echobot
        async with bot.db.transaction() as tx:
            await outbox.enqueue(tx, key="registration:waiting", target=PAT, now=bot.clock.now(),
                                 due_at=bot.clock.now() + timedelta(minutes=5), message=Message(text="From B"))
    await many[HUB_B].event(bot.fake.uninstall_team(HUB_B))
    bot.clock.set(bot.clock.now() + timedelta(minutes=10))
    dms_from_a = len([c for c in bot.fake.calls_by(HUB_A, "chat.postMessage") if c.args.get("channel") == PAT])
    await register_in(many, HUB_A, PAT, name="Pat Okafor", email="pat@again-a.example.org")  # an edit
    with hub.scope(HUB_A):  # hub A still sends its DMs
        await direct_message(bot, PAT, "note:a")
    assert len([c for c in bot.fake.calls_by(HUB_A, "chat.postMessage") if c.args.get("channel") == PAT]) > dms_from_a
    waiting = await outbox.get(bot.db.reader, "registration:waiting")
    assert waiting is not None and waiting.state is OutboxState.PENDING and waiting.hub == HUB_B
    assert (waiting.last_error or "").startswith("sending stopped")


def test_one_workspace_or_many_never_both() -> None:
    """Settings: a bot token (one hub), or client id and secret in HTTP mode (many), and nothing in between."""
    from echobot.settings import SettingsError, load_settings

    def problem(**values: str) -> str:
        try:
            load_settings(_env_file=None, **values)
        except SettingsError as error:
            return str(error)
        return ""

    many_hubs = {"SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": CLIENT_SECRET, "SLACK_SIGNING_SECRET": "s"}
    assert problem(**many_hubs) == ""
    assert "SLACK_CLIENT_SECRET is not set" in problem(SLACK_CLIENT_ID=CLIENT_ID, SLACK_SIGNING_SECRET="s")
    assert "not both" in problem(**many_hubs, SLACK_BOT_TOKEN="xoxb-1")
    assert "HTTP mode" in problem(**many_hubs, SLACK_APP_TOKEN="xapp-1")
    assert "ECHOBOT_ADMINS" in problem(**many_hubs, ECHOBOT_ADMINS="UADMIN0001")
    assert problem() == "SLACK_BOT_TOKEN is not set"


async def _queue(bot: Bot, team: str, channel: str, label: str, due: timedelta) -> str:
    """A message of hub `team` to `channel`, due `due` from now; its key."""
    key = f"pacing:{team}:{label}"
    with hub.scope(team):
        async with bot.db.transaction() as tx:
            await outbox.enqueue(tx, key=key, target=channel, now=bot.clock.now(), due_at=bot.clock.now() + due,
                                 message=Message(text=f"{team} {label}"))  # fmt: skip
    return key


def _posts(bot: Bot, team: str, *, ok_only: bool = True) -> list[str]:
    """The texts of the posts Slack got with `team`'s token (all tries, or the ones it took)."""
    return [str(c.args.get("text")) for c in bot.fake.calls
            if c.team == team and c.method == "chat.postMessage" and (c.ok or not ok_only)]  # fmt: skip


async def test_a_rate_limit_in_one_workspace_pauses_that_hub_only_and_loses_nothing(many: Hubs) -> None:
    """Slack's limits are per workspace: a 429 from hub A (Retry-After 60 s) pauses hub A's posts to every one of
    its channels, in every process (the pause is in the database), while hub B's go on; once it ends, hub A's
    messages go out, each once."""
    bot = many.bot
    await installed_pair(many)
    for channel in ("CAONE", "CATWO", "CBONE", "CBTWO"):
        bot.fake.add_channel(channel, channel.lower())
    now = bot.clock.now()
    keys = [await _queue(bot, HUB_A, "CAONE", "first", timedelta(0)),
            await _queue(bot, HUB_B, "CBONE", "first", timedelta(0)),
            await _queue(bot, HUB_A, "CATWO", "later", timedelta(seconds=5)),
            await _queue(bot, HUB_B, "CBTWO", "later", timedelta(seconds=5))]  # fmt: skip
    bot.fake.fail("chat.postMessage", status=429, retry_after=60, team=HUB_A)
    await bot.settle()
    assert _posts(bot, HUB_B) == [f"{HUB_B} first"]
    assert _posts(bot, HUB_A) == [] and _posts(bot, HUB_A, ok_only=False) == [f"{HUB_A} first"]  # refused, 429
    # 10 s on, during hub A's back-off: hub B's later message goes; hub A's, to another channel, is not even tried
    bot.clock.set(now + timedelta(seconds=10))
    await bot.settle()
    assert _posts(bot, HUB_B) == [f"{HUB_B} first", f"{HUB_B} later"]
    assert _posts(bot, HUB_A, ok_only=False) == [f"{HUB_A} first"]
    async with bot.db.transaction() as tx:  # any other process looking for due rows finds none of hub A's either
        claims = await outbox.claim_lane_heads(tx, bot.clock.now(), 10, [], "another-process",
                                               bot.clock.now() + timedelta(seconds=30))  # fmt: skip
    assert claims.items == []
    # after the back-off, hub A's messages go out, each once
    bot.clock.set(now + timedelta(seconds=61))
    await bot.settle()
    assert sorted(_posts(bot, HUB_A)) == [f"{HUB_A} first", f"{HUB_A} later"]
    assert _posts(bot, HUB_B) == [f"{HUB_B} first", f"{HUB_B} later"]
    for key in keys:
        row = await outbox.get(bot.db.reader, key)
        assert row is not None and row.state is OutboxState.SENT, key


async def test_a_slack_outage_in_one_workspace_backs_that_hub_off_only(many: Hubs) -> None:
    """5xx answers from hub A's workspace back hub A's posts off (all its channels) while hub B's go on."""
    bot = many.bot
    await installed_pair(many)
    for channel in ("CAONE", "CATWO", "CBONE"):
        bot.fake.add_channel(channel, channel.lower())
    now = bot.clock.now()
    await _queue(bot, HUB_A, "CAONE", "first", timedelta(0))
    await _queue(bot, HUB_A, "CATWO", "later", timedelta(seconds=2))
    await _queue(bot, HUB_B, "CBONE", "later", timedelta(seconds=2))
    bot.fake.fail("chat.postMessage", status=503, team=HUB_A, times=5)  # every try of the one post
    await bot.settle()
    assert _posts(bot, HUB_A) == []
    tries = len(_posts(bot, HUB_A, ok_only=False))
    bot.clock.set(now + timedelta(seconds=3))
    await bot.settle()
    assert _posts(bot, HUB_B) == [f"{HUB_B} later"]
    assert len(_posts(bot, HUB_A, ok_only=False)) == tries  # hub A backs off: not even tried
    bot.clock.set(now + timedelta(minutes=1))
    await bot.settle()
    assert sorted(_posts(bot, HUB_A)) == [f"{HUB_A} first", f"{HUB_A} later"]


async def _refused(bot: Bot, driver: SlackDriver, user: str, command: str) -> bool:
    """Whether echobot refused `command` with the message of a workspace it is not installed in (Bolt sends it to
    the command's response_url), leaving Slack's other calls alone."""
    before = len(bot.fake.responses)
    reply = await driver.command(user, command)
    said = [str(r.get("text", "")) for r in bot.fake.responses[before:]] + [reply.text]
    return reply.status == 200 and any("not installed in this workspace" in text for text in said)


async def test_an_uninstalled_hubs_requests_are_refused_at_once_in_every_process(
    many: Hubs, tmp_path: Path, backend: backends.Backend
) -> None:
    """After app_uninstalled, the hub's people get a clear refusal at once, from this process and (PostgreSQL,
    where several processes share the database) from another that had authorized them from memory until the
    notice of the uninstall reached it; nothing of theirs changes, and hub A goes on."""
    bot = many.bot
    await installed_pair(many)
    await program_in(many, HUB_B, BEN, B_CHANNEL, B_REVIEW)
    other: Bot | None = None
    if backend.name == "postgresql":
        other = await Bot(tmp_path / "echobot.db", bot.fake, bot.clock, SLACK_BOT_TOKEN="", ECHOBOT_ADMINS="",
                          SLACK_CLIENT_ID=CLIENT_ID, SLACK_CLIENT_SECRET=CLIENT_SECRET).start()  # fmt: skip
        listener = other.db.listen()
        assert listener is not None
        await asyncio.wait_for(listener.connected.wait(), 20)
    try:
        drivers = [many[HUB_B]]
        if other is not None:
            drivers.append(SlackDriver(other.base_url + EVENTS_PATH, SIGNING_SECRET, bot.fake, team=HUB_B))
        for driver in drivers:  # each process authorizes hub B's coordinator (and remembers it)
            assert not await _refused(bot, driver, BEN, "program list")
        with hub.scope(HUB_B):
            audit_before = await audit.recent(bot.db.reader)
        await many[HUB_B].event(bot.fake.uninstall_team(HUB_B))
        calls = len(bot.fake.calls_by(HUB_B))
        assert await _refused(bot, drivers[0], BEN, "program new")
        if other is not None:
            await eventually(lambda: _refused(bot, drivers[1], BEN, "program new"), "the other process refuses")
        assert len(bot.fake.calls_by(HUB_B)) == calls  # nothing tried with its token
        with hub.scope(HUB_B):  # nothing changed but the uninstall's own record
            assert len(await programs.every(bot.db.reader)) == 1
            audit_after = await audit.recent(bot.db.reader)
        assert [e.action for e in audit_after[: len(audit_after) - len(audit_before)]] == ["hub.stop"]
        assert not await _refused(bot, many[HUB_A], ANN, "program list")  # hub A goes on
    finally:
        if other is not None:
            await drivers[1].close()
            await other.stop()


def _digests_sent(bot: Bot, team: str) -> list[str]:
    """Where the weekly digests sent with `team`'s token went (a channel, or a person for a DM)."""
    return [str(c.args.get("channel")) for c in bot.fake.calls_by(team, "chat.postMessage")
            if f"{NAME}: digest" in str(c.args.get("blocks"))]  # fmt: skip


async def test_each_hub_has_its_own_digest_day_time_zone_and_channel(many: Hubs) -> None:
    """Hub A's digest on Tuesdays at 07:30 in Chicago to its coordinators; hub B's on Fridays at 16:00 in Berlin,
    in its coordinators' channel: each set in /echo hub settings, each hub's digests planned by its own."""
    bot = many.bot
    await installed_pair(many)
    await program_in(many, HUB_A, ANN, A_CHANNEL, A_REVIEW)
    await program_in(many, HUB_B, BEN, B_CHANNEL, B_REVIEW)
    bot.fake.add_channel("CBDIGESTS", "hepc-b-coordinators")
    chosen = {
        HUB_A: (ANN, {HubField.NAME: "Hub A Health", HubField.TIMEZONE: "America/Chicago",
                      HubField.DIGEST_DAY: "tuesday", HubField.DIGEST_TIME: "7:30"}),
        HUB_B: (BEN, {HubField.NAME: "Hub B Health", HubField.TIMEZONE: "Europe/Berlin",
                      HubField.DIGEST_DAY: "friday", HubField.DIGEST_TIME: "16:00",
                      HubField.DIGEST_CHANNEL: "CBDIGESTS"}),
    }  # fmt: skip
    for team, (coordinator, form) in chosen.items():
        await many[team].command(coordinator, "hub settings")
        await bot.settle()
        view = bot.fake.opened_views()[-1]
        assert view["callback_id"] == Callback.HUB_SETTINGS_VIEW
        wrong = await many[team].submit(coordinator, view, {**form, HubField.DIGEST_TIME: "half past seven"})
        assert "HH:MM" in wrong.errors[HubField.DIGEST_TIME]
        reply = await many[team].submit(coordinator, view, form)
        assert reply.text == "", reply.text
    a = await hubs_repo.get(bot.db.reader, HUB_A)
    assert a is not None and (a.digest_day, a.digest_time, a.digest_channel) == ("tuesday", "07:30", "")
    # Monday 2 November: the environment's digest moment (Monday 08:00) passes for neither hub
    await at(bot, datetime(2026, 11, 3, 13, 29, tzinfo=UTC))
    assert _digests_sent(bot, HUB_A) == [] and _digests_sent(bot, HUB_B) == []
    await at(bot, datetime(2026, 11, 3, 13, 31, tzinfo=UTC))  # Tuesday 07:31 in Chicago
    assert _digests_sent(bot, HUB_A) == [ANN] and _digests_sent(bot, HUB_B) == []
    await at(bot, datetime(2026, 11, 6, 14, 59, tzinfo=UTC))  # Friday 15:59 in Berlin
    assert _digests_sent(bot, HUB_B) == []
    await at(bot, datetime(2026, 11, 6, 15, 1, tzinfo=UTC))
    assert _digests_sent(bot, HUB_B) == ["CBDIGESTS"] and _digests_sent(bot, HUB_A) == [ANN]


async def test_a_burst_of_many_channels_looks_each_hubs_token_up_once(
    many: Hubs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An install clears every hub's known token (in every process); the burst that follows, eight channels of each
    hub at once, reads each hub's token from the installation store once, not once per channel, and each message
    goes out with its own hub's token."""
    bot = many.bot
    await installed_pair(many)  # the last install cleared the tokens known
    assert bot.runtime is not None and bot.runtime.installs is not None
    installs = bot.runtime.installs
    looked_up: list[str] = []
    store_lookup = installs.bot_token

    async def counted(hub_id: str) -> str | None:
        looked_up.append(hub_id)
        return await store_lookup(hub_id)

    monkeypatch.setattr(installs, "bot_token", counted)
    for team in (HUB_A, HUB_B):
        for n in range(8):
            bot.fake.add_channel(f"C{team[1:]}BURST{n}", f"burst-{n}")
            await _queue(bot, team, f"C{team[1:]}BURST{n}", f"burst {n}", timedelta(0))
    await bot.settle()
    assert sorted(looked_up) == [HUB_A, HUB_B]
    for team in (HUB_A, HUB_B):
        assert sorted(text for text in _posts(bot, team) if "burst" in text) == [f"{team} burst {n}" for n in range(8)]
