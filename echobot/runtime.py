"""A running echobot: database, Slack client, Bolt app, dispatcher and scheduler, started and
stopped together."""

from __future__ import annotations

import logging
from datetime import timedelta

import aiohttp
from slack_bolt.async_app import AsyncApp

from echobot.app import build_app
from echobot.clock import Clock, SystemClock
from echobot.container import Services
from echobot.dispatcher import Dispatcher
from echobot.installs import HubClients, Installs, hub_channel_info
from echobot.metrics import Metrics
from echobot.replays import ReplayGuard, SharedAnswers
from echobot.scheduler import add_periodic, build_scheduler, wire_dispatcher
from echobot.settings import Settings
from echobot.slack_client import build_client, build_session
from echobot.storage import Database, inbound, shared
from echobot.storage import lanes as lanes_repo

log = logging.getLogger(__name__)
LANE_IDLE = timedelta(days=1)  # a lane unowned and not called for this long is deleted (periodic prune)


class Runtime:
    def __init__(
        self,
        services: Services,
        app: AsyncApp,
        dispatcher: Dispatcher,
        http: aiohttp.ClientSession | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        self.services = services
        self.metrics = metrics or Metrics()
        self._http = http
        self.app = app
        self.dispatcher = dispatcher
        self.inflight = services.inflight
        self.scheduler = build_scheduler()
        secret = services.settings.slack_signing_secret
        answers = SharedAnswers(services.db, services.clock) if services.db.shared else None
        self.replays = ReplayGuard(secret.get_secret_value() if secret else None, shared_answers=answers)
        self._started = False
        self.installs: Installs | None = None  # distribution mode: the OAuth flow's stores

    @property
    def db(self) -> Database:
        return self.services.db

    @classmethod
    async def open(cls, settings: Settings, *, clock: Clock | None = None, pacing: float = 1.0) -> Runtime:
        """Open (and migrate) the database and build everything; nothing runs until start()."""
        clock = clock or SystemClock()
        metrics = Metrics()
        db = await Database.open(settings.database)
        http = build_session()
        token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
        client = build_client(
            token, settings.slack_api_url, settings.slack_timeout, session=http, sleep=clock.sleep,
            on_retry=metrics.slack_retry,
        )  # fmt: skip
        services = Services.build(settings, clock, db)
        installs = Installs(settings, db, services.hubs) if settings.distribution else None
        clients = HubClients(client, db, installs)
        services.renderers.channel_info = hub_channel_info(clients)
        app = build_app(services, client, installs)
        metrics.observe_requests(app)
        dispatcher = Dispatcher(db, client, clock, services.renderers, pacing=pacing, on_retry=metrics.slack_retry,
                                on_outcome=metrics.outbox_outcome, on_takeover=metrics.lease_takeovers.inc,
                                sending=services.sending, clients=clients, hubs=services.hubs)  # fmt: skip
        runtime = cls(services, app, dispatcher, http, metrics)
        runtime.installs = installs
        return runtime

    async def start(self, *, background: bool = True) -> None:
        """Recover rows a crash left in flight, then (in the background) dispatch and schedule."""
        await self.dispatcher.recover()
        await self._plan_sessions()
        await self._plan_digests()
        if background:
            self.db.listen()
            wire_dispatcher(self.scheduler, self.dispatcher)
            periodic = (
                ("inbound-prune", self.prune, timedelta(hours=6)),
                ("plan-sessions", self._plan_sessions, timedelta(hours=6)),
                ("plan-digests", self._plan_digests, timedelta(hours=1)),
                ("purge-cases", self._purge_cases, timedelta(hours=12)),
                ("recheck-hub-channels", self._recheck_hub_channels, timedelta(minutes=10)),
            )
            for job_id, func, every in periodic:
                add_periodic(self.scheduler, job_id, func, every, self.claim_period)
            self.scheduler.start()
            self.dispatcher.start()
        self._started = background

    async def stop(self, timeout: float = 10.0) -> None:
        """Finish in-flight requests and messages, stop the scheduler, close the database."""
        if not await self.inflight.wait_idle(timeout):
            log.warning("stopping with %d request(s) still running", self.inflight.count)
        if self._started:
            self.scheduler.shutdown(wait=False)
        await self.dispatcher.stop(timeout)
        if self.replays.shared is not None:
            await self.replays.shared.flush()
        await self.db.close()
        if self._http is not None:
            await self._http.close()

    async def settle(self) -> None:
        """Wait for running listeners, then send everything due (tests and one-shot tools)."""
        await self.inflight.wait_idle(10)
        await self.dispatcher.run_until_idle()
        await self.inflight.wait_idle(10)

    async def tick(self) -> None:
        """Run the periodic jobs once, then settle (tests, with a clock that moves when told)."""
        await self._plan_sessions()
        await self._purge_cases()
        await self._plan_digests()
        await self._recheck_hub_channels()
        await self.settle()

    # Periodic work, for each hub served in turn (one hub in single-token mode), acting for it.
    async def _plan_sessions(self) -> None:
        await self.services.hubs.each(self.services.sessions.plan_all)
        await self.services.hubs.each(self.services.surveys.plan_all)  # issue 17: the pre-survey as a series starts

    async def _plan_digests(self) -> None:
        await self.services.hubs.each(self.services.digests.plan_all)

    async def _purge_cases(self) -> None:
        await self.services.hubs.each(self.services.cases.purge_expired)

    async def _recheck_hub_channels(self) -> None:
        """Held hub review channels (shared outside the hub) that Slack now says are private and internal are let
        go, should channel_unshared have been missed."""
        ask = self.services.renderers.channel_info
        if ask is not None:
            await self.services.hubs.each(lambda: self.services.hub_channels.recheck(ask))

    async def claim_period(self, job_id: str, every: timedelta) -> bool:
        """True when this process runs `job_id` for the current period (once across all processes)."""
        async with self.db.transaction() as tx:
            return await shared.claim_period(tx, job_id, self.db.process, self.services.clock.now(), every)

    async def prune(self) -> None:
        """Forget what only matters for a while (a periodic job): event ids past Slack's retries, shared answers
        past the signature's freshness, and dispatcher lanes idle and unowned for a day."""
        now = self.services.clock.now()
        async with self.db.transaction() as tx:
            await inbound.forget_before(tx, now - inbound.RETRY_HORIZON)
            await lanes_repo.prune(tx, now - LANE_IDLE)
            await lanes_repo.prune_pauses(tx, now - LANE_IDLE)
        if self.replays.shared is not None:
            await self.replays.shared.forget_old()
