"""Session messages (reminders, the live post, notices), the session list, and coordinators' modals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
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
    modal,
    overflow,
    section,
    slack_date,
    static_select,
    text_input,
    timepicker,
    users_select,
    when_phrase,
)
from echobot.views.metadata import ViewState


def _details(session: Session) -> str:
    topic = escape(session.topic) if session.topic else "_to be announced_"
    lines = [f"*Topic:* {topic}"]
    if session.presenter:
        lines.append(f"*Presenter:* {escape(session.presenter)}")
    return "\n".join(lines)


def reminder_message(
    program: Program, session: Session, now: datetime, agenda: Sequence[tuple[Any, str]] = ()
) -> Message:
    """A reminder: what, when (each reader's own time), the cases on the agenda (one-line summary and
    presenting site only: never patient details), the join link."""
    when = slack_date(session.starts_at, "{date_long_pretty} at {time}")
    lead = f":calendar: *{escape(program.name)}* meets {when_phrase(session.starts_at, now)}: {when}"
    if agenda:
        lines = [
            f"• Case #{case.id}: {escape(case.summary or 'summary removed')} ({escape(site)})" for case, site in agenda
        ]
        lead += "\n*Cases:*\n" + "\n".join(lines)
    return Message(
        text=f"Reminder: {escape(program.name)} session {when_phrase(session.starts_at, now)}",
        blocks=[
            section(f"{lead}\n{_details(session)}"),
            actions(link_button("Join the session", Action.JOIN_VIDEO, program.video_url)),
            context(
                "Check in when the session starts, so your attendance counts toward credit. "
                "`/echo calendar` adds the sessions to your calendar."
            ),
        ],
    )


def live_post(program: Program, session: Session, now: datetime, check_in_closes: datetime) -> Message:
    """The session post with the Check in button; after the end it says so (updated in place)."""
    ended = session.status.value == "ended" or now >= session.ends_at
    if ended:
        lead = (
            f":white_circle: *{escape(program.name)}* session ended. "
            f"Check-in stays open until {slack_date(check_in_closes, '{time}')}."
        )
    elif now >= session.starts_at:
        lead = f":large_green_circle: *{escape(program.name)}* is live now."
    else:
        lead = f":large_green_circle: *{escape(program.name)}* starts {slack_date(session.starts_at, '{time}')}."
    tools = overflow(
        Action.SESSION_TOOLS,
        [
            ("Set attendance code", f"{SessionTool.CODE}:{session.id}"),
            ("End session now", f"{SessionTool.END}:{session.id}"),
        ],
    )
    blocks = [
        section(f"{lead}\n{_details(session)}", accessory=tools),
        actions(
            button("Check in", Action.CHECK_IN, str(session.id), style="primary"),
            link_button("Join the session", Action.JOIN_VIDEO, program.video_url),
        ),
        context(
            "Check in to record your attendance: it counts toward your continuing-education credit. "
            "The menu (⋯) is for coordinators."
        ),
    ]
    if ended:  # issue 17/19: attendance where coordinators look for it, once the session is over
        blocks.append(actions(button("Attendance", Action.ATTENDANCE_OPEN, str(session.id)),
                              button("Import video report", Action.ATTENDANCE_IMPORT, str(session.id)),
                              block_id="coordinator_attendance"))  # fmt: skip
        blocks.append(context("Attendance and the video report are for the program's coordinators."))
    return Message(text=lead.replace("*", ""), blocks=blocks)


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


def sessions_list_blocks(items: list[tuple[Session, Program, bool]], *, none_text: str) -> list[Block]:
    """`items` are (session, program, may_manage). At most 20, to stay within Slack's block limits."""
    if not items:
        return [section(none_text)]
    blocks: list[Block] = [section(f"*Upcoming sessions* ({len(items)})")]
    for session, program, may_manage in items[:20]:
        options = [("Add to my calendar", f"{SessionTool.CALENDAR}:{session.id}")]
        if may_manage:
            options += [
                ("Edit session", f"{SessionTool.EDIT}:{session.id}"),
                ("Cancel session", f"{SessionTool.CANCEL}:{session.id}"),
            ]
        blocks.append(section(session_line(session, program), accessory=overflow(Action.SESSION_MENU, options)))
    blocks.append(context("Times show in your own time zone. `/echo calendar` sends a calendar file of them all."))
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


def _label(session: Session, program: Program) -> str:
    local = session.starts_at.astimezone(program.zone)
    return f"{program.name[:40]} · {local.strftime('%a %-d %b %H:%M')}"


def attendance_pick_modal(items: list[tuple[Session, Program]]) -> Block:
    if not items:
        blocks = [section("No session of your programs started in the last 30 days.")]
        return modal("Attendance", Callback.ATTENDANCE_PICK_VIEW, blocks, submit=None, close="Close")
    options = [(_label(session, program), str(session.id)) for session, program in items[:100]]
    blocks = [
        input_block(
            SessionField.SESSION, "Session", static_select(SessionField.SESSION, options, initial=options[0][1])
        )
    ]
    return modal("Attendance", Callback.ATTENDANCE_PICK_VIEW, blocks, submit="Next")


def attendance_edit_modal(session: Session, program: Program, present: list[str]) -> Block:
    names = ", ".join(f"<@{user}>" for user in present[:150]) or "_nobody yet_"
    blocks = [
        section(f"*{escape(program.name)}* · {slack_date(session.starts_at)}\n*Present ({len(present)}):* {names}",
                accessory=button("Import video report", Action.ATTENDANCE_IMPORT, str(session.id))),
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
