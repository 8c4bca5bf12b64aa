"""Program set-up modal, program list, the program's introduction post and the coordinator's summary."""

from __future__ import annotations

from collections.abc import Callable

from echobot.forms import ProgramForm
from echobot.ids import Action, Callback, ProgramField
from echobot.models import Message, Program, ScheduleKind, Session
from echobot.schedule import describe, format_offsets
from echobot.views.blocks import (
    Block,
    actions,
    button,
    checkboxes,
    context,
    conversations_select,
    datepicker,
    divider,
    escape,
    external_select,
    input_block,
    modal,
    multi_static_select,
    number_input,
    radio_buttons,
    section,
    slack_date,
    static_select,
    text_input,
    timepicker,
    users_select,
)
from echobot.views.metadata import ViewState

SCHEDULE_OPTIONS = [
    ("Every week", ScheduleKind.WEEKLY.value),
    ("Every N weeks", ScheduleKind.EVERY_N_WEEKS.value),
    ("Monthly, same weekday (e.g. 2nd Tuesday)", ScheduleKind.MONTHLY.value),
    ("A single session", ScheduleKind.ONCE.value),
]


def _interval(form: ProgramForm) -> list[Block]:
    """The "Every how many weeks" input, only when the schedule is every N weeks."""
    if form.schedule != ScheduleKind.EVERY_N_WEEKS.value:
        return []
    return [
        input_block(
            ProgramField.INTERVAL,
            "Every how many weeks",
            number_input(ProgramField.INTERVAL, initial=form.interval_weeks, low=2, high=12),
        )
    ]


def program_modal(form: ProgramForm, *, program_id: int | None = None) -> Block:
    """The program's basics (issue 19): what it is, where and when it meets, and its hub team. The rest are
    settings with defaults (`program_settings_modal`), reachable from Settings on Home and in the set-up DM."""
    editing = program_id is not None
    tz = form.timezone
    blocks: list[Block] = [
        input_block(
            ProgramField.NAME,
            "Program name",
            text_input(ProgramField.NAME, initial=form.name, max_length=80, placeholder="Hepatitis C ECHO"),
        ),
        input_block(
            ProgramField.CHANNEL,
            "Program channel",
            conversations_select(ProgramField.CHANNEL, initial=form.channel_id, current=not editing, shared=True),
            hint="Reminders and session posts go here.",
        ),
        input_block(
            ProgramField.REVIEW_CHANNEL,
            "Hub review channel",
            conversations_select(ProgramField.REVIEW_CHANNEL, initial=form.review_channel_id),
            hint="Cases land here for the hub team: a private channel. echobot tells you if it needs inviting.",
        ),
        {
            **input_block(
                ProgramField.SCHEDULE,
                "How often",
                static_select(ProgramField.SCHEDULE, SCHEDULE_OPTIONS, initial=form.schedule),
            ),
            "dispatch_action": True,  # choosing "Every N weeks" shows the interval (the form is updated)
        },
        *_interval(form),
        input_block(
            ProgramField.FIRST_DATE,
            "First session",
            datepicker(ProgramField.FIRST_DATE, initial=form.first_date),
            hint="For a monthly schedule this date also sets the weekday, e.g. the 2nd Tuesday.",
        ),
        input_block(
            ProgramField.START_TIME, "Start time", timepicker(ProgramField.START_TIME, initial=form.start_time)
        ),
        input_block(
            ProgramField.TIMEZONE,
            "Time zone",
            external_select(
                ProgramField.TIMEZONE, initial=(tz, tz) if tz else None, placeholder="Type to search: Denver, Chicago…"
            ),
            hint="Sessions follow this zone's clock. It starts as your own Slack time zone.",
        ),
        input_block(
            ProgramField.DURATION,
            "Duration (minutes)",
            number_input(ProgramField.DURATION, initial=form.duration, low=15, high=240),
        ),
        input_block(
            ProgramField.VIDEO_URL,
            "Video link",
            text_input(ProgramField.VIDEO_URL, initial=form.video_url, kind="url_text_input"),
        ),
        *hub_team_fields(form),
        context("Reminders, case slots, the evaluation window, credit and the series are settings with sensible "
                "defaults: *Settings* on your Home (and in the set-up message) changes them"
                + ("." if editing else " once the program is created.")),
    ]  # fmt: skip
    metadata = ViewState(program_id=program_id).encode() if editing else ""
    return modal(
        "Edit program" if editing else "New ECHO program",
        Callback.PROGRAM_VIEW,
        blocks,
        submit="Save" if editing else "Create",
        private_metadata=metadata,
    )


def hub_team_fields(form: ProgramForm) -> list[Block]:
    """The program's people: who triages its cases and who coordinates it (part of the basics)."""
    return [
        input_block(
            ProgramField.SPECIALISTS,
            "Specialists (hub team)",
            users_select(ProgramField.SPECIALISTS, initial=form.specialists),
            optional=True,
            hint="They triage cases in the review channel.",
        ),
        input_block(
            ProgramField.COORDINATORS,
            "Program coordinators",
            users_select(ProgramField.COORDINATORS, initial=form.coordinators),
            optional=True,
            hint="Besides the hub's coordinators, who can always manage every program.",
        ),
    ]


REMINDER_CHOICES = [("7 days before", "7d"), ("3 days before", "3d"), ("1 day before", "1d"),
                    ("2 hours before", "2h"), ("1 hour before", "1h"), ("30 minutes before", "30m"),
                    ("15 minutes before", "15m"), ("10 minutes before", "10m")]  # fmt: skip


def _offset_label(offset: str) -> str:
    number, unit = offset[:-1], offset[-1]
    word = {"d": "day", "h": "hour", "m": "minute"}.get(unit, unit)
    return f"{number} {word}{'s' * (number != '1')} before"


def reminder_fields(form: ProgramForm) -> list[Block]:
    """Reminder offsets as choices; a program's own offsets that are not among them stay offered."""
    chosen = [part.strip() for part in form.offsets.split(",") if part.strip()]
    options = REMINDER_CHOICES + [(_offset_label(o), o) for o in chosen if o not in {v for _, v in REMINDER_CHOICES}]
    return [
        input_block(
            ProgramField.OFFSETS,
            "Reminders before each session",
            multi_static_select(ProgramField.OFFSETS, options, initial=chosen, placeholder="Choose when"),
            hint="Each goes to the program channel (and by DM to those who asked). Six at most.",
        )
    ]


def session_fields(form: ProgramForm) -> list[Block]:
    return [
        input_block(
            ProgramField.CASE_SLOTS,
            "Case slots per session",
            number_input(ProgramField.CASE_SLOTS, initial=form.case_slots, low=0, high=10),
        )
    ]


def evaluation_fields(form: ProgramForm) -> list[Block]:
    return [
        input_block(
            ProgramField.EVAL_WINDOW,
            "Evaluation window (days)",
            number_input(ProgramField.EVAL_WINDOW, initial=form.eval_window, low=1, high=60),
        ),
        input_block(
            ProgramField.CREDIT,
            "Credit per session (hours)",
            number_input(ProgramField.CREDIT, initial=form.credit, decimal=True),
            hint="In steps of 0.25, like 1.0 or 1.25.",
        ),
        input_block(
            ProgramField.ANONYMOUS,
            "Evaluation reports",
            checkboxes(
                ProgramField.ANONYMOUS,
                [("Show evaluation ratings and comments to coordinators *without names*", "yes")],
                initial=["yes"] if form.anonymous else [],
            ),
            optional=True,
            hint="Credit records always keep names: accreditors need them.",
        ),
    ]


def program_settings_modal(form: ProgramForm, *, program_id: int) -> Block:
    """A program's settings, each with a default, to change after set-up: from Settings on the coordinator's
    Home and in the set-up message, or `/echo program settings NAME`. Each entry of PROGRAM_SETTINGS adds its
    blocks (a new setting is one more function there)."""
    lead = (f"*{escape(form.name)}*: each setting has a default. `/echo program edit` changes the basics "
            "(schedule, channels, hub team).")  # fmt: skip
    blocks: list[Block] = [section(lead)]
    for setting in PROGRAM_SETTINGS:
        blocks += setting(form)
    blocks.append(actions(button("Invite people", Action.INVITE_PEOPLE, str(program_id))))  # issue 17
    return modal(
        "Program settings",
        Callback.PROGRAM_SETTINGS_VIEW,
        blocks,
        submit="Save",
        private_metadata=ViewState(program_id=program_id).encode(),
    )


def series_fields(form: ProgramForm) -> list[Block]:
    """Issue 17: the series (a cohort over dates) with its completion threshold, and minutes for credit."""
    return [
        input_block(ProgramField.SERIES_START, "Series starts", datepicker(ProgramField.SERIES_START,
                    initial=form.series_start), optional=True,
                    hint="A series is a cohort of sessions over dates, e.g. a 12-session spring series."),
        input_block(ProgramField.SERIES_END, "Series ends", datepicker(ProgramField.SERIES_END,
                    initial=form.series_end), optional=True,
                    hint="The series ends when its last session ends, or when you close it (/echo series close)."),
        input_block(ProgramField.COMPLETION, "Completion threshold (% of sessions)",
                    number_input(ProgramField.COMPLETION, initial=form.completion, low=1, high=100),
                    hint="Providers who attend at least this share of the series' sessions get a certificate "
                    "of completion. Cancelled sessions do not count."),
        input_block(ProgramField.CREDIT_MINUTES, "Minutes present for credit",
                    number_input(ProgramField.CREDIT_MINUTES, initial=form.credit_minutes, low=0, high=240),
                    hint="From the imported video report; 0 means off. Below it, evaluating is refused with why."),
    ]  # fmt: skip


def joining_fields(form: ProgramForm) -> list[Block]:
    """Issue 17: who can join: every registered provider (open, the default) or invited people only."""
    return [
        input_block(ProgramField.WHO_CAN_JOIN, "Who can join",
                    radio_buttons(ProgramField.WHO_CAN_JOIN, [("Open: any registered provider", "open"),
                                  ("Invitation only: coordinators approve requests or invite", "invite")],
                                  initial="invite" if form.invite_only else "open"),
                    hint="Invitation only: a Join sends the program's coordinators a request to approve or "
                    "decline; `/echo invite @person` invites people."),
    ]  # fmt: skip


PROGRAM_SETTINGS: list[Callable[[ProgramForm], list[Block]]] = [
    reminder_fields,
    session_fields,
    evaluation_fields,
    series_fields,
    joining_fields,
]


def _schedule(program: Program) -> str:
    return describe(
        program.schedule_kind, program.interval_weeks, program.first_date, program.start_time, program.timezone
    )


def program_intro_message(program: Program, next_session: Session | None) -> Message:
    when = f"The first session is {slack_date(next_session.starts_at)}." if next_session else ""
    text = f"*{escape(program.name)}* will meet here. {_schedule(program)}. {when}"
    return Message(
        text=f"{escape(program.name)} will meet in this channel.",
        blocks=[
            section(text),
            section("Registered providers can join the program to get reminders and present cases."),
            actions(button(f"Join {program.name}"[:75], Action.JOIN_PROGRAM, str(program.id), style="primary")),
            context("echobot posts reminders and a check-in button here before each session."),
        ],
    )


def program_created_message(
    program: Program, upcoming: list[Session], *, edited: bool, replanned: int = 0, kept: int = 0
) -> Message:
    lead = f"*{escape(program.name)}* is {'updated' if edited else 'set up'}."
    lines = [
        lead,
        f"*Schedule:* {_schedule(program)}, {program.duration_minutes} minutes",
        f"*Channels:* <#{program.channel_id}> for sessions, <#{program.review_channel_id}> for case review",
        f"*Reminders:* {format_offsets(program.reminder_offsets)} before each session",
        f"*Case slots:* {program.case_slots} · *Evaluation window:* {program.eval_window_days} days · "
        f"*Credit:* {program.credit:g} h",
    ]
    if edited and (replanned or kept):
        lines.append(
            f"*Sessions:* {replanned} re-planned; {kept} kept as they were (cases on the agenda or "
            "a time of their own)."
        )
    if upcoming:
        lines.append("*Next sessions:* " + ", ".join(slack_date(s.starts_at) for s in upcoming))
    blocks = [section("\n".join(lines)),  # echobot is in the review channel: the form checked it
              actions(button("Settings", Action.PROGRAM_SETTINGS, str(program.id))),
              context("*Settings* (also on your Home) changes reminders, case slots, credit and the series.")]
    return Message(text=f"{escape(program.name)} is {'updated' if edited else 'set up'}.", blocks=blocks)


def program_list_blocks(
    listing: list[tuple[Program, Session | None]], joined: set[int], *, can_join: bool
) -> list[Block]:
    if not listing:
        return [section("There are no ECHO programs yet. A coordinator can create one with `/echo program new`.")]
    blocks: list[Block] = [section("*ECHO programs*")]
    for program, next_session in listing[:40]:
        when = f"{slack_date(next_session.starts_at)} your time" if next_session else "no session planned"
        text = f"*{escape(program.name)}* · <#{program.channel_id}>\n{_schedule(program)} · next: {when}"
        accessory = None
        if can_join and program.id not in joined:
            accessory = button("Join", Action.JOIN_PROGRAM, str(program.id))
        elif program.id in joined:
            accessory = button("Leave", Action.LEAVE_PROGRAM, str(program.id))
        blocks.append(section(text, accessory=accessory))
    blocks.append(divider())
    blocks.append(context("Join or leave with the buttons, or `/echo join NAME` and `/echo leave NAME`."))
    return blocks


def program_saved_modal(program: Program, upcoming: list[Session], *, edited: bool, replanned: int = 0,
                        kept: int = 0) -> Block:  # fmt: skip
    """What the program form shows in its place once saved (issue 19: no DM): the same summary, with Settings."""
    message = program_created_message(program, upcoming, edited=edited, replanned=replanned, kept=kept)
    return modal("ECHO program", Callback.NOTICE_VIEW, message.blocks, submit=None, close="Close")
