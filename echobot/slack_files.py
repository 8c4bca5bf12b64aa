"""Files people attach to echobot's forms (a file input): read from Slack with the bot token, the address always
from files.info (the app's own call), never from a payload. Used by the attendance import (a report, read while
the form waits) and by the outbox (slides shared again into a session's thread, read when sent)."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace
from urllib.parse import urlparse

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.slack_client import NETWORK_ERRORS, slack_error_code

log = logging.getLogger(__name__)


REPORT_LIMIT = 5 * 1024 * 1024
SLACK_FILE_HOSTS = ("files.slack.com",)


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

SLIDES_LIMIT = 10 * 1024 * 1024  # Slack's own limit for a file input


async def read_to_share(client: AsyncWebClient, file_id: str, *, limit: int = SLIDES_LIMIT,
                        timeout: float = 60.0) -> bytes:  # fmt: skip
    """The content of a file a person attached, to share it again (the outbox, when the row is sent). Raises what
    Slack answers (SlackApiError: file_not_found, a file deleted since, is final) or a network error (tried again)."""
    file = (await client.files_info(file=file_id)).get("file") or {}
    url = str(file.get("url_private_download") or file.get("url_private") or "")
    if not _allowed(url, client):
        raise _refused(f"file {file_id} has no Slack download address", "invalid_file_url")
    if int(file.get("size") or 0) > limit:
        raise _refused(f"file {file_id} is larger than {limit} bytes", "file_too_large")
    async with (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http,
        http.get(url, headers={"Authorization": f"Bearer {client.token}"}) as response,
    ):
        if response.status != 200 or response.content_type == "text/html":
            raise aiohttp.ClientResponseError(response.request_info, (), status=response.status,
                                              message="Slack did not hand over the file")  # fmt: skip
        return await response.content.read(limit + 1)


def _refused(message: str, code: str) -> SlackApiError:
    """A file that will never be shared as it is, told as Slack tells its own refusals (final for the outbox)."""
    return SlackApiError(message, SimpleNamespace(data={"ok": False, "error": code}, status_code=200))
