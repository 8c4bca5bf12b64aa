"""Attendance from the video tool's report, end to end through signed Slack requests: a Zoom report with
rejoins, guests, staff, an unmatched and an ambiguous name; imported twice; corrected; bad files; the minutes a
program asks for credit; coordinators' tools refused for others."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

from echobot.ids import Action, Callback, EvaluationField, ProgramField, SessionField
from echobot.storage import attendance, audit, imports
from echobot.storage import programs as programs_repo
from echobot.video_report import Known, match, read
from tests.harness import ADMIN, Bot
from tests.scenarios import (
    ALICE,
    EVALUATION,
    FIRST_END,
    FIRST_START,
    PROGRAM,
    PROGRAM_CHANNEL,
    SPECIALIST,
    at,
    create_program,
    open_program_modal,
    register,
    submit_program,
    uploaded,
)
from tests.slack_driver import blocks_text

BOB, CHRIS_1, CHRIS_2, DANA = "UBOB000001", "UCHRIS0001", "UCHRIS0002", "UDANA00001"
PROGRAM_COORDINATOR = "UPCOORD001"

# Zoom's participant report as exported with "Show meeting data": the meeting lines, a blank line, then one
# row per join. Alice left and rejoined (overlapping: 11:58-12:30 and 12:20-12:50 is 52 minutes, not 62);
# Bob joined from a device named differently, without an e-mail; Chris Lee fits two registered providers;
# Pat Doe matches nobody; the specialist is there by e-mail; Dana checked in and is in the report too.
ZOOM = """\ufeffMeeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
812 3456 7890,Hepatitis C ECHO,11/10/2026 11:55:02 AM,11/10/2026 01:03:10 PM,coordinator@hub.example.org,68,7

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Alice Moreno,alice@valley.example.org,11/10/2026 11:58:00 AM,11/10/2026 12:30:00 PM,32,Yes
Alice Moreno,alice@valley.example.org,11/10/2026 12:20:00 PM,11/10/2026 12:50:00 PM,30,Yes
Bob Ortiz (Bob's iPad),,11/10/2026 12:01:00 PM,11/10/2026 12:31:00 PM,30,Yes
Chris Lee,,11/10/2026 12:02:00 PM,11/10/2026 12:58:00 PM,56,Yes
Pat Doe,pat@elsewhere.example.org,11/10/2026 12:05:00 PM,11/10/2026 12:40:00 PM,35,Yes
Sam Specialist,sam@hub.example.org,11/10/2026 11:55:00 AM,11/10/2026 01:03:00 PM,68,No
Dana Whitfield,dana@ridge.example.org,11/10/2026 12:00:00 PM,11/10/2026 01:00:00 PM,60,Yes
"""


def report(text: str) -> bytes:
    return text.encode("utf-8")


async def people(bot: Bot) -> None:
    """The program (Sam the specialist, a program coordinator), five registered providers, Dana checked in,
    the first session over."""
    bot.fake.add_user(SPECIALIST, "Sam Specialist", "sam@hub.example.org")
    await create_program(bot)
    await register(bot, ALICE)
    await register(bot, BOB, name="Bob Ortiz", email="bob@ortiz.example.org", credential="MD")
    await register(bot, CHRIS_1, name="Chris Lee", email="chris.lee@one.example.org")
    await register(bot, CHRIS_2, name="Chris Lee", email="clee@two.example.org")
    await register(bot, DANA, name="Dana Whitfield", email="dana@ridge.example.org")
    for user in (ALICE, BOB, DANA):
        await bot.driver.command(user, "join Hepatitis C ECHO")
    await at(bot, FIRST_START - timedelta(minutes=10))  # the session post with its Check in button
    bot.clock.set(FIRST_START + timedelta(minutes=2))
    await bot.driver.click(DANA, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await at(bot, FIRST_END + timedelta(hours=2))


async def open_import(bot: Bot, user: str = ADMIN) -> dict[str, Any]:
    before = len(bot.fake.opened_views())
    reply = await bot.driver.command(user, "attendance import", channel=PROGRAM_CHANNEL)
    assert reply.status == 200, reply.text
    await bot.settle()
    assert len(bot.fake.opened_views()) == before + 1, reply.text
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.ATTENDANCE_IMPORT_VIEW
    return view


async def submit(bot: Bot, view: dict[str, Any], content: bytes, *, user: str = ADMIN, name: str = "participants.csv",
                 view_id: str = "VIMPORT01") -> Any:  # fmt: skip
    file = bot.fake.attach_file(user, name, content)
    reply = await bot.driver.submit(user, {**view, "id": view_id}, {SessionField.REPORT: [file]})
    await bot.settle()
    return reply


async def test_a_zoom_report_with_rejoins_guests_staff_and_names_left_over_is_imported_once(bot: Bot) -> None:
    await people(bot)
    view = await open_import(bot)
    shown = blocks_text(view["blocks"])
    assert "Participant report (CSV)" in shown and "Hepatitis C ECHO" in shown
    [file_block] = [b for b in view["blocks"] if b.get("block_id") == SessionField.REPORT]
    assert file_block["element"]["type"] == "file_input" and file_block["element"]["filetypes"] == ["csv"]

    reply = await submit(bot, view, report(ZOOM))
    assert reply.json["response_action"] == "update", reply.text
    seen = blocks_text(reply.json["view"]["blocks"])
    assert "is recorded (import #1)" in seen
    assert "*Present (3):* <@UDANA00001> 60 min, <@UALICE0001> 52 min, <@UBOB000001> 30 min" in seen
    assert "2 added to the attendance" in seen  # Alice and Bob; Dana had checked in
    assert "1 of the hub's staff left out: <@USPEC00001>" in seen
    assert "fit more than one registered provider" in seen and "Chris Lee (56 min, fits 2 providers)" in seen
    assert "match no registered provider" in seen and "Pat Doe (35 min)" in seen

    present = {a.user_id for a in await attendance.present(bot.db.reader, 1)}
    assert present == {ALICE, BOB, DANA}  # nobody guessed: neither Chris, nor the specialist
    current = await imports.latest(bot.db.reader, 1)
    assert current is not None and current.actor == ADMIN and current.rows_read == 7
    assert await imports.minutes_of(bot.db.reader, current.id) == {ALICE: (52, True), BOB: (30, True),
                                                                   DANA: (60, False)}  # fmt: skip
    [entry] = await audit.recent(bot.db.reader, action_prefix="attendance.import")
    assert entry.actor == ADMIN and entry.detail is not None
    assert entry.detail["unmatched"] == 1 and entry.detail["ambiguous"] == 1 and entry.detail["added"] == [ALICE, BOB]
    # the names left over, by DM, with a CSV beside
    [note] = [p for p in bot.fake.posts_to(ADMIN) if "were not counted" in p["text"]]
    assert "2 names in the video report" in blocks_text(note["blocks"])
    rows = list(csv.reader(io.StringIO(uploaded(bot).decode("utf-8-sig"))))
    assert rows[0][0] == "name in the report"
    assert [r[0] for r in rows[1:]] == ["Chris Lee", "Pat Doe"]
    assert rows[1][4] == "fits 2 registered providers" and rows[2][4] == "fits no registered provider"
    # the download carried the bot token; no other address was called
    downloads = bot.fake.calls_to("files-pri", ok_only=False)
    assert downloads and all(c.args["authorized"] for c in downloads)

    # the same report again (a new form, rows in another order): nothing changes
    uploads = len(bot.fake.calls_to("files.completeUploadExternal"))
    reordered = ZOOM.replace("\ufeff", "").splitlines()
    again = "\n".join(reordered[:4] + list(reversed(reordered[4:]))) + "\n"
    reply = await submit(bot, await open_import(bot), report(again), view_id="VIMPORT02")
    assert "already the one in force" in blocks_text(reply.json["view"]["blocks"])
    assert (await imports.latest(bot.db.reader, 1)).id == current.id  # type: ignore[union-attr]
    assert len(await audit.recent(bot.db.reader, action_prefix="attendance.import")) == 1
    assert len(bot.fake.calls_to("files.completeUploadExternal")) == uploads

    # a corrected report without Bob's row: it replaces the first import, and Bob is no longer present
    corrected = "\n".join(line for line in ZOOM.splitlines() if "Bob Ortiz" not in line) + "\n"
    reply = await submit(bot, await open_import(bot), report(corrected), view_id="VIMPORT03")
    assert "replaces import #1" in blocks_text(reply.json["view"]["blocks"])
    assert {a.user_id for a in await attendance.present(bot.db.reader, 1)} == {ALICE, DANA}
    latest = await imports.latest(bot.db.reader, 1)
    assert latest is not None and latest.replaces == current.id
    assert await imports.minutes_of(bot.db.reader, latest.id) == {ALICE: (52, True), DANA: (60, False)}
    [newest, _] = await audit.recent(bot.db.reader, action_prefix="attendance.import")
    assert newest.detail is not None and newest.detail["removed"] == [BOB] and newest.detail["replaces"] == 1
    changes = [(c.user_id, c.change) for c in await attendance.changes(bot.db.reader, 1)]
    assert changes == [(DANA, "check_in"), (ALICE, "add"), (BOB, "add"), (BOB, "remove")]


async def test_bad_files_get_a_clear_error_on_the_file_field_and_change_nothing(bot: Bot) -> None:
    await people(bot)
    view = await open_import(bot)
    bad = [
        (b"%PDF-1.7\n\x00\x01binary", "not a CSV"),
        (b"Meeting,Room\nweekly,4B\n", "no name or e-mail column"),
        (b"Name,User Email\nAlice Moreno,alice@valley.example.org\n", "no minutes"),
        (report(ZOOM.replace("11/10/2026", "11/17/2026")), "meeting on Tuesday 17 November 2026"),
        (b"", "empty"),
    ]
    for number, (content, fragment) in enumerate(bad):
        reply = await submit(bot, view, content, view_id=f"VBAD{number:05d}")
        assert SessionField.REPORT in reply.errors, (fragment, reply.text)
        assert fragment in reply.errors[SessionField.REPORT], reply.errors
    assert await imports.latest(bot.db.reader, 1) is None
    assert {a.user_id for a in await attendance.present(bot.db.reader, 1)} == {DANA}
    # a plain CSV (name, e-mail, minutes) is read too
    plain = b"name,e-mail,minutes\nAlice Moreno,alice@valley.example.org,45\nBob Ortiz,,20\nBob Ortiz,,15\n"
    reply = await submit(bot, view, plain, view_id="VPLAIN001")
    assert "<@UALICE0001> 45 min, <@UBOB000001> 35 min" in blocks_text(reply.json["view"]["blocks"])


async def test_without_the_bot_token_slack_answers_a_sign_in_page(bot: Bot) -> None:
    """What the fake enforces, as Slack does: url_private needs the bot token (else a sign-in page) and files.info
    needs files:read."""
    import aiohttp

    file = bot.fake.attach_file(ADMIN, "report.csv", b"name,minutes\nA,1\n")
    async with aiohttp.ClientSession() as http, http.get(file["url_private_download"]) as response:
        assert response.content_type == "text/html" and "Sign in" in await response.text()
    await people(bot)
    bot.fake.scopes = [s for s in bot.fake.scopes if s != "files:read"]
    reply = await submit(bot, await open_import(bot), report(ZOOM))
    assert "reinstall" in reply.errors[SessionField.REPORT]


async def test_the_minutes_for_credit_refuse_evaluation_with_why_and_a_coordinator_can_adjust(bot: Bot) -> None:
    await people(bot)
    program = await programs_repo.get_by_name(bot.db.reader, "Hepatitis C ECHO")
    assert program is not None
    edit = await open_program_modal(bot, text="program edit Hepatitis C ECHO")
    reply = await submit_program(bot, ADMIN, edit, {**PROGRAM, ProgramField.FIRST_DATE: "2026-11-10",
                                                  ProgramField.CREDIT_MINUTES: "45"})  # fmt: skip
    assert reply.text == "", reply.text
    reply = await submit(bot, await open_import(bot), report(ZOOM))
    assert "*Under the 45 minutes this program asks for credit (1):* <@UBOB000001> 30 min" in blocks_text(
        reply.json["view"]["blocks"]
    )
    # Bob (30 minutes) is told why; Alice (52) evaluates
    await bot.driver.click(BOB, Action.EVALUATE, "1", channel="DBOB000001")
    await bot.settle()
    assert "shows you in this session for 30 minutes" in bot.fake.responses[-1]["text"]
    assert "from 45 minutes present" in bot.fake.responses[-1]["text"]
    await bot.driver.click(ALICE, Action.EVALUATE, "1", channel="DALICE0001")
    await bot.settle()
    assert bot.fake.opened_views()[-1]["callback_id"] == Callback.EVALUATION_VIEW
    # the coordinator adds Bob with a reason (from the ended session's post): credit despite the minutes
    ended = bot.fake.last("chat.update").args  # the session post, updated in place when the session ended
    assert "session ended" in ended["text"] and "Import video report" in blocks_text(ended["blocks"])
    await bot.driver.click(ADMIN, Action.ATTENDANCE_OPEN, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    form = bot.fake.opened_views()[-1]
    assert form["callback_id"] == Callback.ATTENDANCE_EDIT_VIEW
    reply = await bot.driver.submit(ADMIN, {**form, "id": "VADJUST01"}, {})  # only looking: no reason needed
    assert reply.status == 200 and not reply.text
    reply = await bot.driver.submit(ADMIN, {**form, "id": "VADJUST01"}, {SessionField.ADD: [BOB],
                                                                         SessionField.REASON: "Joined by phone"})
    assert "*Added:* <@UBOB000001>" in blocks_text(reply.json["view"]["blocks"])
    assert await imports.waived(bot.db.reader, 1, BOB)
    await bot.driver.click(BOB, Action.EVALUATE, "1", channel="DBOB000001")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.EVALUATION_VIEW
    reply = await bot.driver.submit(BOB, view, {**EVALUATION, EvaluationField.CREDIT: "1"})
    assert reply.text == "", reply.text


async def test_every_import_action_is_refused_for_others(bot: Bot) -> None:
    await people(bot)
    reply = await bot.driver.command(ALICE, "attendance import", channel=PROGRAM_CHANNEL)
    assert "Only coordinators" in reply.message_text
    reply = await bot.driver.command(SPECIALIST, "attendance import", channel=PROGRAM_CHANNEL)
    assert "Only coordinators" in reply.message_text
    for action in (Action.ATTENDANCE_IMPORT, Action.ATTENDANCE_OPEN):
        views = len(bot.fake.opened_views())
        await bot.driver.click(SPECIALIST, action, "1", channel=PROGRAM_CHANNEL)
        await bot.settle()
        assert len(bot.fake.opened_views()) == views
        assert "Only the program's coordinators" in bot.fake.responses[-1]["text"]
    view = await open_import(bot)  # a coordinator's form, submitted (forged) by Alice
    reply = await submit(bot, view, report(ZOOM), user=ALICE)
    assert "Only the program's coordinators" in reply.errors[SessionField.SESSION]
    assert await imports.latest(bot.db.reader, 1) is None
    assert not bot.fake.calls_to("files.info")  # nothing was even read
    # the program's own coordinator may
    reply = await submit(bot, await open_import(bot, PROGRAM_COORDINATOR), report(ZOOM), user=PROGRAM_COORDINATOR)
    assert reply.json["response_action"] == "update"


def test_rejoins_are_a_union_of_intervals_and_names_are_never_guessed() -> None:
    parsed = read(report(ZOOM.split("\n\n", 1)[1]))  # without the meeting lines
    assert parsed.rows_read == 7 and str(parsed.meeting_day) == "2026-11-10"
    providers = [Known("U1", "Alice Moreno", "alice@valley.example.org"), Known("U2", "José Núñez", "jn@x.org"),
                 Known("U3", "Chris Lee", "a@x.org"), Known("U4", "Chris Lee", "b@x.org")]  # fmt: skip
    matching = match(parsed, providers, [Known("S1", "Sam Specialist", "sam@hub.example.org")])
    assert matching.minutes == {"U1": 52} and matching.staff == ["S1"]
    assert [x.name for x in matching.ambiguous] == ["Chris Lee"]
    accents = read(b"Name,Minutes\nJose Nunez,40\nJOSE  NUNEZ,10\n")
    assert match(accents, providers, []).minutes == {"U2": 50}


async def test_an_import_respects_a_coordinators_removal_by_hand_but_not_its_own(bot: Bot) -> None:
    await people(bot)
    # the coordinator removes Dana by hand (she checked in, but left at once)
    await bot.driver.click(ADMIN, Action.ATTENDANCE_OPEN, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    form = bot.fake.opened_views()[-1]
    reply = await bot.driver.submit(ADMIN, {**form, "id": "VREMOVE01"}, {SessionField.REMOVE: [DANA],
                                                                         SessionField.REASON: "Left after 2 minutes"})
    assert reply.status == 200, reply.text
    assert DANA not in {a.user_id for a in await attendance.present(bot.db.reader, 1)}
    bot.clock.set(FIRST_END + timedelta(hours=3))
    # the video report lists her for 60 minutes: she stays absent, and the coordinator is told why
    reply = await submit(bot, await open_import(bot), report(ZOOM))
    seen = blocks_text(reply.json["view"]["blocks"])
    assert "left absent, as a coordinator removed them by hand" in seen and "<@UDANA00001>" in seen
    assert {a.user_id for a in await attendance.present(bot.db.reader, 1)} == {ALICE, BOB}
    # an import's own removal is not a removal by hand: a corrected report drops Bob, the next one has him again
    corrected = "\n".join(line for line in ZOOM.splitlines() if "Bob Ortiz" not in line) + "\n"
    bot.clock.set(FIRST_END + timedelta(hours=4))
    await submit(bot, await open_import(bot), report(corrected), view_id="VIMPORT02")
    assert {a.user_id for a in await attendance.present(bot.db.reader, 1)} == {ALICE}
    bot.clock.set(FIRST_END + timedelta(hours=5))
    reply = await submit(bot, await open_import(bot), report(ZOOM.replace(",30,Yes", ",31,Yes")), view_id="VIMPORT03")
    assert {a.user_id for a in await attendance.present(bot.db.reader, 1)} == {ALICE, BOB}
    assert "1 added to the attendance" in blocks_text(reply.json["view"]["blocks"])
    # adding Dana back by hand undoes her removal: the next import counts her as the report says
    form = await _attendance_form(bot)
    await bot.driver.submit(ADMIN, {**form, "id": "VADDBACK1"}, {SessionField.ADD: [DANA],
                                                                 SessionField.REASON: "She was there after all"})
    assert DANA in {a.user_id for a in await attendance.present(bot.db.reader, 1)}
    assert await attendance.removed_by_hand(bot.db.reader, 1) == set()


async def _attendance_form(bot: Bot) -> dict[str, Any]:
    await bot.driver.click(ADMIN, Action.ATTENDANCE_OPEN, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    return bot.fake.opened_views()[-1]


async def test_the_attendance_forms_import_button_opens_the_import_over_it(bot: Bot) -> None:
    """The issue's third way in: Import video report in the attendance form (`/echo attendance`) pushes the import
    form over it, its session chosen; the report imported from there is recorded."""
    await people(bot)
    await bot.driver.click(PROGRAM_COORDINATOR, Action.ATTENDANCE_OPEN, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    form = bot.fake.opened_views()[-1]
    assert form["callback_id"] == Callback.ATTENDANCE_EDIT_VIEW
    [button] = [b["accessory"] for b in form["blocks"]
                if b.get("accessory", {}).get("action_id") == Action.ATTENDANCE_IMPORT]
    assert button["text"]["text"] == "Import video report"
    in_form = {**form, "type": "modal"}
    await bot.driver.click(PROGRAM_COORDINATOR, Action.ATTENDANCE_IMPORT, button["value"], home=in_form)
    await bot.settle()
    pushed = bot.fake.last("views.push").args["view"]
    assert pushed["callback_id"] == Callback.ATTENDANCE_IMPORT_VIEW
    [session] = [b for b in pushed["blocks"] if b.get("block_id") == SessionField.SESSION]
    assert session["element"]["initial_option"]["value"] == "1"
    reply = await submit(bot, bot.fake.opened_views()[-1], report(ZOOM), user=PROGRAM_COORDINATOR)
    assert "is recorded (import #1)" in blocks_text(reply.json["view"]["blocks"])
