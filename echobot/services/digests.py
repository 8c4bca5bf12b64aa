"""Coordinators' digests: a program's week in figures, weekly on the hub's day and time, and on demand.

A weekly digest is a job row per program and week (`digest:<program>:<local date>`), planned ahead
like reminders, so it is sent once across restarts; missed during downtime, it runs late (marked as
late) until the next week's is due, when it is stale and skipped. The job plans one message per
recipient and the chart beside it; both are rendered when sent, from the database.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from echobot import keys
from echobot.charts import Bar, attendance_chart
from echobot.clock import Clock
from echobot.models import Attachment, HubProfile, Message, OutboxKind, Person, Program, Render
from echobot.renderers import Renderers
from echobot.reports import Digest, SeriesResult, SurveyComparison
from echobot.schedule import to_utc
from echobot.services.hubs import Hubs
from echobot.services.programs import Programs
from echobot.services.sessions import Agenda, Sessions
from echobot.settings import WEEKDAYS
from echobot.storage import Database, Reader, Tx, audit, flags, outbox
from echobot.storage import coordinators as coordinators_repo
from echobot.storage import digests as digests_repo
from echobot.storage import library as library_repo
from echobot.storage import programs as programs_repo
from echobot.storage import series as series_repo
from echobot.storage import sessions as sessions_repo
from echobot.views.blocks import escape
from echobot.views.digests import chart_comment, digest_message

PERIOD = timedelta(days=7)
LATE_AFTER = timedelta(minutes=15)  # sent later than this after its moment: marked as late
TREND_SESSIONS = 12


@dataclass(frozen=True)
class DigestSchedule:
    """When weekly digests go out: a day of the week and a local time in the hub's zone."""

    zone: ZoneInfo
    weekday: int  # Monday is 0
    at: time

    def last(self, now: datetime) -> datetime:
        """The most recent digest moment at or before `now` (UTC), on local wall-clock time."""
        local = now.astimezone(self.zone)
        day = local.date() - timedelta(days=(local.weekday() - self.weekday) % 7)
        moment = to_utc(datetime.combine(day, self.at), self.zone)
        return moment if moment <= now else to_utc(datetime.combine(day - PERIOD, self.at), self.zone)

    def following(self, moment: datetime) -> datetime:
        """The digest moment one week after `moment` (the same local time across a DST change)."""
        return to_utc(datetime.combine(self.local_day(moment) + PERIOD, self.at), self.zone)

    def previous(self, moment: datetime) -> datetime:
        """The digest moment one week before `moment`: a week is 167 or 169 hours across a DST change."""
        return to_utc(datetime.combine(self.local_day(moment) - PERIOD, self.at), self.zone)

    def is_moment(self, moment: datetime) -> bool:
        """Whether `moment` is one of this schedule's (not one planned before the day or time was changed)."""
        return self.last(moment) == moment

    def local_day(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    @classmethod
    def of(cls, profile: HubProfile) -> DigestSchedule:
        """The hub's schedule: its digest day and time (or the environment's), in its time zone."""
        weekday = WEEKDAYS.index(profile.digest_day)
        return cls(ZoneInfo(profile.timezone), weekday, time.fromisoformat(profile.digest_time))


class Digests:
    def __init__(self, db: Database, clock: Clock, programs: Programs, sessions: Sessions, hubs: Hubs,
                 *, agenda: Agenda, admins: tuple[str, ...]) -> None:  # fmt: skip
        self._db = db
        self._clock = clock
        self._programs = programs
        self._sessions = sessions
        self._hubs = hubs  # each hub's digest day, time, zone and channel (/echo hub settings)
        self._agenda = agenda
        self._admins = admins
        # issue 17: the series surveys' comparisons (set by the container; none without)
        self.surveys: Callable[[Reader, Program, datetime, datetime], Awaitable[list[SurveyComparison]]] | None = None

    async def schedule(self) -> DigestSchedule:
        """The acting hub's digest schedule."""
        return DigestSchedule.of(await self._hubs.profile())

    # ---- planning ----------------------------------------------------------------------------
    async def plan_all(self) -> int:
        """Plan this week's (if its moment has passed) and next week's digest of every active program.
        Returns how many rows were new. Existing keys are left alone: each week's digest runs once."""
        now = self._clock.now()
        schedule = await self.schedule()
        this_week = schedule.last(now)
        rows = []
        for program in await self._programs.active():
            moments = [this_week, schedule.following(this_week)]
            latest = await outbox.latest_job_done(self._db.reader, keys.digests(program.id))
            if latest is not None and latest > this_week:
                moments = moments[1:]  # a digest went out after this week's moment (the day changed): not another
            rows += [
                {"key": self.weekly_key(schedule, program.id, moment), "kind": OutboxKind.JOB,
                 "target": keys.digest_jobs(program.id), "due_at": moment, "stale_at": schedule.following(moment),
                 "render": Render(name="digest.weekly", args={"program_id": program.id, "moment": moment.isoformat()})}
                for moment in moments if moment > program.created_at
            ]  # fmt: skip
        if not rows:
            return 0
        async with self._db.transaction() as tx:
            return await outbox.enqueue_many(tx, rows, now)

    @staticmethod
    def weekly_key(schedule: DigestSchedule, program_id: int, moment: datetime) -> str:
        """One per program and week; the local time is in it, so a new digest time plans a new row."""
        local = moment.astimezone(schedule.zone)
        return keys.weekly_digest(program_id, local)

    async def _weekly(self, tx: Tx, args: dict[str, Any], now: datetime) -> None:
        """The weekly moment: one message (and its chart) per recipient, rendered when sent."""
        program = await programs_repo.get(tx, int(args["program_id"]))
        moment = datetime.fromisoformat(str(args["moment"]))
        schedule = await self.schedule()
        if program is None or not program.active or not schedule.is_moment(moment):
            return  # archived, or planned before the digest day or time was changed
        late = now - moment > LATE_AFTER
        key = self.weekly_key(schedule, program.id, moment)
        spec = {"program_id": program.id, "since": schedule.previous(moment).isoformat(),
                "until": moment.isoformat(), "late": late}  # fmt: skip
        await self._plan_messages(tx, key, await self._recipients(tx, program), spec, now,
                                  stale_at=schedule.following(moment))  # fmt: skip

    async def _recipients(self, db: Reader, program: Program) -> list[str]:
        """The coordinators' channel when one is set; else the program's coordinators; else the hub's."""
        channel = (await self._hubs.profile()).digest_channel
        if channel:
            return [channel]
        if program.coordinators:
            return list(program.coordinators)
        hub = list(self._admins) + await coordinators_repo.all_ids(db)
        return list(dict.fromkeys(hub))

    async def _plan_messages(self, tx: Tx, key: str, targets: list[str], spec: dict[str, Any], now: datetime,
                             *, stale_at: datetime | None = None) -> int:  # fmt: skip
        rows: list[dict[str, Any]] = []
        for target in targets:
            message_key = keys.digest_to(key, target)
            rows.append({"key": message_key, "target": target, "stale_at": stale_at,
                         "render": Render(name="digest.message", args=spec)})  # fmt: skip
            rows.append({"key": keys.chart(message_key), "kind": OutboxKind.UPLOAD, "target": target,
                         "parent_key": message_key, "stale_at": stale_at,
                         "render": Render(name="digest.chart", args=spec)})  # fmt: skip
            rows.append({"key": keys.beside(message_key, "survey"), "kind": OutboxKind.UPLOAD, "target": target,
                         "parent_key": message_key, "stale_at": stale_at,
                         "render": Render(name="survey.chart", args=spec)})  # fmt: skip
        return await outbox.enqueue_many(tx, rows, now)

    # ---- on demand ---------------------------------------------------------------------------
    async def request(self, person: Person, program_name: str, request_id: str) -> str:
        """`/echo digest [program]`: the digest now, by DM, of one program or every one this person
        coordinates. Returns the answer to show (what is coming, or why not)."""
        managed = await self._programs.managed_by(person)
        if program_name:
            program = next((p for p in managed if p.name.lower() == program_name.lower()), None)
            if program is None:
                known = await self._programs.find(program_name)
                return (f"You do not coordinate *{escape(known.name)}*." if known and known.active else
                        f"I know no active program called “{escape(program_name[:80])}”.")  # fmt: skip
            chosen = [program]
        else:
            chosen = managed
        if not chosen:
            return "You coordinate no active program."
        now = self._clock.now()
        spec_until = now.isoformat()
        async with self._db.transaction() as tx:
            for program in chosen:
                spec = {"program_id": program.id, "until": spec_until, "late": False}
                await self._plan_messages(tx, keys.digest_now(program.id, request_id), [person.user_id], spec, now)
            await audit.record(tx, now, person.user_id, "digest.request", ",".join(str(p.id) for p in chosen))
        names = escape(chosen[0].name) if len(chosen) == 1 else f"your {len(chosen)} programs"
        return f"Sending the digest of *{names}* to your direct messages."

    # ---- content -----------------------------------------------------------------------------
    async def build(self, db: Reader, program: Program, until: datetime, *, since: datetime | None = None,
                    late_for: datetime | None = None) -> Digest:  # fmt: skip
        """The figures of the week before `until` (from `since`, the previous weekly moment, when given), the
        last session that ended and the next one."""
        since = since or until - PERIOD
        last_id = await digests_repo.last_ended(db, program.id, until)
        last = await sessions_repo.get(db, last_id) if last_id is not None else None
        upcoming = await sessions_repo.next_of(db, program.id, until)
        return Digest(
            program=program, since=since, until=until, late_for=late_for,
            hub_registrations=await digests_repo.registrations(db, since, until),
            joined=await digests_repo.joined(db, program.id, since, until),
            pipeline=await digests_repo.pipeline(db, program.id, since, until),
            next_session=upcoming,
            agenda=await self._agenda(db, upcoming.id) if upcoming else [],
            last_session=last,
            results=await digests_repo.session_results(db, last.id) if last else None,
            comments=await digests_repo.comments(db, last.id) if last else [],
            trend=await digests_repo.trend(db, program.id, until, TREND_SESSIONS),
            flagged_replies=await self._flagged(db, program, since, until),
            library_added=await library_repo.added(db, program.id, since, until),
            library_searches=await library_repo.searches(db, program.id, since, until),
            series_ended=await self._series_ended(db, program, since, until),
            surveys=await self.surveys(db, program, since, until) if self.surveys else [],
        )  # fmt: skip

    @staticmethod
    async def _series_ended(db: Reader, program: Program, since: datetime, until: datetime) -> list[SeriesResult]:
        """Issue 17: the program's series that ended in the period, with how many completed them."""
        found = []
        for ended in await series_repo.ended_between(db, program.id, since, until):
            rows = await series_repo.completions(db, ended.id)
            found.append(SeriesResult(first=ended.starts_on, last=ended.ends_on, held=ended.sessions_held,
                                      completed=sum(r.completed for r in rows), people=len(rows),
                                      threshold=ended.threshold_percent))  # fmt: skip
        return found

    async def _flagged(self, db: Reader, program: Program, since: datetime, until: datetime) -> int:
        """Flagged replies in case threads, counted by the hub's local day: a weekly digest counts the days from
        the previous moment's up to its own (that day goes to the next week's); one on demand counts today."""
        end = until.astimezone(program.zone).date()
        if not (await self.schedule()).is_moment(until):
            end += timedelta(days=1)
        return await flags.total(db, program.id, since.astimezone(program.zone).date(), end)

    async def _load(
        self, db: Reader, args: dict[str, Any]
    ) -> tuple[Program, datetime, datetime, datetime | None] | None:
        """(program, since, until, late_for) of a planned digest; None when its program is gone or archived."""
        program = await programs_repo.get(db, int(args["program_id"]), staff=False)
        if program is None or not program.active:
            return None
        until = datetime.fromisoformat(str(args["until"]))
        since = datetime.fromisoformat(str(args["since"])) if args.get("since") else None
        return program, since or until - PERIOD, until, until if args.get("late") else None

    async def _render_message(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        loaded = await self._load(db, args)
        if loaded is None:
            return None
        program, since, until, late_for = loaded
        return digest_message(await self.build(db, program, until, since=since, late_for=late_for), now)

    async def _render_chart(self, db: Reader, args: dict[str, Any], now: datetime) -> Message | None:
        loaded = await self._load(db, args)
        if loaded is None:
            return None
        program, _, until, _ = loaded
        points = await digests_repo.trend(db, program.id, until, TREND_SESSIONS)
        png = await self.chart(program, points)
        if png is None:
            return None  # too few sessions for a trend: the message says so
        return Message(text=chart_comment(program, len(points)), file=Attachment(
            filename=f"attendance-{program.id}-{until.date().isoformat()}.png",
            title=f"{program.name}: attendance and evaluations, last {len(points)} sessions", content=png,
            alt_text=_alt_text(points)))  # fmt: skip

    @staticmethod
    async def chart(program: Program, points: list[digests_repo.TrendPoint]) -> bytes | None:
        """The PNG of the trend (None with fewer than two sessions); drawn in a worker thread."""
        if len(points) < 2:
            return None
        bars = [Bar(_short_date(p.starts_at, program.zone), p.present, p.evaluated) for p in points]
        title = f"{program.name}: attended and evaluated, last {len(points)} sessions"
        return await asyncio.to_thread(attendance_chart, bars, title)

    def register_renderers(self, renderers: Renderers) -> None:
        renderers.jobs["digest.weekly"] = self._weekly
        renderers.messages["digest.message"] = self._render_message
        renderers.messages["digest.chart"] = self._render_chart


def _short_date(moment: datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    return f"{local:%b} {local.day}"


def _alt_text(points: list[digests_repo.TrendPoint]) -> str:
    """What the chart shows, for screen readers."""
    parts = [f"{p.evaluated} of {p.present}" for p in points]
    return "Bar chart. Evaluated of attended, per session, oldest first: " + ", ".join(parts) + "."
