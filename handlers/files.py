"""Sending a file a person asked for to their direct messages (files_upload_v2)."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.slack_client import NETWORK_ERRORS, slack_error_code

log = logging.getLogger(__name__)


async def upload_to_dm(client: AsyncWebClient, user_id: str, content: bytes, filename: str, title: str,
                       comment: str) -> bool:  # fmt: skip
    """An immediate answer to the person's own request, so it goes straight to Slack (not the outbox)."""
    try:
        channel = (await client.conversations_open(users=user_id))["channel"]["id"]
        await client.files_upload_v2(channel=channel, content=content, filename=filename, title=title,
                                     initial_comment=comment)  # fmt: skip
        return True
    except SlackApiError as error:
        log.warning("upload of %s for %s failed: %s", filename, user_id, slack_error_code(error))
        return False
    except NETWORK_ERRORS as error:
        log.warning("upload of %s for %s failed: %s", filename, user_id, type(error).__name__)
        return False
