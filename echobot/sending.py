"""Whether echobot may still send to Slack: not after an uninstall or a revoked token. Shared by the dispatcher
(which stops its lanes), the event handlers (app_uninstalled, tokens_revoked) and /healthz."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

# Slack errors that mean the token will never work again: the app was uninstalled, the token revoked, the
# workspace or the bot user deactivated. No retry can cure them; pending messages wait for a new token.
AUTH_ENDED = frozenset({"invalid_auth", "token_revoked", "account_inactive", "not_authed"})


class Sending:
    """`ended` is None while echobot may send, else why it stopped (a Slack error code or an event type)."""

    def __init__(self) -> None:
        self.ended: str | None = None
        self._listeners: list[Callable[[str], Awaitable[None]]] = []

    def on_end(self, listener: Callable[[str], Awaitable[None]]) -> None:
        self._listeners.append(listener)

    async def end(self, reason: str) -> None:
        """Stop sending for good (until a restart with a working token). Logged once, as an ERROR."""
        if self.ended is not None:
            return
        self.ended = reason
        log.error("Slack no longer accepts echobot's token (%s): sending stopped; pending messages are kept and "
                  "marked. Reinstall the app or set a new SLACK_BOT_TOKEN, then restart echobot.", reason)  # fmt: skip
        for listener in self._listeners:
            await listener(reason)
