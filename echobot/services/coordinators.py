"""Hub coordinators added and removed in Slack by the administrators named in ECHOBOT_ADMINS."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from echobot.clock import Clock
from echobot.models import Person, Program
from echobot.storage import Database, Reader, audit
from echobot.storage import coordinators as coordinators_repo


async def coordinators_of(db: Reader, program: Program, admins: Sequence[str]) -> list[str]:
    """Who hears about a program's matters: its coordinators; without any, the hub's (administrators, then
    coordinators)."""
    if program.coordinators:
        return list(program.coordinators)
    return list(dict.fromkeys([*admins, *await coordinators_repo.all_ids(db)]))


class CoordinatorChange(StrEnum):
    ADDED = "added"
    ALREADY = "already"
    REMOVED = "removed"
    NOT_ONE = "not_one"
    IS_ADMIN = "is_admin"
    REFUSED = "refused"


class Coordinators:
    def __init__(self, db: Database, clock: Clock, admins: tuple[str, ...]) -> None:
        self._db = db
        self._clock = clock
        self._admins = frozenset(admins)

    async def list(self) -> list[str]:
        return sorted(self._admins) + [
            u for u in await coordinators_repo.all_ids(self._db.reader) if u not in self._admins
        ]

    async def add(self, actor: Person, user_id: str) -> CoordinatorChange:
        if not actor.is_admin:
            return CoordinatorChange.REFUSED
        now = self._clock.now()
        async with self._db.transaction() as tx:
            if user_id in self._admins or not await coordinators_repo.add(tx, user_id, actor.user_id, now):
                return CoordinatorChange.ALREADY
            await audit.record(tx, now, actor.user_id, "coordinator.add", f"user:{user_id}")
        return CoordinatorChange.ADDED

    async def remove(self, actor: Person, user_id: str) -> CoordinatorChange:
        if not actor.is_admin:
            return CoordinatorChange.REFUSED
        if user_id in self._admins:
            return CoordinatorChange.IS_ADMIN
        now = self._clock.now()
        async with self._db.transaction() as tx:
            if not await coordinators_repo.remove(tx, user_id):
                return CoordinatorChange.NOT_ONE
            await audit.record(tx, now, actor.user_id, "coordinator.remove", f"user:{user_id}")
        return CoordinatorChange.REMOVED
