"""The /echo help answer, built from the command list and the person's role."""

from __future__ import annotations

from echobot.commands import available_to
from echobot.models import Person
from echobot.views.blocks import Block, context, section
from echobot.views.registration import register_prompt


def help_blocks(person: Person, hub_name: str, *, unknown: str | None = None) -> list[Block]:
    blocks: list[Block] = []
    if unknown is not None:
        blocks.append(section(f"I don't know `/echo {unknown[:50]}`. Here is what you can do:"))
    lines = "\n".join(f"`{command.usage}`: {command.summary}" for command in available_to(person))
    blocks.append(section(f"*echobot for {hub_name}*\n{lines}"))
    if person.provider is None:
        blocks.extend(register_prompt("Register first to join programs, present cases and earn credit."))
    else:
        role = person.provider.role
        who = "coordinator" if person.is_coordinator else role.value
        blocks.append(context(f"You are registered as a {who}. echobot is not for emergencies."))
    return blocks


def help_text(person: Person) -> str:
    return "echobot commands: " + ", ".join(command.usage for command in available_to(person))
