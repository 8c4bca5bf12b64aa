"""Socket Mode: Slack's requests arrive over a websocket echobot opens (no public URL).

Bolt's aiohttp Socket Mode handler, with what HTTP mode does around the app (echobot/web.py) done here
too: malformed payloads are acked and ignored, and identical deliveries run once (echobot/replays.py).
Connection failures are logged with their reason (DNS, refused, TLS, proxy), never with the URL (it
carries a ticket) or a token; an HTTPS_PROXY (or HTTP_PROXY) in the environment is used for the socket
and for the Web API alike, as slack_sdk does, and named (without credentials) at start.
"""

from __future__ import annotations

import logging
import ssl
import time
from urllib.parse import urlsplit

import aiohttp
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.adapter.socket_mode.async_internals import send_async_response
from slack_bolt.adapter.socket_mode.internals import build_headers
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.proxy_env_variable_loader import load_http_proxy_from_env
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest

from echobot.handlers.wellformed import problem
from echobot.runtime import Runtime
from echobot.slack_client import slack_error_code

log = logging.getLogger(__name__)
SDK_LOGGER = "echobot.bolt.socket"  # under echobot.bolt: held at WARNING and scrubbed like Slack's libraries
PING_INTERVAL = 10.0  # seconds; Bolt's default. A failed connection is retried after it.


def proxy_from_env() -> str | None:
    """The proxy slack_sdk would use: HTTPS_PROXY, https_proxy, HTTP_PROXY or http_proxy (empty: none)."""
    return load_http_proxy_from_env(log)


def where(url: str) -> str:
    """host:port of a URL, without its credentials, path or query (which may hold a ticket)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "an unreadable address"
    host = parts.hostname or "?"
    return f"{host}:{port}" if port else host


def failure_reason(error: BaseException) -> str:
    """Why a connection to Slack failed, in plain words, naming hosts but nothing secret."""
    if isinstance(error, SlackApiError):
        return f"Slack refused apps.connections.open with {slack_error_code(error)}"
    if isinstance(error, aiohttp.ClientHttpProxyError):
        return f"the proxy answered HTTP {error.status}; check HTTPS_PROXY and the proxy's rules for Slack"
    if isinstance(error, aiohttp.ClientProxyConnectionError):
        return f"cannot reach the proxy {error.host}:{error.port}; check HTTPS_PROXY"
    if isinstance(error, aiohttp.ClientConnectorDNSError):
        return f"DNS lookup of {error.host} failed; check the DNS or set HTTPS_PROXY"
    if isinstance(error, aiohttp.ClientConnectorCertificateError):
        return f"TLS: the certificate of {error.host} was not trusted; an intercepting proxy needs its CA trusted"
    if isinstance(error, aiohttp.ClientSSLError | ssl.SSLError):
        reason = getattr(getattr(error, "os_error", error), "reason", None) or type(error).__name__
        return f"TLS handshake failed: {reason}"
    if isinstance(error, aiohttp.WSServerHandshakeError):
        return f"the websocket handshake was refused with HTTP {error.status}"
    if isinstance(error, aiohttp.ClientConnectorError):
        os_error = error.os_error
        if isinstance(os_error, ConnectionRefusedError):
            return f"connection refused by {error.host}:{error.port}; is a firewall blocking it?"
        return f"cannot connect to {error.host}:{error.port}: {type(os_error).__name__}"
    if isinstance(error, TimeoutError):
        return "timed out; is a firewall dropping the connection?"
    return type(error).__name__


class ConnectFailures(logging.Filter):
    """Turns slack_sdk's "Failed to connect (error: …); Retrying..." (whose text quotes the socket URL, so
    the scrubber withholds it) into one WARNING saying why, and "Failed to retrieve WSS URL" (the same failure,
    logged just before) into a pointer to that line."""

    def __init__(self, retry_after: float) -> None:
        super().__init__()
        self.retry_after = retry_after

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        error = record.exc_info[1] if record.exc_info else None
        if message.startswith("Failed to connect") and error is not None:
            # no brackets: the scrubber of Slack libraries' lines would cut the reason off at the first one
            record.msg = (
                f"cannot connect to Slack's Socket Mode, retrying in {self.retry_after:g} s: " + failure_reason(error)
            )
        elif message.startswith("Failed to retrieve WSS URL"):
            record.msg = "apps.connections.open failed; see the next line for why"
        else:
            return True
        record.args, record.exc_info, record.exc_text = None, None, None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


class SocketModeHandler(AsyncSocketModeHandler):
    """Bolt's handler, with echobot's HTTP-mode guards around the app."""

    def __init__(self, runtime: Runtime, app_token: str, *, ping_interval: float = PING_INTERVAL) -> None:
        logger = logging.getLogger(SDK_LOGGER)
        for old in [f for f in logger.filters if isinstance(f, ConnectFailures)]:
            logger.removeFilter(old)
        logger.addFilter(ConnectFailures(ping_interval))
        proxy = proxy_from_env()
        super().__init__(runtime.app, app_token, logger=logger, proxy=proxy, ping_interval=ping_interval)
        self.runtime = runtime
        if proxy:
            log.info("Slack connections go through the proxy %s", where(proxy))

    async def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        """One envelope: ignore it if malformed, else dispatch it once however often it is delivered."""
        start = time.time()
        request = AsyncBoltRequest(mode="socket_mode", body=req.payload, headers=build_headers(req))
        malformed = problem(request.body)
        if malformed is not None:
            log.info("ignored a malformed %s envelope: %s", req.type, malformed)
            response = BoltResponse(status=200, body="")
        else:
            response = await self.runtime.replays.dispatch(request, self.runtime.app.async_dispatch)
        await send_async_response(client, req, response, start)
