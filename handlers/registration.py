"""Registration: /echo register, the global shortcut, the modal, /echo me and /echo role."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.forms import RegistrationForm
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.forms import ack_submission, choice, choices, text
from echobot.handlers.home import publish_home
from echobot.handlers.modals import open_modal
from echobot.handlers.replies import reply_later
from echobot.ids import Action, Callback, RegistrationField
from echobot.models import Role
from echobot.services.registration import RoleChange
from echobot.slack_client import NETWORK_ERRORS
from echobot.views.blocks import escape
from echobot.views.registration import confirmation_modal, registration_blocks, registration_modal

log = logging.getLogger(__name__)

PREFILL_ERRORS: tuple[type[BaseException], ...] = (SlackApiError, *NETWORK_ERRORS)
ROLE_USAGE = "Usage: `/echo role participant` or `/echo role observer`."


def form_from_values(values: dict[str, Any]) -> RegistrationForm:
    return RegistrationForm(
        name=text(values, RegistrationField.NAME),
        credential=choice(values, RegistrationField.CREDENTIAL),
        discipline=text(values, RegistrationField.DISCIPLINE),
        organization=text(values, RegistrationField.ORGANIZATION),
        state=choice(values, RegistrationField.STATE),
        county=text(values, RegistrationField.COUNTY),
        email=text(values, RegistrationField.EMAIL),
        role=choice(values, RegistrationField.ROLE),
        npi=text(values, RegistrationField.NPI),
        licence_number=text(values, RegistrationField.LICENCE),
        birth_month=choice(values, RegistrationField.BIRTH_MONTH),
        birth_day=choice(values, RegistrationField.BIRTH_DAY),
        consent=choices(values, RegistrationField.CONSENT),
        programs=choices(values, RegistrationField.PROGRAMS) if RegistrationField.PROGRAMS in values else None,
    )


def form_from_profile(user: dict[str, Any]) -> RegistrationForm:
    """A first-time form prefilled from the Slack profile (users.info)."""
    raw = user.get("profile")
    profile: dict[str, Any] = raw if isinstance(raw, dict) else {}
    name = profile.get("real_name") or user.get("real_name") or ""
    return RegistrationForm(
        name=str(name)[:100],
        email=str(profile.get("email") or "")[:254],
        discipline=str(profile.get("title") or "")[:100],
        role=Role.PARTICIPANT.value,
    )


async def open_form(services: Services, client: AsyncWebClient, trigger_id: str, user_id: str,
                    channel_id: str = "") -> None:  # fmt: skip
    provider = await services.registration.get(user_id)
    if provider is not None:
        form = RegistrationForm.from_provider(provider)
    else:
        form = RegistrationForm(role=Role.PARTICIPANT.value)
        try:  # prefilling is a nicety: never at the cost of the 3-second trigger
            profile = await asyncio.wait_for(client.users_info(user=user_id), timeout=1.0)
            form = form_from_profile(profile.get("user") or {})
        except PREFILL_ERRORS as error:
            log.info("no Slack profile to prefill for %s: %s", user_id, type(error).__name__)
    joined = [p.id for p in await services.programs.joined(user_id)]
    # invitation-only programs (issue 17) are joined by request or invitation, not here (kept once joined)
    offered = [(p.name, str(p.id)) for p in await services.programs.active() if not p.invite_only or p.id in joined]
    form = form.model_copy(update={"programs": [str(p) for p in joined]})
    view = registration_modal(form, editing=provider is not None, programs=offered)
    await open_modal(client, trigger_id, view, user_id=user_id, channel_id=channel_id)


def open_later(services: Services, client: AsyncWebClient, trigger_id: str, user_id: str, channel_id: str = "") -> None:
    services.inflight.spawn(open_form(services, client, trigger_id, user_id, channel_id), "open-registration")


def refresh_home(services: Services, client: AsyncWebClient, user_id: str) -> None:
    services.inflight.spawn(publish_home(services, client, user_id), "publish-home")


async def register_command(request: CommandRequest) -> None:
    await request.ack()
    open_later(request.services, request.client, request.trigger_id, request.person.user_id, request.channel_id)


async def me_command(request: CommandRequest) -> None:
    provider = request.person.provider
    assert provider is not None  # the router lets only registered providers through
    await request.ack(text=f"Your registration: {escape(provider.name)}", blocks=registration_blocks(provider))


async def role_command(request: CommandRequest) -> None:
    wanted = request.args[0].lower() if len(request.args) == 1 else ""
    if wanted not in (Role.PARTICIPANT, Role.OBSERVER):
        await request.ack(text=ROLE_USAGE)
        return
    role = Role(wanted)
    change = await request.services.registration.set_role(request.person.user_id, role)
    await request.ack(text=role_reply(change, role))
    if change is RoleChange.CHANGED:
        refresh_home(request.services, request.client, request.person.user_id)


async def open_registration(ack: AsyncAck, client: AsyncWebClient, services: Services, actor: Actor,
                            trigger_id: str, channel_id: str | None) -> None:  # fmt: skip
    """The shortcut and the Register button."""
    await ack()
    open_later(services, client, trigger_id, actor.user_id, channel_id or "")


async def switch_role(ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient, respond: AsyncRespond,
                      services: Services, actor: Actor) -> None:  # fmt: skip
    await ack()
    if action.get("value") not in (Role.PARTICIPANT, Role.OBSERVER):
        return
    role = Role(action["value"])
    change = await services.registration.set_role(actor.user_id, role)
    if body.get("container", {}).get("type") == "message":
        reply_later(services.inflight, respond, text=role_reply(change, role))
    refresh_home(services, client, actor.user_id)


async def submit_registration(ack: AsyncAck, client: AsyncWebClient, services: Services, actor: Actor,
                              values: dict, submission_id: str) -> None:  # fmt: skip
    """Saved, the form turns into the welcome with the next step (no DM: the person is looking at the form), and
    Home shows the registration."""
    result = await services.registration.register(actor.user_id, form_from_values(values), submission_id=submission_id,
                                                  team_id=actor.team_id or None, dm=False)  # fmt: skip
    if result.errors or result.provider is None:
        await ack_submission(ack, result.errors)
        return
    await ack(response_action="update", view=confirmation_modal(result.provider, created=result.created,
                                                                hub_name=result.hub_name))  # fmt: skip
    refresh_home(services, client, actor.user_id)


def register(app: AsyncApp, router: Router) -> None:
    router.add("register", register_command)
    router.add("me", me_command)
    router.add("role", role_command)
    app.shortcut(Callback.REGISTER_SHORTCUT)(open_registration)
    app.action(Action.OPEN_REGISTRATION)(open_registration)
    app.action(Action.SWITCH_ROLE)(switch_role)
    app.view(Callback.REGISTER_VIEW)(submit_registration)


def role_reply(change: RoleChange, role: Role) -> str:
    if change is RoleChange.NOT_REGISTERED:
        return "You are not registered yet: use `/echo register` first."
    if change is RoleChange.UNCHANGED:
        return f"You are already {'an observer' if role is Role.OBSERVER else 'a participant'}."
    if role is Role.PARTICIPANT:
        return "You are now a *participant*: you attend sessions and may present cases."
    return "You are now an *observer*: you attend sessions without presenting cases."
