"""Evaluations and credit end to end: the prompt, the modal and its checks, credit records, the transcript."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from echobot.ids import Action, Callback, EvaluationField
from echobot.storage import evaluations
from tests.harness import ADMIN, Bot
from tests.scenarios import PROGRAM_CHANNEL, create_program, register
from tests.slack_driver import blocks_text

E = EvaluationField
ALICE, BOB, CAROL = "UALICE0001", "UBOB000001", "UCAROL0001"
START = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)
END = START + timedelta(hours=1)
GOOD = {E.OVERALL: "5", E.RELEVANCE: "4", E.OBJECTIVES: "yes", E.INTENT: "yes",
        E.CHANGE_PLAN: "Start DAAs in primary care for treatment-naive patients.", E.BIAS_FREE: "yes",
        E.SUGGESTIONS: "More on HBV reactivation.", E.CREDIT: "1", E.ATTEST: ["yes"]}  # fmt: skip


async def at(bot: Bot, moment: datetime) -> None:
    bot.clock.set(moment)
    await bot.runtime.tick()  # type: ignore[union-attr]


async def attended_session(bot: Bot, code: str | None = None) -> None:
    """A program whose first session Alice (NP) attended with a check-in; Bob (MD) is a member who did not."""
    await create_program(bot)
    await register(bot, ALICE)
    await register(bot, BOB, **{"name": "Bob Ortiz", "credential": "MD"})
    for user in (ALICE, BOB):
        await bot.driver.command(user, "join Hepatitis C ECHO")
    bot.clock.set(START + timedelta(minutes=5))
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    if code:
        await bot.driver.click(ADMIN, Action.SESSION_TOOLS, selected="code:1", channel=PROGRAM_CHANNEL)
        await bot.settle()
        await bot.driver.submit(ADMIN, bot.fake.opened_views()[-1], {"attendance_code": code})
    await at(bot, END + timedelta(minutes=1))


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
    assert "Thank you for attending" in prompt["text"] and "up to 1 hours of credit" in prompt["text"]
    assert "Evaluate" in blocks_text(prompt["blocks"])
    assert prompts(bot, BOB) == []  # Bob did not check in: no prompt, but he can still evaluate
    await bot.restart()
    await at(bot, END + timedelta(minutes=5))
    assert len(prompts(bot, ALICE)) == 1


async def test_every_check_on_the_evaluation_and_one_credit_record(bot: Bot) -> None:
    await attended_session(bot, code="LIVER42")
    view = await open_evaluation(bot, ALICE)
    assert any(b.get("block_id") == E.CODE for b in view["blocks"])
    bad = [
        ({E.ATTEST: []}, E.ATTEST, "Attest"),
        ({E.CODE: "WRONG"}, E.CODE, "not the attendance code"),
        ({E.CREDIT: "1.25"}, E.CREDIT, "at most 1 hours"),
        ({E.CREDIT: "0.3"}, E.CREDIT, "steps of 0.25"),
        ({E.INTENT: "yes", E.CHANGE_PLAN: ""}, E.CHANGE_PLAN, "what you will change"),
        ({E.BIAS_FREE: "no"}, E.BIAS_COMMENT, "what seemed biased"),
        ({E.OVERALL: None}, E.OVERALL, "1 to 5"),
        ({E.SUGGESTIONS: "Ask Dr. Lee to call me at 505-555-0142"}, E.SUGGESTIONS, "phone number"),
    ]
    for values, field, fragment in bad:
        reply = await bot.driver.submit(ALICE, view, {**GOOD, E.CODE: "liver42", **values})
        assert field in reply.errors, (values, reply.text)
        assert fragment in reply.errors[field], (values, reply.errors)
    assert await evaluations.credits_of(bot.db.reader, ALICE) == []
    reply = await bot.driver.submit(ALICE, view, {**GOOD, E.CODE: "liver42", E.CREDIT: "0.75"})
    assert reply.text == ""
    await bot.settle()
    [credit] = await evaluations.credits_of(bot.db.reader, ALICE)
    assert credit.credit_type == "Nursing contact hours" and credit.hours == 0.75 and not credit.without_check_in
    stored = await evaluations.get(bot.db.reader, 1, ALICE)
    assert stored is not None and stored.overall == 5 and stored.intent_to_change == "yes"
    assert bot.fake.posts_to(ALICE)[-1]["text"].startswith("Recorded: 0.75 hours of Nursing contact hours for")
    # one evaluation per person and session: the second attempt is told when the first was recorded
    reply = await bot.driver.submit(ALICE, view, {**GOOD, E.CODE: "liver42"})
    assert "already evaluated this session" in reply.errors[E.OVERALL]
    await bot.driver.click(ALICE, Action.EVALUATE, "1", channel="DALICE0001")
    await bot.settle()
    assert "already evaluated" in bot.fake.responses[-1]["text"]
    assert len(await evaluations.credits_of(bot.db.reader, ALICE)) == 1


async def test_attending_without_check_in_is_flagged_and_credit_type_follows_the_credential(bot: Bot) -> None:
    await attended_session(bot)
    reply = await bot.driver.command(BOB, "evaluate")
    assert "Sessions you can evaluate* (1)" in reply.message_text
    view = await open_evaluation(bot, BOB)
    reply = await bot.driver.submit(BOB, view, GOOD)
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
    closes = END + timedelta(days=14)
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
    await bot.driver.submit(ALICE, view, GOOD)
    await at(bot, END + timedelta(days=13))
    assert not [p for p in prompts(bot, ALICE) if p["text"].startswith("Reminder")]
    reply = await bot.driver.command(ALICE, "cme")
    shown = reply.message_text
    assert "transcript of Alice Moreno" in shown and "Nursing contact hours: *1 h*" in shown
    assert "This year" in shown and "All time" in shown
    reply = await bot.driver.command(CAROL, "cme")
    assert "for registered providers" in reply.message_text
