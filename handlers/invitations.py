"""Invitation-only programs (issue 17): Approve and Decline on a join request, `/echo invite @person [program]`
and the modal to invite several people at once."""

from __future__ import annotations

import re

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.forms import choices, text
from echobot.handlers.library import show
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.ids import Action, Callback
from echobot.models import Person, Program
from echobot.services.invitations import Decision, DecisionResult, InviteResult
from echobot.validation import parse_id
from echobot.views.blocks import escape
from echobot.views.cases import notice_modal
from echobot.views.invitations import INVITEES, REASON, decline_modal, invite_modal
from echobot.views.metadata import ViewState

_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
USAGE = "Usage: `/echo invite @person [@person…] [program]` (without anyone named: a form to choose people)."
REFUSED = "Only the program's coordinators can approve, decline or invite."


def decision_reply(result: DecisionResult) -> str:
    """What the coordinator who clicked is told."""
    return {
        Decision.APPROVED: "Approved: they joined and were told by DM.",
        Decision.DECLINED: "Declined: they were told by DM.",
        Decision.NOT_ALLOWED: REFUSED,
        Decision.GONE: "That request is no longer open (its program was archived).",
    }.get(result.outcome, f"This request was already decided by <@{result.by_user}>: nothing changed.")


def invite_reply(program: Program, result: InviteResult) -> str:
    name = f"*{escape(program.name)}*"
    lines = []
    if result.invited:
        lines.append(f"Invited to {name}: " + ", ".join(f"<@{u}>" for u in result.invited) + " (a DM each).")
    if result.members:
        lines.append("Already in it: " + ", ".join(f"<@{u}>" for u in result.members) + ".")
    if result.pending:
        lines.append("Invited before, not sent again: " + ", ".join(f"<@{u}>" for u in result.pending) + ".")
    return "\n".join(lines) or "Nobody to invite."


async def _program(services: Services, person: Person, name: str) -> Program | str:
    """The program named (or, unnamed, the only one this person manages), or why not."""
    if name:
        program = await services.programs.find(name)
        if program is None or not program.active:
            return f"I know no active program called “{escape(name[:80])}”."
    else:
        managed = await services.programs.managed_by(person)
        if len(managed) != 1:
            return USAGE + "\nName the program: you coordinate several." if managed else REFUSED
        program = managed[0]
    return program if services.programs.can_manage(person, program) else REFUSED


async def invite_command(request: CommandRequest) -> None:
    """`/echo invite @person [@person…] [program]`: a DM with a Join button to each; without anyone named,
    the modal to choose several people."""
    people = [m.group(1) for m in map(_MENTION.match, request.args) if m]
    name = " ".join(word for word in request.args if not _MENTION.match(word))
    program = await _program(request.services, request.person, name)
    if isinstance(program, str):
        await request.ack(text=program)
        return
    if not people:
        await request.ack()
        request.services.inflight.spawn(open_modal(request.client, request.trigger_id, invite_modal(program),
                                                   user_id=request.person.user_id, channel_id=request.channel_id),
                                        "open-invite")  # fmt: skip
        return
    result = await request.services.invitations.invite(request.person, program, people)
    await request.ack(text=REFUSED if result is None else invite_reply(program, result))


async def invite_click(ack: AsyncAck, action: dict, body: dict, client: AsyncWebClient, services: Services,
                       actor: Actor, trigger_id: str) -> None:  # fmt: skip
    """Invite people (in the program settings modal, or on the program's card in a coordinator's Home): the invite
    modal, for the program's coordinators."""
    await ack()
    program_id = parse_id(action.get("value"))
    program = await services.programs.get(program_id) if program_id else None
    if program is None or not program.active or not services.programs.can_manage(await actor.person(), program):
        view = notice_modal("Invite people", REFUSED)
    else:
        view = invite_modal(program)
    await show(client, body, trigger_id, actor.user_id, view)


async def submit_invite(ack: AsyncAck, services: Services, actor: Actor, view_state: ViewState,
                        values: dict) -> None:  # fmt: skip
    """The invite modal: the people chosen get their invitations; the modal says who."""
    person = await actor.person()
    program = await services.programs.get(view_state.program_id) if view_state.program_id else None
    if program is None:
        await ack(response_action="errors", errors={INVITEES: "This form has expired: open it again."})
        return
    result = await services.invitations.invite(person, program, choices(values, INVITEES))
    if result is None:
        await ack(response_action="errors", errors={INVITEES: REFUSED})
        return
    await ack(response_action="update", view=notice_modal("Invite people", invite_reply(program, result)))


async def approve_click(ack: AsyncAck, action: dict, respond: AsyncRespond, services: Services,
                        actor: Actor) -> None:  # fmt: skip
    """Approve on a join request: the requester joins (once, whoever clicks first)."""
    await ack()
    request_id = parse_id(action.get("value"))
    result = await services.invitations.decide(await actor.person(), request_id or 0, approve=True)
    reply_later(services.inflight, respond, text=decision_reply(result), response_type="ephemeral")


async def decline_click(ack: AsyncAck, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                        services: Services, actor: Actor, trigger_id: str) -> None:  # fmt: skip
    """Decline on a join request: a small modal for an optional reason (coordinators only)."""
    await ack()
    request_id = parse_id(action.get("value")) or 0
    found = await services.invitations.request(request_id)
    person = await actor.person()
    if found is None or not person.manages(found[1]):
        outcome = Decision.GONE if found is None else Decision.NOT_ALLOWED
        reply_later(services.inflight, respond, text=decision_reply(DecisionResult(outcome=outcome)),
                    response_type="ephemeral")  # fmt: skip
        return
    await open_modal(client, trigger_id, decline_modal(request_id), user_id=actor.user_id)


async def submit_decline(ack: AsyncAck, services: Services, actor: Actor, view_state: ViewState,
                         values: dict) -> None:  # fmt: skip
    """Decline with the reason typed (optional); a request someone else decided is refused on the field."""
    person = await actor.person()
    result = await services.invitations.decide(person, view_state.invitation_id or 0, approve=False,
                                               reason=text(values, REASON))  # fmt: skip
    if result.outcome is not Decision.DECLINED:
        await ack(response_action="errors", errors={REASON: decision_reply(result)})
        return
    await ack()


def register(app: AsyncApp, router: Router) -> None:
    router.add("invite", invite_command)
    app.view(Callback.INVITE_VIEW)(submit_invite)
    app.view(Callback.DECLINE_VIEW)(submit_decline)
    app.action(Action.APPROVE_REQUEST)(approve_click)
    app.action(Action.DECLINE_REQUEST)(decline_click)
    app.action(Action.INVITE_PEOPLE)(invite_click)
