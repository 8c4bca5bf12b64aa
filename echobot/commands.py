"""The /echo subcommands: what each does and who may use it. Help is built from this list."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from echobot.models import Person


class Audience(StrEnum):
    EVERYONE = "everyone"
    REGISTERED = "registered providers"
    PARTICIPANT = "participants"
    MANAGER = "coordinators"  # hub coordinators, and program coordinators for their programs
    STAFF = "specialists and coordinators"
    COORDINATOR = "hub coordinators"
    ADMIN = "hub administrators (ECHOBOT_ADMINS)"


@dataclass(frozen=True)
class CommandInfo:
    name: str  # one or two words: "help", "program new"
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
    CommandInfo(
        "program list", "/echo program list", "The ECHO programs, their channels and next sessions", Audience.EVERYONE
    ),
    CommandInfo(
        "join", "/echo join [NAME]", "Join a program (without a name: choose from the list)", Audience.REGISTERED
    ),
    CommandInfo("leave", "/echo leave NAME", "Leave a program", Audience.REGISTERED),
    CommandInfo("sessions", "/echo sessions", "Upcoming sessions of your programs", Audience.EVERYONE),
    CommandInfo("checkin", "/echo checkin", "Where and when to check in to your next session", Audience.EVERYONE),
    CommandInfo("calendar", "/echo calendar", "A calendar file of your upcoming sessions, by DM", Audience.EVERYONE),
    CommandInfo(
        "reminders", "/echo reminders dm on|off", "Also get session reminders by direct message", Audience.REGISTERED
    ),
    CommandInfo("case", "/echo case", "Present a de-identified patient case (participants)", Audience.EVERYONE),
    CommandInfo("cases", "/echo cases", "Your cases and where they stand", Audience.REGISTERED),
    CommandInfo(
        "library",
        "/echo library [WORDS] [tag:TAG] [age:50-59] [program:NAME]",
        "Search your programs' case library: what the hub taught in earlier cases",
        Audience.EVERYONE,
    ),
    CommandInfo("queue", "/echo queue", "Cases waiting for triage in your programs, oldest first", Audience.STAFF),
    CommandInfo("evaluate", "/echo evaluate", "Sessions you can still evaluate for credit", Audience.REGISTERED),
    CommandInfo("cme", "/echo cme", "Your continuing-education transcript", Audience.REGISTERED),
    CommandInfo(
        "export",
        "/echo export credits|attendance|cases|evaluations [program] [from] [to]",
        "A CSV of your programs' records, by DM",
        Audience.MANAGER,
    ),
    CommandInfo("digest", "/echo digest [program]", "Your programs' digest now, by DM", Audience.MANAGER),
    CommandInfo(
        "credit-type", "/echo credit-type CREDENTIAL TYPE", "Which credit a credential earns", Audience.COORDINATOR
    ),
    CommandInfo("program new", "/echo program new", "Create a program", Audience.COORDINATOR),
    CommandInfo("program edit", "/echo program edit NAME", "Change a program's schedule, channels or hub team",
                Audience.MANAGER),
    CommandInfo("program settings", "/echo program settings NAME",
                "Change a program's reminders, case slots, credit and series", Audience.MANAGER),
    CommandInfo(
        "program archive", "/echo program archive NAME", "Archive a program: no more sessions", Audience.MANAGER
    ),
    CommandInfo(
        "attendance", "/echo attendance", "Add or remove attendees of a session, with a reason", Audience.MANAGER
    ),
    CommandInfo(
        "attendance import",
        "/echo attendance import",
        "Import a session's attendance from the video tool's report (Zoom CSV)",
        Audience.MANAGER,
    ),
    CommandInfo(
        "session materials",
        "/echo session materials",
        "Attach a session's slides and recording link (coordinators and the session's presenter)",
        Audience.EVERYONE,
    ),
    CommandInfo(
        "hub settings", "/echo hub settings", "The hub's name, time zone and accreditation statement",
        Audience.COORDINATOR,
    ),
    CommandInfo(
        "series close",
        "/echo series close [program]",
        "End a program's series now: certificates of completion and the completion report",
        Audience.MANAGER,
    ),
    CommandInfo(
        "survey edit",
        "/echo survey edit [program]",
        "Edit a program's self-efficacy survey (the pre and post series statements)",
        Audience.MANAGER,
    ),
    CommandInfo(
        "export surveys",
        "/echo export surveys [program]",
        "The pre and post series survey compared, per statement, as CSV",
        Audience.MANAGER,
    ),
    CommandInfo("invite", "/echo invite @person [program]", "Invite people to a program (a DM with a Join button)",
                Audience.MANAGER),
    CommandInfo("coordinator add", "/echo coordinator add @person", "Make someone a hub coordinator", Audience.ADMIN),
    CommandInfo("coordinator remove", "/echo coordinator remove @person", "Remove a hub coordinator", Audience.ADMIN),
)


def may_use(person: Person, audience: Audience) -> bool:
    if audience is Audience.EVERYONE:
        return True
    if audience is Audience.ADMIN:
        return person.is_admin
    if audience is Audience.COORDINATOR:
        return person.is_coordinator
    if audience is Audience.MANAGER:
        return person.is_coordinator or bool(person.managed_programs)
    if audience is Audience.STAFF:
        return person.is_coordinator or bool(person.managed_programs or person.specialist_programs)
    if audience is Audience.PARTICIPANT:
        return person.is_participant
    return person.is_registered


def available_to(person: Person) -> list[CommandInfo]:
    return [command for command in COMMANDS if may_use(person, command.audience)]


def family(word: str) -> list[CommandInfo]:
    """The two-word commands that start with `word` ("program" -> program list, new, edit…)."""
    return [command for command in COMMANDS if command.name.startswith(word + " ")]
