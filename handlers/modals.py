"""Opening modals, with a friendly answer when Slack's 3-second trigger has expired."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.slack_client import slack_error_code

log = logging.getLogger(__name__)

TRIGGER_EXPIRED = "Sorry, Slack took too long to open that form (it allows 3 seconds). Please try once more."


async def open_modal(
    client: AsyncWebClient, trigger_id: str, view: dict[str, Any], *, user_id: str, channel_id: str = ""
) -> bool:
    """Open `view`; on an expired trigger tell the person (in the channel, or by DM) and return False."""
    try:
        await client.views_open(trigger_id=trigger_id, view=view)
        return True
    except SlackApiError as error:
        code = slack_error_code(error)
        if code not in ("expired_trigger_id", "invalid_trigger_id"):
            raise
        log.info("views.open failed with %s for %s", code, user_id)
    try:
        if channel_id:
            await client.chat_postEphemeral(channel=channel_id, user=user_id, text=TRIGGER_EXPIRED)
        else:
            await client.chat_postMessage(channel=user_id, text=TRIGGER_EXPIRED)
    except SlackApiError as error:
        log.warning("could not tell %s that the form did not open: %s", user_id, slack_error_code(error))
    return False
