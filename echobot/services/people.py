"""Who is acting: registration and coordinator status of a Slack user."""

from __future__ import annotations

from echobot.models import Person
from echobot.storage import Database
from echobot.storage import providers as providers_repo


class People:
    def __init__(self, db: Database, admins: tuple[str, ...]) -> None:
        self._db = db
        self._admins = frozenset(admins)

    async def whois(self, user_id: str) -> Person:
        provider, added_coordinator = await providers_repo.get_with_coordinator_flag(self._db.reader, user_id)
        is_admin = user_id in self._admins
        is_coordinator = is_admin or added_coordinator
        return Person(user_id=user_id, provider=provider, is_admin=is_admin, is_coordinator=is_coordinator)
