"""The one Slack Web API client: retries on rate limits, server errors and dropped connections."""

from __future__ import annotations

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

# What a call to Slack raises when the network, not Slack, failed: no answer, a dropped connection, a timeout.
NETWORK_ERRORS: tuple[type[BaseException], ...] = (aiohttp.ClientError, TimeoutError, OSError)


def slack_error_code(error: SlackApiError) -> str:
    """Slack's error code, or http_<status> when the answer was not JSON (a 5xx page from a proxy)."""
    data = error.response.data if error.response is not None else None
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])
    status = getattr(error.response, "status_code", None)
    return f"http_{status}" if status else "unknown_error"


def retry_handlers() -> list[AsyncRetryHandler]:
    """429s wait for Retry-After; 5xx and connection errors back off and retry."""
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=8),
        AsyncServerErrorRetryHandler(max_retry_count=4),
        AsyncConnectionErrorRetryHandler(max_retry_count=4),
    ]


def build_session(connections: int = 64) -> aiohttp.ClientSession:
    """One pool of connections to Slack, kept open: without it every call opens (and TLS-negotiates) a new one.
    Create it inside the running event loop; close it on shutdown."""
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections, keepalive_timeout=60))


def build_client(
    token: str, base_url: str, timeout: float = 15, session: aiohttp.ClientSession | None = None
) -> AsyncWebClient:
    return AsyncWebClient(
        token=token,
        base_url=base_url,
        timeout=timeout,  # type: ignore[arg-type]
        retry_handlers=retry_handlers(),
        session=session,
    )
