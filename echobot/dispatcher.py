"""The dispatcher: sends due outbox rows to Slack, once each, in order per channel.

Rows are grouped into lanes by target (a channel, or a user for a direct message). A lane
claims its head row, sends it, records Slack's ts, then waits out the per-channel pacing
before the next. Lanes run concurrently up to a bound. The database is the schedule: the
dispatcher keeps nothing in memory that a restart would lose.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import nullcontext, suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from echobot.clock import Clock
from echobot.logs import describe_exception
from echobot.models import Message, OutboxItem, OutboxKind, OutboxState
from echobot.slack_client import slack_error_code
from echobot.storage import Database, Reader, Tx
from echobot.storage import outbox as outbox_repo

log = logging.getLogger(__name__)

METADATA_EVENT = "echobot_outbox"

# Errors that mean "later": retried with back-off for as long as the row is not stale. Delayed, never dropped.
TRANSIENT_ERRORS = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
     "team_added_to_org", "invalid_auth", "not_authed", "token_revoked", "token_expired"}
)  # fmt: skip
# Errors that no retry will cure: give up on the first one.
PERMANENT_ERRORS = frozenset(
    {
        "invalid_blocks",
        "invalid_blocks_format",
        "msg_too_long",
        "no_text",
        "invalid_arguments",
        "invalid_metadata_format",
        "user_not_found",
        "cannot_dm_bot",
        "account_inactive",
        "message_not_found",
        "cant_update_message",
        "cant_delete_message",
        "edit_window_closed",
        "is_archived",
        "channel_not_found",
    }
)


# Looking in Slack's history for a post a crash left in flight: how far back before the row could first
# have been sent (Slack's clock and ours may differ), and how many pages of how many messages at most.
HISTORY_SKEW = timedelta(minutes=5)
HISTORY_PAGES = 5
HISTORY_PAGE_SIZE = 200


def earliest_send(item: OutboxItem) -> datetime:
    """The earliest moment the row can have reached Slack: not before it was planned or due; and, when it
    was never attempted, not before it was let go (a row that was attempted may have landed before its
    back-off began)."""
    start = max(item.created_at, item.due_at)
    return max(start, item.not_before) if item.attempts == 0 and item.not_before else start


def carries_key(message: dict[str, Any], key: str) -> bool:
    """Whether a message from Slack's history carries echobot's outbox `key` in its metadata."""
    metadata = message.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("event_type") != METADATA_EVENT:
        return False
    payload = metadata.get("event_payload")
    return isinstance(payload, dict) and payload.get("key") == key


# A post whose answer did not come back (a timeout, a dropped connection, a 5xx) may or may not be in Slack:
# before posting it again, the dispatcher looks for it. Tries at once (as the SDK would), then back-off.
POST_TRIES = 5


MessageRenderer = Callable[[Reader, dict[str, Any], datetime], Awaitable[Message | None]]
JobRunner = Callable[[Tx, dict[str, Any], datetime], Awaitable[None]]


@dataclass
class Renderers:
    """What rows with a render spec are made of, by name.

    A message renderer returns the message to send, or None when it no longer applies (the
    row is then skipped). A job runs inside the transaction that marks its row done, so its
    effect happens exactly once.
    """

    messages: dict[str, MessageRenderer] = field(default_factory=dict)
    jobs: dict[str, JobRunner] = field(default_factory=dict)


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
        max_attempts: int = 8,
    ) -> None:
        self._db = db
        self._client = client
        # Posts are not retried blindly by the SDK: only a 429 surely means "not posted". After any other
        # failure the dispatcher first looks for the message (by its outbox key in the message metadata).
        self._post_client = AsyncWebClient(
            token=client.token,
            base_url=client.base_url,
            timeout=client.timeout,
            session=client.session,
            retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=8)],
        )
        self._clock = clock
        self.renderers = renderers or Renderers()
        self._pacing = pacing
        self._max_lanes = max_lanes
        self._sending = asyncio.Semaphore(max_in_flight)  # Slack calls at once; a paced lane mostly sleeps
        self._backoff = backoff
        self._max_backoff = max_backoff
        self._max_attempts = max_attempts
        self._lanes: dict[str, asyncio.Task[None]] = {}
        self._sent: asyncio.Queue[tuple[int, str | None, str | None, asyncio.Future[None]]] = asyncio.Queue()
        self._recorder: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._stopping = False
        self._loop_task: asyncio.Task[None] | None = None
        self.resends_prevented = 0  # posts a crash left in flight that Slack already had
        self.on_next_wake: Any = None  # callable(datetime | None), set by the scheduler wiring
        db.on_commit(outbox_repo.TOPIC, self.wake)

    def wake(self) -> None:
        """Look for due rows now (called after commits that planned messages, and by the scheduler)."""
        self._wake.set()

    def start(self) -> None:
        self._stopping = False
        self._loop_task = asyncio.create_task(self._run(), name="outbox-dispatcher")

    async def stop(self, timeout: float = 10.0) -> None:
        """Let lanes finish the message in hand, then stop."""
        self._stopping = True
        self.wake()
        lanes = list(self._lanes.values())
        if lanes:
            _, pending = await asyncio.wait(lanes, timeout=timeout)
            for task in pending:
                task.cancel()
        if self._recorder is not None and not self._recorder.done():
            await asyncio.wait({self._recorder}, timeout=timeout)
        if self._loop_task is not None:
            self._loop_task.cancel()
            with suppress(asyncio.CancelledError):
                await self._loop_task
            self._loop_task = None

    async def recover(self) -> int:
        """Return rows a crash left in flight to the queue. Returns how many there were.

        Slack may already have such a row's message. Before a post is sent again, its conversation's
        recent history is searched for the outbox key the post carries in its metadata (see
        `_already_posted`); found, it is recorded as sent instead. Updates and deletes are safe to
        repeat (a delete Slack already did is done, not failed). Uploads (files_upload_v2) cannot carry
        metadata, so a recovered upload is sent again.
        """
        async with self._db.transaction() as tx:
            items = await outbox_repo.recover_in_flight(tx)
        for item in items:
            if item.kind is OutboxKind.POST:
                log.warning("outbox %s was in flight at the last stop; Slack's history is checked before "
                            "it is sent again", item.key)  # fmt: skip
            else:
                log.warning("outbox %s was in flight at the last stop; it will be sent again", item.key)
        return len(items)

    async def run_until_idle(self) -> None:
        """Send everything sendable now, and return when nothing more is (tests and one-shot tools)."""
        while True:
            await self._fill_lanes()
            if not self._lanes:
                return
            await asyncio.gather(*list(self._lanes.values()), return_exceptions=True)

    async def _run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            try:
                await self._fill_lanes()
                if self.on_next_wake is not None:
                    self.on_next_wake(await outbox_repo.next_wake_at(self._db.reader))
            except Exception as error:
                log.error("dispatcher pass failed (%s); retrying shortly", describe_exception(error))
                await asyncio.sleep(1)
                continue
            await self._wake.wait()

    async def _fill_lanes(self) -> None:
        """Claim the first due row of idle targets in one statement, and start a lane for each."""
        room = self._max_lanes - len(self._lanes)
        if room <= 0 or self._stopping:
            return
        async with self._db.transaction() as tx:
            heads = await outbox_repo.claim_ready_heads(tx, self._clock.now(), room, self._lanes.keys())
        for item in heads:
            self._lanes[item.target] = asyncio.create_task(self._lane(item.target, item), name=f"lane-{item.target}")

    async def _lane(self, target: str, first: OutboxItem | None = None) -> None:
        item = first
        try:
            while not self._stopping or item is not None:
                if item is None:
                    async with self._db.transaction() as tx:
                        item = await outbox_repo.claim_head(tx, target, self._clock.now())
                if item is None:
                    return
                sent = await self._deliver(item)
                item = None
                if sent and self._pacing > 0:
                    # counted from the answer, so Slack never sees two posts closer than `pacing`
                    await asyncio.sleep(self._pacing)
        except Exception as error:
            log.error("outbox lane %s failed: %s", target, describe_exception(error))
            if item is not None:  # give the claimed row back rather than leave it "sending" until a restart
                reason = item.last_error if item.last_error == outbox_repo.IN_FLIGHT_AT_STOP else "lane_error"
                with suppress(Exception):
                    async with self._db.transaction() as tx:
                        await outbox_repo.mark_retry(tx, item.id, reason, self._clock.now() + self._backoff,
                                                     attempted=False)  # fmt: skip
        finally:
            self._lanes.pop(target, None)
            self.wake()

    async def _deliver(self, item: OutboxItem) -> bool:
        """Send one claimed row and record the outcome. True when Slack was called."""
        now = self._clock.now()
        if item.kind is OutboxKind.POST and item.last_error == outbox_repo.IN_FLIGHT_AT_STOP:
            # before the stale check: a post Slack already has is recorded as sent, never skipped
            found = await self._already_posted(item, now)
            if found is None:  # could not tell yet (Slack or the network failing): asked again later
                return True
            if found:
                return True
        if item.stale_at is not None and now >= item.stale_at:
            await self._finish(item, OutboxState.SKIPPED, "stale: its moment passed while echobot was down")
            log.info("skipped stale outbox %s (due %s)", item.key, item.due_at.isoformat())
            return False
        if item.kind is OutboxKind.JOB:
            await self._run_job(item, now)
            return False
        ready, parent = await self._parent_of(item, now)
        if not ready:
            return False
        message = await self._message_of(item, now)
        if message is None:
            return False
        try:
            async with self._sending:
                channel, ts = await self._send(item, parent, message)
        except SlackApiError as error:
            code = slack_error_code(error)
            if (item.kind is OutboxKind.DELETE and code == "message_not_found"
                    and item.last_error == outbox_repo.IN_FLIGHT_AT_STOP):  # fmt: skip
                # the delete in flight at the crash went through: done, not failed
                await self._record_sent(item.id, parent.slack_channel if parent else None,
                                        parent.slack_ts if parent else None)  # fmt: skip
                return True
            await self._failed(item, code, transient=code in TRANSIENT_ERRORS or code.startswith("http_5"),
                               permanent=code in PERMANENT_ERRORS)  # fmt: skip
            return True
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            await self._failed(item, type(error).__name__, transient=True)
            return True
        try:
            await self._record_sent(item.id, channel, ts)
        except Exception as error:
            # Slack has the message: never send it again from here. The row stays "sending" and is checked
            # at the next start (see recover()).
            log.error("outbox %s was sent but could not be recorded: %s", item.key, describe_exception(error))
        return True

    async def _already_posted(self, item: OutboxItem, now: datetime) -> bool | None:
        """For a post a crash left in flight: True when Slack already has it (then recorded as sent with
        Slack's ts), False when it must be sent, None when Slack could not be asked (the row waits).

        Looks for the row's key in the metadata of the conversation's messages since the row could first
        have been sent (a thread reply: in its thread), newest first, a bounded number of pages. Without
        the history scopes (missing_scope, not_in_channel and the like) it warns and lets the post go.
        """
        try:
            found = await self._find_in_history(item)
        except SlackApiError as error:
            code = slack_error_code(error)
            if code in TRANSIENT_ERRORS or code.startswith("http_5"):
                await self._look_again_later(item, now, code)
                return None
            log.warning("cannot look for outbox %s in Slack's history (%s): sending it again, so it may show "
                        "twice", item.key, code)  # fmt: skip
            await self._forget_in_flight(item)
            return False
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            await self._look_again_later(item, now, type(error).__name__)
            return None
        if found is None:
            await self._forget_in_flight(item)
            return False
        channel, ts = found
        await self._record_sent(item.id, channel, ts)
        self.resends_prevented += 1
        log.warning("outbox %s was already in Slack (ts %s): recorded as sent, not sent again", item.key, ts)
        return True

    async def _find_in_history(self, item: OutboxItem, *, take_slot: bool = True) -> tuple[str, str] | None:
        """(channel, ts) of the message carrying `item.key` in its metadata, or None."""
        oldest = f"{(earliest_send(item) - HISTORY_SKEW).timestamp():.6f}"
        thread_ts: str | None = None
        channel = item.target
        if item.parent_key is not None:
            parent = await outbox_repo.get(self._db.reader, item.parent_key)
            if parent is None or parent.state is not OutboxState.SENT or parent.slack_ts is None:
                return None  # a reply needs its parent's ts: without it, it was never sent
            channel, thread_ts = parent.slack_channel or parent.target, parent.slack_ts
        if channel[:1] in ("U", "W"):  # a direct message: its conversation id comes from conversations.open
            opened = await self._client.conversations_open(users=channel)
            channel = str((opened.get("channel") or {}).get("id") or channel)
        cursor: str | None = None
        for _ in range(HISTORY_PAGES):
            async with self._sending if take_slot else nullcontext():
                if thread_ts is None:
                    page = await self._client.conversations_history(
                        channel=channel, oldest=oldest, limit=HISTORY_PAGE_SIZE, include_all_metadata=True,
                        cursor=cursor,
                    )  # fmt: skip
                else:
                    page = await self._client.conversations_replies(
                        channel=channel, ts=thread_ts, oldest=oldest, limit=HISTORY_PAGE_SIZE,
                        include_all_metadata=True, cursor=cursor,
                    )  # fmt: skip
            for message in page.get("messages") or []:
                if carries_key(message, item.key):
                    return channel, str(message["ts"])
            cursor = str((page.get("response_metadata") or {}).get("next_cursor") or "") or None
            if not page.get("has_more") or cursor is None:
                break
        return None

    async def _look_again_later(self, item: OutboxItem, now: datetime, error: str) -> None:
        """Slack could not be asked: keep the row marked, and ask again after the back-off."""
        log.warning("outbox %s: cannot look in Slack's history yet (%s); asking again later", item.key, error)
        async with self._db.transaction() as tx:
            await outbox_repo.mark_retry(tx, item.id, outbox_repo.IN_FLIGHT_AT_STOP, now + self._backoff,
                                         attempted=False)  # fmt: skip

    async def _forget_in_flight(self, item: OutboxItem) -> None:
        """Slack has not got it (or cannot say): from now on the row is sent like any other."""
        async with self._db.transaction() as tx:
            await outbox_repo.clear_error(tx, item.id)
        item.last_error = None

    async def _record_sent(self, item_id: int, channel: str | None, ts: str | None) -> None:
        """Record a send, together with any others completing at the same moment (one transaction); return
        once it is committed, so the lane's next claim and any reply to this message see it."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        await self._sent.put((item_id, channel, ts, done))
        if self._recorder is None or self._recorder.done():
            self._recorder = asyncio.create_task(self._record_batches(), name="outbox-recorder")
        await done

    async def _record_batches(self) -> None:
        while not self._sent.empty():
            batch = [self._sent.get_nowait() for _ in range(self._sent.qsize())]
            error: Exception | None = None
            for attempt in range(3):  # a busy database gets a few chances
                try:
                    async with self._db.transaction() as tx:
                        await outbox_repo.mark_many_sent(tx, [(i, c, t) for i, c, t, _ in batch], self._clock.now())
                    error = None
                    break
                except Exception as failure:
                    error = failure
                    await asyncio.sleep(0.2 * (attempt + 1))
            for *_, done in batch:
                if done.done():  # its lane was cancelled (stop): nothing waits
                    continue
                if error is None:
                    done.set_result(None)
                else:
                    done.set_exception(error)

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
            await self._finish(item, OutboxState.FAILED, "the message it belongs to was never sent")
            return False, None
        async with self._db.transaction() as tx:
            await outbox_repo.mark_retry(
                tx, item.id, "waiting for the message it belongs to", now + timedelta(seconds=1), attempted=False
            )
        return False, None

    async def _message_of(self, item: OutboxItem, now: datetime) -> Message | None:
        """The row's message, rendered now when it has a render spec; None when it is not to be sent."""
        if item.render is None:
            return item.message
        renderer = self.renderers.messages.get(item.render.name)
        if renderer is None:
            await self._finish(item, OutboxState.FAILED, f"no renderer named {item.render.name!r}")
            log.error("outbox %s: no renderer named %r", item.key, item.render.name)
            return None
        try:
            message = await renderer(self._db.reader, item.render.args, now)
        except Exception as error:
            log.error("outbox %s: rendering failed: %s", item.key, describe_exception(error))
            await self._failed(item, "render_error")
            return None
        if message is None:
            await self._finish(item, OutboxState.SKIPPED, "no longer applies")
        return message

    async def _run_job(self, item: OutboxItem, now: datetime) -> None:
        name = item.render.name if item.render else ""
        runner = self.renderers.jobs.get(name)
        if runner is None:
            await self._finish(item, OutboxState.FAILED, f"no job named {name!r}")
            log.error("outbox %s: no job named %r", item.key, name)
            return
        assert item.render is not None
        try:
            async with self._db.transaction() as tx:
                await runner(tx, item.render.args, now)
                await outbox_repo.mark_sent(tx, item.id, None, None, now)
        except Exception as error:
            log.error("outbox %s: job failed: %s", item.key, describe_exception(error))
            await self._failed(item, "job_error")

    async def _send(
        self, item: OutboxItem, parent: OutboxItem | None, message: Message
    ) -> tuple[str | None, str | None]:
        blocks = message.blocks or None
        if item.kind is OutboxKind.POST:
            return await self._post(item, parent, message)
        if item.kind is OutboxKind.UPLOAD:
            return await self._upload(item, parent, message)
        if parent is None or parent.slack_ts is None:
            raise ValueError(f"outbox {item.key}: {item.kind} needs a sent parent message")
        if item.kind is OutboxKind.UPDATE:
            response = await self._client.chat_update(
                channel=parent.slack_channel or parent.target, ts=parent.slack_ts, text=message.text, blocks=blocks
            )
            return response.get("channel"), response.get("ts")
        await self._client.chat_delete(channel=parent.slack_channel or parent.target, ts=parent.slack_ts)
        return parent.slack_channel, parent.slack_ts

    async def _post(
        self, item: OutboxItem, parent: OutboxItem | None, message: Message
    ) -> tuple[str | None, str | None]:
        """Post once: when an attempt may have reached Slack without an answer, look before posting again."""
        channel = (parent.slack_channel or item.target) if parent else item.target
        thread_ts = parent.slack_ts if parent else None
        uncertain = item.attempts > 0  # an earlier try may have landed (one left in flight by a crash was looked for)
        for attempt in range(POST_TRIES):
            if uncertain:
                found = await self._find_posted(item)
                if found is not None:
                    log.info("outbox %s was posted although Slack's answer was lost; not posting again", item.key)
                    return found
            try:
                response = await self._post_client.chat_postMessage(
                    channel=channel,
                    thread_ts=thread_ts,
                    text=message.text,
                    blocks=message.blocks or None,
                    unfurl_links=message.unfurl_links,
                    unfurl_media=False,
                    metadata={"event_type": METADATA_EVENT, "event_payload": {"key": item.key}},
                )
                return response.get("channel"), response.get("ts")
            except SlackApiError as error:
                code = slack_error_code(error)
                if not code.startswith("http_5") or attempt == POST_TRIES - 1:
                    raise
            except (aiohttp.ClientError, TimeoutError, OSError):
                if attempt == POST_TRIES - 1:
                    raise
            uncertain = True
            await asyncio.sleep(0.2 * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _find_posted(self, item: OutboxItem) -> tuple[str, str] | None:
        """(channel, ts) of the post when Slack already has it although its answer was lost.

        When Slack cannot say (no history scope, or a public channel echobot posts to but is not in), the
        answer is "not there": a message possibly doubled is better than one dropped. Transient errors
        propagate (the row backs off). Called holding a slot for Slack calls, so it takes none of its own.
        """
        try:
            return await self._find_in_history(item, take_slot=False)
        except SlackApiError as error:
            code = slack_error_code(error)
            if code in TRANSIENT_ERRORS or code.startswith("http_5"):
                raise
            log.warning("outbox %s: cannot look for an earlier post (%s); posting", item.key, code)
            return None

    async def _upload(
        self, item: OutboxItem, parent: OutboxItem | None, message: Message
    ) -> tuple[str | None, str | None]:
        """A file into the conversation of the message it goes beside (a DM's channel is known only once
        that message is sent), or into the row's own channel."""
        if message.file is None:
            raise ValueError(f"outbox {item.key}: an upload needs a file")
        channel = (parent.slack_channel if parent else None) or item.target
        # without the SDK's own retries on 5xx and lost connections, which would complete the upload again
        await self._post_client.files_upload_v2(
            channel=channel,
            content=message.file.content,
            filename=message.file.filename,
            title=message.file.title,
            alt_txt=message.file.alt_text or None,
            initial_comment=message.text or None,
        )
        return channel, None

    async def _failed(self, item: OutboxItem, error: str, *, transient: bool = False, permanent: bool = False) -> None:
        """A permanent error ends the row at once. A transient one (rate limits, Slack outages, the network, a
        token being replaced) backs off, up to every 10 minutes, for as long as it takes: delayed, never
        dropped (a row that goes stale meanwhile is skipped). Anything else (a channel echobot is not in, a
        failing renderer) is tried a bounded number of times, so one bad row cannot hold its channel forever."""
        attempts = item.attempts + 1
        if not permanent and (transient or attempts < self._max_attempts):
            delay = min(self._backoff * (2 ** min(attempts - 1, 10)), self._max_backoff)
            async with self._db.transaction() as tx:
                await outbox_repo.mark_retry(tx, item.id, error, self._clock.now() + delay, attempted=True)
            log.warning("outbox %s: %s (attempt %d); retrying in %s", item.key, error, attempts, delay)
            return
        await self._finish(item, OutboxState.FAILED, error, attempted=True)
        log.error("outbox %s: gave up after %d attempt(s): %s", item.key, attempts, error)

    async def _finish(self, item: OutboxItem, state: OutboxState, reason: str, *, attempted: bool = False) -> None:
        async with self._db.transaction() as tx:
            await outbox_repo.mark_final(tx, item.id, state, reason, attempted=attempted)
