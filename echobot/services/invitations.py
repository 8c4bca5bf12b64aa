"""Issue 17: invitation-only programs. A Join to such a program becomes a request to its coordinators (one DM
each, with Approve and Decline); coordinators invite people, who join with one click. Every DM is an outbox row
with a key of its own, and each request is settled once (a conditional update), so a double click, a second
coordinator or a resent request changes nothing twice."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel

from echobot import keys
from echobot.clock import Clock
from echobot.models import Invitation, Message, OutboxKind, Person, Program
from echobot.services.coordinators import coordinators_of
from echobot.storage import Database, audit, outbox
from echobot.storage import invitations as invitations_repo
from echobot.storage import programs as programs_repo
from echobot.storage import providers as providers_repo
from echobot.storage.database import Reader, Tx
from echobot.views.invitations import (
    decided_message,
    decision_message,
    invite_message,
    joined_message,
    request_message,
)


class Admission(StrEnum):
    """What a Join comes to before the membership itself."""

    OPEN = "open"  # join as always (an open program, staff, a member already, or invited)
    REQUESTED = "requested"  # a request went to the coordinators
    PENDING = "pending"  # a request was already waiting: nothing new sent


class Decision(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    NOT_ALLOWED = "not_allowed"
    ALREADY = "already"  # someone decided first
    GONE = "gone"  # no such request (in this hub), or its program was archived


class DecisionResult(BaseModel):
    outcome: Decision
    by_user: str | None = None  # who decided, when it was already decided


class InviteResult(BaseModel):
    invited: list[str] = []
    members: list[str] = []  # already in the program
    pending: list[str] = []  # invited before, not yet joined: not sent again


class Invitations:
    def __init__(self, db: Database, clock: Clock, admins: tuple[str, ...]) -> None:
        self._db = db
        self._clock = clock
        self._admins = admins
        # what joining sets off (the series surveys): the same hooks as Programs.join, set by the container
        self.on_joined: list[Callable[[Tx, Program, str, datetime], Awaitable[None]]] = []

    async def _coordinators(self, db: Reader, program: Program) -> list[str]:
        """Who decides: the program's coordinators, else the hub's (as for other coordinator notices)."""
        return await coordinators_of(db, program, self._admins)

    # ---- joining -----------------------------------------------------------------------------
    async def admit(self, tx: Tx, person: Person, program: Program, now: datetime) -> Admission:
        """The hook in the join path (inside its transaction): an invitation is taken up; an invitation-only
        program turns the Join into a request, unless the person is on its staff or already in it."""
        invite = await invitations_repo.pending(tx, program.id, person.user_id, "invite")
        if invite is not None:
            await invitations_repo.decide(tx, invite.id, "joined", person.user_id, now)
            asked = await invitations_repo.pending(tx, program.id, person.user_id, "request")
            if asked is not None and person.provider is not None:  # asked, then invited: the invitation settles it
                await invitations_repo.decide(tx, asked.id, "approved", invite.by_user, now)
                await _update_copies(tx, asked.id, decided_message(program, person.provider, True, invite.by_user), now)
            await audit.record(tx, now, person.user_id, "program.invitation.join", f"program:{program.id}",
                               {"invitation": invite.id})  # fmt: skip
            return Admission.OPEN
        if not program.invite_only or person.manages(program) or person.user_id in program.specialists:
            return Admission.OPEN
        if person.user_id in await programs_repo.members(tx, program.id):
            return Admission.OPEN
        assert person.provider is not None  # the join path asks for registration first
        request = await invitations_repo.add(tx, program.id, person.user_id, "request", person.user_id, now)
        if request is None:
            return Admission.PENDING
        message = request_message(program, person.provider, request.id)
        for coordinator in await self._coordinators(tx, program):
            await outbox.enqueue(tx, key=keys.invitation_to(request.id, coordinator), target=coordinator, now=now,
                                 message=message)  # fmt: skip
        await audit.record(tx, now, person.user_id, "program.join_request", f"program:{program.id}",
                           {"request": request.id})  # fmt: skip
        return Admission.REQUESTED

    async def requested(self, program_id: int, user_id: str) -> bool:
        """A request of this person to this program waits for a decision."""
        return await invitations_repo.pending(self._db.reader, program_id, user_id, "request") is not None

    # ---- deciding ----------------------------------------------------------------------------
    async def request(self, request_id: int) -> tuple[Invitation, Program] | None:
        found = await invitations_repo.get(self._db.reader, request_id)
        program = await programs_repo.get(self._db.reader, found.program_id) if found else None
        if found is None or found.kind != "request" or program is None or not program.active:
            return None
        return found, program

    async def decide(self, actor: Person, request_id: int, approve: bool, reason: str = "") -> DecisionResult:
        """Approve (the requester joins) or decline a pending request, once; every coordinator's copy is
        updated in place and the requester told by DM."""
        found = await self.request(request_id)
        if found is None:
            return DecisionResult(outcome=Decision.GONE)
        request, program = found
        if not actor.manages(program):
            return DecisionResult(outcome=Decision.NOT_ALLOWED)
        now = self._clock.now()
        async with self._db.transaction() as tx:
            state = "approved" if approve else "declined"
            if not await invitations_repo.decide(tx, request.id, state, actor.user_id, now):
                settled = await invitations_repo.get(tx, request.id)
                return DecisionResult(outcome=Decision.ALREADY, by_user=settled.decided_by if settled else None)
            provider = await providers_repo.get(tx, request.user_id)
            if approve and await programs_repo.join(tx, program.id, request.user_id, now):
                for hook in self.on_joined:
                    await hook(tx, program, request.user_id, now)
            await outbox.enqueue(tx, key=keys.invitation(request.id, "decision"), target=request.user_id, now=now,
                                 message=decision_message(program, approve, reason))  # fmt: skip
            if provider is not None:
                await _update_copies(tx, request.id, decided_message(program, provider, approve, actor.user_id), now)
            await audit.record(tx, now, actor.user_id, f"program.join_request.{state}", f"program:{program.id}",
                               {"request": request.id, "user": request.user_id})  # fmt: skip
        return DecisionResult(outcome=Decision.APPROVED if approve else Decision.DECLINED)

    # ---- inviting ----------------------------------------------------------------------------
    async def invite(self, actor: Person, program: Program, user_ids: list[str]) -> InviteResult | None:
        """Invite people (a DM each with a Join button); None when this person may not invite to it."""
        if not program.active or not actor.manages(program):
            return None
        now = self._clock.now()
        result = InviteResult()
        async with self._db.transaction() as tx:
            members = set(await programs_repo.members(tx, program.id))
            for user_id in dict.fromkeys(user_ids):
                if user_id in members:
                    result.members.append(user_id)
                    continue
                invite = await invitations_repo.add(tx, program.id, user_id, "invite", actor.user_id, now)
                if invite is None:
                    result.pending.append(user_id)
                    continue
                await outbox.enqueue(tx, key=keys.invitation(invite.id, "invite"), target=user_id, now=now,
                                     message=invite_message(program, actor.user_id))  # fmt: skip
                await audit.record(tx, now, actor.user_id, "program.invite", f"program:{program.id}",
                                   {"invitation": invite.id, "user": user_id})  # fmt: skip
                result.invited.append(user_id)
        return result

    async def join_invited(self, tx: Tx, user_id: str, now: datetime) -> None:
        """Registration's hook: someone invited before registering joins their programs without a second step."""
        for invite in await invitations_repo.pending_invites_of(tx, user_id):
            program = await programs_repo.get(tx, invite.program_id)
            if program is None or not program.active:
                continue
            await invitations_repo.decide(tx, invite.id, "joined", user_id, now)
            if await programs_repo.join(tx, program.id, user_id, now):
                for hook in self.on_joined:
                    await hook(tx, program, user_id, now)
            await outbox.enqueue(tx, key=keys.invitation(invite.id, "joined"), target=user_id, now=now,
                                 message=joined_message(program))  # fmt: skip
            await audit.record(tx, now, user_id, "program.invitation.join", f"program:{program.id}",
                               {"invitation": invite.id})  # fmt: skip


async def _update_copies(tx: Tx, request_id: int, message: Message, now: datetime) -> None:
    """Every copy a request went out as (whoever coordinates the program now), updated in place."""
    prefix = keys.invitation_to(request_id, "")
    for post in await outbox.by_prefix(tx, prefix):
        if ":" in post.key.removeprefix(prefix):  # a row beside a copy (`:instead`), not a copy
            continue
        await outbox.enqueue(tx, key=f"{post.key}:decided", kind=OutboxKind.UPDATE, parent_key=post.key,
                             target=post.target, now=now, message=message)  # fmt: skip
