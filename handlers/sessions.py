"""Sessions: /echo sessions and calendar, check-in, coordinators' session menus and attendance."""

from __future__ import annotations

import logging
from datetime import datetime

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from echobot.calendar import calendar_file
from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.files import upload_to_dm
from echobot.handlers.forms import ack_submission, choice, choices, first_input, text
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.handlers.zones import reader_zone
from echobot.ids import Action, Callback, SessionField, SessionTool
from echobot.models import CaseState, Person, Program, Session, SessionStatus
from echobot.services.sessions import NOT_ALLOWED, CheckIn, check_in_window
from echobot.validation import parse_id
from echobot.views.blocks import Block, counted, escape, modal, section, slack_date
from echobot.views.materials import past_materials_blocks
from echobot.views.metadata import ViewState
from echobot.views.registration import register_prompt
from echobot.views.sessions import (
    SESSIONS_SHOWN,
    attendance_done_modal,
    attendance_edit_modal,
    attendance_pick_modal,
    code_modal,
    coordinator_tools_blocks,
    session_cancel_modal,
    session_edit_modal,
    sessions_list_blocks,
)

log = logging.getLogger(__name__)


def check_in_reply(result: CheckIn, session: Session | None) -> str:
    if session is None:
        return "That session no longer exists."
    opens, closes = check_in_window(session)
    return {
        CheckIn.CHECKED_IN: ":white_check_mark: You're checked in. Your attendance counts toward credit.",
        CheckIn.ALREADY: "You're already checked in to this session.",
        CheckIn.NOT_REGISTERED: "Register first so your attendance can count toward credit.",
        CheckIn.CANCELLED: "This session was cancelled.",
        CheckIn.TOO_EARLY: f"Check-in opens {slack_date(opens, '{date_short_pretty} at {time}')}.",
        CheckIn.CLOSED: f"Check-in closed {slack_date(closes, '{date_short_pretty} at {time}')}. "
        "If you attended, ask a coordinator to add you.",
        CheckIn.REMOVED: "A coordinator removed your attendance for this session: ask them if that is a mistake.",
        CheckIn.NO_SESSION: "That session no longer exists.",
    }[result]


async def upload_calendar(services: Services, client: AsyncWebClient, user_id: str,
                          items: list[tuple[Session, Program]]) -> None:  # fmt: skip
    content = calendar_file(items, (await services.hubs.profile()).name, services.clock.now())
    comment = f"{counted(len(items), 'upcoming ECHO session')}. Open the file to add them to your calendar."
    await upload_to_dm(client, user_id, content, "echo-sessions.ics", "ECHO sessions", comment)


async def upcoming_for(services: Services, person: Person) -> tuple[list[tuple[Session, Program, bool]], str]:
    """The upcoming sessions of this person's programs (of every program when they joined none), each with
    whether they may manage it, and what to say when there are none."""
    programs = services.programs
    mine = await programs.of_person(person)
    none_text = "No upcoming sessions in your programs."
    if not mine:
        mine = await programs.active()
        none_text = "No upcoming sessions. `/echo program list` shows the programs."
    items = [(s, p, programs.can_manage(person, p)) for s, p in await services.sessions.upcoming(mine)]
    return items, none_text


async def presenting_of(services: Services, user_id: str) -> dict[int, str]:
    """The sessions where this person's own case is on the agenda: session id -> the case's short handle."""
    return {case.session_id: case.handle for case, _ in await services.cases.of_submitter(user_id)
            if case.state is CaseState.SCHEDULED and case.session_id}  # fmt: skip


async def past_materials(services: Services, person: Person) -> list[Block]:
    """Past sessions' materials of this person's programs (issue 17), below the upcoming sessions."""
    programs = {p.id: p for p in [*await services.programs.of_person(person),
                                  *await services.programs.managed_by(person)]}  # fmt: skip
    return past_materials_blocks(await services.materials.past(list(programs.values())))


async def sessions_command(request: CommandRequest) -> None:
    services = request.services
    items, none_text = await upcoming_for(services, request.person)
    presenting = await presenting_of(services, request.person.user_id)
    blocks = sessions_list_blocks(items, none_text=none_text, presenting=presenting)
    blocks += await past_materials(services, request.person)
    await request.ack(text=f"{len(items)} upcoming sessions", blocks=blocks)


async def more_sessions(ack: AsyncAck, action: dict, respond: AsyncRespond, services: Services, actor: Actor) -> None:
    """Show more in /echo sessions: the same list, longer, in place."""
    await ack()
    items, none_text = await upcoming_for(services, await actor.person())
    shown = parse_id(action.get("value")) or SESSIONS_SHOWN
    blocks = sessions_list_blocks(items, none_text=none_text, shown=shown,
                                  presenting=await presenting_of(services, actor.user_id))  # fmt: skip
    blocks += await past_materials(services, await actor.person())
    reply_later(services.inflight, respond, text=f"{len(items)} upcoming sessions", blocks=blocks,
                response_type="ephemeral", replace_original=True)  # fmt: skip


async def send_calendar(services: Services, client: AsyncWebClient, person: Person) -> str:
    """The calendar file of this person's upcoming sessions, to their DMs; what to tell them."""
    items = await services.sessions.upcoming(await services.programs.of_person(person))
    if not items:
        return "You have no upcoming sessions: join a program first (`/echo program list`)."
    services.inflight.spawn(upload_calendar(services, client, person.user_id, items), "calendar")
    return f"Sending a calendar file of {counted(len(items), 'session')} to your direct messages."


async def calendar_command(request: CommandRequest) -> None:
    await request.ack(text=await send_calendar(request.services, request.client, request.person))


async def calendar_all(ack: AsyncAck, client: AsyncWebClient, respond: AsyncRespond, services: Services,
                       actor: Actor) -> None:  # fmt: skip
    """Add all to my calendar (in /echo sessions): one calendar file of every upcoming session."""
    await ack()
    reply(services, respond, await send_calendar(services, client, await actor.person()))


async def checkin_command(request: CommandRequest) -> None:
    """`/echo checkin`: where the Check in button is and when it opens (checking in is that button)."""
    services = request.services
    mine = await services.programs.of_person(request.person)
    now = services.clock.now()
    candidates = await services.sessions.recent(mine, days=1) + await services.sessions.upcoming(mine, days=60)
    await request.ack(text=checkin_answer(candidates, now))


def checkin_answer(candidates: list[tuple[Session, Program]], now: datetime) -> str:
    """The answer to `/echo checkin` for the first session whose check-in has not closed."""
    for session, program in candidates:
        opens, closes = check_in_window(session)
        if session.status is SessionStatus.CANCELLED or now > closes:
            continue
        where = f"the *Check in* button on the session post in <#{program.channel_id}>"
        if now >= opens:
            return (f"Check-in for *{escape(program.name)}* is open now: use {where}. "
                    f"It stays open until {slack_date(closes, '{time}')}.")  # fmt: skip
        return (f"Check in with {where}. For your next session, *{escape(program.name)}* "
                f"{slack_date(session.starts_at)}, it appears {slack_date(opens, '{date_short_pretty} at {time}')} "
                "(15 minutes before the start) and stays until 15 minutes after the end.")  # fmt: skip
    return ("Check in with the *Check in* button on the session post in the program channel: it appears 15 "
            "minutes before each session. You have no upcoming session: join a program first "
            "(`/echo program list`).")  # fmt: skip


async def attendance_command(request: CommandRequest) -> None:
    await request.ack()
    services = request.services
    items = await services.sessions.recent(await services.programs.managed_by(request.person))
    services.inflight.spawn(open_attendance(request, items), "open-attendance")


async def open_attendance(request: CommandRequest, items: list[tuple[Session, Program]]) -> None:
    """The attendance picker, its times in the coordinator's own zone."""
    zone = await reader_zone(request.services, request.client, request.person.user_id)
    await open_modal(request.client, request.trigger_id, attendance_pick_modal(items, zone),
                     user_id=request.person.user_id, channel_id=request.channel_id)  # fmt: skip


def reply(services: Services, respond: AsyncRespond, text_: str, blocks: list[dict] | None = None) -> None:
    reply_later(services.inflight, respond, text=text_, blocks=blocks, response_type="ephemeral")


async def check_in(ack: AsyncAck, action: dict, body: dict, client: AsyncWebClient, respond: AsyncRespond,
                   services: Services, actor: Actor, trigger_id: str) -> None:  # fmt: skip
    """Check in from the session post (an ephemeral answer: the post is everyone's) or from Home, which changes
    in place to say so (no message); a refusal from Home opens a small window saying why."""
    await ack()
    session_id = parse_id(action.get("value"))
    person = await actor.person()
    result, session = await services.sessions.check_in(person, session_id) if session_id else (CheckIn.NO_SESSION,
                                                                                                None)  # fmt: skip
    message = check_in_reply(result, session)
    if not getattr(respond, "response_url", None):
        from echobot.handlers.home import answer_in_view  # Home imports this module

        if result not in (CheckIn.CHECKED_IN, CheckIn.ALREADY) and (body.get("view") or {}).get("type") != "modal":
            blocks = register_prompt(message) if result is CheckIn.NOT_REGISTERED else [section(message)]
            view = modal("Check in", Callback.NOTICE_VIEW, blocks, submit=None, close="Close")
            await open_modal(client, trigger_id, view, user_id=actor.user_id)  # first: the trigger lives 3 s
        await answer_in_view(services, client, body, actor.user_id, message)
        return
    if result is CheckIn.NOT_REGISTERED:
        reply(services, respond, message, blocks=register_prompt(message))
    else:
        reply(services, respond, message)


async def join_video(ack: AsyncAck) -> None:
    await ack()  # a link button: Slack opens the link; nothing to do but acknowledge


def parse_tool(action: dict) -> tuple[str, int | None]:
    value = str((action.get("selected_option") or {}).get("value", ""))
    tool, _, number = value.partition(":")
    return tool, parse_id(number)


SESSION_MODALS = {SessionTool.EDIT: session_edit_modal, SessionTool.CANCEL: session_cancel_modal,
                  SessionTool.CODE: code_modal}  # fmt: skip


async def session_menu(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                       services: Services, actor: Actor, trigger_id: str, channel_id: str | None) -> None:  # fmt: skip
    """A session's overflow menu: its calendar file for anyone; edit, cancel, code and end for its managers."""
    await ack()
    sessions = services.sessions
    tool, session_id = parse_tool(action)
    if tool == SessionTool.CALENDAR:
        loaded = await sessions.get(session_id) if session_id else None
        if loaded:
            services.inflight.spawn(upload_calendar(services, client, actor.user_id, [loaded]), "calendar")
            reply(services, respond, "Sending the calendar file to your direct messages.")
        return
    person = await actor.person()
    managed = await sessions.managed(person, session_id)
    if managed is None:
        reply(services, respond, NOT_ALLOWED)
        return
    session, program = managed
    if tool in SESSION_MODALS:
        view = SESSION_MODALS[SessionTool(tool)](session, program)
        services.inflight.spawn(open_modal(client, trigger_id, view, user_id=actor.user_id,
                                           channel_id=channel_id or ""), "modal")  # fmt: skip
    elif tool == SessionTool.END:
        ended = await sessions.end_now(person, session, program)
        reply(services, respond, "Session ended: check-in stays open 15 minutes more; attendees get the evaluation."
              if ended else "This session is not running (not started yet, or already ended).")  # fmt: skip


TOOLS_REFUSAL = (
    "Only the program's coordinators can do that. To record your attendance, use the *Check in* button "
    "on the session post."
)


async def coordinator_tools(ack: AsyncAck, action: dict, respond: AsyncRespond, services: Services,
                            actor: Actor) -> None:  # fmt: skip
    """The "Coordinator tools" button on the session post: the tools, only for a coordinator (an ephemeral)."""
    await ack()
    managed = await services.sessions.managed(await actor.person(), parse_id(action.get("value")))
    if managed is None:
        reply(services, respond, TOOLS_REFUSAL)
        return
    session, program = managed
    blocks = coordinator_tools_blocks(program, session, services.clock.now())
    reply(services, respond, f"Coordinator tools for {program.name}", blocks=blocks)


async def end_now(ack: AsyncAck, action: dict, respond: AsyncRespond, services: Services, actor: Actor) -> None:
    """End session now (in the coordinator tools; Slack asked the coordinator to confirm first)."""
    await ack()
    person = await actor.person()
    managed = await services.sessions.managed(person, parse_id(action.get("value")))
    if managed is None:
        reply(services, respond, TOOLS_REFUSAL)
        return
    ended = await services.sessions.end_now(person, *managed)
    reply(services, respond, "Session ended: check-in stays open 15 minutes more; attendees get the evaluation."
          if ended else "This session is not running (not started yet, or already ended).")  # fmt: skip


async def set_code(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond, services: Services,
                   actor: Actor, trigger_id: str, channel_id: str | None) -> None:  # fmt: skip
    """Set attendance code (in the coordinator tools): its modal."""
    await ack()
    managed = await services.sessions.managed(await actor.person(), parse_id(action.get("value")))
    if managed is None:
        reply(services, respond, TOOLS_REFUSAL)
        return
    services.inflight.spawn(open_modal(client, trigger_id, code_modal(*managed), user_id=actor.user_id,
                                       channel_id=channel_id or ""), "modal")  # fmt: skip


async def submitted_session(services: Services, actor: Actor, view: dict, view_state: ViewState,
                            ack: AsyncAck) -> tuple[Person, Session, Program] | None:  # fmt: skip
    """The session a manager's modal is about, or None after refusing the submission."""
    person = await actor.person()
    managed = await services.sessions.managed(person, view_state.session_id)
    if managed is None:
        await ack(response_action="errors", errors={first_input(view): NOT_ALLOWED})
        return None
    return person, *managed


async def submit_edit(ack: AsyncAck, view: dict, services: Services, actor: Actor, view_state: ViewState,
                      values: dict, submission_id: str) -> None:  # fmt: skip
    found = await submitted_session(services, actor, view, view_state, ack)
    if found is None:
        return
    errors = await services.sessions.edit(*found, topic=text(values, SessionField.TOPIC),
                                          presenter=text(values, SessionField.PRESENTER),
                                          local_date=choice(values, SessionField.DATE),
                                          local_time=choice(values, SessionField.TIME),
                                          submission_id=submission_id)  # fmt: skip
    await ack_submission(ack, errors)


async def submit_cancel(ack: AsyncAck, view: dict, services: Services, actor: Actor, view_state: ViewState,
                        values: dict, submission_id: str) -> None:  # fmt: skip
    found = await submitted_session(services, actor, view, view_state, ack)
    if found is None:
        return
    errors = await services.sessions.cancel(*found, reason=text(values, SessionField.REASON),
                                            submission_id=submission_id)  # fmt: skip
    await ack_submission(ack, errors)


async def submit_code(ack: AsyncAck, view: dict, services: Services, actor: Actor, view_state: ViewState,
                      values: dict, submission_id: str) -> None:  # fmt: skip
    found = await submitted_session(services, actor, view, view_state, ack)
    if found is None:
        return
    errors = await services.sessions.set_code(*found, text(values, SessionField.CODE), submission_id=submission_id)
    await ack_submission(ack, errors)


async def pick_session(ack: AsyncAck, services: Services, actor: Actor, values: dict) -> None:
    managed = await services.sessions.managed(await actor.person(), parse_id(choice(values, SessionField.SESSION)))
    if managed is None:
        await ack(response_action="errors", errors={SessionField.SESSION: NOT_ALLOWED})
        return
    session, program = managed
    present = await services.sessions.attendees(session.id)
    await ack(response_action="update", view=attendance_edit_modal(session, program, present))


async def submit_attendance(ack: AsyncAck, view: dict, services: Services, actor: Actor, view_state: ViewState,
                            values: dict, submission_id: str) -> None:  # fmt: skip
    found = await submitted_session(services, actor, view, view_state, ack)
    if found is None:
        return
    result = await services.sessions.adjust_attendance(
        *found, choices(values, SessionField.ADD), choices(values, SessionField.REMOVE),
        text(values, SessionField.REASON), submission_id=submission_id,
    )  # fmt: skip
    if result.errors:
        await ack(response_action="errors", errors=result.errors)
        return
    if not choices(values, SessionField.ADD) and not choices(values, SessionField.REMOVE):
        await ack()  # only looking (issue 19): the form closes, no reason asked, nothing recorded
        return
    await ack(response_action="update", view=attendance_done_modal(result.added, result.removed))


def register(app: AsyncApp, router: Router) -> None:
    router.add("sessions", sessions_command)
    router.add("calendar", calendar_command)
    router.add("attendance", attendance_command)
    router.add("checkin", checkin_command)
    app.action(Action.CHECK_IN)(check_in)
    app.action(Action.JOIN_VIDEO)(join_video)
    app.action(Action.SESSION_MENU)(session_menu)
    app.action(Action.SESSION_TOOLS)(session_menu)  # the menu on session posts made by earlier releases
    app.action(Action.SESSIONS_MORE)(more_sessions)
    app.action(Action.SESSIONS_CALENDAR)(calendar_all)
    app.action(Action.SESSION_COORDINATOR)(coordinator_tools)
    app.action(Action.SESSION_END_NOW)(end_now)
    app.action(Action.SESSION_SET_CODE)(set_code)
    app.view(Callback.SESSION_EDIT_VIEW)(submit_edit)
    app.view(Callback.SESSION_CANCEL_VIEW)(submit_cancel)
    app.view(Callback.ATTENDANCE_CODE_VIEW)(submit_code)
    app.view(Callback.ATTENDANCE_PICK_VIEW)(pick_session)
    app.view(Callback.ATTENDANCE_EDIT_VIEW)(submit_attendance)
