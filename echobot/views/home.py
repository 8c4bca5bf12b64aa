"""The App Home tab."""

from __future__ import annotations

from echobot.ids import Action
from echobot.models import Person
from echobot.views.blocks import Block, actions, button, context, divider, escape, header, section
from echobot.views.registration import registration_blocks


def home_view(person: Person, hub_name: str) -> Block:
    blocks: list[Block] = [header(f"{hub_name} · Project ECHO")]
    if person.provider is None:
        blocks += [
            section(
                "*Welcome!* echobot runs our teleECHO programs here in Slack: register once, join programs, "
                "present de-identified patient cases to the hub's specialists, and earn continuing-education "
                "credit for the sessions you attend."
            ),
            actions(button("Register for ECHO", Action.OPEN_REGISTRATION, style="primary")),
            context("Registration takes about two minutes. echobot is not for emergencies."),
        ]
    else:
        provider = person.provider
        blocks += [
            section(f"Hello {escape(provider.name)}. Here is your registration."),
            divider(),
            *registration_blocks(provider),
        ]
        if person.is_coordinator:
            blocks += [divider(), context("You are a coordinator of this hub. `/echo help` lists what you can do.")]
        blocks.append(context("Type `/echo help` in any channel to see everything you can do."))
    return {"type": "home", "blocks": blocks}
