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
restarts. When several processes share the database (PostgreSQL behind a load balancer, which may send
the copies of one request to different processes), the memory of event deliveries (the requests Slack
itself retries, possibly to another process) is also kept there (SharedAnswers); commands, clicks and
submissions, which Slack never retries, are made idempotent by their natural keys and view ids, and a
shared memory for them cost 4.7 times the CPU of an ack on PostgreSQL (measured with bench/ack_latency.py).
The first process to claim a request runs it and records its answer; a copy reaching another process waits
for that answer, or, when the claim is older than `takeover` seconds with no answer (its process died),
runs the request itself.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.signature import SignatureVerifier

from echobot.clock import Clock
from echobot.storage import Database, shared
from echobot.storage.codec import from_db

Dispatch = Callable[[AsyncBoltRequest], Awaitable[BoltResponse]]
FRESHNESS = 5 * 60  # seconds a Slack signature stays valid


@dataclass
class _Entry:
    answer: asyncio.Future[BoltResponse]
    expires: float


def _is_event(request: AsyncBoltRequest) -> bool:
    """An Events API delivery: the only kind Slack itself delivers again (retries), possibly to another process."""
    body = request.body if isinstance(request.body, dict) else {}
    return body.get("type") == "event_callback"


class SharedAnswers:
    """The replay memory across processes, in the database (see the module's docstring)."""

    def __init__(self, db: Database, clock: Clock, *, takeover: float = 5.0, poll: float = 0.05) -> None:
        self._db = db
        self._clock = clock
        self._takeover = takeover
        self._poll = poll
        self._writes: set[asyncio.Task[None]] = set()
        self.waited = 0  # copies answered with another process's answer

    async def once(self, key: str, request: AsyncBoltRequest, run: Dispatch) -> BoltResponse:
        while True:
            async with self._db.single() as tx:
                first = await shared.claim_request(tx, key, self._db.process, self._clock.now())
            if first:
                return await self._run(key, request, run)
            outcome = await self._wait(key)
            if isinstance(outcome, BoltResponse):
                return outcome
            if outcome is not None and await self._take_over(key, outcome):
                return await self._run(key, request, run)
            # released after a failure, or taken over by another process: look again

    async def _take_over(self, key: str, given_up: shared.Claim) -> bool:
        async with self._db.single() as tx:
            return await shared.take_over_request(tx, key, self._db.process, self._clock.now(), given_up)

    async def _wait(self, key: str) -> BoltResponse | shared.Claim | None:
        """Another process's answer; or its claim, when that is `takeover` seconds old or has not changed
        for as long while we waited (its process is presumed dead); or None when the claim was released."""
        seen: shared.Claim | None = None
        since = time.monotonic()
        while True:
            claim = await shared.request_claim(self._db.reader, key)
            if claim is None:
                return None
            if claim.answer is not None:
                self.waited += 1
                kind = claim.answer.content_type
                headers: dict[str, str | Sequence[str]] = {"content-type": kind} if kind else {}
                return BoltResponse(status=claim.answer.status, body=claim.answer.body, headers=headers)
            if claim != seen:
                seen, since = claim, time.monotonic()
            stuck = time.monotonic() - since >= self._takeover
            if stuck or from_db(claim.claimed_at) < self._clock.now() - timedelta(seconds=self._takeover):
                return claim
            await asyncio.sleep(self._poll)  # real time: the other process runs on the wall clock

    async def _run(self, key: str, request: AsyncBoltRequest, run: Dispatch) -> BoltResponse:
        try:
            response = await run(request)
        except BaseException:
            await asyncio.shield(self._release(key))
            raise
        if response.status >= 500:
            await self._release(key)
        else:
            content_type = next(iter(response.headers.get("content-type") or []), None)
            body = response.body if isinstance(response.body, str) else ""
            self._later(shared.Answer(response.status, body, content_type), key)
        return response

    def _later(self, answer: shared.Answer, key: str) -> None:
        """Record the answer after the ack has gone (a copy waiting for it polls)."""

        async def write() -> None:
            async with self._db.single() as tx:
                await shared.record_answer(tx, key, self._db.process, answer)

        task = asyncio.create_task(write())
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)

    async def _release(self, key: str) -> None:
        async with self._db.single() as tx:
            await shared.release_request(tx, key, self._db.process)

    async def forget_old(self) -> int:
        """Drop answers no valid signature could ask for again (a periodic job)."""
        async with self._db.single() as tx:
            return await shared.forget_requests_before(tx, self._clock.now() - timedelta(seconds=FRESHNESS + 60))

    async def flush(self) -> None:
        """Wait for answers still being written (before stopping)."""
        if self._writes:
            await asyncio.gather(*self._writes, return_exceptions=True)


class ReplayGuard:
    """Single-flight and a bounded memory of answers, keyed by the hash of a signed request's body."""

    def __init__(
        self, signing_secret: str | None, *, ttl: float = FRESHNESS + 60, max_entries: int = 50_000,
        shared_answers: SharedAnswers | None = None,
    ) -> None:  # fmt: skip
        self.shared = shared_answers
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
            if self.shared is not None and _is_event(request):
                response = await self.shared.once(key, request, run)
            else:
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
