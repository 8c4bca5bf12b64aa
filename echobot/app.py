"""The app factory: a Bolt AsyncApp with every handler attached."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk.web.async_client import AsyncWebClient

from echobot.container import Services
from echobot.handlers import register_all
from echobot.inflight import track
from echobot.installs import REMOVED_MESSAGE, Installs


class _WithoutTokenWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


def build_app(services: Services, client: AsyncWebClient, installs: Installs | None = None) -> AsyncApp:
    """Requests are verified with the signing secret whenever one is configured (always in HTTP mode), once:
    by echobot/web.py, the one HTTP entry, before the body is even parsed, so Bolt's own verification
    middleware (a second HMAC of every request) is off. Socket Mode requests carry no signature (Bolt skips
    them anyway); they come over the authenticated socket.

    The answer goes back to Slack as soon as a listener returns (`process_before_response`): Bolt's
    default instead polls for the ack every 10 ms. Listeners that call Slack after acking hand that
    work to `services.inflight.spawn`.

    With `installs` (many workspaces), Bolt runs the OAuth flow and authorizes each request with the bot token
    the installation store holds for its workspace (or Grid organization); `client` then carries no token.
    """
    secret = services.settings.slack_signing_secret
    bolt_logger = logging.getLogger("echobot.bolt")
    # Bolt reads SLACK_BOT_TOKEN from the environment by itself and then warns that the client we pass wins
    # ("As you gave client as well, token will be unused"): true, intended, and alarming at start, so dropped.
    quiet = _WithoutTokenWarning()
    bolt_logger.addFilter(quiet)
    try:
        app = AsyncApp(
            client=client,
            signing_secret=secret.get_secret_value() if secret else None,
            request_verification_enabled=False,  # echobot/web.py has verified every HTTP request already
            process_before_response=True,
            logger=bolt_logger,
            oauth_settings=installs.oauth if installs is not None else None,
            # an AsyncAuthorize instance, which Bolt takes as is (its hint names plain functions only)
            authorize=installs.authorize if installs is not None else None,  # type: ignore[arg-type]
            user_facing_authorize_error_message=REMOVED_MESSAGE,  # an uninstalled hub's requests (installs.py)
        )
    finally:
        bolt_logger.removeFilter(quiet)
    track(app, services.inflight)
    register_all(app, services)
    return app
