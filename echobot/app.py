"""The app factory: a Bolt AsyncApp with every handler attached."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers import register_all
from echobot.inflight import track


def build_app(services: Services, client: AsyncWebClient) -> AsyncApp:
    """Requests are verified with the signing secret whenever one is configured (always in HTTP mode), once:
    by echobot/web.py, the one HTTP entry, before the body is even parsed, so Bolt's own verification
    middleware (a second HMAC of every request) is off. Socket Mode requests carry no signature (Bolt skips
    them anyway); they come over the authenticated socket.

    The answer goes back to Slack as soon as a listener returns (`process_before_response`): Bolt's
    default instead polls for the ack every 10 ms. Listeners that call Slack after acking hand that
    work to `services.inflight.spawn`.
    """
    secret = services.settings.slack_signing_secret
    app = AsyncApp(
        client=client,
        signing_secret=secret.get_secret_value() if secret else None,
        request_verification_enabled=False,  # echobot/web.py has verified every HTTP request already
        process_before_response=True,
        logger=logging.getLogger("echobot.bolt"),
    )
    track(app, services.inflight)
    register_all(app, services)
    return app
