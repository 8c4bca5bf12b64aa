"""Events API de-duplication: Slack retries a delivery with the same event_id."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from slack_bolt.async_app import AsyncApp
from slack_bolt.response import BoltResponse

from echobot.container import Services
from echobot.storage import inbound

log = logging.getLogger(__name__)


def register(app: AsyncApp, services: Services) -> None:
    @app.middleware
    async def drop_repeated_events(
        body: dict, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse | None:
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if body.get("type") != "event_callback" or not isinstance(event_id, str):
            return await next()
        async with services.db.transaction() as tx:
            first = await inbound.first_sighting(tx, event_id, services.clock.now())
        if first:
            return await next()
        log.info("ignored repeated delivery of event %s", event_id)
        return BoltResponse(status=200, body="")

