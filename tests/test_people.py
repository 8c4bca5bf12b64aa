"""Who is acting: the whois cache never answers with something stale."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from echobot.forms import RegistrationForm
from echobot.models import Role
from echobot.services.people import People
from echobot.services.registration import Registration
from echobot.storage import Database, coordinators
from tests import backends
from tests.harness import START


class Clock:
    def now(self) -> datetime:
        return START


async def test_whois_follows_registration_role_and_coordinator_changes(tmp_path: Path) -> None:
    db = await Database.open(backends.database(tmp_path / "people.db"))
    try:
        people = People(db, admins=("UADMIN",))
        registration = Registration(db, Clock(), "Hub")
        assert (await people.whois("U1")).provider is None
        form = RegistrationForm(
            name="Ann",
            credential="MD",
            discipline="IM",
            organization="Clinic",
            state="NM",
            county="Taos",
            email="ann@example.org",
            role="participant",
        )
        assert not (await registration.register("U1", form, "V1")).errors
        person = await people.whois("U1")
        assert person.is_participant and not person.is_coordinator
        await registration.set_role("U1", Role.OBSERVER)
        assert not (await people.whois("U1")).is_participant
        async with db.transaction() as tx:
            await coordinators.add(tx, "U1", "UADMIN", datetime.now(UTC))
        assert (await people.whois("U1")).is_coordinator
        assert (await people.whois("UADMIN")).is_admin
    finally:
        await db.close()
