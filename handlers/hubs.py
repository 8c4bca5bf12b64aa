"""/echo hub settings: a hub's coordinators change its name, time zone and accreditation statement."""

from __future__ import annotations

from slack_bolt.async_app import AsyncAck, AsyncApp

from echobot.container import Services
from echobot.handlers.command import CommandRequest, Router
from echobot.handlers.context import Actor
from echobot.handlers.forms import ack_submission
from echobot.handlers.modals import open_modal
from echobot.ids import Callback, HubField
from echobot.services.hubs import HubSettingsForm
from echobot.views.hubs import hub_settings_modal

FIELDS = {"name": HubField.NAME, "timezone": HubField.TIMEZONE, "statement": HubField.STATEMENT,
          "digest_day": HubField.DIGEST_DAY, "digest_time": HubField.DIGEST_TIME,
          "digest_channel": HubField.DIGEST_CHANNEL}  # fmt: skip


async def settings_command(request: CommandRequest) -> None:
    await request.ack()
    request.services.inflight.spawn(open_settings(request), "open-hub-settings")


async def open_settings(request: CommandRequest) -> None:
    profile = await request.services.hubs.profile()
    await open_modal(request.client, request.trigger_id, hub_settings_modal(profile), user_id=request.person.user_id,
                     channel_id=request.channel_id)  # fmt: skip


async def submit_settings(ack: AsyncAck, services: Services, actor: Actor, values: dict) -> None:
    """Saved (and audited) by the service, which refuses anyone but a hub coordinator."""
    form = HubSettingsForm(name=str(values.get(HubField.NAME) or ""), timezone=str(values.get(HubField.TIMEZONE) or ""),
                           statement=str(values.get(HubField.STATEMENT) or ""),
                           digest_day=str(values.get(HubField.DIGEST_DAY) or ""),
                           digest_time=str(values.get(HubField.DIGEST_TIME) or ""),
                           digest_channel=str(values.get(HubField.DIGEST_CHANNEL) or ""))  # fmt: skip
    errors = await services.hubs.change_settings(await actor.person(), form)
    await ack_submission(ack, {FIELDS[field]: text for field, text in errors.items()})


def register(app: AsyncApp, router: Router) -> None:
    router.add("hub settings", settings_command)
    app.view(Callback.HUB_SETTINGS_VIEW)(submit_settings)
