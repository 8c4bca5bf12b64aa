"""One ECHO series through its life, as the people in it live it (issue 17), end to end through signed Slack requests
against the fake Slack, on both databases: the hub sets up an invitation-only program with series dates, minutes
for credit and its own survey; one provider's request is approved, one is invited from the coordinator's Home, one
is declined with a reason; the two in the series get the pre-survey and answer it; the first session's Zoom report
is imported (a rejoin, a guest, the hub's specialist, an unmatched and an ambiguous name), and imported again to no
effect; the slides and recording are posted; the minutes for credit stop one evaluation with the reason; the series
ends with its last session: a certificate of completion for the provider above the threshold, none for the one
below, the coordinator's completion report (CSV) and digest summary, the post-survey and the paired comparison.
Every step asserts what the person concerned sees, and each coordinator's tool is refused to a provider."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

from echobot.ids import Action, Callback, MaterialsField, ProgramField, SessionField, SurveyField
from echobot.storage import attendance, imports
from echobot.views.invitations import INVITEES, REASON
from tests.fake_slack import dm_channel
from tests.harness import Bot
from tests.scenarios import ALICE, FIRST_END, PROGRAM_CHANNEL, SPECIALIST, at, create_program, register
from tests.slack_driver import blocks_text
from tests.test_attendance_import import CHRIS_1, CHRIS_2, ZOOM
from tests.test_invitations import button_value, home_buttons, home_of, requests_to
from tests.test_series import BOB, COORDINATOR, SERIES, evaluate, files_to, hold, pdf_text, said_to
from tests.test_surveys import answer, survey_dms, take_button

DANA = "UDANA00001"
STATEMENTS = [
    "I can identify which patients with hepatitis C to treat in my clinic.",
    "I can choose a direct-acting antiviral regimen.",
    "I can check for drug interactions before treatment.",
    "I can monitor a patient through treatment.",
    "I can confirm a cure and plan the follow-up.",
    "I can counsel a patient about reinfection.",
]
PRE = {ALICE: [2, 1, 2, 3, 2, 3], BOB: [3, 2, 2, 2, 3, 4]}
POST = {ALICE: [4, 4, 3, 5, 4, 4], BOB: [3, 3, 2, 3, 3, 4]}
# the first session's Zoom report: Alice left and rejoined (52 minutes), Bob on his iPad without an e-mail (30),
# Chris Lee fits two registered providers, Pat Doe nobody, Sam is the program's specialist; Dana (declined) is
# not in it.
REPORT = "\n".join(line for line in ZOOM.splitlines() if not line.startswith("Dana")) + "\n"


def text_of(post: dict[str, Any]) -> str:
    return str(post.get("text", "")) + "\n" + blocks_text(post.get("blocks") or [])


async def set_up_program(bot: Bot) -> None:
    """The hub coordinator creates the program (series dates, completion 75%, 45 minutes for credit, invitation
    only); its program coordinator writes the survey's statements."""
    bot.fake.add_user(SPECIALIST, "Sam Specialist", "sam@hub.example.org")
    await create_program(bot, **SERIES, **{ProgramField.WHO_CAN_JOIN: "invite", ProgramField.CREDIT_MINUTES: "45"})
    await bot.driver.command(COORDINATOR, "survey edit Hepatitis C ECHO")
    await bot.settle()
    editor = bot.fake.opened_views()[-1]
    assert editor["callback_id"] == Callback.SURVEY_EDIT_VIEW
    values = {f"{SurveyField.STATEMENT}{n}": STATEMENTS[n - 1] if n <= len(STATEMENTS) else "" for n in range(1, 9)}
    assert (await bot.driver.submit(COORDINATOR, editor, values)).text == ""


async def providers_ask_and_are_invited(bot: Bot) -> None:
    """Alice asks and is approved; Dana asks and is declined, with the reason; Bob is invited from Home."""
    await register(bot, ALICE)
    await register(bot, BOB, name="Bob Ortiz", email="bob@ortiz.example.org", credential="MD")
    await register(bot, DANA, name="Dana Whitfield", email="dana@ridge.example.org")
    await register(bot, CHRIS_1, name="Chris Lee", email="chris.lee@one.example.org")
    await register(bot, CHRIS_2, name="Chris Lee", email="clee@two.example.org")
    for user in (ALICE, DANA):
        reply = await bot.driver.command(user, "join Hepatitis C ECHO")
        assert "Requested" in reply.json["text"]
    await bot.settle()
    alice_asks, dana_asks = requests_to(bot, COORDINATOR)
    assert f"<@{ALICE}> asks to join *Hepatitis C ECHO*" in text_of(alice_asks)
    assert not survey_dms(bot, ALICE, "pre")  # a request is not a join: no survey yet
    await bot.driver.click(COORDINATOR, Action.APPROVE_REQUEST, button_value(alice_asks, Action.APPROVE_REQUEST),
                           channel=COORDINATOR)  # fmt: skip
    await bot.settle()
    assert "Approved: they joined" in bot.fake.responses[-1]["text"]
    assert [p for p in bot.fake.posts_to(ALICE) if "was approved: you joined" in text_of(p)]
    await bot.driver.click(COORDINATOR, Action.DECLINE_REQUEST, button_value(dana_asks, Action.DECLINE_REQUEST),
                           channel=COORDINATOR)  # fmt: skip
    await bot.settle()
    decline = bot.fake.opened_views()[-1]
    assert decline["callback_id"] == Callback.DECLINE_VIEW
    reply = await bot.driver.submit(COORDINATOR, decline, {REASON: "This series is for primary care clinicians."})
    assert reply.text == "", reply.text
    await bot.settle()
    [declined] = [p for p in bot.fake.posts_to(DANA) if "could not take your request" in text_of(p)]
    assert "From the coordinator: This series is for primary care clinicians." in text_of(declined)
    # Bob: Invite people on the coordinator's Home, then one click on the invitation's Join
    await bot.driver.event({"type": "app_home_opened", "user": COORDINATOR, "tab": "home"})
    await bot.settle()
    home = home_of(bot, COORDINATOR)
    [invite] = home_buttons(home, Action.INVITE_PEOPLE)
    await bot.driver.click(COORDINATOR, Action.INVITE_PEOPLE, invite["value"], home=home)
    await bot.settle()
    reply = await bot.driver.submit(COORDINATOR, bot.fake.opened_views()[-1], {INVITEES: [BOB]})
    assert f"Invited to *Hepatitis C ECHO*: <@{BOB}>" in blocks_text(reply.json["view"]["blocks"])
    await bot.settle()
    [invitation] = [p for p in bot.fake.posts_to(BOB) if "invited" in p.get("text", "")]
    await bot.driver.click(BOB, Action.JOIN_PROGRAM, button_value(invitation, Action.JOIN_PROGRAM), channel=BOB)
    await bot.settle()


async def import_the_first_report(bot: Bot) -> None:
    """After the first session, the coordinator imports its Zoom report from the ended session's post; again."""
    await bot.driver.click(COORDINATOR, Action.ATTENDANCE_IMPORT, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.ATTENDANCE_IMPORT_VIEW
    file = bot.fake.attach_file(COORDINATOR, "participants_81234567890.csv", REPORT.encode())
    reply = await bot.driver.submit(COORDINATOR, {**view, "id": "VIMPORT01"}, {SessionField.REPORT: [file]})
    await bot.settle()
    seen = blocks_text(reply.json["view"]["blocks"])
    assert f"*Present (2):* <@{ALICE}> 52 min, <@{BOB}> 30 min" in seen
    assert "1 added to the attendance" in seen  # Bob; Alice had checked in
    assert f"1 of the hub's staff left out: <@{SPECIALIST}>" in seen
    assert "Chris Lee (56 min, fits 2 providers)" in seen and "Pat Doe (35 min)" in seen
    assert f"*Under the 45 minutes this program asks for credit (1):* <@{BOB}> 30 min" in seen
    [note] = [p for p in bot.fake.posts_to(COORDINATOR) if "were not counted" in p["text"]]
    [(_, left_over)] = [(t, c) for t, c in files_to(bot, COORDINATOR) if "csv" in t.lower() or "names" in t.lower()]
    assert [r[0] for r in list(csv.reader(io.StringIO(left_over.decode("utf-8-sig"))))[1:]] == ["Chris Lee",
                                                                                               "Pat Doe"]  # fmt: skip
    assert "2 names in the video report" in blocks_text(note["blocks"])
    # the same report again: nothing changes
    again = bot.fake.attach_file(COORDINATOR, "participants_81234567890.csv", REPORT.encode())
    await bot.driver.command(COORDINATOR, "attendance import", channel=PROGRAM_CHANNEL)
    await bot.settle()
    reply = await bot.driver.submit(COORDINATOR, {**bot.fake.opened_views()[-1], "id": "VIMPORT02"},
                                    {SessionField.REPORT: [again]})  # fmt: skip
    await bot.settle()
    assert "already the one in force" in blocks_text(reply.json["view"]["blocks"])
    assert {a.user_id for a in await attendance.present(bot.db.reader, 1)} == {ALICE, BOB}
    current = await imports.latest(bot.db.reader, 1)
    assert current is not None and await imports.minutes_of(bot.db.reader, current.id) == {ALICE: (52, False),
                                                                                          BOB: (30, True)}  # fmt: skip


async def post_the_materials(bot: Bot) -> str:
    """The coordinator attaches the slides and the recording: shared into the session's thread; the link."""
    await bot.driver.click(COORDINATOR, Action.MATERIALS_OPEN, "1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.MATERIALS_VIEW
    slides = bot.fake.attach_file(COORDINATOR, "hcv-treatment-basics.pdf", b"%PDF-1.4 slides", filetype="pdf")
    recording = "https://zoom.us/rec/share/Xy7_kQ2pLm81234567.AbCdEf"
    reply = await bot.driver.submit(COORDINATOR, {**view, "id": "VMATS0001"},
                                    {MaterialsField.SLIDES: [slides], MaterialsField.RECORDING: recording,
                                     MaterialsField.TITLE: "Treatment basics"})  # fmt: skip
    assert reply.json["response_action"] == "update", reply.text
    await bot.settle()
    [shared] = [f for f in bot.fake.shared_files.values() if PROGRAM_CHANNEL in f.get("channels", [])]
    link = str(shared["permalink"])
    [thread] = [p for p in bot.fake.posts_to(PROGRAM_CHANNEL) if p.get("thread_ts") and "Materials" in p["text"]]
    assert f"<{link}|Slides>" in text_of(thread) and f"<{recording}|Recording>" in text_of(thread)
    assert "Treatment basics" in text_of(thread)
    for user in (ALICE, BOB):
        assert bot.fake.can_open(user, link), user
    return link


async def test_one_series_from_set_up_to_the_paired_comparison(bot: Bot) -> None:
    await set_up_program(bot)
    await providers_ask_and_are_invited(bot)
    # the two in the series get the pre-survey (the coordinator's six statements); Dana, declined, does not
    for user in (ALICE, BOB):
        [pre] = survey_dms(bot, user, "pre")
        assert "*Hepatitis C ECHO* pre-series survey: 6 short statements" in text_of(pre) and take_button(pre)
        reply, view = await answer(bot, user, pre, PRE[user])
        assert reply.text == "", reply.text
        assert [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"] == STATEMENTS
    assert not survey_dms(bot, DANA, "pre")

    # session 1: Alice checks in; Bob, on his iPad, does not; the report tells the rest
    await hold(bot, 1, [ALICE])
    [prompt] = [p for p in bot.fake.posts_to(ALICE) if "Evaluate the session" in p["text"]]
    await import_the_first_report(bot)
    link = await post_the_materials(bot)
    # Alice's evaluation DM, already sent, now carries the slides and recording
    prompt_call = next(c for c in bot.fake.calls_to("chat.postMessage") if c.args is prompt)
    [updated] = [c.args for c in bot.fake.calls_to("chat.update") if c.args["channel"] == prompt_call.response[
        "channel"] and c.args["ts"] == prompt_call.response["ts"]]  # fmt: skip
    assert f"<{link}|Slides>" in text_of(updated) and "Evaluate" in text_of(updated)
    # Bob, under the minutes for credit, is told why when he tries to evaluate; Alice evaluates
    await bot.driver.click(BOB, Action.EVALUATE, "1", channel=dm_channel(BOB))
    await bot.settle()
    why = bot.fake.responses[-1]["text"]
    assert "shows you in this session for 30 minutes" in why and "from 45 minutes present" in why
    await evaluate(bot, ALICE, 1)
    # /echo sessions shows them the past session's materials
    listing = await bot.driver.command(BOB, "sessions", channel=PROGRAM_CHANNEL)
    assert f"<{link}|Slides>" in blocks_text(listing.json["blocks"])

    # the other sessions: Alice at every one, Bob at none; the last one ends the series
    for number in (2, 3, 4):
        await hold(bot, number, [ALICE])
    assert not said_to(bot, ALICE, "You completed")
    await hold(bot, 5, [ALICE])
    [completed] = said_to(bot, ALICE, "You completed")
    assert "you attended 5 of 5 sessions" in text_of(completed)
    [(title, pdf)] = files_to(bot, ALICE)
    text = pdf_text(pdf)
    assert title == "Certificate of completion" and "Alice Moreno" in text and "attending 5 of 5 sessions" in text
    assert not said_to(bot, BOB, "You completed") and not files_to(bot, BOB)
    assert not said_to(bot, DANA, "survey") and not said_to(bot, DANA, "You completed")
    # the coordinator: the summary and the completion report
    [summary] = said_to(bot, COORDINATOR, "the series")
    assert "*1 of 2* providers attended at least 75%" in text_of(summary) and "5 sessions were held" in text_of(summary)
    [report] = [c for t, c in files_to(bot, COORDINATOR) if t == "Completion report"]
    rows = list(csv.reader(io.StringIO(report.decode("utf-8-sig"))))
    by_name = {r[0]: r for r in rows[1:]}
    assert set(by_name) == {"Alice Moreno", "Bob Ortiz"}
    assert (by_name["Alice Moreno"][3], by_name["Alice Moreno"][4], by_name["Alice Moreno"][8]) == ("5", "5", "yes")
    assert (by_name["Bob Ortiz"][3], by_name["Bob Ortiz"][8]) == ("1", "no")
    assert "52" in by_name["Alice Moreno"][5:8] and "30" in by_name["Bob Ortiz"][5:8]  # minutes from the report

    # the post-survey, to both (each answered the pre-survey), answered
    for user in (ALICE, BOB):
        [post] = survey_dms(bot, user, "post")
        reply, _ = await answer(bot, user, post, POST[user])
        assert reply.text == "", reply.text
    # the coordinator's digest: the series' end and the paired comparison, computed here by hand
    bot.clock.advance(timedelta(minutes=5))
    await bot.driver.command(COORDINATOR, "digest")
    await bot.settle()
    digest = [p for p in bot.fake.posts_to(COORDINATOR) if "digest" in p["text"]][-1]
    shown = text_of(digest)
    assert "*Series ended* (10 Nov 2026 to 8 Dec 2026): 5 sessions held, 1 of 2 providers completed it" in shown
    assert "2 pre, 2 post answers" in shown
    for n in range(6):
        before, after = (PRE[ALICE][n] + PRE[BOB][n]) / 2, (POST[ALICE][n] + POST[BOB][n]) / 2
        assert f"n=2, {before:.2f} → {after:.2f} ({after - before:+.2f})" in shown, (n, shown)
    assert [t for t, _ in files_to(bot, COORDINATOR) if "self-efficacy before and after" in t]  # the chart
    reply = await bot.driver.command(COORDINATOR, "export surveys Hepatitis C ECHO")
    await bot.settle()
    [(_, comparison)] = [(t, c) for t, c in files_to(bot, COORDINATOR) if t.startswith("echo-surveys")]
    rows = list(csv.reader(io.StringIO(comparison.decode("utf-8-sig"))))
    assert [r[1] for r in rows[1:7]] == STATEMENTS and all(r[2] == "2" for r in rows[1:7])

    # every coordinator's tool on the way, refused to a provider of the series
    for command in ("series close Hepatitis C ECHO", "survey edit Hepatitis C ECHO", "export surveys Hepatitis C ECHO",
                    f"invite <@{DANA}> Hepatitis C ECHO", "attendance import", "digest Hepatitis C ECHO"):  # fmt: skip
        refused = await bot.driver.command(ALICE, command, channel=PROGRAM_CHANNEL)
        assert "Only" in refused.message_text or "only" in refused.message_text, (command, refused.message_text)
    for action in (Action.ATTENDANCE_IMPORT, Action.MATERIALS_OPEN):
        await bot.driver.click(BOB, action, "1", channel=PROGRAM_CHANNEL)
        await bot.settle()
        assert "Only" in bot.fake.responses[-1]["text"] or "only" in bot.fake.responses[-1]["text"], action
    await bot.driver.click(ALICE, Action.INVITE_PEOPLE, invite_value(bot), home=home_of(bot, COORDINATOR))
    await bot.settle()
    assert "Only the program's coordinators" in blocks_text(bot.fake.opened_views()[-1]["blocks"])
    await at(bot, FIRST_END + timedelta(days=40))  # long after: nothing more reaches anyone twice
    assert len(said_to(bot, ALICE, "You completed")) == 1 and len(survey_dms(bot, BOB, "post")) == 1


def invite_value(bot: Bot) -> str:
    [invite] = home_buttons(home_of(bot, COORDINATOR), Action.INVITE_PEOPLE)
    return str(invite["value"])
