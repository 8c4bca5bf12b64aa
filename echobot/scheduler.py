"""APScheduler wiring. It holds no state of its own: it only wakes the dispatcher at the next
due time and runs periodic housekeeping. What is due lives in the database."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from echobot.dispatcher import Dispatcher
from echobot.logs import describe_exception

log = logging.getLogger(__name__)

WAKE_JOB = "outbox-wake"
POLL_JOB = "outbox-poll"


def build_scheduler() -> AsyncIOScheduler:
    """An in-memory scheduler on UTC; start it inside the running event loop."""
    return AsyncIOScheduler(
        timezone=UTC, job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600}
    )


def wire_dispatcher(scheduler: AsyncIOScheduler, dispatcher: Dispatcher, poll_seconds: float = 60) -> None:
    """Wake the dispatcher at the next due time, and poll now and then as a safety net."""

    def next_wake(moment: datetime | None) -> None:
        if moment is None:
            if scheduler.get_job(WAKE_JOB):
                scheduler.remove_job(WAKE_JOB)
            return
        # APScheduler fires on the wall clock, so the floor is wall-clock time, not the injected clock.
        soonest = datetime.now(UTC) + timedelta(milliseconds=50)
        scheduler.add_job(dispatcher.wake, "date", run_date=max(moment, soonest), id=WAKE_JOB, replace_existing=True)

    dispatcher.on_next_wake = next_wake
    scheduler.add_job(dispatcher.wake, "interval", seconds=poll_seconds, id=POLL_JOB, replace_existing=True)


Claim = Callable[[str, timedelta], Awaitable[bool]]


def add_periodic(
    scheduler: AsyncIOScheduler, job_id: str, func: Callable[[], Awaitable[object]], every: timedelta,
    claim: Claim | None = None,
) -> None:  # fmt: skip
    """A housekeeping job that logs and survives its own failures. With `claim` (several processes on one
    database), each process looks four times a period and the job runs only when `claim` grants this process
    the period, so it runs about once per period whichever processes are alive."""

    async def run() -> None:
        try:
            if claim is None or await claim(job_id, every):
                await func()
        except Exception as error:
            log.error("periodic job %s failed: %s", job_id, describe_exception(error))

    interval = every / 4 if claim is not None else every
    scheduler.add_job(run, "interval", seconds=interval.total_seconds(), id=job_id, replace_existing=True)
