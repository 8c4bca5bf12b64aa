"""What real Slack does that a lenient fake would hide (issue 16): the total characters of a message's blocks,
escaped text, hostile names, the end of a token, a slow Slack and the first install."""

from __future__ import annotations

import asyncio
import signal
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest

from echobot.clock import FrozenClock
from echobot.dispatcher import Dispatcher
from echobot.ids import Action, CaseField, ProgramField
from echobot.models import CaseState, Message, OutboxState
from echobot.slack_client import build_client
from echobot.storage import Database, cases, programs
from echobot.storage import outbox as outbox_repo
from tests.fake_slack import APP_TOKEN, BOT_TOKEN, MESSAGE_BLOCKS_LIMIT, FakeSlack, block_chars
from tests.harness import ADMIN, SIGNING_SECRET, START, Bot
from tests.processes import CLEAN_ENV, echobot, free_port
from tests.scenarios import CASE, PROGRAM, REVIEW_CHANNEL, add_channels, create_program, open_program_modal, register
from tests.slack_driver import blocks_text

C = CaseField
ALICE, BOB, SPECIALIST = "UALICE0001", "UBOB000001", "USPEC00001"
# Clinical text full of the three characters Slack's mrkdwn escapes (each becomes five once escaped).
HOSTILE = "HCV RNA <15 & ALT >40 on <Bo> & Co; "


def filled(limit: int) -> str:
    return (HOSTILE * (limit // len(HOSTILE) + 1))[:limit].strip()


def case_at_its_limits() -> dict[str, Any]:
    return {C.SUMMARY: filled(150), C.QUESTION: filled(500), C.PRESENTING: filled(3000), C.HISTORY: filled(3000),
            C.MEDICATIONS: filled(2000), C.LABS: filled(3000), C.TRIED: filled(2000)}  # fmt: skip


async def click(bot: Bot, user: str, action: str, value: str, channel: str = REVIEW_CHANNEL) -> str:
    before = len(bot.fake.responses)
    await bot.driver.click(user, action, value, channel=channel)
    await bot.settle()
    return str(bot.fake.responses[-1]["text"]) if len(bot.fake.responses) > before else ""


def hub_now(bot: Bot) -> dict[str, Any]:
    call = next(c for c in bot.fake.calls_to("chat.postMessage")
                if c.args.get("channel") == REVIEW_CHANNEL and not c.args.get("thread_ts"))  # fmt: skip
    return bot.fake.messages[(REVIEW_CHANNEL, call.response["ts"])]


async def test_a_case_with_every_field_at_its_limit_and_escapable_text_reaches_the_hub_and_its_presenter(
    bot: Bot,
) -> None:
    await create_program(bot, specialists=[SPECIALIST])
    await register(bot, ALICE)
    await register(bot, BOB)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    texts = case_at_its_limits()
    assert sum(map(len, texts.values())) > MESSAGE_BLOCKS_LIMIT  # all of it cannot be in one message
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    reply = await bot.driver.submit(ALICE, bot.fake.opened_views()[-1], {**CASE, **texts})
    assert reply.text == "", reply.text
    await bot.settle()
    [case] = await cases.of_submitter(bot.db.reader, ALICE)
    assert [c.response for c in bot.fake.calls if c.method.startswith("chat.") and not c.ok] == []
    shown = blocks_text(hub_now(bot)["blocks"])
    assert texts[C.SUMMARY] in shown and texts[C.QUESTION] in shown  # as typed: `<Bo>` and `&` show
    # the whole presentation, behind a button, for the hub and the presenter
    assert await click(bot, SPECIALIST, Action.CASE_READ, str(case.id)) == ""
    whole = bot.fake.opened_views()[-1]
    assert whole["title"]["text"] == f"Case #{case.id}"
    assert all(text in blocks_text(whole["blocks"]) for text in texts.values())
    assert await click(bot, BOB, Action.CASE_READ, str(case.id)) == (
        "Only Hepatitis C ECHO's specialists and coordinators, and the person who presented it, can read it.")
    # recommendations at their limit, then close: every update and DM fits too
    await click(bot, SPECIALIST, Action.CASE_CLAIM, str(case.id))
    await bot.driver.click(SPECIALIST, Action.CASE_RECOMMEND, str(case.id), channel=REVIEW_CHANNEL)
    await bot.settle()
    recommendations = filled(3000)
    reply = await bot.driver.submit(SPECIALIST, bot.fake.opened_views()[-1], {C.RECOMMENDATIONS: recommendations})
    assert reply.text == "", reply.text
    await bot.settle()
    assert await click(bot, SPECIALIST, Action.CASE_CLOSE, str(case.id)) == ""  # the hub post and thread say it
    assert bot.fake.posts_to(REVIEW_CHANNEL)[-1]["text"].startswith(f"<@{SPECIALIST}> closed the case")
    assert [c.response for c in bot.fake.calls if c.method.startswith("chat.") and not c.ok] == []
    stored = await cases.get(bot.db.reader, case.id)
    assert stored is not None and stored.state is CaseState.CLOSED
    hub = blocks_text(hub_now(bot)["blocks"])
    assert "Closed" in hub and recommendations in hub
    assert max(block_chars(c.args.get("blocks") or []) for c in bot.fake.calls_to("chat.postMessage")) < 12_000
    dm = next(p for p in bot.fake.posts_to(ALICE) if "recommendations:" in p["text"])
    assert recommendations in blocks_text(dm["blocks"])
    thread = [blocks_text(c.args["blocks"]) for c in bot.fake.calls_to("chat.postMessage") if c.args.get("thread_ts")]
    assert any(recommendations in line for line in thread)
    await bot.driver.click(ALICE, Action.CASE_READ, str(case.id), channel="DALICE0001")
    await bot.settle()
    assert recommendations in blocks_text(bot.fake.opened_views()[-1]["blocks"])


async def test_a_message_slack_refuses_as_too_long_fails_at_once_and_frees_its_lane(
    tmp_path: Any, fake_slack: FakeSlack
) -> None:
    clock = FrozenClock(datetime(2026, 11, 2, 14, 0, tzinfo=UTC))
    db = await Database.open(str(tmp_path / "outbox.db"))
    try:
        too_long = [{"type": "section", "text": {"type": "mrkdwn", "text": "&amp;" * 590}} for _ in range(5)]
        async with db.transaction() as tx:
            await outbox_repo.enqueue(tx, key="long", target="C1", message=Message(text="long", blocks=too_long),
                                      now=clock.now())  # fmt: skip
            await outbox_repo.enqueue(tx, key="next", target="C1", message=Message(text="the next one"),
                                      now=clock.now())  # fmt: skip
        client = build_client(BOT_TOKEN, fake_slack.api_url, timeout=3, sleep=clock.sleep)
        dispatcher = Dispatcher(db, client, clock, pacing=0.0)
        await dispatcher.run_until_idle()
        long = await outbox_repo.get(db.reader, "long")
        assert long is not None and long.state is OutboxState.FAILED and long.last_error == "msg_blocks_too_long"
        assert long.attempts == 1
        assert [c.args["text"] for c in fake_slack.calls_to("chat.postMessage")] == ["the next one"]
    finally:
        await db.close()


async def test_an_unknown_error_holds_its_lane_a_bounded_time(tmp_path: Any, fake_slack: FakeSlack) -> None:
    clock = FrozenClock(datetime(2026, 11, 2, 14, 0, tzinfo=UTC))
    db = await Database.open(str(tmp_path / "outbox.db"))
    try:
        fake_slack.fail("chat.postMessage", error="some_error_slack_adds_next_year", times=100)
        async with db.transaction() as tx:
            await outbox_repo.enqueue(tx, key="odd", target="C1", message=Message(text="odd"), now=clock.now())
            await outbox_repo.enqueue(tx, key="next", target="C1", message=Message(text="next"), now=clock.now())
        client = build_client(BOT_TOKEN, fake_slack.api_url, timeout=3, sleep=clock.sleep)
        dispatcher = Dispatcher(db, client, clock, pacing=0.0)
        start = clock.now()
        while (odd := await outbox_repo.get(db.reader, "odd")) is not None and odd.state is OutboxState.PENDING:
            await dispatcher.run_until_idle()
            clock.advance(timedelta(seconds=5))
        assert odd is not None and odd.state is OutboxState.FAILED
        assert clock.now() - start <= timedelta(minutes=2)  # the lane was held about a minute, not 20
    finally:
        await db.close()


async def test_slash_command_text_arrives_escaped_and_is_read_as_typed(bot: Bot) -> None:
    await create_program(bot, **{ProgramField.NAME: "Pain & Opioid ECHO"})
    await register(bot, ALICE)
    reply = await bot.driver.command(ALICE, "join Pain & Opioid ECHO")  # Slack sends "Pain &amp; Opioid ECHO"
    assert "no active program" not in reply.json["text"]
    program = await programs.get_by_name(bot.db.reader, "Pain & Opioid ECHO")
    assert program is not None and await programs.members(bot.db.reader, program.id) == [ALICE]
    reply = await bot.driver.command(ALICE, "join Pain & Opioid ECHO")
    assert "already in" in reply.json["text"]


async def healthz(bot: Bot) -> dict[str, Any]:
    async with aiohttp.ClientSession() as http, http.get(bot.base_url + "/healthz") as answer:
        return dict(await answer.json())


async def test_a_revoked_token_ends_sending_keeps_and_marks_the_rows_and_says_so_once(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    await create_program(bot)  # its sessions' reminders are planned
    bot.fake.token_error = "token_revoked"
    before = len(bot.fake.calls)
    bot.clock.advance(timedelta(days=8))  # reminders fall due
    await bot.runtime.tick()  # type: ignore[union-attr]
    await bot.settle()
    tried = [c for c in bot.fake.calls[before:] if c.method.startswith("chat.")]
    channels = [c.args.get("channel") for c in tried]
    assert tried and len(channels) == len(set(channels))  # at most the row each lane had in hand
    bot.clock.advance(timedelta(hours=1))
    await bot.runtime.tick()  # type: ignore[union-attr]
    assert [c for c in bot.fake.calls[before:] if c.method.startswith("chat.")] == tried  # nothing after it
    pending = [row for row in await outbox_repo.by_prefix(bot.db.reader, "") if row.state is OutboxState.PENDING]
    assert pending and all(row.last_error == "sending stopped: token_revoked" for row in pending)
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "token_revoked" in errors[0].getMessage()
    health = await healthz(bot)
    assert health["sending"] == "stopped: token_revoked" and health["outbox"]["pending"] == len(pending)


async def test_app_uninstalled_stops_sending_at_once(bot: Bot) -> None:
    await create_program(bot)
    event = bot.fake.uninstall()
    assert (await bot.driver.event(event)).status == 200
    before = len(bot.fake.calls)
    bot.clock.advance(timedelta(days=8))
    await bot.runtime.tick()  # type: ignore[union-attr]
    assert [c for c in bot.fake.calls[before:] if c.method.startswith("chat.")] == []
    assert (await healthz(bot))["sending"] == "stopped: app_uninstalled"
    rows = await outbox_repo.by_prefix(bot.db.reader, "")
    assert not [row for row in rows if row.state is OutboxState.SENT and row.sent_at and row.sent_at > START]
    planned_before = [row for row in rows if row.state is OutboxState.PENDING and row.created_at <= START]
    assert planned_before and all(row.last_error == "sending stopped: app_uninstalled" for row in planned_before)


async def test_slacks_unsigned_ssl_check_gets_200_and_runs_nothing(bot: Bot) -> None:
    reply = await bot.driver.ssl_check()
    assert reply.status == 200 and reply.text == ""
    assert bot.fake.calls == []


async def test_the_program_form_answers_at_once_when_slack_is_slow_and_finishes_after(bot: Bot) -> None:
    add_channels(bot)
    bot.fake.add_channel("C0PUBLIC", "general-public")
    view = await open_program_modal(bot)
    bot.fake.delay = 1.5  # every Slack answer takes 1.5 s: the two channel checks would hold the ack 3 s
    reply = await bot.driver.submit(ADMIN, view, PROGRAM)
    assert reply.json["response_action"] == "update"  # answered without waiting for Slack
    assert "Checking the channels" in blocks_text(reply.json["view"]["blocks"])
    await bot.settle()
    bot.fake.delay = 0
    program = await programs.get_by_name(bot.db.reader, PROGRAM[ProgramField.NAME])
    assert program is not None
    saved = blocks_text(bot.fake.last("views.update").args["view"]["blocks"])  # the summary, in the form's place
    assert saved.startswith("*Hepatitis C ECHO* is set up.") and "*Next sessions:*" in saved
    assert bot.fake.posts_to("UADMIN0001") == []  # and no DM repeats it
    # a public review channel is still refused when the check comes late: nothing is saved
    view = await open_program_modal(bot)
    bot.fake.delay = 1.5
    reply = await bot.driver.submit(ADMIN, view, {**PROGRAM, ProgramField.NAME: "Liver ECHO",
                                                 ProgramField.REVIEW_CHANNEL: "C0PUBLIC"})  # fmt: skip
    assert reply.json["response_action"] == "update"
    await bot.settle()
    assert await programs.get_by_name(bot.db.reader, "Liver ECHO") is None
    shown = blocks_text(bot.fake.last("views.update").args["view"]["blocks"])
    assert "not saved" in shown and "Choose a private channel" in shown


def check_env(tmp_path: Any, fake: FakeSlack, **extra: str) -> dict[str, str]:
    return {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN, "ECHOBOT_SLACK_API_URL": fake.api_url,
            "ECHOBOT_DATABASE": str(tmp_path / "first.db"), "ECHOBOT_ADMINS": "U0ADMIN", **extra}  # fmt: skip


async def test_check_creates_no_database_and_names_the_scopes_the_token_lacks(
    tmp_path: Any, fake_slack: FakeSlack
) -> None:
    result = await asyncio.to_thread(echobot, "check", env=check_env(tmp_path, fake_slack), cwd=tmp_path)
    assert result.returncode == 0 and "all good" in result.stdout, result.stdout + result.stderr
    assert "does not exist yet" in result.stdout and not (tmp_path / "first.db").exists()
    fake_slack.scopes = [s for s in fake_slack.scopes if s not in ("groups:history", "files:write")]
    result = await asyncio.to_thread(echobot, "check", env=check_env(tmp_path, fake_slack), cwd=tmp_path)
    assert result.returncode == 1
    assert "lacks the scope(s) files:write, groups:history that manifest.yml asks for" in result.stdout
    # the README's example id, pasted as it is: a setting that is wrong (2, as for every command)
    result = await asyncio.to_thread(echobot, "check", env=check_env(tmp_path, fake_slack,
                                     ECHOBOT_ADMINS="U012ABCDEF"), cwd=tmp_path)  # fmt: skip
    assert result.returncode == 2 and "README's example id" in result.stderr
    assert not (tmp_path / "first.db").exists()


async def test_run_without_coordinators_says_nobody_can_create_a_program(tmp_path: Any, fake_slack: FakeSlack) -> None:
    env = {**CLEAN_ENV, **check_env(tmp_path, fake_slack, ECHOBOT_ADMINS="", SLACK_SIGNING_SECRET=SIGNING_SECRET)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "echobot", "run", "--http", "--port", str(free_port()), env=env, cwd=tmp_path,
        stderr=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    assert process.stderr is not None
    lines: list[str] = []
    try:
        async with asyncio.timeout(30):
            while not any("ready" in line for line in lines):
                line = (await process.stderr.readline()).decode()
                if not line:
                    break
                lines.append(line)
    finally:
        process.send_signal(signal.SIGTERM)
        await process.wait()
    assert any("no coordinators are configured" in line and "nobody can create a program" in line for line in lines)
    assert not any("token will be unused" in line for line in lines)


async def test_the_registration_form_says_what_the_e_mail_is_for(bot: Bot) -> None:
    await bot.driver.command(ALICE, "register")
    await bot.settle()
    email = next(b for b in bot.fake.opened_views()[-1]["blocks"] if b.get("block_id") == "email")
    assert "echobot sends no e-mail" in email["hint"]["text"]
