"""HTTP mode: Slack requests on POST /slack/events, a health check on GET /healthz, Prometheus metrics on
GET /metrics."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from echobot.handlers.wellformed import problem
from echobot.metrics import CONTENT_TYPE
from echobot.runtime import Runtime

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"
log = logging.getLogger(__name__)


async def _signed_text(verifier: SignatureVerifier | None, request: web.Request) -> str | None:
    """The body, when the request carries a valid, fresh Slack signature (or no secret is configured); a
    malformed timestamp, body or charset is simply not one (it never reaches a traceback). The body is read
    once here and handed to Bolt as is."""
    try:
        text = await request.text()
        if verifier is None:
            return text
        headers = request.headers  # case-insensitive already: no copy as is_valid_request would make
        timestamp, signature = headers.get("X-Slack-Request-Timestamp"), headers.get("X-Slack-Signature")
        return text if verifier.is_valid(text, timestamp, signature) else None
    except (ValueError, LookupError, UnicodeDecodeError):
        return None


async def _ssl_check(request: web.Request) -> bool:
    """Slack's `ssl_check=1` probe (sent, unsigned, when the request URL is saved or checked)."""
    if request.content_type != "application/x-www-form-urlencoded":
        return False
    try:
        return parse_qs(await request.text()).get("ssl_check") == ["1"]
    except (ValueError, LookupError, UnicodeDecodeError):
        return False


def build_web_app(runtime: Runtime) -> web.Application:
    secret = runtime.services.settings.slack_signing_secret
    verifier = SignatureVerifier(secret.get_secret_value()) if secret is not None else None

    async def slack_events(request: web.Request) -> web.Response:
        """The signature is checked before the body is read as a Slack payload: a forged or stale request is
        refused (401) whatever it holds; a signed one that is not a Slack payload gets 400, not a crash. This
        is the only signature check: neither the replay guard nor Bolt (built without its own verification,
        see echobot/app.py) checks it again. Slack's ssl_check probe is the one unsigned request answered."""
        if "X-Slack-Signature" not in request.headers and await _ssl_check(request):
            return web.Response(status=200, text="")  # as Bolt's SslCheck answers it; nothing else is read
        text = await _signed_text(verifier, request)
        if text is None:
            log.info("refused a request without a valid Slack signature")
            return web.json_response({"error": "invalid request"}, status=401)
        try:
            # what slack_bolt.adapter.aiohttp.to_bolt_request builds, from the body already read
            headers: Any = request.headers
            bolt_request = AsyncBoltRequest(body=text, query=request.query_string, headers=headers)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            # a body Bolt cannot even read (Slack never sends one): refused, and its content is not logged
            log.warning("refused a signed request whose body is not a Slack payload")
            return web.json_response({"error": "unreadable request"}, status=400)
        malformed = problem(bolt_request.body)
        if malformed is not None:
            # signed, yet not what Slack sends: Bolt's own middleware would trip over it; ignored
            log.info("ignored a malformed request: %s", malformed)
            return web.Response(status=200, text="")
        bolt_response = await runtime.replays.dispatch(
            bolt_request, runtime.app.async_dispatch, verified=verifier is not None
        )
        return await to_aiohttp_response(bolt_response)

    async def healthz(request: web.Request) -> web.Response:
        """This process (uptime, lanes it owns, requests in flight) and the queue all processes share."""
        try:
            queue = await runtime.metrics.queue(runtime.db.reader, runtime.services.clock.now())
        except Exception as error:
            return web.json_response({"ok": False, "database": type(error).__name__}, status=503)
        counts = queue["counts"]
        return web.json_response(
            {
                "ok": True,
                "process": {
                    "uptime_seconds": round(runtime.metrics.uptime, 3),
                    "id": runtime.dispatcher.id,
                    "lanes": runtime.dispatcher.lanes.owned,
                    "lane_targets": runtime.dispatcher.lanes.targets,
                    "lease_takeovers": runtime.dispatcher.takeovers,
                    "requests_in_flight": runtime.inflight.count,
                },
                "outbox": {"pending": counts.get("pending", 0), "failed": counts.get("failed", 0)},
                "queue": {"sending": counts.get("sending", 0), "lanes_owned": queue["lanes_owned"]},
                "sending": "stopped: " + runtime.services.sending.ended if runtime.services.sending.ended else "ok",
                "outbox_oldest_pending_seconds": queue["oldest_pending_seconds"],
                "requests_in_flight": runtime.inflight.count,
            }
        )

    async def metrics(request: web.Request) -> web.Response:
        """Prometheus' text format; the outbox gauges are read from the database now."""
        body = await runtime.metrics.exposition(
            runtime.db.reader, runtime.services.clock.now(), runtime.dispatcher.lanes.owned, runtime.inflight.count
        )
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE})

    async def oauth(request: web.Request) -> web.Response:
        """Many workspaces: the install page (a link to Slack's consent screen with a fresh state, set in a cookie
        too) and the redirect Slack sends the installing person back to; Bolt's OAuth flow answers both, as its
        aiohttp adapter would."""
        flow = runtime.app.oauth_flow
        assert flow is not None
        headers: Any = request.headers
        bolt_request = AsyncBoltRequest(body="", query=request.query_string, headers=headers)
        if request.path == flow.install_path:
            return await to_aiohttp_response(await flow.handle_installation(bolt_request))
        return await to_aiohttp_response(await flow.handle_callback(bolt_request))

    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_post(EVENTS_PATH, slack_events)
    if runtime.app.oauth_flow is not None:
        app.router.add_get(runtime.app.oauth_flow.install_path, oauth)
        app.router.add_get(runtime.app.oauth_flow.redirect_uri_path, oauth)
    app.router.add_get(HEALTH_PATH, healthz)
    app.router.add_get(METRICS_PATH, metrics)
    return app
