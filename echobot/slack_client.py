"""The one Slack Web API client: retries on rate limits, server errors and dropped connections."""

from __future__ import annotations

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient


def retry_handlers() -> list[AsyncRetryHandler]:
    """429s wait for Retry-After; 5xx and connection errors back off and retry."""
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=8),
        AsyncServerErrorRetryHandler(max_retry_count=4),
        AsyncConnectionErrorRetryHandler(max_retry_count=4),
    ]


def build_client(token: str, base_url: str, timeout: int = 15) -> AsyncWebClient:
    return AsyncWebClient(token=token, base_url=base_url, timeout=timeout, retry_handlers=retry_handlers())
