"""Listeners of last resort: a click, submission, shortcut, menu query or event that no feature handles (an
old message's button, a forged id) is acknowledged and ignored, rather than left unanswered (Slack would
show the person an error, and retry an event)."""

from __future__ import annotations

import logging
import re

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck

log = logging.getLogger(__name__)
ANY = re.compile(r".*", re.DOTALL)


def register(app: AsyncApp) -> None:
    """Register after every feature: Bolt runs the first listener that matches."""

    @app.action(ANY)
    @app.shortcut(ANY)
    @app.view_closed(ANY)
    async def ignore(ack: AsyncAck) -> None:
        await ack()

    @app.view(ANY)
    async def ignore_view(ack: AsyncAck) -> None:
        await ack()  # closes the unknown modal

    @app.options(ANY)
    async def no_options(ack: AsyncAck) -> None:
        await ack(options=[])

    @app.event(ANY)
    async def ignore_event() -> None:
        return None
