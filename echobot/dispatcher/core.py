"""The dispatcher: sends due outbox rows to Slack, once each, in order per channel.

Rows are grouped into lanes by target (lanes.py). A lane claims its head row and hands it here: a row in
doubt is settled first (doubt.py); a stale row is skipped, a job run, a message rendered; Slack is called
(transport.py) and the outcome recorded (recorder.py). The database is the schedule: the dispatcher keeps
nothing in memory that a restart would lose.

Several processes may share one database. Each dispatcher has its own id; its claims on rows and lanes are
leases it renews while it lives (a heartbeat), so a process that dies loses them when they run out and another
takes its rows over, in doubt. It wakes after commits of any process (on PostgreSQL, LISTEN/NOTIFY through
Database.listen) and polls now and then as the fallback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime, timedelta

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.channels import DM_REFUSED, is_direct_target
from echobot.clock import Clock
from echobot.dispatcher.doubt import Delivery, DoubtResolver, Presence
from echobot.dispatcher.lanes import Lanes, Outcome
from echobot.dispatcher.leases import Leases
from echobot.dispatcher.recorder import Recorder
from echobot.dispatcher.transport import SERVER_ERRORS, SlackTransport, is_permanent, is_transient, workspace_wait
from echobot.installs import HubClients
from echobot.logs import describe_exception
from echobot.models import Message, OutboxItem, OutboxKind, OutboxState
from echobot.renderers import Renderers, Withheld
from echobot.sending import AUTH_ENDED, Sending
from echobot.services.hubs import Hubs
from echobot.slack_client import NETWORK_ERRORS, OnRetry, slack_error_code
from echobot.storage import Database, hub
from echobot.storage import lanes as lanes_repo
from echobot.storage import outbox as outbox_repo
from echobot.storage.share import Share

log = logging.getLogger(__name__)


class Dispatcher:
    def __init__(
        self,
        db: Database,
        client: AsyncWebClient,
        clock: Clock,
        renderers: Renderers | None = None,
        *,
        pacing: float = 1.0,
        max_lanes: int = 2000,
        max_in_flight: int = 32,
        backoff: timedelta = timedelta(seconds=10),
        max_backoff: timedelta = timedelta(minutes=10),
        max_attempts: int = 4,
        step_aside_after: int = 3,
        lease: timedelta = timedelta(seconds=30),
        renew_every: float | None = None,
        poll: float = 2.0,
        on_retry: OnRetry | None = None,
        on_outcome: Callable[[str], None] | None = None,
        on_takeover: Callable[[int], None] | None = None,
        sending: Sending | None = None,
        clients: HubClients | None = None,
        hubs: Hubs | None = None,
        database_share: float = 0.5,
    ) -> None:
        # its statements and transactions take turns in a share of the connections (storage/share.py), so its lanes
        # never queue in the pool (30 s, then an error) nor take every connection from the requests
        self._db = db.share(database_share)
        self._database = db
        self.clients = clients  # each hub's client (distribution); None: `client` sends every row
        self.hubs = hubs
        self._clock = clock
        self.leases = Leases(self._db, clock, lease=lease, renew_every=renew_every, holding=lambda: self.lanes.owned)
        self.id = self.leases.id  # this dispatcher, in the database's leases
        self._poll = poll  # seconds between looks at the queue when no wake-up comes (the fallback)
        self.renderers = renderers or Renderers()
        self.transport = SlackTransport(client, self._db.reader, sleep=clock.sleep, max_in_flight=max_in_flight,
                                        on_retry=on_retry)  # fmt: skip
        self.recorder = Recorder(self._db, clock, owner=self.id, backoff=backoff, max_backoff=max_backoff,
                                 max_attempts=max_attempts, step_aside_after=step_aside_after,
                                 on_outcome=on_outcome)  # fmt: skip
        self.doubt = DoubtResolver(self.transport, self.recorder)
        self.takeovers = 0  # rows taken over from processes whose lease ran out
        self._on_takeover = on_takeover
        self.lanes = Lanes(self._db, clock, self._deliver, self.doubt.give_back, owner=self.id, lease=lease,
                           pacing=pacing, max_lanes=max_lanes, on_idle=self.wake,
                           on_takeover=self._took_over)  # fmt: skip
        self._wake = asyncio.Event()
        self._loop_task: asyncio.Task[None] | None = None
        self.on_next_wake: Callable[[datetime | None], None] | None = None  # set by the scheduler wiring
        db.on_commit(outbox_repo.TOPIC, self.wake)
        self.sending = sending or Sending()
        self.sending.on_end(self._sending_ended)

    @property
    def database(self) -> Share:
        """The share of the database's connections this dispatcher's work takes turns in."""
        return self._db

    @property
    def resends_prevented(self) -> int:
        """Posts a crash left in flight that Slack already had (recorded, not sent again)."""
        return self.doubt.resends_prevented

    def wake(self) -> None:
        """Look for due rows now (called after commits that planned messages, and by the scheduler)."""
        self._wake.set()

    def _took_over(self, count: int) -> None:
        self.takeovers += count
        if self._on_takeover is not None:
            self._on_takeover(count)

    def start(self) -> None:
        """Dispatch in the background, woken by commits of this process and (PostgreSQL) of the others."""
        self.lanes.stopping = False
        self._database.listen()
        self._loop_task = asyncio.create_task(self._run(), name="outbox-dispatcher")
        self.leases.start()

    async def stop(self, timeout: float = 10.0) -> None:
        """Let lanes finish the message in hand, then stop."""
        self.wake()
        await self.lanes.stop(timeout)
        await self.recorder.drain(timeout)
        await self.leases.stop()
        if self._loop_task is not None:
            self._loop_task.cancel()
            with suppress(asyncio.CancelledError):
                await self._loop_task
            self._loop_task = None

    async def recover(self) -> int:
        """Return rows a crash left in flight to the queue, in doubt. Returns how many there were. With several
        processes, only rows whose lease ran out (the others' live claims are theirs); rows of a process that
        died later are taken over by any dispatcher once its lease runs out (Lanes.fill).

        Slack may already have such a row's message: a post is looked for before it is sent again (doubt.py).
        Updates and deletes are safe to repeat (a delete Slack already did is done, not failed). Uploads
        (files_upload_v2) cannot carry metadata, so a recovered upload is sent again.
        """
        async with self._db.transaction() as tx:
            items = await outbox_repo.recover_in_flight(tx, self._clock.now())
        for item in items:
            if item.kind is OutboxKind.POST:
                log.warning("outbox %s was in flight at the last stop; Slack's history is checked before "
                            "it is sent again", item.key)  # fmt: skip
            else:
                log.warning("outbox %s was in flight at the last stop; it will be sent again", item.key)
        return len(items)

    async def _sending_ended(self, reason: str) -> None:
        """Slack will not take this token any more: lanes end after the row in hand, nothing more is claimed,
        and every pending row is kept and marked, so the queue shows why nothing moves."""
        self.lanes.stopping = True
        async with self._db.transaction() as tx:
            await outbox_repo.mark_pending(tx, f"sending stopped: {reason}")
        self.wake()

    async def _stop_sending(self, item: OutboxItem, reason: str) -> None:
        """Give the row in hand back, marked, and end sending."""
        await self.recorder.retry(item, f"sending stopped: {self.sending.ended or reason}", timedelta(0))
        await self.sending.end(reason)

    async def run_until_idle(self) -> None:
        """Send everything sendable now, and return when nothing more is (tests and one-shot tools)."""
        async with self.leases.kept():
            await self.lanes.run_until_idle()

    async def _run(self) -> None:
        while not self.lanes.stopping:
            self._wake.clear()
            try:
                if await self.lanes.fill():
                    self.wake()  # a full batch: more may be due
                if self.on_next_wake is not None:
                    self.on_next_wake(await outbox_repo.next_wake_at(self._db.reader))
            except Exception as error:
                log.error("dispatcher pass failed (%s); retrying shortly", describe_exception(error))
                await self._clock.sleep(1)
                continue
            with suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._poll)

    async def _deliver(self, item: OutboxItem) -> Outcome:
        """Send one claimed row, acting for its hub (whatever it plans is that hub's) with that hub's token."""
        with hub.scope(item.hub):
            if self.clients is None or not self.clients.many:
                return await self._deliver_here(item)
            client = await self.clients.client(item.hub, self._db.slot)  # a token not known yet: in its turn
            if client is None:
                await self._hub_stopped(item, "not installed")
                return Outcome.NO_CALL
            with self.transport.using(client):
                return await self._deliver_here(item)

    async def _hub_stopped(self, item: OutboxItem, reason: str) -> None:
        """Many hubs: this row's hub has no working token. The row goes back, marked; the hub is stopped, so its
        rows are no longer claimed (by any process) until it is installed again. The other hubs go on."""
        stopped = self.hubs is not None and await self.hubs.stop(reason)
        wait = timedelta(0) if stopped else timedelta(minutes=10)  # a hub with no row at all: look again later
        await self.recorder.retry(item, f"sending stopped: {reason}", wait)

    async def _deliver_here(self, item: OutboxItem) -> Outcome:
        """Send one claimed row and record what became of it."""
        if self.sending.ended is not None:
            await self._stop_sending(item, self.sending.ended)
            return Outcome.NO_CALL
        now = self._clock.now()
        doubt = Delivery.of(item)
        # before the stale check: a post Slack already has is recorded as sent, never skipped
        if doubt is Delivery.IN_DOUBT and item.kind is OutboxKind.POST:
            if await self.doubt.resolve(item) is not Presence.ABSENT:
                return Outcome.CALLED_SLACK
            doubt = Delivery.UNSENT
        if item.stale_at is not None and now >= item.stale_at:
            await self.recorder.finish(item, OutboxState.SKIPPED, "stale: its moment passed while echobot was down")
            log.info("skipped stale outbox %s (due %s)", item.key, item.due_at.isoformat())
            return Outcome.NO_CALL
        if item.kind is OutboxKind.JOB:
            await self._run_job(item, now)
            if self.sending.ended:  # what the job planned while another lane found sending ended is marked too
                async with self._db.transaction() as tx:
                    await outbox_repo.mark_pending(tx, f"sending stopped: {self.sending.ended}")
            return Outcome.NO_CALL
        ready, parent = await self._parent_of(item, now)
        message = await self._message_of(item, now) if ready else None
        if message is None:
            return Outcome.NO_CALL
        try:
            channel, ts = await self.transport.send(item, parent, message)
        except SlackApiError as error:
            code = slack_error_code(error)
            if code in AUTH_ENDED and self.clients is not None and self.clients.many:
                await self._hub_stopped(item, code)
                return Outcome.NO_CALL
            if code in AUTH_ENDED:
                await self._stop_sending(item, code)
                return Outcome.NO_CALL
            if self.clients is not None and self.clients.many and await self._workspace_backs_off(item, error, code):
                return Outcome.CALLED_SLACK
            direct = item.kind is OutboxKind.POST and is_direct_target(item.target)
            if direct and code in DM_REFUSED and await self._instead(item, code):  # Slack Connect: a DM refused
                return Outcome.CALLED_SLACK
            if item.kind is OutboxKind.DELETE and code == "message_not_found" and doubt is Delivery.IN_DOUBT:
                # the delete in flight at the crash went through: done, not failed
                assert parent is not None
                await self.recorder.sent(item.id, parent.slack_channel, parent.slack_ts)
                return Outcome.CALLED_SLACK
            await self.recorder.failed(item, code, transient=is_transient(code), permanent=is_permanent(code))
            return Outcome.CALLED_SLACK
        except NETWORK_ERRORS as error:
            await self.recorder.failed(item, type(error).__name__, transient=True)
            return Outcome.CALLED_SLACK
        try:
            if await self.recorder.sent(item.id, channel, ts, lane=item.target):
                return Outcome.LANE_GIVEN_UP
        except Exception as error:
            # Slack has the message: never send it again from here. The row stays "sending" and is checked
            # at the next start (see recover()).
            log.error("outbox %s was sent but could not be recorded: %s", item.key, describe_exception(error))
        return Outcome.CALLED_SLACK

    async def _workspace_backs_off(self, item: OutboxItem, error: SlackApiError, code: str) -> bool:
        """Many hubs: Slack's limits and outages are per workspace, so a 429 (for its Retry-After) or a 5xx (for
        the row's back-off) pauses this kind of call for the row's hub, in every process (storage/lanes.py),
        while the other hubs' rows go on. A 429 surely did not happen: the row waits, not counted as an attempt.
        True when the row was dealt with here."""
        wait = workspace_wait(error)
        if wait is None and not code.startswith("http_5") and code not in SERVER_ERRORS:
            return False
        pause = timedelta(seconds=wait) if wait is not None else self.recorder.delay(item.attempts + 1)
        async with self._db.transaction() as tx:
            await lanes_repo.back_off(tx, item.hub, item.kind.value, self._clock.now() + pause, code)
        log.warning("hub %s: Slack answered %s; its %s calls wait %s (the other hubs' go on)", item.hub, code,
                    item.kind.value, pause)  # fmt: skip
        if wait is None:
            await self.recorder.failed(item, code, transient=True)
        else:
            await self.recorder.retry(item, code, pause)
            self.recorder.note("retry")
        return True

    async def _instead(self, item: OutboxItem, code: str) -> bool:
        """A DM Slack refused (Slack Connect): what stands in for it is planned with the row's end, in one
        transaction. False when nothing can (the row then fails as any other)."""
        redirect = self.renderers.dm_refused
        if redirect is None:
            return False
        async with self._db.transaction() as tx:
            where = await redirect(tx, item, self._clock.now())
            if where is not None:
                await outbox_repo.mark_final(tx, item.id, OutboxState.SKIPPED, f"{code}: sent {where}", attempted=True)
        if where is None:
            log.error("outbox %s: Slack refused the DM (%s) and there is no program channel to reach them in",
                      item.key, code)  # fmt: skip
            return False
        self.recorder.note(OutboxState.SKIPPED.value)
        return True

    async def _parent_of(self, item: OutboxItem, now: datetime) -> tuple[bool, OutboxItem | None]:
        """(ready, parent): the sent message this row threads under or changes, if it has one.

        Not ready while the parent is still pending (the row waits a second); a parent that will
        never be sent fails the row.
        """
        if item.parent_key is None:
            return True, None
        parent = await outbox_repo.get(self._db.reader, item.parent_key)
        if parent is not None and parent.state is OutboxState.SENT:
            return True, parent
        if parent is None or parent.state in (OutboxState.FAILED, OutboxState.SKIPPED, OutboxState.CANCELLED):
            await self.recorder.finish(item, OutboxState.FAILED, "the message it belongs to was never sent")
            return False, None
        # a parent that stepped aside takes its children with it, so the rows behind them go meanwhile
        wait = max(timedelta(seconds=1), (parent.not_before or now) - now) if parent.aside else timedelta(seconds=1)
        await self.recorder.retry(item, "waiting for the message it belongs to", wait, aside=parent.aside)
        return False, None

    async def _message_of(self, item: OutboxItem, now: datetime) -> Message | None:
        """The row's message, rendered now when it has a render spec; None when it is not to be sent."""
        if item.render is None:
            return item.message
        renderer = self.renderers.messages.get(item.render.name)
        if renderer is None:
            await self.recorder.finish(item, OutboxState.FAILED, f"no renderer named {item.render.name!r}")
            log.error("outbox %s: no renderer named %r", item.key, item.render.name)
            return None
        try:
            message = await renderer(self._db.reader, item.render.args, now)
        except Withheld as withheld:  # not sent now; tried again after the back-off, for as long as it takes
            await self.recorder.failed(item, f"withheld: {withheld.reason}", transient=True)
            return None
        except Exception as error:
            log.error("outbox %s: rendering failed: %s", item.key, describe_exception(error))
            await self.recorder.failed(item, "render_error")
            return None
        if message is None:
            await self.recorder.finish(item, OutboxState.SKIPPED, "no longer applies")
        return message

    async def _run_job(self, item: OutboxItem, now: datetime) -> None:
        name = item.render.name if item.render else ""
        runner = self.renderers.jobs.get(name)
        if runner is None or item.render is None:
            await self.recorder.finish(item, OutboxState.FAILED, f"no job named {name!r}")
            log.error("outbox %s: no job named %r", item.key, name)
            return
        try:
            async with self._db.transaction() as tx:
                await runner(tx, item.render.args, now)
                await outbox_repo.mark_sent(tx, item.id, None, None, now)
        except Exception as error:
            log.error("outbox %s: job failed: %s", item.key, describe_exception(error))
            await self.recorder.failed(item, "job_error")
            return
        self.recorder.note("sent")
