"""The services a running echobot holds, built once and handed to every handler."""

from __future__ import annotations

from dataclasses import dataclass

from echobot.clock import Clock
from echobot.inflight import InFlight
from echobot.services.people import People
from echobot.services.registration import Registration
from echobot.settings import Settings
from echobot.storage import Database


@dataclass(frozen=True)
class Services:
    settings: Settings
    clock: Clock
    db: Database
    people: People
    registration: Registration
    inflight: InFlight

    @classmethod
    def build(cls, settings: Settings, clock: Clock, db: Database) -> Services:
        return cls(
            settings=settings,
            clock=clock,
            db=db,
            inflight=InFlight(),
            people=People(db, settings.admins),
            registration=Registration(db, clock, settings.hub_name),
        )
