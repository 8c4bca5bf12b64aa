"""Who is acting: registration and coordinator status of a Slack user."""

from __future__ import annotations

import time

from echobot.models import Person
from echobot.storage import Database
from echobot.storage import programs as programs_repo
from echobot.storage import providers as providers_repo


class People:
    """Answers `whois` from memory when it can: every interaction asks, changes are rare.

    The cache is cleared after any commit that touched the providers' topic (registrations,
    role switches, coordinator changes), in this process or, on a shared database, in another one
    (commit notices: storage/notify.py), so it does not answer with something stale. An entry is also
    read again after `max_age` seconds, in case a notice was lost while a connection was down.
    """

    def __init__(self, db: Database, admins: tuple[str, ...], cache_size: int = 5000, max_age: float = 60.0) -> None:
        self._db = db
        self._admins = frozenset(admins)
        self._cache: dict[str, tuple[float, Person]] = {}
        self._cache_size = cache_size
        self._max_age = max_age
        self._generation = 0
        db.on_commit(providers_repo.TOPIC, self._invalidate)

    def _invalidate(self) -> None:
        self._generation += 1
        self._cache.clear()

    async def whois(self, user_id: str) -> Person:
        cached = self._cache.get(user_id)
        if cached is not None and time.monotonic() - cached[0] < self._max_age:
            return cached[1]
        generation = self._generation
        provider, added_coordinator = await providers_repo.get_with_coordinator_flag(self._db.reader, user_id)
        roles = await programs_repo.staff_roles(self._db.reader, user_id)
        is_admin = user_id in self._admins
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
        self._cache[user_id] = (time.monotonic(), person)
        return person
