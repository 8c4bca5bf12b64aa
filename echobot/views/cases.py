"""The case form, the hub's case message with its triage buttons, thread lines, the submitter's
messages, the triage modals, and the case lists."""

from __future__ import annotations

from datetime import datetime, tzinfo

from echobot.ids import Action, Callback, CaseField, Teaching
from echobot.models import AGE_BANDS, SEXES, Case, CaseState, Message, Program, Session
from echobot.triage import FOLLOWUP_OUTCOMES, TEXT_LIMIT, TRIAGE, TriageAction, buttons_in
from echobot.views.blocks import (
    Block,
    actions,
    button,
    checkboxes,
    context,
    divider,
    escape,
    input_block,
    link_button,
    local_label,
    modal,
    plain,
    radio_buttons,
    section,
    slack_date,
    static_select,
    text_input,
    typed_text,
    zone_note,
)
from echobot.views.metadata import ViewState
from echobot.views.takeback import report_block

STATE_MARKS = {
    CaseState.SUBMITTED: ":large_yellow_circle:",
    CaseState.IN_REVIEW: ":large_blue_circle:",
    CaseState.NEEDS_INFO: ":question:",
    CaseState.SCHEDULED: ":calendar:",
    CaseState.PRESENTED: ":speech_balloon:",
    CaseState.RECOMMENDATIONS_SENT: ":memo:",
    CaseState.CLOSED: ":white_check_mark:",
    CaseState.DECLINED: ":no_entry_sign:",
}
NOT_EMERGENCY = "echobot is not for emergencies: for an urgent problem, call the hub or send the patient to care now."


def case_modal(programs: list[Program], sessions: list[tuple[Session, Program]], *, initial_program: str = "",
               zone: tzinfo | None = None) -> Block:  # fmt: skip
    """The case form; session times written in the reader's zone (`zone`), saying so."""
    session_options = [(f"{p.name[:30]} · {local_label(s.starts_at, zone or p.zone)}", str(s.id))
                       for s, p in sessions[:100]]  # fmt: skip
    blocks: list[Block] = [
        section(
            ":lock: *De-identified cases only.* No names, places smaller than a state, dates other than the "
            "year, ages over 89, phone numbers, record or account numbers. echobot checks before anything is "
            "saved."
        ),
        input_block(
            CaseField.PROGRAM,
            "Program",
            static_select(
                CaseField.PROGRAM,
                [(p.name, str(p.id)) for p in programs],
                initial=initial_program or (str(programs[0].id) if len(programs) == 1 else None),
            ),
        ),
        _dispatching(input_block(
            CaseField.SUMMARY,
            "One-line summary",
            text_input(
                CaseField.SUMMARY,
                max_length=150,
                placeholder="50s woman, HCV genotype 3, compensated cirrhosis, treatment-naive",
            ),
        )),
        input_block(
            CaseField.QUESTION,
            "Your question for the hub",
            text_input(CaseField.QUESTION, multiline=True, max_length=500),
        ),
        actions(button("Find similar cases", Action.CASE_SIMILAR), block_id=f"{CaseField.QUESTION}-similar"),
        input_block(
            CaseField.AGE_BAND, "Age band", static_select(CaseField.AGE_BAND, [(band, band) for band in AGE_BANDS])
        ),
        input_block(CaseField.SEX, "Sex", static_select(CaseField.SEX, [(sex.capitalize(), sex) for sex in SEXES])),
        input_block(
            CaseField.PRESENTING,
            "Presenting problem",
            text_input(CaseField.PRESENTING, multiline=True, max_length=3000),
        ),
        input_block(
            CaseField.HISTORY,
            "Relevant history",
            text_input(CaseField.HISTORY, multiline=True, max_length=3000),
            optional=True,
        ),
        input_block(
            CaseField.MEDICATIONS,
            "Current medications",
            text_input(CaseField.MEDICATIONS, multiline=True, max_length=2000),
            optional=True,
        ),
        input_block(
            CaseField.LABS,
            "Pertinent labs and imaging",
            text_input(CaseField.LABS, multiline=True, max_length=3000),
            optional=True,
            hint="Values and years are fine; leave out full dates.",
        ),
        input_block(
            CaseField.TRIED,
            "What has been tried",
            text_input(CaseField.TRIED, multiline=True, max_length=2000),
            optional=True,
        ),
        input_block(
            CaseField.URGENCY,
            "Urgency",
            radio_buttons(
                CaseField.URGENCY,
                [("Routine", "routine"), ("Soon (the next session, please)", "soon")],
                initial="routine",
            ),
            hint=NOT_EMERGENCY,
        ),
    ]
    if session_options:
        blocks.append(
            input_block(
                CaseField.SESSION,
                "Preferred session",
                static_select(CaseField.SESSION, session_options),
                optional=True,
                hint=f"Sessions with a free case slot. {zone_note(zone)}",
            )
        )
    teaching = checkboxes(CaseField.TEACHING, [("This case may be used for *teaching*", Teaching.TEACHING),
                                               ("Credit me by name in the case library", Teaching.CREDIT)])
    teaching["options"][0]["description"] = plain("Its teaching points, never its text, may go into the case library")
    blocks.append(input_block(CaseField.TEACHING, "Teaching", teaching, optional=True,
                              hint="Leave these empty and the case stays out of the library."))  # fmt: skip
    blocks.append(input_block(CaseField.CONFIRM, "Confirmation", checkboxes(CaseField.CONFIRM, [
        ("This case contains *no patient identifiers*", "yes")])))  # fmt: skip
    return modal("Present an ECHO case", Callback.CASE_VIEW, blocks, submit="Submit case")


def _dispatching(block: Block) -> Block:
    """The summary input: Enter in it asks for the similar-cases hint (the modal stays open)."""
    element = {**block["element"], "dispatch_action_config": {"trigger_actions_on": ["on_enter_pressed"]}}
    return {**block, "dispatch_action": True, "element": element}


def notice_modal(title: str, text: str, *buttons: Block) -> Block:
    blocks = [section(text)]
    if buttons:
        blocks.append(actions(*buttons))
    return modal(title, Callback.NOTICE_VIEW, blocks, submit=None, close="Close")


def _hub_head(case: Case, program: Program, site: str, session: Session | None) -> str:
    state = f"{STATE_MARKS[case.state]} *{case.state.label}*"
    if case.owner:
        state += f" · <@{case.owner}>"
    if case.state is CaseState.SCHEDULED and session is not None:
        state += f" · {slack_date(session.starts_at)}"
    who = f"<@{case.submitter}>" + (f" ({escape(site)})" if site else "")
    return (f"*{case.title}* · {escape(program.name)} · {state}\n*Patient:* {case.age_band}, {case.sex} · "
            f"*Urgency:* {case.urgency} · *Presented by:* {who}")  # fmt: skip


def _presentation(case: Case) -> list[tuple[str, str | None]]:
    return [("Summary", case.summary), ("Question", case.question), ("Presenting problem", case.presenting_problem),
            ("History", case.history), ("Medications", case.medications), ("Labs and imaging", case.labs),
            ("Tried so far", case.tried), ("Recommendations", case.recommendations)]  # fmt: skip


# What the hub message carries of the case: what triage needs. The rest is behind "Read the whole case", so the
# message stays under Slack's total of characters in a message's blocks however long the case is (typed text
# is plain text, so its size is its own: summary 150 + question 500 + recommendations 3,000 at most).
HUB_FIELDS = ("Summary", "Question", "Recommendations")


def hub_message(case: Case, program: Program, site: str, session: Session | None) -> Message:
    """The case in the hub review channel, updated in place as it moves: the summary and the buttons at the
    top, the clinical text under them."""
    blocks: list[Block] = [section(_hub_head(case, program, site, session))]
    if case.summary and case.purged_at is None:
        blocks += typed_text("Summary", case.summary)  # typed text stays plain text
    buttons = hub_buttons(case)
    if buttons:
        blocks.append(actions(*buttons, block_id=f"case-{case.id}"))
    if case.reported_at is not None:
        blocks.append(context("The clinical text was removed: someone reported patient identifiers in it."))
    elif case.purged_at is not None:
        blocks.append(context("The clinical text was removed after the retention period."))
    if case.purged_at is None:
        for label, text in _presentation(case):
            if text and label in HUB_FIELDS and label != "Summary":
                blocks += typed_text(label, text)
        blocks.append(section("The whole presentation: problem, history, medications, labs, what was tried.",
                              accessory=button("Read the whole case", Action.CASE_READ, str(case.id))))  # fmt: skip
    if case.holds_text:
        blocks.append(report_block(case.id, "Does something in this case identify the patient?"))
    blocks.append(context("Only this program's specialists and coordinators can act on the case. "
                          "Its history is in the thread."))  # fmt: skip
    return Message(text=f"{case.title} ({escape(program.name)}): {case.state.label}", blocks=blocks)


def whole_case_modal(case: Case, program: Program, site: str) -> Block:
    """Every field of the case as presented, and the recommendations (from "Read the whole case")."""
    blocks: list[Block] = [section(_hub_head(case, program, site, None))]
    for label, text in _presentation(case):
        if text:
            blocks += typed_text(label, text)
    blocks.append(context("De-identified case text: keep it inside echobot and the hub's review channel."))
    return modal(case.title[:24], Callback.NOTICE_VIEW, blocks, submit=None, close="Close")


def hub_buttons(case: Case) -> list[Block]:
    """The triage actions the case's state allows (echobot.triage), as buttons."""
    return [button(step.button, step.action_id, str(case.id), style=step.style) for step in buttons_in(case.state)]


def thread_line(actor: str, verb: str, at: datetime, note: str | None, case_id: int | None = None) -> Message:
    """A line of the case's history in the hub thread; one with words someone wrote can be reported."""
    who = "echobot" if actor == "system" else f"<@{actor}>"
    text = f"{who} {verb} · {slack_date(at, '{date_short_pretty} {time}')}"
    blocks = [section(text), *(typed_text("", note) if note else [])]
    if note and case_id is not None:
        blocks.append(report_block(case_id))
    fallback = f"{text}: {escape(note[:300])}" if note else text  # what notifications and screen readers show
    return Message(text=fallback, blocks=blocks)


def presenter_status(case: Case, program: Program, session: Session | None) -> str:
    """The status line of the presenter's case message: where the case stands and what comes next."""
    mark = f"{STATE_MARKS[case.state]} *{case.state.label}*"
    when = slack_date(session.starts_at, "{date_long_pretty} at {time}") if session is not None else ""
    return {
        CaseState.SUBMITTED: f"{mark}: waiting for the hub team to review it.",
        CaseState.IN_REVIEW: f"{mark}" + (f" by <@{case.owner}>." if case.owner else "."),
        CaseState.NEEDS_INFO: f"{mark}: the hub team asked a question (in the thread). Reply when you can.",
        CaseState.SCHEDULED: (f"{mark}: it will be discussed *{when}* in the {escape(program.name)} session. "
                              "Be ready to present it." if session else f"{mark} for a session."),
        CaseState.PRESENTED: f"{mark}" + (f" {when}" if session else "") + ": written recommendations follow.",
        CaseState.RECOMMENDATIONS_SENT: f"{mark}: the hub team's recommendations are in the thread.",
        CaseState.CLOSED: f"{mark}. Thank you for presenting it.",
        CaseState.DECLINED: f"{mark}: the hub team's reason is in the thread.",
    }[case.state]  # fmt: skip


def presenter_message(case: Case, program: Program, session: Session | None) -> Message:
    """The presenter's one message about a case, updated in place as it moves; each change is a thread reply."""
    status = presenter_status(case, program, session)
    blocks: list[Block] = [section(f"*{escape(case.handle)}* · {escape(program.name)}\n{status}")]
    buttons: list[Block] = []
    if case.state is CaseState.SCHEDULED and session is not None:
        buttons += [button("Add to calendar", Action.CASE_CALENDAR, str(session.id)),
                    link_button("Join session", Action.CASE_VIDEO, program.video_url)]  # fmt: skip
    if case.state is CaseState.NEEDS_INFO:
        buttons.append(button("Reply", Action.CASE_REPLY, str(case.id), style="primary"))
    if buttons:
        blocks.append(actions(*buttons, block_id=f"presenter-{case.id}"))
    if case.holds_text:
        blocks.append(report_block(case.id))
    blocks.append(context("Every change to this case is a reply in this message's thread."))
    return Message(text=f"{escape(case.handle)}: {case.state.label}", blocks=blocks)


def presenter_reply(case: Case, action: str, note: str | None, session: Session | None) -> Message | None:
    """One change to the case, as a reply in the thread of the presenter's case message (None: nothing to say)."""
    when = slack_date(session.starts_at, "{date_long_pretty} at {time}") if session is not None else "a session"
    # claim, present and close only change the status line above (updated in place): no reply repeats it
    lead = {
        "ask_info": "The hub team asks for more information:",
        "reply": "Your answer went to the hub team; the case is back in review.",
        "schedule": f"Scheduled: it will be discussed {when}.",
        "decline": "The hub team declined the case:",
        "recommend": "The hub team's recommendations:",
        "unschedule": "Its session was cancelled: the hub team will schedule it again.",
    }.get(action)
    if lead is None:
        return None
    blocks: list[Block] = [section(lead)]
    if note and action in ("ask_info", "decline", "recommend"):
        blocks += typed_text("", note)
    if action == "ask_info":
        blocks.append(actions(button("Reply", Action.CASE_REPLY, str(case.id), style="primary")))
    if note and action in ("ask_info", "decline", "recommend"):
        blocks.append(report_block(case.id))
    # the two changes a presenter must not miss also show in the conversation, not only in the thread
    return Message(text=f"{escape(case.handle)}: {lead}", blocks=blocks, broadcast=action in BROADCAST)


BROADCAST = ("schedule", "recommend")  # presenter replies sent with reply_broadcast


def followup_message(case: Case, program: Program) -> Message:
    lead = (
        f"Some weeks ago the hub sent recommendations on *{case.title}* ({escape(program.name)}: "
        f"{escape(case.summary or '')}). How is the patient doing? Your answer helps the hub team learn too."
    )
    value = str(case.id)
    return Message(text=f"How is the patient of {case.title} doing?", blocks=[
        section(lead),
        actions(*(button(label, f"{Action.FOLLOWUP}:{outcome}", f"{value}:{outcome}") for outcome, label in
                  FOLLOWUP_OUTCOMES.items())),
        report_block(case.id),
    ])  # fmt: skip


def _case_header(case: Case) -> Block:
    return section(f"*{case.title}*: {escape(case.summary or '')}")


def action_modal(case: Case, action: TriageAction, sessions: list[tuple[Session, Program]] | None = None,
                 zone: tzinfo | None = None, extra: list[Block] | None = None) -> Block:  # fmt: skip
    """The modal of a triage action that needs words (or a session: its times in the reader's `zone`)."""
    step = TRIAGE[action]
    assert step.modal is not None, f"{action} needs no modal"
    title, field, label, submit = step.modal.title, step.modal.field, step.modal.label, step.modal.submit
    if field is CaseField.SESSION:
        options = [(local_label(s.starts_at, zone or p.zone), str(s.id)) for s, p in (sessions or [])[:100]]
        if not options:
            return notice_modal(title, "No upcoming session of this program has a free case slot.")
        note = zone_note(zone) if zone else f"Times in the program's time zone, {(sessions or [])[0][1].timezone}."
        blocks = [_case_header(case), input_block(field, label, static_select(field, options), hint=note)]
    else:
        blocks = [_case_header(case),
                  input_block(field, label, text_input(field, multiline=True, max_length=TEXT_LIMIT)),
                  context("De-identified text only: echobot checks it before sending."), *(extra or [])]  # fmt: skip
    return modal(title, Callback.CASE_ACTION_VIEW, blocks, submit=submit, private_metadata=_metadata(case.id, action))


def _metadata(case_id: int, action: str) -> str:
    return ViewState(case_id=case_id, action=action).encode()


def followup_modal(case: Case, outcome: str) -> Block:
    options = [(label, outcome) for outcome, label in FOLLOWUP_OUTCOMES.items()]
    blocks = [
        _case_header(case),
        input_block(
            CaseField.OUTCOME, "How is the patient doing?", radio_buttons(CaseField.OUTCOME, options, initial=outcome)
        ),
        input_block(
            CaseField.NOTE,
            "Anything the hub should know",
            text_input(CaseField.NOTE, multiline=True, max_length=2000),
            optional=True,
        ),
    ]
    return modal("Patient follow-up", Callback.FOLLOWUP_VIEW, blocks, submit="Send",
                 private_metadata=_metadata(case.id, "followup"))  # fmt: skip


def my_cases_blocks(items: list[tuple[Case, Program]]) -> list[Block]:
    if not items:
        return [section("You have not presented a case yet. `/echo case` opens the form.")]
    lines = [f"{STATE_MARKS[c.state]} *{c.title}* · {escape(p.name)} · {c.state.label} · "
             f"{escape(c.summary or 'text removed')}" for c, p in items]  # fmt: skip
    return [section("*Your cases*"), section("\n".join(lines)[:2990])]


def queue_blocks(items: list[tuple[Case, Program]], now: datetime,
                 mine: list[tuple[Case, Program]] | None = None) -> list[Block]:  # fmt: skip
    """Cases waiting for triage, oldest first; then the open cases in this person's review."""
    review: list[Block] = []
    if mine:
        lines = [f"{STATE_MARKS[c.state]} *{escape(c.handle)}* · {escape(p.name)} · {c.state.label} · "
                 f"<#{p.review_channel_id}>" for c, p in mine[:30]]  # fmt: skip
        review = [section(f"*Your cases in review* ({len(mine)})\n" + "\n".join(lines)[:2900])]
    if not items:
        return [section("No case is waiting for triage in your programs."), *review]
    lines = []
    for case, program in items[:40]:
        days = (now - case.submitted_at).days
        age = "today" if days == 0 else f"{days} day{'s' if days != 1 else ''}"
        flag = " :warning:" if days > 7 else ""
        lines.append(f"*{case.title}* · {escape(program.name)} · waiting {age}{flag} · {escape(case.summary or '')}")
    return [section(f"*Waiting for triage* ({len(items)}), oldest first"), divider(),
            section("\n".join(lines)[:2990]), context("Claim them in each program's review channel."),
            *review]  # fmt: skip
