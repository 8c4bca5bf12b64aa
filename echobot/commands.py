"""The /echo subcommands: what each does and who may use it. Help is built from this list."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from echobot.models import Person


class Audience(StrEnum):
    EVERYONE = "everyone"
    REGISTERED = "registered providers"
    PARTICIPANT = "participants"
    COORDINATOR = "coordinators"


@dataclass(frozen=True)
class CommandInfo:
    name: str
    usage: str
    summary: str
    audience: Audience


COMMANDS: tuple[CommandInfo, ...] = (
    CommandInfo("help", "/echo help", "What you can do with echobot", Audience.EVERYONE),
    CommandInfo("register", "/echo register", "Register as a provider, or edit your registration", Audience.EVERYONE),
    CommandInfo("me", "/echo me", "Show your registration", Audience.REGISTERED),
    CommandInfo(
        "role",
        "/echo role participant|observer",
        "Switch between participant (may present cases) and observer",
        Audience.REGISTERED,
    ),
)


def may_use(person: Person, audience: Audience) -> bool:
    if audience is Audience.EVERYONE:
        return True
    if audience is Audience.COORDINATOR:
        return person.is_coordinator
    if audience is Audience.PARTICIPANT:
        return person.is_participant
    return person.is_registered


def available_to(person: Person) -> list[CommandInfo]:
    return [command for command in COMMANDS if may_use(person, command.audience)]
