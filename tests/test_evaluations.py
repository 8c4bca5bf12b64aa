"""Evaluations and credit end to end: the prompt, the modal and its checks, credit records, the transcript."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from echobot.ids import Action, Callback, EvaluationField, ProgramField
from echobot.storage import evaluations
from tests.harness import ADMIN, BOTH_TRANSPORTS, Bot
from tests.scenarios import EVALUATION, FIRST_END, FIRST_START, PROGRAM_CHANNEL, at, create_program, register, uploaded
from tests.slack_driver import blocks_text

ALICE, BOB, CAROL = "UALICE0001", "UBOB000001", "UCAROL0001"


async def attended_session(bot: Bot, code: str | None = None) -> None:
    """A program whose first session Alice (NP) attended with a check-in; Bob (MD) is a member who did not."""
    await create_program(bot)
    await register(bot, ALICE)
    await register(bot, BOB, **{"name": "Bob Ortiz", "credential": "MD"})
    for user in (ALICE, BOB):
        await bot.driver.command(user, "join Hepatitis C ECHO")
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    if code:
        await bot.driver.click(ADMIN, Action.SESSION_TOOLS, selected="code:1", channel=PROGRAM_CHANNEL)
        await bot.settle()
        await bot.driver.submit(ADMIN, bot.fake.opened_views()[-1], {"attendance_code": code})
    await at(bot, FIRST_END + timedelta(minutes=1))


async def open_evaluation(bot: Bot, user: str) -> dict[str, Any]:
    await bot.driver.click(user, Action.EVALUATE, "1", channel="D" + user[1:])
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.EVALUATION_VIEW
    return view


def prompts(bot: Bot, user: str) -> list[dict[str, Any]]:
    return [p for p in bot.fake.posts_to(user) if "Evaluate the session" in p["text"]]


async def test_attendees_are_prompted_once_when_the_session_ends(bot: Bot) -> None:
    await attended_session(bot)
    [prompt] = prompts(bot, ALICE)
    assert "Thank you for attending" in prompt["text"] and "up to 1 hour of credit" in prompt["text"]
    assert "Evaluate" in blocks_text(prompt["blocks"])
    assert prompts(bot, BOB) == []  # Bob did not check in: no prompt, but he can still evaluate
    await bot.restart()
    await at(bot, FIRST_END + timedelta(minutes=5))
    assert len(prompts(bot, ALICE)) == 1


@BOTH_TRANSPORTS
async def test_every_check_on_the_evaluation_and_one_credit_record(bot: Bot) -> None:
    await attended_session(bot, code="LIVER42")
    view = await open_evaluation(bot, ALICE)
    assert any(b.get("block_id") == EvaluationField.CODE for b in view["blocks"])
    bad = [
        ({EvaluationField.ATTEST: []}, EvaluationField.ATTEST, "Attest"),
        ({EvaluationField.CODE: "WRONG"}, EvaluationField.CODE, "not the attendance code"),
        ({EvaluationField.CREDIT: "1.25"}, EvaluationField.CREDIT, "at most 1 hour."),
        ({EvaluationField.CREDIT: "0.3"}, EvaluationField.CREDIT, "steps of 0.25"),
        (
            {EvaluationField.INTENT: "yes", EvaluationField.CHANGE_PLAN: ""},
            EvaluationField.CHANGE_PLAN,
            "what you will change",
        ),
        ({EvaluationField.BIAS_FREE: "no"}, EvaluationField.BIAS_COMMENT, "what seemed biased"),
        ({EvaluationField.OVERALL: None}, EvaluationField.OVERALL, "1 to 5"),
        (
            {EvaluationField.SUGGESTIONS: "Ask Dr. Lee to call me at 505-555-0142"},
            EvaluationField.SUGGESTIONS,
            "phone number",
        ),
    ]
    for values, field, fragment in bad:
        reply = await bot.driver.submit(ALICE, view, {**EVALUATION, EvaluationField.CODE: "liver42", **values})
        assert field in reply.errors, (values, reply.text)
        assert fragment in reply.errors[field], (values, reply.errors)
    assert await evaluations.credits_of(bot.db.reader, ALICE) == []
    reply = await bot.driver.submit(
        ALICE, view, {**EVALUATION, EvaluationField.CODE: "liver42", EvaluationField.CREDIT: "0.75"}
    )
    assert reply.text == ""
    await bot.settle()
    [credit] = await evaluations.credits_of(bot.db.reader, ALICE)
    assert credit.credit_type == "Nursing contact hours" and credit.hours == 0.75 and not credit.without_check_in
    stored = await evaluations.get(bot.db.reader, 1, ALICE)
    assert stored is not None and stored.overall == 5 and stored.intent_to_change == "yes"
    # the Evaluate DM itself becomes the confirmation: its Evaluate button gone, the certificate one click away
    [prompt] = prompts(bot, ALICE)
    now = bot.fake.messages[("DALICE0001", bot.fake.last("chat.update").args["ts"])]
    assert bot.fake.last("chat.update").args["ts"] == next(
        c.response["ts"] for c in bot.fake.calls_to("chat.postMessage") if c.args is prompt)
    assert now["text"].startswith("Evaluated: 0.75 nursing contact hours recorded for")
    buttons = [e for b in now["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [e["text"]["text"] for e in buttons] == ["Get certificate"]
    uploads = len(bot.fake.calls_to("files.completeUploadExternal"))
    await bot.driver.click(ALICE, buttons[0]["action_id"], buttons[0]["value"], channel="DALICE0001", message=now)
    await bot.settle()
    assert len(bot.fake.calls_to("files.completeUploadExternal")) == uploads + 1
    assert uploaded(bot).startswith(b"%PDF")
    # one evaluation per person and session: the second attempt is told when the first was recorded
    reply = await bot.driver.submit(ALICE, view, {**EVALUATION, EvaluationField.CODE: "liver42"})
    assert "already evaluated this session" in reply.errors[EvaluationField.OVERALL]
    await bot.driver.click(ALICE, Action.EVALUATE, "1", channel="DALICE0001")
    await bot.settle()
    assert "already evaluated" in bot.fake.responses[-1]["text"]
    assert len(await evaluations.credits_of(bot.db.reader, ALICE)) == 1


async def test_attending_without_check_in_is_flagged_and_credit_type_follows_the_credential(bot: Bot) -> None:
    await attended_session(bot)
    reply = await bot.driver.command(BOB, "evaluate")
    assert "Sessions you can evaluate* (1)" in reply.message_text
    view = await open_evaluation(bot, BOB)
    reply = await bot.driver.submit(BOB, view, EVALUATION)
    assert reply.text == ""
    await bot.settle()
    [credit] = await evaluations.credits_of(bot.db.reader, BOB)
    assert credit.credit_type == "AMA PRA Category 1 Credit™" and credit.without_check_in
    assert "coordinators review such claims" in blocks_text(bot.fake.posts_to(BOB)[-1]["blocks"])
    reply = await bot.driver.command(BOB, "evaluate")
    assert "No session is waiting" in reply.message_text


async def test_a_reminder_two_days_before_the_window_closes_then_no_more(bot: Bot) -> None:
    await attended_session(bot)
    await register(bot, CAROL, **{"name": "Carol Diaz", "credential": "CHW"})
    closes = FIRST_END + timedelta(days=14)
    await at(bot, closes - timedelta(days=2, minutes=1))
    assert len(prompts(bot, ALICE)) == 1
    await at(bot, closes - timedelta(days=2))
    await bot.restart()
    await at(bot, closes - timedelta(days=1))
    reminders = [p for p in prompts(bot, ALICE) if p["text"].startswith("Reminder")]
    assert len(reminders) == 1
    # after the window: no evaluation
    await at(bot, closes + timedelta(minutes=1))
    await bot.driver.click(ALICE, Action.EVALUATE, "1", channel="DALICE0001")
    await bot.settle()
    assert "evaluation window closed" in bot.fake.responses[-1]["text"]


async def test_someone_who_evaluated_gets_no_reminder_and_sees_a_transcript(bot: Bot) -> None:
    await attended_session(bot)
    view = await open_evaluation(bot, ALICE)
    await bot.driver.submit(ALICE, view, EVALUATION)
    await at(bot, FIRST_END + timedelta(days=13))
    assert not [p for p in prompts(bot, ALICE) if p["text"].startswith("Reminder")]
    reply = await bot.driver.command(ALICE, "cme")
    shown = reply.message_text
    assert "transcript of Alice Moreno" in shown and "Nursing contact hours: *1 h*" in shown
    assert "This year" in shown and "All time" in shown
    reply = await bot.driver.command(CAROL, "cme")
    assert "for registered providers" in reply.message_text


async def evaluated(bot: Bot) -> None:
    await attended_session(bot)
    view = await open_evaluation(bot, ALICE)
    assert (await bot.driver.submit(ALICE, view, EVALUATION)).text == ""
    await bot.settle()


async def test_certificate_of_a_session_and_of_a_period(bot: Bot) -> None:
    await evaluated(bot)
    await bot.driver.click(ALICE, Action.CERTIFICATE_SESSION, channel="DALICE0001")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.CERTIFICATE_VIEW
    reply = await bot.driver.submit(ALICE, view, {EvaluationField.CERT_SESSION: "1"})
    assert reply.text == ""
    await bot.settle()
    pdf = uploaded(bot)
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5000
    import io

    from pypdf import PdfReader  # type: ignore[import-not-found]

    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Alice Moreno" in text and "Nursing contact hours" in text and "Hepatitis C ECHO" in text
    # a period with no credit says so on the form
    await bot.driver.click(ALICE, Action.CERTIFICATE_PERIOD, channel="DALICE0001")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    reply = await bot.driver.submit(
        ALICE, view, {EvaluationField.CERT_FROM: "2025-01-01", EvaluationField.CERT_TO: "2025-12-31"}
    )
    assert "No credit is recorded" in str(reply.errors)
    reply = await bot.driver.submit(
        ALICE, view, {EvaluationField.CERT_FROM: "2026-01-01", EvaluationField.CERT_TO: "2026-12-31"}
    )
    assert reply.text == ""


async def test_csv_of_my_records_and_exports_for_coordinators(bot: Bot) -> None:
    await evaluated(bot)
    await bot.driver.click(ALICE, Action.TRANSCRIPT_CSV, channel="DALICE0001")
    await bot.settle()
    mine = uploaded(bot).decode("utf-8")
    assert mine.startswith("\ufeffsession date,program,topic,credit type,hours")
    assert "Hepatitis C ECHO" in mine and "Nursing contact hours,1," in mine
    # exports: refused to providers, a bad program or date gets a clear reply
    reply = await bot.driver.command(ALICE, "export credits")
    assert "Only coordinators" in reply.json["text"]
    reply = await bot.driver.command(ADMIN, "export credits Liver ECHO")
    assert "no active program called “Liver ECHO”" in reply.json["text"]
    reply = await bot.driver.command(ADMIN, "export credits 2026-12-31 2026-01-01")
    assert "end date is before" in reply.json["text"]
    reply = await bot.driver.command(ADMIN, "export everything")
    assert reply.json["text"].startswith("Usage:")
    reply = await bot.driver.command(ADMIN, "export credits Hepatitis C ECHO 2026-01-01 2026-12-31")
    assert "echo-credits-hepatitis-c-echo-2026-01-01-2026-12-31.csv" in reply.json["text"]
    await bot.settle()
    credits = uploaded(bot).decode("utf-8").splitlines()
    assert credits[0] == (
        "\ufefffirst name,last name,credential,NPI,licence number,birth month,birth day,e-mail,"
        "program,session date,topic,credit type,hours,without check-in"
    )
    # session times in the program's own zone (Denver), with the offset
    assert credits[1].startswith(
        "Alice,Moreno,NP,,,,,alice@valley.example.org,Hepatitis C ECHO,2026-11-10T12:00:00-07:00"
    )
    for kind, column in (("attendance", "checked in at"), ("cases", "age band"), ("evaluations", "overall")):
        await bot.driver.command(ADMIN, f"export {kind}")
        await bot.settle()
        assert column in uploaded(bot).decode("utf-8").splitlines()[0]
    evaluations_csv = uploaded(bot).decode("utf-8").splitlines()
    assert ",Alice Moreno,5,4," in evaluations_csv[1]


async def test_export_dates_are_the_programs_local_days(bot: Bot) -> None:
    """An evening session in Denver starts after midnight UTC: it belongs to its local day."""
    await create_program(bot, **{ProgramField.START_TIME: "18:00"})
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    start = datetime(2026, 11, 11, 1, 0, tzinfo=UTC)  # Tuesday 10 November, 18:00 MST
    bot.clock.set(start + timedelta(minutes=5))
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await at(bot, start + timedelta(hours=1, minutes=1))
    view = await open_evaluation(bot, ALICE)
    assert (await bot.driver.submit(ALICE, view, EVALUATION)).text == ""
    await bot.settle()
    await bot.driver.command(ADMIN, "export credits Hepatitis C ECHO 2026-11-10 2026-11-10")
    await bot.settle()
    rows = uploaded(bot).decode("utf-8").splitlines()
    assert len(rows) == 2 and ",2026-11-10T18:00:00-07:00," in rows[1]
    await bot.driver.command(ADMIN, "export credits Hepatitis C ECHO 2026-11-11 2026-11-11")
    await bot.settle()
    assert len(uploaded(bot).decode("utf-8").splitlines()) == 1  # the header only


async def test_anonymous_ratings_and_credit_types(bot: Bot) -> None:
    from tests.scenarios import open_program_modal, submit_program

    await evaluated(bot)
    view = await open_program_modal(bot, text="program edit Hepatitis C ECHO")
    assert (await submit_program(bot, ADMIN, view, {"anonymous_ratings": ["yes"]})).text == ""
    await bot.driver.command(ADMIN, "export evaluations")
    await bot.settle()
    row = uploaded(bot).decode("utf-8").splitlines()[1]
    assert "Alice" not in row and ",,5,4," in row
    await bot.driver.command(ADMIN, "export credits")
    await bot.settle()
    assert "Alice,Moreno" in uploaded(bot).decode("utf-8")  # credit records keep names
    reply = await bot.driver.command(ALICE, "credit-type NP AANP contact hours")
    assert "Only hub coordinators" in reply.json["text"]
    reply = await bot.driver.command(ADMIN, "credit-type NP AANP contact hours")
    assert "NP evaluations record *AANP contact hours*" in reply.json["text"]
    reply = await bot.driver.command(ADMIN, "credit-type Wizard Magic hours")
    assert reply.json["text"].startswith("Usage:")


async def test_home_shows_this_years_credit(bot: Bot) -> None:
    await evaluated(bot)
    await bot.driver.event({"type": "app_home_opened", "user": ALICE, "tab": "home", "event_ts": "1"})
    await bot.settle()
    assert "Your credit this year:* 1 h Nursing contact hours" in blocks_text(bot.fake.homes[ALICE]["blocks"])


async def test_a_session_ended_early_prompts_at_once(bot: Bot) -> None:
    await create_program(bot)
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    bot.clock.set(FIRST_START + timedelta(minutes=40))
    await bot.driver.click(ADMIN, Action.SESSION_TOOLS, selected="end:1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    [prompt] = prompts(bot, ALICE)
    assert "Thank you for attending" in prompt["text"]
    await at(bot, FIRST_END + timedelta(minutes=5))  # the scheduled end passes: no second prompt
    assert len(prompts(bot, ALICE)) == 1


async def test_credit_type_follows_each_credential(bot: Bot) -> None:
    from echobot.models import Credential

    expected = {
        Credential.MD: "AMA PRA Category 1 Credit™", Credential.DO: "AMA PRA Category 1 Credit™",
        Credential.NP: "Nursing contact hours", Credential.RN: "Nursing contact hours",
        Credential.PA: "AAPA Category 1 CME credit", Credential.PHARMD: "Pharmacy contact hours (ACPE)",
        Credential.CHW: "Certificate of participation", Credential.SOCIAL_WORKER: "Certificate of participation",
    }  # fmt: skip
    service = bot.runtime.services.evaluations  # type: ignore[union-attr]
    for credential, kind in expected.items():
        assert await service.credit_type_for(bot.db.reader, credential) == kind
    await bot.driver.command(ADMIN, "credit-type PA NCCPA Category 1 CME")
    assert await service.credit_type_for(bot.db.reader, Credential.PA) == "NCCPA Category 1 CME"


async def test_a_removed_attendee_or_a_stranger_cannot_evaluate(bot: Bot) -> None:
    await attended_session(bot)
    await bot.driver.command(ADMIN, "attendance")
    await bot.settle()
    reply = await bot.driver.submit(ADMIN, bot.fake.opened_views()[-1], {"session": "1"})
    edit = {**reply.json["view"], "id": "VEDIT0002"}
    await bot.driver.submit(ADMIN, edit, {"attendees_add": [], "attendees_remove": [ALICE],
                                          "reason": "Left after 5 minutes"})  # fmt: skip
    await bot.driver.click(ALICE, Action.EVALUATE, "1", channel="DALICE0001")
    await bot.settle()
    assert "removed your attendance" in bot.fake.responses[-1]["text"]
    await register(bot, CAROL, **{"name": "Carol Diaz"})  # registered, not a member, did not attend
    await bot.driver.click(CAROL, Action.EVALUATE, "1", channel="DCAROL0001")
    await bot.settle()
    assert "attended, or members of the program" in bot.fake.responses[-1]["text"]
    assert await evaluations.credits_of(bot.db.reader, ALICE) == []
