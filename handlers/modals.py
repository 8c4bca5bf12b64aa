"""Opening modals, with a friendly answer when Slack cannot open one (an expired trigger, an outage)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.slack_client import NETWORK_ERRORS, slack_error_code

log = logging.getLogger(__name__)

TRIGGER_EXPIRED = "Sorry, Slack took too long to open that form (it allows 3 seconds). Please try once more."
NOT_OPENED = "Sorry, Slack could not open that form just now. Please try again in a moment."
_TRIGGER_ERRORS = ("expired_trigger_id", "invalid_trigger_id", "trigger_exchanged")
# A trigger lives 3 seconds from the click: retrying views.open (rate limits, 5xx) past that cannot succeed,
# and only keeps the person waiting for the apology.
OPEN_DEADLINE = 2.5


async def open_modal(
    client: AsyncWebClient, trigger_id: str, view: dict[str, Any], *, user_id: str, channel_id: str = ""
) -> bool:
    """Open `view`; when Slack does not, tell the person (ephemeral in the channel, else by DM) and return False.

    Opening a modal is the immediate answer to a click or command (its trigger lives 3 seconds), so it is
    not planned in the outbox; neither is this apology, which says to try again now.
    """
    try:
        await asyncio.wait_for(client.views_open(trigger_id=trigger_id, view=view), OPEN_DEADLINE)
        return True
    except SlackApiError as error:
        code = slack_error_code(error)
    except NETWORK_ERRORS as error:
        code = type(error).__name__
    if code in _TRIGGER_ERRORS:
        log.info("views.open failed with %s for %s", code, user_id)
    else:
        log.warning("views.open failed with %s for %s (callback %s)", code, user_id, view.get("callback_id"))
    await tell(client, user_id, channel_id, TRIGGER_EXPIRED if code in _TRIGGER_ERRORS else NOT_OPENED)
    return False


async def tell(client: AsyncWebClient, user_id: str, channel_id: str, text: str, *, dm: bool = True) -> bool:
    """A short ephemeral note for one person where they are, or by DM when that is not possible (`dm`)."""
    if channel_id:
        try:
            await client.chat_postEphemeral(channel=channel_id, user=user_id, text=text)
            return True
        except SlackApiError as error:
            log.info("ephemeral note to %s failed: %s; sending it by DM", user_id, slack_error_code(error))
        except NETWORK_ERRORS as error:
            log.info("ephemeral note to %s failed: %s; sending it by DM", user_id, type(error).__name__)
    if not dm:
        return False
    try:
        await client.chat_postMessage(channel=user_id, text=text)
        return True
    except SlackApiError as error:
        log.warning("could not tell %s that the form did not open: %s", user_id, slack_error_code(error))
    except NETWORK_ERRORS as error:
        log.warning("could not tell %s that the form did not open: %s", user_id, type(error).__name__)
    return False
