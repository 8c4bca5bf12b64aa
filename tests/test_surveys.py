"""Pre and post series surveys (issue 17), end to end through signed Slack requests: the pre-survey DM on joining a
series, answered through its modal (a second answer refused), one reminder, the window closing (the DM updated in
place, its button gone), the post-survey at the series' end, the paired comparison in the digest (with its chart)
and as CSV, computed here by hand; the statements edited by a coordinator and refused once answered; the export
refused to others; an anonymous program's CSV naming nobody."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

from echobot.ids import Action, Callback, ProgramField, RegistrationField, SurveyField
from echobot.storage import audit, outbox
from tests.fake_slack import dm_channel
from tests.harness import ADMIN, Bot
from tests.scenarios import (
    ALICE,
    FIRST_START,
    PROGRAM_CHANNEL,
    SPECIALIST,
    at,
    create_program,
    open_program_modal,
    register,
)
from tests.slack_driver import blocks_text
from tests.test_series import BOB, COORDINATOR, SERIES, files_to, hold, said_to

CAROL = "UCAROL0001"
PRE_ALICE, PRE_BOB = [2, 3, 2, 1, 3, 2], [3, 3, 4, 2, 2, 3]
POST_ALICE, POST_BOB = [4, 3, 3, 3, 5, 4], [3, 5, 4, 2, 4, 5]


def take_button(post: dict[str, Any]) -> dict[str, Any] | None:
    found = [e for b in post.get("blocks") or [] if b["type"] == "actions" for e in b["elements"]
             if e.get("action_id") == Action.SURVEY_TAKE]  # fmt: skip
    return found[0] if found else None


def value_of(post: dict[str, Any]) -> str:
    button = take_button(post)
    assert button is not None, "no Take the survey button"
    return str(button["value"])


def survey_dms(bot: Bot, user: str, phase: str) -> list[dict[str, Any]]:
    return said_to(bot, user, f"{phase}-series survey")


async def answer(bot: Bot, user: str, post: dict[str, Any], ratings: list[int]) -> Any:
    """Click "Take the survey" on the DM and send the ratings; the modal's answer."""
    await bot.driver.click(user, Action.SURVEY_TAKE, value_of(post), channel=dm_channel(user))
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.SURVEY_VIEW
    reply = await bot.driver.submit(user, view, {f"{SurveyField.RATING}{n}": str(r)
                                                 for n, r in enumerate(ratings, start=1)})  # fmt: skip
    await bot.settle()
    return reply, view


def updates_to(bot: Bot, user: str) -> list[dict[str, Any]]:
    return [c.args for c in bot.fake.calls_to("chat.update") if c.args.get("channel") == dm_channel(user)]


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


async def test_pre_and_post_surveys_answered_reminded_closed_and_compared(bot: Bot) -> None:
    await create_program(bot, **SERIES)
    for user, name, email in ((ALICE, None, None), (BOB, "Bob Ortiz", "bob@ortiz.example.org"),
                              (CAROL, "Carol Diaz", "carol@diaz.example.org")):  # fmt: skip
        await (register(bot, user) if name is None else register(bot, user, name=name, email=email, credential="MD"))
        await bot.driver.command(user, "join Hepatitis C ECHO")
    await bot.settle()
    # each provider who joined the series gets the pre-survey by DM, with its button
    [pre] = survey_dms(bot, ALICE, "pre")
    shown = blocks_text(pre["blocks"])
    assert "*Hepatitis C ECHO* pre-series survey: 6 short statements" in shown and take_button(pre)
    await bot.driver.click(ALICE, Action.SURVEY_TAKE, value_of(pre), channel=dm_channel(ALICE))
    await bot.settle()
    other = bot.fake.opened_views()[-1]  # a second form, opened before the first is sent
    reply, view = await answer(bot, ALICE, pre, PRE_ALICE)
    assert reply.text == "", reply.text
    assert view["id"] != other["id"]
    labels = [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"]
    assert labels[0] == "I can identify patients with Hepatitis C who need treatment." and len(labels) == 6
    # Slack resending the same form: answered alike, recorded once
    resent = await bot.driver.submit(
        ALICE, view, {f"{SurveyField.RATING}{n}": str(r) for n, r in enumerate(PRE_ALICE, 1)}
    )
    assert resent.text == ""
    # a second answer is refused, on the form and at the button
    again = await bot.driver.submit(ALICE, other, {f"{SurveyField.RATING}{n}": "5" for n in range(1, 7)})
    assert "already recorded" in again.errors[f"{SurveyField.RATING}1"]
    await bot.driver.click(ALICE, Action.SURVEY_TAKE, value_of(pre), channel=dm_channel(ALICE))
    await bot.settle()
    assert "already recorded" in bot.fake.responses[-1]["text"]
    reply, _ = await answer(bot, BOB, survey_dms(bot, BOB, "pre")[0], PRE_BOB)
    assert reply.text == ""

    # three days on, one reminder to Carol (who has not answered), none to those who did; never a second one
    await at(bot, FIRST_START - timedelta(days=4))
    await bot.settle()
    reminded = survey_dms(bot, CAROL, "pre")
    assert len(reminded) == 2 and "A reminder: the" in blocks_text(reminded[1]["blocks"])
    assert len(survey_dms(bot, ALICE, "pre")) == 1 and len(survey_dms(bot, BOB, "pre")) == 1
    await hold(bot, 1, [ALICE, BOB])
    assert len(survey_dms(bot, CAROL, "pre")) == 2
    # the window closes as the second session starts: Carol's DM and reminder lose their button, in place
    await hold(bot, 2, [ALICE, CAROL])
    closed = [u for u in updates_to(bot, CAROL) if "has closed" in u["text"]]
    assert len(closed) == 2 and all(take_button(u) is None for u in closed)
    assert "pre-series survey has closed; it can no longer be answered" in blocks_text(closed[0]["blocks"])
    assert [u for u in updates_to(bot, ALICE) if "Thank you: your answers are recorded" in blocks_text(u["blocks"])]
    await bot.driver.click(CAROL, Action.SURVEY_TAKE, value_of(reminded[0]), channel=dm_channel(CAROL))
    await bot.settle()
    assert "This survey has closed." in bot.fake.responses[-1]["text"]

    # the coordinator closes the series: the post-survey to those who answered the pre-survey or attended
    reply = await bot.driver.command(COORDINATOR, "series close")
    [button] = [e for b in reply.json["blocks"] if b["type"] == "actions" for e in b["elements"]]
    await bot.driver.click(COORDINATOR, Action.SERIES_CLOSE, button["value"], channel=PROGRAM_CHANNEL)
    await bot.settle()
    for user in (ALICE, BOB, CAROL):
        assert len(survey_dms(bot, user, "post")) == 1, user
    assert (await answer(bot, ALICE, survey_dms(bot, ALICE, "post")[0], POST_ALICE))[0].text == ""
    assert (await answer(bot, BOB, survey_dms(bot, BOB, "post")[0], POST_BOB))[0].text == ""

    # the paired comparison, by hand: per statement, the mean of the two before and of the two after
    expected = []
    for n in range(6):
        before, after = (PRE_ALICE[n] + PRE_BOB[n]) / 2, (POST_ALICE[n] + POST_BOB[n]) / 2
        expected.append((f"{before:.2f}", f"{after:.2f}", f"{after - before:+.2f}"))
    bot.clock.advance(timedelta(minutes=5))  # the digest covers up to its request, the series ended before it
    await bot.driver.command(COORDINATOR, "digest")
    await bot.settle()
    digest = [p for p in bot.fake.posts_to(COORDINATOR) if "digest" in p["text"]][-1]
    text = blocks_text(digest["blocks"])
    assert "*Self-efficacy survey, before and after* (series 10 Nov 2026 to 8 Dec 2026): 2 pre, 2 post answers." in text
    for n, (before, after, change) in enumerate(expected, start=1):
        assert f"n=2, {before} → {after} ({change})" in text, (n, text)
    assert [t for t, _ in files_to(bot, COORDINATOR) if "self-efficacy before and after" in t]

    # the CSV: the comparison, then (the program is not anonymous) each person's ratings
    reply = await bot.driver.command(COORDINATOR, "export surveys Hepatitis C ECHO")
    assert "Sending `echo-surveys-1-2026-11-10.csv`" in reply.message_text
    await bot.settle()
    [content] = [c for t, c in files_to(bot, COORDINATOR) if t.startswith("echo-surveys")]
    rows = csv_rows(content)
    assert rows[0] == ["statement no", "statement", "n paired", "mean before", "mean after", "change"]
    assert [tuple(float(x) for x in r[3:6]) for r in rows[1:7]] == [tuple(float(x) for x in e) for e in expected]
    assert all(r[2] == "2" for r in rows[1:7])
    assert ["Alice Moreno", ALICE, "pre", "1", "2"] in rows and ["Bob Ortiz", BOB, "post", "6", "5"] in rows
    # not for providers or specialists
    for user in (ALICE, SPECIALIST):
        refused = await bot.driver.command(user, "export surveys Hepatitis C ECHO")
        assert "Only coordinators" in refused.message_text

    # the post window closes 14 days after the end: Carol's post DM is updated in place; nothing is sent twice
    sent = len(bot.fake.calls_to("chat.postMessage"))
    ended = bot.clock.now()
    await bot.restart()
    await at(bot, ended + timedelta(days=4))
    await bot.settle()
    assert len(survey_dms(bot, CAROL, "post")) == 2  # the DM and its one reminder
    await at(bot, ended + timedelta(days=15))
    await bot.settle()
    assert len([u for u in updates_to(bot, CAROL) if "post-series survey has closed" in blocks_text(u["blocks"])]) == 2
    assert len(survey_dms(bot, CAROL, "post")) == 2
    assert not [c for c in bot.fake.calls_to("chat.postMessage")[sent:] if "survey" in c.args["text"]
                and c.args.get("channel") in (dm_channel(ALICE), dm_channel(BOB))]  # fmt: skip
    rows_of_alice = [r for r in await outbox.by_prefix(bot.db.reader, "survey:1:2026-11-10:") if r.target == ALICE]
    assert len([r for r in rows_of_alice if r.key.endswith(f"dm:{ALICE}")]) == 2  # one pre, one post


async def test_members_get_the_pre_survey_when_the_series_dates_are_set(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    await bot.settle()
    assert not survey_dms(bot, ALICE, "pre")  # no series yet
    settings = await open_program_modal(bot, COORDINATOR, "program settings Hepatitis C ECHO")
    assert (await bot.driver.submit(COORDINATOR, settings, SERIES)).text == ""
    await bot.settle()
    [pre] = survey_dms(bot, ALICE, "pre")
    assert value_of(pre) == "pre:1:2026-11-10:2026-12-08"
    # saved again: nothing twice
    settings = await open_program_modal(bot, COORDINATOR, "program settings Hepatitis C ECHO")
    assert (await bot.driver.submit(COORDINATOR, settings, {ProgramField.COMPLETION: "80"})).text == ""
    await bot.settle()
    assert len(survey_dms(bot, ALICE, "pre")) == 1


async def test_statements_edited_then_locked_and_an_anonymous_programs_csv_names_nobody(bot: Bot) -> None:
    await create_program(bot, **SERIES, **{ProgramField.ANONYMOUS: ["yes"]})
    # only the program's coordinators may edit
    refused = await bot.driver.command(ALICE, "survey edit Hepatitis C ECHO")
    assert "Only coordinators" in refused.message_text
    await bot.driver.command(COORDINATOR, "survey edit")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.SURVEY_EDIT_VIEW
    statements = {f"{SurveyField.STATEMENT}{n}": f"I can do task {n} for my patients." for n in range(1, 6)}
    emptied = {f"{SurveyField.STATEMENT}{n}": "" for n in range(6, 9)}
    short = await bot.driver.submit(COORDINATOR, view, {**statements, **emptied, f"{SurveyField.STATEMENT}5": ""})
    assert short.errors == {f"{SurveyField.STATEMENT}5": "Give 5 to 8 statements."}
    assert (await bot.driver.submit(COORDINATOR, view, {**statements, **emptied})).text == ""
    [entry] = await audit.recent(bot.db.reader, action_prefix="survey.edit")
    assert entry.actor == COORDINATOR and entry.detail == {"statements": 5}

    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    await bot.settle()
    [pre] = survey_dms(bot, ALICE, "pre")
    assert "5 short statements" in blocks_text(pre["blocks"])
    reply, view = await answer(bot, ALICE, pre, [1, 2, 3, 2, 1])
    assert reply.text == ""
    assert [b["label"]["text"] for b in view["blocks"] if b["type"] == "input"][4] == "I can do task 5 for my patients."
    # the series has answers: editing is refused, and the field says why
    await bot.driver.command(COORDINATOR, "survey edit Hepatitis C ECHO")
    await bot.settle()
    editor = bot.fake.opened_views()[-1]
    assert "already has answers" in blocks_text(editor["blocks"])
    locked = await bot.driver.submit(COORDINATOR, editor, {f"{SurveyField.STATEMENT}1": "Something else entirely."})
    assert "already has answers" in locked.errors[f"{SurveyField.STATEMENT}1"]

    await hold(bot, 1, [ALICE])
    reply = await bot.driver.command(ADMIN, "series close Hepatitis C ECHO")
    [button] = [e for b in reply.json["blocks"] if b["type"] == "actions" for e in b["elements"]]
    await bot.driver.click(ADMIN, Action.SERIES_CLOSE, button["value"], channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert (await answer(bot, ALICE, survey_dms(bot, ALICE, "post")[0], [3, 3, 4, 4, 2]))[0].text == ""
    await bot.driver.command(COORDINATOR, "export surveys")
    await bot.settle()
    [content] = [c for t, c in files_to(bot, COORDINATOR) if t.startswith("echo-surveys")]
    text = content.decode("utf-8-sig")
    assert "Alice" not in text and ALICE not in text and "Moreno" not in text
    rows = csv_rows(content)
    assert rows[1] == ["1", "I can do task 1 for my patients.", "1", "1.0", "3.0", "2.0"]
    assert len(rows) == 6  # the comparison only: no one's own ratings


async def test_every_way_of_joining_a_series_brings_the_pre_survey(bot: Bot) -> None:
    """A request approved by a coordinator and the registration form's program pick are joins too."""
    program = await create_program(bot, **SERIES)
    # Carol picks the program in the registration form itself
    carol = {RegistrationField.NAME: "Carol Diaz", RegistrationField.EMAIL: "carol@diaz.example.org"}
    await register(bot, CAROL, **carol, **{RegistrationField.PROGRAMS: [str(program.id)]})
    [pre] = survey_dms(bot, CAROL, "pre")
    assert value_of(pre) == "pre:1:2026-11-10:2026-12-08"
    # the program becomes invitation only; Alice's Join is a request, and the survey waits for the approval
    settings = await open_program_modal(bot, COORDINATOR, "program settings Hepatitis C ECHO")
    assert (await bot.driver.submit(COORDINATOR, settings, {ProgramField.WHO_CAN_JOIN: "invite"})).text == ""
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    await bot.settle()
    assert not survey_dms(bot, ALICE, "pre")
    [request] = [p for p in bot.fake.posts_to(COORDINATOR) if "asks to join" in p.get("text", "")]
    approve = next(e["value"] for b in request["blocks"] if b["type"] == "actions" for e in b["elements"]
                   if e["action_id"] == Action.APPROVE_REQUEST)  # fmt: skip
    await bot.driver.click(COORDINATOR, Action.APPROVE_REQUEST, approve, channel=COORDINATOR)
    await bot.settle()
    [pre] = survey_dms(bot, ALICE, "pre")
    assert take_button(pre) and len(survey_dms(bot, CAROL, "pre")) == 1


async def joined_before_surveys_existed(bot: Bot, user: str) -> None:
    """A membership as a release before the surveys left it: the member's row, and no survey planned for them."""
    from echobot.storage import programs as programs_repo

    async with bot.db.transaction() as tx:
        assert await programs_repo.join(tx, 1, user, bot.clock.now())


def survey_rows(rows: list[Any], user: str) -> list[str]:
    return [r.key for r in rows if r.target == user and ":dm:" in r.key]


async def test_members_of_a_series_set_before_surveys_existed_get_the_pre_survey_as_it_starts(bot: Bot) -> None:
    """A series created (or running) before its program had surveys: when it starts, every member who has not
    had the pre-survey gets it, once (restarts and the periodic planning send nothing again)."""
    await create_program(bot, **SERIES)
    await register(bot, ALICE)
    await register(bot, BOB, name="Bob Ortiz", email="bob@ortiz.example.org", credential="MD")
    for user in (ALICE, BOB):
        await joined_before_surveys_existed(bot, user)
    await at(bot, FIRST_START - timedelta(days=2))
    await bot.settle()
    assert not survey_dms(bot, ALICE, "pre") and not survey_dms(bot, BOB, "pre")  # the series has not started
    await at(bot, FIRST_START + timedelta(minutes=1))  # the first session starts: the series does
    await bot.settle()
    [pre] = survey_dms(bot, ALICE, "pre")
    assert "*Hepatitis C ECHO* pre-series survey: 6 short statements" in blocks_text(pre["blocks"])
    assert value_of(pre) == "pre:1:2026-11-10:2026-12-08"
    reply, _ = await answer(bot, ALICE, pre, PRE_ALICE)
    assert reply.text == ""
    # a restart, the periodic planning again: nothing twice
    await bot.restart()
    await at(bot, FIRST_START + timedelta(hours=7))
    await bot.settle()
    await at(bot, FIRST_START + timedelta(hours=14))
    await bot.settle()
    assert len(survey_dms(bot, ALICE, "pre")) == 1 and len(survey_dms(bot, BOB, "pre")) == 1
    rows = await outbox.by_prefix(bot.db.reader, "survey:1:2026-11-10:")
    assert survey_rows(rows, ALICE) == [f"survey:1:2026-11-10:pre:dm:{ALICE}"]
    assert [r.key for r in rows if r.key.endswith(":members:start")] == ["survey:1:2026-11-10:members:start"]


async def test_saving_the_survey_of_a_running_series_sends_the_pre_survey_to_members_who_had_none(bot: Bot) -> None:
    """The series is running (its first session held) and a member never had the pre-survey: the coordinator's
    first save of the survey sends it to them, once (the form resent, or saved again, sends nothing more)."""
    await create_program(bot, **SERIES)
    await register(bot, ALICE)
    await register(bot, BOB, name="Bob Ortiz", email="bob@ortiz.example.org", credential="MD")
    await bot.driver.command(BOB, "join Hepatitis C ECHO")  # Bob joins as anyone does: his pre-survey at once
    await bot.settle()
    assert len(survey_dms(bot, BOB, "pre")) == 1
    await hold(bot, 1, [BOB])  # the series runs
    await joined_before_surveys_existed(bot, ALICE)
    assert not survey_dms(bot, ALICE, "pre")
    statements = {f"{SurveyField.STATEMENT}{n}": f"I can do task {n} for my patients." if n < 6 else ""
                  for n in range(1, 9)}  # fmt: skip
    await bot.driver.command(COORDINATOR, "survey edit")
    await bot.settle()
    editor = bot.fake.opened_views()[-1]
    assert (await bot.driver.submit(COORDINATOR, editor, statements)).text == ""
    await bot.settle()
    [pre] = survey_dms(bot, ALICE, "pre")
    assert "5 short statements" in blocks_text(pre["blocks"]) and take_button(pre)
    # Slack resends the same form, the coordinator saves again: nothing twice, for Alice or for Bob
    assert (await bot.driver.submit(COORDINATOR, editor, statements)).text == ""
    await bot.driver.command(COORDINATOR, "survey edit")
    await bot.settle()
    again = {**statements, f"{SurveyField.STATEMENT}6": "I can do task 6 for my patients."}
    assert (await bot.driver.submit(COORDINATOR, bot.fake.opened_views()[-1], again)).text == ""
    await bot.settle()
    assert len(survey_dms(bot, ALICE, "pre")) == 1
    bobs = survey_dms(bot, BOB, "pre")  # his own, and its one reminder three days after he joined
    assert len(bobs) == 2 and "A reminder: the" in blocks_text(bobs[1]["blocks"])
    reply, view = await answer(bot, ALICE, pre, [4, 4, 3, 3, 2, 5])
    assert reply.text == "" and len([b for b in view["blocks"] if b["type"] == "input"]) == 6
