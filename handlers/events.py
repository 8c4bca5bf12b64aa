"""Events API de-duplication (Slack retries a delivery with the same event_id), the end of the install:
app_uninstalled and tokens_revoked stop sending at once (to that hub, when there are many), and a hub review
channel shared with another organization (channel_shared / channel_unshared): held at once, let go at once."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse

from echobot.container import Services
from echobot.storage import inbound

log = logging.getLogger(__name__)


EventMiddleware = Callable[[dict, Callable[[], Awaitable[BoltResponse]]], Awaitable[BoltResponse | None]]


def once_per_event(services: Services) -> EventMiddleware:
    """Listener middleware for event listeners: a delivery whose event_id was seen is acked and dropped."""

    async def drop_repeated_events(body: dict, next: Callable[[], Awaitable[BoltResponse]]) -> BoltResponse | None:
        event_id = body.get("event_id")
        if not isinstance(event_id, str):
            return await next()
        async with services.db.transaction() as tx:
            first = await inbound.first_sighting(tx, event_id, services.clock.now())
        if first:
            return await next()
        log.info("ignored repeated delivery of event %s", event_id)
        return BoltResponse(status=200, body="")

    return drop_repeated_events


async def app_uninstalled(ack: Callable[[], Awaitable[None]], services: Services) -> None:
    """The workspace removed echobot: its token is gone, so stop sending (pending messages are kept)."""
    await ack()
    await _stop(services, "app_uninstalled")


async def tokens_revoked(ack: Callable[[], Awaitable[None]], event: dict, services: Services) -> None:
    """Slack revoked tokens: when the bot's is among them, stop sending."""
    await ack()
    if (event.get("tokens") or {}).get("bot"):
        await _stop(services, "tokens_revoked")


async def _stop(services: Services, reason: str) -> None:
    """One hub: sending ends. Many hubs: sending ends for this event's hub only, in every process (the hub's row
    says so); the others go on."""
    if services.hubs.many:
        await services.hubs.stop(reason)
    else:
        await services.sending.end(reason)


async def channel_shared(ack: Callable[[], Awaitable[None]], event: dict, services: Services) -> None:
    """A channel was shared with another organization: a hub review channel is held (nothing more is sent
    there) and its coordinators are told once."""
    await ack()
    channel, episode = event.get("channel"), event.get("event_ts")
    if isinstance(channel, str) and channel:
        await services.hub_channels.shared(channel, str(episode or services.clock.now().timestamp()))


async def channel_unshared(ack: Callable[[], Awaitable[None]], event: dict, services: Services) -> None:
    """An organization left a shared channel: when no other one is in it, a held hub review channel is let go
    (what waited is sent, in order) and its coordinators are told once."""
    await ack()
    channel = event.get("channel")
    if isinstance(channel, str) and channel and not event.get("is_ext_shared", False):
        await services.hub_channels.unshared(channel)


def register(app: AsyncApp, services: Services) -> None:
    app.event("app_uninstalled")(app_uninstalled)
    app.event("tokens_revoked")(tokens_revoked)
    once = [once_per_event(services)]
    app.event("channel_shared", middleware=once)(channel_shared)
    app.event("channel_unshared", middleware=once)(channel_unshared)
