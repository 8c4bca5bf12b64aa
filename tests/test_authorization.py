"""The authorization matrix: every privileged action against every kind of person, end to end.

Each ROW is one privileged action, with the roles allowed to do it. For each row, the refused roles act
first, on one shared target: each must be told why (an ephemeral reply, or an error on a forged modal
submission), and nothing may change: no row in any table, no Slack call. Then each allowed role acts on
a fresh target of its own, and the row's check must see the change (or the modal).

Adding a row is one line in ROWS; adding a role is one line in ROLES (and in the allowed sets).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from echobot.commands import COMMANDS, Audience
from echobot.forms import ProgramForm
from echobot.handlers.cases import form_from_values as case_form
from echobot.handlers.programs import form_from_values as program_form
from echobot.ids import Action, Callback, CaseField, HubField, ProgramField, SessionField, SessionTool
from echobot.models import CaseState, Person, Program, SessionStatus
from echobot.services.surveys import default_statements
from echobot.storage import attendance, audit, cases, evaluations, hub, programs, sessions
from echobot.storage import hubs as hubs_repo
from echobot.views.cases import action_modal, case_modal
from echobot.views.hubs import hub_settings_modal
from echobot.views.metadata import ViewState
from echobot.views.programs import program_modal, program_settings_modal
from echobot.views.sessions import (
    attendance_edit_modal,
    attendance_pick_modal,
    code_modal,
    session_cancel_modal,
    session_edit_modal,
)
from echobot.views.surveys import editor_modal
from echobot.web import EVENTS_PATH
from tests.fake_slack import HUB_B, HUB_TEAM, FakeSlack
from tests.harness import ADMIN, SIGNING_SECRET, Bot
from tests.scenarios import CASE, PROGRAM, PROGRAM_CHANNEL, PROVIDER, REVIEW_CHANNEL, create_program, register
from tests.slack_driver import SlackDriver
from tests.state import changed_tables, snapshot
from tests.test_hubs import B_ADMIN, B_PARTICIPANT, two_installed_hubs

HEPC = "Hepatitis C ECHO"
OUD = "Opioid Use Disorder ECHO"
FIRST_START = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)  # both programs' first session: Tuesday 12:00 in Denver
SUBMITTER = "UALICE0001"  # a participant who presents the cases the triage rows act on

# ---- the people -------------------------------------------------------------------------------------
ROLES: dict[str, str] = {
    "unregistered": "UNOBODY001",
    "observer": "UOBSERVE01",
    "participant": "UPARTIC001",
    "submitter of the case": SUBMITTER,
    "specialist of another program": "USPECOUD01",
    "coordinator of another program": "UCOORDOUD1",
    "specialist of this program": "USPEC00001",
    "program coordinator": "UPCOORD001",
    "hub coordinator": "UHUBCOORD1",
    "admin": ADMIN,
}
ADMINS = frozenset({"admin"})
HUB = ADMINS | {"hub coordinator"}
MANAGERS = HUB | {"program coordinator"}
STAFF = MANAGERS | {"specialist of this program"}
PRESENTERS = frozenset({"participant", "submitter of the case"})  # registered participants who joined the program


@dataclass
class World:
    """One bot with two programs, their staff, members and a hub coordinator."""

    bot: Bot
    hepc: Program
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    used_sessions: set[int] = field(default_factory=set)
    other_hub: SlackDriver | None = None  # set while another hub's people act (their workspace's requests)

    @property
    def slack(self) -> SlackDriver:
        """The driver of the workspace whose person acts now."""
        return self.other_hub or self.bot.driver

    def next(self) -> int:
        return next(self.counter)

    async def person(self, user: str) -> Person:
        return await self.services.people.whois(user)

    @property
    def services(self) -> Any:
        assert self.bot.runtime is not None
        return self.bot.runtime.services


async def build_world(bot: Bot) -> World:
    hepc = await create_program(bot)
    bot.fake.add_channel("C0OUD", "oud-echo")
    bot.fake.add_channel("G0OUDHUB", "oud-hub", private=True)
    await create_program(
        bot,
        **{
            ProgramField.NAME: OUD,
            ProgramField.CHANNEL: "C0OUD",
            ProgramField.REVIEW_CHANNEL: "G0OUDHUB",
            ProgramField.SPECIALISTS: [ROLES["specialist of another program"]],
            ProgramField.COORDINATORS: [ROLES["coordinator of another program"]],
        },
    )
    await register(bot, ROLES["observer"], **{"name": "Olga Observer", "role": "observer"})
    await register(bot, ROLES["participant"], **{"name": "Pat Participant"})
    await register(bot, SUBMITTER)
    for user in (ROLES["observer"], ROLES["participant"], SUBMITTER):
        await bot.driver.command(user, f"join {HEPC}")
    reply = await bot.driver.command(ADMIN, f"coordinator add <@{ROLES['hub coordinator']}>")
    assert "is now a hub coordinator" in reply.message_text
    await bot.settle()
    return World(bot, hepc)


# ---- fresh targets (made through the real services, on the real database) ---------------------------
async def new_case(w: World) -> int:
    form = case_form({**CASE, CaseField.PROGRAM: str(w.hepc.id)})
    result = await w.services.cases.submit(await w.person(SUBMITTER), form, f"VCASE{w.next():05d}")
    assert result.case is not None, result.errors
    return int(result.case.id)


async def claimed_case(w: World) -> int:
    case_id = await new_case(w)
    outcome = await w.services.cases.act(await w.person(ADMIN), case_id, "claim")
    assert outcome.ok, outcome.reply
    return case_id


async def next_session(w: World) -> int:
    """A future session of the program that no cell has used yet."""
    now = w.bot.clock.now()
    for session in await sessions.upcoming(w.bot.db.reader, [w.hepc.id], now, now + timedelta(days=120)):
        if session.id not in w.used_sessions:
            w.used_sessions.add(session.id)
            return session.id
    raise AssertionError("no session left")


async def running_session(w: World) -> int:
    """A session that has started: the clock moves to five minutes after its start."""
    session_id = await next_session(w)
    session = await sessions.get(w.bot.db.reader, session_id)
    assert session is not None
    w.bot.clock.set(session.starts_at + timedelta(minutes=5))
    await w.bot.settle()
    return session_id


async def new_program(w: World) -> str:
    """A program with the same staff as Hepatitis C ECHO, to be archived."""
    name = f"Archive Me ECHO {w.next()}"
    form = program_form({**PROGRAM, ProgramField.NAME: name})
    result = await w.services.programs.create(await w.person(ADMIN), form, f"VPROG{w.next():05d}")
    assert result.program is not None, result.errors
    return name


async def series_program(w: World) -> str:
    """A program with a series none of whose sessions has been held (the staff of Hepatitis C ECHO): its id."""
    form = program_form({**PROGRAM, ProgramField.NAME: f"Series ECHO {w.next()}",
                         ProgramField.SERIES_START: "2027-01-05", ProgramField.SERIES_END: "2027-03-30"})  # fmt: skip
    result = await w.services.programs.create(await w.person(ADMIN), form, f"VPROG{w.next():05d}")
    assert result.program is not None, result.errors
    return str(result.program.id)


async def series_name(w: World) -> str:
    program = await programs.get(w.bot.db.reader, int(await series_program(w)))
    assert program is not None
    return program.name


def answered(fragment: str) -> Done:
    """The person got past the permission check: the answer is the one the rule gives (not a refusal)."""

    async def check(w: World, user: str, target: Any, seen: Seen) -> bool:
        return fragment in seen.said

    return check


async def close_series(w: World, user: str, program_id: Any) -> Seen:
    return await click(w, user, Action.SERIES_CLOSE, str(program_id))


async def new_user(w: World) -> str:
    return f"UNEW{w.next():06d}"


async def new_coordinator(w: World) -> str:
    user = await new_user(w)
    await w.services.coordinators.add(await w.person(ADMIN), user)
    return user


async def first_session(w: World) -> int:
    return 1


async def nothing(w: World) -> int:
    return 0


# ---- how a person acts ------------------------------------------------------------------------------
@dataclass
class Seen:
    """What the acting person was shown: a reply or field errors, and modals opened for them."""

    said: str = ""
    opened: list[dict[str, Any]] = field(default_factory=list)


def views_opened_since(w: World, before: int) -> list[dict[str, Any]]:
    return w.bot.fake.opened_views()[before:]


async def command(w: World, user: str, text: str) -> Seen:
    before = len(w.bot.fake.opened_views())
    reply = await w.slack.command(user, text, channel=PROGRAM_CHANNEL)
    await w.bot.settle()
    assert reply.status == 200, reply
    return Seen(reply.message_text.strip(), views_opened_since(w, before))


async def click(w: World, user: str, action: str, value: str = "", *, selected: str | None = None,
                channel: str = PROGRAM_CHANNEL) -> Seen:  # fmt: skip
    before, answered = len(w.bot.fake.opened_views()), len(w.bot.fake.responses)
    reply = await w.slack.click(user, action, value, selected=selected, channel=channel)
    await w.bot.settle()
    assert reply.status == 200, reply
    said = "\n".join(str(r.get("text", "")) for r in w.bot.fake.responses[answered:])
    return Seen(said.strip(), views_opened_since(w, before))


async def submit(w: World, user: str, view: dict[str, Any], values: dict[str, Any]) -> Seen:
    """Submit a modal; the errors (or an update's title) are what the person sees."""
    reply = await w.slack.submit(user, {"id": f"VSUB{w.next():06d}", **view}, values)
    await w.bot.settle()
    assert reply.status == 200, reply
    body = reply.json
    if body.get("response_action") == "errors":
        return Seen("errors: " + json.dumps(body["errors"]))
    if body.get("response_action") in ("update", "push"):
        return Seen("", [body["view"]])
    return Seen(reply.text)


async def open_then_submit(w: World, user: str, opening: Awaitable[Seen], callback: str,
                           forged: dict[str, Any], values: dict[str, Any]) -> Seen:  # fmt: skip
    """Open a modal the way the person would (a button or menu), and submit it. When it does not open for
    them, submit a forged copy (what echobot would have shown) instead: that must be refused too."""
    seen = await opening
    mine = [v for v in seen.opened if v.get("callback_id") == callback]
    if mine:
        return await submit(w, user, mine[-1], values)
    forged_seen = await submit(w, user, forged, values)
    return Seen(f"{seen.said}\n{forged_seen.said}".strip(), seen.opened + forged_seen.opened)


# ---- the rows ----------------------------------------------------------------------------------------
Act = Callable[[World, str, Any], Awaitable[Seen]]
Done = Callable[[World, str, Any, Seen], Awaitable[bool]]
Prepare = Callable[[World], Awaitable[Any]]


@dataclass(frozen=True)
class Row:
    name: str
    allowed: frozenset[str]
    act: Act
    done: Done
    prepare: Prepare = nothing
    answers_everyone: frozenset[str] = frozenset()  # tables and Slack methods anyone's try touches (App Home)


def opened(callback: str) -> Done:
    async def check(w: World, user: str, target: Any, seen: Seen) -> bool:
        return any(view.get("callback_id") == callback for view in seen.opened)

    return check


def case_in(state: CaseState) -> Done:
    async def check(w: World, user: str, case_id: Any, seen: Seen) -> bool:
        case = await cases.get(w.bot.db.reader, case_id)
        return case is not None and case.state is state

    return check


def session_is(status: SessionStatus) -> Done:
    async def check(w: World, user: str, session_id: Any, seen: Seen) -> bool:
        session = await sessions.get(w.bot.db.reader, session_id)
        return session is not None and session.status is status

    return check


def audited(action: str) -> Done:
    async def check(w: World, user: str, target: Any, seen: Seen) -> bool:
        return any(e.actor == user for e in await audit.recent(w.bot.db.reader, action_prefix=action))

    return check


def say(text: str) -> Act:
    """A /echo command; {target} is replaced by the cell's target."""

    async def act(w: World, user: str, target: Any) -> Seen:
        return await command(w, user, text.format(target=target))

    return act


async def new_program_submit(w: World, user: str, target: Any) -> Seen:
    name = f"Lupus ECHO {w.next()}"
    form = ProgramForm(timezone="America/Denver", first_date="2026-11-10")
    return await submit(w, user, program_modal(form), {**PROGRAM, ProgramField.NAME: name})


async def program_created(w: World, user: str, target: Any, seen: Seen) -> bool:
    return any(p.created_by == user for p in await programs.every(w.bot.db.reader) if p.name.startswith("Lupus"))


async def edit_program_submit(w: World, user: str, target: Any) -> Seen:
    program = await programs.get(w.bot.db.reader, w.hepc.id)
    assert program is not None
    forged = program_modal(ProgramForm.from_program(program), program_id=program.id)
    opening = command(w, user, f"program edit {HEPC}")
    return await open_then_submit(w, user, opening, Callback.PROGRAM_VIEW, forged,
                                  {ProgramField.VIDEO_URL: f"https://zoom.example.org/j/{user}"})  # fmt: skip


async def settings_submit(w: World, user: str, target: Any) -> Seen:
    program = await programs.get(w.bot.db.reader, w.hepc.id)
    assert program is not None
    forged = program_settings_modal(ProgramForm.from_program(program), program_id=program.id)
    opening = command(w, user, f"program settings {HEPC}")
    window = str(1 + (program.eval_window_days % 59))  # a change each time, so each save is audited
    return await open_then_submit(w, user, opening, Callback.PROGRAM_SETTINGS_VIEW, forged,
                                  {ProgramField.EVAL_WINDOW: window})  # fmt: skip


async def program_edited(w: World, user: str, target: Any, seen: Seen) -> bool:
    program = await programs.get(w.bot.db.reader, w.hepc.id)
    return program is not None and program.video_url.endswith(user)


async def archived(w: World, user: str, name: Any, seen: Seen) -> bool:
    program = await programs.get_by_name(w.bot.db.reader, name)
    return program is not None and not program.active


async def is_coordinator(w: World, user: str, target: Any, seen: Seen) -> bool:
    return bool((await w.person(target)).is_coordinator)


async def not_coordinator(w: World, user: str, target: Any, seen: Seen) -> bool:
    return not await is_coordinator(w, user, target, seen)


def session_modal(tool: SessionTool, callback: str, values: Callable[[str], dict[str, Any]]) -> Act:
    """A session's overflow menu (the /echo sessions list or the live post), then the modal it opens."""
    builders = {SessionTool.EDIT: session_edit_modal, SessionTool.CANCEL: session_cancel_modal,
                SessionTool.CODE: code_modal}  # fmt: skip
    menu = Action.SESSION_TOOLS if tool is SessionTool.CODE else Action.SESSION_MENU

    async def act(w: World, user: str, session_id: Any) -> Seen:
        session = await sessions.get(w.bot.db.reader, session_id)
        assert session is not None
        forged = builders[tool](session, w.hepc)
        opening = click(w, user, menu, selected=f"{tool}:{session_id}")
        return await open_then_submit(w, user, opening, callback, forged, values(user))

    return act


def topic_of(user: str) -> str:
    return f"Topic chosen by {user}"


def code_of(user: str) -> str:
    return f"C{user[-6:]}"


async def topic_set(w: World, user: str, session_id: Any, seen: Seen) -> bool:
    session = await sessions.get(w.bot.db.reader, session_id)
    return session is not None and session.topic == topic_of(user)


async def code_set(w: World, user: str, session_id: Any, seen: Seen) -> bool:
    session = await sessions.get(w.bot.db.reader, session_id)
    return session is not None and session.attendance_code == code_of(user)


async def end_session(w: World, user: str, session_id: Any) -> Seen:
    return await click(w, user, Action.SESSION_TOOLS, selected=f"{SessionTool.END}:{session_id}")


async def pick_session(w: World, user: str, session_id: Any) -> Seen:
    loaded = await w.services.sessions.get(session_id)
    return await submit(w, user, attendance_pick_modal([loaded]), {SessionField.SESSION: str(session_id)})


async def adjust_attendance(w: World, user: str, attendee: Any) -> Seen:
    session, program = await w.services.sessions.get(1)
    view = attendance_edit_modal(session, program, [])
    return await submit(
        w, user, view, {SessionField.ADD: [attendee], SessionField.REASON: "From the Zoom attendance report"}
    )


async def attendee_added(w: World, user: str, attendee: Any, seen: Seen) -> bool:
    found = await attendance.get(w.bot.db.reader, 1, attendee)
    return found is not None and found.present


def triage(action: Action, verb: str, values: dict[str, Any] | None = None) -> Act:
    """A triage button on the case's hub message; with `values`, the modal it opens, submitted."""

    async def act(w: World, user: str, case_id: Any) -> Seen:
        opening = click(w, user, action, str(case_id), channel=REVIEW_CHANNEL)
        if values is None:
            return await opening
        case, program = await w.services.cases.get(case_id)
        room = await w.services.cases.sessions_with_room([program]) if verb == "schedule" else []
        forged = action_modal(case, verb, room)
        chosen = dict(values)
        if verb == "schedule":
            chosen[CaseField.SESSION] = str(room[0][0].id)
        return await open_then_submit(w, user, opening, Callback.CASE_ACTION_VIEW, forged, chosen)

    return act


async def claimed_by_them(w: World, user: str, case_id: Any, seen: Seen) -> bool:
    case = await cases.get(w.bot.db.reader, case_id)
    return case is not None and case.state is CaseState.IN_REVIEW and case.owner == user


async def queue_shows(w: World, user: str, case_id: Any, seen: Seen) -> bool:
    return f"Case #{case_id}" in seen.said


async def present_case(w: World, user: str, target: Any) -> Seen:
    """The case form (what a participant sees), submitted by this person for the program."""
    view = case_modal([w.hepc], [])
    return await submit(w, user, view, {**CASE, CaseField.PROGRAM: str(w.hepc.id)})


async def presented(w: World, user: str, target: Any, seen: Seen) -> bool:
    return bool(await cases.of_submitter(w.bot.db.reader, user))


async def credit_type_set(w: World, user: str, target: Any, seen: Seen) -> bool:
    overrides = await evaluations.credit_type_overrides(w.bot.db.reader)
    return overrides.get("CHW") == f"Hours for {user}"


async def set_credit_type(w: World, user: str, target: Any) -> Seen:
    return await command(w, user, f"credit-type CHW Hours for {user}")


async def hub_settings_submit(w: World, user: str, target: Any) -> Seen:
    view = hub_settings_modal(await w.services.hubs.profile())
    return await submit(w, user, view, {HubField.NAME: f"Hub of {user}", HubField.TIMEZONE: "America/Denver"})


async def hub_renamed(w: World, user: str, target: Any, seen: Seen) -> bool:
    found = await hubs_repo.get(w.bot.db.reader, hub.DEFAULT_HUB)
    return found is not None and found.name == f"Hub of {user}"


async def survey_edit_submit(w: World, user: str, target: Any) -> Seen:
    """The survey statements editor (issue 17), saved as shown."""
    view = editor_modal(w.hepc, default_statements(w.hepc), ViewState(program_id=w.hepc.id).encode())
    return await submit(w, user, view, {})


async def open_home(w: World, user: str, target: Any) -> Seen:
    """The person opens echobot's App Home: what they are shown is the Home published for them."""
    calls = len(w.bot.fake.calls)
    reply = await w.slack.event({"type": "app_home_opened", "user": user, "tab": "home", "event_ts": "1"},
                                event_id=f"EvHOME{w.next():06d}")  # fmt: skip
    await w.bot.settle()
    assert reply.status == 200, reply
    published = [c.args for c in w.bot.fake.calls[calls:]
                 if c.method == "views.publish" and c.args.get("user_id") == user]  # fmt: skip
    return Seen(json.dumps(published[-1]["view"]) if published else "")


async def home_manages_hepc(w: World, user: str, target: Any, seen: Seen) -> bool:
    """The Home shows Hepatitis C ECHO among the programs the person runs (its Settings button)."""
    home = json.loads(seen.said or "{}")
    home = json.loads(home) if isinstance(home, str) else home
    buttons = [e for b in home.get("blocks", []) if b.get("type") == "actions" for e in b.get("elements", [])]
    return any(e.get("action_id") == Action.PROGRAM_SETTINGS and e.get("value") == str(w.hepc.id) for e in buttons)


HOME = frozenset({"views.publish", "inbound_events"})  # anyone's Home is published; the event is recorded once

# fmt: off
ROWS: list[Row] = [
    Row("/echo program new", HUB, say("program new"), opened(Callback.PROGRAM_VIEW)),
    Row("program modal: create (forged for the refused)", HUB, new_program_submit, program_created),
    Row("/echo program edit", MANAGERS, say(f"program edit {HEPC}"), opened(Callback.PROGRAM_VIEW)),
    Row("program modal: edit (forged for the refused)", MANAGERS, edit_program_submit, program_edited),
    Row("/echo program settings", MANAGERS, say(f"program settings {HEPC}"), opened(Callback.PROGRAM_SETTINGS_VIEW)),
    Row("program settings: save (forged for the refused)", MANAGERS, settings_submit, audited("program.edit")),
    Row("/echo program archive", MANAGERS, say("program archive {target}"), archived, new_program),
    Row("/echo coordinator add", ADMINS, say("coordinator add <@{target}>"), is_coordinator, new_user),
    Row("/echo coordinator remove", ADMINS, say("coordinator remove <@{target}>"), not_coordinator, new_coordinator),
    Row("session menu: edit, then its modal", MANAGERS,
        session_modal(SessionTool.EDIT, Callback.SESSION_EDIT_VIEW, lambda u: {SessionField.TOPIC: topic_of(u)}),
        topic_set, next_session),
    Row("session menu: cancel, then its modal", MANAGERS,
        session_modal(SessionTool.CANCEL, Callback.SESSION_CANCEL_VIEW, lambda u: {SessionField.REASON: "Hub holiday"}),
        session_is(SessionStatus.CANCELLED), next_session),
    Row("session tools: attendance code, then its modal", MANAGERS,
        session_modal(SessionTool.CODE, Callback.ATTENDANCE_CODE_VIEW, lambda u: {SessionField.CODE: code_of(u)}),
        code_set, first_session),
    Row("session tools: end now", MANAGERS, end_session, session_is(SessionStatus.ENDED), running_session),
    Row("/echo attendance", MANAGERS | {"coordinator of another program"}, say("attendance"),
        opened(Callback.ATTENDANCE_PICK_VIEW)),
    Row("/echo attendance import", MANAGERS | {"coordinator of another program"}, say("attendance import"),
        opened(Callback.ATTENDANCE_IMPORT_VIEW)),
    Row("attendance modal: pick a session", MANAGERS, pick_session, opened(Callback.ATTENDANCE_EDIT_VIEW),
        first_session),
    Row("attendance modal: add an attendee", MANAGERS, adjust_attendance, attendee_added, new_user),
    Row("triage: claim", STAFF, triage(Action.CASE_CLAIM, "claim"), claimed_by_them, new_case),
    Row("triage: ask for info", STAFF, triage(Action.CASE_ASK, "ask_info", {CaseField.MESSAGE: "Which genotype?"}),
        case_in(CaseState.NEEDS_INFO), new_case),
    Row("triage: schedule", STAFF, triage(Action.CASE_SCHEDULE, "schedule", {}), case_in(CaseState.SCHEDULED),
        new_case),
    Row("triage: decline", STAFF, triage(Action.CASE_DECLINE, "decline", {CaseField.REASON: "Out of scope here."}),
        case_in(CaseState.DECLINED), new_case),
    Row("triage: recommendations", STAFF,
        triage(Action.CASE_RECOMMEND, "recommend", {CaseField.RECOMMENDATIONS: "Twelve weeks is enough."}),
        case_in(CaseState.RECOMMENDATIONS_SENT), claimed_case),
    Row("triage: close", STAFF, triage(Action.CASE_CLOSE, "close"), case_in(CaseState.CLOSED), claimed_case),
    Row("case modal: present a case", PRESENTERS, present_case, presented),
    Row("/echo queue (sees this program's case)", STAFF, say("queue"), queue_shows, new_case),
    Row("/echo export credits", MANAGERS, say(f"export credits {HEPC}"), audited("export.credits")),
    Row("/echo export attendance", MANAGERS, say(f"export attendance {HEPC}"), audited("export.attendance")),
    Row("/echo export cases", MANAGERS, say(f"export cases {HEPC}"), audited("export.cases")),
    Row("/echo export evaluations", MANAGERS, say(f"export evaluations {HEPC}"), audited("export.evaluations")),
    Row("/echo credit-type", HUB, set_credit_type, credit_type_set),
    Row("/echo digest", MANAGERS, say(f"digest {HEPC}"), audited("digest.request")),
    Row("/echo hub settings", HUB, say("hub settings"), opened(Callback.HUB_SETTINGS_VIEW)),
    Row("hub settings modal (forged for the refused)", HUB, hub_settings_submit, hub_renamed),
    Row("/echo series close", MANAGERS, say("series close {target}"), answered("has been held yet"), series_name),
    Row("series close: the button", MANAGERS, close_series, answered("has been held yet"), series_program),
    Row("/echo survey edit", MANAGERS, say(f"survey edit {HEPC}"), opened(Callback.SURVEY_EDIT_VIEW)),
    Row("survey edit modal: save (forged for the refused)", MANAGERS, survey_edit_submit, audited("survey.edit")),
    Row("/echo export surveys", MANAGERS, say(f"export surveys {HEPC}"), answered("has no series")),
    Row("/echo invite", MANAGERS, say(f"invite <@{{target}}> {HEPC}"), audited("program.invite"), new_user),
    Row("App Home: the program's work and settings", MANAGERS, open_home, home_manages_hepc, answers_everyone=HOME),
]
# fmt: on


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
async def test_authorization_matrix(bot: Bot, row: Row) -> None:
    world = await build_world(bot)
    problems: list[str] = []
    shared = await row.prepare(world)
    refused = [role for role in ROLES if role not in row.allowed]
    for role in refused:
        problems += await refusal_problems(world, row, role, ROLES[role], shared)
    for role in ROLES:
        if role not in row.allowed:
            continue
        user = ROLES[role]
        target = await row.prepare(world)
        seen = await row.act(world, user, target)
        if not await row.done(world, user, target, seen):
            problems.append(f"{role}: was refused: {seen.said[:200]!r}")
    assert not problems, f"{row.name}:\n" + "\n".join(problems)


async def refusal_problems(world: World, row: Row, role: str, user: str, shared: Any) -> list[str]:
    """What went wrong when `role` (who may not) tried `row` on `shared`: it must be refused, told why, and
    leave every table and Slack untouched."""
    bot = world.bot
    await bot.settle()
    before, calls = await snapshot(bot), len(bot.fake.calls)
    seen = await row.act(world, user, shared)
    changed = [t for t in changed_tables(before, await snapshot(bot)) if t not in row.answers_everyone]
    new_calls = [c.method for c in bot.fake.calls[calls:] if c.method not in row.answers_everyone]
    problems = []
    if await row.done(world, user, shared, seen):
        problems.append(f"{role}: was allowed")
    if changed:
        problems.append(f"{role}: changed {changed}")
    if new_calls:
        problems.append(f"{role}: Slack was called: {new_calls}")
    if not seen.said:
        problems.append(f"{role}: was told nothing")
    return problems


# ---- the same matrix across two hubs (issue 14) ------------------------------------------------------
# One deployment serving two workspaces: the world above is hub A's (its installer is ADMIN); hub B's people
# act on hub A's objects with their own workspace's requests: forged ids in commands, action values and views'
# private_metadata. Even hub B's admin (its installer, allowed everything in hub B) is refused everything.
OTHER_HUB_ROLES = {"admin of another hub": B_ADMIN, "participant of another hub": B_PARTICIPANT}


@pytest.fixture
async def two_hubs(tmp_path: Path, fake_slack: FakeSlack, clock: Any, backend: Any) -> AsyncIterator[Bot]:
    """echobot serving many workspaces (OAuth), installed into the hub workspace (by ADMIN) and into HUB_B."""
    bot = await two_installed_hubs(tmp_path, fake_slack, clock)
    yield bot
    await bot.stop()


# Rows that name nothing of hub A: done by hub B's admin, they act in hub B, as they may (a program of its own,
# its own coordinators, its sessions' attendance, its credit types, its settings); test_hubs.py shows that hub
# A's records stay as they were and that hub A's people do not see hub B's.
OWN_HUB = frozenset({
    "/echo program new", "program modal: create (forged for the refused)", "/echo coordinator add",
    "/echo attendance", "/echo attendance import", "/echo credit-type", "/echo hub settings",
    "hub settings modal (forged for the refused)",
})  # fmt: skip
CROSS_ROWS = [row for row in ROWS if row.name not in OWN_HUB]


@pytest.mark.parametrize("row", CROSS_ROWS, ids=[row.name for row in CROSS_ROWS])
async def test_authorization_matrix_across_hubs(two_hubs: Bot, row: Row) -> None:
    bot = two_hubs
    other = SlackDriver(bot.base_url + EVENTS_PATH, SIGNING_SECRET, bot.fake, team=HUB_B)
    try:
        with hub.scope(HUB_TEAM):  # what the test prepares directly is hub A's
            world = await build_world(bot)
            await other.command(B_PARTICIPANT, "register")  # a participant of hub B, who may present there
            await bot.settle()
            reply = await other.submit(B_PARTICIPANT, bot.fake.opened_views()[-1], {**PROVIDER, "name": "Bo Berg"})
            assert reply.json.get("response_action") == "update", reply.text  # the form turns into the welcome
            problems: list[str] = []
            shared = await row.prepare(world)
            for role, user in OTHER_HUB_ROLES.items():
                world.other_hub = other
                problems += await refusal_problems(world, row, role, user, shared)
                world.other_hub = None
            allowed = sorted(row.allowed)[0]  # and in hub A, the row still works for who may
            target = await row.prepare(world)
            seen = await row.act(world, ROLES[allowed], target)
            if not await row.done(world, ROLES[allowed], target, seen):
                problems.append(f"{allowed} of hub A: was refused: {seen.said[:200]!r}")
    finally:
        await other.close()
    assert not problems, f"{row.name}:\n" + "\n".join(problems)


def test_the_matrix_covers_every_role_and_privileged_command() -> None:
    """Every privileged /echo subcommand has a row, so a new one cannot be forgotten."""
    privileged = {c.name for c in COMMANDS if c.audience in (Audience.MANAGER, Audience.STAFF, Audience.COORDINATOR,
                                                              Audience.ADMIN)}  # fmt: skip
    covered = {row.name.split(" (")[0].removeprefix("/echo ") for row in ROWS if row.name.startswith("/echo")}
    covered |= {"export"} if any(name.startswith("export") for name in covered) else set()
    assert privileged <= covered, privileged - covered


async def test_privileges_end_the_moment_they_are_taken_away(bot: Bot) -> None:
    """A removed hub coordinator, and a program coordinator taken off the program, are refused at once (the
    cache of who is who must not keep them in)."""
    world = await build_world(bot)
    hub, coordinator = ROLES["hub coordinator"], ROLES["program coordinator"]
    assert (await command(world, hub, "program new")).opened  # cached as a hub coordinator
    assert (await click(world, coordinator, Action.SESSION_MENU, selected=f"{SessionTool.EDIT}:1")).opened
    reply = await command(world, ADMIN, f"coordinator remove <@{hub}>")
    assert "no longer a hub coordinator" in reply.said
    seen = await command(world, hub, "program new")
    assert not seen.opened and "Only hub coordinators" in seen.said
    program = await programs.get(bot.db.reader, world.hepc.id)
    assert program is not None
    form = ProgramForm.from_program(program).model_copy(update={"coordinators": []})
    result = await world.services.programs.update(await world.person(ADMIN), program.id, form, "VEDITSTAFF")
    assert not result.errors
    seen = await click(world, coordinator, Action.SESSION_MENU, selected=f"{SessionTool.CANCEL}:1")
    assert not seen.opened and seen.said == "Only the program's coordinators can do that."
    seen = await command(world, coordinator, f"program archive {HEPC}")
    assert "Only coordinators" in seen.said
    still = await programs.get(bot.db.reader, world.hepc.id)
    assert still is not None and still.active


async def test_a_case_cannot_be_scheduled_into_another_programs_session(bot: Bot) -> None:
    """A specialist's schedule form carries the session id: one of another program's sessions is refused."""
    world = await build_world(bot)
    case_id = await new_case(world)
    case, program = await world.services.cases.get(case_id)
    room = await world.services.cases.sessions_with_room([program])
    other = await programs.get_by_name(bot.db.reader, OUD)
    assert other is not None
    now = bot.clock.now()
    [foreign, *_] = await sessions.upcoming(bot.db.reader, [other.id], now, now + timedelta(days=30))
    await bot.settle()
    before = await snapshot(bot)
    seen = await submit(world, ROLES["specialist of this program"], action_modal(case, "schedule", room),
                        {CaseField.SESSION: str(foreign.id)})  # fmt: skip
    assert "full or no longer ahead" in seen.said
    assert changed_tables(before, await snapshot(bot)) == []


async def test_the_attendance_modal_offers_only_the_sessions_of_programs_one_coordinates(bot: Bot) -> None:
    world = await build_world(bot)
    bot.clock.set(FIRST_START + timedelta(minutes=5))  # both programs' first sessions have started
    offered: dict[str, set[int]] = {}
    for role in ("coordinator of another program", "program coordinator", "hub coordinator"):
        seen = await command(world, ROLES[role], "attendance")
        [view] = seen.opened
        options = [o for b in view["blocks"] if b.get("type") == "input" for o in b["element"]["options"]]
        offered[role] = {int(o["value"]) for o in options}
    hepc_first = 1
    assert hepc_first not in offered["coordinator of another program"] and offered["coordinator of another program"]
    assert hepc_first in offered["program coordinator"] and len(offered["program coordinator"]) == 1
    assert offered["hub coordinator"] == offered["program coordinator"] | offered["coordinator of another program"]
