"""Domain models shared by services, views and storage."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field


class Role(StrEnum):
    PARTICIPANT = "participant"
    OBSERVER = "observer"

    @property
    def label(self) -> str:
        return "Participant" if self is Role.PARTICIPANT else "Observer"

    @property
    def explanation(self) -> str:
        if self is Role.PARTICIPANT:
            return "attends sessions and may present cases"
        return "attends sessions; cannot present cases"


class Credential(StrEnum):
    MD = "MD"
    DO = "DO"
    NP = "NP"
    PA = "PA"
    RN = "RN"
    PHARMD = "PharmD"
    PSYCHOLOGIST = "Psychologist"
    SOCIAL_WORKER = "Social worker"
    CHW = "CHW"
    OTHER = "Other"


class Provider(BaseModel):
    """A registered spoke provider (not a patient: provider details are not PHI)."""

    model_config = ConfigDict(frozen=True)

    user_id: str
    name: str
    credential: Credential
    discipline: str
    organization: str
    state: str
    county: str
    email: str
    role: Role
    npi: str | None = None
    licence_number: str | None = None
    licence_consent: bool = False
    birth_month: int | None = None
    birth_day: int | None = None
    birth_consent: bool = False
    registered_at: datetime
    updated_at: datetime
    team_id: str | None = None  # their Slack team (workspace); a partner organization's in a shared channel


class Person(BaseModel):
    """Who is acting: what echobot knows of a Slack user when they do something."""

    model_config = ConfigDict(frozen=True)

    user_id: str
    provider: Provider | None = None
    is_admin: bool = False
    is_coordinator: bool = False  # a hub coordinator: ECHOBOT_ADMINS or added in Slack
    managed_programs: frozenset[int] = frozenset()  # programs where they are a program coordinator
    specialist_programs: frozenset[int] = frozenset()

    @property
    def is_registered(self) -> bool:
        return self.provider is not None

    @property
    def is_participant(self) -> bool:
        return self.provider is not None and self.provider.role is Role.PARTICIPANT

    def manages(self, program: Program) -> bool:
        """Hub coordinators manage every program; program coordinators their own."""
        return self.is_coordinator or self.user_id in program.coordinators


class Invitation(BaseModel):
    """Issue 17: an invitation to a program by a coordinator, or a request to join an invitation-only one."""

    model_config = ConfigDict(frozen=True)

    id: int
    program_id: int
    user_id: str
    kind: str  # "invite" | "request"
    state: str  # "pending" | "approved" | "declined" | "joined"
    by_user: str
    created_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None


class OutboxKind(StrEnum):
    POST = "post"
    UPDATE = "update"
    DELETE = "delete"
    JOB = "job"  # internal work at a due time (no Slack call), e.g. ending a session
    UPLOAD = "upload"  # a file (files_upload_v2) beside the message named by parent_key


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class Attachment(BaseModel):
    """A file sent with files_upload_v2 (an outbox row of kind UPLOAD)."""

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    filename: str
    title: str
    content: bytes = b""
    alt_text: str = ""
    share_file_id: str = ""  # instead of content: a file a person attached, read with the bot token when sent
    in_thread: bool = False  # in the thread of the message named by parent_key (else beside it, in its conversation)


class Message(BaseModel):
    """What a Slack message says: fallback text and optional Block Kit blocks (or, for an upload, a file)."""

    text: str
    blocks: list[dict[str, Any]] = Field(default_factory=list)
    unfurl_links: bool = False
    file: Attachment | None = None
    ephemeral_to: str | None = None  # a post only this user sees (chat.postEphemeral), in the row's conversation
    broadcast: bool = False  # a thread reply also shown in the conversation (reply_broadcast): important changes


class Render(BaseModel):
    """Content made when a row is sent, not when it is planned: `name` picks the renderer."""

    name: str
    args: dict[str, Any] = Field(default_factory=dict)


class OutboxItem(BaseModel):
    id: int
    key: str
    kind: OutboxKind
    target: str
    parent_key: str | None
    message: Message | None
    render: Render | None
    due_at: datetime
    stale_at: datetime | None
    not_before: datetime | None
    state: OutboxState
    attempts: int
    last_error: str | None
    slack_channel: str | None
    slack_ts: str | None
    created_at: datetime
    sent_at: datetime | None
    claimed_by: str | None = None  # the dispatcher sending it (while 'sending')
    lease_until: datetime | None = None  # until when that claim holds unless renewed
    in_doubt: bool = False  # in flight when its process stopped or died: Slack may already have it
    aside: bool = False  # stepped aside from its channel's lane after transient errors (later rows pass)
    hub: str = "default"  # the hub it belongs to: whose bot token sends it (storage/hub.py)


class HubProfile(BaseModel):
    """A hub (an installed workspace or Grid organization) and its settings; empty settings fall back to the
    environment's (ECHOBOT_HUB_NAME, ECHOBOT_TIMEZONE, ECHOBOT_ACCREDITATION_STATEMENT)."""

    hub_id: str
    enterprise_id: str | None = None
    team_id: str | None = None
    name: str = ""
    timezone: str = ""
    accreditation_statement: str = ""
    installed_by: str | None = None
    uninstalled_at: datetime | None = None
    uninstall_reason: str | None = None
    digest_day: str = ""  # monday…sunday; empty: ECHOBOT_DIGEST_DAY
    digest_time: str = ""  # HH:MM in the hub's time zone; empty: ECHOBOT_DIGEST_TIME
    digest_channel: str = ""  # a channel id; empty: ECHOBOT_DIGEST_CHANNEL (or the coordinators by DM)


class AuditEntry(BaseModel):
    at: datetime
    actor: str
    action: str
    subject: str | None
    detail: dict[str, Any] | None


class ScheduleKind(StrEnum):
    WEEKLY = "weekly"
    EVERY_N_WEEKS = "every_n_weeks"
    MONTHLY = "monthly"
    ONCE = "once"


class Program(BaseModel):
    """A teleECHO program: its channels, its schedule on local wall-clock time, its settings."""

    model_config = ConfigDict(frozen=True)

    id: int
    name: str
    channel_id: str
    review_channel_id: str
    timezone: str
    schedule_kind: ScheduleKind
    interval_weeks: int = 1
    first_date: date
    start_time: time
    duration_minutes: int
    video_url: str
    reminder_offsets: list[int]  # minutes before the start
    case_slots: int = 2
    eval_window_days: int = 14
    credit_quarters: int = 4
    followup_weeks: int = 4
    anonymous_ratings: bool = False
    credit_min_minutes: int = 0  # minutes present (from the video report) for credit; 0: off
    series_starts_on: date | None = None  # the current series (a cohort over these dates), if any
    series_ends_on: date | None = None
    completion_percent: int = 75  # share of the series' sessions attended for a certificate of completion
    invite_only: bool = False  # who can join (issue 17): False open to every registered provider
    specialists: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)
    archived_at: datetime | None = None
    created_by: str
    created_at: datetime
    updated_at: datetime

    @property
    def credit(self) -> float:
        return self.credit_quarters / 4

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def active(self) -> bool:
        return self.archived_at is None


class SessionStatus(StrEnum):
    SCHEDULED = "scheduled"
    LIVE = "live"  # derived: scheduled and between its start and end
    CANCELLED = "cancelled"
    ENDED = "ended"


class Session(BaseModel):
    """One occurrence of a program's schedule."""

    model_config = ConfigDict(frozen=True)

    id: int
    program_id: int
    occurrence: date
    starts_at: datetime
    duration_minutes: int
    topic: str | None = None
    presenter: str | None = None
    status: SessionStatus
    cancel_reason: str | None = None
    moved: bool = False
    attendance_code: str | None = None
    ended_at: datetime | None = None
    created_at: datetime

    @property
    def ends_at(self) -> datetime:
        """When it ends (or ended, when a coordinator ended it early)."""
        return self.ended_at or self.starts_at + timedelta(minutes=self.duration_minutes)


class AttendanceChange(BaseModel):
    session_id: int
    user_id: str
    change: str
    actor: str
    reason: str | None
    at: datetime


class Attendee(BaseModel):
    session_id: int
    user_id: str
    present: bool
    checked_in_at: datetime | None


class CaseState(StrEnum):
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    NEEDS_INFO = "needs_info"
    SCHEDULED = "scheduled"
    PRESENTED = "presented"
    RECOMMENDATIONS_SENT = "recommendations_sent"
    CLOSED = "closed"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


AGE_BANDS = ("under 18", "18–29", "30–39", "40–49", "50–59", "60–69", "70–79", "80–89", "90+")
SEXES = ("female", "male", "intersex", "not stated")


class Case(BaseModel):
    """A case presentation. Free text is None once removed after the retention period, or taken back because
    someone reported identifiers in it (`reported_at`)."""

    model_config = ConfigDict(frozen=True)

    id: int
    program_id: int
    submitter: str
    summary: str | None
    question: str | None
    age_band: str
    sex: str
    presenting_problem: str | None
    history: str | None
    medications: str | None
    labs: str | None
    tried: str | None
    urgency: str
    preferred_session_id: int | None = None
    session_id: int | None = None
    state: CaseState
    owner: str | None = None
    recommendations: str | None = None
    followup_outcome: str | None = None
    followup_note: str | None = None
    submitted_at: datetime
    updated_at: datetime
    closed_at: datetime | None = None
    purged_at: datetime | None = None
    reported_at: datetime | None = None
    teaching_consent: bool = False  # the submitter agreed that its teaching points may go into the library
    credit_consent: bool = False  # and to be credited by name there

    @property
    def title(self) -> str:
        return f"Case #{self.id}"

    @property
    def holds_text(self) -> bool:
        """Does the case still hold clinical text of its own (the history's notes aside)?"""
        return any((self.summary, self.question, self.presenting_problem, self.history, self.medications,
                    self.labs, self.tried, self.recommendations, self.followup_note))  # fmt: skip

    @property
    def handle(self) -> str:
        """The short name people see: "Case #1 · 50s woman, HCV genotype 3…" (the title once the text is gone)."""
        if not self.summary:
            return self.title
        summary = self.summary if len(self.summary) <= 40 else self.summary[:39].rstrip(" ,;:") + "…"
        return f"{self.title} · {summary}"


class CaseEvent(BaseModel):
    case_id: int
    actor: str
    action: str
    from_state: CaseState | None
    to_state: CaseState
    note: str | None
    at: datetime


class Evaluation(BaseModel):
    session_id: int
    user_id: str
    overall: int
    relevance: int
    objectives_met: str
    intent_to_change: str
    change_plan: str | None
    bias_free: bool
    bias_comment: str | None
    suggestions: str | None
    submitted_at: datetime


class CreditRecord(BaseModel):
    session_id: int
    user_id: str
    credit_type: str
    quarters: int
    without_check_in: bool
    awarded_at: datetime

    @property
    def hours(self) -> float:
        return self.quarters / 4


LIBRARY_OUTCOMES = {"improved": "Improved", "unchanged": "Unchanged", "worse": "Worse"}


class LibraryEntry(BaseModel):
    """A case's teaching points in the program's case library: no clinical text, so it outlives retention."""

    model_config = ConfigDict(frozen=True)

    id: int
    program_id: int
    case_id: int | None
    title: str
    tags: str
    question: str
    recommendation: str
    age_band: str
    sex: str
    year: int
    outcome: str | None = None
    credited: str | None = None
    created_by: str
    created_at: datetime
    hidden_at: datetime | None = None
    hidden_by: str | None = None
    pending_review: bool = False  # hidden by a report of identifiers, until a coordinator reviews it

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]


class SessionMaterials(BaseModel):
    """A session's slides (Slack's file: its id, name, permalink) and recording link; one current set."""

    model_config = ConfigDict(frozen=True)

    session_id: int
    slides_file_id: str | None = None
    slides_name: str | None = None
    slides_permalink: str | None = None
    recording_url: str | None = None
    version: int = 1
    actor: str
    at: datetime
