"""What happens when a listener raises: log the failure without the payload (it may hold case text)."""

from __future__ import annotations

import logging
import traceback

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

log = logging.getLogger("echobot.handlers")


def register(app: AsyncApp) -> None:
    @app.error
    async def on_error(error: Exception, request: AsyncBoltRequest) -> None:
        # The exception's own message is left out: validation errors can quote submitted text.
        where = "".join(traceback.format_tb(error.__traceback__)[-3:])
        log.error(
            "listener failed with %s (request type %s)\n%s",
            type(error).__name__,
            request.body.get("type", "command") if isinstance(request.body, dict) else "?",
            where,
        )
