"""Replaying every kind of Slack request, concurrently, and counting what came out twice.

Shared by tests/test_replays.py (a few hundred replays) and bench/replays.py (a thousand or more).
A request is built once by a capturing SlackDriver (exactly what the real driver sends) and then
sent `copies` times at once with asyncio.gather: identical signed bodies, as a network or an attacker
repeats them. Double clicks and resent submissions (the same button or modal, new trigger ids) are
sent the same way. Afterwards `duplicates()` looks for anything that exists twice: Slack posts by
outbox key, modals by trigger, response_url answers, ephemeral messages, and in the database
registrations, cases, claims, attendance changes, evaluations, credits and audit entries.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from echobot.ids import Action, Callback, CaseField, EvaluationField, ProgramField, SessionField, SessionTool
from tests.harness import ADMIN, Bot
from tests.scenarios import CASE, PROGRAM, PROGRAM_CHANNEL, PROVIDER, REVIEW_CHANNEL, add_channels
from tests.slack_driver import Reply, SlackDriver

ALICE, BOB, SPECIALIST = "UALICE0001", "UBOB000001", "USPEC00001"
FIRST_START = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)
EVALUATION = {
    EvaluationField.OVERALL: "5",
    EvaluationField.RELEVANCE: "4",
    EvaluationField.OBJECTIVES: "yes",
    EvaluationField.INTENT: "no",
    EvaluationField.BIAS_FREE: "yes",
    EvaluationField.CREDIT: "1",
    EvaluationField.ATTEST: ["yes"],
    EvaluationField.CODE: "LIVER42",
}
_capture_ids = itertools.count(1)


@dataclass
class Captured:
    body: str
    content_type: str
    headers: dict[str, str] | None


class CapturingDriver(SlackDriver):
    """Builds requests as the real driver does, without sending them."""

    def __init__(self, driver: SlackDriver) -> None:
        super().__init__(driver.app_url, "unused", driver.fake)
        self.captured: Captured | None = None

    def trigger(self) -> str:
        return f"r{next(_capture_ids)}.{int(time.time())}.trigger"

    async def send(
        self, body: str, content_type: str, *, headers: dict[str, str] | None = None, sign: bool = True
    ) -> Reply:
        self.captured = Captured(body, content_type, headers)
        return Reply(200, "")


Build = Callable[[SlackDriver], Awaitable[Reply]]


@dataclass
class Tally:
    """Replays sent, and whether every copy of a request got the same answer."""

    sent: int = 0
    requests: int = 0
    differing_answers: list[str] = field(default_factory=list)
    seen_twice: Counter[str] = field(default_factory=Counter)  # duplicates seen while replaying


class Replayer:
    def __init__(self, bot: Bot, copies: int) -> None:
        self.bot = bot
        self.copies = copies
        self.tally = Tally()

    async def identical(self, label: str, build: Build, *, retry_headers: bool = False) -> Reply:
        """Send one request `copies` times at once (events: with X-Slack-Retry-Num 1, 2, ...)."""
        capturing = CapturingDriver(self.bot.driver)
        await build(capturing)
        captured = capturing.captured
        assert captured is not None

        def headers(n: int) -> dict[str, str] | None:
            if retry_headers and n:
                return {"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"}
            return captured.headers

        send = self.bot.driver.send
        replies = await asyncio.gather(
            *(send(captured.body, captured.content_type, headers=headers(n)) for n in range(self.copies))
        )
        self.tally.requests += 1
        self.tally.sent += self.copies - 1
        if len({(r.status, r.text) for r in replies}) != 1:
            self.tally.differing_answers.append(label)
        await self.bot.settle()
        return replies[0]

    async def repeated(self, build: Build) -> list[Reply]:
        """The same click or submission `copies` times at once, each a new Slack request (double clicks)."""
        replies = await asyncio.gather(*(build(self.bot.driver) for _ in range(self.copies)))
        self.tally.requests += 1
        self.tally.sent += self.copies - 1
        await self.bot.settle()
        return list(replies)

    def last_view(self, callback_id: str) -> dict[str, Any]:
        view = self.bot.fake.opened_views()[-1]
        assert view["callback_id"] == callback_id, view["callback_id"]
        return view


async def at(bot: Bot, moment: datetime) -> None:
    bot.clock.set(moment)
    assert bot.runtime is not None
    await bot.runtime.tick()


async def run_scenario(bot: Bot, copies: int) -> Tally:
    """Every inbound kind, each replayed `copies` times at once, through a program's whole life."""
    r = Replayer(bot, copies)
    add_channels(bot)
    program_view: dict[str, Any] = {}

    # a coordinator sets up the program
    await r.identical("command program new", lambda d: d.command(ADMIN, "program new", channel=PROGRAM_CHANNEL))
    program_view = r.last_view(Callback.PROGRAM_VIEW)
    reply = await r.identical("program view", lambda d: d.submit(ADMIN, program_view, PROGRAM))
    assert reply.json.get("response_action") == "update", reply.text  # the set-up summary, in the form's place
    await r.repeated(lambda d: d.submit(ADMIN, program_view, PROGRAM))

    # providers register (command, modal, resent modal) and join
    for user, name in ((ALICE, "Alice Moreno"), (BOB, "Bob Ortiz")):
        await r.identical("command register", lambda d, u=user: d.command(u, "register"))  # type: ignore[misc]
        view = r.last_view(Callback.REGISTER_VIEW)
        values = {**PROVIDER, "name": name}
        reply = await r.identical("registration view", lambda d, u=user, v=view, x=values: d.submit(u, v, x))  # type: ignore[misc]
        assert reply.json.get("response_action") == "update", reply.text  # the welcome, in the form's place
        await r.repeated(lambda d, u=user, v=view, x=values: d.submit(u, v, x))  # type: ignore[misc]
        await r.identical("command join", lambda d, u=user: d.command(u, "join Hepatitis C ECHO"))  # type: ignore[misc]

    # a case: the command, the modal, the modal resent
    await r.identical("command case", lambda d: d.command(ALICE, "case"))
    case_view = r.last_view(Callback.CASE_VIEW)
    reply = await r.identical("case view", lambda d: d.submit(ALICE, case_view, CASE))
    assert reply.text == "", reply.text
    await r.repeated(lambda d: d.submit(ALICE, case_view, CASE))
    case_id = "1"

    # triage: Claim (replayed and double-clicked), Schedule (button and modal)
    await r.identical("claim", lambda d: d.click(SPECIALIST, Action.CASE_CLAIM, case_id, channel=REVIEW_CHANNEL))
    await r.repeated(lambda d: d.click(SPECIALIST, Action.CASE_CLAIM, case_id, channel=REVIEW_CHANNEL))
    await r.identical("schedule", lambda d: d.click(SPECIALIST, Action.CASE_SCHEDULE, case_id, channel=REVIEW_CHANNEL))
    schedule_view = r.last_view(Callback.CASE_ACTION_VIEW)
    reply = await r.identical("schedule view", lambda d: d.submit(SPECIALIST, schedule_view, {CaseField.SESSION: "1"}))
    assert reply.text == "", reply.text
    await r.repeated(lambda d: d.submit(SPECIALIST, schedule_view, {CaseField.SESSION: "1"}))
    await r.identical("ask", lambda d: d.click(SPECIALIST, Action.CASE_ASK, case_id, channel=REVIEW_CHANNEL))
    ask_view = r.last_view(Callback.CASE_ACTION_VIEW)
    ask = {CaseField.MESSAGE: "Which genotype assay was used, and is there a recent ultrasound?"}
    reply = await r.identical("ask view", lambda d: d.submit(SPECIALIST, ask_view, ask))
    assert reply.text == "", reply.text
    await r.repeated(lambda d: d.submit(SPECIALIST, ask_view, ask))

    # the coordinator edits the program and the session
    settings = "program settings Hepatitis C ECHO"
    await r.identical("command program settings", lambda d: d.command(ADMIN, settings, channel=PROGRAM_CHANNEL))
    edit_view = r.last_view(Callback.PROGRAM_SETTINGS_VIEW)
    more_slots = {ProgramField.CASE_SLOTS: "3"}  # a real change, so the edit is audited (once)
    reply = await r.identical("program settings view", lambda d: d.submit(ADMIN, edit_view, more_slots))
    assert reply.text == "", reply.text
    await r.repeated(lambda d: d.submit(ADMIN, edit_view, more_slots))
    await r.identical("session menu",
                      lambda d: d.click(ADMIN, Action.SESSION_MENU, selected=f"{SessionTool.EDIT}:1"))  # fmt: skip
    session_view = r.last_view(Callback.SESSION_EDIT_VIEW)
    topic = {SessionField.TOPIC: "DAA regimens in 2026", SessionField.PRESENTER: "Dr. Lee"}
    reply = await r.identical("session edit view", lambda d: d.submit(ADMIN, session_view, topic))
    assert reply.text == "", reply.text
    await r.repeated(lambda d: d.submit(ADMIN, session_view, topic))

    # the session: check in, the attendance code, attendance changes
    await at(bot, FIRST_START + timedelta(minutes=5))
    await r.identical("check in", lambda d: d.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL))
    await r.repeated(lambda d: d.click(ALICE, Action.CHECK_IN, "1", channel=PROGRAM_CHANNEL))
    await r.identical("session tools",
                      lambda d: d.click(ADMIN, Action.SESSION_TOOLS, selected=f"{SessionTool.CODE}:1",
                                        channel=PROGRAM_CHANNEL))  # fmt: skip
    code_view = r.last_view(Callback.ATTENDANCE_CODE_VIEW)
    await r.identical("code view", lambda d: d.submit(ADMIN, code_view, {SessionField.CODE: "LIVER42"}))
    await r.repeated(lambda d: d.submit(ADMIN, code_view, {SessionField.CODE: "LIVER42"}))
    await r.identical("command attendance", lambda d: d.command(ADMIN, "attendance"))
    pick = r.last_view(Callback.ATTENDANCE_PICK_VIEW)
    reply = await r.identical("attendance pick view", lambda d: d.submit(ADMIN, pick, {SessionField.SESSION: "1"}))
    attendance_view = {**reply.json["view"], "id": pick["id"]}  # response_action=update keeps the view id
    change = {SessionField.ADD: [BOB], SessionField.REMOVE: [], SessionField.REASON: "Zoom report"}
    reply = await r.identical("attendance view", lambda d: d.submit(ADMIN, attendance_view, change))
    assert reply.json.get("response_action") == "update", reply.text
    await r.repeated(lambda d: d.submit(ADMIN, attendance_view, change))

    # the session ends; Alice evaluates (button, modal, modal resent)
    await at(bot, FIRST_START + timedelta(hours=1, minutes=1))
    await r.identical("evaluate", lambda d: d.click(ALICE, Action.EVALUATE, "1", channel="DALICE0001"))
    evaluation_view = r.last_view(Callback.EVALUATION_VIEW)
    reply = await r.identical("evaluation view", lambda d: d.submit(ALICE, evaluation_view, EVALUATION))
    assert reply.text == "", reply.text
    await r.repeated(lambda d: d.submit(ALICE, evaluation_view, EVALUATION))
    await r.repeated(lambda d: d.click(ALICE, Action.EVALUATE, "1", channel="DALICE0001"))

    # App Home, delivered and retried by Slack
    event = {"type": "app_home_opened", "user": ALICE, "channel": "DALICE0001", "tab": "home"}
    before = len(bot.fake.calls_to("views.publish"))
    await r.identical("home event", lambda d: d.event(event, event_id="EvHOME0001"), retry_headers=True)
    await bot.settle()
    if (published := len(bot.fake.calls_to("views.publish")) - before) > 1:
        r.tally.seen_twice["home published"] += published - 1
    return r.tally


async def duplicates(bot: Bot) -> Counter[str]:
    """Everything that exists more than once and should not, by kind."""
    found: Counter[str] = Counter()
    fake = bot.fake
    # a post and a chat.update of it are expected; two posts of one outbox row, or of one text, are not

    def extra(counter: Counter[Any], kind: str) -> None:
        for _, n in counter.items():
            if n > 1:
                found[kind] += n - 1

    posts = fake.calls_to("chat.postMessage")
    extra(Counter(((c.args.get("metadata") or {}).get("event_payload") or {}).get("key") or
                  (c.args.get("channel"), c.args.get("text")) for c in posts), "slack post")  # fmt: skip
    extra(Counter((c.response.get("channel"), c.args.get("thread_ts"), c.args.get("text")) for c in posts),
          "slack post (same text)")  # fmt: skip
    extra(Counter(str(c.args.get("trigger_id")) for c in fake.calls_to("views.open")), "modal opened")
    extra(Counter(fake.response_urls), "response_url answer")
    extra(Counter((c.args.get("channel"), c.args.get("user"), c.args.get("text"))
                  for c in fake.calls_to("chat.postEphemeral")), "ephemeral message")  # fmt: skip
    db = bot.db.reader

    async def rows(sql: str) -> Counter[tuple[Any, ...]]:
        return Counter(tuple(row) for row in await db.fetchall(sql))

    extra(await rows("SELECT actor, action, subject, detail FROM audit_log"), "audit entry")
    extra(await rows("SELECT case_id, actor, action, from_state, to_state FROM case_events"), "case event")
    extra(await rows("SELECT submitter, summary FROM cases"), "case")
    extra(await rows("SELECT name FROM programs"), "program")
    extra(await rows("SELECT session_id, user_id FROM evaluations"), "evaluation")
    extra(await rows("SELECT session_id, user_id FROM credits"), "credit")
    extra(await rows("SELECT session_id, user_id, change, actor FROM attendance_changes"), "attendance change")
    extra(await rows("SELECT user_id, program_id FROM program_members"), "membership")
    return found
