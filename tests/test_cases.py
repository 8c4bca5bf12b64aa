"""Cases end to end: submission, the PHI guard, hub triage, the submitter's side, follow-up, retention."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

import pytest

from echobot.ids import Action, Callback, CaseField
from echobot.models import CaseState
from echobot.storage import cases, outbox
from tests.harness import ADMIN, BOTH_TRANSPORTS, Bot
from tests.phi_corpus import CLEAN_TEXTS, IDENTIFIER_TEXTS
from tests.scenarios import (
    CASE,
    REVIEW_CHANNEL,
    SPECIALIST,
    SPECIALIST_2,
    create_program,
    program_with_participant,
    register,
    uploaded,
)
from tests.slack_driver import blocks_text

ALICE, BOB = "UALICE0001", "UBOB000001"
PROGRAM_COORDINATOR = "UPCOORD001"


def case_message(bot: Bot) -> dict[str, Any]:
    """The presenter's one case message as it reads now (posted once, updated in place)."""
    [post] = [c for c in bot.fake.calls_to("chat.postMessage")
              if c.response.get("channel") == "DALICE0001" and not c.args.get("thread_ts")
              and c.args["text"].startswith("Case #")]  # fmt: skip
    return bot.fake.messages[("DALICE0001", post.response["ts"])]


def case_replies(bot: Bot) -> list[dict[str, Any]]:
    """The replies in the thread of the presenter's case message, oldest first."""
    ts = case_message(bot)["ts"]
    return [c.args for c in bot.fake.calls_to("chat.postMessage")
            if c.response.get("channel") == "DALICE0001" and c.args.get("thread_ts") == ts]  # fmt: skip


async def open_case_form(bot: Bot, user: str = ALICE) -> dict[str, Any]:
    reply = await bot.driver.command(user, "case")
    assert reply.status == 200 and reply.text == "", reply.text
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.CASE_VIEW
    return view


async def submit_case(bot: Bot, **overrides: Any) -> int:
    view = await open_case_form(bot)
    reply = await bot.driver.submit(ALICE, view, {**CASE, **overrides})
    assert reply.text == "", reply.text
    await bot.settle()
    submitted = await cases.of_submitter(bot.db.reader, ALICE)
    return submitted[0].id


def hub_posts(bot: Bot) -> list[dict[str, Any]]:
    """The case messages in the review channel (not the lines in their threads)."""
    return [post for post in bot.fake.posts_to(REVIEW_CHANNEL) if not post.get("thread_ts")]


def hub_message_now(bot: Bot) -> dict[str, Any]:
    """The first case message as it reads now, after its updates."""
    call = next(c for c in bot.fake.calls_to("chat.postMessage")
                if c.args.get("channel") == REVIEW_CHANNEL and not c.args.get("thread_ts"))  # fmt: skip
    return bot.fake.messages[(REVIEW_CHANNEL, call.response["ts"])]


async def click(bot: Bot, user: str, action: str, value: str) -> str:
    before = len(bot.fake.responses)
    await bot.driver.click(user, action, value, channel=REVIEW_CHANNEL)
    await bot.settle()
    return str(bot.fake.responses[-1]["text"]) if len(bot.fake.responses) > before else ""


async def modal_action(bot: Bot, user: str, action: str, case_id: int, values: dict[str, Any]) -> Any:
    await bot.driver.click(user, action, str(case_id), channel=REVIEW_CHANNEL)
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.CASE_ACTION_VIEW, view
    reply = await bot.driver.submit(user, view, values)
    await bot.settle()
    return reply


async def state_of(bot: Bot, case_id: int) -> CaseState:
    case = await cases.get(bot.db.reader, case_id)
    assert case is not None
    return case.state


@BOTH_TRANSPORTS
async def test_a_participant_presents_a_case_and_the_hub_sees_it(bot: Bot) -> None:
    await program_with_participant(bot)
    view = await open_case_form(bot)
    program_field = next(b for b in view["blocks"] if b.get("block_id") == CaseField.PROGRAM)
    assert [o["text"]["text"] for o in program_field["element"]["options"]] == ["Hepatitis C ECHO"]
    assert "not for emergencies" in blocks_text(view["blocks"])
    first = await bot.driver.submit(ALICE, view, CASE)
    again = await bot.driver.submit(ALICE, view, CASE)  # Slack resends the same submission
    assert first.text == again.text == ""
    await bot.settle()
    stored = await cases.of_submitter(bot.db.reader, ALICE)
    assert len(stored) == 1 and stored[0].state is CaseState.SUBMITTED and stored[0].age_band == "50–59"
    [post] = hub_posts(bot)
    shown = blocks_text(post["blocks"])
    assert f"Case #{stored[0].id}" in shown and "Hepatitis C ECHO" in shown and "Submitted" in shown
    assert "50–59, female" in shown and "<@UALICE0001> (Valley Community Clinic)" in shown
    assert "HCV genotype 3" in shown and "sofosbuvir/velpatasvir" in shown
    buttons = [e["text"]["text"] for b in post["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert buttons == ["Claim", "Ask for info", "Schedule", "Decline"]
    dms = [p["text"] for p in bot.fake.posts_to(ALICE) if "Case #" in p["text"]]
    assert len(dms) == 1 and dms[0].startswith("Case #1 · 50s woman, HCV genotype 3")
    assert "Submitted*: waiting for the hub team" in blocks_text(case_message(bot)["blocks"])
    assert (
        len([c for c in bot.fake.calls_to("chat.postMessage") if c.args.get("thread_ts")]) == 1
    )  # the history thread starts


async def test_who_may_present_a_case(bot: Bot) -> None:
    await create_program(bot)
    reply = await bot.driver.command(BOB, "case")
    assert "Register first" in reply.message_text
    await register(bot, BOB, **{"role": "observer"})
    reply = await bot.driver.command(BOB, "case")
    assert "observers attend sessions but do not present cases" in reply.message_text
    assert "Switch to participant" in reply.message_text
    await bot.driver.command(BOB, "role participant")
    reply = await bot.driver.command(BOB, "case")
    assert "Join a program first" in reply.message_text
    assert bot.fake.opened_views()[-1]["callback_id"] != Callback.CASE_VIEW
    # the global shortcut explains in a modal
    await bot.driver.shortcut(BOB, Callback.CASE_SHORTCUT)
    await bot.settle()
    assert "Join a program first" in blocks_text(bot.fake.opened_views()[-1]["blocks"])


FIELDS = [
    CaseField.SUMMARY,
    CaseField.QUESTION,
    CaseField.PRESENTING,
    CaseField.HISTORY,
    CaseField.MEDICATIONS,
    CaseField.LABS,
    CaseField.TRIED,
]


async def test_every_identifier_category_is_refused_on_its_field_and_nothing_is_kept(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    await program_with_participant(bot)
    view = await open_case_form(bot)
    posts_before = len(bot.fake.calls_to("chat.postMessage"))
    seen: set[str] = set()
    caplog.set_level(logging.DEBUG)
    for n, (category, text) in enumerate(IDENTIFIER_TEXTS):
        if category in seen:
            continue
        seen.add(category)
        field = FIELDS[n % len(FIELDS)]
        limit = 150 if field == CaseField.SUMMARY else 500 if field == CaseField.QUESTION else 2000
        reply = await bot.driver.submit(ALICE, view, {**CASE, field: text[:limit]})
        errors = reply.errors
        assert list(errors) == [field], (category, errors)
        assert "looks like" in errors[field] and "Nothing was saved" in errors[field]
        assert text[:20] not in errors[field]
    await bot.settle()
    assert len(seen) == 17
    assert await cases.of_submitter(bot.db.reader, ALICE) == []
    assert len(bot.fake.calls_to("chat.postMessage")) == posts_before
    logged = caplog.text
    assert not any(text[10:40] in logged for _, text in IDENTIFIER_TEXTS)


async def test_clean_clinical_text_is_accepted(bot: Bot) -> None:
    await program_with_participant(bot)
    for n in range(0, 21, 7):
        texts = {
            field: CLEAN_TEXTS[n + i][: 150 if field == CaseField.SUMMARY else 500] for i, field in enumerate(FIELDS)
        }
        view = await open_case_form(bot)
        reply = await bot.driver.submit(ALICE, view, {**CASE, **texts})
        assert reply.text == "", reply.text
    assert len(await cases.of_submitter(bot.db.reader, ALICE)) == 3


async def test_every_other_field_error(bot: Bot) -> None:
    await program_with_participant(bot)
    view = await open_case_form(bot)
    reply = await bot.driver.submit(
        ALICE,
        view,
        {
            **CASE,
            CaseField.SUMMARY: "",
            CaseField.QUESTION: " ",
            CaseField.PRESENTING: "",
            CaseField.AGE_BAND: None,
            CaseField.SEX: None,
            CaseField.URGENCY: None,
            CaseField.CONFIRM: [],
            CaseField.PROGRAM: None,
        },
    )
    assert set(reply.errors) == {
        CaseField.SUMMARY,
        CaseField.QUESTION,
        CaseField.PRESENTING,
        CaseField.AGE_BAND,
        CaseField.SEX,
        CaseField.URGENCY,
        CaseField.CONFIRM,
        CaseField.PROGRAM,
    }
    assert "90+" in reply.errors[CaseField.AGE_BAND] and "not for emergencies" in reply.errors[CaseField.URGENCY]
    assert await cases.of_submitter(bot.db.reader, ALICE) == []


async def test_two_specialists_claim_at_once_and_one_wins(bot: Bot) -> None:
    await program_with_participant(bot)
    case_id = await submit_case(bot)
    first, second = await asyncio.gather(
        bot.driver.click(SPECIALIST, Action.CASE_CLAIM, str(case_id), channel=REVIEW_CHANNEL),
        bot.driver.click(SPECIALIST_2, Action.CASE_CLAIM, str(case_id), channel=REVIEW_CHANNEL),
    )
    assert first.status == second.status == 200
    await bot.settle()
    case = await cases.get(bot.db.reader, case_id)
    assert case is not None and case.state is CaseState.IN_REVIEW and case.owner in (SPECIALIST, SPECIALIST_2)
    answers = sorted(r["text"] for r in bot.fake.responses)
    assert answers[0].startswith(f"<@{case.owner}> has already claimed Case #{case_id}")
    assert len(answers) == 1  # the winner is answered by the hub post, updated in place, and its thread
    assert "In review" in blocks_text(hub_message_now(bot)["blocks"])
    thread = [p["text"] for p in bot.fake.posts_to(REVIEW_CHANNEL) if p.get("thread_ts")]
    assert [line for line in thread if "claimed the case" in line] == [thread[-1]]
    assert thread[-1].startswith(f"<@{case.owner}> claimed the case")
    events = await cases.events(bot.db.reader, case_id)
    assert [e.action for e in events] == ["submit", "claim"]


@BOTH_TRANSPORTS
async def test_the_whole_triage_path_with_the_submitters_side(bot: Bot) -> None:
    await program_with_participant(bot)
    case_id = await submit_case(bot)
    assert await click(bot, BOB, Action.CASE_CLAIM, str(case_id)) == (
        "Only Hepatitis C ECHO's specialists and coordinators can triage its cases."
    )
    assert await click(bot, SPECIALIST, Action.CASE_CLOSE, str(case_id)) == (
        f"Case #{case_id} is submitted: that cannot be done now."
    )
    # claimed: no answer of its own; the hub post they clicked on shows it in place, and its thread who did it
    assert await click(bot, SPECIALIST, Action.CASE_CLAIM, str(case_id)) == ""
    assert "In review" in blocks_text(hub_message_now(bot)["blocks"])
    assert bot.fake.posts_to(REVIEW_CHANNEL)[-1]["text"].startswith(f"<@{SPECIALIST}> claimed the case")
    # the presenter's status line says who reviews it; no thread reply repeats that
    assert f"In review* by <@{SPECIALIST}>." in blocks_text(case_message(bot)["blocks"])
    assert case_replies(bot) == []
    # ask for info, with the PHI guard on the question
    reply = await modal_action(
        bot, SPECIALIST, Action.CASE_ASK, case_id, {CaseField.MESSAGE: "Call her at 505-555-0142?"}
    )
    assert "phone number" in reply.errors[CaseField.MESSAGE]
    reply = await modal_action(bot, SPECIALIST, Action.CASE_ASK, case_id, {CaseField.MESSAGE: "Any varices on EGD?"})
    assert reply.text == "" and await state_of(bot, case_id) is CaseState.NEEDS_INFO
    dm = case_replies(bot)[-1]
    assert "asks for more information" in dm["text"] and "Any varices on EGD?" in blocks_text(dm["blocks"])
    assert "Needs info" in blocks_text(case_message(bot)["blocks"])
    # only the submitter may reply; the reply goes to the hub thread and the case returns to review
    assert (
        await click(bot, BOB, Action.CASE_REPLY, str(case_id)) == "Only the person who presented the case can answer."
    )
    await bot.driver.click(ALICE, Action.CASE_REPLY, str(case_id), channel="DALICE0001")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    reply = await bot.driver.submit(ALICE, view, {CaseField.MESSAGE: "Small varices on EGD in 2023, no banding."})
    assert reply.text == ""
    await bot.settle()
    assert await state_of(bot, case_id) is CaseState.IN_REVIEW
    thread = [c.args["text"] for c in bot.fake.calls_to("chat.postMessage") if c.args.get("thread_ts")]
    assert any("Small varices on EGD in 2023" in line for line in thread)
    # schedule into a session with a free slot
    reply = await modal_action(bot, PROGRAM_COORDINATOR, Action.CASE_SCHEDULE, case_id, {CaseField.SESSION: "1"})
    assert reply.text == "" and await state_of(bot, case_id) is CaseState.SCHEDULED
    assert "Scheduled" in blocks_text(hub_message_now(bot)["blocks"])
    # the presenter is told when: the session's time as a date token, with Add to calendar and the join link
    shown = blocks_text(case_message(bot)["blocks"])
    assert "it will be discussed *<!date^1794337200^{date_long_pretty} at {time}|2026-11-10 19:00 UTC>*" in shown
    buttons = [e for b in case_message(bot)["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [e["text"]["text"] for e in buttons] == ["Add to calendar", "Join session"]
    assert buttons[1]["url"] == "https://zoom.example.org/j/123456"
    await bot.driver.click(ALICE, Action.CASE_CALENDAR, buttons[0]["value"], channel="DALICE0001",
                           message=case_message(bot))  # fmt: skip
    await bot.settle()
    assert b"BEGIN:VEVENT" in uploaded(bot) and b"Hepatitis C ECHO" in uploaded(bot)
    assert "Scheduled: it will be discussed <!date^1794337200^" in case_replies(bot)[-1]["text"]
    # the session ends: presented
    from datetime import UTC, datetime

    bot.clock.set(datetime(2026, 11, 10, 20, 1, tzinfo=UTC))
    await bot.runtime.tick()  # type: ignore[union-attr]
    assert await state_of(bot, case_id) is CaseState.PRESENTED
    assert "Presented* <!date^1794337200^" in blocks_text(case_message(bot)["blocks"])
    assert "written recommendations follow" in blocks_text(case_message(bot)["blocks"])
    assert "Scheduled" in case_replies(bot)[-1]["text"]  # the status line says it: no reply repeats it
    # recommendations, guarded, then sent to the submitter by DM
    reply = await modal_action(
        bot,
        SPECIALIST,
        Action.CASE_RECOMMEND,
        case_id,
        {CaseField.RECOMMENDATIONS: "Sofosbuvir/velpatasvir for 12 weeks; repeat HCV RNA at SVR12."},
    )
    assert reply.text == "" and await state_of(bot, case_id) is CaseState.RECOMMENDATIONS_SENT
    dm = case_replies(bot)[-1]
    assert "recommendations" in dm["text"] and "repeat HCV RNA at SVR12" in blocks_text(dm["blocks"])
    assert await click(bot, SPECIALIST, Action.CASE_CLOSE, str(case_id)) == ""
    assert bot.fake.posts_to(REVIEW_CHANNEL)[-1]["text"].startswith(f"<@{SPECIALIST}> closed the case")
    states = [e.to_state for e in await cases.events(bot.db.reader, case_id)]
    assert states == [
        CaseState.SUBMITTED,
        CaseState.IN_REVIEW,
        CaseState.NEEDS_INFO,
        CaseState.IN_REVIEW,
        CaseState.SCHEDULED,
        CaseState.PRESENTED,
        CaseState.RECOMMENDATIONS_SENT,
        CaseState.CLOSED,
    ]
    # one case message, its status updated in place, every change a reply in its thread
    assert "Closed*. Thank you for presenting it." in blocks_text(case_message(bot)["blocks"])
    # the replies that carry something: the question, her answer, the session's time, the recommendations
    assert len(case_replies(bot)) == 4
    assert len([p for p in bot.fake.posts_to(ALICE) if not p.get("thread_ts") and "Case #" in p["text"]]) == 1
    assert bot.fake.calls_to("chat.update")  # the status line changed in place


async def test_decline_and_refused_transitions(bot: Bot) -> None:
    await program_with_participant(bot)
    case_id = await submit_case(bot)
    reply = await modal_action(
        bot, SPECIALIST, Action.CASE_DECLINE, case_id, {CaseField.REASON: "Better suited to Pain ECHO."}
    )
    assert reply.text == "" and await state_of(bot, case_id) is CaseState.DECLINED
    assert "declined" in case_replies(bot)[-1]["text"]
    assert "Better suited to Pain ECHO." in blocks_text(case_replies(bot)[-1]["blocks"])
    for action in (Action.CASE_CLAIM, Action.CASE_CLOSE):
        answer = await click(bot, SPECIALIST, action, str(case_id))
        assert "declined" in answer or "already claimed" in answer
    await bot.driver.click(SPECIALIST, Action.CASE_RECOMMEND, str(case_id), channel=REVIEW_CHANNEL)
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    reply = await bot.driver.submit(SPECIALIST, view, {CaseField.RECOMMENDATIONS: "Too late for this."})
    assert "is declined: that cannot be done now" in str(reply.errors)
    assert await state_of(bot, case_id) is CaseState.DECLINED


async def test_follow_up_some_weeks_after_recommendations_goes_to_the_hub(bot: Bot) -> None:
    await program_with_participant(bot)
    case_id = await submit_case(bot)
    await click(bot, SPECIALIST, Action.CASE_CLAIM, str(case_id))
    await modal_action(bot, SPECIALIST, Action.CASE_RECOMMEND, case_id, {CaseField.RECOMMENDATIONS: "Start Epclusa."})
    bot.clock.advance(timedelta(weeks=4))
    await bot.runtime.tick()  # type: ignore[union-attr]
    followup = bot.fake.posts_to(ALICE)[-1]
    assert "How is the patient" in followup["text"]
    await bot.driver.click(ALICE, f"{Action.FOLLOWUP}:improved", f"{case_id}:improved", channel="DALICE0001")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    reply = await bot.driver.submit(ALICE, view, {CaseField.NOTE: "Seen at her sister Rosa's place."})
    assert "name" in reply.errors[CaseField.NOTE]
    reply = await bot.driver.submit(ALICE, view, {CaseField.NOTE: "HCV RNA undetectable at week 4."})
    assert reply.json["response_action"] == "update"
    await bot.settle()
    case = await cases.get(bot.db.reader, case_id)
    assert case is not None and case.followup_outcome == "improved"
    thread = [c.args["text"] for c in bot.fake.calls_to("chat.postMessage") if c.args.get("thread_ts")]
    assert any("Improved: HCV RNA undetectable at week 4." in line for line in thread)


async def test_retention_removes_clinical_text_but_keeps_the_record(bot: Bot) -> None:
    await program_with_participant(bot)
    case_id = await submit_case(bot)
    await click(bot, SPECIALIST, Action.CASE_CLAIM, str(case_id))
    await click(bot, SPECIALIST, Action.CASE_CLOSE, str(case_id))
    bot.clock.advance(timedelta(days=364))
    await bot.runtime.tick()  # type: ignore[union-attr]
    assert (await cases.get(bot.db.reader, case_id)).summary is not None  # type: ignore[union-attr]
    bot.clock.advance(timedelta(days=2))
    await bot.runtime.tick()  # type: ignore[union-attr]
    case = await cases.get(bot.db.reader, case_id)
    assert case is not None and case.purged_at is not None and case.state is CaseState.CLOSED
    assert all(getattr(case, f) is None for f in ("summary", "question", "presenting_problem", "history",
                                                  "medications", "labs", "tried", "recommendations"))  # fmt: skip
    assert case.age_band == "50–59" and case.program_id == 1
    assert all(e.note is None for e in await cases.events(bot.db.reader, case_id))
    # the hub post's last update (the purge also updates the presenter's DM; the two lanes may finish in any order)
    update = [call for call in bot.fake.calls_to("chat.update") if call.args["channel"] == REVIEW_CHANNEL][-1]
    assert "removed after the retention period" in blocks_text(update.args["blocks"])


async def test_cases_queue_and_reminder_agenda(bot: Bot) -> None:
    await program_with_participant(bot)
    case_id = await submit_case(bot)
    reply = await bot.driver.command(ALICE, "cases")
    assert f"Case #{case_id}" in reply.message_text and "Submitted" in reply.message_text
    reply = await bot.driver.command(ALICE, "queue")
    assert "for the hub's specialists and coordinators" in reply.json["text"]
    reply = await bot.driver.command(SPECIALIST, "queue")
    assert f"*Case #{case_id}*" in reply.message_text and "waiting today" in reply.message_text
    await modal_action(bot, SPECIALIST, Action.CASE_SCHEDULE, case_id, {CaseField.SESSION: "1"})
    row = await outbox.get(bot.db.reader, "session:1:remind:1d")
    assert row is not None
    from datetime import UTC, datetime

    bot.clock.set(datetime(2026, 11, 9, 19, 0, tzinfo=UTC))
    await bot.runtime.tick()  # type: ignore[union-attr]
    reminder = [p for p in bot.fake.posts_to("C0HEPC") if p["text"].startswith("Reminder")][-1]
    shown = blocks_text(reminder["blocks"])
    assert f"Case #{case_id}: 50s woman, HCV genotype 3" in shown and "(Valley Community Clinic)" in shown
    assert "buprenorphine" not in shown  # only the one-line summary and the site
    assert ADMIN


async def test_a_case_with_every_field_at_its_limit_reaches_the_hub(bot: Bot) -> None:
    await program_with_participant(bot)
    long = " ".join(CLEAN_TEXTS[:60])
    texts = {
        CaseField.SUMMARY: long[:150],
        CaseField.QUESTION: long[:500],
        CaseField.PRESENTING: long[:3000],
        CaseField.HISTORY: long[:3000],
        CaseField.MEDICATIONS: long[:2000],
        CaseField.LABS: long[:3000],
        CaseField.TRIED: long[:2000],
    }
    case_id = await submit_case(bot, **texts)
    [post] = hub_posts(bot)
    assert f"Case #{case_id}" in post["text"]
    await click(bot, SPECIALIST, Action.CASE_CLAIM, str(case_id))
    await modal_action(bot, SPECIALIST, Action.CASE_RECOMMEND, case_id, {CaseField.RECOMMENDATIONS: long[:2990]})
    assert [c for c in bot.fake.calls if c.method.startswith("chat.") and not c.ok] == []
    assert await state_of(bot, case_id) is CaseState.RECOMMENDATIONS_SENT


async def test_changing_the_schedule_keeps_sessions_a_case_points_at(bot: Bot) -> None:
    from tests.scenarios import open_program_modal

    await program_with_participant(bot)
    await submit_case(bot, **{CaseField.SESSION: "2"})  # the presenter prefers the second session
    view = await open_program_modal(bot, text="program edit Hepatitis C ECHO")
    reply = await bot.driver.submit(ADMIN, view, {"schedule": "monthly"})
    assert reply.status == 200 and "1 kept as they were" in str(reply.json["view"]["blocks"]), reply.text
    from echobot.storage import sessions

    kept = await sessions.get(bot.db.reader, 2)
    assert kept is not None and kept.status == "scheduled"


async def test_a_cancelled_session_sends_its_cases_back_to_review(bot: Bot) -> None:
    await program_with_participant(bot)
    case_id = await submit_case(bot)
    await modal_action(bot, SPECIALIST, Action.CASE_SCHEDULE, case_id, {CaseField.SESSION: "1"})
    await bot.driver.click(ADMIN, Action.SESSION_MENU, selected="cancel:1")
    await bot.settle()
    await bot.driver.submit(ADMIN, bot.fake.opened_views()[-1], {"reason": "Hub closed for the holiday."})
    await bot.settle()
    case = await cases.get(bot.db.reader, case_id)
    assert case is not None and case.state is CaseState.IN_REVIEW and case.session_id is None
    assert "was cancelled: the hub team will schedule it again" in case_replies(bot)[-1]["text"]
    assert "In review" in blocks_text(case_message(bot)["blocks"])


async def test_retention_also_clears_the_outbox_copies_and_the_slack_messages(bot: Bot) -> None:
    await program_with_participant(bot)
    case_id = await submit_case(bot)
    await click(bot, SPECIALIST, Action.CASE_CLAIM, str(case_id))
    await modal_action(
        bot, SPECIALIST, Action.CASE_RECOMMEND, case_id, {CaseField.RECOMMENDATIONS: "Start Epclusa now."}
    )
    await click(bot, SPECIALIST, Action.CASE_CLOSE, str(case_id))
    bot.clock.advance(timedelta(days=366))
    await bot.runtime.tick()  # type: ignore[union-attr]
    rows = await outbox.by_prefix(bot.db.reader, f"case:{case_id}:")
    assert not any("Epclusa" in (r.message.model_dump_json() if r.message else "") for r in rows)
    for (channel, ts), message in bot.fake.messages.items():
        assert "Epclusa" not in blocks_text(message["blocks"]) + message["text"], (channel, ts)
