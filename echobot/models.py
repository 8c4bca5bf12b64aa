"""Domain models shared by services, views and storage."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

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


class Person(BaseModel):
    """Who is acting: what echobot knows of a Slack user when they do something."""

    model_config = ConfigDict(frozen=True)

    user_id: str
    provider: Provider | None = None
    is_admin: bool = False
    is_coordinator: bool = False

    @property
    def is_registered(self) -> bool:
        return self.provider is not None

    @property
    def is_participant(self) -> bool:
        return self.provider is not None and self.provider.role is Role.PARTICIPANT


class OutboxKind(StrEnum):
    POST = "post"
    UPDATE = "update"
    DELETE = "delete"


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class Message(BaseModel):
    """What a Slack message says: fallback text and optional Block Kit blocks."""

    text: str
    blocks: list[dict[str, Any]] = Field(default_factory=list)
    unfurl_links: bool = False


class OutboxItem(BaseModel):
    id: int
    key: str
    kind: OutboxKind
    target: str
    parent_key: str | None
    message: Message
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


class AuditEntry(BaseModel):
    at: datetime
    actor: str
    action: str
    subject: str | None
    detail: dict[str, Any] | None
