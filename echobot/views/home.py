"""The App Home tab."""

from __future__ import annotations

from echobot.ids import Action
from echobot.models import Person, Program, Session
from echobot.views.blocks import Block, actions, button, context, divider, escape, header, section
from echobot.views.registration import registration_blocks
from echobot.views.sessions import session_line


def programs_section(programs: list[Program], upcoming: list[tuple[Session, Program]]) -> list[Block]:
    """Your programs and their next sessions."""
    if not programs:
        return [
            section("*Your programs*\nYou have not joined a program yet."),
            context("`/echo program list` shows them; join with a button there."),
        ]
    names = ", ".join(f"*{escape(p.name)}* (<#{p.channel_id}>)" for p in programs[:10])
    blocks = [section(f"*Your programs*\n{names}")]
    if upcoming:
        blocks.append(section("*Next sessions*\n" + "\n".join(session_line(s, p) for s, p in upcoming[:5])))
    blocks.append(context("`/echo sessions` lists them all; `/echo calendar` adds them to your calendar."))
    return blocks


def home_view(
    person: Person,
    hub_name: str,
    programs: list[Program] | None = None,
    upcoming: list[tuple[Session, Program]] | None = None,
    credits: list[Block] | None = None,
) -> Block:
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
            section(f"Hello {escape(provider.name)}."),
            divider(),
            *programs_section(programs or [], upcoming or []),
            divider(),
            *(credits or []),
            *([divider()] if credits else []),
            section("*Your registration*"),
            *registration_blocks(provider),
        ]
        if person.is_coordinator:
            blocks += [divider(), context("You are a coordinator of this hub. `/echo help` lists what you can do.")]
        blocks.append(context("Type `/echo help` in any channel to see everything you can do."))
    return {"type": "home", "blocks": blocks}
