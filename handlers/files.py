"""Sending a file a person asked for to their direct messages (files_upload_v2)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from urllib.parse import urlparse

import aiohttp
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


REPORT_LIMIT = 5 * 1024 * 1024
SLACK_FILE_HOSTS = ("files.slack.com",)


async def send_export(request: CommandRequest, built: tuple[str, bytes] | str, description: str, task: str) -> None:
    """A command's CSV export: the reason it cannot be made, or "Sending …" and the file by DM in the background."""
    if isinstance(built, str):
        await request.ack(text=built)
        return
    filename, content = built
    await request.ack(text=f"Sending `{filename}` to your direct messages.")
    request.services.inflight.spawn(upload_to_dm(request.client, request.person.user_id, content, filename, filename,
                                                 description, channels=[request.channel_id]), task)  # fmt: skip


def _allowed(url: str, client: AsyncWebClient) -> bool:
    """The bot token goes only to Slack's own file host (or the API's host, for a test or an enterprise proxy):
    never to an address a forged payload could choose."""
    host = urlparse(url).hostname or ""
    return urlparse(url).scheme in ("https", "http") and host in (*SLACK_FILE_HOSTS, urlparse(client.base_url).hostname)


async def download(client: AsyncWebClient, file_id: str, *, timeout: float = 1.8,
                   limit: int = REPORT_LIMIT) -> tuple[bytes | None, str, str]:  # fmt: skip
    """A file someone uploaded through a modal: (content, its name, "") or (None, name, why not).

    The URL comes from files.info (the app's own call), never from the submitted payload; the download
    carries the bot token, as Slack requires for url_private (without it Slack answers a sign-in page)."""
    try:
        info = await asyncio.wait_for(client.files_info(file=file_id), timeout)
    except SlackApiError as error:
        code = slack_error_code(error)
        log.warning("files.info for %s failed: %s", file_id, code)
        if code == "missing_scope":
            return None, "", "echobot may not read files yet: a hub administrator must reinstall it (files:read)."
        return None, "", f"Slack did not hand over the file ({code}): attach it again."
    except NETWORK_ERRORS as error:
        log.warning("files.info for %s failed: %s", file_id, type(error).__name__)
        return None, "", "Slack took too long to hand over the file: try again in a moment."
    file = info.get("file") or {}
    name = str(file.get("name") or "report.csv")
    url = str(file.get("url_private_download") or file.get("url_private") or "")
    if not _allowed(url, client):
        log.warning("file %s has no Slack download address", file_id)
        return None, name, "Slack gave no address to read this file from: attach it again."
    if int(file.get("size") or 0) > limit:
        return None, name, "The file is larger than 5 MB: that is not a participant report."
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http,
            http.get(url, headers={"Authorization": f"Bearer {client.token}"}) as response,
        ):
            if response.status != 200:
                log.warning("download of %s answered %s", file_id, response.status)
                return None, name, f"Slack did not hand over the file (HTTP {response.status}): attach it again."
            if response.content_type == "text/html":
                log.warning("download of %s answered a sign-in page", file_id)
                return None, name, "Slack answered with a sign-in page instead of the file: attach it again."
            content = await response.content.read(limit + 1)
    except (TimeoutError, aiohttp.ClientError) as error:
        log.warning("download of %s failed: %s", file_id, type(error).__name__)
        return None, name, "Slack took too long to hand over the file: try again in a moment."
    if len(content) > limit:
        return None, name, "The file is larger than 5 MB: that is not a participant report."
    return content, name, ""
