"""Issue 17: what invitation-only programs show: a join request to coordinators and its outcome, the decision
to the requester, an invitation with its Join button, and the modals to invite people and to decline."""

from __future__ import annotations

import copy
from typing import Any

from echobot.ids import Action, Callback
from echobot.models import Message, Program, Provider
from echobot.views.blocks import (
    Block,
    actions,
    button,
    context,
    escape,
    fields,
    input_block,
    modal,
    plain,
    section,
    text_input,
    users_select,
)
from echobot.views.metadata import ViewState

INVITEES = "invitees"
REASON = "decline_reason"


def _summary(provider: Provider) -> list[Block]:
    """What registration holds that helps a coordinator decide (no PHI exists there)."""
    return fields([
        ("Name", escape(provider.name)),
        ("Role", provider.role.label),
        ("Organization", escape(provider.organization)),
        ("Profession", escape(f"{provider.credential.value}, {provider.discipline}")),
    ])  # fmt: skip


def request_message(program: Program, provider: Provider, invitation_id: int) -> Message:
    """The join request, one DM to each of the program's coordinators."""
    text = f"<@{provider.user_id}> asks to join *{escape(program.name)}* (invitation only)."
    blocks = [section(text), *_summary(provider),
              actions(button("Approve", Action.APPROVE_REQUEST, str(invitation_id), style="primary"),
                      button("Decline", Action.DECLINE_REQUEST, str(invitation_id), style="danger"))]  # fmt: skip
    return Message(text=text, blocks=blocks)


def decided_message(program: Program, provider: Provider, approved: bool, by_user: str) -> Message:
    """The join request once decided: the same for every coordinator, the buttons gone."""
    text = f"<@{provider.user_id}> asked to join *{escape(program.name)}*."
    outcome = f"Approved by <@{by_user}>" if approved else f"Declined by <@{by_user}>"
    return Message(text=f"{text} {outcome}.", blocks=[section(text), *_summary(provider), context(outcome)])


def decision_message(program: Program, approved: bool, reason: str = "") -> Message:
    """The requester told of the decision."""
    if approved:
        text = (f"Your request to join *{escape(program.name)}* was approved: you joined. Its reminders and "
                f"session posts are in <#{program.channel_id}>.")  # fmt: skip
        return Message(text=text, blocks=[section(text)])
    text = (f"Thank you for your interest in *{escape(program.name)}*. Its coordinators could not take your "
            "request this time.")  # fmt: skip
    blocks = [section(text)]
    if reason.strip():
        blocks.append(section(f"From the coordinator: {escape(reason.strip())}"))
    return Message(text=text, blocks=blocks)


def requested_in_place(body: dict[str, Any], program_id: int, text: str) -> dict[str, Any]:
    """A Join clicked in a list only this person sees (Browse programs, `/echo program list`): the list again,
    that button now reading "Requested", and the answer below it (replacing the list). Elsewhere: nothing."""
    container = body.get("container") or {}
    message = body.get("message") or {}
    if not container.get("is_ephemeral") or not message.get("blocks"):
        return {}
    blocks = copy.deepcopy(message["blocks"])
    for block in blocks:
        for element in [block.get("accessory") or {}, *(block.get("elements") or [])]:
            if element.get("action_id") == Action.JOIN_PROGRAM and element.get("value") == str(program_id):
                element["text"] = plain("Requested")
                element.pop("style", None)
    return {"blocks": [*blocks, context(text)], "replace_original": True}


def invite_message(program: Program, by_user: str) -> Message:
    """An invitation, with a Join button (one click joins; registration comes first for a new person)."""
    text = f"You're invited to *{escape(program.name)}* by <@{by_user}>."
    blocks = [section(text), actions(button(f"Join {program.name}"[:75], Action.JOIN_PROGRAM, str(program.id),
                                            style="primary"))]  # fmt: skip
    return Message(text=text, blocks=blocks)


def joined_message(program: Program) -> Message:
    """Someone invited before registering, told they joined once registered."""
    text = (f"You joined *{escape(program.name)}*, as invited. Its reminders and session posts are in "
            f"<#{program.channel_id}>.")  # fmt: skip
    return Message(text=text, blocks=[section(text)])


def invite_modal(program: Program) -> Block:
    """Invite several people at once."""
    blocks = [section(f"Invite people to *{escape(program.name)}*: each gets a DM with a Join button."),
              input_block(INVITEES, "People", users_select(INVITEES))]  # fmt: skip
    return modal("Invite people", Callback.INVITE_VIEW, blocks, submit="Invite",
                 private_metadata=ViewState(program_id=program.id).encode())  # fmt: skip


def decline_modal(invitation_id: int) -> Block:
    """Decline a join request, with an optional reason for the requester."""
    blocks = [input_block(REASON, "Reason (optional, sent to the requester)",
                          text_input(REASON, multiline=True, max_length=500), optional=True)]  # fmt: skip
    return modal("Decline request", Callback.DECLINE_VIEW, blocks, submit="Decline",
                 private_metadata=ViewState(invitation_id=invitation_id).encode())  # fmt: skip
