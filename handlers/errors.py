"""What happens when a listener raises: log the failure without the payload (it may hold case text)."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

from echobot.logs import describe_exception

log = logging.getLogger("echobot.handlers")


def register(app: AsyncApp) -> None:
    @app.error
    async def on_error(error: Exception, request: AsyncBoltRequest) -> None:
        kind = request.body.get("type", "command") if isinstance(request.body, dict) else "?"
        log.error("listener failed (request type %s): %s", kind, describe_exception(error))
