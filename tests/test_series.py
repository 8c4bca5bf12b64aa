"""Series and completion, end to end through signed Slack requests: a series ending with its last session (one
provider above the threshold, one below, a cancelled session that does not count), certificates and the report
sent once across a restart, /echo cme listing the certificate of completion, the digest's summary, and a series
closed early by a coordinator (refused for everyone else)."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

from pypdf import PdfReader

from echobot.ids import Action, Callback, ProgramField, SessionField, SessionTool
from echobot.storage import audit, outbox
from echobot.storage import series as series_repo
from tests.fake_slack import dm_channel
from tests.harness import ADMIN, Bot
from tests.scenarios import (
    ALICE,
    EVALUATION,
    FIRST_END,
    FIRST_START,
    PROGRAM_CHANNEL,
    SPECIALIST,
    at,
    create_program,
    register,
)
from tests.slack_driver import blocks_text

BOB = "UBOB000001"
COORDINATOR = "UPCOORD001"  # the program's coordinator in PROGRAM
WEEK = timedelta(days=7)
# five weekly sessions, 10 November to 8 December; the fourth is cancelled, so four are held
SERIES = {ProgramField.SERIES_START: "2026-11-10", ProgramField.SERIES_END: "2026-12-08", ProgramField.COMPLETION: "75"}


def files_to(bot: Bot, user: str) -> list[tuple[str, bytes]]:
    """(title, content) of each file echobot uploaded into this person's DM, oldest first."""
    found = []
    for call in bot.fake.calls_to("files.completeUploadExternal"):
        if call.args.get("channel_id") != dm_channel(user):
            continue
        files = call.args["files"]
        for file in files if isinstance(files, list) else __import__("json").loads(files):
            found.append((file.get("title", ""), bot.fake.uploads[file["id"]]))
    return found


def pdf_text(content: bytes) -> str:
    return str(PdfReader(io.BytesIO(content)).pages[0].extract_text())


async def series_program(bot: Bot) -> None:
    await create_program(bot, **SERIES)
    await register(bot, ALICE)
    await register(bot, BOB, name="Bob Ortiz", email="bob@ortiz.example.org", credential="MD")
    for user in (ALICE, BOB):
        await bot.driver.command(user, "join Hepatitis C ECHO")


async def hold(bot: Bot, number: int, attendees: list[str]) -> None:
    """Session `number` (1 is the first) runs; `attendees` check in; it ends on time."""
    start, end = FIRST_START + (number - 1) * WEEK, FIRST_END + (number - 1) * WEEK
    await at(bot, start - timedelta(minutes=10))
    bot.clock.set(start + timedelta(minutes=2))
    for user in attendees:
        await bot.driver.click(user, Action.CHECK_IN, str(number), channel=PROGRAM_CHANNEL)
    await at(bot, end + timedelta(minutes=1))
    await bot.settle()


async def cancel(bot: Bot, number: int) -> None:
    await bot.driver.click(ADMIN, Action.SESSION_MENU, selected=f"{SessionTool.CANCEL}:{number}")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.SESSION_CANCEL_VIEW
    reply = await bot.driver.submit(ADMIN, view, {SessionField.REASON: "Thanksgiving week"})
    assert reply.text == "", reply.text
    await bot.settle()


async def evaluate(bot: Bot, user: str, session: int) -> None:
    await bot.driver.click(user, Action.EVALUATE, str(session), channel=dm_channel(user))
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.EVALUATION_VIEW
    reply = await bot.driver.submit(user, view, EVALUATION)
    assert reply.text == "", reply.text
    await bot.settle()


def said_to(bot: Bot, user: str, fragment: str) -> list[dict[str, Any]]:
    return [p for p in bot.fake.posts_to(user) if fragment in p["text"] + blocks_text(p.get("blocks") or [])]


async def test_a_series_ends_with_its_last_session_certificate_above_the_threshold_report_once(bot: Bot) -> None:
    await series_program(bot)
    await hold(bot, 1, [ALICE, BOB])
    await evaluate(bot, ALICE, 1)
    await hold(bot, 2, [ALICE])
    await hold(bot, 3, [])
    await cancel(bot, 4)  # does not count: four sessions are held
    assert await series_repo.find(bot.db.reader, 1, *_dates()) is None  # not over yet
    assert not said_to(bot, ALICE, "You completed")
    await hold(bot, 5, [ALICE])

    ended = await series_repo.find(bot.db.reader, 1, *_dates())
    assert ended is not None and ended.how == "last_session" and ended.sessions_held == 4
    # Alice attended 3 of 4 (75%): her certificate of completion by DM, with the PDF beside it
    [note] = said_to(bot, ALICE, "You completed")
    assert "you attended 3 of 4 sessions" in blocks_text(note["blocks"])
    [(title, pdf)] = files_to(bot, ALICE)
    assert title == "Certificate of completion"
    text = pdf_text(pdf)
    assert "Certificate of Completion" in text and "Alice Moreno" in text and "Hepatitis C ECHO" in text
    assert "November 10, 2026 to December 8, 2026" in text and "attending 3 of 4 sessions" in text
    assert "1 hour of Nursing contact hours" in text  # the credit she recorded, by type
    # Bob attended 1 of 4: no certificate
    assert not said_to(bot, BOB, "You completed") and not files_to(bot, BOB)
    # the program's coordinator: the summary and the completion report (CSV)
    [report] = said_to(bot, COORDINATOR, "the series")
    assert "*1 of 2* providers attended at least 75%" in blocks_text(report["blocks"])
    assert "4 sessions were held" in blocks_text(report["blocks"])
    [content] = [c for title, c in files_to(bot, COORDINATOR) if title == "Completion report"]
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["provider", "Slack user", "e-mail", "sessions attended"]
    assert [(r[0], r[3], r[4], r[6], r[8]) for r in rows[1:]] == [("Alice Moreno", "3", "4", "1", "yes"),
                                                                  ("Bob Ortiz", "1", "4", "0", "no")]  # fmt: skip
    [entry] = await audit.recent(bot.db.reader, action_prefix="series.end")
    assert entry.detail == {"series": ended.id, "how": "last_session", "held": 4, "people": 2, "completed": 1}

    # a restart sends nothing again; the series does not end twice
    uploads = len(bot.fake.calls_to("files.completeUploadExternal"))
    posts = len(bot.fake.calls_to("chat.postMessage"))
    await bot.restart()
    await at(bot, FIRST_END + 4 * WEEK + timedelta(hours=2))
    await bot.settle()
    assert len(bot.fake.calls_to("files.completeUploadExternal")) == uploads
    assert not [c for c in bot.fake.calls_to("chat.postMessage")[posts:] if "completed" in c.args["text"]]
    rows_sent = await outbox.by_prefix(bot.db.reader, f"series:{ended.id}:")
    assert len(rows_sent) == 4  # Alice's DM and PDF, the coordinator's report and CSV

    # /echo cme lists the certificate of completion; its button sends it again (her own only)
    reply = await bot.driver.command(ALICE, "cme")
    shown = blocks_text(reply.json["blocks"])
    assert "Certificates of completion" in shown and "Hepatitis C ECHO · 10 Nov 2026 to 8 Dec 2026" in shown
    await bot.driver.click(ALICE, Action.COMPLETION_CERTIFICATE, str(ended.id), channel=dm_channel(ALICE))
    await bot.settle()
    assert len(files_to(bot, ALICE)) == 2 and "Alice Moreno" in pdf_text(files_to(bot, ALICE)[-1][1])
    reply = await bot.driver.command(BOB, "cme")
    assert "Certificates of completion" not in blocks_text(reply.json["blocks"])
    await bot.driver.click(BOB, Action.COMPLETION_CERTIFICATE, str(ended.id), channel=dm_channel(BOB))
    await bot.settle()
    assert "No certificate of completion" in bot.fake.responses[-1]["text"] and not files_to(bot, BOB)

    # the coordinator's digest sums it up
    await bot.driver.command(COORDINATOR, "digest")
    await bot.settle()
    digest = [p for p in bot.fake.posts_to(COORDINATOR) if "digest" in p["text"]][-1]
    assert "*Series ended* (10 Nov 2026 to 8 Dec 2026): 4 sessions held, 1 of 2 providers completed it" in (
        blocks_text(digest["blocks"]))  # fmt: skip


def _dates() -> tuple[Any, Any]:
    from datetime import date

    return date(2026, 11, 10), date(2026, 12, 8)


async def test_a_coordinator_closes_a_series_early_after_confirming_and_everyone_else_is_refused(bot: Bot) -> None:
    await series_program(bot)
    await hold(bot, 1, [ALICE, BOB])
    await hold(bot, 2, [ALICE])
    # refused for providers and specialists, at the command and at the button
    for user in (ALICE, SPECIALIST):
        reply = await bot.driver.command(user, "series close Hepatitis C ECHO")
        assert "Only coordinators" in reply.message_text, reply.text
        await bot.driver.click(user, Action.SERIES_CLOSE, "1", channel=PROGRAM_CHANNEL)
        await bot.settle()
        assert "Only the program's coordinators" in bot.fake.responses[-1]["text"]
    assert await series_repo.find(bot.db.reader, 1, *_dates()) is None
    # a program without series dates has nothing to close
    reply = await bot.driver.command(ADMIN, "series close Nothing ECHO")
    assert "I know no active program" in reply.message_text

    reply = await bot.driver.command(COORDINATOR, "series close")
    shown = blocks_text(reply.json["blocks"])
    assert "2 sessions held so far. 3 more are scheduled in its dates and will not count." in shown
    assert "*1 of 2* providers would complete it" in shown
    [button] = [e for b in reply.json["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert button["action_id"] == Action.SERIES_CLOSE and button["confirm"]["title"]["text"] == "Close this series?"
    await bot.driver.click(COORDINATOR, Action.SERIES_CLOSE, button["value"], channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert "series is closed" in bot.fake.responses[-1]["text"]
    assert bot.fake.responses[-1].get("replace_original") in (True, "true")
    ended = await series_repo.find(bot.db.reader, 1, *_dates())
    assert ended is not None and ended.how == "closed" and ended.actor == COORDINATOR and ended.sessions_held == 2
    assert said_to(bot, ALICE, "You completed") and not said_to(bot, BOB, "You completed")
    [report] = said_to(bot, COORDINATOR, "the series")
    assert f"closed by <@{COORDINATOR}>" in blocks_text(report["blocks"])
    [entry] = await audit.recent(bot.db.reader, action_prefix="series.end")
    assert entry.actor == COORDINATOR and entry.detail is not None and entry.detail["how"] == "closed"
    # closing again, and the sessions after the close: nothing more
    await bot.driver.click(COORDINATOR, Action.SERIES_CLOSE, button["value"], channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert "has already ended" in bot.fake.responses[-1]["text"]
    await hold(bot, 3, [BOB])
    await hold(bot, 4, [BOB])
    await hold(bot, 5, [BOB])
    assert len(await audit.recent(bot.db.reader, action_prefix="series.end")) == 1
    assert not said_to(bot, BOB, "You completed")


async def test_a_series_ends_when_a_coordinator_ends_its_last_session_early(bot: Bot) -> None:
    """The issue's "on time, or early by a coordinator": End session now on the last session ends the series at
    once (not at the session's scheduled end), with certificates and the report."""
    await series_program(bot)
    for number in (1, 2, 3, 4):
        await hold(bot, number, [ALICE])
    start = FIRST_START + 4 * WEEK
    await at(bot, start - timedelta(minutes=10))
    bot.clock.set(start + timedelta(minutes=2))
    await bot.driver.click(ALICE, Action.CHECK_IN, "5", channel=PROGRAM_CHANNEL)
    await at(bot, start + timedelta(minutes=30))
    assert await series_repo.find(bot.db.reader, 1, *_dates()) is None  # under way
    await bot.driver.click(COORDINATOR, Action.SESSION_END_NOW, "5", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert bot.fake.responses[-1]["text"].startswith("Session ended")
    ended = await series_repo.find(bot.db.reader, 1, *_dates())
    assert ended is not None and ended.how == "last_session" and ended.sessions_held == 5
    assert ended.ended_at < FIRST_END + 4 * WEEK  # before the session's scheduled end
    [note] = said_to(bot, ALICE, "You completed")
    assert "you attended 5 of 5 sessions" in blocks_text(note["blocks"])
    assert not said_to(bot, BOB, "You completed")
    assert said_to(bot, COORDINATOR, "the series")
