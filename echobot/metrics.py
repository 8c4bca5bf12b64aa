"""Prometheus metrics (prometheus-client), one registry per running echobot, never the global one.

Requests and their ack latency by kind; Slack's 429s and the client's retries; outbox outcomes in this
process; the shared outbox by state and how late its oldest due row is (read from the database at scrape
time); lanes this process owns and lanes owned across all processes; lease take-overs.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from echobot.models import OutboxState
from echobot.storage import Reader
from echobot.storage import lanes as lanes_repo
from echobot.storage import outbox as outbox_repo

CONTENT_TYPE = CONTENT_TYPE_LATEST
KINDS = ("command", "action", "view_submission", "view_closed", "shortcut", "options", "event", "other")
_KIND_OF_TYPE = {
    "block_actions": "action", "interactive_message": "action", "view_submission": "view_submission",
    "view_closed": "view_closed", "shortcut": "shortcut", "message_action": "shortcut",
    "block_suggestion": "options", "dialog_suggestion": "options", "event_callback": "event",
    "url_verification": "event", "app_rate_limited": "event",
}  # fmt: skip
# Slack allows 3 s for an ack; the buckets are finer where echobot's acks are.
ACK_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0)


def request_kind(body: dict[str, Any]) -> str:
    """command, action, view_submission, view_closed, shortcut, options, event or other."""
    if body.get("command"):
        return "command"
    return _KIND_OF_TYPE.get(str(body.get("type") or ""), "other")


class Metrics:
    """The metrics of one running echobot."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.started = time.monotonic()
        r = self.registry
        self.acks = Histogram(
            "echobot_request_ack_seconds", "Slack requests by kind and the time to answer them (the _count is the "
            "number of requests)", ["kind"], buckets=ACK_BUCKETS, registry=r,
        )  # fmt: skip
        self.slack_rate_limited = Counter("echobot_slack_rate_limited", "429 answers from Slack's Web API", registry=r)
        self.slack_retries = Counter("echobot_slack_retries", "Slack Web API calls retried by the client, by reason "
                                     "(rate_limited, server_error, connection)", ["reason"], registry=r)  # fmt: skip
        self.outbox_outcomes = Counter("echobot_outbox_outcomes", "Outbox rows this process sent, put back to retry "
                                       "or ended, by outcome", ["outcome"], registry=r)  # fmt: skip
        self.outbox_rows = Gauge("echobot_outbox_rows", "Outbox rows in the shared database, by state",
                                 ["state"], registry=r)  # fmt: skip
        self.outbox_oldest = Gauge("echobot_outbox_oldest_pending_seconds", "How long the longest-waiting due "
                                   "pending row has waited (0 when none)", registry=r)  # fmt: skip
        self.lanes = Gauge("echobot_dispatcher_lanes", "Targets whose lane this process owns", registry=r)
        self.lanes_all = Gauge("echobot_dispatcher_lanes_all", "Lanes with a live lease, across all processes",
                               registry=r)  # fmt: skip
        self.in_flight = Gauge("echobot_requests_in_flight", "Listeners and their background work running", registry=r)
        self.lease_takeovers = Counter("echobot_outbox_lease_takeovers", "Outbox claims taken over from a process "
                                       "whose lease ran out", registry=r)  # fmt: skip
        for kind in KINDS:
            self.acks.labels(kind)
        for reason in ("rate_limited", "server_error", "connection"):
            self.slack_retries.labels(reason)
        for outcome in ("sent", "retry", "failed", "skipped"):
            self.outbox_outcomes.labels(outcome)

    @property
    def uptime(self) -> float:
        return time.monotonic() - self.started

    def slack_retry(self, reason: str) -> None:
        """The Slack client is about to retry a call (see slack_client.PacedRetry)."""
        self.slack_retries.labels(reason).inc()
        if reason == "rate_limited":
            self.slack_rate_limited.inc()

    def outbox_outcome(self, outcome: str) -> None:
        self.outbox_outcomes.labels(outcome).inc()

    def observe_requests(self, app: AsyncApp) -> None:
        """Time every request the app dispatches (HTTP and Socket Mode both go through async_dispatch):
        from the dispatch to the answer, by kind. One histogram observe per request."""
        dispatch = app.async_dispatch
        by_kind = {kind: self.acks.labels(kind) for kind in KINDS}  # looked up once, not per request

        async def observed(request: AsyncBoltRequest) -> BoltResponse:
            began = time.perf_counter()
            try:
                return await dispatch(request)
            finally:
                by_kind[request_kind(request.body)].observe(time.perf_counter() - began)

        app.async_dispatch = observed  # type: ignore[method-assign,assignment]

    async def queue(self, reader: Reader, now: datetime) -> dict[str, Any]:
        """The shared outbox: rows by state, the age of the oldest due pending row, and the lanes owned by all
        processes (also set as gauges)."""
        counts = await outbox_repo.counts(reader)
        lanes_owned = await lanes_repo.owned(reader, now)
        self.lanes_all.set(lanes_owned)
        oldest = await outbox_repo.oldest_pending_due(reader, now)
        age = max(0.0, (now - oldest).total_seconds()) if oldest is not None else None
        for state in OutboxState:
            self.outbox_rows.labels(state.value).set(counts.get(state.value, 0))
        self.outbox_oldest.set(age or 0.0)
        return {"counts": counts, "oldest_pending_seconds": age, "lanes_owned": lanes_owned}

    async def exposition(self, reader: Reader, now: datetime, lanes: int, in_flight: int) -> bytes:
        """The text format Prometheus scrapes, with the database gauges read now."""
        await self.queue(reader, now)
        self.lanes.set(lanes)
        self.in_flight.set(in_flight)
        return generate_latest(self.registry)
