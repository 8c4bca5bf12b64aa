"""Programs: set-up by coordinators (every field checked), listing, archiving, joining and leaving."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field

from echobot import keys
from echobot.clock import Clock
from echobot.forms import ProgramForm
from echobot.ids import ProgramField
from echobot.models import Person, Program, ScheduleKind, Session
from echobot.schedule import first_start, parse_offsets
from echobot.services.invitations import Admission, Invitations
from echobot.services.sessions import NOT_ALLOWED, Sessions
from echobot.storage import Database, Tx, audit, outbox
from echobot.storage import programs as programs_repo
from echobot.storage import providers as providers_repo
from echobot.storage import sessions as sessions_repo
from echobot.submissions import Submission
from echobot.views.blocks import escape
from echobot.views.programs import program_created_message, program_intro_message


class ProgramResult(BaseModel):
    errors: dict[str, str] = Field(default_factory=dict)
    program: Program | None = None
    replanned: int = 0
    kept: int = 0


class Membership(StrEnum):
    NOT_REGISTERED = "not_registered"
    NO_SUCH_PROGRAM = "no_such_program"
    JOINED = "joined"
    ALREADY = "already"
    LEFT = "left"
    NOT_A_MEMBER = "not_a_member"
    REQUESTED = "requested"  # an invitation-only program: its coordinators were asked (issue 17)
    REQUEST_PENDING = "request_pending"  # asked before, not yet decided: nothing new sent


def _integer(text: str, low: int, high: int) -> int | None:
    try:
        value = int(text.strip())
    except ValueError:
        return None
    return value if low <= value <= high else None


def _credit_quarters(text: str) -> int | None:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not value.is_finite() or value <= 0 or value > 8:  # NaN, sNaN and Infinity parse; 1e999999 overflows
        return None
    quarters = value * 4
    if quarters != quarters.to_integral_value():
        return None
    return int(quarters)


def _is_web_link(text: str) -> bool:
    parsed = urlparse(text.strip())
    return parsed.scheme in ("http", "https") and "." in parsed.netloc and " " not in text.strip()


def _series(form: ProgramForm, errors: dict[str, str]) -> dict[str, object]:
    """Issue 17: the series dates (both or neither), the completion threshold and the minutes for credit."""
    try:
        start = date.fromisoformat(form.series_start) if form.series_start else None
        end = date.fromisoformat(form.series_end) if form.series_end else None
    except ValueError:
        start = end = None
        errors[ProgramField.SERIES_START] = "Choose the series' dates."
    if (start is None) != (end is None):
        errors[ProgramField.SERIES_END if start else ProgramField.SERIES_START] = (
            "Give the series both a first and a last date, or neither."
        )
    elif start and end and end < start:
        errors[ProgramField.SERIES_END] = "The series ends before it starts."
    percent = _integer(form.completion or "75", 1, 100)
    if percent is None:
        errors[ProgramField.COMPLETION] = "The completion threshold is a share of sessions from 1 to 100 (%)."
    minutes = _integer(form.credit_minutes or "0", 0, 240)
    if minutes is None:
        errors[ProgramField.CREDIT_MINUTES] = "Minutes present for credit: 0 (off) to 240."
    return {"series_starts_on": start, "series_ends_on": end, "completion_percent": percent or 75,
            "credit_min_minutes": minutes or 0}  # fmt: skip


def validate(
    form: ProgramForm, now: datetime, *, existing: Program | None, name_taken: bool
) -> tuple[dict[str, str], dict[str, object]]:
    """Every problem keyed by field (block id), and the parsed values when there is none."""
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    name = form.name.strip()
    if not name:
        errors[ProgramField.NAME] = "Give the program a name, like Hepatitis C ECHO."
    elif len(name) > 80:
        errors[ProgramField.NAME] = "Keep the name to 80 characters."
    elif name_taken:
        errors[ProgramField.NAME] = f"A program called “{name}” already exists: choose another name."
    if not form.channel_id:
        errors[ProgramField.CHANNEL] = "Choose the channel for reminders and session posts."
    if not form.review_channel_id:
        errors[ProgramField.REVIEW_CHANNEL] = (
            "Choose the hub's review channel, where cases land (a private channel is best)."
        )
    elif form.review_channel_id == form.channel_id:
        errors[ProgramField.REVIEW_CHANNEL] = (
            "Use a different channel from the program channel: cases are for the hub team."
        )
    try:
        ZoneInfo(form.timezone or "")
        values["timezone"] = form.timezone
    except (ZoneInfoNotFoundError, ValueError):
        errors[ProgramField.TIMEZONE] = "Choose the time zone the schedule follows."
    kinds = {kind.value for kind in ScheduleKind}
    if form.schedule not in kinds:
        errors[ProgramField.SCHEDULE] = "Choose how often the program meets."
    kind = ScheduleKind(form.schedule) if form.schedule in kinds else ScheduleKind.WEEKLY
    interval = 1
    if kind is ScheduleKind.EVERY_N_WEEKS:
        interval = _integer(form.interval_weeks, 2, 12) or 0
        if not interval:
            errors[ProgramField.INTERVAL] = "Say every how many weeks the program meets (2 to 12)."
    try:
        first = date.fromisoformat(form.first_date or "")
    except ValueError:
        errors[ProgramField.FIRST_DATE] = "Choose the date of the first session."
        first = None
    try:
        at = time.fromisoformat(form.start_time or "")
    except ValueError:
        errors[ProgramField.START_TIME] = "Choose the start time."
        at = None
    if first and at and ProgramField.TIMEZONE not in errors:
        start = first_start(first, at, str(form.timezone))
        unchanged = existing is not None and (existing.first_date, existing.start_time) == (first, at)
        if start <= now and not unchanged:
            errors[ProgramField.FIRST_DATE] = "That first session would start in the past: choose a later date or time."
    duration = _integer(form.duration, 15, 240)
    if duration is None:
        errors[ProgramField.DURATION] = "Sessions last between 15 and 240 minutes."
    if not _is_web_link(form.video_url):
        errors[ProgramField.VIDEO_URL] = "Enter the video link in full, starting with https:// (Zoom, Teams, Meet…)."
    try:
        offsets = parse_offsets(form.offsets)
    except ValueError as problem:
        errors[ProgramField.OFFSETS] = str(problem)
        offsets = []
    slots = _integer(form.case_slots, 0, 10)
    if slots is None:
        errors[ProgramField.CASE_SLOTS] = "Case slots per session: a whole number from 0 to 10."
    window = _integer(form.eval_window, 1, 60)
    if window is None:
        errors[ProgramField.EVAL_WINDOW] = "The evaluation window is 1 to 60 days."
    quarters = _credit_quarters(form.credit)
    if quarters is None:
        errors[ProgramField.CREDIT] = (
            "Credit per session is a positive multiple of 0.25 hours, like 1.0 or 1.25 (8 at most)."
        )
    series = _series(form, errors)
    if errors:
        return errors, {}
    values.update(series)
    values.update(
        name=name,
        channel_id=form.channel_id,
        review_channel_id=form.review_channel_id,
        schedule_kind=kind,
        interval_weeks=interval,
        first_date=first,
        start_time=at,
        duration_minutes=duration,
        video_url=form.video_url.strip(),
        reminder_offsets=offsets,
        case_slots=slots,
        eval_window_days=window,
        credit_quarters=quarters,
        specialists=sorted(set(form.specialists)),
        coordinators=sorted(set(form.coordinators)),
        anonymous_ratings=form.anonymous,
        invite_only=form.invite_only,
    )
    return {}, values


class Programs:
    def __init__(self, db: Database, clock: Clock, sessions: Sessions) -> None:
        self._db = db
        self._clock = clock
        self._sessions = sessions
        # issue 17: what a program saved (its series dates) and a provider joining set off (the series surveys)
        self.on_saved: list[Callable[[Tx, Program, datetime], Awaitable[None]]] = []
        self.on_joined: list[Callable[[Tx, Program, str, datetime], Awaitable[None]]] = []
        # the hub review channel changed (the program, the old channel): issue 14's held channels
        self.on_review_moved: list[Callable[[Tx, Program, str, datetime], Awaitable[None]]] = []
        self.invitations: Invitations | None = None  # issue 17: invitation-only programs (set by the container)

    # ---- who may do what -------------------------------------------------------------------
    @staticmethod
    def can_manage(person: Person, program: Program) -> bool:
        """Hub coordinators manage every program; program coordinators their own."""
        return person.manages(program)

    @staticmethod
    def is_staff(person: Person, program: Program) -> bool:
        return Programs.can_manage(person, program) or person.user_id in program.specialists

    async def refusal(self, actor: Person, program_id: int | None) -> dict[str, str]:
        """Why this person may not save the program form, on its name field (empty when they may): creating is
        for hub coordinators, editing for the program's coordinators. Asked before anything else is done."""
        if program_id is None:
            return {} if actor.is_coordinator else {ProgramField.NAME: "Only hub coordinators can create programs."}
        existing = await programs_repo.get(self._db.reader, program_id)
        if existing is None or not existing.active:
            return {ProgramField.NAME: "This program no longer exists or was archived."}
        if not self.can_manage(actor, existing):
            return {ProgramField.NAME: "Only the program's coordinators can change it."}
        return {}

    # ---- reading ---------------------------------------------------------------------------
    async def get(self, program_id: int) -> Program | None:
        return await programs_repo.get(self._db.reader, program_id)

    async def find(self, name: str) -> Program | None:
        return await programs_repo.get_by_name(self._db.reader, name)

    async def active(self) -> list[Program]:
        return await programs_repo.active(self._db.reader)

    async def listing(self) -> list[tuple[Program, Session | None]]:
        now = self._clock.now()
        return [
            (program, await sessions_repo.next_of(self._db.reader, program.id, now)) for program in await self.active()
        ]

    async def joined(self, user_id: str) -> list[Program]:
        ids = set(await programs_repo.joined(self._db.reader, user_id))
        return [program for program in await self.active() if program.id in ids]

    async def of_person(self, person: Person) -> list[Program]:
        """The active programs a person belongs to: joined, or on the staff of (hub coordinators: all)."""
        programs = await self.active()
        if person.is_coordinator:
            return programs
        ids = set(await programs_repo.joined(self._db.reader, person.user_id))
        return [p for p in programs if p.id in ids or self.is_staff(person, p)]

    async def named_among(
        self, person: Person, name: str, among: list[Program], outside: Callable[[Program], str] | None = None
    ) -> Program | str | None:
        """A coordinator's `[program]` argument: the program called `name` among `among` (programs this person
        manages, perhaps filtered), or why not: unknown, not theirs, or `outside(program)` for one of theirs left out
        of `among`. With no name: the only one of `among`; None when there is none or several (the caller asks)."""
        if not name:
            return among[0] if len(among) == 1 else None
        program = next((p for p in among if p.name.lower() == name.lower()), None)
        if program is not None:
            return program
        known = await self.find(name)
        if known is None:
            return f"I know no active program called “{escape(name[:80])}”."
        if outside is None or not self.can_manage(person, known):
            return NOT_ALLOWED
        return outside(known)

    async def managed_by(self, person: Person, *, archived: bool = False) -> list[Program]:
        """The programs this person may manage (with archived=True, archived ones too: for reports)."""
        programs = await programs_repo.every(self._db.reader) if archived else await self.active()
        return [program for program in programs if self.can_manage(person, program)]

    # ---- set-up ----------------------------------------------------------------------------
    async def create(self, actor: Person, form: ProgramForm, submission_id: str, *, dm: bool = True) -> ProgramResult:
        """A new program, its sessions and channel introduction; `dm`: the set-up summary also by DM (the program
        form shows it in its own place instead, issue 19)."""
        now = self._clock.now()
        if refused := await self.refusal(actor, None):
            return ProgramResult(errors=refused)
        same_name = await programs_repo.get_by_name(self._db.reader, form.name)
        submission = Submission(self._db, submission_id, "program.create")
        if await submission.seen():
            return ProgramResult(program=same_name)  # this very form, delivered again: created once, answered alike
        taken = same_name is not None
        errors, values = validate(form, now, existing=None, name_taken=taken)
        if errors:
            return ProgramResult(errors=errors)
        draft = Program.model_validate(
            {**values, "id": 0, "created_by": actor.user_id, "created_at": now, "updated_at": now}
        )
        async with submission.once(now) as tx:
            if submission.replayed:  # the same form, delivered twice at once
                return ProgramResult(program=await programs_repo.get_by_name(tx, draft.name))
            if await programs_repo.get_by_name(tx, draft.name) is not None:
                submission.refuse()
                return ProgramResult(errors={ProgramField.NAME: f"A program called “{draft.name}” already exists."})
            program = await programs_repo.create(tx, draft)
            await self._sessions.plan(tx, program, now)
            upcoming = await sessions_repo.upcoming(tx, [program.id], now, now + self._sessions.horizon)
            next_session = upcoming[0] if upcoming else None
            await outbox.enqueue(
                tx,
                key=keys.program_intro(program.id),
                target=program.channel_id,
                now=now,
                message=program_intro_message(program, next_session),
            )
            if dm:
                await outbox.enqueue(
                    tx,
                    key=keys.program_created(program.id, submission_id),
                    target=actor.user_id,
                    now=now,
                    message=program_created_message(program, upcoming[:3], edited=False),
                )
            await audit.record(
                tx, now, actor.user_id, "program.create", f"program:{program.id}", {"name": program.name}
            )
        return ProgramResult(program=program, replanned=len(upcoming))

    async def update(self, actor: Person, program_id: int, form: ProgramForm, submission_id: str,
                     *, dm: bool = True) -> ProgramResult:  # fmt: skip
        """A program's changes (sessions re-planned when the schedule changed); `dm`: the summary also by DM."""
        now = self._clock.now()
        existing = await programs_repo.get(self._db.reader, program_id)
        submission = Submission(self._db, submission_id, "program.edit")
        if existing is not None and await submission.seen():
            return ProgramResult(program=existing)  # Slack resent a submission already saved
        if refused := await self.refusal(actor, program_id):
            return ProgramResult(errors=refused)
        assert existing is not None  # refusal() said it exists and is active
        other = await programs_repo.get_by_name(self._db.reader, form.name)
        errors, values = validate(form, now, existing=existing, name_taken=other is not None and other.id != program_id)
        if errors:
            return ProgramResult(errors=errors)
        program = existing.model_copy(update={**values, "updated_at": now})
        if program.model_copy(update={"updated_at": existing.updated_at}) == existing:
            return ProgramResult(program=existing)  # nothing to change (a form saved as is, or delivered twice)
        schedule_fields = (
            "timezone",
            "schedule_kind",
            "interval_weeks",
            "first_date",
            "start_time",
            "duration_minutes",
            "reminder_offsets",
        )
        schedule_changed = any(getattr(existing, f) != getattr(program, f) for f in schedule_fields)
        async with submission.once(now) as tx:
            if submission.replayed:
                return ProgramResult(program=existing)
            await programs_repo.update(tx, program)
            for saved in self.on_saved:
                await saved(tx, program, now)
            replanned = kept = 0
            if schedule_changed:
                replanned, kept = await self._sessions.replan(tx, program, now)
            if program.channel_id != existing.channel_id:
                await self._sessions.move_channel(tx, program, existing.channel_id, now)
            if program.review_channel_id != existing.review_channel_id:
                for moved in self.on_review_moved:
                    await moved(tx, program, existing.review_channel_id, now)
            upcoming = await sessions_repo.upcoming(tx, [program.id], now, now + self._sessions.horizon)
            if dm:
                await outbox.enqueue(
                    tx,
                    key=keys.program_edited(program.id, submission_id),
                    target=actor.user_id,
                    now=now,
                    message=program_created_message(
                        program, upcoming[:3], edited=True, replanned=replanned, kept=kept
                    ),
                )
            detail: dict[str, object] = {"schedule_changed": schedule_changed}
            if program.invite_only != existing.invite_only:  # who can join (issue 17)
                detail["invite_only"] = program.invite_only
            await audit.record(tx, now, actor.user_id, "program.edit", f"program:{program.id}", detail)
        return ProgramResult(program=program, replanned=replanned, kept=kept)

    async def archive(self, actor: Person, program: Program) -> int:
        """No more sessions or reminders; returns how many future sessions were withdrawn (none when this
        person does not coordinate the program)."""
        if not self.can_manage(actor, program):
            return 0
        now = self._clock.now()
        async with self._db.transaction() as tx:
            if not await programs_repo.archive(tx, program.id, now):
                return 0
            withdrawn = await self._sessions.withdraw_future(tx, program, now, "the program was archived")
            await audit.record(
                tx, now, actor.user_id, "program.archive", f"program:{program.id}", {"sessions_withdrawn": withdrawn}
            )
        return withdrawn

    # ---- membership ------------------------------------------------------------------------
    async def join(self, person: Person, program: Program | None) -> Membership:
        if person.provider is None:
            return Membership.NOT_REGISTERED
        if program is None or not program.active:
            return Membership.NO_SUCH_PROGRAM
        async with self._db.transaction() as tx:
            now = self._clock.now()
            admission = await self.invitations.admit(tx, person, program, now) if self.invitations else Admission.OPEN
            if admission is not Admission.OPEN:
                return Membership.REQUESTED if admission is Admission.REQUESTED else Membership.REQUEST_PENDING
            joined = await programs_repo.join(tx, program.id, person.user_id, now)
            for hook in self.on_joined if joined else []:
                await hook(tx, program, person.user_id, now)
        return Membership.JOINED if joined else Membership.ALREADY

    async def leave(self, person: Person, program: Program | None) -> Membership:
        if program is None:
            return Membership.NO_SUCH_PROGRAM
        async with self._db.transaction() as tx:
            left = await programs_repo.leave(tx, program.id, person.user_id)
        return Membership.LEFT if left else Membership.NOT_A_MEMBER

    async def set_reminder_dms(self, user_id: str, wanted: bool) -> bool:
        async with self._db.transaction() as tx:
            return await providers_repo.set_reminder_dms(tx, user_id, wanted)
