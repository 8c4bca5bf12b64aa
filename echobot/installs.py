"""Many workspaces from one deployment (distribution): Bolt's OAuth flow over slack_sdk's SQLAlchemy installation
and state stores on echobot's own database, the hub of each request, and each hub's bot token for the dispatcher.

Both stores are slack_sdk's async SQLAlchemy ones (AsyncSQLAlchemyInstallationStore, AsyncSQLAlchemyOAuthStateStore):
their tables are declared in storage/tables.py with the stores' own builders and made by migration 0008, so
installs survive restarts and every process sees them; an OAuth state is issued once and consumed once, whichever
process serves the redirect (Bolt also checks it against the browser's state cookie).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from typing import Any

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.async_authorize import AsyncAuthorize, AsyncInstallationStoreAuthorize
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.oauth.async_callback_options import AsyncCallbackOptions, AsyncSuccessArgs
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from slack_sdk.web.async_client import AsyncWebClient

from echobot.channels import ChannelInfo, ChannelUnknown, channel_info_from
from echobot.services.hubs import Hubs
from echobot.settings import Settings
from echobot.storage import Database, hub
from echobot.storage import hubs as hubs_repo

log = logging.getLogger(__name__)

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_SECONDS = 600

# The bot scopes manifest.yml asks for (tests/test_manifest.py keeps the two equal): what an install asks for, and
# what `echobot check` names when the installed token lacks one (auth.test's x-oauth-scopes header lists them).
BOT_SCOPES = (
    "commands", "chat:write", "chat:write.public", "im:write", "users:read", "users:read.email", "channels:read",
    "groups:read", "files:write", "files:read", "channels:history", "groups:history", "im:history",
)  # fmt: skip


def hub_of(enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None) -> str:
    """The hub key of an installation or a request: the Grid organization for an org-wide install, else the
    workspace."""
    return str((enterprise_id if is_enterprise_install else team_id) or team_id or enterprise_id or "")


def request_hub(context: AsyncBoltContext) -> str:
    """The hub a request is for, from what Bolt's authorization found."""
    return hub_of(context.enterprise_id, context.team_id, context.is_enterprise_install) or hub.DEFAULT_HUB


class Installs:
    """The installation store, the OAuth settings Bolt runs the flow with, and the bot token of each hub."""

    def __init__(self, settings: Settings, db: Database, hubs: Hubs) -> None:
        assert settings.slack_client_id is not None and settings.slack_client_secret is not None
        engine = db.library_engine()
        self._db = db
        self._hubs = hubs
        self.store = AsyncSQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=engine)
        self.oauth = AsyncOAuthSettings(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret.get_secret_value(),
            scopes=list(BOT_SCOPES),
            redirect_uri=settings.slack_redirect_uri,
            install_path=INSTALL_PATH,
            redirect_uri_path=REDIRECT_PATH,
            installation_store=self.store,
            installation_store_bot_only=True,
            state_store=AsyncSQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=engine),
            callback_options=AsyncCallbackOptions(success=self._installed, failure=_failed),
        )
        # Bolt's authorization from the store, with its auth.test answer remembered per token: otherwise every
        # request (acked within 3 s) waits for a call to Slack first. A new install brings a new token, so a new
        # entry; an uninstalled hub's requests may still be authorized from memory, but nothing is sent for it.
        self._store_authorize = AsyncInstallationStoreAuthorize(
            installation_store=self.store, client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret.get_secret_value(), logger=log, bot_only=True,
            cache_enabled=True,
        )  # fmt: skip
        # An uninstalled (or revoked) hub's requests are refused at once, in every process: the remembered answers
        # are forgotten whenever a process commits a change to hubs (an install, an uninstall: storage/notify.py).
        db.on_commit(hubs_repo.TOPIC, self._store_authorize.authorize_result_cache.clear)
        self.authorize = HubAuthorize(self._store_authorize, hubs)

    async def _installed(self, args: AsyncSuccessArgs) -> BoltResponse:
        """Bolt saved the installation: the hub's row, and the installing person as its first coordinator."""
        done = args.installation
        key = hub_of(done.enterprise_id, done.team_id, done.is_enterprise_install)
        name = (done.enterprise_name if done.is_enterprise_install else done.team_name) or ""
        await self._hubs.installed(key, enterprise_id=done.enterprise_id, team_id=done.team_id, name=name,
                                   installer=done.user_id)  # fmt: skip
        return await args.default.success(args)

    async def bot_token(self, hub_id: str) -> str | None:
        """The hub's bot token, None when it has none (never installed, or uninstalled)."""
        found = await hubs_repo.get(self._db.reader, hub_id)
        if found is None or found.uninstalled_at is not None:
            return None
        bot = await self.store.async_find_bot(enterprise_id=found.enterprise_id, team_id=found.team_id,
                                              is_enterprise_install=found.enterprise_id == hub_id)  # fmt: skip
        return None if bot is None else bot.bot_token

    async def forget(self, hub_id: str) -> None:
        """Slack revoked the hub's tokens: delete them from the store (the hub's records stay)."""
        found = await hubs_repo.get(self._db.reader, hub_id)
        if found is not None:
            await self.store.async_delete_all(enterprise_id=found.enterprise_id, team_id=found.team_id)


# What someone of a workspace that removed echobot sees when they use it anyway (Bolt answers with it).
REMOVED_MESSAGE = (
    "echobot is not installed in this workspace (it was removed, or never added), so it did nothing with this. "
    "A workspace admin can install it again; the hub's programs and records are kept meanwhile."
)


class HubAuthorize(AsyncAuthorize):
    """Bolt's authorization from the installation store, refusing at once the requests of a hub Slack said is
    gone (app_uninstalled, tokens_revoked): its hub row says so, read through the hubs' cache, which every
    process clears when any of them commits a change to hubs. Refused, Bolt answers with REMOVED_MESSAGE."""

    def __init__(self, inner: AsyncAuthorize, hubs: Hubs) -> None:
        super().__init__()
        self._inner = inner
        self._hubs = hubs

    async def __call__(
        self, *, context: AsyncBoltContext, enterprise_id: str | None, team_id: str | None, user_id: str | None,
        actor_enterprise_id: str | None = None, actor_team_id: str | None = None, actor_user_id: str | None = None,
    ) -> AuthorizeResult | None:  # fmt: skip
        key = hub_of(enterprise_id, team_id, context.is_enterprise_install)
        if key:
            with hub.scope(key):
                profile = await self._hubs.profile()
            if profile.uninstalled_at is not None:
                log.info("refused a request for hub %s: echobot was removed from it (%s)", key,
                         profile.uninstall_reason)  # fmt: skip
                return None
        return await self._inner(context=context, enterprise_id=enterprise_id, team_id=team_id, user_id=user_id,
                                 actor_enterprise_id=actor_enterprise_id, actor_team_id=actor_team_id,
                                 actor_user_id=actor_user_id)  # fmt: skip


async def _failed(args: Any) -> BoltResponse:
    log.warning("an install did not complete: %s", args.reason)
    return await args.default.failure(args)


class HubClients:
    """The Slack client for each hub's rows: in single-token mode always the one client; in distribution mode a
    client with that hub's bot token from the installation store, sharing the one client's connections and
    retries (kept until an install or uninstall commits). A hub's token is looked up once however many lanes
    want it at the same moment (after a commit cleared them all, a burst's lanes of one hub wait for one look-up)."""

    def __init__(self, client: AsyncWebClient, db: Database, installs: Installs | None = None) -> None:
        self._client = client
        self._installs = installs
        self._clients: dict[str, AsyncWebClient | None] = {}
        self._looking: dict[str, asyncio.Lock] = {}
        db.on_commit(hubs_repo.TOPIC, self._clients.clear)

    @property
    def many(self) -> bool:
        return self._installs is not None

    async def client(
        self, hub_id: str, slot: Callable[[], AbstractAsyncContextManager[None]] = nullcontext
    ) -> AsyncWebClient | None:
        """The client for `hub_id`; None when the hub has no token (it was uninstalled). A look-up in the store
        runs inside `slot()` (the dispatcher's share of the database)."""
        if self._installs is None:
            return self._client
        if hub_id in self._clients:
            return self._clients[hub_id]
        async with self._looking.setdefault(hub_id, asyncio.Lock()):
            if hub_id in self._clients:  # found while this one waited
                return self._clients[hub_id]
            async with slot():
                token = await self._installs.bot_token(hub_id)
            found = None if token is None else with_token(self._client, token)
            self._clients[hub_id] = found
            return found


def hub_channel_info(clients: HubClients) -> ChannelInfo:
    """conversations.info with the acting hub's token (renderers run acting for their row's hub)."""

    async def info(channel: str) -> dict[str, Any]:
        client = await clients.client(hub.current())
        if client is None:
            raise ChannelUnknown("not_installed")
        return await channel_info_from(client)(channel)

    return info


def with_token(client: AsyncWebClient, token: str) -> AsyncWebClient:
    """A client like `client` (its API URL, timeout, connections and retry handlers) with another token."""
    return AsyncWebClient(
        token=token, base_url=client.base_url, timeout=client.timeout, session=client.session,
        retry_handlers=client.retry_handlers.copy() if client.retry_handlers is not None else None,
    )  # fmt: skip
