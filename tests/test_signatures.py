"""Request signatures: forged, stale, re-stamped or unsigned requests are refused with 401 and change
nothing; an exact replay of a valid request within Slack's 5 minutes does its work once."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import pytest

from echobot.ids import Callback, RegistrationField
from echobot.storage import cases, providers
from tests.harness import Bot
from tests.scenarios import CASE, PROVIDER, create_program, program_with_participant, register
from tests.slack_driver import TEAM, state_values
from tests.state import changed_tables, snapshot

ALICE, BOB = "UALICE0001", "UBOB000001"
FORM = "application/x-www-form-urlencoded"


def command_body(user: str, text: str) -> str:
    """A /echo command as Slack posts it (the response_url points nowhere: it must never be used)."""
    return urlencode({
        "token": "legacy", "team_id": TEAM["id"], "team_domain": TEAM["domain"], "channel_id": "C0GENERAL",
        "channel_name": "general", "user_id": user, "user_name": user.lower(), "command": "/echo", "text": text,
        "api_app_id": "A0ECHO", "response_url": "http://127.0.0.1:9/never", "trigger_id": "1.1.forged",
    })  # fmt: skip


def submission_body(user: str, view: dict[str, Any], values: dict[str, Any]) -> str:
    payload = {"type": "view_submission", "team": TEAM, "user": {"id": user, "team_id": TEAM["id"]},
               "api_app_id": "A0ECHO", "token": "legacy", "trigger_id": "2.2.trigger",
               "view": {**view, "state": {"values": state_values(view, values)}}}  # fmt: skip
    return urlencode({"payload": json.dumps(payload)})


def event_body(user: str, event_id: str) -> str:
    return json.dumps({"token": "legacy", "team_id": TEAM["id"], "api_app_id": "A0ECHO", "type": "event_callback",
                       "event": {"type": "app_home_opened", "user": user, "tab": "home", "event_ts": "1.0"},
                       "event_id": event_id, "event_time": int(time.time())})  # fmt: skip


def _wrong_signature(bot: Bot, body: str) -> dict[str, str]:
    headers = bot.driver.signed_headers(body)
    signature = headers["X-Slack-Signature"]
    flipped = "0" if signature[-1] != "0" else "1"
    return {**headers, "X-Slack-Signature": signature[:-1] + flipped}


def _signed_with_another_secret(bot: Bot, body: str) -> dict[str, str]:
    from slack_sdk.signature import SignatureVerifier

    stamp = str(int(time.time()))
    signature = SignatureVerifier("not-the-signing-secret").generate_signature(timestamp=stamp, body=body)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature or ""}


def _stale(bot: Bot, body: str) -> dict[str, str]:
    """Correctly signed, but six minutes old (Slack's limit is five)."""
    return bot.driver.signed_headers(body, timestamp=int(time.time()) - 6 * 60)


def _restamped(bot: Bot, body: str) -> dict[str, str]:
    """A captured request replayed later: its signature, with a fresh timestamp header."""
    old = bot.driver.signed_headers(body, timestamp=int(time.time()) - 60)
    return {**old, "X-Slack-Request-Timestamp": str(int(time.time()))}


def _no_signature(bot: Bot, body: str) -> dict[str, str]:
    return {"X-Slack-Request-Timestamp": str(int(time.time()))}


def _no_timestamp(bot: Bot, body: str) -> dict[str, str]:
    headers = bot.driver.signed_headers(body)
    return {"X-Slack-Signature": headers["X-Slack-Signature"]}


def _no_headers(bot: Bot, body: str) -> dict[str, str]:
    return {}


def _malformed_timestamp(bot: Bot, body: str) -> dict[str, str]:
    """A timestamp that is not a number (found by review: it raised inside the check, answering 500)."""
    return {**bot.driver.signed_headers(body), "X-Slack-Request-Timestamp": "1e3"}


def _future(bot: Bot, body: str) -> dict[str, str]:
    return bot.driver.signed_headers(body, timestamp=int(time.time()) + 10 * 60)


BAD_HEADERS: dict[str, Callable[[Bot, str], dict[str, str]]] = {
    "wrong signature": _wrong_signature,
    "another secret": _signed_with_another_secret,
    "stale timestamp": _stale,
    "future timestamp": _future,
    "replayed with another timestamp": _restamped,
    "missing signature": _no_signature,
    "missing timestamp": _no_timestamp,
    "missing both headers": _no_headers,
    "malformed timestamp": _malformed_timestamp,
}


@pytest.mark.parametrize("forgery", list(BAD_HEADERS))
async def test_forged_stale_and_unsigned_requests_are_refused_and_change_nothing(bot: Bot, forgery: str) -> None:
    await create_program(bot)
    await bot.driver.command(ALICE, "register")
    await bot.settle()
    registration = bot.fake.opened_views()[-1]
    before, calls, responses = await snapshot(bot), len(bot.fake.calls), len(bot.fake.responses)
    requests = [
        (command_body(BOB, "program new"), FORM),  # would open a modal (Slack call)
        (command_body(ALICE, "join Hepatitis C ECHO"), FORM),
        (submission_body(ALICE, registration, PROVIDER), FORM),  # would store a provider
        (event_body(ALICE, "EvFORGED0001"), "application/json"),  # would record the event and publish Home
    ]
    for body, content_type in requests:
        reply = await bot.driver.send(body, content_type, headers=BAD_HEADERS[forgery](bot, body), sign=False)
        assert reply.status == 401, (forgery, body[:60], reply.status, reply.text)
    await bot.settle()
    assert changed_tables(before, await snapshot(bot)) == []
    assert len(bot.fake.calls) == calls and len(bot.fake.responses) == responses
    assert await providers.get(bot.db.reader, ALICE) is None


async def test_a_correctly_signed_request_is_served(bot: Bot) -> None:
    """The control for the test above: the same bodies, signed right, do their work."""
    body = command_body(ALICE, "help")
    reply = await bot.driver.send(body, FORM, headers=bot.driver.signed_headers(body), sign=False)
    assert reply.status == 200 and "register" in reply.text.lower()


async def test_an_exact_replay_of_a_registration_submission_registers_once(bot: Bot) -> None:
    await bot.driver.command(ALICE, "register")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    assert view["callback_id"] == Callback.REGISTER_VIEW
    body = submission_body(ALICE, view, PROVIDER)
    headers = bot.driver.signed_headers(body)
    first = await bot.driver.send(body, FORM, headers=headers, sign=False)
    await bot.settle()
    after_first, calls = await snapshot(bot), len(bot.fake.calls)
    again = await bot.driver.send(body, FORM, headers=headers, sign=False)  # byte for byte, same headers
    await bot.settle()
    assert first.status == again.status == 200 and first.text == again.text  # the same welcome, in the form
    assert "registered as a *participant*" in first.text
    assert changed_tables(after_first, await snapshot(bot)) == []
    assert [c.method for c in bot.fake.calls[calls:] if c.method != "views.publish"] == []
    stored = await providers.get(bot.db.reader, ALICE)
    assert stored is not None and stored.name == PROVIDER[RegistrationField.NAME]


async def test_an_exact_replay_of_a_case_submission_makes_one_case_and_one_hub_post(bot: Bot) -> None:
    await program_with_participant(bot)
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    view = bot.fake.opened_views()[-1]
    body = submission_body(ALICE, view, CASE)
    headers = bot.driver.signed_headers(body)
    for _ in range(3):
        reply = await bot.driver.send(body, FORM, headers=headers, sign=False)
        assert reply.status == 200 and reply.text == ""
    await bot.settle()
    assert len(await cases.of_submitter(bot.db.reader, ALICE)) == 1
    hub = [c for c in bot.fake.calls_to("chat.postMessage") if c.args.get("channel") == "G0HEPCHUB"
           and not c.args.get("thread_ts")]  # fmt: skip
    assert len(hub) == 1


async def test_an_exact_replay_of_an_event_is_handled_once(bot: Bot) -> None:
    await register(bot, ALICE)
    publishes = len(bot.fake.calls_to("views.publish"))
    body = event_body(ALICE, "EvREPLAY0001")
    headers = bot.driver.signed_headers(body)
    first = await bot.driver.send(body, "application/json", headers=headers, sign=False)
    await bot.settle()
    after_first = await snapshot(bot)
    again = await bot.driver.send(body, "application/json", headers=headers, sign=False)
    await bot.settle()
    assert first.status == again.status == 200
    assert len(bot.fake.calls_to("views.publish")) == publishes + 1
    assert changed_tables(after_first, await snapshot(bot)) == []


async def replay(
    bot: Bot, user: str, view: dict[str, Any], values: dict[str, Any], *, same_answer: bool = True
) -> tuple[str, list[str]]:
    """Deliver one view submission, then the very same request again (byte for byte, same signature and
    timestamp). Returns the first answer, and what the second delivery changed (tables, Slack calls). With
    same_answer, a form the first delivery closed must be closed by the second too (forms deduplicated by
    their view id); triage and evaluations instead tell the replay that it was already done."""
    body = submission_body(user, view, values)
    headers = bot.driver.signed_headers(body)
    first = await bot.driver.send(body, FORM, headers=headers, sign=False)
    await bot.settle()
    after_first, calls = await snapshot(bot), len(bot.fake.calls)
    again = await bot.driver.send(body, FORM, headers=headers, sign=False)
    await bot.settle()
    assert first.status == again.status == 200
    if same_answer and (first.text == "" or first.json.get("response_action") == "update"):
        # a form that closed, or turned into its answer: the replay does the same, so Slack shows the same
        assert again.text == first.text, again.text
    changed = changed_tables(after_first, await snapshot(bot))
    looks = ("views.publish", "conversations.info", "users.info")  # reads, and the Home refresh: no side effect
    return first.text, changed + [f"Slack {c.method}" for c in bot.fake.calls[calls:] if c.method not in looks]


async def test_exact_replays_of_coordinator_and_specialist_submissions_change_nothing_more(bot: Bot) -> None:
    """Program set-up, a session edit, an attendance change, triage and an evaluation, each delivered twice."""
    from datetime import timedelta

    from echobot.ids import Action, CaseField, EvaluationField, ProgramField, SessionField, SessionTool
    from tests.harness import ADMIN
    from tests.scenarios import (
        EVALUATION,
        FIRST_END,
        FIRST_START,
        PROGRAM,
        PROGRAM_CHANNEL,
        REVIEW_CHANNEL,
        add_channels,
        at,
        open_program_modal,
    )

    add_channels(bot)
    view = await open_program_modal(bot)
    answer, changed = await replay(bot, ADMIN, view, PROGRAM)
    assert "is set up" in answer and changed == []  # the summary in the form's place, once
    view = await open_program_modal(bot, text="program settings Hepatitis C ECHO")  # case slots: a setting
    assert await replay(bot, ADMIN, view, {ProgramField.CASE_SLOTS: "3"}) == ("", [])
    await bot.driver.click(ADMIN, Action.SESSION_MENU, selected=f"{SessionTool.EDIT}:1", channel=PROGRAM_CHANNEL)
    await bot.settle()
    assert await replay(bot, ADMIN, bot.fake.opened_views()[-1], {SessionField.TOPIC: "DAAs in 2026"}) == ("", [])
    await register(bot, ALICE)
    await bot.driver.command(ALICE, "join Hepatitis C ECHO")
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    assert await replay(bot, ALICE, bot.fake.opened_views()[-1], CASE) == ("", [])
    [case] = await cases.of_submitter(bot.db.reader, ALICE)
    await bot.driver.click("USPEC00001", Action.CASE_CLAIM, str(case.id), channel=REVIEW_CHANNEL)
    await bot.driver.click("USPEC00001", Action.CASE_RECOMMEND, str(case.id), channel=REVIEW_CHANNEL)
    await bot.settle()
    values = {CaseField.RECOMMENDATIONS: "Twelve weeks is enough."}
    _, changed = await replay(bot, "USPEC00001", bot.fake.opened_views()[-1], values, same_answer=False)
    assert changed == []  # the second delivery is told the case already moved on; nothing is sent twice
    bot.clock.set(FIRST_START + timedelta(minutes=5))
    await bot.driver.command(ADMIN, "attendance")
    await bot.settle()
    picked = await bot.driver.submit(ADMIN, bot.fake.opened_views()[-1], {SessionField.SESSION: "1"})
    edit = {**picked.json["view"], "id": "VATTEND001"}
    values = {SessionField.ADD: [ALICE], SessionField.REASON: "Zoom report"}
    text, changed = await replay(bot, ADMIN, edit, values)
    assert changed == [] and "response_action" in text
    await at(bot, FIRST_END + timedelta(minutes=1))
    await bot.driver.click(ALICE, Action.EVALUATE, "1", channel="DALICE0001")
    await bot.settle()
    values = {**EVALUATION, EvaluationField.CREDIT: "1"}
    _, changed = await replay(bot, ALICE, bot.fake.opened_views()[-1], values, same_answer=False)
    assert changed == []


async def test_a_body_that_is_not_a_slack_payload_is_refused_not_crashed_on(bot: Bot) -> None:
    before, calls = await snapshot(bot), len(bot.fake.calls)
    garbage = "payload=" + "{not json"
    unsigned = await bot.driver.send(garbage, FORM, headers={"X-Slack-Signature": "v0=00"}, sign=False)
    assert unsigned.status == 401
    signed = await bot.driver.send(garbage, FORM)
    assert signed.status == 400
    for body in ('{"type": "event_callback", "event": ', "\\xff\\xfe"):
        assert (await bot.driver.send(body, "application/json")).status == 400
    await bot.settle()
    assert changed_tables(before, await snapshot(bot)) == [] and len(bot.fake.calls) == calls
