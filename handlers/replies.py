"""Answers to a click through its response_url, sent after the ack."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond

from echobot.inflight import InFlight
from echobot.slack_client import NETWORK_ERRORS

log = logging.getLogger(__name__)


def reply_later(inflight: InFlight, respond: AsyncRespond | None, **message: Any) -> None:
    """Send `message` (text, blocks, response_type, ...) as a new message for the person who clicked, once the
    ack has gone. A click without a response_url (a button in a view) gets no such answer."""
    if respond is None or not getattr(respond, "response_url", None):
        log.info("no response_url to answer on")
        return

    async def send() -> None:
        try:
            await respond(**{"replace_original": False, **message})
        except NETWORK_ERRORS as error:
            log.warning("answer through response_url failed: %s", type(error).__name__)

    inflight.spawn(send(), "respond")
