"""The one Slack Web API client: retries on rate limits, server errors and dropped connections."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

# What a call to Slack raises when the network, not Slack, failed: no answer, a dropped connection, a timeout.
NETWORK_ERRORS: tuple[type[BaseException], ...] = (aiohttp.ClientError, TimeoutError, OSError)

Sleep = Callable[[float], Awaitable[None]]
OnRetry = Callable[[str], None]  # called with the reason of each retry: rate_limited, server_error, connection


def slack_error_code(error: SlackApiError) -> str:
    """Slack's error code, or http_<status> when the answer was not JSON (a 5xx page from a proxy)."""
    data = error.response.data if error.response is not None else None
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])
    status = getattr(error.response, "status_code", None)
    return f"http_{status}" if status else "unknown_error"


class PacedRetry(AsyncRetryHandler):
    """One of slack-sdk's retry handlers, deciding as it does, but waiting through the injected `sleep` (a
    test clock makes the wait instant) and reporting each retry (the metrics count them).

    The wait is the SDK's: Retry-After (plus up to a second of jitter) for a 429, else the handler's back-off.
    """

    def __init__(self, inner: AsyncRetryHandler, reason: str, sleep: Sleep, on_retry: OnRetry | None) -> None:
        super().__init__(inner.max_retry_count, inner.interval_calculator)
        self.inner, self.reason, self._sleep, self._on_retry = inner, reason, sleep, on_retry

    async def _can_retry_async(
        self, *, state: RetryState, request: HttpRequest, response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:  # fmt: skip
        return await self.inner._can_retry_async(state=state, request=request, response=response, error=error)

    async def prepare_for_next_attempt_async(
        self, *, state: RetryState, request: HttpRequest, response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:  # fmt: skip
        state.next_attempt_requested = True
        if self._on_retry is not None:
            self._on_retry(self.reason)
        await self._sleep(self._delay(state, response))
        state.increment_current_attempt()

    def _delay(self, state: RetryState, response: HttpResponse | None) -> float:
        if response is not None and response.status_code == 429:
            header = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), None)
            try:
                seconds = int(header[0] if isinstance(header, list) else header) if header else 1
            except ValueError:
                seconds = 1
            return seconds + random.random()
        return self.interval_calculator.calculate_sleep_duration(state.current_attempt)


def rate_limit_retries(sleep: Sleep = asyncio.sleep, on_retry: OnRetry | None = None) -> list[AsyncRetryHandler]:
    """Only 429s: a call Slack refused for its rate surely did not happen, so it is safe to repeat."""
    return [PacedRetry(AsyncRateLimitErrorRetryHandler(max_retry_count=8), "rate_limited", sleep, on_retry)]


def retry_handlers(sleep: Sleep = asyncio.sleep, on_retry: OnRetry | None = None) -> list[AsyncRetryHandler]:
    """429s wait for Retry-After; 5xx and connection errors back off and retry."""
    return [
        *rate_limit_retries(sleep, on_retry),
        PacedRetry(AsyncServerErrorRetryHandler(max_retry_count=4), "server_error", sleep, on_retry),
        PacedRetry(AsyncConnectionErrorRetryHandler(max_retry_count=4), "connection", sleep, on_retry),
    ]


def build_session(connections: int = 64) -> aiohttp.ClientSession:
    """One pool of connections to Slack, kept open: without it every call opens (and TLS-negotiates) a new one.
    Create it inside the running event loop; close it on shutdown."""
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections, keepalive_timeout=60))


def build_client(
    token: str | None,
    base_url: str,
    timeout: float = 15,
    session: aiohttp.ClientSession | None = None,
    *,
    sleep: Sleep = asyncio.sleep,
    on_retry: OnRetry | None = None,
) -> AsyncWebClient:
    """The client every Slack call goes through; `sleep` waits out its retries (the clock's), `on_retry`
    counts them."""
    return AsyncWebClient(
        token=token,
        base_url=base_url,
        timeout=timeout,  # type: ignore[arg-type]
        retry_handlers=retry_handlers(sleep, on_retry),
        session=session,
    )
