"""Hostile and malformed Slack requests, generated with hypothesis, against one running echobot.

Shared by tests/test_fuzz.py (a few hundred examples) and bench/fuzz.py (ten thousand). A world is
seeded once (a program, a session, Alice's case, Bob's registration); every generated request then comes
from Mallory (a registered participant) or from someone unregistered, properly signed, with anything in
it: unknown ids, other people's case and session ids, forged private_metadata, wrong JSON types, missing
fields, huge strings, NUL, lone surrogates, right-to-left and zero-width characters, emoji.

A request passes when echobot answers 200 (or refuses the request as malformed with 400), logs nothing
at ERROR (Bolt turns a listener's exception into an ERROR log and a 500), and leaves everyone else's data
as it was.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from hypothesis import strategies as st

from echobot.ids import (
    Action,
    Callback,
    CaseField,
    EvaluationField,
    ProgramField,
    RegistrationField,
    SessionField,
    SessionTool,
)
from tests.harness import Bot
from tests.replaying import CASE
from tests.scenarios import create_program, register
from tests.slack_driver import TEAM

ALICE, BOB, MALLORY, NOBODY = "UALICE0001", "UBOB000001", "UMALLORY01", "UNOBODY001"
ACTORS = (MALLORY, NOBODY)

NASTY = [
    "", " ", "\x00", "a\x00b", "\ud800", "\udfff", "x\ud83d", "\u202eevil\u202c", "\u200b\u200c\u200d\ufeff",
    "שלום עולם", "مرحبا", "👩🏽‍⚕️🧬💉", "\U0010ffff", "\r\n\t", "\\", "'; DROP TABLE cases;--", "%s%n",
    "<@UADMIN0001>", "<!channel>", "*bold* _it_ ~s~ `c`", "{{7*7}}", "null", "[]", "{}", "NaN", "1e309",
    "x" * 3001, "é" * 20_000, "9" * 40, "-1", "0", "1", "2", "01", "1.0", "²", "٣", "１",
]  # fmt: skip
IDS = ["1", "2", "3", "0", "-1", "999999999", "9" * 30, "²", "٣", " 1", "1 ", "0x1", "1e3", "", "abc",
       "1:improved", "2:worse", "1:", ":1", "1:1:1"]  # fmt: skip
TOOLS = [f"{tool}:{n}" for tool in SessionTool for n in ("1", "2", "0", "9" * 25, "x", "")] + ["", ":", "edit"]

nasty_text = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), st.text(st.characters(codec="utf-8"), max_size=8))
json_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), st.floats(allow_nan=False),
    nasty_text, st.sampled_from(IDS),
)  # fmt: skip
json_value = st.recursive(
    json_scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(nasty_text, inner, max_size=3),
    max_leaves=6,
)  # fmt: skip
id_like = st.one_of(st.sampled_from(IDS), json_value)
known_fields = [str(f) for enum in (CaseField, EvaluationField, ProgramField, RegistrationField, SessionField)
                for f in enum]  # fmt: skip
field_id = st.one_of(st.sampled_from(known_fields), nasty_text)
ELEMENT_TYPES = ["plain_text_input", "static_select", "radio_buttons", "external_select", "checkboxes",
                 "multi_static_select", "users_select", "multi_users_select", "conversations_select",
                 "channels_select", "datepicker", "timepicker", "number_input", "email_text_input",
                 "bogus"]  # fmt: skip


def maybe(draw: st.DrawFn, value: Any, wrong: st.SearchStrategy[Any] = json_value) -> Any:
    """The value, or (sometimes) a wrong-typed one."""
    return draw(wrong) if draw(st.integers(0, 9)) == 0 else value


def drop_some(draw: st.DrawFn, payload: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Remove a few keys (never those in `keep`)."""
    keys = [k for k in payload if k not in keep]
    dropped = draw(st.lists(st.sampled_from(keys), max_size=2, unique=True)) if keys and draw(st.booleans()) else []
    return {k: v for k, v in payload.items() if k not in dropped}


@st.composite
def element(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(ELEMENT_TYPES))
    value: Any = draw(st.one_of(nasty_text, st.sampled_from(IDS), json_value))
    shape = draw(st.sampled_from(["value", "selected_option", "selected_options", "selected_user", "selected_users",
                                  "selected_conversation", "selected_date", "selected_time", "none"]))  # fmt: skip
    if shape == "selected_option":
        value = {"value": value} if draw(st.booleans()) else value
    elif shape in ("selected_options", "selected_users"):
        value = draw(st.lists(st.one_of(st.builds(lambda v: {"value": v}, json_value), json_value), max_size=3))
    return {"type": kind} if shape == "none" else {"type": kind, shape: value}


@st.composite
def state_values(draw: st.DrawFn) -> Any:
    if draw(st.integers(0, 15)) == 0:
        return draw(json_value)
    blocks = draw(st.lists(field_id, max_size=6))
    return {block: {draw(st.one_of(st.just(block), field_id)): draw(element())} for block in blocks}


@st.composite
def private_metadata(draw: st.DrawFn) -> Any:
    forged = draw(st.dictionaries(st.sampled_from(["program_id", "session_id", "case_id", "action", "x"]),
                                  st.one_of(st.sampled_from([1, 2, 3, 0, -1, 10**30, "1", "recommend", "reply",
                                                             "schedule", "decline", "ask_info", "claim", "close"]),
                                            json_value), max_size=4))  # fmt: skip
    return draw(st.one_of(st.just(json.dumps(forged)), nasty_text, json_value, st.just("x" * 4000)))


def _user(draw: st.DrawFn) -> Any:
    return maybe(draw, {"id": draw(st.sampled_from(ACTORS)), "team_id": TEAM["id"]},
                 st.one_of(json_value, st.builds(lambda v: {"id": v}, json_value)))  # fmt: skip


@st.composite
def view_submission(draw: st.DrawFn) -> dict[str, Any]:
    view = {
        "id": maybe(draw, f"V{draw(st.integers(0, 10**6)):08d}"),
        "type": "modal",
        "callback_id": draw(st.one_of(st.sampled_from(list(Callback)), nasty_text)),
        "private_metadata": draw(private_metadata()),
        "state": {"values": draw(state_values())},
        "blocks": maybe(draw, [{"type": "input", "block_id": draw(field_id)}]),
        "hash": "h1",
    }
    payload = {"type": "view_submission", "team": TEAM, "user": _user(draw), "api_app_id": "A0ECHO",
               "token": "legacy", "trigger_id": "t.1",
               "view": drop_some(draw, view, keep=("callback_id",))}  # fmt: skip
    return drop_some(draw, payload, keep=("type", "view"))


@st.composite
def block_actions(draw: st.DrawFn, response_url: str) -> dict[str, Any]:
    followups = st.builds(lambda v: f"{Action.FOLLOWUP}:{v}", st.sampled_from(["improved", "x", ""]))
    action_id = draw(st.one_of(st.sampled_from(list(Action)), nasty_text, followups))
    action: dict[str, Any] = {"type": "button", "action_id": action_id, "block_id": "b", "action_ts": "1.2"}
    if draw(st.booleans()):
        action["value"] = draw(id_like)
    else:
        action["type"] = "overflow"
        action["selected_option"] = maybe(draw, {"value": draw(st.one_of(st.sampled_from(TOOLS), id_like))})
    channel = draw(st.sampled_from(["C0HEPC", "G0HEPCHUB", "DMALLORY01", "C0GENERAL", ""]))
    payload: dict[str, Any] = {
        "type": "block_actions", "team": TEAM, "user": _user(draw), "api_app_id": "A0ECHO", "token": "legacy",
        "trigger_id": maybe(draw, "t.2"),
        "actions": maybe(draw, [drop_some(draw, action, keep=("action_id",))]),
        "container": maybe(draw, {"type": draw(st.sampled_from(["message", "view"])), "channel_id": channel}),
        "channel": maybe(draw, {"id": channel}),
        "message": maybe(draw, {"ts": "1700000000.000001", "text": "", "blocks": []}),
        "response_url": response_url,
        "view": maybe(draw, {"id": "V0", "type": "home"}),
    }  # fmt: skip
    return drop_some(draw, payload, keep=("type", "actions"))


@st.composite
def other_interactive(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["shortcut", "block_suggestion", "view_closed", "message_action", "bogus"]))
    payload = {
        "type": kind, "team": TEAM, "user": _user(draw), "api_app_id": "A0ECHO", "token": "legacy",
        "trigger_id": "t.3", "callback_id": draw(st.one_of(st.sampled_from(list(Callback)), nasty_text)),
        "action_id": draw(st.one_of(st.just(ProgramField.TIMEZONE), nasty_text)), "block_id": "b",
        "value": draw(json_value), "view": maybe(draw, {"id": "V0", "type": "modal", "callback_id": "program"}),
    }  # fmt: skip
    return drop_some(draw, payload, keep=("type",))


@st.composite
def command(draw: st.DrawFn, response_url: str) -> dict[str, str]:
    words = ["help", "register", "me", "role", "program", "new", "edit", "archive", "list", "join", "leave",
             "reminders", "dm", "on", "coordinator", "add", "remove", "case", "cases", "queue", "sessions",
             "calendar", "attendance", "evaluate", "cme", "export", "credit-type", "<@UADMIN0001>", "Hepatitis",
             "C", "ECHO", "participant", "observer", "credits", "attendance", "2026-01-01", "MD"]  # fmt: skip
    text = " ".join(draw(st.lists(st.one_of(st.sampled_from(words), nasty_text), max_size=5)))
    form = {
        "token": "legacy", "team_id": TEAM["id"], "team_domain": TEAM["domain"],
        "channel_id": draw(st.sampled_from(["C0GENERAL", "C0HEPC", "", "DMALLORY01"])), "channel_name": "x",
        "user_id": draw(st.sampled_from([*ACTORS, ""])), "user_name": "m", "command": "/echo", "text": text,
        "api_app_id": "A0ECHO", "response_url": response_url, "trigger_id": "t.4",
    }  # fmt: skip
    return drop_some(draw, form, keep=("command", "user_id"))


@st.composite
def event(draw: st.DrawFn) -> dict[str, Any]:
    inner = {"type": draw(st.sampled_from(["app_home_opened", "message", "app_mention", "bogus"])),
             "user": draw(st.one_of(st.sampled_from(ACTORS), json_value)), "tab": draw(json_value),
             "channel": draw(json_value)}  # fmt: skip
    body = {"token": "legacy", "team_id": TEAM["id"], "api_app_id": "A0ECHO", "type": "event_callback",
            "event": maybe(draw, drop_some(draw, inner)), "event_id": maybe(draw, f"EvF{draw(st.integers(0, 10**9))}"),
            "event_time": 1}  # fmt: skip
    return drop_some(draw, body, keep=("type",))


@dataclass
class Request:
    kind: str
    body: str
    content_type: str


def _interactive(payload: Any) -> str:
    return urlencode({"payload": json.dumps(payload)})


@st.composite
def requests(draw: st.DrawFn, response_url: str) -> Request:
    kind = draw(st.sampled_from(["view", "view", "view", "action", "action", "action", "command", "command",
                                 "other", "event", "raw"]))  # fmt: skip
    if kind == "view":
        return Request(kind, _interactive(draw(view_submission())), "application/x-www-form-urlencoded")
    if kind == "action":
        return Request(kind, _interactive(draw(block_actions(response_url))), "application/x-www-form-urlencoded")
    if kind == "command":
        form = urlencode(draw(command(response_url)), errors="surrogatepass")  # invalid UTF-8, from a lone surrogate
        return Request(kind, form, "application/x-www-form-urlencoded")
    if kind == "other":
        return Request(kind, _interactive(draw(other_interactive())), "application/x-www-form-urlencoded")
    if kind == "event":
        return Request(kind, json.dumps(draw(event())), "application/json")
    raw = draw(st.one_of(
        st.builds(lambda v: urlencode({"payload": json.dumps(v)}), json_value),
        st.builds(lambda t: urlencode({"payload": t}, errors="surrogatepass"), nasty_text),
        st.builds(json.dumps, json_value),
    ))  # fmt: skip
    return Request(kind, raw, draw(st.sampled_from(["application/x-www-form-urlencoded", "application/json"])))


class ErrorLog(logging.Handler):
    """Every record at ERROR or above, from any logger (Bolt's, echobot's, aiohttp's)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def seed(bot: Bot) -> None:
    """The world the fuzzer attacks: a program and its first session, Alice's case, Bob, and Mallory."""
    await create_program(bot)
    for user in (ALICE, BOB, MALLORY):
        await register(bot, user, name=f"Person {user[1:6].title()}")
        await bot.driver.command(user, "join Hepatitis C ECHO")
    await bot.driver.command(ALICE, "case")
    await bot.settle()
    reply = await bot.driver.submit(ALICE, bot.fake.opened_views()[-1], CASE)
    assert reply.text == "", reply.text
    await bot.settle()


# What belongs to someone other than the fuzzer's actors, row by row.
OTHERS = {
    "providers": f"SELECT * FROM providers WHERE user_id NOT IN ('{MALLORY}', '{NOBODY}') ORDER BY user_id",
    "cases": f"SELECT * FROM cases WHERE submitter NOT IN ('{MALLORY}', '{NOBODY}') ORDER BY id",
    "case_events": f"SELECT * FROM case_events WHERE case_id IN (SELECT id FROM cases WHERE submitter NOT IN "
    f"('{MALLORY}', '{NOBODY}')) ORDER BY id",
    "programs": "SELECT * FROM programs ORDER BY id",
    "program_staff": "SELECT * FROM program_staff ORDER BY 1, 2",
    "members": f"SELECT * FROM program_members WHERE user_id NOT IN ('{MALLORY}', '{NOBODY}') ORDER BY 1, 2",
    "sessions": "SELECT * FROM sessions ORDER BY id",
    "attendance": f"SELECT * FROM attendance WHERE user_id NOT IN ('{MALLORY}', '{NOBODY}') ORDER BY 1, 2",
    "attendance_changes": "SELECT * FROM attendance_changes ORDER BY id",
    "evaluations": "SELECT * FROM evaluations ORDER BY 1, 2",
    "credits": "SELECT * FROM credits ORDER BY 1, 2",
    "coordinators": "SELECT * FROM coordinators ORDER BY 1",
    "audit": "SELECT * FROM audit_log ORDER BY id",
    "outbox": f"SELECT key, target, payload FROM outbox WHERE target NOT IN ('{MALLORY}', '{NOBODY}') "
    f"AND key NOT LIKE '%{MALLORY}%' AND key NOT LIKE '%{NOBODY}%' ORDER BY id",
}


async def fingerprint(bot: Bot) -> dict[str, str]:
    """A digest of everyone else's data, table by table."""
    digests = {}
    for name, sql in OTHERS.items():
        rows = await bot.db.reader.fetchall(sql)
        digests[name] = hashlib.sha256(repr([tuple(row) for row in rows]).encode("utf-8", "replace")).hexdigest()
    return digests


@dataclass
class Findings:
    payloads: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)  # ERROR logs and bad statuses, with the request kind
    changed: list[str] = field(default_factory=list)  # tables of other people that changed
    slowest: float = 0.0


async def attack(bot: Bot, request: Request, log: ErrorLog, before: dict[str, str], found: Findings) -> bool:
    """Send one request; record what went wrong. True when nothing did."""
    log.records.clear()
    began = time.perf_counter()
    reply = await bot.driver.send(request.body, request.content_type)
    found.slowest = max(found.slowest, time.perf_counter() - began)
    await bot.settle()
    found.payloads += 1
    found.by_kind[request.kind] += 1
    found.statuses[reply.status] += 1
    ok = True
    if reply.status not in (200, 400, 413):  # 413: a body over aiohttp's 1 MiB limit (Slack never sends one)
        found.errors.append(f"{request.kind}: HTTP {reply.status} {reply.text[:80]!r}")
        ok = False
    for record in log.records:
        found.errors.append(f"{request.kind}: {record.name}: {record.getMessage()[:300]}")
        ok = False
    after = await fingerprint(bot)
    changed = [name for name in before if before[name] != after[name]]
    if changed:
        found.changed.extend(changed)
        before.update(after)
        ok = False
    return ok
