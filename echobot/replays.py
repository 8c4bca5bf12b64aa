"""Identical Slack requests are handled once: a replay gets the first request's answer.

Slack retries an event delivery when the answer was slow, a network can deliver a request twice, and
anyone holding a signed request can send it again for as long as its signature is fresh (five
minutes). A request is identified by its raw body (it carries the trigger id, response URL, event id
and view id, so two different Slack requests never share one). The first of identical, validly signed
requests runs; those arriving while it runs wait for it and get its answer; those arriving later get
the remembered answer, until the signature of the replay could no longer be fresh. A first request
that failed is forgotten, so that Slack's own retry runs again.

Over Socket Mode there are no signatures: the connection is authenticated by the app token, so every
envelope is Slack's. A request is then identified by its payload (an envelope delivered again, with
the same envelope_id, or an event retried with a new one, carries the same payload); the memory lasts
as long as for signed requests.

Event deliveries are also remembered by event id in the database (handlers/events.py), across
restarts; this guard covers every kind of request, including commands, clicks and view submissions,
for one process.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.signature import SignatureVerifier

Dispatch = Callable[[AsyncBoltRequest], Awaitable[BoltResponse]]
FRESHNESS = 5 * 60  # seconds a Slack signature stays valid


@dataclass
class _Entry:
    answer: asyncio.Future[BoltResponse]
    expires: float


class ReplayGuard:
    """Single-flight and a bounded memory of answers, keyed by the hash of a signed request's body."""

    def __init__(self, signing_secret: str | None, *, ttl: float = FRESHNESS + 60, max_entries: int = 50_000) -> None:
        self._verifier = SignatureVerifier(signing_secret) if signing_secret else None
        self._ttl = ttl
        self._max = max_entries
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self.replays = 0  # answered from memory, for health figures and tests

    def signed(self, request: AsyncBoltRequest) -> bool:
        """True when the request carries a valid, fresh signature."""
        if self._verifier is None:
            return False
        headers = request.headers
        timestamp = next(iter(headers.get("x-slack-request-timestamp") or []), None)
        signature = next(iter(headers.get("x-slack-signature") or []), None)
        try:
            return self._verifier.is_valid(body=request.raw_body, timestamp=timestamp, signature=signature)
        except (TypeError, ValueError):
            return False

    def _key(self, request: AsyncBoltRequest, verified: bool) -> str | None:
        """The request's identity when it is validly signed (else it is refused; nothing is remembered), or,
        over Socket Mode (no signatures: the socket itself is authenticated by the app token), its payload.
        `verified`: the caller has already checked the signature with the same secret (echobot/web.py does)."""
        if request.mode == "socket_mode":
            payload = json.dumps(request.body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            return "socket:" + hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
        if self._verifier is None or not (verified or self.signed(request)):
            return None
        return hashlib.sha256(request.raw_body.encode("utf-8", "surrogatepass")).hexdigest()

    def _prune(self, now: float) -> None:
        while self._entries:
            key, entry = next(iter(self._entries.items()))
            if entry.expires > now and len(self._entries) <= self._max:
                break
            if not entry.answer.done() and len(self._entries) <= self._max:
                break
            self._entries.pop(key)

    async def dispatch(self, request: AsyncBoltRequest, run: Dispatch, *, verified: bool = False) -> BoltResponse:
        """Answer `request` with `run`, once per identical request. `verified`: its signature was checked
        already (then it is not checked a second time)."""
        key = self._key(request, verified)
        if key is None:
            return await run(request)
        now = time.monotonic()
        self._prune(now)
        entry = self._entries.get(key)
        if entry is not None and entry.expires > now:
            self.replays += 1
            return await asyncio.shield(entry.answer)
        answer: asyncio.Future[BoltResponse] = asyncio.get_running_loop().create_future()
        self._entries[key] = _Entry(answer, now + self._ttl)
        try:
            response = await run(request)
        except BaseException as error:
            self._entries.pop(key, None)
            if isinstance(error, Exception):
                answer.set_exception(error)
                answer.exception()  # retrieved: no "never retrieved" warning when nobody waited
            else:
                answer.cancel()
            raise
        if response.status >= 500:
            self._entries.pop(key, None)  # a failure is not remembered: Slack's retry runs again
        answer.set_result(response)
        return response
