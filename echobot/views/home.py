"""The App Home tab."""

from __future__ import annotations

from dataclasses import dataclass, field

from echobot.ids import Action
from echobot.models import Case, Person, Program, Session
from echobot.views.blocks import (
    Block,
    actions,
    button,
    context,
    divider,
    escape,
    header,
    link_button,
    section,
    slack_date,
)
from echobot.views.registration import registration_blocks
from echobot.views.sessions import presenting_blocks, session_line


def programs_section(programs: list[Program], upcoming: list[tuple[Session, Program]],
                     presenting: dict[int, str] | None = None) -> list[Block]:  # fmt: skip
    """Your programs and their next sessions; a session where your case is discussed is marked."""
    presenting = presenting or {}
    if not programs:
        return [
            section("*Your programs*\nYou have not joined a program yet."),
            context("Browse programs (above) to join one."),
        ]
    names = ", ".join(f"*{escape(p.name)}* (<#{p.channel_id}>)" for p in programs[:10])
    blocks = [section(f"*Your programs*\n{names}")]
    if upcoming:
        lines: list[str] = []
        blocks.append(section("*Next sessions*"))
        for session, program in upcoming[:5]:
            lines.append(session_line(session, program))
            if session.id in presenting:  # its own section, then its buttons, in order
                blocks += [section("\n".join(lines)), *presenting_blocks(session, program, presenting[session.id])]
                lines = []
        if lines:
            blocks.append(section("\n".join(lines)))
    blocks.append(context("My sessions (above) lists them all, with Add to my calendar."))
    return blocks


def check_in_blocks(items: list[tuple[Session, Program, bool]]) -> list[Block]:
    """The sessions whose check-in is open now, each with Check in, or, once checked in, saying so (the click's
    answer: Home changes in place, no message)."""
    blocks: list[Block] = []
    for session, program, checked_in in items[:3]:
        name, when = escape(program.name), slack_date(session.starts_at, "{time}")
        join = link_button("Join the session", Action.JOIN_VIDEO, program.video_url)
        if checked_in:
            blocks += [section(f":white_check_mark: *{name}* · {when}: you're checked in. "
                               "Your attendance counts toward credit."),
                       actions(join, block_id=f"now-{session.id}")]  # fmt: skip
        else:
            blocks += [section(f":large_green_circle: *{name}* · {when}: check-in is open."),
                       actions(button("Check in", Action.CHECK_IN, str(session.id), style="primary"), join,
                               block_id=f"now-{session.id}")]  # fmt: skip
    return blocks


def command_button(text: str, command: str, *, style: str | None = None) -> Block:
    """A button that does what `/echo <command>` does, without typing it."""
    return button(text, f"{Action.RUN_COMMAND}:{command.replace(' ', '_')}", command, style=style)


def task_buttons(person: Person) -> list[Block]:
    """The everyday tasks, grouped: Sessions, Cases, Credit (App Home and help)."""
    return tasks(person.provider is not None, person.is_participant)


def tasks(registered: bool, participant: bool) -> list[Block]:
    """`task_buttons` for someone registered or not, a participant or not."""
    if not registered:
        return [actions(button("Register for ECHO", Action.OPEN_REGISTRATION, style="primary"),
                        command_button("Browse programs", "program list"))]  # fmt: skip
    blocks = [section("*Sessions*"), actions(command_button("Browse programs", "program list"),
                                              command_button("My sessions", "sessions"))]  # fmt: skip
    cases = [command_button("My cases", "cases"), button("Search the case library", Action.LIBRARY_OPEN)]
    if participant:
        cases.insert(0, button("Present a case", Action.OPEN_CASE, style="primary"))
    credit = actions(command_button("My credit", "cme"), command_button("Evaluate a session", "evaluate"))
    blocks += [section("*Cases*"), actions(*cases), section("*Credit*"), credit]
    return blocks


@dataclass
class StaffWork:
    """What a coordinator or specialist sees first on Home."""

    coordinating: list[tuple[Program, Session | None, int]] = field(default_factory=list)  # next session, agenda
    waiting: list[tuple[Case, Program]] = field(default_factory=list)
    in_review: list[tuple[Case, Program]] = field(default_factory=list)
    hub_channels: list[str] = field(default_factory=list)
    specialist: bool = False


def staff_sections(work: StaffWork) -> list[Block]:
    blocks: list[Block] = []
    if work.coordinating:
        lines = []
        for program, session, on_agenda in work.coordinating[:10]:
            nxt = slack_date(session.starts_at, "{date_short_pretty} at {time}") if session else "none scheduled"
            agenda = f"{on_agenda} case{'s' * (on_agenda != 1)} on its agenda" if session else ""
            lines.append(f"*{escape(program.name)}* (<#{program.channel_id}>) · next session {nxt}"
                         + (f" · {agenda}" if agenda else ""))  # fmt: skip
        several = len(work.coordinating) > 1
        settings = [button(f"Settings: {program.name}"[:75] if several else "Settings", Action.PROGRAM_SETTINGS,
                           str(program.id)) for program, _, _ in work.coordinating[:10]]  # fmt: skip
        invite = [button(f"Invite people: {program.name}"[:75] if several else "Invite people",
                         Action.INVITE_PEOPLE, str(program.id))
                  for program, _, _ in work.coordinating[:10] if program.invite_only]  # fmt: skip
        blocks += [section("*Programs you coordinate*\n" + "\n".join(lines)),
                   actions(*settings, block_id="program-settings"),
                   *([actions(*invite, block_id="program-invite")] if invite else []),
                   actions(command_button("Sessions", "sessions"), command_button("Attendance", "attendance"),
                           command_button("Export", "export credits"), command_button("Digest", "digest"),
                           command_button("Materials", "session materials"), block_id="coordinator-tools"),
                   divider()]  # fmt: skip
    if work.specialist or work.waiting or work.in_review:
        def listed(items: list[tuple[Case, Program]]) -> str:
            return "\n".join(f"• *{escape(c.handle)}* · {escape(p.name)} · {c.state.label}" for c, p in items[:8])

        hubs = ", ".join(f"<#{channel}>" for channel in dict.fromkeys(work.hub_channels)) or "your hub channel"
        waiting = (f"*Waiting for triage* ({len(work.waiting)})\n{listed(work.waiting)}" if work.waiting
                   else "*Waiting for triage*: none waiting.")  # fmt: skip
        mine = (f"*In your review* ({len(work.in_review)})\n{listed(work.in_review)}" if work.in_review
                else "*In your review*: none.")  # fmt: skip
        blocks += [section(f"{waiting}\n{mine}"), context(f"Claim and triage them in {hubs}."),
                   actions(command_button("Queue", "queue"), button("Case library", Action.LIBRARY_OPEN),
                           block_id="specialist-tools"), divider()]  # fmt: skip
    return blocks


def home_view(
    person: Person,
    hub_name: str,
    programs: list[Program] | None = None,
    upcoming: list[tuple[Session, Program]] | None = None,
    credits: list[Block] | None = None,
    *,
    work: StaffWork | None = None,
    presenting: dict[int, str] | None = None,
    checking_in: list[tuple[Session, Program, bool]] | None = None,
    materials: list[Block] | None = None,
) -> Block:
    """Each role's own work first (coordinator, specialist), then the everyday tasks as buttons; `materials`:
    past sessions' "Slides · Recording" links (issue 17)."""
    blocks: list[Block] = [header(f"{hub_name} · Project ECHO"), *staff_sections(work or StaffWork())]
    if person.provider is None:
        blocks += [
            section(
                "*Welcome!* echobot runs our teleECHO programs here in Slack: register once, join programs, "
                "present de-identified patient cases to the hub's specialists, and earn continuing-education "
                "credit for the sessions you attend."
            ),
            *task_buttons(person),
            context("Registration takes about two minutes. echobot is not for emergencies."
                    + (" Your coordinator and specialist tools above need no registration." if work and (
                        work.coordinating or work.specialist) else "")),
        ]  # fmt: skip
    else:
        provider = person.provider
        blocks += [
            section(f"Hello {escape(provider.name)}."),
            *check_in_blocks(checking_in or []),
            *task_buttons(person),
            divider(),
            *programs_section(programs or [], upcoming or [], presenting or {}),
            divider(),
            *(credits or []),
            *([divider()] if credits else []),
            section("*Your registration*"),
            *registration_blocks(provider),
        ]
    if materials:
        blocks += [divider(), *materials]
    blocks.append(context("More commands: `/echo help` lists everything you can type."))
    return {"type": "home", "blocks": blocks[:100]}
