"""Case presentations: who may submit, checking the form (the PHI guard included), and the triage
state machine. Every change is one transaction: the case, its history, the hub message update, a
line in the hub thread and a DM to the submitter."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from echobot import keys, phi
from echobot.channels import SHARED, ChannelUnknown, hub_channel_problem
from echobot.clock import Clock
from echobot.forms import CaseForm, TeachingForm
from echobot.ids import CaseField
from echobot.models import AGE_BANDS, SEXES, Case, CaseState, Message, OutboxKind, Person, Program, Render, Session
from echobot.renderers import Renderers, Withheld
from echobot.services import presenter
from echobot.services.coordinators import coordinators_of
from echobot.services.hub_channels import HubChannels
from echobot.services.programs import Programs
from echobot.services.removal import remove_text
from echobot.services.sessions import Sessions
from echobot.storage import Database, Reader, Tx, audit, outbox
from echobot.storage import cases as cases_repo
from echobot.storage import programs as programs_repo
from echobot.storage import providers as providers_repo
from echobot.storage import sessions as sessions_repo
from echobot.submissions import Submission
from echobot.triage import FOLLOWUP_OUTCOMES, TEXT_LIMIT, TRIAGE, VERBS, Step, TriageAction, step_of
from echobot.validation import parse_id
from echobot.views.blocks import escape
from echobot.views.cases import (
    followup_message,
    hub_message,
    thread_line,
)
from echobot.views.connect import withheld_notice

if TYPE_CHECKING:
    from echobot.services.library import Library

log = logging.getLogger(__name__)

TEXT_LIMITS: dict[str, int] = {
    CaseField.SUMMARY: 150,
    CaseField.QUESTION: 500,
    CaseField.PRESENTING: 3000,
    CaseField.HISTORY: 3000,
    CaseField.MEDICATIONS: 2000,
    CaseField.LABS: 3000,
    CaseField.TRIED: 2000,
}
REQUIRED: dict[str, str] = {
    CaseField.SUMMARY: "Give a one-line summary.",
    CaseField.QUESTION: "Ask the hub a specific question.",
    CaseField.PRESENTING: "Describe the presenting problem.",
}


class Eligibility(StrEnum):
    OK = "ok"
    NOT_REGISTERED = "not_registered"
    OBSERVER = "observer"
    NO_PROGRAMS = "no_programs"


class CaseResult(BaseModel):
    errors: dict[str, str] = Field(default_factory=dict)
    case: Case | None = None


class Outcome(BaseModel):
    """What a triage action did: a reply for the person who acted, and field errors for a modal."""

    ok: bool
    reply: str = ""
    errors: dict[str, str] = Field(default_factory=dict)
    case: Case | None = None


class Cases:
    def __init__(self, db: Database, clock: Clock, programs: Programs, sessions: Sessions, retention_days: int,
                 admins: tuple[str, ...] = ()) -> None:  # fmt: skip
        self._db = db
        self._clock = clock
        self._programs = programs
        self._sessions = sessions
        self.retention = timedelta(days=retention_days)
        self._admins = admins
        self._renderers: Renderers | None = None
        self.library: Library | None = None  # the case library (container.py): teaching points, outcomes
        self.hub_channels: HubChannels | None = None  # issue 14: a hub channel shared outside the hub is held

    # ---- who may do what ---------------------------------------------------------------------
    async def eligibility(self, person: Person) -> tuple[Eligibility, list[Program]]:
        if person.provider is None:
            return Eligibility.NOT_REGISTERED, []
        if not person.is_participant:
            return Eligibility.OBSERVER, []
        joined = await self._programs.joined(person.user_id)
        return (Eligibility.OK if joined else Eligibility.NO_PROGRAMS), joined

    def may_triage(self, person: Person, program: Program) -> bool:
        return self._programs.is_staff(person, program)

    async def sessions_with_room(self, programs: list[Program]) -> list[tuple[Session, Program]]:
        upcoming = await self._sessions.upcoming(programs)
        free = []
        for session, program in upcoming:
            if session.starts_at > self._clock.now() and await cases_repo.count_on_session(
                    self._db.reader, session.id) < program.case_slots:  # fmt: skip
                free.append((session, program))
        return free

    # ---- submission --------------------------------------------------------------------------
    async def submit(self, person: Person, form: CaseForm, submission_id: str) -> CaseResult:
        eligibility, joined = await self.eligibility(person)
        if eligibility is not Eligibility.OK:
            return CaseResult(errors={CaseField.PROGRAM: "Only participants who joined a program can present cases."})
        program = next((p for p in joined if str(p.id) == form.program_id), None)
        errors = self._check(form, program)
        session = None
        if not errors and form.preferred_session:
            session = await self._free_session(program, form.preferred_session)  # type: ignore[arg-type]
            if session is None:
                errors[CaseField.SESSION] = (
                    "That session is full or no longer ahead: choose another, or leave it empty."
                )
        if errors:
            return CaseResult(errors=errors)
        assert program is not None
        now = self._clock.now()
        fields: dict[str, Any] = {"program_id": program.id, "submitter": person.user_id, "age_band": form.age_band,
                                  "sex": form.sex, "urgency": form.urgency,
                                  "preferred_session_id": session.id if session else None,
                                  "teaching_consent": form.teaching,
                                  "credit_consent": form.teaching and form.credit}  # fmt: skip
        fields.update({field: (text.strip() or None) for field, text in form.texts().items()})
        async with self._db.transaction() as tx:
            case, created = await cases_repo.create(tx, fields, submission_id, now)
            if created:
                await outbox.enqueue(tx, key=keys.case_hub(case.id), target=program.review_channel_id, now=now,
                                     render=Render(name="case.hub", args={"case_id": case.id}))  # fmt: skip
                await self._changed(tx, case, None, person.user_id, "submit", None, now, program)
        return CaseResult(case=case)

    def _check(self, form: CaseForm, program: Program | None) -> dict[str, str]:
        errors: dict[str, str] = {}
        if program is None:
            errors[CaseField.PROGRAM] = "Choose one of the programs you joined."
        for field, text in form.texts().items():
            if field in REQUIRED and not text.strip():
                errors[field] = REQUIRED[field]
            elif len(text) > TEXT_LIMITS[field]:
                errors[field] = f"Keep this under {TEXT_LIMITS[field]} characters."
        within_limits = {k: v for k, v in form.texts().items() if k not in errors}
        errors.update(phi.field_errors(within_limits))
        if form.age_band not in AGE_BANDS:
            errors[CaseField.AGE_BAND] = "Choose the age band (never a birth date; over 89 is 90+)."
        if form.sex not in SEXES:
            errors[CaseField.SEX] = "Choose the patient's sex (or “not stated”)."
        if form.urgency not in ("routine", "soon"):
            errors[CaseField.URGENCY] = "Choose routine or soon. echobot is not for emergencies."
        if not form.confirmed:
            errors[CaseField.CONFIRM] = "Confirm that the case contains no patient identifiers."
        return errors

    async def _free_session(self, program: Program, session_id: str) -> Session | None:
        number = parse_id(session_id)
        if number is None:
            return None
        session = await sessions_repo.get(self._db.reader, number)
        if (session is None or session.program_id != program.id or session.starts_at <= self._clock.now()
                or session.status.value != "scheduled"):  # fmt: skip
            return None
        if await cases_repo.count_on_session(self._db.reader, session.id) >= program.case_slots:
            return None
        return session

    # ---- reading -----------------------------------------------------------------------------
    async def get(self, case_id: int) -> tuple[Case, Program] | None:
        case = await cases_repo.get(self._db.reader, case_id)
        if case is None:
            return None
        program = await programs_repo.get(self._db.reader, case.program_id)
        return None if program is None else (case, program)

    async def whole_case(self, person: Person, case_id: int | None) -> tuple[Case, Program, str] | str:
        """(case, program, presenting site) for "Read the whole case", or why this person may not read it: the
        case's submitter and its program's specialists and coordinators may."""
        loaded = await self.get(case_id) if case_id else None
        if loaded is None:
            return "That case no longer exists."
        case, program = loaded
        if person.user_id != case.submitter and not self.may_triage(person, program):
            return (f"Only {escape(program.name)}'s specialists and coordinators, and the person who presented it, "
                    "can read it.")
        if case.reported_at is not None:
            return f"The clinical text of {case.title} was removed: someone reported patient identifiers in it."
        if case.purged_at is not None:
            return f"The clinical text of {case.title} was removed after the retention period."
        provider = await providers_repo.get(self._db.reader, case.submitter)
        return case, program, provider.organization if provider else ""

    async def of_submitter(self, user_id: str) -> list[tuple[Case, Program]]:
        found = []
        for case in await cases_repo.of_submitter(self._db.reader, user_id):
            program = await programs_repo.get(self._db.reader, case.program_id)
            if program is not None:
                found.append((case, program))
        return found

    async def queue(self, person: Person) -> list[tuple[Case, Program]]:
        programs = [p for p in await self._programs.active() if self.may_triage(person, p)]
        by_id = {p.id: p for p in programs}
        return [(case, by_id[case.program_id]) for case in await cases_repo.waiting(self._db.reader, list(by_id))]

    async def in_review_by(self, person: Person) -> list[tuple[Case, Program]]:
        """The open cases this person claimed, in the programs they may still triage."""
        programs = [p for p in await self._programs.active() if self.may_triage(person, p)]
        by_id = {p.id: p for p in programs}
        found = await cases_repo.in_review_by(self._db.reader, person.user_id, list(by_id))
        return [(case, by_id[case.program_id]) for case in found]

    async def agenda(self, db: Reader, session_id: int) -> list[tuple[Case, str]]:
        """The cases on a session's agenda with the presenting site (never patient details)."""
        found = []
        for case in await cases_repo.on_session(db, session_id, (CaseState.SCHEDULED, CaseState.PRESENTED)):
            provider = await providers_repo.get(db, case.submitter)
            found.append((case, provider.organization if provider else "a spoke site"))
        return found

    # ---- triage --------------------------------------------------------------------------------
    def refusal(self, person: Person, case: Case, program: Program, action: TriageAction) -> str | None:
        """Why this person may not take this action on this case, or None (the handler asks before a modal)."""
        if TRIAGE[action].by_submitter:
            return None if person.user_id == case.submitter else "Only the person who presented the case can answer."
        if not self.may_triage(person, program):
            return f"Only {escape(program.name)}'s specialists and coordinators can triage its cases."
        return None

    async def act(self, person: Person, case_id: int, action: str, text: str = "", session_id: str = "",
                  submission_id: str = "", teaching: TeachingForm | None = None) -> Outcome:  # fmt: skip
        """A specialist's (or coordinator's) triage action, or the submitter's reply (echobot.triage).

        `submission_id` (the modal's view id) makes a resent submission a no-op that answers as the first did.
        `teaching`: with recommendations, the case's teaching points for the case library.
        """
        step = step_of(action)
        if step is None:
            return Outcome(ok=False, reply="echobot does not know that action.")
        loaded = await self.get(case_id)
        if loaded is None:
            return Outcome(ok=False, reply="That case no longer exists.")
        case, program = loaded
        if refused := self.refusal(person, case, program, step.action):
            return Outcome(ok=False, reply=refused)
        problems = self._text_problems(step, text) if step.asks_text else {}
        if step.action is TriageAction.RECOMMEND and teaching is not None and self.library is not None:
            problems.update(self.library.check(teaching, case))
        if problems:
            return Outcome(ok=False, errors=problems)
        now = self._clock.now()
        submission = Submission(self._db, submission_id, f"case:{case.id}:{step.action}")
        async with submission.once(now) as tx:
            if submission.replayed:
                return Outcome(ok=True, reply=f"{case.title}: {step.verb}.")
            outcome = await self._apply(tx, person, case, program, step, text.strip(), session_id, now)
            if outcome.ok and step.action is TriageAction.RECOMMEND and teaching and self.library is not None:
                await self.library.record(tx, case, teaching, person.user_id, now)
            if not outcome.ok:
                submission.refuse()
            return outcome

    @staticmethod
    def _text_problems(step: Step, text: str) -> dict[str, str]:
        assert step.modal is not None
        field = step.modal.field
        if len(text.strip()) < 3:
            return {field: "Write a few words."}
        if len(text) > TEXT_LIMIT:
            return {field: f"Keep this under {TEXT_LIMIT} characters."}
        return phi.field_errors({field: text})

    async def _apply(self, tx: Tx, person: Person, case: Case, program: Program, step: Step, text: str,
                     session_id: str, now: datetime) -> Outcome:  # fmt: skip
        actor = person.user_id
        action = step.action
        note: str | None = text or None
        changes: dict[str, Any] = {}
        if action is TriageAction.CLAIM:
            changes = {"require_no_owner": True, "owner": actor}
        elif action in (TriageAction.ASK_INFO, TriageAction.SCHEDULE):
            changes = {"owner": case.owner or actor}
        elif action is TriageAction.RECOMMEND:
            changes = {"recommendations": text}
        if action is TriageAction.SCHEDULE:
            session = await self._free_session(program, session_id)
            if session is None:
                return Outcome(ok=False, errors={CaseField.SESSION: "That session is full or no longer ahead."})
            changes["session_id"] = session.id
            note = None
        changed = await cases_repo.transition(tx, case.id, step.allowed_from, step.leads_to, now, **changes)
        if changed is None:
            current = await cases_repo.get(tx, case.id)
            if action is TriageAction.CLAIM:
                owner = f"<@{current.owner}> has" if current and current.owner else "Someone has"
                return Outcome(ok=False, reply=f"{owner} already claimed {case.title} "
                               f"(it is {current.state.label.lower() if current else 'gone'}).")  # fmt: skip
            state = current.state.label.lower() if current else "gone"
            return Outcome(ok=False, reply=f"{case.title} is {state}: that cannot be done now.")
        await self._changed(tx, changed, case.state, actor, action, note, now, program)
        if not step.by_submitter:  # triage is privileged: who moved which case where (never what was written)
            await audit.record(tx, now, actor, f"case.{action}", f"case:{case.id}",
                               {"from": case.state.value, "to": changed.state.value,
                                "session": changed.session_id})  # fmt: skip
        if action is TriageAction.RECOMMEND:
            await outbox.enqueue(tx, key=keys.case_followup(case.id), target=case.submitter, now=now,
                                 due_at=now + timedelta(weeks=program.followup_weeks),
                                 render=Render(name="case.followup", args={"case_id": case.id}))  # fmt: skip
        return Outcome(ok=True, reply=f"{case.title}: {step.verb}.", case=changed)

    async def followup(self, person: Person, case_id: int, outcome: str, note: str) -> Outcome:
        loaded = await self.get(case_id)
        if loaded is None or loaded[0].submitter != person.user_id:
            return Outcome(ok=False, reply="Only the person who presented the case can answer its follow-up.")
        case, program = loaded
        if outcome not in FOLLOWUP_OUTCOMES:
            return Outcome(ok=False, errors={CaseField.OUTCOME: "Choose how the patient is doing."})
        if len(note) > 2000:
            return Outcome(ok=False, errors={CaseField.NOTE: "Keep this under 2000 characters."})
        if problems := phi.field_errors({CaseField.NOTE: note}):
            return Outcome(ok=False, errors=problems)
        now = self._clock.now()
        async with self._db.transaction() as tx:
            if not await cases_repo.set_followup(tx, case.id, outcome, note.strip() or None):
                return Outcome(ok=False, reply="You already answered this follow-up: thank you.")
            if self.library is not None:
                await self.library.outcome(tx, case.id, outcome)
            summary = f"{FOLLOWUP_OUTCOMES[outcome]}" + (f": {note.strip()}" if note.strip() else "")
            await self._changed(tx, case, case.state, person.user_id, "followup", summary, now, program, dm=False)
        return Outcome(ok=True, reply="Thank you: your answer went to the hub team.")

    # ---- every change ------------------------------------------------------------------------------
    async def _changed(self, tx: Tx, case: Case, before: CaseState | None, actor: str, action: str,
                       note: str | None, now: datetime, program: Program, *, dm: bool = True) -> None:  # fmt: skip
        """History, hub message update, hub thread line, DM to the submitter: all in this transaction."""
        after = (await cases_repo.get(tx, case.id)) or case
        await cases_repo.record(tx, case.id, actor, action, before, after.state, note, now)
        number = await cases_repo.event_count(tx, case.id)
        hub = keys.case_hub(case.id)
        if action != "submit":
            await outbox.enqueue(tx, key=keys.case_hub_update(case.id, number), kind=OutboxKind.UPDATE, parent_key=hub,
                                 target=program.review_channel_id, now=now,
                                 render=Render(name="case.hub", args={"case_id": case.id}))  # fmt: skip
        await outbox.enqueue(tx, key=keys.case_hub_thread(case.id, number), parent_key=hub,
                             target=program.review_channel_id, now=now,
                             message=thread_line(actor, VERBS[action], now, note, case.id))  # fmt: skip
        await presenter.tell(tx, after, action, note if dm else None, number, now, dm=dm)

    # ---- hooks the container attaches to Sessions ------------------------------------------------------
    async def session_ended(self, tx: Tx, session: Session, program: Program, now: datetime) -> None:
        for case in await cases_repo.on_session(tx, session.id, (CaseState.SCHEDULED,)):
            changed = await cases_repo.transition(tx, case.id, (CaseState.SCHEDULED,), CaseState.PRESENTED, now)
            if changed is not None:
                await self._changed(tx, changed, CaseState.SCHEDULED, "system", "present", None, now, program)

    async def session_cancelled(self, tx: Tx, session: Session, program: Program, now: datetime) -> None:
        """Cases on a cancelled session's agenda go back to review; the presenter and the hub are told."""
        for case in await cases_repo.on_session(tx, session.id, (CaseState.SCHEDULED,)):
            changed = await cases_repo.transition(
                tx, case.id, (CaseState.SCHEDULED,), CaseState.IN_REVIEW, now, session_id=None
            )
            if changed is not None:
                await self._changed(
                    tx,
                    changed,
                    CaseState.SCHEDULED,
                    "system",
                    "unschedule",
                    "Its session was cancelled: the hub will schedule it again.",
                    now,
                    program,
                )

    async def has_cases(self, db: Reader, session_id: int) -> bool:
        return await cases_repo.referencing_session(db, session_id)

    # ---- retention -------------------------------------------------------------------------------
    async def purge_expired(self) -> int:
        """Remove the clinical text of cases closed or declined longer ago than the retention period."""
        now = self._clock.now()
        purged = 0
        for case_id in await cases_repo.due_for_purge(self._db.reader, now - self.retention):
            async with self._db.transaction() as tx:
                case = await cases_repo.get(tx, case_id)
                program = await programs_repo.get(tx, case.program_id) if case else None
                if case is None or program is None:
                    continue
                if await remove_text(tx, case, program, now, actor="system", action="purge",
                                     note="(Text removed after the retention period.)"):  # fmt: skip
                    purged += 1
        return purged

    # ---- what the outbox renders ---------------------------------------------------------------------
    def register_renderers(self, renderers: Renderers) -> None:
        self._renderers = renderers
        renderers.messages["case.hub"] = self._render_hub
        renderers.messages["case.followup"] = self._render_followup
        renderers.messages["case.presenter"] = presenter.render

    async def _render_hub(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        case = await cases_repo.get(db, int(args["case_id"]))
        if case is None:
            return None
        program = await programs_repo.get(db, case.program_id)
        provider = await providers_repo.get(db, case.submitter)
        session = await sessions_repo.get(db, case.session_id) if case.session_id else None
        if program is None:
            return None
        await self._check_hub_channel(db, case, program, now)
        return hub_message(case, program, provider.organization if provider else "", session)

    async def _check_hub_channel(self, db: Reader, case: Case, program: Program, now: datetime) -> None:
        """Before a case goes to (or changes in) the hub review channel: Slack must confirm that the channel is
        private and not shared with another organization. Otherwise the coordinators are told (once per case)
        and the post waits (Withheld): it goes out once the channel is right."""
        ask = self._renderers.channel_info if self._renderers else None
        if ask is None:
            return
        try:
            problem = hub_channel_problem(await ask(program.review_channel_id))
        except ChannelUnknown as unknown:
            raise Withheld(f"Slack did not describe the hub review channel ({unknown.code})") from unknown
        if problem is None:
            return
        if problem == SHARED and self.hub_channels is not None:
            # shared outside the hub without Slack's event reaching echobot first: held as the event would, the
            # coordinators told once (not once a case), until Slack says it is internal again
            episode = f"check-{int(now.timestamp())}"
            await self.hub_channels.shared(program.review_channel_id, episode, case)
            raise Withheld("the hub review channel is shared with another organization")
        notice = withheld_notice(case, program, problem)
        async with self._db.transaction() as tx:
            for user in await coordinators_of(tx, program, self._admins):
                await outbox.enqueue(tx, key=keys.case_withheld(case.id, user), target=user, now=now, message=notice)
        log.warning("case %s not posted: the hub review channel of program %s is not private and internal",
                    case.id, program.id)  # fmt: skip
        raise Withheld("the hub review channel is not private, or is shared with another organization")

    async def _render_followup(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        case = await cases_repo.get(db, int(args["case_id"]))
        if case is None or case.purged_at is not None or case.followup_outcome is not None:
            return None
        program = await programs_repo.get(db, case.program_id)
        return None if program is None else followup_message(case, program)
