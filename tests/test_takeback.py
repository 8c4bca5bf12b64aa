"""Taking back what slipped through the PHI guard (issue 18), end to end: "Report identifiers" on the hub post,
its thread and the presenter's DMs, and the note to someone whose reply in a case thread looked like PHI."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from echobot.ids import Action, CaseField
from echobot.models import CaseState, OutboxState
from echobot.storage import audit, cases, outbox
from tests.harness import BOTH_TRANSPORTS, Bot
from tests.scenarios import ALICE, REVIEW_CHANNEL, SPECIALIST, SPECIALIST_2, program_with_participant, register
from tests.slack_driver import blocks_text
from tests.test_cases import hub_message_now, modal_action, submit_case

BOB = "UBOB000001"
COORDINATOR = "UPCOORD001"
# What the case and its history hold (tests.scenarios.CASE, and what the hub and Alice write below).
CASE_WORDS = ("genotype 3", "sofosbuvir", "buprenorphine", "FIB-4", "insurance approval")
NOTE_WORDS = ("Tenofovir", "Child-Pugh")
PLACEHOLDER = "someone reported patient identifiers"


async def a_case_with_history(bot: Bot) -> int:
    """A case claimed, asked about, answered and scheduled: text in the hub post, its thread and Alice's DMs."""
    await program_with_participant(bot)
    case_id = await submit_case(bot)
    await bot.driver.click(SPECIALIST, Action.CASE_CLAIM, str(case_id), channel=REVIEW_CHANNEL)
    await bot.settle()
    await modal_action(bot, SPECIALIST, Action.CASE_ASK, case_id,
                       {CaseField.MESSAGE: "Tenofovir before? Child-Pugh class?"})  # fmt: skip
    await bot.driver.click(ALICE, Action.CASE_REPLY, str(case_id), channel="DALICE0001")
    await bot.settle()
    await bot.driver.submit(ALICE, bot.fake.opened_views()[-1], {CaseField.MESSAGE: "No Tenofovir; Child-Pugh A."})
    await bot.settle()
    return case_id


def everything_in_slack(bot: Bot) -> str:
    return "\n".join(blocks_text(m["blocks"]) + m["text"] for m in bot.fake.messages.values())


async def report(bot: Bot, user: str, case_id: int, channel: str = REVIEW_CHANNEL) -> str:
    before = len(bot.fake.responses)
    await bot.driver.click(user, Action.CASE_REPORT, str(case_id), channel=channel)
    await bot.settle()
    answers = bot.fake.responses[before:]
    assert len(answers) == 1, answers
    assert answers[0].get("response_type") == "ephemeral"
    return str(answers[0]["text"])


async def assert_taken_back(bot: Bot, case_id: int, state: CaseState) -> None:
    """Nothing of the case's text is left in Slack, the outbox or the database; the record stays."""
    shown = everything_in_slack(bot)
    for word in CASE_WORDS + NOTE_WORDS:
        assert word not in shown, word
    rows = await outbox.by_prefix(bot.db.reader, f"case:{case_id}:")
    stored = " ".join(r.message.model_dump_json() for r in rows if r.message)
    assert not any(word in stored for word in CASE_WORDS + NOTE_WORDS)
    unsent = [(r.key, r.state, r.last_error) for r in rows if r.state is not OutboxState.SENT
              and not (r.state is OutboxState.PENDING and r.due_at > bot.clock.now())]  # the follow-up, weeks away
    assert unsent == []
    case = await cases.get(bot.db.reader, case_id)
    assert case is not None and case.reported_at is not None and case.state is state and not case.holds_text
    assert case.age_band == "50–59" and case.program_id == 1 and case.submitted_at is not None
    events = await cases.events(bot.db.reader, case_id)
    assert all(e.note is None for e in events) and events[-1].action == "takeback"
    hub = hub_message_now(bot)
    assert PLACEHOLDER in blocks_text(hub["blocks"]) and f"Case #{case_id}" in blocks_text(hub["blocks"])
    assert "Report identifiers" not in str(hub["blocks"])  # nothing left to report


@BOTH_TRANSPORTS
async def test_a_specialist_reports_identifiers_and_the_text_goes_everywhere(bot: Bot) -> None:
    case_id = await a_case_with_history(bot)
    hub = hub_message_now(bot)
    button = next(b["accessory"] for b in hub["blocks"] if b.get("accessory", {}).get("action_id") ==
                  Action.CASE_REPORT)  # fmt: skip
    assert button["confirm"]["confirm"]["text"] == "Remove the text" and "cannot be undone" in str(button["confirm"])
    dms = bot.fake.posts_to(ALICE)
    top = [dm for dm in dms if "Case #" in dm["text"] and not dm.get("thread_ts")]  # her one case message
    assert top and all(Action.CASE_REPORT in str(dm["blocks"]) for dm in top)
    assert any(Action.CASE_REPORT in str(dm["blocks"]) for dm in dms if dm.get("thread_ts"))  # the hub's words
    threads = [c.args for c in bot.fake.calls_to("chat.postMessage") if c.args.get("thread_ts")]
    assert any(Action.CASE_REPORT in str(line["blocks"]) for line in threads)  # lines with words can be reported
    assert "Tenofovir" in everything_in_slack(bot)

    answer = await report(bot, SPECIALIST, case_id)
    assert answer.startswith(f"Done: the clinical text of Case #{case_id} is being removed")
    await assert_taken_back(bot, case_id, CaseState.IN_REVIEW)
    updated = {c.args["ts"] for c in bot.fake.calls_to("chat.update")}
    assert len(updated) >= len([d for d in dms if "Case #" in d["text"]]) + 3  # DMs, thread lines, hub post
    # the hub thread is told who reported it; Alice is told, with a way to present it again
    thread_now = [c.args for c in bot.fake.calls_to("chat.postMessage") if c.args.get("thread_ts")]
    assert f"<@{SPECIALIST}> reported patient identifiers in this case" in thread_now[-1]["text"]
    told = bot.fake.posts_to(ALICE)[-1]
    assert f"<@{SPECIALIST}> reported patient identifiers in *Case #{case_id}*" in blocks_text(told["blocks"])
    [again] = [e for b in told["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert again["text"]["text"] == "Present it again, de-identified" and again["action_id"] == Action.OPEN_CASE
    await bot.driver.click(ALICE, Action.OPEN_CASE, again["value"], channel="DALICE0001")
    await bot.settle()
    assert bot.fake.opened_views()[-1]["callback_id"] == "case"
    [line] = await audit.recent(bot.db.reader, action_prefix="case.takeback")
    assert (line.actor, line.subject, line.detail) == (SPECIALIST, f"case:{case_id}",
                                                      {"program": 1, "state": "in_review"})  # fmt: skip
    # the case keeps its place: the hub can still act on it
    assert "Decline" in str(hub_message_now(bot)["blocks"])


async def test_the_presenter_reports_from_a_direct_message(bot: Bot) -> None:
    case_id = await a_case_with_history(bot)
    answer = await report(bot, ALICE, case_id, channel="DALICE0001")
    assert answer.startswith("Done:")
    await assert_taken_back(bot, case_id, CaseState.IN_REVIEW)
    told = bot.fake.posts_to(ALICE)[-1]
    assert f"You reported patient identifiers in *Case #{case_id}*" in blocks_text(told["blocks"])


async def test_others_are_refused_and_nothing_changes(bot: Bot) -> None:
    case_id = await a_case_with_history(bot)
    await register(bot, BOB)
    await bot.driver.command(BOB, "join Hepatitis C ECHO")
    updates = len(bot.fake.calls_to("chat.update"))
    for outsider in (BOB, "UNOBODY001"):
        answer = await report(bot, outsider, case_id)
        assert answer.startswith("Only Hepatitis C ECHO's specialists and coordinators, and the person who "
                                 "presented the case, can report identifiers")  # fmt: skip
    assert len(bot.fake.calls_to("chat.update")) == updates
    case = await cases.get(bot.db.reader, case_id)
    assert case is not None and case.summary and case.reported_at is None
    assert await audit.recent(bot.db.reader, action_prefix="case.takeback") == []
    assert await report(bot, SPECIALIST, 999) == "That case no longer exists."
    # a program coordinator may
    assert (await report(bot, COORDINATOR, case_id)).startswith("Done:")


async def test_a_double_click_removes_once(bot: Bot) -> None:
    case_id = await a_case_with_history(bot)
    before = len(bot.fake.responses)
    await asyncio.gather(*(bot.driver.click(user, Action.CASE_REPORT, str(case_id), channel=REVIEW_CHANNEL)
                           for user in (SPECIALIST, SPECIALIST, SPECIALIST_2)))  # fmt: skip
    await bot.settle()
    answers = sorted(str(r["text"]) for r in bot.fake.responses[before:])
    assert [a[:5] for a in answers] == ["Done:", "The c", "The c"], answers
    assert "was already removed" in answers[1]
    await assert_taken_back(bot, case_id, CaseState.IN_REVIEW)
    assert len(await audit.recent(bot.db.reader, action_prefix="case.takeback")) == 1
    assert [e.action for e in await cases.events(bot.db.reader, case_id)].count("takeback") == 1
    assert sum("reported patient identifiers" in p["text"] for p in bot.fake.posts_to(ALICE)) == 1


async def test_text_written_after_a_report_can_be_reported_again(bot: Bot) -> None:
    case_id = await a_case_with_history(bot)
    await report(bot, SPECIALIST, case_id)
    await modal_action(bot, SPECIALIST, Action.CASE_RECOMMEND, case_id,
                       {CaseField.RECOMMENDATIONS: "Start Epclusa for 12 weeks."})  # fmt: skip
    assert "Epclusa" in everything_in_slack(bot) and "Report identifiers" in str(hub_message_now(bot)["blocks"])
    assert (await report(bot, SPECIALIST, case_id)).startswith("Done:")
    assert "Epclusa" not in everything_in_slack(bot)
    await assert_taken_back(bot, case_id, CaseState.RECOMMENDATIONS_SENT)


async def test_a_crash_half_way_through_sending_leaves_nothing_behind(bot: Bot) -> None:
    """The removal commits as one transaction; the process dies while its Slack updates are going out (one
    sent, one in flight); after the restart every update is sent and nothing is sent twice."""
    case_id = await a_case_with_history(bot)
    await bot.driver.click(SPECIALIST, Action.CASE_REPORT, str(case_id), channel=REVIEW_CHANNEL)
    await bot.runtime.inflight.wait_idle(10)  # type: ignore[union-attr]  # committed; nothing sent yet
    assert "Tenofovir" in everything_in_slack(bot)
    async with bot.db.transaction() as tx:
        first = await outbox.claim_head(tx, REVIEW_CHANNEL, bot.clock.now())
    assert first is not None
    await bot.runtime.dispatcher._deliver(first)  # type: ignore[union-attr]  # sent and recorded
    async with bot.db.transaction() as tx:
        in_flight = await outbox.claim_head(tx, "UALICE0001", bot.clock.now())
    assert in_flight is not None  # claimed: 'sending' when the process dies
    await bot.restart()
    await bot.settle()
    await assert_taken_back(bot, case_id, CaseState.IN_REVIEW)
    told = [p for p in bot.fake.posts_to(ALICE) if "reported patient identifiers" in p["text"]]
    notices = [c for c in bot.fake.calls_to("chat.postMessage") if "reported patient identifiers in this case"
               in c.args.get("text", "")]  # fmt: skip
    assert len(told) == 1 and len(notices) == 1


# ---- replies people type in case threads -------------------------------------------------------------------


def hub_ts(bot: Bot) -> str:
    call = next(c for c in bot.fake.calls_to("chat.postMessage")
                if c.args.get("channel") == REVIEW_CHANNEL and not c.args.get("thread_ts"))  # fmt: skip
    return str(call.response["ts"])


def reply_event(text: str, thread_ts: str | None, ts: str, user: str = SPECIALIST_2, **extra: Any) -> dict[str, Any]:
    event = {"type": "message", "channel": REVIEW_CHANNEL, "user": user, "text": text, "ts": ts,
             "channel_type": "group", **extra}  # fmt: skip
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


async def flagged_today(bot: Bot) -> int:
    return int(await bot.db.reader.scalar("SELECT coalesce(sum(count), 0) FROM reply_flags"))


async def test_a_reply_in_a_case_thread_that_looks_like_phi_gets_a_note(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await program_with_participant(bot)
    await submit_case(bot)
    thread = hub_ts(bot)
    secret = "Called her at (505) 555-0142, Mrs. Begay says she is better"
    reply = await bot.driver.event(reply_event(secret, thread, "1800000000.000100"), event_id="EvREPLY1")
    assert reply.status == 200
    await bot.driver.event(reply_event(secret, thread, "1800000000.000100"), event_id="EvREPLY1", retry_num=1)
    await bot.settle()
    [note] = bot.fake.ephemerals_to(SPECIALIST_2)
    assert note["channel"] == REVIEW_CHANNEL and note["thread_ts"] == thread
    assert "looks like a phone number" in note["text"] and "person's name" in note["text"]
    assert "edit it or delete it" in note["text"] and "555-0142" not in note["text"] and "Begay" not in note["text"]
    assert await flagged_today(bot) == 1

    # an edit that still holds it: noted again, counted once; an edit that removes it: nothing
    edited = {"type": "message", "subtype": "message_changed", "channel": REVIEW_CHANNEL, "hidden": True,
              "message": {**reply_event(secret.replace("(505)", "505"), thread, "1800000000.000100"),
                          "edited": {"user": SPECIALIST_2, "ts": "1800000050.000000"}}}  # fmt: skip
    await bot.driver.event(edited)
    clean_edit = {**edited, "message": {**edited["message"], "text": "She is better.",
                                        "edited": {"ts": "1800000090.000000"}}}  # fmt: skip
    await bot.driver.event(clean_edit)
    await bot.settle()
    assert len(bot.fake.ephemerals_to(SPECIALIST_2)) == 2 and await flagged_today(bot) == 1

    # left alone: clean replies, messages outside threads, threads that are not a case's, bots, echobot's edits
    await bot.driver.event(reply_event("Agree: 12 weeks of Epclusa, per Dr. Patel.", thread, "1800000000.000200"))
    await bot.driver.event(reply_event(secret, None, "1800000000.000300"))
    await bot.driver.event(reply_event(secret, "1700000000.999999", "1800000000.000400"))
    await bot.driver.event(reply_event(secret, thread, "1800000000.000500", bot_id="B0OTHER", subtype="bot_message"))
    await bot.driver.event({"type": "message", "subtype": "message_changed", "channel": REVIEW_CHANNEL,
                            "message": {**reply_event(secret, thread, thread, user="U0ECHOBOT"), "bot_id": "B0ECHO",
                                        "edited": {"ts": "1800000100.000000"}}})  # fmt: skip
    await bot.settle()
    assert len(bot.fake.ephemerals_to(SPECIALIST_2)) == 2 and await flagged_today(bot) == 1
    # nothing of the text is kept or logged
    assert "555-0142" not in caplog.text and "Begay" not in caplog.text
    rows = await bot.db.reader.fetchall("SELECT payload FROM outbox")
    assert not any("555-0142" in row[0] or "Begay" in row[0] for row in rows)

    # the coordinators see the count in the digest
    await bot.driver.command(COORDINATOR, "digest Hepatitis C ECHO")
    await bot.settle()
    digest = next(p for p in bot.fake.posts_to(COORDINATOR) if "digest" in p["text"])
    assert "1 reply in case threads looked like it held identifiers" in blocks_text(digest["blocks"])
