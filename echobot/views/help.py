"""The /echo help answer, built from the command list and the person's role.

The answer depends on the person only through which audiences they belong to and how they are registered, so
each such shape is built once per hub name and kept (a handful exist): building it took ~30 µs of every
`/echo help` ack. Callers get fresh lists; the blocks in them are shared and must not be changed."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from echobot.commands import COMMANDS, Audience, may_use
from echobot.models import Person, Role
from echobot.views.blocks import Block, context, section
from echobot.views.home import tasks
from echobot.views.registration import register_prompt

# which audiences the person belongs to, their role when registered, whether a hub coordinator
Shape = tuple[tuple[bool, ...], Role | None, bool]
_AUDIENCES = tuple(Audience)


def _shape(person: Person) -> Shape:
    role = person.provider.role if person.provider is not None else None
    return tuple([may_use(person, audience) for audience in _AUDIENCES]), role, person.is_coordinator


@lru_cache(maxsize=256)
def _usable(audiences: tuple[bool, ...]) -> tuple[str, ...]:
    """The usage lines of the commands open to someone belonging to `audiences` (one flag per Audience)."""
    member = dict(zip(_AUDIENCES, audiences, strict=True))
    return tuple(f"`{command.usage}`: {command.summary}" for command in COMMANDS if member[command.audience])


@lru_cache(maxsize=256)
def _help(shape: Shape, hub_name: str) -> tuple[Block, ...]:
    audiences, role, is_coordinator = shape
    blocks: list[Block] = [section(f"*echobot for {hub_name}*: what would you like to do?"),
                           *tasks(role is not None, role is Role.PARTICIPANT),
                           section("*More commands*\n" + "\n".join(_usable(audiences)))]  # fmt: skip
    if role is None:
        blocks.extend(register_prompt("Register first to join programs, present cases and earn credit."))
    else:
        who = "coordinator" if is_coordinator else role.value
        blocks.append(context(f"You are registered as a {who}. echobot is not for emergencies."))
    return tuple(blocks)


@lru_cache(maxsize=256)
def _text(audiences: tuple[bool, ...]) -> str:
    member = dict(zip(_AUDIENCES, audiences, strict=True))
    return "echobot commands: " + ", ".join(command.usage for command in COMMANDS if member[command.audience])


def help_blocks(person: Person, hub_name: str, *, unknown: str | None = None) -> list[Block]:
    return help_answer(person, hub_name, unknown=unknown)["blocks"]


def help_text(person: Person) -> str:
    return _text(_shape(person)[0])


def help_answer(person: Person, hub_name: str, *, unknown: str | None = None) -> dict[str, Any]:
    """The ack's text and blocks together (the person's shape worked out once)."""
    shape = _shape(person)
    head = [section(f"I don't know `/echo {unknown[:50]}`. Here is what you can do:")] if unknown is not None else []
    return {"text": _text(shape[0]), "blocks": [*head, *_help(shape, hub_name)]}
