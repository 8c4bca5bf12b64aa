"""Logs and the audit trail: a full scenario with every logger at DEBUG leaves no token, no signing secret
and no case or evaluation free text in the log output; every privileged action is in the audit table."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from echobot.clock import FrozenClock
from echobot.ids import Action, CaseField, EvaluationField, SessionField, SessionTool
from echobot.logs import LIBRARY_LOGGERS, configure_logging
from echobot.storage import audit, cases
from tests.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.harness import ADMIN, SIGNING_SECRET, Bot
from tests.scenarios import (
    CASE,
    EVALUATION,
    FIRST_END,
    FIRST_START,
    PROGRAM_CHANNEL,
    REVIEW_CHANNEL,
    at,
    create_program,
    open_program_modal,
    register,
    submit_program,
)

ALICE, BOB, SPECIALIST, HUB_COORDINATOR = "UALICE0001", "UBOB000001", "USPEC00001", "UHUBCOORD1"
LOUD = ("", "echobot", "slack_bolt", "slack_sdk", "aiohttp", "aiosqlite", "apscheduler", "asyncio", "urllib3")

FREE_TEXT = {
    CaseField.SUMMARY: "Quokka-pattern livedo after starting glecaprevir, 40s woman",
    CaseField.QUESTION: "Could the marbled livedo be drug related, or should we stop glecaprevir?",
    CaseField.PRESENTING: "Lacy violaceous mottling over both shins for 10 days, painless, no ulceration.",
    CaseField.HISTORY: "Raynaud phenomenon for years; cryoglobulins never checked.",
    CaseField.MEDICATIONS: "glecaprevir/pibrentasvir 300/120 mg daily since week 0",
    CaseField.LABS: "C4 8 mg/dL, rheumatoid factor 96 IU/mL, creatinine 0.9 mg/dL",
    CaseField.TRIED: "Warm compresses, compression stockings, nothing else.",
}
ASK = "Were cryoglobulins sent before treatment started?"
ANSWER = "Cryoglobulins were positive at a titre reported as weak."
RECOMMENDATIONS = "Finish the course; check cryocrit at SVR12 and refer to rheumatology if purpura appears."
REFUSED = "The patient Mrs. Henrietta Quarles-Bixby, born 03/14/1961, lives at 14 Juniper Way."
EVALUATION_TEXTS = {
    EvaluationField.CHANGE_PLAN: "Order a cryoglobulin panel for every genotype 1 patient with skin findings.",
    EvaluationField.SUGGESTIONS: "A talk on mixed cryoglobulinemic vasculitis would help.",
}
SECRETS = {"bot token": BOT_TOKEN, "app token": APP_TOKEN, "signing secret": SIGNING_SECRET}


def fragments() -> dict[str, str]:
    """What must never be logged: secrets, and a distinctive slice of every free text typed."""
    typed = {str(field): text for field, text in FREE_TEXT.items()}
    typed |= {"ask for info": ASK, "answer": ANSWER, "recommendations": RECOMMENDATIONS, "refused text": REFUSED}
    typed |= {str(field): text for field, text in EVALUATION_TEXTS.items()}
    found = dict(SECRETS)
    for name, text in typed.items():
        found[name] = text[8:40]
        found[name + " (start)"] = text[:24]
    return found


class Everything(logging.Handler):
    """Keeps every record as it would be written, exception text included, with no filter of its own."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def logs(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[io.StringIO, Everything]]:
    """echobot's own logging set-up at DEBUG (writing to a buffer instead of stderr), then every library logger
    turned up to DEBUG as well; beside it, a handler that keeps every record raw."""
    root = logging.getLogger()
    names = {name for name in (*LOUD, *LIBRARY_LOGGERS) if name}
    saved = root.handlers[:], root.level, {name: logging.getLogger(name).level for name in names}
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    configure_logging("DEBUG", [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET])
    raw = Everything()
    root.handlers.insert(0, raw)  # first: it sees each record before echobot's filter rewrites it
    for name in (*LOUD, *LIBRARY_LOGGERS):
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield stream, raw
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


async def full_scenario(bot: Bot) -> int:
    """Everything echobot does, the failures included; returns the case id."""
    await create_program(bot)
    view = await open_program_modal(bot, text="program edit Hepatitis C ECHO")
    assert (await submit_program(bot, ADMIN, view, {"case_slots": "3"})).text == ""
    await bot.driver.command(ADMIN, f"coordinator add <@{HUB_COORDINATOR}>")
    await bot.driver.command(ADMIN, f"coordinator remove <@{HUB_COORDINATOR}>")
    await register(bot, ALICE)
    await register(bot, BOB, **{"name": "Bob Ortiz", "credential": "MD"})
    for user in (ALICE, BOB):
        await bot.driver.command(user, "join Hepatitis C ECHO")
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    form = bot.fake.opened_views()[-1]
    refused = await bot.driver.submit(ALICE, form, {**CASE, CaseField.HISTORY: REFUSED})
    assert CaseField.HISTORY in refused.errors
    bot.fake.fail("chat.postMessage", status=500, times=2)  # the hub post is retried: errors are logged
    assert (await bot.driver.submit(ALICE, form, {**CASE, **FREE_TEXT})).text == ""
    await bot.settle()
    assert bot.runtime is not None
    bot.clock.set(bot.clock.now() + timedelta(minutes=5))
    await bot.runtime.tick()
    [case] = await cases.of_submitter(bot.db.reader, ALICE)
    await bot.driver.click(SPECIALIST, Action.CASE_CLAIM, str(case.id), channel=REVIEW_CHANNEL)
    steps = [
        (SPECIALIST, Action.CASE_ASK, {CaseField.MESSAGE: ASK}),
        (ALICE, Action.CASE_REPLY, {CaseField.MESSAGE: ANSWER}),
        (SPECIALIST, Action.CASE_RECOMMEND, {CaseField.RECOMMENDATIONS: RECOMMENDATIONS}),
    ]
    for user, action, values in steps:
        await bot.driver.click(user, action, str(case.id), channel=REVIEW_CHANNEL)
        await bot.settle()
        assert (await bot.driver.submit(user, bot.fake.opened_views()[-1], values)).text == "", action
    bot.fake.fail("chat.postMessage", error="invalid_blocks")  # one message given up on: logged as an error
    await bot.settle()
    # the session: code, check-in, an attendance change, the end, evaluations
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    await bot.driver.click(ADMIN, Action.SESSION_TOOLS, selected=f"{SessionTool.CODE}:1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert (await bot.driver.submit(ADMIN, bot.fake.opened_views()[-1], {SessionField.CODE: "LIVER42"})).text == ""
    await bot.driver.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL)
    await bot.driver.command(ADMIN, "attendance")
    await bot.settle()
    picked = await bot.driver.submit(ADMIN, bot.fake.opened_views()[-1], {SessionField.SESSION: "1"})
    edit = {**picked.json["view"], "id": "VATTEND001"}
    await bot.driver.submit(
        ADMIN, edit, {SessionField.ADD: [BOB], SessionField.REASON: "In the Zoom attendance report"}
    )
    await at(bot, FIRST_END + timedelta(minutes=1))
    for user in (ALICE, BOB):
        await bot.driver.click(user, Action.EVALUATE, "1", channel="D" + user[1:])
        await bot.settle()
        reply = await bot.driver.submit(
            user, bot.fake.opened_views()[-1], {**EVALUATION, **EVALUATION_TEXTS, EvaluationField.CODE: "liver42"}
        )
        assert reply.text == "", reply.text
    await bot.driver.command(ADMIN, "credit-type CHW Community health worker hours")
    for kind in ("credits", "attendance", "cases", "evaluations"):
        await bot.driver.command(ADMIN, f"export {kind}")
    await bot.driver.event({"type": "app_home_opened", "user": ALICE, "tab": "home", "event_ts": "1"})
    # requests echobot does not serve, carrying case text: a click it has no listener for, a forged signature
    unhandled = await bot.driver.click(ALICE, "no_such_action", FREE_TEXT[CaseField.HISTORY])
    assert unhandled.status == 200  # acknowledged and ignored by the fallback listener (handlers/fallback.py)
    forged = "payload=" + FREE_TEXT[CaseField.PRESENTING]
    bad = {"X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=00"}
    refused = await bot.driver.send(forged, "application/x-www-form-urlencoded", sign=False, headers=bad)
    assert refused.status == 401
    await bot.settle()
    return int(case.id)


async def test_no_secret_or_free_text_reaches_the_logs(
    tmp_path: Path, fake_slack: FakeSlack, clock: FrozenClock, logs: tuple[io.StringIO, Everything]
) -> None:
    stream, raw = logs
    bot = await Bot(tmp_path / "echobot.db", fake_slack, clock, SLACK_APP_TOKEN=APP_TOKEN).start()
    try:
        await full_scenario(bot)
    finally:
        await bot.stop()
    written = stream.getvalue()
    everything = "\n".join(raw.lines)
    assert "Sending a request" in everything and "outbox" in written  # the capture works, failures were logged
    leaks = {name: text for name, text in fragments().items() if text in written}
    assert leaks == {}, f"in echobot's log output: {leaks}"
    own = "\n".join(line for line in raw.lines if line.split(" ", 2)[1].startswith("echobot"))
    leaks = {name: text for name, text in fragments().items() if text in own}
    assert leaks == {}, f"logged by echobot itself: {leaks}"


async def test_privileged_actions_are_audited_with_who_and_when(bot: Bot) -> None:
    case_id = await full_scenario(bot)
    entries = await audit.recent(bot.db.reader, limit=500)
    done = {(e.actor, e.action) for e in entries}
    expected = {
        (ADMIN, "program.create"), (ADMIN, "program.edit"), (ADMIN, "coordinator.add"),
        (ADMIN, "coordinator.remove"), (ADMIN, "session.code"), (ADMIN, "attendance.adjust"),
        (SPECIALIST, "case.claim"), (SPECIALIST, "case.ask_info"), (SPECIALIST, "case.recommend"),
        (ADMIN, "credit.type"), (ADMIN, "export.credits"), (ADMIN, "export.attendance"), (ADMIN, "export.cases"),
        (ADMIN, "export.evaluations"),
    }  # fmt: skip
    assert expected <= done, expected - done
    triage = [e for e in entries if e.action.startswith("case.")]
    assert {e.subject for e in triage} == {f"case:{case_id}"}
    assert all(e.at is not None for e in entries)
    # the audit log keeps who did what, never what the case says
    for entry in entries:
        text = f"{entry.subject} {entry.detail}"
        assert not [name for name, fragment in fragments().items() if fragment in text], entry
