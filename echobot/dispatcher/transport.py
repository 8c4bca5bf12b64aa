"""The Slack side of sending an outbox row: post, update, delete, upload; looking a post up in Slack's
history by the outbox key it carries; and which Slack errors are worth waiting out."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from echobot.models import Message, OutboxItem, OutboxKind, OutboxState
from echobot.slack_client import NETWORK_ERRORS, OnRetry, Sleep, rate_limit_retries, slack_error_code
from echobot.slack_files import read_to_share
from echobot.storage import Reader
from echobot.storage import outbox as outbox_repo

log = logging.getLogger(__name__)
# what may stop echobot reading a shared file's link (the upload itself done by then)
_LINK_ERRORS: tuple[type[BaseException], ...] = (SlackApiError, KeyError, *NETWORK_ERRORS)

METADATA_EVENT = "echobot_outbox"

# The (client, posting client) of the hub whose row the running task sends (SlackTransport.using); unset: the one.
_hub_clients: ContextVar[tuple[AsyncWebClient, AsyncWebClient] | None] = ContextVar("hub_clients", default=None)

# Errors that mean "later": retried with back-off for as long as the row is not stale. Delayed, never dropped.
TRANSIENT_ERRORS = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
     "team_added_to_org", "token_expired"}
)  # fmt: skip
# Errors that no retry will cure: give up on the first one. `msg_blocks_too_long` (more than about 12,000
# characters in a message's blocks) is in no published list but is what Slack answers.
PERMANENT_ERRORS = frozenset(
    {"invalid_blocks", "invalid_blocks_format", "msg_too_long", "msg_blocks_too_long", "no_text",
     "invalid_arguments", "invalid_metadata_format", "invalid_metadata_schema", "metadata_too_large",
     "too_many_attachments", "invalid_attachments", "user_not_found", "cannot_dm_bot", "message_not_found",
     "cant_update_message", "cant_delete_message", "edit_window_closed", "is_archived", "channel_not_found",
     "restricted_action", "restricted_action_read_only_channel", "restricted_action_thread_only_channel",
     "restricted_action_non_threadable_channel", "thread_not_found", "as_user_not_supported",
     "file_not_found", "file_deleted", "file_too_large", "invalid_file_url"}
)  # fmt: skip
# Any other code is neither: tried a few times (the recorder's `max_attempts`, about a minute in all), then
# given up, so that one row cannot hold its channel's lane for long.

# Looking in Slack's history for a post that may have landed: how far back before the row could first have
# been sent (Slack's clock and ours may differ), and how many pages of how many messages at most.
HISTORY_SKEW = timedelta(minutes=5)
HISTORY_PAGES = 5
HISTORY_PAGE_SIZE = 200
# A post whose answer did not come back (a timeout, a dropped connection, a 5xx) may or may not be in Slack:
# before posting it again, the transport looks for it. Tries at once (as the SDK would), then backs off.
POST_TRIES = 5
# The SDK's retries a hub's client goes without (PacedRetry reasons): Slack's limits and outages are per workspace.
_WORKSPACE_WIDE = frozenset({"rate_limited", "server_error"})


def is_transient(code: str) -> bool:
    """Whether a Slack error code means "later" (rate limits, outages, a token being replaced, a 5xx page)."""
    return code in TRANSIENT_ERRORS or code.startswith("http_5")


RATE_LIMITED = frozenset({"ratelimited", "rate_limited"})
SERVER_ERRORS = frozenset({"internal_error", "fatal_error", "service_unavailable"})  # Slack's own outages


def workspace_wait(error: SlackApiError) -> float | None:
    """Seconds Slack asked the whole workspace to wait for this method (a 429's Retry-After, at least 1), or
    None when the error was not a rate limit."""
    response = error.response
    if getattr(response, "status_code", None) != 429 and slack_error_code(error) not in RATE_LIMITED:
        return None
    headers = getattr(response, "headers", None) or {}
    header = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    try:
        return max(1.0, float(header[0] if isinstance(header, list) else header)) if header else 1.0
    except ValueError:
        return 1.0


def is_permanent(code: str) -> bool:
    """Whether no retry will cure this Slack error."""
    return code in PERMANENT_ERRORS


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


class SlackTransport:
    """Slack calls for outbox rows, at most `max_in_flight` at once. Raises SlackApiError or one of
    NETWORK_ERRORS; what to do about them is the dispatcher's."""

    def __init__(
        self, client: AsyncWebClient, reader: Reader, *, sleep: Sleep, max_in_flight: int = 32,
        on_retry: OnRetry | None = None,
    ) -> None:  # fmt: skip
        self._default = (client, self._posting(client, sleep, on_retry))
        # a hub's token: (its client, (that client for calls, for posts) without the SDK's workspace-wide retries)
        self._by_token: dict[str | None, tuple[AsyncWebClient, tuple[AsyncWebClient, AsyncWebClient]]] = {}
        self._reader = reader
        self._sleep = sleep
        self.slots = asyncio.Semaphore(max_in_flight)  # Slack calls at once; a paced lane mostly sleeps

    @staticmethod
    def _posting(client: AsyncWebClient, sleep: Sleep, on_retry: OnRetry | None) -> AsyncWebClient:
        """Posts are not retried blindly by the SDK: only a 429 surely means "not posted". After any other
        failure the transport first looks for the message (by its outbox key in the message metadata)."""
        return AsyncWebClient(
            token=client.token, base_url=client.base_url, timeout=client.timeout, session=client.session,
            retry_handlers=rate_limit_retries(sleep, on_retry),
        )  # fmt: skip

    @contextmanager
    def using(self, client: AsyncWebClient) -> Iterator[None]:
        """Send with `client` (a hub's bot token) inside the block; a context variable, so each lane's task
        sends with its own row's hub token while others send with theirs. A hub's 429s and 5xx answers are not
        waited out inside the call: they reach the dispatcher, which backs that hub off (per workspace, in the
        database) while the other hubs' rows go on."""
        known = self._by_token.get(client.token)
        if known is None or known[0] is not client:
            handlers = [h for h in client.retry_handlers or [] if getattr(h, "reason", "") not in _WORKSPACE_WIDE]
            calls, posts = (AsyncWebClient(token=client.token, base_url=client.base_url, timeout=client.timeout,
                                           session=client.session, retry_handlers=kept)
                            for kept in (handlers, []))  # fmt: skip
            known = (client, (calls, posts))
            self._by_token[client.token] = known
        pair = known[1]
        token = _hub_clients.set(pair)
        try:
            yield
        finally:
            _hub_clients.reset(token)

    @property
    def _client(self) -> AsyncWebClient:
        return (_hub_clients.get() or self._default)[0]

    @property
    def _post_client(self) -> AsyncWebClient:
        return (_hub_clients.get() or self._default)[1]

    async def send(
        self, item: OutboxItem, parent: OutboxItem | None, message: Message
    ) -> tuple[str | None, str | None]:
        """Send one row's message; (channel, ts) of what Slack now has."""
        async with self.slots:
            if item.kind is OutboxKind.POST and message.ephemeral_to:
                return await self._ephemeral(item, parent, message)
            if item.kind is OutboxKind.POST:
                return await self._post(item, parent, message)
            if item.kind is OutboxKind.UPLOAD:
                return await self._upload(item, parent, message)
            if parent is None or parent.slack_ts is None:
                raise ValueError(f"outbox {item.key}: {item.kind} needs a sent parent message")
            channel = parent.slack_channel or parent.target
            if item.kind is OutboxKind.UPDATE:
                response = await self._client.chat_update(
                    channel=channel, ts=parent.slack_ts, text=message.text, blocks=message.blocks or None
                )
                return response.get("channel"), response.get("ts")
            await self._client.chat_delete(channel=channel, ts=parent.slack_ts)
            return parent.slack_channel, parent.slack_ts

    async def _ephemeral(
        self, item: OutboxItem, parent: OutboxItem | None, message: Message
    ) -> tuple[str | None, str | None]:
        """A post only one person sees (chat.postEphemeral): it leaves no history to look for, so one in doubt
        after a crash is sent again (seen twice at worst, never lost)."""
        channel = (parent.slack_channel or item.target) if parent else item.target
        response = await self._post_client.chat_postEphemeral(
            channel=channel, user=str(message.ephemeral_to), thread_ts=parent.slack_ts if parent else None,
            text=message.text, blocks=message.blocks or None,
        )  # fmt: skip
        return channel, response.get("message_ts")

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
                    channel=channel, thread_ts=thread_ts, text=message.text, blocks=message.blocks or None,
                    unfurl_links=message.unfurl_links, unfurl_media=False,
                    reply_broadcast=bool(thread_ts and message.broadcast) or None,
                    metadata={"event_type": METADATA_EVENT, "event_payload": {"key": item.key}},
                )  # fmt: skip
                return response.get("channel"), response.get("ts")
            except SlackApiError as error:
                if not slack_error_code(error).startswith("http_5") or attempt == POST_TRIES - 1:
                    raise
            except NETWORK_ERRORS:
                if attempt == POST_TRIES - 1:
                    raise
            uncertain = True
            await self._sleep(0.2 * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _find_posted(self, item: OutboxItem) -> tuple[str, str] | None:
        """(channel, ts) of the post when Slack already has it although its answer was lost.

        When Slack cannot say (no history scope, or a public channel echobot posts to but is not in), the
        answer is "not there": a message possibly doubled is better than one dropped. Transient errors
        propagate (the row backs off). Called holding a slot for Slack calls, so it takes none of its own.
        """
        try:
            return await self.find_in_history(item, take_slot=False)
        except SlackApiError as error:
            code = slack_error_code(error)
            if is_transient(code):
                raise
            log.warning("outbox %s: cannot look for an earlier post (%s); posting", item.key, code)
            return None

    async def find_in_history(self, item: OutboxItem, *, take_slot: bool = True) -> tuple[str, str] | None:
        """(channel, ts) of the message carrying `item.key` in its metadata, or None.

        Looks in the conversation's messages since the row could first have been sent (a thread reply: in
        its thread; a direct message: in the conversation conversations.open names), newest first, a bounded
        number of pages."""
        oldest = f"{(earliest_send(item) - HISTORY_SKEW).timestamp():.6f}"
        thread_ts: str | None = None
        channel = item.target
        if item.parent_key is not None:
            parent = await outbox_repo.get(self._reader, item.parent_key)
            if parent is None or parent.state is not OutboxState.SENT or parent.slack_ts is None:
                return None  # a reply needs its parent's ts: without it, it was never sent
            channel, thread_ts = parent.slack_channel or parent.target, parent.slack_ts
        if channel[:1] in ("U", "W"):
            opened = await self._client.conversations_open(users=channel)
            channel = str((opened.get("channel") or {}).get("id") or channel)
        cursor: str | None = None
        for _ in range(HISTORY_PAGES):
            slot: AbstractAsyncContextManager[Any] = self.slots if take_slot else nullcontext()
            async with slot:
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

    async def _upload(
        self, item: OutboxItem, parent: OutboxItem | None, message: Message
    ) -> tuple[str | None, str | None]:
        """A file into the conversation of the message it goes beside (a DM's channel is known only once
        that message is sent), or into the row's own channel."""
        file = message.file
        if file is None:
            raise ValueError(f"outbox {item.key}: an upload needs a file")
        channel = (parent.slack_channel if parent else None) or item.target
        content = await read_to_share(self._client, file.share_file_id) if file.share_file_id else file.content
        # without the SDK's own retries on 5xx and lost connections, which would complete the upload again
        response = await self._post_client.files_upload_v2(
            channel=channel,
            thread_ts=parent.slack_ts if parent and file.in_thread else None,
            content=content,
            filename=file.filename,
            title=file.title,
            alt_txt=file.alt_text or None,
            initial_comment=message.text or None,
        )
        if not file.share_file_id:
            return channel, None
        # a file shared again: what Slack now has is that copy, whose link (for everyone in the channel) stands
        # where a message's ts would
        # The upload is done: nothing below may fail the row (a retry would upload the file again), so a link that
        # cannot be read leaves the file's own link in place (services/materials.py falls back to it).
        completed = (response.get("files") or [{}])[0]
        if completed.get("permalink"):  # newer Slack answers with the whole file
            return channel, str(completed["permalink"])
        try:
            info = (await self._client.files_info(file=completed["id"])).get("file") or {}
        except _LINK_ERRORS as error:
            log.warning("outbox %s: slides shared, their link not read (%s)", item.key, type(error).__name__)
            return channel, None
        return channel, str(info.get("permalink") or "") or None
