"""Who is acting: registration and coordinator status of a Slack user."""

from __future__ import annotations

import time

from echobot.models import Person
from echobot.services.hubs import Hubs
from echobot.storage import Database, hub
from echobot.storage import programs as programs_repo
from echobot.storage import providers as providers_repo


class People:
    """Answers `whois` from memory when it can: every interaction asks, changes are rare.

    The cache is cleared after any commit that touched the providers' topic (registrations,
    role switches, coordinator changes), in this process or, on a shared database, in another one
    (commit notices: storage/notify.py), so it does not answer with something stale. An entry is also
    read again after `max_age` seconds, in case a notice was lost while a connection was down.
    """

    def __init__(self, db: Database, admins: tuple[str, ...], cache_size: int = 5000, max_age: float = 60.0,
                 hubs: Hubs | None = None) -> None:  # fmt: skip
        self._db = db
        self._hubs = hubs
        self._admins = frozenset(admins)
        self._cache: dict[tuple[str, str], tuple[float, Person]] = {}  # by (hub, user)
        self._cache_size = cache_size
        self._max_age = max_age
        self._generation = 0
        db.on_commit(providers_repo.TOPIC, self._invalidate)

    def _invalidate(self) -> None:
        self._generation += 1
        self._cache.clear()

    async def whois(self, user_id: str) -> Person:
        key = (hub.current(), user_id)
        cached = self._cache.get(key)
        if cached is not None and time.monotonic() - cached[0] < self._max_age:
            return cached[1]
        generation = self._generation
        provider, added_coordinator = await providers_repo.get_with_coordinator_flag(self._db.reader, user_id)
        roles = await programs_repo.staff_roles(self._db.reader, user_id)
        is_admin = user_id in self._admins or await self._installed_by(user_id)
        person = Person(
            user_id=user_id,
            provider=provider,
            is_admin=is_admin,
            is_coordinator=is_admin or added_coordinator,
            managed_programs=frozenset(p for p, r in roles.items() if "coordinator" in r),
            specialist_programs=frozenset(p for p, r in roles.items() if "specialist" in r),
        )
        if generation != self._generation:
            return person  # a change committed while we read: answer, but do not remember
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[key] = (time.monotonic(), person)
        return person

    async def _installed_by(self, user_id: str) -> bool:
        """With many hubs, the person who installed echobot into a hub is that hub's administrator (as the
        ECHOBOT_ADMINS are the single-token hub's)."""
        return self._hubs is not None and self._hubs.many and (await self._hubs.profile()).installed_by == user_id
