"""Post-session evaluations and the credit they earn: prompting attendees, checking the form,
writing the evaluation and its credit record together, and the transcript."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from echobot import keys, phi
from echobot.clock import Clock
from echobot.forms import EvaluationForm
from echobot.ids import EvaluationField
from echobot.models import (
    Credential,
    CreditRecord,
    Evaluation,
    Message,
    OutboxKind,
    OutboxState,
    Person,
    Program,
    Render,
    Session,
)
from echobot.renderers import Renderers
from echobot.reports import Transcript
from echobot.services.attendance_import import short_of_minutes
from echobot.services.programs import Programs
from echobot.services.sessions import Sessions
from echobot.services.slides import with_shared_slides
from echobot.storage import Database, Reader, Tx, outbox
from echobot.storage import attendance as attendance_repo
from echobot.storage import evaluations as evaluations_repo
from echobot.storage import materials as materials_repo
from echobot.storage import programs as programs_repo
from echobot.storage import sessions as sessions_repo
from echobot.submissions import Submission
from echobot.views.blocks import escape, slack_date
from echobot.views.evaluations import evaluation_prompt, evaluation_recorded, hours_phrase
from echobot.views.materials import links as materials_links

REMINDER_BEFORE_CLOSE = timedelta(days=2)
PHYSICIAN = "AMA PRA Category 1 Credit™"
DEFAULT_CREDIT_TYPES = {
    Credential.MD: PHYSICIAN,
    Credential.DO: PHYSICIAN,
    Credential.NP: "Nursing contact hours",
    Credential.RN: "Nursing contact hours",
    Credential.PA: "AAPA Category 1 CME credit",
    Credential.PHARMD: "Pharmacy contact hours (ACPE)",
}
PARTICIPATION = "Certificate of participation"


@dataclass(frozen=True)
class EvaluationResult:
    errors: dict[str, str]
    credit: CreditRecord | None = None


def window(session: Session, program: Program) -> tuple[datetime, datetime]:
    """When the session can be evaluated: from its end, for the program's evaluation window."""
    return session.ends_at, session.ends_at + timedelta(days=program.eval_window_days)


class Evaluations:
    def __init__(self, db: Database, clock: Clock, sessions: Sessions, programs: Programs) -> None:
        self._db = db
        self._clock = clock
        self._sessions = sessions
        self._programs = programs

    async def credit_type_for(self, db: Reader, credential: Credential) -> str:
        overrides = await evaluations_repo.credit_type_overrides(db)
        return overrides.get(credential.value) or DEFAULT_CREDIT_TYPES.get(credential, PARTICIPATION)

    # ---- prompting ---------------------------------------------------------------------------
    async def session_ended(self, tx: Tx, session: Session, program: Program, now: datetime) -> None:
        """Each attendee present gets one Evaluate DM; a reminder job runs two days before the window closes."""
        _, closes = window(session, program)
        rows: list[dict[str, Any]] = [
            {"key": keys.evaluate(session.id, a.user_id), "target": a.user_id, "stale_at": closes,
             "render": Render(name="evaluation.prompt", args={"session_id": session.id, "user_id": a.user_id})}
            for a in await attendance_repo.present(tx, session.id)
        ]  # fmt: skip
        opens, _ = window(session, program)
        remind_at = max(closes - REMINDER_BEFORE_CLOSE, opens + (closes - opens) / 2)  # short windows: halfway
        rows.append({"key": keys.evaluation_reminders(session.id), "kind": OutboxKind.JOB,
                     "target": keys.session_jobs(session.id),
                     "due_at": remind_at, "stale_at": closes,
                     "render": Render(name="evaluation.reminders", args={"session_id": session.id})})  # fmt: skip
        await outbox.enqueue_many(tx, rows, now)

    async def _remind(self, tx: Tx, args: dict[str, Any], now: datetime) -> None:
        session = await sessions_repo.get(tx, int(args["session_id"]))
        if session is None:
            return
        present = [a.user_id for a in await attendance_repo.present(tx, session.id)]
        rows = [{"key": keys.evaluation_reminder(session.id, user), "target": user,
                 "render": Render(name="evaluation.prompt", args={"session_id": session.id, "user_id": user,
                                                                  "reminder": True})}
                for user in await evaluations_repo.not_evaluated(tx, session.id, present)]  # fmt: skip
        await outbox.enqueue_many(tx, rows, now)

    async def _render_prompt(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        session = await sessions_repo.get(db, int(args["session_id"]))
        program = await programs_repo.get(db, session.program_id, staff=False) if session else None
        if session is None or program is None:
            return None
        if await evaluations_repo.get(db, session.id, str(args["user_id"])) is not None:
            return None  # already evaluated: no prompt, no reminder
        _, closes = window(session, program)
        if now >= closes:
            return None
        links = materials_links(await with_shared_slides(db, await materials_repo.get(db, session.id)))
        return evaluation_prompt(session, program, closes, reminder=bool(args.get("reminder")), materials=links)

    def register_renderers(self, renderers: Renderers) -> None:
        renderers.messages["evaluation.prompt"] = self._render_prompt
        renderers.jobs["evaluation.reminders"] = self._remind

    # ---- who may evaluate what ----------------------------------------------------------------
    async def open_for(self, person: Person) -> list[tuple[Session, Program]]:
        """Ended sessions of your programs (or that you attended) whose window is open and that you have not
        evaluated."""
        if person.provider is None:
            return []
        now = self._clock.now()
        programs = await self._programs.of_person(person)
        done = await evaluations_repo.evaluated_sessions(self._db.reader, person.user_id)
        found = []
        for session, program in await self._sessions.recent(programs, days=61):
            opens, closes = window(session, program)
            if session.id in done or not opens <= now < closes or session.status.value == "cancelled":
                continue
            attended = await attendance_repo.get(self._db.reader, session.id, person.user_id)
            member = person.user_id in await programs_repo.members(self._db.reader, program.id)
            if (attended is not None and attended.present) or (attended is None and member):
                found.append((session, program))
        return found

    async def why_not(self, person: Person, session_id: int) -> tuple[str | None, Session | None, Program | None]:
        """A reason this person cannot evaluate this session now (None when they can)."""
        if person.provider is None:
            return "Register first: credit is recorded for registered providers.", None, None
        loaded = await self._sessions.get(session_id)
        if loaded is None:
            return "That session no longer exists.", None, None
        session, program = loaded
        now = self._clock.now()
        opens, closes = window(session, program)
        previous = await evaluations_repo.get(self._db.reader, session.id, person.user_id)
        if previous is not None:
            when = slack_date(previous.submitted_at, "{date_short_pretty} at {time}")
            return f"You already evaluated this session ({when}). Thank you!", session, program
        if session.status.value == "cancelled":
            return "This session was cancelled.", session, program
        attended = await attendance_repo.get(self._db.reader, session.id, person.user_id)
        if attended is not None and not attended.present:
            return (
                "A coordinator removed your attendance for this session: ask them if that is a mistake.",
                session,
                program,
            )
        if attended is None and person.user_id not in await programs_repo.members(self._db.reader, program.id):
            return "Only people who attended, or members of the program, can evaluate this session.", session, program
        if session.status.value != "ended" or now < opens:
            return "The evaluation opens when the session ends.", session, program
        short = await short_of_minutes(self._db.reader, session, program, person.user_id)
        if short is not None:
            return (
                f"The video report shows you in this session for {short} minutes; {escape(program.name)} gives "
                f"credit from {program.credit_min_minutes} minutes present. If the report missed you (another "
                "device or name), ask a coordinator to adjust your attendance.",
                session,
                program,
            )
        if now >= closes:
            return f"The evaluation window closed {slack_date(closes, '{date_short_pretty}')}.", session, program
        return None, session, program

    # ---- the evaluation ------------------------------------------------------------------------
    async def submit(self, person: Person, session_id: int, form: EvaluationForm,
                     submission_id: str = "") -> EvaluationResult:  # fmt: skip
        """One evaluation and its credit record. The same form resent (same view id, same answers) answers as the
        first did, without a second record; another attempt is told it was already evaluated."""
        answers = hashlib.sha256(form.model_dump_json().encode("utf-8", "surrogatepass")).hexdigest()[:16]
        submission = Submission(self._db, submission_id, f"evaluation:{session_id}:{answers}")
        if await submission.seen():
            return EvaluationResult({})
        reason, session, program = await self.why_not(person, session_id)
        if reason is not None or session is None or program is None or person.provider is None:
            return EvaluationResult({EvaluationField.OVERALL: reason or "This evaluation cannot be taken."})
        errors, quarters = self._check(form, session, program)
        if errors:
            return EvaluationResult(errors)
        now = self._clock.now()
        attended = await attendance_repo.get(self._db.reader, session.id, person.user_id)
        evaluation = Evaluation(
            session_id=session.id, user_id=person.user_id, overall=int(form.overall or 0),
            relevance=int(form.relevance or 0), objectives_met=form.objectives_met or "",
            intent_to_change=form.intent_to_change or "", change_plan=form.change_plan.strip() or None,
            bias_free=form.bias_free == "yes", bias_comment=form.bias_comment.strip() or None,
            suggestions=form.suggestions.strip() or None, submitted_at=now,
        )  # fmt: skip
        async with submission.once(now) as tx:
            credit = CreditRecord(
                session_id=session.id, user_id=person.user_id,
                credit_type=await self.credit_type_for(tx, person.provider.credential), quarters=quarters,
                without_check_in=attended is None or not attended.present or attended.checked_in_at is None,
                awarded_at=now,
            )  # fmt: skip
            if not await evaluations_repo.record(tx, evaluation, credit):
                if submission.replayed:
                    return EvaluationResult({})
                submission.refuse()
                previous = await evaluations_repo.get(tx, session.id, person.user_id)
                when = slack_date(previous.submitted_at, "{date_short_pretty} at {time}") if previous else "before"
                return EvaluationResult({EvaluationField.OVERALL: f"You already evaluated this session ({when})."})
            # the Evaluate DM, once sent, becomes the confirmation (its button gone); else a DM of its own
            prompt = await outbox.get(tx, keys.evaluate(session.id, person.user_id))
            sent = prompt is not None and prompt.state in (OutboxState.SENT, OutboxState.SENDING)
            await outbox.enqueue(tx, key=keys.evaluated(session.id, person.user_id), target=person.user_id, now=now,
                                 kind=OutboxKind.UPDATE if sent else OutboxKind.POST,
                                 parent_key=keys.evaluate(session.id, person.user_id) if sent else None,
                                 message=evaluation_recorded(credit, session, program))  # fmt: skip
        return EvaluationResult({}, credit)

    def _check(self, form: EvaluationForm, session: Session, program: Program) -> tuple[dict[str, str], int]:
        errors: dict[str, str] = {}
        if form.overall not in ("1", "2", "3", "4", "5"):
            errors[EvaluationField.OVERALL] = "Rate the session from 1 to 5."
        if form.relevance not in ("1", "2", "3", "4", "5"):
            errors[EvaluationField.RELEVANCE] = "Rate the didactic's relevance from 1 to 5."
        if form.objectives_met not in ("yes", "partly", "no"):
            errors[EvaluationField.OBJECTIVES] = "Say whether the learning objectives were met."
        if form.intent_to_change not in ("yes", "no", "unsure"):
            errors[EvaluationField.INTENT] = "Say whether you intend to change your practice."
        elif form.intent_to_change == "yes" and not form.change_plan.strip():
            errors[EvaluationField.CHANGE_PLAN] = "Say what you will change."
        if form.bias_free not in ("yes", "no"):
            errors[EvaluationField.BIAS_FREE] = "Say whether the content was free of commercial bias."
        elif form.bias_free == "no" and not form.bias_comment.strip():
            errors[EvaluationField.BIAS_COMMENT] = "Say what seemed biased: the hub reviews every such report."
        for key, text in (
            (EvaluationField.CHANGE_PLAN, form.change_plan),
            (EvaluationField.BIAS_COMMENT, form.bias_comment),
            (EvaluationField.SUGGESTIONS, form.suggestions),
        ):
            if len(text) > 2000:
                errors.setdefault(key, "Keep this under 2000 characters.")
        texts: dict[str, str] = {
            EvaluationField.CHANGE_PLAN: form.change_plan,
            EvaluationField.BIAS_COMMENT: form.bias_comment,
            EvaluationField.SUGGESTIONS: form.suggestions,
        }
        for field_name, message in phi.field_errors(texts).items():
            errors.setdefault(field_name, message)
        if session.attendance_code and form.code.strip().upper() != session.attendance_code.upper():
            errors[EvaluationField.CODE] = "That is not the attendance code announced in the session."
        if not form.attested:
            errors[EvaluationField.ATTEST] = "Attest your participation to claim credit."
        quarters = _quarters(form.credit)
        if quarters is None:
            errors[EvaluationField.CREDIT] = "Claim credit in steps of 0.25 hours, like 1.0 or 0.75."
        elif quarters > program.credit_quarters:
            errors[EvaluationField.CREDIT] = f"This session offers at most {hours_phrase(program.credit)}."
        return errors, quarters or 0

    # ---- the transcript -----------------------------------------------------------------------
    async def transcript(self, user_id: str) -> Transcript:
        now = self._clock.now()
        start = evaluations_repo.year_start(now)
        transcript = Transcript(records=[])
        for record in await evaluations_repo.credits_of(self._db.reader, user_id):
            loaded = await self._sessions.get(record.session_id)
            if loaded is None:
                continue
            transcript.records.append((record, *loaded))
            transcript.all_time[record.credit_type] = transcript.all_time.get(record.credit_type, 0) + record.hours
            if record.awarded_at >= start:
                transcript.this_year[record.credit_type] = (
                    transcript.this_year.get(record.credit_type, 0) + record.hours
                )
        return transcript


def _quarters(text: str) -> int | None:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not value.is_finite() or value <= 0 or value > 100:  # 1e999999 * 4 would overflow
        return None
    quarters = value * 4
    if quarters != quarters.to_integral_value():
        return None
    return int(quarters)
