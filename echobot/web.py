"""HTTP mode: Slack requests on POST /slack/events, a health check on GET /healthz."""

from __future__ import annotations

import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request

from echobot.handlers.wellformed import problem
from echobot.runtime import Runtime
from echobot.storage import outbox

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
log = logging.getLogger(__name__)


def build_web_app(runtime: Runtime) -> web.Application:
    async def slack_events(request: web.Request) -> web.Response:
        try:
            bolt_request = await to_bolt_request(request)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            # a body Bolt cannot even read (Slack never sends one): refused, and its content is not logged
            log.info("refused a request Bolt cannot parse")
            return web.Response(status=400, text="malformed request")
        malformed = problem(bolt_request.body)
        if malformed is not None:
            # Bolt's own middleware would trip over it: unsigned, refuse; signed (Slack never sends one), ignore
            if not runtime.replays.signed(bolt_request):
                return web.Response(status=401, text="invalid signature")
            log.info("ignored a malformed request: %s", malformed)
            return web.Response(status=200, text="")
        bolt_response = await runtime.replays.dispatch(bolt_request, runtime.app.async_dispatch)
        return await to_aiohttp_response(bolt_response)

    async def healthz(request: web.Request) -> web.Response:
        try:
            counts = await outbox.counts(runtime.db.reader)
        except Exception as error:
            return web.json_response({"ok": False, "database": type(error).__name__}, status=503)
        return web.json_response(
            {
                "ok": True,
                "outbox": {"pending": counts.get("pending", 0), "failed": counts.get("failed", 0)},
                "requests_in_flight": runtime.inflight.count,
            }
        )

    app = web.Application(client_max_size=1024 * 1024)
    app.router.add_post(EVENTS_PATH, slack_events)
    app.router.add_get(HEALTH_PATH, healthz)
    return app
