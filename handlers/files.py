"""Sending a file a person asked for to their direct messages (files_upload_v2)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.channels import DM_REFUSED
from echobot.handlers.command import CommandRequest
from echobot.handlers.modals import tell
from echobot.slack_client import NETWORK_ERRORS, slack_error_code

log = logging.getLogger(__name__)


NO_DM_FILES = ("Slack does not let echobot send you files by direct message (your organization's Slack Connect "
               "settings), so `{filename}` could not be sent. A coordinator of your program can send it to you; "
               "or ask your Slack administrators to allow direct messages from the hub's apps.")  # fmt: skip


async def upload_to_dm(client: AsyncWebClient, user_id: str, content: bytes, filename: str, title: str,
                       comment: str, *, channels: Sequence[str] = ()) -> bool:  # fmt: skip
    """An immediate answer to the person's own request, so it goes straight to Slack (not the outbox).

    When Slack refuses a DM with them (someone from a partner organization in a Slack Connect channel), a file
    cannot reach them privately: they are told so where they are, in an ephemeral reply in the first of
    `channels` that takes one (the channel they asked in, their program channels)."""
    try:
        channel = (await client.conversations_open(users=user_id))["channel"]["id"]
        await client.files_upload_v2(channel=channel, content=content, filename=filename, title=title,
                                     initial_comment=comment)  # fmt: skip
        return True
    except SlackApiError as error:
        code = slack_error_code(error)
        log.warning("upload of %s for %s failed: %s", filename, user_id, code)
        if code in DM_REFUSED:
            for where in dict.fromkeys(c for c in channels if c):
                if await tell(client, user_id, where, NO_DM_FILES.format(filename=filename), dm=False):
                    break
        return False
    except NETWORK_ERRORS as error:
        log.warning("upload of %s for %s failed: %s", filename, user_id, type(error).__name__)
        return False


async def send_export(request: CommandRequest, built: tuple[str, bytes] | str, description: str, task: str) -> None:
    """A command's CSV export: the reason it cannot be made, or "Sending …" and the file by DM in the background."""
    if isinstance(built, str):
        await request.ack(text=built)
        return
    filename, content = built
    await request.ack(text=f"Sending `{filename}` to your direct messages.")
    request.services.inflight.spawn(upload_to_dm(request.client, request.person.user_id, content, filename, filename,
                                                 description, channels=[request.channel_id]), task)  # fmt: skip
