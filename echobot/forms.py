"""What each modal holds as typed (nothing validated yet): below the services that check these forms and the
views that build the modals from them, so neither imports the other."""

from __future__ import annotations

from pydantic import BaseModel, Field

from echobot.ids import CaseField, Consent
from echobot.models import Program, Provider, ScheduleKind
from echobot.schedule import DEFAULT_OFFSETS, format_offsets


class ProgramForm(BaseModel):
    """The program modal as typed."""

    name: str = ""
    channel_id: str | None = None
    review_channel_id: str | None = None
    timezone: str | None = None
    schedule: str | None = ScheduleKind.WEEKLY.value
    interval_weeks: str = ""
    first_date: str | None = None
    start_time: str | None = "12:00"
    duration: str = "60"
    video_url: str = ""
    offsets: str = DEFAULT_OFFSETS
    case_slots: str = "2"
    eval_window: str = "14"
    credit: str = "1.0"
    specialists: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)
    anonymous: bool = False
    credit_minutes: str = "0"
    series_start: str | None = None
    series_end: str | None = None
    completion: str = "75"
    invite_only: bool = False

    @classmethod
    def from_program(cls, program: Program) -> ProgramForm:
        return cls(
            name=program.name,
            channel_id=program.channel_id,
            review_channel_id=program.review_channel_id,
            timezone=program.timezone,
            schedule=program.schedule_kind.value,
            interval_weeks=str(program.interval_weeks) if program.schedule_kind is ScheduleKind.EVERY_N_WEEKS else "",
            first_date=program.first_date.isoformat(),
            start_time=program.start_time.strftime("%H:%M"),
            duration=str(program.duration_minutes),
            video_url=program.video_url,
            offsets=format_offsets(program.reminder_offsets),
            case_slots=str(program.case_slots),
            eval_window=str(program.eval_window_days),
            credit=f"{program.credit:g}",
            specialists=program.specialists,
            coordinators=program.coordinators,
            anonymous=program.anonymous_ratings,
            credit_minutes=str(program.credit_min_minutes),
            series_start=program.series_starts_on.isoformat() if program.series_starts_on else None,
            series_end=program.series_ends_on.isoformat() if program.series_ends_on else None,
            completion=str(program.completion_percent),
            invite_only=program.invite_only,
        )


class RegistrationForm(BaseModel):
    """What the registration modal holds, as typed (nothing validated yet)."""

    name: str = ""
    credential: str | None = None
    discipline: str = ""
    organization: str = ""
    state: str | None = None
    county: str = ""
    email: str = ""
    role: str | None = None
    npi: str = ""
    licence_number: str = ""
    birth_month: str | None = None
    birth_day: str | None = None
    consent: list[str] = Field(default_factory=list)
    programs: list[str] | None = None  # ids of programs to be a member of; None: the form had no such field

    @classmethod
    def from_provider(cls, provider: Provider) -> RegistrationForm:
        consent = [Consent.LICENCE.value] if provider.licence_consent else []
        consent += [Consent.BIRTH.value] if provider.birth_consent else []
        return cls(
            name=provider.name,
            credential=provider.credential.value,
            discipline=provider.discipline,
            organization=provider.organization,
            state=provider.state,
            county=provider.county,
            email=provider.email,
            role=provider.role.value,
            npi=provider.npi or "",
            licence_number=provider.licence_number or "",
            birth_month=None if provider.birth_month is None else str(provider.birth_month),
            birth_day=None if provider.birth_day is None else str(provider.birth_day),
            consent=consent,
        )


class EvaluationForm(BaseModel):
    overall: str | None = None
    relevance: str | None = None
    objectives_met: str | None = None
    intent_to_change: str | None = None
    change_plan: str = ""
    bias_free: str | None = None
    bias_comment: str = ""
    suggestions: str = ""
    code: str = ""
    attested: bool = False
    credit: str = ""


class CaseForm(BaseModel):
    program_id: str | None = None
    summary: str = ""
    question: str = ""
    age_band: str | None = None
    sex: str | None = None
    presenting_problem: str = ""
    history: str = ""
    medications: str = ""
    labs: str = ""
    tried: str = ""
    urgency: str | None = None
    preferred_session: str | None = None
    confirmed: bool = False
    teaching: bool = False  # its teaching points may go into the case library (no means no)
    credit: bool = False  # and the library may name the presenter

    def texts(self) -> dict[str, str]:
        return {
            CaseField.SUMMARY: self.summary,
            CaseField.QUESTION: self.question,
            CaseField.PRESENTING: self.presenting_problem,
            CaseField.HISTORY: self.history,
            CaseField.MEDICATIONS: self.medications,
            CaseField.LABS: self.labs,
            CaseField.TRIED: self.tried,
        }


class TeachingForm(BaseModel):
    """The teaching points a specialist adds in the recommendations modal (echobot/services/library.py)."""

    consent: bool = False  # "may go into the library"
    title: str = ""
    tags: str = ""
    question: str = ""
    recommendation: str = ""


class LibraryQuery(BaseModel):
    """A search of the case library: words and filters, as typed or chosen."""

    words: str = ""
    program_id: str | None = None
    program_name: str | None = None  # typed after `program:` in /echo library (a part of the name is enough)
    tag: str | None = None
    age_band: str | None = None
