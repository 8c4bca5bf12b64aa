"""Provider registration: validation of the form, storing it, and switching role."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from echobot import keys
from echobot.clock import Clock
from echobot.forms import RegistrationForm
from echobot.ids import Consent, RegistrationField
from echobot.models import Credential, Program, Provider, Role
from echobot.reference import US_STATES
from echobot.services.hubs import Hubs
from echobot.services.invitations import Invitations
from echobot.storage import Database, Tx
from echobot.storage import outbox as outbox_repo
from echobot.storage import programs as programs_repo
from echobot.storage import providers as providers_repo
from echobot.validation import email_error, month_day_error, npi_error, parse_id
from echobot.views.registration import confirmation_message

MAX_LENGTH = {
    RegistrationField.NAME: 100,
    RegistrationField.DISCIPLINE: 100,
    RegistrationField.ORGANIZATION: 150,
    RegistrationField.COUNTY: 100,
    RegistrationField.EMAIL: 254,
    RegistrationField.LICENCE: 40,
}


class RegistrationResult(BaseModel):
    errors: dict[str, str] = Field(default_factory=dict)
    provider: Provider | None = None
    created: bool = False
    hub_name: str = ""  # for the welcome the form shows in its place


class RoleChange(StrEnum):
    NOT_REGISTERED = "not_registered"
    UNCHANGED = "unchanged"
    CHANGED = "changed"


def validate(form: RegistrationForm) -> dict[str, str]:
    """Every problem with the form, keyed by the field (block id) it belongs to."""
    errors: dict[str, str] = {}
    required = {
        RegistrationField.NAME: (form.name, "Enter your name as it should appear on certificates."),
        RegistrationField.DISCIPLINE: (
            form.discipline,
            "Enter your discipline or specialty (for example Family medicine).",
        ),
        RegistrationField.ORGANIZATION: (form.organization, "Enter your organization (your clinic or spoke site)."),
        RegistrationField.COUNTY: (form.county, "Enter the county where you practise."),
        RegistrationField.EMAIL: (form.email, "Enter the e-mail address for your certificates."),
    }
    for field, (value, message) in required.items():
        if not value.strip():
            errors[field] = message
        elif len(value.strip()) > MAX_LENGTH[field]:
            errors[field] = f"Keep this under {MAX_LENGTH[field]} characters."
    if RegistrationField.EMAIL not in errors and (problem := email_error(form.email.strip())):
        errors[RegistrationField.EMAIL] = problem
    if form.credential not in {c.value for c in Credential}:
        errors[RegistrationField.CREDENTIAL] = "Choose your professional credential."
    if form.state not in US_STATES:
        errors[RegistrationField.STATE] = "Choose the state where you practise."
    if form.role not in {r.value for r in Role}:
        errors[RegistrationField.ROLE] = "Choose participant or observer."
    errors.update(identifier_errors(form))
    return errors


def identifier_errors(form: RegistrationForm) -> dict[str, str]:
    """Problems with the credit-reporting identifiers (all optional), keyed by field."""
    errors: dict[str, str] = {}
    if form.npi.strip() and (problem := npi_error(form.npi.strip())):
        errors[RegistrationField.NPI] = problem
    licence = form.licence_number.strip()
    if len(licence) > MAX_LENGTH[RegistrationField.LICENCE]:
        errors[RegistrationField.LICENCE] = f"Keep this under {MAX_LENGTH[RegistrationField.LICENCE]} characters."
    elif licence and Consent.LICENCE not in form.consent:
        errors[RegistrationField.LICENCE] = "Tick the consent box to share your licence number, or leave it empty."
    errors.update(_birth_errors(form))
    return errors


def _birth_errors(form: RegistrationForm) -> dict[str, str]:
    month, day = form.birth_month, form.birth_day
    if month is None and day is None:
        return {}
    if month is None:
        return {RegistrationField.BIRTH_MONTH: "Choose the month too, or clear the day."}
    if day is None:
        return {RegistrationField.BIRTH_DAY: "Choose the day too, or clear the month."}
    if not (month.isascii() and month.isdigit() and day.isascii() and day.isdigit() and len(month + day) <= 4):
        return {RegistrationField.BIRTH_DAY: "Choose a month and a day."}
    if problem := month_day_error(int(month), int(day)):
        return {RegistrationField.BIRTH_DAY: problem}
    if Consent.BIRTH not in form.consent:
        return {RegistrationField.BIRTH_MONTH: "Tick the consent box to share your birth month and day, or clear them."}
    return {}


class Registration:
    def __init__(self, db: Database, clock: Clock, hubs: Hubs | str) -> None:
        """`hubs`: the hubs service (the name is the acting hub's), or one fixed hub name."""
        self._db = db
        self._clock = clock
        self._hubs = hubs
        self.invitations: Invitations | None = None  # issue 17: the invited join on registering (the container)
        # what joining sets off (the series surveys): the same hooks as Programs.join, set by the container
        self.on_joined: list[Callable[[Tx, Program, str, datetime], Awaitable[None]]] = []

    async def get(self, user_id: str) -> Provider | None:
        return await providers_repo.get(self._db.reader, user_id)

    async def register(self, user_id: str, form: RegistrationForm, submission_id: str,
                       team_id: str | None = None, *, dm: bool = True) -> RegistrationResult:  # fmt: skip
        """Store a valid registration (new or edited) and plan its confirmation DM (`dm`; the registration form
        shows the welcome in its own place instead, issue 19).

        `submission_id` identifies the submitted modal: Slack resending the same submission
        leads to the same stored row and one confirmation. `team_id` is the person's Slack team (a partner
        organization's in a Slack Connect channel); an edit without one keeps the one known.
        """
        errors = validate(form)
        if errors:
            return RegistrationResult(errors=errors)
        now = self._clock.now()
        hub_name = self._hubs if isinstance(self._hubs, str) else (await self._hubs.profile()).name
        async with self._db.transaction() as tx:
            existing = await providers_repo.get(tx, user_id)
            provider = _provider_from(user_id, form, existing.registered_at if existing else now, now)
            provider = provider.model_copy(update={"team_id": team_id or (existing.team_id if existing else None)})
            await providers_repo.save(tx, provider)
            if form.programs is not None:
                wanted = {i for i in map(parse_id, form.programs) if i is not None}
                for program in await _set_memberships(tx, user_id, wanted, now):
                    for hook in self.on_joined:
                        await hook(tx, program, user_id, now)
            if self.invitations is not None:
                await self.invitations.join_invited(tx, user_id, now)
            if dm:
                await outbox_repo.enqueue(
                    tx,
                    key=keys.registration(user_id, submission_id),
                    target=user_id,
                    message=confirmation_message(provider, created=existing is None, hub_name=hub_name),
                    now=now,
                )
        return RegistrationResult(provider=provider, created=existing is None, hub_name=hub_name)

    async def add_identifiers(self, user_id: str, form: RegistrationForm) -> dict[str, str]:
        """The credit-reporting identifiers given with a credit claim (issue 19): stored with the registration,
        the other answers unchanged. Nothing given changes nothing; problems come back keyed by field."""
        if errors := identifier_errors(form):
            return errors
        update: dict[str, object] = {}
        if form.npi.strip():
            update["npi"] = form.npi.strip()
        if form.licence_number.strip():  # identifier_errors checked the consent
            update.update(licence_number=form.licence_number.strip(), licence_consent=True)
        if form.birth_month and form.birth_day:
            update.update(birth_month=int(form.birth_month), birth_day=int(form.birth_day), birth_consent=True)
        if not update:
            return {}
        now = self._clock.now()
        async with self._db.transaction() as tx:
            existing = await providers_repo.get(tx, user_id)
            if existing is not None:
                await providers_repo.save(tx, existing.model_copy(update={**update, "updated_at": now}))
        return {}

    async def set_role(self, user_id: str, role: Role) -> RoleChange:
        async with self._db.transaction() as tx:
            if await providers_repo.get(tx, user_id) is None:
                return RoleChange.NOT_REGISTERED
            changed = await providers_repo.set_role(tx, user_id, role, self._clock.now())
        return RoleChange.CHANGED if changed else RoleChange.UNCHANGED


async def _set_memberships(tx: Tx, user_id: str, wanted: set[int], now: datetime) -> list[Program]:
    """Be a member of exactly the `wanted` active programs; the programs newly joined."""
    current = set(await programs_repo.joined(tx, user_id))
    programs = await programs_repo.active(tx)
    active = {program.id for program in programs}
    joined: list[Program] = []
    for program in programs:  # invitation-only programs: a Join or an invitation (issue 17)
        wanted_open = program.id in wanted - current and not program.invite_only
        if wanted_open and await programs_repo.join(tx, program.id, user_id, now):
            joined.append(program)
    for program_id in (current & active) - wanted:  # programs the form did not offer are left alone
        await programs_repo.leave(tx, program_id, user_id)
    return joined


def _provider_from(user_id: str, form: RegistrationForm, registered_at: datetime, now: datetime) -> Provider:
    has_birth = form.birth_month is not None and form.birth_day is not None
    return Provider.model_validate(
        {
            "user_id": user_id,
            "name": form.name.strip(),
            "credential": form.credential,
            "discipline": form.discipline.strip(),
            "organization": form.organization.strip(),
            "state": form.state,
            "county": form.county.strip(),
            "email": form.email.strip(),
            "role": form.role,
            "npi": form.npi.strip() or None,
            "licence_number": form.licence_number.strip() or None,
            "licence_consent": Consent.LICENCE in form.consent,
            "birth_month": int(form.birth_month) if has_birth and form.birth_month else None,
            "birth_day": int(form.birth_day) if has_birth and form.birth_day else None,
            "birth_consent": Consent.BIRTH in form.consent,
            "registered_at": registered_at,
            "updated_at": now,
        }
    )
