"""Sessions: /echo sessions and calendar, check-in, coordinators' session menus and attendance."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from echobot.calendar import calendar_file
from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.files import upload_to_dm
from echobot.handlers.forms import ack_submission, choice, choices, first_input, read_values, text
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.ids import Action, Callback, SessionField, SessionTool
from echobot.models import Person, Program, Session
from echobot.services.sessions import NOT_ALLOWED, CheckIn, check_in_window
from echobot.validation import parse_id
from echobot.views.blocks import slack_date
from echobot.views.metadata import ViewState
from echobot.views.registration import register_prompt
from echobot.views.sessions import (
    attendance_done_modal,
    attendance_edit_modal,
    attendance_pick_modal,
    code_modal,
    session_cancel_modal,
    session_edit_modal,
    sessions_list_blocks,
)

log = logging.getLogger(__name__)
S = SessionField


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


def register(app: AsyncApp, services: Services, router: Router) -> None:
    sessions, programs = services.sessions, services.programs

    async def upload_calendar(client: AsyncWebClient, user_id: str, items: list[tuple[Session, Program]]) -> None:
        content = calendar_file(items, services.settings.hub_name, services.clock.now())
        comment = f"{len(items)} upcoming ECHO session(s). Open the file to add them to your calendar."
        await upload_to_dm(client, user_id, content, "echo-sessions.ics", "ECHO sessions", comment)

    async def sessions_command(request: CommandRequest) -> None:
        mine = await programs.of_person(request.person)
        none_text = "No upcoming sessions in your programs."
        if not mine:
            mine = await programs.active()
            none_text = "No upcoming sessions. `/echo program list` shows the programs."
        items = [(s, p, programs.can_manage(request.person, p)) for s, p in await sessions.upcoming(mine)]
        await request.ack(
            text=f"{len(items)} upcoming sessions", blocks=sessions_list_blocks(items, none_text=none_text)
        )

    async def calendar_command(request: CommandRequest) -> None:
        mine = await programs.of_person(request.person)
        items = await sessions.upcoming(mine)
        if not items:
            await request.ack(text="You have no upcoming sessions: join a program first (`/echo program list`).")
            return
        await request.ack(text=f"Sending a calendar file of {len(items)} session(s) to your direct messages.")
        services.inflight.spawn(upload_calendar(request.client, request.person.user_id, items), "calendar")

    async def attendance_command(request: CommandRequest) -> None:
        await request.ack()
        items = await sessions.recent(await programs.managed_by(request.person))
        services.inflight.spawn(
            open_modal(
                request.client,
                request.trigger_id,
                attendance_pick_modal(items),
                user_id=request.person.user_id,
                channel_id=request.channel_id,
            ),
            "open-attendance",
        )

    router.add("sessions", sessions_command)
    router.add("calendar", calendar_command)
    router.add("attendance", attendance_command)

    def reply(respond: AsyncRespond, text_: str, blocks: list[dict] | None = None) -> None:
        reply_later(services.inflight, respond, text=text_, blocks=blocks, response_type="ephemeral")

    @app.action(Action.CHECK_IN)
    async def on_check_in(ack: AsyncAck, body: dict, action: dict, respond: AsyncRespond) -> None:
        await ack()
        person = await services.people.whois(body["user"]["id"])
        session_id = parse_id(action.get("value"))
        result, session = await sessions.check_in(person, session_id) if session_id else (CheckIn.NO_SESSION, None)
        message = check_in_reply(result, session)
        if result is CheckIn.NOT_REGISTERED:
            reply(respond, message, blocks=register_prompt(message))
        else:
            reply(respond, message)

    @app.action(Action.JOIN_VIDEO)
    async def on_video(ack: AsyncAck) -> None:
        await ack()  # a link button: Slack opens the link; nothing to do but acknowledge

    def parse_tool(action: dict) -> tuple[str, int | None]:
        value = str((action.get("selected_option") or {}).get("value", ""))
        tool, _, number = value.partition(":")
        return tool, parse_id(number)

    @app.action(Action.SESSION_MENU)
    @app.action(Action.SESSION_TOOLS)
    async def on_session_menu(
        ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient, respond: AsyncRespond
    ) -> None:
        await ack()
        user_id = body["user"]["id"]
        person = await services.people.whois(user_id)
        tool, session_id = parse_tool(action)
        trigger = str(body.get("trigger_id") or "")
        channel = str((body.get("channel") or {}).get("id", ""))
        if tool == SessionTool.CALENDAR:
            loaded = await sessions.get(session_id) if session_id else None
            if loaded:
                services.inflight.spawn(upload_calendar(client, user_id, [loaded]), "calendar")
                reply(respond, "Sending the calendar file to your direct messages.")
            return
        managed = await sessions.managed(person, session_id)
        if managed is None:
            reply(respond, NOT_ALLOWED)
            return
        session, program = managed
        views = {
            SessionTool.EDIT: session_edit_modal,
            SessionTool.CANCEL: session_cancel_modal,
            SessionTool.CODE: code_modal,
        }
        if tool in views:
            view = views[SessionTool(tool)](session, program)
            services.inflight.spawn(open_modal(client, trigger, view, user_id=user_id, channel_id=channel), "modal")
        elif tool == SessionTool.END:
            ended = await sessions.end_now(person, session, program)
            reply(
                respond,
                "Session ended: check-in stays open 15 minutes more; attendees get the evaluation."
                if ended
                else "This session is not running (not started yet, or already ended).",
            )

    async def submitted_session(body: dict, view: dict, ack: AsyncAck) -> tuple[Person, Session, Program] | None:
        person = await services.people.whois(body["user"]["id"])
        managed = await sessions.managed(person, ViewState.decode(view.get("private_metadata")).session_id)
        if managed is None:
            await ack(response_action="errors", errors={first_input(view): NOT_ALLOWED})
            return None
        return person, *managed

    @app.view(Callback.SESSION_EDIT_VIEW)
    async def on_edit(ack: AsyncAck, body: dict, view: dict) -> None:
        found = await submitted_session(body, view, ack)
        if found is None:
            return
        values = read_values(view)
        errors = await sessions.edit(
            *found,
            topic=text(values, S.TOPIC),
            presenter=text(values, S.PRESENTER),
            local_date=choice(values, S.DATE),
            local_time=choice(values, S.TIME),
            submission_id=str(view.get("id") or ""),
        )
        await ack_submission(ack, errors)

    @app.view(Callback.SESSION_CANCEL_VIEW)
    async def on_cancel(ack: AsyncAck, body: dict, view: dict) -> None:
        found = await submitted_session(body, view, ack)
        if found is None:
            return
        errors = await sessions.cancel(
            *found, reason=text(read_values(view), S.REASON), submission_id=str(view.get("id") or "")
        )
        await ack_submission(ack, errors)

    @app.view(Callback.ATTENDANCE_CODE_VIEW)
    async def on_code(ack: AsyncAck, body: dict, view: dict) -> None:
        found = await submitted_session(body, view, ack)
        if found is None:
            return
        code = text(read_values(view), S.CODE)
        errors = await sessions.set_code(*found, code, submission_id=str(view.get("id") or ""))
        await ack_submission(ack, errors)

    @app.view(Callback.ATTENDANCE_PICK_VIEW)
    async def on_pick(ack: AsyncAck, body: dict, view: dict) -> None:
        person = await services.people.whois(body["user"]["id"])
        picked = choice(read_values(view), S.SESSION)
        managed = await sessions.managed(person, parse_id(picked))
        if managed is None:
            await ack(response_action="errors", errors={S.SESSION: NOT_ALLOWED})
            return
        session, program = managed
        present = await sessions.attendees(session.id)
        await ack(response_action="update", view=attendance_edit_modal(session, program, present))

    @app.view(Callback.ATTENDANCE_EDIT_VIEW)
    async def on_attendance(ack: AsyncAck, body: dict, view: dict) -> None:
        found = await submitted_session(body, view, ack)
        if found is None:
            return
        values = read_values(view)
        result = await sessions.adjust_attendance(
            *found,
            choices(values, S.ADD),
            choices(values, S.REMOVE),
            text(values, S.REASON),
            submission_id=str(view.get("id") or ""),
        )
        if result.errors:
            await ack(response_action="errors", errors=result.errors)
            return
        await ack(response_action="update", view=attendance_done_modal(result.added, result.removed))
