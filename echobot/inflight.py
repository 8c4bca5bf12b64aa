"""Counts Bolt listeners still running, so shutdown (and tests) can wait for them to finish."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from slack_bolt.listener.async_listener_completion_handler import AsyncListenerCompletionHandler
from slack_bolt.listener.async_listener_start_handler import AsyncListenerStartHandler
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from echobot.logs import describe_exception

log = logging.getLogger(__name__)


class InFlight:
    """Listeners still running and work they started after acking Slack."""

    def __init__(self) -> None:
        self.count = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, work: Coroutine[Any, Any, Any], name: str) -> None:
        """Run `work` after the ack has gone back to Slack; counted until it ends."""
        self.begin()
        task = asyncio.create_task(work, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        self.end()
        if not task.cancelled() and (error := task.exception()) is not None:
            log.error("background work %s failed with %s", task.get_name(), describe_exception(error))

    def begin(self) -> None:
        self.count += 1
        self._idle.clear()

    def end(self) -> None:
        self.count = max(0, self.count - 1)
        if self.count == 0:
            self._idle.set()

    async def wait_idle(self, timeout: float | None = None) -> bool:
        """True when every listener finished within `timeout` seconds."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True


class _Start(AsyncListenerStartHandler):
    def __init__(self, inflight: InFlight) -> None:
        self._inflight = inflight

    async def handle(self, request: AsyncBoltRequest, response: BoltResponse | None) -> None:
        self._inflight.begin()


class _Completion(AsyncListenerCompletionHandler):
    def __init__(self, inflight: InFlight) -> None:
        self._inflight = inflight

    async def handle(self, request: AsyncBoltRequest, response: BoltResponse | None) -> None:
        self._inflight.end()


def track(app: object, inflight: InFlight) -> None:
    """Hook the counter into a Bolt AsyncApp's listener runner."""
    runner = app.listener_runner  # type: ignore[attr-defined]
    runner.listener_start_handler = _Start(inflight)
    runner.listener_completion_handler = _Completion(inflight)
