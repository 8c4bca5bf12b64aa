"""The app factory: a Bolt AsyncApp with every handler attached."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers import register_all
from echobot.inflight import InFlight, track


def build_app(services: Services, client: AsyncWebClient, inflight: InFlight) -> AsyncApp:
    """Requests are verified with the signing secret whenever one is configured (always in HTTP mode)."""
    secret = services.settings.slack_signing_secret
    app = AsyncApp(
        client=client,
        signing_secret=secret.get_secret_value() if secret else None,
        request_verification_enabled=secret is not None,
        logger=logging.getLogger("echobot.bolt"),
    )
    track(app, inflight)
    register_all(app, services)
    return app
