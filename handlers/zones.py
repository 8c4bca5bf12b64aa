"""The reader's Slack time zone (users.info `tz`), for times written as text in option labels."""

from __future__ import annotations

import asyncio
import logging
from zoneinfo import ZoneInfo

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.slack_client import NETWORK_ERRORS
from echobot.zones import parse_zone

log = logging.getLogger(__name__)
LOOKUP_ERRORS: tuple[type[BaseException], ...] = (SlackApiError, asyncio.TimeoutError, *NETWORK_ERRORS)


async def reader_zone(services: Services, client: AsyncWebClient, user_id: str) -> ZoneInfo | None:
    """The person's Slack time zone; None when Slack does not say or is slow (then each program's is used)."""
    zone = services.zones.get(user_id)
    if zone is not None:
        return zone
    try:  # never at the cost of a modal's 3-second trigger
        answer = await asyncio.wait_for(client.users_info(user=user_id), timeout=1.0)
    except LOOKUP_ERRORS as error:
        log.info("no Slack time zone for %s: %s", user_id, type(error).__name__)
        return None
    user = answer.get("user")
    zone = parse_zone(user.get("tz") if isinstance(user, dict) else None)
    if zone is None:
        return None
    services.zones.remember(user_id, zone)
    return zone
