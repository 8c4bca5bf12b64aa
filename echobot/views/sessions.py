"""Session messages (reminders, the live post, notices), the session list, and coordinators' modals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any

from echobot.ids import Action, Callback, SessionField, SessionTool
from echobot.models import Message, Program, Session
from echobot.views.blocks import (
    Block,
    actions,
    button,
    context,
    datepicker,
    escape,
    input_block,
    link_button,
    local_label,
    modal,
    mrkdwn,
    overflow,
    plain,
    section,
    slack_date,
    static_select,
    text_input,
    timepicker,
    users_select,
    when_phrase,
    zone_note,
)
from echobot.views.materials import materials_button
from echobot.views.metadata import ViewState


def _details(session: Session) -> str:
    """The topic and presenter lines, only those that are set (an unset topic is not announced)."""
    lines = []
    if session.topic:
        lines.append(f"*Topic:* {escape(session.topic)}")
    if session.presenter:
        lines.append(f"*Presenter:* {escape(session.presenter)}")
    return "\n".join(lines)


def _with_details(lead: str, session: Session) -> str:
    details = _details(session)
    return f"{lead}\n{details}" if details else lead


def _agenda_lines(agenda: Sequence[tuple[Any, str]]) -> str:
    """The cases on the agenda: one-line summary and presenting site only, never patient details."""
    if not agenda:
        return ""
    lines = [
        f"• Case #{case.id}: {escape(case.summary or 'summary removed')} ({escape(site)})" for case, site in agenda
    ]
    return "\n*Cases:*\n" + "\n".join(lines)


def check_in_hint(session: Session, now: datetime, check_in_opens: datetime) -> str:
    """What a reminder says about checking in, true at the moment it is sent."""
    if now >= check_in_opens:
        return (
            "Check-in is open: use the *Check in* button on the session post in the program channel, "
            "so your attendance counts toward credit."
        )
    return (
        f"Check-in opens {slack_date(check_in_opens, '{time}')} (15 minutes before the start) with a *Check in* "
        "button on the session post, so your attendance counts toward credit."
    )


def reminder_message(
    program: Program,
    session: Session,
    now: datetime,
    agenda: Sequence[tuple[Any, str]] = (),
    check_in_opens: datetime | None = None,
) -> Message:
    """A reminder (a DM copy, or a reply in the session post's thread): what, when (each reader's own time),
    the cases on the agenda, the join link, and when check-in opens (or that it is open)."""
    when = slack_date(session.starts_at, "{date_long_pretty} at {time}")
    lead = f":calendar: *{escape(program.name)}* meets {when_phrase(session.starts_at, now)}: {when}"
    opens = check_in_opens or session.starts_at
    return Message(
        text=f"Reminder: {escape(program.name)} session {when_phrase(session.starts_at, now)}",
        blocks=[
            section(_with_details(lead + _agenda_lines(agenda), session)),
            actions(link_button("Join the session", Action.JOIN_VIDEO, program.video_url)),
            context(check_in_hint(session, now, opens) + " *My sessions* (on Home) adds them to your calendar."),
        ],
    )


def _tools_button(session: Session) -> Block:
    return button("Coordinator tools", Action.SESSION_COORDINATOR, str(session.id))


def _attendance_blocks(session: Session) -> list[Block]:
    """Attendance where coordinators look for it once the session is over (issues 17 and 19)."""
    return [
        actions(button("Attendance", Action.ATTENDANCE_OPEN, str(session.id)),
                button("Import video report", Action.ATTENDANCE_IMPORT, str(session.id)),
                block_id="coordinator_attendance"),
        context("Attendance and the video report are for the program's coordinators."),
    ]  # fmt: skip


def live_post(
    program: Program,
    session: Session,
    now: datetime,
    check_in_closes: datetime,
    agenda: Sequence[tuple[Any, str]] = (),
    check_in_opens: datetime | None = None,
) -> Message:
    """The one session message in the program channel, updated in place: a reminder until check-in opens,
    then the post with the Check in button, then ended (no Join), then check-in closed (no Check in)."""
    name = escape(program.name)
    status = session.status.value
    if status == "cancelled":
        lead = f":no_entry_sign: The *{name}* session of {slack_date(session.starts_at)} is cancelled."
        return Message(text=lead.replace("*", ""), blocks=[section(lead)])
    ended = status == "ended" or now >= session.ends_at
    opens = check_in_opens or now
    if ended and now >= check_in_closes:
        lead = f":white_circle: *{name}* session ended. Check-in closed {slack_date(check_in_closes, '{time}')}."
        return Message(
            text=lead.replace("*", ""),
            blocks=[
                section(_with_details(lead, session)),
                actions(_tools_button(session), materials_button(session.id)),
                *_attendance_blocks(session),
            ],
        )
    if ended:
        closes = slack_date(check_in_closes, "{time}")
        lead = f":white_circle: *{name}* session ended. Check-in stays open until {closes}."
        buttons = [button("Check in", Action.CHECK_IN, str(session.id), style="primary"), _tools_button(session),
                   materials_button(session.id)]  # fmt: skip
        note = "Missed the check-in? Check in now: your attendance counts toward your continuing-education credit."
        return Message(
            text=lead.replace("*", ""),
            blocks=[
                section(_with_details(lead, session)),
                actions(*buttons),
                context(note),
                *_attendance_blocks(session),
            ],
        )
    if now < opens:
        when = slack_date(session.starts_at, "{date_long_pretty} at {time}")
        lead = f":calendar: *{name}* meets {when}" + _agenda_lines(agenda)
        return Message(
            text=f"Reminder: {name} session {when_phrase(session.starts_at, now)}",
            blocks=[
                section(_with_details(lead, session)),
                actions(link_button("Join the session", Action.JOIN_VIDEO, program.video_url), _tools_button(session)),
                context(check_in_hint(session, now, opens) + " This message changes into the check-in post then."),
            ],
        )
    if now >= session.starts_at:
        lead = f":large_green_circle: *{name}* is live now."
    else:
        lead = f":large_green_circle: *{name}* starts {slack_date(session.starts_at, '{time}')}."
    return Message(
        text=lead.replace("*", ""),
        blocks=[
            section(_with_details(lead + _agenda_lines(agenda), session)),
            actions(
                button("Check in", Action.CHECK_IN, str(session.id), style="primary"),
                link_button("Join the session", Action.JOIN_VIDEO, program.video_url),
                _tools_button(session),
            ),
            context(
                "Check in to record your attendance: it counts toward your continuing-education credit. "
                "*Coordinator tools* are for the program's coordinators (only they see them)."
            ),
        ],
    )


def end_confirmation(program: Program) -> Block:
    """The dialog Slack shows before a session is ended: what happens next."""
    return {
        "title": plain("End this session?"),
        "text": mrkdwn(
            f"The *{escape(program.name)}* session ends now, for everyone. Check-in stays open 15 more minutes, "
            "then closes, and everyone checked in gets the evaluation (and with it their credit) in a direct "
            "message. This cannot be undone."
        ),
        "confirm": plain("End session"),
        "deny": plain("Keep it running"),
        "style": "danger",
    }


def coordinator_tools_blocks(program: Program, session: Session, now: datetime) -> list[Block]:
    """The coordinators' tools for one session, shown only to the coordinator who asked (an ephemeral)."""
    running = session.status.value == "scheduled" and session.starts_at <= now
    end = button("End session now", Action.SESSION_END_NOW, str(session.id), style="danger")
    end["confirm"] = end_confirmation(program)
    buttons = [button("Set attendance code", Action.SESSION_SET_CODE, str(session.id))]
    if running:
        buttons.append(end)
    state = "running now" if running else ("ended" if session.status.value == "ended" else "not started yet")
    return [
        section(f"*Coordinator tools* · {escape(program.name)} · {slack_date(session.starts_at)} ({state})"),
        actions(*buttons),
        context("Only you can see this. Ending early asks you to confirm first; attendees then get the evaluation."),
    ]


def moved_notice(program: Program, old_start: datetime, new_start: datetime) -> Message:
    text = (
        f":arrows_counterclockwise: The *{escape(program.name)}* session of {slack_date(old_start)} "
        f"moves to *{slack_date(new_start)}*."
    )
    return Message(text=f"{escape(program.name)}: a session moved", blocks=[section(text)])


def cancelled_notice(program: Program, session: Session, reason: str) -> Message:
    text = (
        f":no_entry_sign: The *{escape(program.name)}* session of {slack_date(session.starts_at)} "
        f"is cancelled: {escape(reason)}"
    )
    return Message(text=f"{escape(program.name)}: a session is cancelled", blocks=[section(text)])


def session_line(session: Session, program: Program) -> str:
    return (
        f"*{escape(program.name)}* · {slack_date(session.starts_at, '{date_short_pretty} at {time}')}"
        f"\n{_details(session).replace(chr(10), ' · ')} · <{program.video_url}|join link>"
    )


def presenting_blocks(session: Session, program: Program, handle: str) -> list[Block]:
    """The mark on a session where the reader's own case is discussed: Add to calendar and the join link."""
    return [
        section(f":speech_balloon: *Your {escape(handle)} is on its agenda*: your case is on this session."),
        actions(button("Add to calendar", Action.CASE_CALENDAR, str(session.id)),
                link_button("Join session", Action.CASE_VIDEO, program.video_url),
                block_id=f"presenting-{session.id}"),
    ]  # fmt: skip


SESSIONS_SHOWN = 3  # /echo sessions shows the next three; Show more adds this many again
SESSIONS_MAX = 20  # Slack's block limits


def sessions_list_blocks(
    items: list[tuple[Session, Program, bool]],
    *,
    none_text: str,
    shown: int = SESSIONS_SHOWN,
    presenting: dict[int, str] | None = None,
) -> list[Block]:
    """`items` are (session, program, may_manage): the next `shown` (at most 20), one Add all to my calendar,
    and Show more while there are more. A session's menu (edit, cancel) only for those who may manage it.
    A session where the reader presents a case (`presenting`: session id -> case handle) is marked, and shown
    even when it is further out than `shown`."""
    presenting = presenting or {}
    if not items:
        return [section(none_text)]
    shown = max(1, min(shown, SESSIONS_MAX))
    blocks: list[Block] = [section(f"*Upcoming sessions* ({len(items)})")]
    listed = items[:shown] + [item for item in items[shown:SESSIONS_MAX] if item[0].id in presenting]
    for session, program, may_manage in listed:
        menu = None
        if may_manage:
            menu = overflow(Action.SESSION_MENU, [
                ("Edit session", f"{SessionTool.EDIT}:{session.id}"),
                ("Cancel session", f"{SessionTool.CANCEL}:{session.id}"),
                ("Add to my calendar", f"{SessionTool.CALENDAR}:{session.id}"),
            ])  # fmt: skip
        blocks.append(section(session_line(session, program), accessory=menu))
        if session.id in presenting:
            blocks += presenting_blocks(session, program, presenting[session.id])
    buttons = [button("Add all to my calendar", Action.SESSIONS_CALENDAR, style="primary")]
    if len(items) > shown and shown < SESSIONS_MAX:
        buttons.append(button("Show more", Action.SESSIONS_MORE, str(shown + SESSIONS_SHOWN * 2)))
    blocks.append(actions(*buttons))
    blocks.append(context("Times show in your own time zone. *Add all to my calendar* sends one calendar file."))
    return blocks


def session_edit_modal(session: Session, program: Program) -> Block:
    local = session.starts_at.astimezone(program.zone)
    blocks = [
        section(f"*{escape(program.name)}* · {slack_date(session.starts_at)}"),
        input_block(
            SessionField.TOPIC,
            "Didactic topic",
            text_input(SessionField.TOPIC, initial=session.topic or "", max_length=200),
            optional=True,
        ),
        input_block(
            SessionField.PRESENTER,
            "Presenter",
            text_input(SessionField.PRESENTER, initial=session.presenter or "", max_length=100),
            optional=True,
        ),
        input_block(SessionField.DATE, "Date", datepicker(SessionField.DATE, initial=local.date().isoformat())),
        input_block(
            SessionField.TIME,
            "Start time",
            timepicker(SessionField.TIME, initial=local.strftime("%H:%M")),
            hint=f"In {program.timezone}. A new time moves this session only; the channel is told.",
        ),
    ]
    return modal(
        "Edit session",
        Callback.SESSION_EDIT_VIEW,
        blocks,
        submit="Save",
        private_metadata=ViewState(session_id=session.id).encode(),
    )


def session_cancel_modal(session: Session, program: Program) -> Block:
    blocks = [
        section(
            f"Cancel the *{escape(program.name)}* session of {slack_date(session.starts_at)}? Its reminders "
            "are withdrawn and the program channel is told why."
        ),
        input_block(
            SessionField.REASON,
            "Reason",
            text_input(
                SessionField.REASON,
                multiline=True,
                max_length=500,
                placeholder="The presenter is ill; we meet again next week.",
            ),
        ),
    ]
    return modal(
        "Cancel session",
        Callback.SESSION_CANCEL_VIEW,
        blocks,
        submit="Cancel session",
        close="Keep it",
        private_metadata=ViewState(session_id=session.id).encode(),
    )


def code_modal(session: Session, program: Program) -> Block:
    blocks = [
        section(
            f"*{escape(program.name)}* · {slack_date(session.starts_at)}\nAnnounce the code during the "
            "session; participants enter it with their evaluation."
        ),
        input_block(
            SessionField.CODE,
            "Attendance code",
            text_input(SessionField.CODE, initial=session.attendance_code or "", max_length=20),
            optional=True,
            hint="Leave empty for no code.",
        ),
    ]
    return modal(
        "Attendance code",
        Callback.ATTENDANCE_CODE_VIEW,
        blocks,
        submit="Save",
        private_metadata=ViewState(session_id=session.id).encode(),
    )


def _label(session: Session, program: Program, zone: tzinfo | None) -> str:
    return f"{program.name[:40]} · {local_label(session.starts_at, zone or program.zone)}"


def attendance_pick_modal(items: list[tuple[Session, Program]], zone: tzinfo | None = None) -> Block:
    """The session to take attendance of; times written in the reader's zone (`zone`), saying so."""
    if not items:
        blocks = [section("No session of your programs started in the last 30 days.")]
        return modal("Attendance", Callback.ATTENDANCE_PICK_VIEW, blocks, submit=None, close="Close")
    options = [(_label(session, program, zone), str(session.id)) for session, program in items[:100]]
    blocks = [
        input_block(
            SessionField.SESSION,
            "Session",
            static_select(SessionField.SESSION, options, initial=options[0][1]),
            hint=zone_note(zone),
        )
    ]
    return modal("Attendance", Callback.ATTENDANCE_PICK_VIEW, blocks, submit="Next")


def attendance_edit_modal(session: Session, program: Program, present: list[str]) -> Block:
    names = ", ".join(f"<@{user}>" for user in present[:150]) or "_nobody yet_"
    blocks = [
        section(
            f"*{escape(program.name)}* · {slack_date(session.starts_at)}\n*Present ({len(present)}):* {names}",
            accessory=button("Import video report", Action.ATTENDANCE_IMPORT, str(session.id)),
        ),
        input_block(
            SessionField.ADD,
            "Add attendees",
            users_select(SessionField.ADD),
            optional=True,
            hint="For example people in the video tool's report who did not check in.",
        ),
        input_block(SessionField.REMOVE, "Remove attendees", users_select(SessionField.REMOVE), optional=True),
        input_block(
            SessionField.REASON,
            "Reason",
            text_input(SessionField.REASON, max_length=300, placeholder="From the Zoom attendance report"),
            optional=True,
            hint="Needed only when you add or remove someone.",
        ),
    ]
    return modal(
        "Attendance",
        Callback.ATTENDANCE_EDIT_VIEW,
        blocks,
        submit="Save",
        private_metadata=ViewState(session_id=session.id).encode(),
    )


def attendance_done_modal(added: list[str], removed: list[str]) -> Block:
    lines = []
    if added:
        lines.append("*Added:* " + ", ".join(f"<@{user}>" for user in added))
    if removed:
        lines.append("*Removed:* " + ", ".join(f"<@{user}>" for user in removed))
    text = "\n".join(lines) or "Nothing changed: they were already recorded that way."
    return modal("Attendance", Callback.ATTENDANCE_EDIT_VIEW, [section(text)], submit=None, close="Done")
