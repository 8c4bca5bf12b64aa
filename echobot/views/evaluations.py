"""The evaluation prompt, the evaluation modal, the credit confirmation and the transcript."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from echobot.ids import Action, Callback, EvaluationField
from echobot.models import CreditRecord, Message, Program, Session
from echobot.reports import Transcript
from echobot.views.blocks import (
    Block,
    actions,
    button,
    checkboxes,
    context,
    datepicker,
    escape,
    input_block,
    modal,
    radio_buttons,
    section,
    slack_date,
    static_select,
    text_input,
)
from echobot.views.metadata import ViewState

ATTESTATION = "I participated in this activity and claim only the credit matching my participation"


def _session_title(session: Session, program: Program) -> str:
    topic = f": {escape(session.topic)}" if session.topic else ""
    return f"*{escape(program.name)}*{topic} · {slack_date(session.starts_at, '{date_short_pretty}')}"


def credit_phrase(hours: float, credit_type: str) -> str:
    """"1 nursing contact hour", "0.75 nursing contact hours", "1 AMA PRA Category 1 Credit™", "2 hours of X"."""
    one = hours == 1
    if credit_type.lower().endswith(" hours"):
        unit = credit_type[:1].lower() + credit_type[1:]
        return f"{hours:g} {escape(unit[:-1] if one else unit)}"
    if "Credit" in credit_type:
        return f"{hours:g} {escape(credit_type if one else credit_type.replace('Credit', 'Credits', 1))}"
    return f"{hours:g} {'hour' if one else 'hours'} of {escape(credit_type)}"


def hours_phrase(hours: float) -> str:
    return f"{hours:g} hour" + ("" if hours == 1 else "s")


def evaluation_prompt(session: Session, program: Program, closes: datetime, *, reminder: bool = False,
                      materials: str = "") -> Message:  # fmt: skip
    """The Evaluate DM; `materials`: the session's "Slides · Recording" links, when it has any (issue 17)."""
    lead = ("Reminder: your evaluation of " if reminder else "Thank you for attending ") + _session_title(
        session, program
    )
    text = (f"{lead}. Evaluate the session to receive up to {hours_phrase(program.credit)} of credit; the evaluation "
            f"closes {slack_date(closes, '{date_short_pretty} at {time}')}.")  # fmt: skip
    return Message(text=text.replace("*", ""), blocks=[
        section(text),
        *([section(f"*Session materials:* {materials}")] if materials else []),
        actions(button("Evaluate", Action.EVALUATE, str(session.id), style="primary")),
    ])  # fmt: skip


def _scale(action_id: str) -> Block:
    return static_select(
        action_id,
        [
            (f"{n} · {label}", str(n))
            for n, label in ((5, "excellent"), (4, "good"), (3, "fair"), (2, "poor"), (1, "very poor"))
        ],
    )


def evaluation_modal(session: Session, program: Program, identifiers: Sequence[Block] = ()) -> Block:
    """The evaluation, which claims the session's credit; `identifiers`: the credit-reporting questions, asked
    with the first claim of someone who has given none (issue 19)."""
    steps = [f"{q / 4:g}" for q in range(program.credit_quarters, 0, -1)]
    blocks: list[Block] = [
        section(_session_title(session, program)),
        input_block(EvaluationField.OVERALL, "Overall rating", _scale(EvaluationField.OVERALL)),
        input_block(
            EvaluationField.RELEVANCE, "Relevance of the didactic to your practice", _scale(EvaluationField.RELEVANCE)
        ),
        input_block(
            EvaluationField.OBJECTIVES,
            "Were the learning objectives met?",
            radio_buttons(EvaluationField.OBJECTIVES, [("Yes", "yes"), ("Partly", "partly"), ("No", "no")]),
        ),
        input_block(
            EvaluationField.INTENT,
            "Do you intend to change your practice?",
            radio_buttons(EvaluationField.INTENT, [("Yes", "yes"), ("No", "no"), ("Unsure", "unsure")]),
        ),
        input_block(
            EvaluationField.CHANGE_PLAN,
            "What will you change?",
            text_input(EvaluationField.CHANGE_PLAN, multiline=True, max_length=2000),
            optional=True,
        ),
        input_block(
            EvaluationField.BIAS_FREE,
            "Was the content free of commercial bias?",
            radio_buttons(EvaluationField.BIAS_FREE, [("Yes", "yes"), ("No", "no")]),
        ),
        input_block(
            EvaluationField.BIAS_COMMENT,
            "If not, what seemed biased?",
            text_input(EvaluationField.BIAS_COMMENT, multiline=True, max_length=2000),
            optional=True,
        ),
        input_block(
            EvaluationField.SUGGESTIONS,
            "Suggestions and future topics",
            text_input(EvaluationField.SUGGESTIONS, multiline=True, max_length=2000),
            optional=True,
        ),
    ]
    if session.attendance_code:
        blocks.append(
            input_block(
                EvaluationField.CODE,
                "Attendance code",
                text_input(EvaluationField.CODE, max_length=20),
                hint="The code announced during the session.",
            )
        )
    blocks += [
        *identifiers,
        input_block(
            EvaluationField.CREDIT,
            "Credit claimed (hours)",
            static_select(EvaluationField.CREDIT, [(s, s) for s in steps], initial=steps[0]),
        ),
        input_block(
            EvaluationField.ATTEST, ATTESTATION, checkboxes(EvaluationField.ATTEST, [("Yes, I attest to this", "yes")])
        ),
        context("De-identified text only. One evaluation per session; you can't change it afterwards."),
    ]
    return modal("Evaluate the session", Callback.EVALUATION_VIEW, blocks, submit="Submit",
                 private_metadata=ViewState(session_id=session.id).encode())  # fmt: skip


def evaluation_recorded(credit: CreditRecord, session: Session, program: Program) -> Message:
    """What the Evaluate DM becomes once the evaluation is in (or a DM of its own without one): the credit
    recorded and its certificate one click away; no Evaluate button any more."""
    text = (f":white_check_mark: Evaluated: *{credit_phrase(credit.hours, credit.credit_type)}* recorded for "
            f"{_session_title(session, program)}.")  # fmt: skip
    blocks = [section(text), actions(button("Get certificate", Action.CERTIFICATE_NOW, str(session.id),
                                            style="primary"))]  # fmt: skip
    if credit.without_check_in:
        blocks.append(context("You did not check in to this session: coordinators review such claims."))
    return Message(text=text.replace("*", "").replace(":white_check_mark: ", ""), blocks=blocks)


def evaluate_list_blocks(items: list[tuple[Session, Program]], closes: dict[int, datetime]) -> list[Block]:
    if not items:
        return [section("No session is waiting for your evaluation.")]
    blocks: list[Block] = [section(f"*Sessions you can evaluate* ({len(items)})")]
    for session, program in items[:20]:
        until = slack_date(closes[session.id], "{date_short_pretty}")
        blocks.append(section(f"{_session_title(session, program)} · open until {until}",
                              accessory=button("Evaluate", Action.EVALUATE, str(session.id))))  # fmt: skip
    blocks.append(context("Attended without checking in? You can still evaluate and attest; coordinators are told."))
    return blocks


def transcript_blocks(transcript: Transcript, name: str) -> list[Block]:
    if not transcript.records:
        return [section("No credit recorded yet: evaluate the sessions you attend (`/echo evaluate`).")]

    def totals(hours: dict[str, float]) -> str:
        return "\n".join(f"• {escape(kind)}: *{value:g} h*" for kind, value in sorted(hours.items())) or "• none"

    lines = [f"{credit_phrase(record.hours, record.credit_type)} · {_session_title(session, program)}"
             + (" · _no check-in_" if record.without_check_in else "")
             for record, session, program in transcript.records[:25]]  # fmt: skip
    return [
        section(f"*Continuing-education transcript of {escape(name)}*"),
        actions(
            button("Certificate of a session", Action.CERTIFICATE_SESSION, style="primary"),
            button("Certificate for a period", Action.CERTIFICATE_PERIOD),
            button("CSV of my records", Action.TRANSCRIPT_CSV),
        ),
        section(f"*This year*\n{totals(transcript.this_year)}\n*All time*\n{totals(transcript.all_time)}"),
        section("\n".join(lines)[:2990]),
    ]


def certificate_modal(transcript: Transcript, *, period: bool, today: str) -> Block:
    """Choose one credited session, or a period, for a certificate (sent by DM)."""
    if period:
        blocks = [
            input_block(
                EvaluationField.CERT_FROM, "From", datepicker(EvaluationField.CERT_FROM, initial=f"{today[:4]}-01-01")
            ),
            input_block(EvaluationField.CERT_TO, "To", datepicker(EvaluationField.CERT_TO, initial=today)),
        ]
        title = "Certificate: period"
    else:
        options = [(f"{program.name[:40]} · {session.starts_at.astimezone(program.zone).strftime('%-d %b %Y')}",
                    str(session.id)) for _, session, program in transcript.records[:100]]  # fmt: skip
        if not options:
            return modal("Certificate", Callback.CERTIFICATE_VIEW, [section("No credit is recorded yet.")],
                         submit=None, close="Close")  # fmt: skip
        blocks = [
            input_block(EvaluationField.CERT_SESSION, "Session", static_select(EvaluationField.CERT_SESSION, options))
        ]
        title = "Certificate: session"
    blocks.append(context("The PDF comes to your direct messages with echobot."))
    return modal(title, Callback.CERTIFICATE_VIEW, blocks, submit="Send PDF")


def credits_home_section(transcript: Transcript) -> list[Block]:
    """App Home: this year's credit, and the last few sessions."""
    if not transcript.records:
        return [section("*Your credit*\nNone yet: evaluate the sessions you attend (`/echo evaluate`).")]
    totals = ", ".join(f"{hours:g} h {escape(kind)}" for kind, hours in sorted(transcript.this_year.items()))
    recent = "\n".join(f"• {record.hours:g} h · {_session_title(session, program)}"
                       for record, session, program in transcript.records[:3])  # fmt: skip
    return [section(f"*Your credit this year:* {totals or 'none yet'}\n{recent}"),
            context("`/echo cme` for your transcript, certificates and a CSV.")]  # fmt: skip
